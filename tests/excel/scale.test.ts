/**
 * However many rows: the shell reads and writes in a constant number of syncs plus one per 4 MB,
 * never sends or receives more than Excel on the web's 5 MB in one sync (the simulated Excel enforces
 * both limits here), and undo still restores every cell of a 100,000-row output column.
 */
import { cellBytes } from '../../src/excel/budget';
import { analyzeWorkbook, recalculate, undoLastRun } from '../../src/excel';
import type { FakeStats } from '../../src/testing/fake-excel';
import { generatedWorkbook } from './generated';
import { TODAY, diffViews, hostOf, strictFake, workbookView } from './helpers';

const FIVE_MB = 5 * 1024 * 1024;
const settings = { today: TODAY };

interface Run {
  analyzeSyncs: number;
  recalcSyncs: number;
  recalc: FakeStats;
  /** JSON bytes of the cells the read needs: the funds sheet and the payments sheet. */
  dataBytes: number;
  cellsWritten: number;
}

async function measure(projects: number, payments: number): Promise<Run> {
  const data = generatedWorkbook(projects, payments);
  let dataBytes = 0;
  for (const sheet of data.sheets) for (const row of sheet.values) for (const v of row ?? []) dataBytes += cellBytes(v);
  const fake = strictFake(data);
  const host = hostOf(fake);
  await analyzeWorkbook(host, settings);
  const analyzeSyncs = fake.stats.syncCount;
  fake.resetStats();
  const { cellsWritten } = await recalculate(host, settings);
  return { analyzeSyncs, recalcSyncs: fake.stats.syncCount, recalc: fake.stats, dataBytes, cellsWritten };
}

describe('sync counts and payload sizes from 100 to 100,000 payment rows', () => {
  const runs: Record<number, Run> = {};

  beforeAll(async () => {
    runs[100] = await measure(100, 100);
    runs[10_000] = await measure(100, 10_000);
    runs[100_000] = await measure(2000, 100_000);
  }, 120_000);

  it('uses the same number of syncs for 100 and for 10,000 payment rows', () => {
    expect(runs[10_000].analyzeSyncs).toBe(runs[100].analyzeSyncs);
    expect(runs[10_000].recalcSyncs).toBe(runs[100].recalcSyncs);
    expect(runs[100].analyzeSyncs).toBe(3);
    expect(runs[100].recalcSyncs).toBe(6);
  });

  it('adds at most one sync per 4 MB of data for 100,000 rows', () => {
    const big = runs[100_000];
    // The reads estimate their responses a little high (a longer cell further down must still fit),
    // so the allowance is the data with that margin, in 4 MB syncs.
    const allowance = Math.ceil((big.dataBytes * 1.25) / 4_000_000);
    expect(big.analyzeSyncs - runs[100].analyzeSyncs).toBeLessThanOrEqual(allowance);
    expect(big.recalcSyncs - runs[100].recalcSyncs).toBeLessThanOrEqual(allowance + 1);
    expect(big.cellsWritten).toBeGreaterThan(100_000); // the payments' 校验提示 column is written too
  });

  it('never sends a request over 5 MB (responses are held to 5 MB by the simulated Excel)', () => {
    for (const run of Object.values(runs)) {
      expect(run.recalc.maxRequestBytes).toBeLessThan(FIVE_MB);
      expect(run.recalc.requests.every((r) => r.error === undefined)).toBe(true);
    }
  });

  it('undoes a 100,000-row calculation exactly', async () => {
    const data = generatedWorkbook(2000, 100_000);
    const before = workbookView(data);
    const fake = strictFake(data);
    const host = hostOf(fake);
    await recalculate(host, settings);
    const result = await undoLastRun(host);
    expect(result?.restoredCells).toBe(runs[100_000].cellsWritten);
    expect(diffViews(workbookView(fake.controls.data()), before)).toEqual([]);
    expect(fake.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
  }, 120_000);
});
