/**
 * fast-check runs with a fixed seed: a property fails or passes the same way on every machine and
 * every run, so a failure is never hidden by luck and never appears by it. Set FC_SEED to explore
 * other cases by hand; a failure prints its seed and path to replay it.
 */
export const PROPERTY_SEED = Number(process.env.FC_SEED ?? 20231231);
