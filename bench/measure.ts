/** What every benchmark shares: the result and context types, and a median timer. */
import type { Analysis, WorkbookSnapshot } from '../src/core';

export interface BenchResult {
  name: string;
  value: number;
  unit: 'ms' | '×' | 'count' | 'bytes' | 'MiB';
  target?: number;
}

export interface BenchContext {
  file: string;
  snapshot: WorkbookSnapshot;
  analysis: Analysis;
}

/** Median wall time of `times` runs, in ms: one slow run on a shared machine does not move it. */
export async function median(times: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}
