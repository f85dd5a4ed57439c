/**
 * The page's file-backed host against the command line: the same input and settings give the same
 * computed workbook. With Node's zlib injected the bytes are identical to `jixiao report IN -o OUT`;
 * with fflate — what the page's worker uses — every part holds the same bytes once inflated, the parts
 * the patch does not touch are copied compressed byte for byte, and a reader sees the same cells.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { FileActionError, type FileCodecs, FileWorkbook } from '../../src/app/file-workbook';
import type { Settings, WorkbookSnapshot } from '../../src/core';
import { browserPatchCodec, jsPatchCodec } from '../../src/cli/xlsx-patch/browser';
import { nodePatchCodec } from '../../src/cli/xlsx-patch/node';
import { readCentralDirectory } from '../../src/cli/xlsx-read';
import { browserInflate, jsInflate } from '../../src/cli/xlsx-read/browser';
import { nodeInflate, readXlsx } from '../../src/cli/xlsx-read/node';
import { inflateRawSync } from 'zlib';
import { SAMPLE, cli, tempDir } from '../helpers/cli';

const ROOT = path.join(__dirname, '..', '..');
const NODE: FileCodecs = { inflate: nodeInflate, patch: nodePatchCodec };
/** What the page's worker uses: the browser's DecompressionStream and CompressionStream (Node 20 has both), fflate for windows. */
const BROWSER: FileCodecs = { inflate: browserInflate, patch: browserPatchCodec };
/** An older browser's (Chromium 86–102: no raw DEFLATE streams): fflate for everything. */
const FFLATE: FileCodecs = { inflate: jsInflate, patch: jsPatchCodec };
/** The CLI's clock and the page's `today` say the same day, so neither the fiscal year nor the report differs by when it ran. */
const CLOCK = { now: () => new Date('2024-01-20T02:00:00Z'), timeZone: 'Asia/Shanghai' };
const TODAY = '2024-01-20';

interface Case {
  name: string;
  file: string;
  args: string[];
  settings: Settings;
}

const CASES: Case[] = [
  { name: 'the sample', file: SAMPLE, args: ['--report-date', '2024-01-15'], settings: { reportDate: '2024-01-15' } },
  {
    name: 'a monitoring run on an openpyxl workbook, rates to two decimals',
    file: path.join(ROOT, 'tests/fixtures/heldout/openpyxl-monitoring.xlsx'),
    args: ['--as-of', '2023-07-31', '--rate-display', 'two-decimals'],
    settings: { asOf: '2023-07-31', rateDisplay: 'two-decimals' },
  },
  {
    name: 'a table with a merged 执行率 cell and appended columns',
    file: path.join(ROOT, 'tests/fixtures/layouts/merged-append.xlsx'),
    args: [],
    settings: {},
  },
];

async function cliOutput(c: Case): Promise<Uint8Array> {
  const out = path.join(tempDir(), 'out.xlsx');
  const run = await cli(['report', c.file, '-o', out, ...c.args], { clock: CLOCK });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return new Uint8Array(readFileSync(out));
}

async function pageOutput(file: string, settings: Settings, codecs: FileCodecs) {
  const wb = await FileWorkbook.open(new Uint8Array(readFileSync(file)), path.basename(file), codecs);
  return wb.computedWorkbook({ ...settings, today: TODAY });
}

/** Each part as a reader sees it: name → inflated bytes, in the package's order. */
function inflatedParts(bytes: Uint8Array): [string, Buffer][] {
  return readCentralDirectory(bytes).map((e) => [e.name, e.method === 0 ? Buffer.from(e.data) : inflateRawSync(e.data)]);
}

function cells(s: WorkbookSnapshot): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const sheet of s.sheets) sheet.values.forEach((row, i) => row?.forEach((v, j) => v !== '' && v !== null && out.set(`${sheet.name}!${sheet.top + i},${sheet.left + j}`, v)));
  return out;
}

describe.each(CASES)('$name', (c) => {
  let fromCli: Uint8Array;
  beforeAll(async () => {
    fromCli = await cliOutput(c);
  });

  test('with zlib, the page’s workbook is byte for byte the CLI’s', async () => {
    const page = await pageOutput(c.file, c.settings, NODE);
    expect(page.bytes.length).toBe(fromCli.length);
    expect(Buffer.from(page.bytes).equals(Buffer.from(fromCli))).toBe(true);
  });

  test.each([
    ['the browser’s compression streams (the page’s worker)', BROWSER],
    ['fflate alone (an older browser)', FFLATE],
  ])('with %s, every part inflates to the CLI’s bytes and untouched parts are copied as they were', async (_, codecs) => {
    const page = await pageOutput(c.file, c.settings, codecs);
    const mine = inflatedParts(page.bytes);
    const theirs = inflatedParts(fromCli);
    expect(mine.map(([n]) => n)).toEqual(theirs.map(([n]) => n));
    mine.forEach(([name, data], i) => expect({ name, same: data.equals(theirs[i][1]) }).toEqual({ name, same: true }));
    // A part the patch did not touch keeps its compressed bytes: the input's, not re-deflated.
    const input = new Map(readCentralDirectory(new Uint8Array(readFileSync(c.file))).map((e) => [e.name, Buffer.from(e.data)]));
    const cliEntries = new Map(readCentralDirectory(fromCli).map((e) => [e.name, Buffer.from(e.data)]));
    let copied = 0;
    for (const e of readCentralDirectory(page.bytes)) {
      if (input.get(e.name)?.equals(cliEntries.get(e.name)!)) {
        expect({ name: e.name, same: Buffer.from(e.data).equals(input.get(e.name)!) }).toEqual({ name: e.name, same: true });
        copied++;
      }
    }
    expect(copied).toBeGreaterThan(0);
    // And read back, cell by cell, it is the CLI's workbook.
    expect(cells(await readXlsx(page.bytes))).toEqual(cells(await readXlsx(fromCli)));
  });
});

test('the sample’s computed workbook holds 28% in 项目资金!L5, the 偏差说明 in Q5 and the report sheets', async () => {
  expect(browserPatchCodec.deflateRawAsync).toBeDefined(); // the report sheets go through CompressionStream here, as in the page
  const page = await pageOutput(SAMPLE, {}, BROWSER);
  expect(page.fileName).toBe('黔南州大数据局-2023预算执行-计算后.xlsx');
  const snapshot = await readXlsx(page.bytes);
  const funds = snapshot.sheets.find((s) => s.name === '项目资金')!;
  const at = (row: number, col: number) => funds.values[row - 1 - funds.top][col - funds.left];
  expect(at(5, 11)).toBeCloseTo(20 / 72, 12); // L5
  expect(String(at(5, 16))).toMatch(/^执行率28%，低于预算72个百分点；节余资金52万元。/); // Q5
  expect(snapshot.sheets.map((s) => s.name)).toEqual(['项目资金', '支付明细', '单位信息', '绩效指标', '自评报告', '核对清单', '绩效自评表']);
  expect(page.sheetName).toBe('自评报告');
  expect(page.cellsWritten).toBeGreaterThan(30);
});

test('run on its own computed workbook, the page replaces its unchanged report in place, as the CLI does', async () => {
  const first = await pageOutput(SAMPLE, { reportDate: '2024-01-15' }, NODE);
  const dir = tempDir();
  const firstFile = path.join(dir, 'first.xlsx');
  require('fs').writeFileSync(firstFile, first.bytes);
  const again = await pageOutput(firstFile, { reportDate: '2024-01-15' }, NODE);
  expect(again.sheetName).toBe('自评报告');
  expect(again.kept).toEqual([]);
  const out = path.join(dir, 'again.xlsx');
  expect((await cli(['report', firstFile, '-o', out, '--report-date', '2024-01-15'], { clock: CLOCK })).code).toBe(0);
  expect(Buffer.from(again.bytes).equals(readFileSync(out))).toBe(true);
});

test('a file that is not a workbook is refused naming the file and why, in both languages', async () => {
  const bytes = new Uint8Array(readFileSync(path.join(ROOT, 'tests/fixtures/producers/libreoffice-budget.xls')));
  const opened = FileWorkbook.open(bytes, '预算.xls', BROWSER);
  await expect(opened).rejects.toBeInstanceOf(FileActionError);
  const e = (await opened.catch((x: unknown) => x)) as FileActionError;
  expect(e.zh).toMatch(/^无法读取 预算\.xls：.*(\.xls|97-2003)/);
  expect(e.en).toMatch(/^Cannot read 预算\.xls: /);
});

test('a workbook without a funds table gets the CLI’s reason when asked for the computed copy', async () => {
  const file = path.join(ROOT, 'tests/fixtures/bad/no-table.xlsx');
  const wb = await FileWorkbook.open(new Uint8Array(readFileSync(file)), 'no-table.xlsx', BROWSER);
  const run = await cli(['report', file, '-o', path.join(tempDir(), 'x.xlsx')], { clock: CLOCK });
  expect(run.code).toBe(2);
  const e = (await wb.computedWorkbook({ today: TODAY }).catch((x: unknown) => x)) as FileActionError;
  expect(e).toBeInstanceOf(FileActionError);
  expect(run.stderr).toContain(e.zh);
});

test('the page receives the analysis without the payments (they stay in the worker), and the computed workbook still checks every payment', async () => {
  const { localService } = await import('../../src/app/workbook-service');
  const full = (await FileWorkbook.open(new Uint8Array(readFileSync(SAMPLE)), 'sample.xlsx', NODE)).analyze({ today: TODAY });
  const service = localService(NODE, async () => new Uint8Array());
  await service.open(new Uint8Array(readFileSync(SAMPLE)), 'sample.xlsx', undefined);
  const shown = await service.analyze({ today: TODAY });
  expect(full.model!.payments.length).toBeGreaterThan(10);
  expect(shown.model!.payments).toEqual([]);
  expect(shown.model!.paymentRows).toEqual([]);
  // What the pane shows is all there: projects, results, issues (each naming its cell), the plan.
  expect(shown.model!.projects).toEqual(full.model!.projects);
  expect(shown.results).toEqual(full.results);
  expect(shown.issues.map((i) => i.cell)).toEqual(full.issues.map((i) => i.cell));
  expect(shown.plan).toEqual(full.plan);
  const computed = await service.computedWorkbook({ today: TODAY });
  // The download carries its bytes and the sentence about them, not the analysis and report again.
  expect(Object.keys(computed).sort()).toEqual(['bytes', 'cellsWritten', 'checklistSheetName', 'fileName', 'formSheetName', 'kept', 'sheetName']);
  expect(computed.formSheetName).toBe('绩效自评表');
  expect(computed.fileName).toBe('sample-计算后.xlsx');
  expect(computed.cellsWritten).toBe(full.plan.blocks.reduce((n, b) => n + b.values.reduce((m, row) => m + row.length, 0), 0));
});

test('an analysis is kept for the same settings and made again when they change', async () => {
  const workbook = await FileWorkbook.open(new Uint8Array(readFileSync(SAMPLE)), 'sample.xlsx', NODE);
  const first = workbook.analyze({ today: TODAY });
  expect(workbook.analyze({ today: TODAY })).toBe(first);
  const twoDecimals = workbook.analyze({ today: TODAY, rateDisplay: 'two-decimals' });
  expect(twoDecimals).not.toBe(first);
  expect(twoDecimals.settings.rateDisplay).toBe('two-decimals');
  expect(workbook.analyze({ today: TODAY }).settings.rateDisplay).toBe(first.settings.rateDisplay);
});

test('the first analysis begins in the worker as soon as the snapshot is sent, and the page’s own call gets it', async () => {
  const { localService } = await import('../../src/app/workbook-service');
  const analyze = jest.spyOn(FileWorkbook.prototype, 'analyze');
  try {
    const service = localService(NODE, async () => new Uint8Array());
    await service.open(new Uint8Array(readFileSync(SAMPLE)), 'sample.xlsx', { today: TODAY });
    expect(analyze).not.toHaveBeenCalled(); // the snapshot's answer goes first
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(analyze).toHaveBeenCalledWith({ today: TODAY });
    const early = analyze.mock.results[0].value as ReturnType<FileWorkbook['analyze']>;
    analyze.mockClear();
    const shown = await service.analyze({ today: TODAY });
    expect(analyze.mock.results[0].value).toBe(early); // kept, not made again
    expect(shown.results).toEqual(early.results);
    // Other settings are analyzed afresh.
    const other = await service.analyze({ today: TODAY, rateDisplay: 'two-decimals' });
    expect(analyze.mock.results[1].value).not.toBe(early);
    expect(other.settings.rateDisplay).toBe('two-decimals');
  } finally {
    analyze.mockRestore();
  }
});

test('the report is made ahead after the results, once: the download and 生成报告 use it; other settings make their own', async () => {
  const { localService } = await import('../../src/app/workbook-service');
  await new Promise((resolve) => setTimeout(resolve, 0)); // the earlier tests' reports made ahead are done
  const build = jest.spyOn(FileWorkbook.prototype as unknown as { buildReport(a: unknown): unknown }, 'buildReport');
  try {
    const service = localService(NODE, async () => new Uint8Array());
    await service.open(new Uint8Array(readFileSync(SAMPLE)), 'sample.xlsx', undefined);
    await service.analyze({ today: TODAY });
    expect(build).not.toHaveBeenCalled(); // the results go to the page first
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(build).toHaveBeenCalledTimes(1);
    const report = await service.report({ today: TODAY });
    const download = await service.computedWorkbook({ today: TODAY });
    expect(build).toHaveBeenCalledTimes(1);
    expect(report.sheetName).toBe('自评报告');
    expect(download.sheetName).toBe('自评报告');
    const funds = (await readXlsx(download.bytes)).sheets.find((s) => s.name === '项目资金')!;
    expect(String(funds.values[5 - 1 - funds.top][16 - funds.left])).toMatch(/^执行率28%/); // Q5, from the report made ahead
    await service.computedWorkbook({ today: TODAY, rateDisplay: 'two-decimals' });
    expect(build).toHaveBeenCalledTimes(2);
  } finally {
    build.mockRestore();
  }
});

test('a workbook whose report cannot be made: made ahead, the failure waits and the user’s own call says it', async () => {
  const { localService } = await import('../../src/app/workbook-service');
  const service = localService(NODE, async () => new Uint8Array());
  const file = path.join(ROOT, 'tests/fixtures/bad/no-table.xlsx');
  await service.open(new Uint8Array(readFileSync(file)), 'no-table.xlsx', undefined);
  await service.analyze({ today: TODAY });
  await new Promise((resolve) => setTimeout(resolve, 0)); // nothing thrown out of the worker's own timer
  const e = (await service.computedWorkbook({ today: TODAY }).catch((x: unknown) => x)) as FileActionError;
  expect(e).toBeInstanceOf(FileActionError);
  expect(e.zh).toMatch(/项目资金|预算/);
});
