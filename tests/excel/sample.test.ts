/**
 * The reference workbook (samples/黔南州大数据局-2023预算执行.xlsx) through the Excel shell on the
 * simulated Excel, limited to the manifest's ExcelApi 1.4 and Excel on the web's 5 MB limits.
 */
import { analyze, cellRef, type Analysis, type PlanBlock } from '../../src/core';
import { UNDO_SHEET, analyzeWorkbook, hasUndo, recalculate, undoLastRun } from '../../src/excel';
import { cloneWorkbookData, type FakeExcel, type FakeWorkbookData } from '../../src/testing/fake-excel';
import { TODAY, cliSnapshot, diffViews, hostOf, sampleWorkbook, sheetView, strictFake, workbookView } from './helpers';

const settings = { today: TODAY };

function cellsOf(block: PlanBlock): { address: string; value: string | number }[] {
  return block.values.flatMap((row, i) => row.map((value, j) => ({ address: cellRef(block.top + i, block.left + j), value })));
}

describe('重新计算执行率 on the sample workbook', () => {
  let original: FakeWorkbookData;
  let fake: FakeExcel;
  let cli: Analysis;
  let shell: Analysis;

  beforeAll(async () => {
    original = await sampleWorkbook();
    fake = strictFake(await sampleWorkbook());
    cli = analyze(await cliSnapshot(), settings);
    shell = (await recalculate(hostOf(fake), settings)).analysis;
  });

  it('finds the same tables, issues and write plan as the command line', () => {
    expect(shell.ok).toBe(true);
    expect(shell.funds?.sheet).toBe('项目资金');
    expect(shell.payments?.sheet).toBe('支付明细');
    expect(shell.issues).toEqual(cli.issues);
    expect(shell.plan).toEqual(cli.plan);
  });

  it('writes every rate and note the command line writes, rates as numbers in percent format', () => {
    let checked = 0;
    for (const block of cli.plan.blocks) {
      for (const { address, value } of cellsOf(block)) {
        const cell = fake.controls.cell(block.sheet, address);
        expect({ address, value: cell.value, formula: cell.formula }).toEqual({ address, value, formula: undefined });
        if (block.numberFormat) expect(cell.numberFormat).toBe(block.numberFormat);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(fake.controls.cell('项目资金', 'L5')).toMatchObject({ value: 20 / 72, numberFormat: '0%' });
    expect(String(fake.controls.cell('项目资金', 'Q5').value)).toMatch(/^执行率28%，低于预算72个百分点；节余资金52万元。未完成原因：/);
    expect(fake.controls.cell('项目资金', 'Q3')).toMatchObject({ value: '偏差说明', font: { bold: true } });
  });

  it('changes nothing outside the output columns, and adds only its very hidden undo sheet', () => {
    const output = new Set(shell.plan.columns.map((c) => `${c.sheet}|${c.col}`));
    const after = fake.controls.data();
    expect(after.sheets.map((s) => s.name)).toEqual([...original.sheets.map((s) => s.name), UNDO_SHEET]);
    expect(fake.controls.sheet(UNDO_SHEET).visibility).toBe('VeryHidden');
    for (const before of original.sheets) {
      const outside = (s: string) => (_r: number, c: number) => !output.has(`${s}|${c}`);
      expect(diffViews([sheetView(fake.controls.sheet(before.name), outside(before.name))], [sheetView(before, outside(before.name))])).toEqual([]);
    }
  });

  it('gives the same workbook when run twice', async () => {
    const once = workbookView(fake.controls.data());
    await recalculate(hostOf(fake), settings);
    expect(diffViews(workbookView(fake.controls.data()), once)).toEqual([]);
  });

  it('puts every overwritten cell back on undo — values, formulas, formats, widths — and says so', async () => {
    const twice = strictFake(await sampleWorkbook());
    const host = hostOf(twice);
    await recalculate(host, settings);
    expect(diffViews(workbookView(twice.controls.data()), workbookView(original))).not.toEqual([]);
    expect(await hasUndo(host)).toBe(true);
    const result = await undoLastRun(host);
    expect(result?.restoredCells).toBe(shell.plan.blocks.reduce((n, b) => n + b.values.length * b.values[0].length, 0));
    expect(diffViews(workbookView(twice.controls.data()), workbookView(original))).toEqual([]);
    expect(await hasUndo(host)).toBe(false);
    expect(await undoLastRun(host)).toBeNull();
  });

  it('undoes from the workbook alone: a reopened copy (a new runtime, nothing in memory) restores it', async () => {
    const first = strictFake(await sampleWorkbook());
    await recalculate(hostOf(first), settings);
    const reopened = strictFake(cloneWorkbookData(first.controls.data()));
    expect(await undoLastRun(hostOf(reopened))).not.toBeNull();
    expect(diffViews(workbookView(reopened.controls.data()), workbookView(original))).toEqual([]);
  });

  it('after an undo, a second calculation gives the same workbook as the first', async () => {
    const again = strictFake(await sampleWorkbook());
    const host = hostOf(again);
    await recalculate(host, settings);
    const first = workbookView(again.controls.data());
    await undoLastRun(host);
    await recalculate(host, settings);
    expect(diffViews(workbookView(again.controls.data()), first)).toEqual([]);
  });

  it('checking (analyze only) writes nothing and reads in three syncs', async () => {
    const look = strictFake(await sampleWorkbook());
    const { analysis } = await analyzeWorkbook(hostOf(look), settings);
    expect(analysis.plan).toEqual(cli.plan);
    expect(look.stats.cellsWritten).toBe(0);
    expect(look.stats.syncCount).toBe(3);
    expect(diffViews(workbookView(look.controls.data()), workbookView(original))).toEqual([]);
  });
});
