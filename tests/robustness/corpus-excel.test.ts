/**
 * Every file of the bad corpus through the Excel shell, on the strict simulated Excel limited to the
 * manifest's ExcelApi 1.4 and to Excel on the web's 5 MB response: 检查 → 重新计算执行率 → 生成报告 →
 * 撤销上次计算. Each file either ends as it does on the command line — the very same issues, rates and
 * write plan — with its results in the cells and undo putting the workbook back exactly, or stops
 * with the command line's one-line reason, naming the sheet, having written nothing at all.
 *
 * not-an-xlsx.xlsx is left out: it is a CSV file with an .xlsx name, which Excel refuses to open, so
 * the add-in never sees it (corpus-cli.test.ts covers the command line's answer to it).
 */
import { readdirSync } from 'fs';
import * as path from 'path';
import { CORPUS, CORPUS_DIR } from '../../scripts/make-bad-corpus';
import { analyze, buildReport, cellRef, renderReportSheet, toSummary, type ReportSheetPlan, type Summary, type WritePlan } from '../../src/core';
import { OfficeActionError, UNDO_SHEET, analyzeWorkbook, generateReport, hasUndo, recalculate, undoLastRun } from '../../src/excel';
import { cloneWorkbookData, type FakeExcel, type FakeWorkbookData } from '../../src/testing/fake-excel';
import { loadXlsxIntoFake } from '../../src/testing/fake-excel/load-xlsx';
import { TODAY, cliSnapshot, diffViews, hostOf, sheetView, strictFake, workbookView } from '../excel/helpers';
import { cli, tempDir } from '../helpers/cli';

const settings = { today: TODAY };
const corpus = (name: string) => path.join(CORPUS_DIR, name);
const STACK_FRAME = /\bat .*\(?.*:\d+:\d+\)?/;

/** What Excel can open: every generated workbook, the 50,000-payment one included. */
const OPENABLE = [...Object.keys(CORPUS), 'payments-50k.xlsx'];

it('covers every file in the corpus folder except the one Excel cannot open', () => {
  expect(readdirSync(CORPUS_DIR).sort()).toEqual([...OPENABLE, 'not-an-xlsx.xlsx'].sort());
});

interface PlannedCell {
  sheet: string;
  address: string;
  value: string | number;
}

function plannedCells(plan: WritePlan): PlannedCell[] {
  return plan.blocks.flatMap((b) => b.values.flatMap((row, i) => row.map((value, j) => ({ sheet: b.sheet, address: cellRef(b.top + i, b.left + j), value }))));
}

/** Cells outside the plan's output columns whose value, formula or format differs ("项目资金!B7"), at most 10. */
function changedOutside(before: FakeWorkbookData, after: FakeWorkbookData, plan: WritePlan): string[] {
  const output = new Set(plan.columns.map((c) => `${c.sheet}|${c.col}`));
  const changed: string[] = [];
  for (const a of before.sheets) {
    const b = after.sheets.find((s) => s.name === a.name);
    if (!b) {
      changed.push(`${a.name} is gone`);
      continue;
    }
    const rows = Math.max(a.values.length, b.values.length);
    const kept = (c: number) => !output.has(`${a.name}|${c}`);
    for (let r = 0; r < rows && changed.length < 10; r++) {
      const cols = new Set<number>();
      for (const v of [a.values[r], b.values[r]]) v?.forEach((_, c) => cols.add(c));
      for (const o of [a.formulas[r], b.formulas[r], a.formats[r], b.formats[r]]) if (o) Object.keys(o).forEach((c) => cols.add(Number(c)));
      for (const c of cols) {
        if (!kept(c)) continue;
        const fa = a.formats[r]?.[c];
        const fb = b.formats[r]?.[c];
        const same =
          (a.values[r]?.[c] ?? '') === (b.values[r]?.[c] ?? '') &&
          a.formulas[r]?.[c] === b.formulas[r]?.[c] &&
          (fa === fb || JSON.stringify(fa ?? {}) === JSON.stringify(fb ?? {}));
        if (!same) changed.push(`${a.name}!${cellRef(r, c)}`);
      }
    }
    if (JSON.stringify([a.visibility, a.rowHeights]) !== JSON.stringify([b.visibility, b.rowHeights])) changed.push(`${a.name}: visibility or row heights`);
  }
  return changed;
}

function sheetList(data: FakeWorkbookData): [string, string][] {
  return data.sheets.map((s) => [s.name, s.visibility]);
}

function issueCells(s: Summary, code: string): string[] {
  return s.issues.filter((i) => i.code === code).map((i) => i.cell);
}

interface Reported {
  summary: Summary;
  fake: FakeExcel;
  /** The report sheet as the command line would write it from the same file. */
  reportPlan: ReportSheetPlan;
  /** The workbook before the add-in touched it. */
  original: FakeWorkbookData;
  /** The write plan the command line makes for the same file. */
  plan: WritePlan;
}

/**
 * The whole run on one file that the core can analyze, asserting at each step what the user would
 * see; `afterReport` looks at the workbook while the rates and the report are both in it.
 */
async function runsThrough(name: string, afterReport?: (r: Reported) => void): Promise<Summary> {
  const file = corpus(name);
  const data = await loadXlsxIntoFake(file);
  const original = cloneWorkbookData(data);
  const before = workbookView(original);
  const snapshot = await cliSnapshot(file);
  const onCli = analyze(snapshot, settings);
  const fake = strictFake(data);
  const host = hostOf(fake);

  // 检查: reads only, and finds exactly what the command line finds in the same file.
  const { analysis } = await analyzeWorkbook(host, settings);
  expect(fake.stats.cellsWritten).toBe(0);
  expect(analysis.ok).toBe(true);
  const summary = toSummary(analysis);
  // Compared as JSON first: jest's deep equality takes seconds on the 50,000-payment file's plan.
  if (JSON.stringify(summary) !== JSON.stringify(toSummary(onCli))) expect(summary).toEqual(toSummary(onCli)); // issues (code, cell, words), every rate, group and total
  if (JSON.stringify(analysis.plan) !== JSON.stringify(onCli.plan)) expect(analysis.plan).toEqual(onCli.plan);

  // 重新计算执行率: every planned cell holds its value (text as text), nothing else changed.
  const cells = plannedCells(onCli.plan);
  expect((await recalculate(host, settings)).cellsWritten).toBe(cells.length);
  for (const c of cells) {
    const got = fake.controls.cell(c.sheet, c.address);
    if (got.value !== c.value || got.formula !== undefined) expect({ ...c, got: got.value, formula: got.formula }).toEqual({ ...c, got: c.value, formula: undefined });
  }
  expect(changedOutside(original, fake.controls.data(), onCli.plan)).toEqual([]);
  const afterRecalc = workbookView(fake.controls.data());
  // The workbook as saved at this point and opened again later: its undo store holds the calculation.
  const reopened = strictFake(cloneWorkbookData(fake.controls.data()));

  // 生成报告: the 自评报告 sheet holds, row by row and as text, the report the command line writes.
  const { sheetName } = await generateReport(host, settings);
  const reportPlan = renderReportSheet(buildReport(onCli, snapshot));
  expect(sheetName).toBe(reportPlan.sheetName);
  reportPlan.rows.forEach((row, i) => {
    const a = fake.controls.cell(sheetName, `A${i + 1}`);
    if (a.value !== row.text || a.formula !== undefined || a.numberFormat !== '@') {
      expect({ row: i + 1, value: a.value, formula: a.formula, numberFormat: a.numberFormat }).toEqual({ row: i + 1, value: row.text, formula: undefined, numberFormat: '@' });
    }
  });
  expect(fake.controls.cell(sheetName, `A${reportPlan.rows.length + 1}`).value).toBe('');
  afterReport?.({ summary, fake, reportPlan, original, plan: onCli.plan });

  // 撤销上次计算 takes back the last run — the report — and only that.
  expect(await undoLastRun(host)).toEqual({ kind: 'report', restoredCells: 0, removedSheets: [sheetName, '核对清单'], restoredSheets: [], keptSheets: [], missingSheets: [], lostSheets: [] });
  expect(diffViews(workbookView(fake.controls.data()), afterRecalc)).toEqual([]);
  expect(sheetList(fake.controls.data())).toEqual([...sheetList(original), [UNDO_SHEET, 'VeryHidden']]);
  expect(await undoLastRun(host)).toBeNull();

  // In the copy saved after the calculation, undo puts back every cell: the workbook as it was
  // (values, formulas, number formats, fonts, widths), its sheets in order, the undo store empty.
  const reopenedHost = hostOf(reopened);
  expect(await undoLastRun(reopenedHost)).toEqual({ kind: 'recalculate', restoredCells: cells.length, removedSheets: [], restoredSheets: [], keptSheets: [], missingSheets: [], lostSheets: [] });
  expect(diffViews(workbookView(reopened.controls.data()), before)).toEqual([]);
  expect(sheetList(reopened.controls.data())).toEqual([...sheetList(original), [UNDO_SHEET, 'VeryHidden']]);
  expect(reopened.controls.sheet(UNDO_SHEET).values.every((row) => !row || row.every((v) => v === ''))).toBe(true);
  expect(await hasUndo(reopenedHost)).toBe(false);
  // Excel on the web's 5 MB per request held throughout (responses are held to it by the fake itself).
  expect(Math.max(fake.stats.maxRequestBytes, reopened.stats.maxRequestBytes)).toBeLessThan(5 * 1024 * 1024);
  return summary;
}

/** A file the core cannot analyze: the shell says why in one line, naming the sheet, and writes nothing. */
async function stops(name: string, sheet: string, ...lookedFor: string[]): Promise<void> {
  const file = corpus(name);
  const data = await loadXlsxIntoFake(file);
  const untouched = JSON.stringify(data);
  const fake = strictFake(data);
  const host = hostOf(fake);
  const onCli = analyze(await cliSnapshot(file), settings);

  const { analysis } = await analyzeWorkbook(host, settings);
  expect(analysis.ok).toBe(false);
  expect(analysis.issues).toEqual(onCli.issues);
  // The ribbon's 重新计算执行率 gets the analysis back and tells the user (tests/commands); nothing is written.
  const recalc = await recalculate(host, settings);
  expect([recalc.analysis.ok, recalc.cellsWritten]).toEqual([false, 0]);

  const error = await generateReport(host, settings).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OfficeActionError);
  const { messageZh, messageEn, code } = error as OfficeActionError;
  expect(code).toBe('TABLE_NOT_FOUND');
  for (const message of [messageZh, messageEn]) {
    expect(message.split('\n')).toHaveLength(1);
    expect(message).not.toMatch(STACK_FRAME);
    expect(message.startsWith(`${sheet}：`)).toBe(true);
  }
  for (const words of lookedFor) expect(messageZh).toContain(words);
  // The same sentence the command line prints for the same file.
  const printed = await cli(['report', file, '-o', path.join(tempDir('jixiao-bad-excel-'), name)]);
  expect([printed.code, printed.stderr]).toEqual([2, `jixiao: ${messageZh}\n`]);

  expect(await undoLastRun(host)).toBeNull();
  expect(fake.stats.cellsWritten).toBe(0);
  expect(JSON.stringify(fake.controls.data())).toBe(untouched);
}

describe('the bad corpus through the Excel shell', () => {
  it('empty.xlsx: stops, naming the sheet and what it looked for; nothing written', async () => {
    await stops('empty.xlsx', 'Sheet1', '未找到项目资金表', '项目名称', '全年预算数');
  });

  it('no-table.xlsx: stops, naming the first sheet and what it looked for; nothing written', async () => {
    await stops('no-table.xlsx', '通讯录', '未找到项目资金表', '项目名称', '全年预算数');
  });

  it('header-row-25.xlsx: the header is past the 20-row window — stops, naming the sheet; nothing written', async () => {
    await stops('header-row-25.xlsx', '项目资金', '未找到项目资金表', '前20行', '全年预算数');
  });

  it('header-row-19.xlsx: found and computed', async () => {
    const s = await runsThrough('header-row-19.xlsx');
    expect(s.projects.map((p) => [p.cell, p.rateText])).toEqual([['项目资金!B20', '80%']]);
  });

  it('headers-only.xlsx: runs and says the table has no projects', async () => {
    const s = await runsThrough('headers-only.xlsx');
    expect(s.projects).toEqual([]);
    expect(issueCells(s, 'NO_PROJECTS')).toEqual(['项目资金!B2']);
  });

  it('duplicate-headers.xlsx: uses the first of each and names the duplicates', async () => {
    const s = await runsThrough('duplicate-headers.xlsx');
    expect(issueCells(s, 'DUPLICATE_HEADER')).toEqual(['项目资金!C2', '项目资金!E2']);
    expect(s.projects[0].rateText).toBe('50%');
  });

  it('merged-data-cells.xlsx: the merged continuation row is named, the rest computed', async () => {
    const s = await runsThrough('merged-data-cells.xlsx');
    expect(issueCells(s, 'MISSING_REQUIRED')).toEqual(['项目资金!B4', '项目资金!C4']);
    expect(s.projects.filter((p) => p.name).map((p) => [p.name, p.group, p.rateText])).toEqual([
      ['网站运维', '上级资金', '100%'],
      ['宣传', '州本级', '100%'],
    ]);
  });

  it('formula-errors.xlsx: #DIV/0!, #REF! and #N/A are named in amount and date cells', async () => {
    const s = await runsThrough('formula-errors.xlsx');
    expect(issueCells(s, 'FORMULA_ERROR')).toEqual(['项目资金!D3', '项目资金!C4', '支付明细!A2', '支付明细!E3']);
    expect(s.projects.map((p) => p.rateText)).toEqual(['—', '—', '25%']);
  });

  it('odd-amounts.xlsx: 1e20, NaN, 1,234.5.6 and Infinity are refused; -0 is zero; full-width is read', async () => {
    const s = await runsThrough('odd-amounts.xlsx');
    expect(issueCells(s, 'AMOUNT_OUT_OF_RANGE')).toEqual(['项目资金!C3']);
    expect(issueCells(s, 'AMOUNT_NOT_NUMERIC')).toEqual(['项目资金!C5', '项目资金!C6', '项目资金!C7']);
    expect(issueCells(s, 'ZERO_BUDGET')).toEqual(['项目资金!C4']);
    expect(s.projects.find((p) => p.name === '正常')).toMatchObject({ budgetYuan: 12_345_000, executedYuan: 10_000_000, rateText: '81%' });
  });

  it('bad-dates.xlsx: 2023-02-30, 上周五 and 99999999 are not counted; 2023年6月15日 is', async () => {
    const s = await runsThrough('bad-dates.xlsx');
    expect(issueCells(s, 'DATE_INVALID')).toEqual(['支付明细!A2', '支付明细!A3', '支付明细!A4']);
    expect(s.issues.find((i) => i.code === 'EXECUTED_MISMATCH_PAYMENTS' && i.cell === '项目资金!D4')!.message).toContain('0.1万元（1笔）');
  });

  it('sheet-names.xlsx: addresses quote sheet names the Excel way', async () => {
    const s = await runsThrough('sheet-names.xlsx');
    expect(issueCells(s, 'PAYMENT_UNKNOWN_PROJECT')).toEqual(["'支付（明细）！'!C4"]);
    expect(s.projects[0].cell).toBe("'预算 表 ''A'' 2023'!B4");
  });

  it('hidden-sheets.xlsx: tables in hidden and very hidden sheets are found and written to', async () => {
    const s = await runsThrough('hidden-sheets.xlsx');
    expect(s.projects.map((p) => [p.cell, p.rateText])).toEqual([
      ['项目资金!B4', '100%'],
      ['项目资金!B5', '40%'],
    ]);
    expect(issueCells(s, 'EXECUTED_MISMATCH_PAYMENTS')).toEqual([]);
  });

  it('gap-200-rows.xlsx: rows after 200 blank rows are read in both tables', async () => {
    const s = await runsThrough('gap-200-rows.xlsx');
    expect(s.projects.map((p) => p.name)).toEqual(['网站运维', '大数据宣传', '培训', '会议']);
    expect(issueCells(s, 'EXECUTED_MISMATCH_PAYMENTS')).toEqual(['项目资金!D207']);
  });

  it('injection.xlsx: text beginning with = + - @ and HTML reaches the cells as that very text', async () => {
    const s = await runsThrough('injection.xlsx', ({ fake, reportPlan, original, plan }) => {
      // Everything the add-in wrote (rates, notes, the report's text and its hidden source column)
      // is text where it is text, never a formula — and some of it does begin with = + - @.
      const written: { sheet: string; address: string; value: string | number }[] = [
        ...plannedCells(plan),
        ...reportPlan.rows.flatMap((row, i) => [
          { sheet: reportPlan.sheetName, address: `A${i + 1}`, value: row.text },
          { sheet: reportPlan.sheetName, address: `B${i + 1}`, value: row.meta },
        ]),
      ];
      for (const w of written) expect({ ...w, stored: fake.controls.cell(w.sheet, w.address).value, formula: fake.controls.cell(w.sheet, w.address).formula }).toEqual({ ...w, stored: w.value, formula: undefined });
      expect(written.filter((w) => /^[=+\-@]/.test(String(w.value))).map((w) => `${w.sheet}!${w.address} ${w.value}`)).toEqual([
        '自评报告!A1 @2023年度绩效自评报告',
        '自评报告!A2 +州财政局：',
        `自评报告!A${reportPlan.rows.length - 1} =cmd|' /C calc'!A0`,
      ]);
      // The user's own cells that look like formulas are still the text they typed.
      for (const [sheet, address, text] of [
        ['项目资金', 'A3', '=HYPERLINK("http://x","y")'],
        ['项目资金', 'D3', '+1 完成验收'],
        ['项目资金', 'E3', '-合同未签订'],
        ['项目资金', 'A4', '@SUM(A1:A9)'],
        ['项目资金', 'E5', '=1+1'],
        ['单位信息', 'B1', "=cmd|' /C calc'!A0"],
        ['单位信息', 'B2', '+州财政局'],
      ]) {
        expect([address, fake.controls.cell(sheet, address).value, fake.controls.cell(sheet, address).formula]).toEqual([address, text, undefined]);
      }
      expect(diffViews([sheetView(fake.controls.sheet('单位信息'))], [sheetView(original.sheets.find((x) => x.name === '单位信息')!)])).toEqual([]);
      // Paragraphs quoting <script> are stored as the literal characters, in a text-formatted cell.
      const scripts = reportPlan.rows.flatMap((row, i) => (row.text.includes('<script>') ? [i + 1] : []));
      expect(scripts).toHaveLength(2);
      for (const r of scripts) expect(fake.controls.cell('自评报告', `A${r}`)).toMatchObject({ value: reportPlan.rows[r - 1].text, numberFormat: '@' });
    });
    expect(s.projects.map((p) => p.name)).toEqual(['=HYPERLINK("http://x","y")', '@SUM(A1:A9)', '<b>加粗</b>项目']);
  });

  it('long-texts.xlsx: a 300-character name and a 32,000-character text are handled', async () => {
    const s = await runsThrough('long-texts.xlsx', ({ fake, reportPlan }) => {
      // The 32,000-character 项目实施情况 is split over rows, each within Excel's 32,767 characters.
      expect(reportPlan.rows.filter((r) => r.continued).length).toBeGreaterThan(10);
      const longest = Math.max(...reportPlan.rows.map((_, i) => String(fake.controls.cell('自评报告', `A${i + 1}`).value).length));
      expect(longest).toBeLessThanOrEqual(32_767);
    });
    expect(s.projects[0].name).toHaveLength(300);
    expect(issueCells(s, 'ZERO_BUDGET')).toEqual(['项目资金!B4']);
  });

  it('numeric-codes.xlsx: an 18-digit code stored as a number is flagged once', async () => {
    const s = await runsThrough('numeric-codes.xlsx');
    expect(issueCells(s, 'CODE_AS_NUMBER')).toEqual(['项目资金!A3']);
  });

  it('payments-50k.xlsx: 10,000 payments for unknown projects are each named, the rest counted, within 5 MB a sync', async () => {
    const s = await runsThrough('payments-50k.xlsx');
    const unknown = issueCells(s, 'PAYMENT_UNKNOWN_PROJECT');
    expect(unknown).toHaveLength(10_000);
    expect(unknown[0]).toBe('支付明细!C6');
    expect(s.projects.every((p) => p.executedYuan === 20_000)).toBe(true);
  });
});
