/**
 * npm run bench — speed as figures and ratios, never as timed assertions (these machines are shared):
 *   read: the .xlsx to a snapshot through our reader
 *   core: snapshot → write plan for 2,000 projects / 100,000 payments (target < 300 ms on one core)
 *   peers: the whole `jixiao report` against openpyxl reading the same file (peers.bench.ts)
 * Other parts of the project add their measurements through BENCHES.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { runReport } from '../src/cli/main';
import { readXlsx } from '../src/cli/xlsx-read/node';
import { analyze } from '../src/core';
import { BenchContext, BenchResult, median } from './measure';
import { BENCH_DIR, makeBenchWorkbook } from './workbook';
import { benchReport } from './report.bench';
import { benchExcel } from './excel.bench';
import { benchPatch } from './xlsx-patch.bench';
import { benchPeers } from './peers.bench';
import { benchRead } from './read.bench';

/** Extra benchmarks (report, Excel shell) register here. */
export const BENCHES: { name: string; run: (ctx: BenchContext) => Promise<BenchResult[]> }[] = [
  { name: 'peers', run: benchPeers },
  { name: 'read', run: benchRead },
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
  const buffer = new Uint8Array(await fs.readFile(file));

  await readXlsx(buffer); // warm the JIT once
  const read = await median(3, () => readXlsx(buffer));
  const snapshot = await readXlsx(buffer);
  const settings = { today: '2024-01-15' };
  analyze(snapshot, settings); // warm the JIT once, as a long-lived add-in would be
  const core = await median(9, () => analyze(snapshot, settings));
  const analysis = analyze(snapshot, settings);
  const out = path.join(BENCH_DIR, 'bench-out.xlsx');
  const cli = await median(3, () => runReport({ input: file, output: out, settings, strict: false, lang: 'zh' }));

  const results: BenchResult[] = [
    { name: 'read: the file to a snapshot (our reader)', value: read, unit: 'ms' },
    { name: `core: snapshot → plan (${analysis.model!.projects.length} projects, ${analysis.model!.payments.length} payments)`, value: core, unit: 'ms', target: 300 },
    { name: 'whole CLI run in-process, warm (read, core, apply, write)', value: cli, unit: 'ms' },
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
