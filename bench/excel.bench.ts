/**
 * The Excel shell on the simulated Excel (ExcelApi 1.4, Excel on the web's 5 MB limits) with the
 * benchmark workbook (2,000 projects, 100,000 payments): syncs and bytes sent per action — the
 * figures that decide how long a user waits on Excel on the web, where every sync is a round trip.
 */
import { analyzeWorkbook, generateReport, recalculate, undoLastRun, type ExcelHost } from '../src/excel';
import { createFakeExcel, type FakeExcel } from '../src/testing/fake-excel';
import { loadXlsxIntoFake } from '../src/testing/fake-excel/load-xlsx';
import type { BenchContext, BenchResult } from './measure';

const SETTINGS = { today: '2024-01-15' };

function hostOf(fake: FakeExcel): ExcelHost {
  return { run: fake.Excel.run, isSetSupported: (name, version) => fake.isSetSupported(name, version) };
}

async function measured(label: string, fake: FakeExcel, action: () => Promise<unknown>): Promise<BenchResult[]> {
  fake.resetStats();
  const t0 = process.hrtime.bigint();
  await action();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const { syncCount, bytesSent, maxRequestBytes, cellsRead, cellsWritten } = fake.stats;
  return [
    { name: `excel ${label}: syncs`, value: syncCount, unit: 'count' },
    { name: `excel ${label}: bytes sent`, value: bytesSent, unit: 'bytes' },
    { name: `excel ${label}: largest request`, value: maxRequestBytes, unit: 'bytes', target: 5 * 1024 * 1024 },
    { name: `excel ${label}: cells read / written`, value: cellsRead + cellsWritten, unit: 'count' },
    { name: `excel ${label}: time on the simulated Excel`, value: ms, unit: 'ms' },
  ];
}

export async function benchExcel({ file }: Pick<BenchContext, 'file'>): Promise<BenchResult[]> {
  const data = await loadXlsxIntoFake(file);
  const fake = createFakeExcel(data, { excelApi: '1.4', maxResponseBytes: 5 * 1024 * 1024 });
  const host = hostOf(fake);
  return [
    ...(await measured('check (read + core)', fake, () => analyzeWorkbook(host, SETTINGS))),
    ...(await measured('recalculate', fake, () => recalculate(host, SETTINGS))),
    ...(await measured('undo', fake, () => undoLastRun(host))),
    ...(await measured('report sheet', fake, () => generateReport(host, SETTINGS))),
  ];
}
