/**
 * The whole command line against a named peer, in child processes, in one run:
 *   `jixiao report IN -o OUT` vs openpyxl read-only iterating every row of the same file
 *   (target: at most half its wall time, and at most 200 MiB peak resident memory);
 *   one stray space in XFD1048576 (target: under 2 s and 200 MiB);
 *   50,000 merged ranges read (target: about a second).
 * openpyxl is Debian's python3-openpyxl (`apt-get install python3-openpyxl`); without it those lines
 * say so. Runs alternate between the two so both meet the same load on a shared machine.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { projectRoot } from '../scripts/project-root';
import { readXlsx } from '../src/cli/xlsx-read/node';
import { BenchResult } from './measure';
import { BENCH_DIR } from './workbook';

const PYTHON = '/usr/bin/python3';
const OPENPYXL_SCRIPT = `
import sys, resource, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
rows = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        rows += 1
u = resource.getrusage(resource.RUSAGE_SELF)
sys.stderr.write('RSS_KB %d CPU_MS %d ROWS %d\\n' % (u.ru_maxrss, round((u.ru_utime + u.ru_stime) * 1000), rows))
`;
// The CLI exactly as `npx jixiao` runs it (bin/jixiao.js), reporting its own peak RSS on exit.
const CLI_SCRIPT = `
process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('RSS_KB ' + u.maxRSS + ' CPU_MS ' + Math.round((u.userCPUTime + u.systemCPUTime) / 1000) + '\\n'); });
process.argv.splice(1, 0, 'jixiao');
require(${JSON.stringify(path.join(projectRoot(), 'bin', 'jixiao.js'))});
`;

interface ChildRun {
  ms: number;
  /** CPU time (user + system) the child reported: steadier than wall time on a shared machine. */
  cpuMs: number;
  rssKb: number;
  ok: boolean;
  stderr: string;
}

function child(cmd: string, args: string[]): ChildRun {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const m = /RSS_KB (\d+) CPU_MS (\d+)/.exec(r.stderr ?? '');
  return { ms, cpuMs: m ? Number(m[2]) : NaN, rssKb: m ? Number(m[1]) : NaN, ok: r.status === 0, stderr: r.stderr ?? '' };
}

function cliRun(input: string, output: string): ChildRun {
  return child(process.execPath, ['-e', CLI_SCRIPT, 'report', input, '-o', output]);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function hasOpenpyxl(): boolean {
  return existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
}

/** The sample workbook with one space typed in XFD1048576 of its funds sheet. */
async function strayCellWorkbook(): Promise<string> {
  const file = path.join(BENCH_DIR, 'stray-XFD1048576.xlsx');
  if (existsSync(file)) return file;
  const zip = await JSZip.loadAsync(readFileSync(path.join(projectRoot(), 'samples', '黔南州大数据局-2023预算执行.xlsx')));
  const part = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(part)!.async('string');
  zip.file(part, xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t xml:space="preserve"> </t></is></c></row></sheetData>').replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'));
  mkdirSync(BENCH_DIR, { recursive: true });
  writeFileSync(file, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  return file;
}

async function mergesWorkbook(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(readFileSync(path.join(projectRoot(), 'samples', '黔南州大数据局-2023预算执行.xlsx')));
  const merges = Array.from({ length: 50_000 }, (_, i) => `<mergeCell ref="A${i * 2 + 1}:C${i * 2 + 2}"/>`).join('');
  const rows = Array.from({ length: 100_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
  zip.file('xl/worksheets/sheet3.xml', `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData><mergeCells count="50000">${merges}</mergeCells></worksheet>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function benchPeers({ file }: { file: string }, runs = 3): Promise<BenchResult[]> {
  const out = path.join(BENCH_DIR, 'peer-out.xlsx');
  const results: BenchResult[] = [];
  const cli: ChildRun[] = [];
  const py: ChildRun[] = [];
  const withPython = hasOpenpyxl();
  for (let i = 0; i < runs; i++) {
    cli.push(cliRun(file, out));
    if (withPython) py.push(child(PYTHON, ['-c', OPENPYXL_SCRIPT, file]));
  }
  const failed = [...cli, ...py].find((r) => !r.ok);
  if (failed) throw new Error(`a child run failed: ${failed.stderr.trim().split('\n').pop()}`);
  const cliMs = median(cli.map((r) => r.ms));
  results.push(
    { name: 'peer: whole `jixiao report IN -o OUT` (child process)', value: cliMs, unit: 'ms' },
    { name: 'peer: its CPU time', value: median(cli.map((r) => r.cpuMs)), unit: 'ms' },
    { name: 'peer: its peak resident memory', value: Math.round(Math.max(...cli.map((r) => r.rssKb)) / 1024), unit: 'MiB', target: 200 },
  );
  if (withPython) {
    const pyMs = median(py.map((r) => r.ms));
    results.push(
      { name: 'peer: openpyxl read-only, every row (child process)', value: pyMs, unit: 'ms' },
      { name: 'peer: openpyxl CPU time', value: median(py.map((r) => r.cpuMs)), unit: 'ms' },
      { name: 'peer: openpyxl peak resident memory', value: Math.round(Math.max(...py.map((r) => r.rssKb)) / 1024), unit: 'MiB' },
      { name: 'peer: whole CLI ÷ openpyxl read (wall time)', value: cliMs / pyMs, unit: '×', target: 0.5 },
      { name: 'peer: whole CLI ÷ openpyxl read (CPU time)', value: median(cli.map((r) => r.cpuMs)) / median(py.map((r) => r.cpuMs)), unit: '×', target: 0.5 },
    );
  } else {
    console.log('peer: openpyxl not found (apt-get install python3-openpyxl) — the comparison is skipped');
  }

  const stray = await strayCellWorkbook();
  const strayRuns = Array.from({ length: runs }, () => cliRun(stray, path.join(BENCH_DIR, 'stray-out.xlsx')));
  if (strayRuns.some((r) => !r.ok)) throw new Error(`the stray-cell run failed: ${strayRuns[0].stderr}`);
  // The 2 s target is held against CPU time: wall time on a shared machine says more about the neighbours.
  results.push(
    { name: 'stray space in XFD1048576: whole CLI run (wall)', value: median(strayRuns.map((r) => r.ms)), unit: 'ms' },
    { name: 'stray space in XFD1048576: whole CLI run (CPU)', value: median(strayRuns.map((r) => r.cpuMs)), unit: 'ms', target: 2000 },
    { name: 'stray space in XFD1048576: peak resident memory', value: Math.round(Math.max(...strayRuns.map((r) => r.rssKb)) / 1024), unit: 'MiB', target: 200 },
  );

  const merged = await mergesWorkbook();
  await readXlsx(merged);
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const s = await readXlsx(merged);
  const c = process.cpuUsage(c0);
  const mergeMs = Number(process.hrtime.bigint() - t0) / 1e6;
  results.push(
    { name: `read 50,000 merged ranges (${s.sheets[2].merges!.length} found), wall`, value: mergeMs, unit: 'ms' },
    { name: 'read 50,000 merged ranges, CPU', value: (c.user + c.system) / 1000, unit: 'ms', target: 1500 },
  );
  return results;
}
