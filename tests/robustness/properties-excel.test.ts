/**
 * Properties (fast-check) of the Excel shell on the strict simulated Excel, over random budget
 * workbooks: funds rows with numbers, '待定' and blanks; an existing 执行率 column holding formulas,
 * numbers or typed text in any number format; an existing 偏差说明 column; the user's own columns;
 * a note typed to the right of the table; an optional payments sheet with stray dates and unknown
 * projects. For each: undo after 重新计算执行率 gives back the very workbook, calculating twice
 * equals calculating once, and nothing outside the output columns, the 自评报告 sheet and the
 * add-in's own very hidden sheets ever changes. RUNS is reported in each test's name.
 */
import fc from 'fast-check';
import { PROPERTY_SEED } from '../helpers/property';
import { UNDO_SHEET, generateReport, hasUndo, recalculate, undoLastRun } from '../../src/excel';
import { buildWorkbook, cloneWorkbookData, type CellValue, type FakeWorkbookData, type SheetSpec } from '../../src/testing/fake-excel';
import { TODAY, diffViews, hostOf, isOwnSheet, sheetView, strictFake, workbookView } from '../excel/helpers';

const RUNS = 50;
const settings = { today: TODAY };

/** Text a person might leave in a column the add-in overwrites: Excel would re-read most of it. */
const TRICKY = ['=HYPERLINK("http://x","y")', '+86', '-5%', '@张三', '007', 'TRUE', '2023-12-31', '50%', '#N/A', '待定', '', '已完成'];

const amount = fc.oneof(fc.integer({ min: 0, max: 12_000 }), fc.constant('待定'), fc.constant(''));

const workbook = fc.record({
  projects: fc.array(fc.record({ budget: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 10_000 }) }, { weight: 1, arbitrary: amount }), executed: amount, oldRate: fc.constantFrom(...TRICKY), oldNote: fc.constantFrom(...TRICKY) }), { minLength: 1, maxLength: 15 }),
  /** The table's own 执行率 column, if any, and what is in it. */
  rate: fc.constantFrom('none' as const, 'formulas' as const, 'numbers' as const, 'text' as const),
  rateFormat: fc.constantFrom('General', '0%', '0.00%', '@'),
  noteColumn: fc.boolean(),
  userColumns: fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...TRICKY)), { maxLength: 3 }),
  strayNote: fc.option(fc.string({ minLength: 1, maxLength: 5 }), { nil: undefined }),
  blankEvery: fc.integer({ min: 0, max: 5 }),
  /** Payments: which project (or an unknown one), how much, and a day of 2023 (some outside it). */
  payments: fc.option(fc.array(fc.record({ project: fc.nat({ max: 20 }), yuan: fc.integer({ min: 1, max: 1_000_000 }), day: fc.integer({ min: -10, max: 375 }) }), { maxLength: 20 }), { nil: undefined }),
});

type Generated = typeof workbook extends fc.Arbitrary<infer T> ? T : never;

const JAN_1_2023 = 44927;

/** The workbook, and the cached result of each formula in it (the fake does not calculate). */
function build(w: Generated): { data: FakeWorkbookData; results: Map<string, CellValue> } {
  const header = ['项目名称', '全年预算数', '执行数', ...(w.rate !== 'none' ? ['执行率'] : []), ...(w.noteColumn ? ['偏差说明'] : []), ...w.userColumns.map((_, i) => `备注${i}`)];
  const rows: CellValue[][] = [['单位：万元'], header];
  const formulas: Record<string, string> = {};
  const numberFormats: Record<string, string> = {};
  const results = new Map<string, CellValue>();
  w.projects.forEach((p, i) => {
    if (w.blankEvery && i % w.blankEvery === w.blankEvery - 1) rows.push([]);
    const r = rows.length + 1; // the row's number in Excel
    const row: CellValue[] = [`项目${i}`, p.budget, p.executed];
    if (w.rate !== 'none') {
      const ratio = typeof p.budget === 'number' && typeof p.executed === 'number' && p.budget > 0 ? p.executed / p.budget : '#DIV/0!';
      if (w.rate === 'formulas') {
        formulas[`D${r}`] = `=C${r}/B${r}`;
        results.set(`=C${r}/B${r}`, ratio);
      }
      row.push(w.rate === 'text' ? p.oldRate : w.rate === 'formulas' ? ratio : typeof ratio === 'number' ? ratio : '');
      if (w.rateFormat !== 'General' && !(w.rateFormat === '@' && w.rate === 'formulas')) numberFormats[`D${r}`] = w.rateFormat;
    }
    if (w.noteColumn) row.push(p.oldNote);
    rows.push([...row, ...w.userColumns]);
  });
  // Something typed to the right of the table, below it: appended columns must go around it.
  if (w.strayNote) rows.push([...new Array<CellValue>(header.length + 1).fill(''), w.strayNote]);
  const sheets: SheetSpec[] = [{ name: '项目资金', rows, formulas, numberFormats }];
  if (w.payments) {
    const n = w.projects.length;
    sheets.push({
      name: '支付明细',
      rows: [['支付日期', '支付凭证号', '预算项目名称', '支付金额(元)'], ...w.payments.map((p, k) => [JAN_1_2023 + p.day, `V${k}`, p.project < n ? `项目${p.project}` : `未知项目${p.project}`, p.yuan])],
    });
  }
  return { data: buildWorkbook(sheets), results };
}

function fakeOf(w: Generated) {
  const { data, results } = build(w);
  const original = cloneWorkbookData(data);
  const fake = strictFake(data, { formulaResult: (f) => results.get(f) ?? 0 });
  return { original, fake, host: hostOf(fake) };
}

function sheetList(data: FakeWorkbookData): [string, string][] {
  return data.sheets.map((s) => [s.name, s.visibility]);
}

describe('the write plan applied in Excel, on random workbooks', () => {
  it(`undo after 重新计算执行率 gives back the workbook exactly, and leaves no record behind (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(workbook, async (w) => {
        const { original, fake, host } = fakeOf(w);
        const { analysis, cellsWritten } = await recalculate(host, settings);
        expect(analysis.ok).toBe(true);
        expect(cellsWritten).toBeGreaterThan(0);
        expect(diffViews(workbookView(fake.controls.data()), workbookView(original))).not.toEqual([]);
        expect(await undoLastRun(host)).toEqual({ kind: 'recalculate', restoredCells: cellsWritten, removedSheets: [], restoredSheets: [], keptSheets: [], missingSheets: [], lostSheets: [] });
        // Values, formulas, number formats, fonts, widths and wrapping of every sheet of the user's.
        expect(diffViews(workbookView(fake.controls.data()), workbookView(original))).toEqual([]);
        expect(sheetList(fake.controls.data())).toEqual([...sheetList(original), [UNDO_SHEET, 'VeryHidden']]);
        expect(fake.controls.sheet(UNDO_SHEET).values.every((row) => !row || row.every((v) => v === ''))).toBe(true);
        expect(await hasUndo(host)).toBe(false);
      }),
      { numRuns: RUNS, seed: PROPERTY_SEED },
    );
  });

  it(`重新计算执行率 twice gives the same workbook as once (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(workbook, async (w) => {
        const { fake, host } = fakeOf(w);
        await recalculate(host, settings);
        const once = workbookView(fake.controls.data());
        // The second run finds its own columns already there and fills them again, with the same.
        expect((await recalculate(host, settings)).cellsWritten).toBeGreaterThan(0);
        expect(diffViews(workbookView(fake.controls.data()), once)).toEqual([]);
      }),
      { numRuns: RUNS, seed: PROPERTY_SEED },
    );
  });

  it(`nothing outside the output columns, the 自评报告 and 核对清单 sheets and the add-in's own sheets changes (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(workbook, async (w) => {
        const { original, fake, host } = fakeOf(w);
        const { analysis } = await recalculate(host, settings);
        const { sheetName, checklistSheetName } = await generateReport(host, settings);
        const output = new Set(analysis.plan.columns.map((c) => `${c.sheet}|${c.col}`));
        for (const before of original.sheets) {
          const outside = (_r: number, c: number) => !output.has(`${before.name}|${c}`);
          expect(diffViews([sheetView(fake.controls.sheet(before.name), outside)], [sheetView(before, outside)])).toEqual([]);
        }
        // Appended output columns were empty before: a stray note is never overwritten.
        for (const col of analysis.plan.columns.filter((c) => c.appended)) {
          const before = original.sheets.find((s) => s.name === col.sheet)!;
          expect(before.values.every((row) => (row?.[col.col] ?? '') === '')).toBe(true);
        }
        const added = fake.controls
          .data()
          .sheets.map((s) => s.name)
          .filter((n) => !original.sheets.some((s) => s.name === n));
        expect(added.filter((n) => n !== sheetName && n !== checklistSheetName && !isOwnSheet(n))).toEqual([]);
        expect(added).toContain(sheetName);
        expect(added).toContain(checklistSheetName);
      }),
      { numRuns: RUNS, seed: PROPERTY_SEED },
    );
  });
});
