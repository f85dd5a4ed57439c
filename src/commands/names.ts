/**
 * Ribbon function names: manifest.xml's <FunctionName> values. commands.ts passes these to
 * Office.actions.associate, and tests/manifest.test.ts checks the manifest uses exactly these.
 */
export const COMMAND_FUNCTIONS = {
  recalculate: 'recalculateRates',
  undo: 'undoLastRun',
} as const;

export type CommandFunctionName = (typeof COMMAND_FUNCTIONS)[keyof typeof COMMAND_FUNCTIONS];
