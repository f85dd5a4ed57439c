/**
 * npm run bench — speed as figures and ratios, never as timed assertions (these machines are shared):
 *   core: snapshot → write plan for 2,000 projects / 100,000 payments (target < 300 ms on one core)
 *   CLI ÷ load: the whole `jixiao report` divided by exceljs just loading the same file (target < 1.3)
 * Other parts of the project add their measurements through BENCHES.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { runReport } from '../src/cli/main';
import { workbookSnapshot } from '../src/cli/xlsx-snapshot';
import { analyze } from '../src/core';
import { BenchContext, BenchResult, median } from './measure';
import { BENCH_DIR, makeBenchWorkbook } from './workbook';
import { benchReport } from './report.bench';
import { benchExcel } from './excel.bench';
import { benchPatch } from './xlsx-patch.bench';

/** Extra benchmarks (report, Excel shell) register here. */
export const BENCHES: { name: string; run: (ctx: BenchContext) => Promise<BenchResult[]> }[] = [
  { name: 'report', run: benchReport },
  { name: 'excel', run: benchExcel },
  { name: 'xlsx-patch', run: benchPatch },
];


function print(r: BenchResult): void {
  const value = r.unit === 'ms' ? `${r.value.toFixed(1)} ms` : r.unit === '×' ? `${r.value.toFixed(2)}×` : `${r.value.toLocaleString('en-US')} ${r.unit}`;
  const target = r.target === undefined ? '' : `  (target ${r.unit === 'ms' ? `< ${r.target} ms` : r.unit === '×' ? `< ${r.target}×` : `≤ ${r.target}`}: ${r.value <= r.target ? 'met' : 'MISSED'})`;
  console.log(`${r.name.padEnd(58)} ${value}${target}`);
}

export async function main(): Promise<void> {
  const t0 = Date.now();
  const file = await makeBenchWorkbook();
  console.log(`workbook: ${path.relative(process.cwd(), file)} (${((await fs.stat(file)).size / 1e6).toFixed(1)} MB; built/cached in ${Date.now() - t0} ms)`);
  const buffer = await fs.readFile(file);

  const load = await median(3, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  });
  // The exceljs model is dropped once the snapshot is taken, as the CLI does: the core is timed on a
  // heap holding what a shell would hold, not a 100,000-row object model.
  const { snapshot, snapshotMs } = await (async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    return { snapshotMs: await median(3, () => workbookSnapshot(wb)), snapshot: workbookSnapshot(wb) };
  })();
  const settings = { today: '2024-01-15' };
  analyze(snapshot, settings); // warm the JIT once, as a long-lived add-in would be
  const core = await median(9, () => analyze(snapshot, settings));
  const analysis = analyze(snapshot, settings);
  const out = path.join(BENCH_DIR, 'bench-out.xlsx');
  const cli = await median(3, () => runReport({ input: file, output: out, settings, strict: false, lang: 'zh' }));

  const results: BenchResult[] = [
    { name: 'exceljs load of the file', value: load, unit: 'ms' },
    { name: 'snapshot from the loaded workbook', value: snapshotMs, unit: 'ms' },
    { name: `core: snapshot → plan (${analysis.model!.projects.length} projects, ${analysis.model!.payments.length} payments)`, value: core, unit: 'ms', target: 300 },
    { name: 'whole CLI run (load, core, apply, write)', value: cli, unit: 'ms' },
    { name: 'whole CLI ÷ exceljs load', value: cli / load, unit: '×', target: 1.3 },
  ];
  results.forEach(print);
  for (const b of BENCHES) (await b.run({ file, snapshot, analysis })).forEach(print);
}

if (require.main === module) {
  main().catch((e: Error) => {
    console.error(`bench failed: ${e.message}`);
    process.exitCode = 1;
  });
}
