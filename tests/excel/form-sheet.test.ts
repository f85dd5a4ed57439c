/**
 * 生成报告 in Excel writes the 绩效自评表 beside the report: the same cells as the command line's
 * sheet, merged, bordered and sized as planned, one form a page where ExcelApi 1.9 allows; undo takes
 * it away or brings the earlier one back; a form the staff filled in is kept.
 */
import * as path from 'path';
import { cellRef, columnLetters, renderFormSheet, type FormSheetPlan } from '../../src/core';
import { generateReport, undoLastRun } from '../../src/excel';
import { FORM_BACKUP_SHEET } from '../../src/excel/undo-store';
import { cli, readSnapshot, tempDir } from '../helpers/cli';
import { SAMPLE, TODAY, diffViews, hostOf, sampleWorkbook, sheetView, strictFake } from './helpers';

const settings = { today: TODAY };

describe('the 绩效自评表 sheet in Excel', () => {
  let plan: FormSheetPlan;
  let fake: ReturnType<typeof strictFake>;
  beforeAll(async () => {
    fake = strictFake(await sampleWorkbook(), { excelApi: '1.9' });
    const { document, formSheetName } = await generateReport(hostOf(fake), settings);
    expect(formSheetName).toBe('绩效自评表');
    plan = renderFormSheet(document.forms!);
  });

  it('comes after the report and 核对清单, every cell the plan’s text, as text', () => {
    const names = fake.controls.data().sheets.map((s) => s.name).filter((n) => !n.startsWith('__jixiao'));
    expect(names.slice(-3)).toEqual(['自评报告', '核对清单', '绩效自评表']);
    for (const c of plan.cells) expect([cellRef(c.row, c.col), fake.controls.cell('绩效自评表', cellRef(c.row, c.col)).value]).toEqual([cellRef(c.row, c.col), c.text]);
    expect(fake.controls.cell('绩效自评表', 'I6')).toMatchObject({ value: '2.78', numberFormat: '@' });
    expect(fake.controls.cell('绩效自评表', 'J1').value).toBe(plan.generatedMark.text);
    expect(fake.controls.sheet('绩效自评表').columnHidden[9]).toBe(true);
  });

  it('merges the form’s areas and borders every cell of each table on all four sides', () => {
    const expected = plan.merges.map((m) => `${cellRef(m.row, m.col)}:${cellRef(m.row + m.rows - 1, m.col + m.cols - 1)}`);
    expect([...fake.controls.sheet('绩效自评表').merges!].sort()).toEqual([...expected].sort());
    for (const t of plan.tables.slice(0, 3)) {
      for (let r = t.top; r <= t.bottom; r++) {
        for (let c = 0; c < 9; c++) expect([cellRef(r, c), fake.controls.cell('绩效自评表', cellRef(r, c)).borders]).toEqual([cellRef(r, c), { top: 'Continuous', bottom: 'Continuous', left: 'Continuous', right: 'Continuous' }]);
      }
    }
    // The title lines above a table have none.
    expect(fake.controls.cell('绩效自评表', 'A1').borders).toBeUndefined();
  });

  it('sets the fonts, the running text left, the plan’s row heights and column widths', () => {
    expect(fake.controls.cell('绩效自评表', 'A1').font).toMatchObject({ name: '方正小标宋简体', size: 18 });
    expect(fake.controls.cell('绩效自评表', 'D6').font).toMatchObject({ name: '仿宋_GB2312', size: 10.5 });
    expect(fake.controls.cell('绩效自评表', 'D6').horizontalAlignment).toBe('Center');
    // 项目名称's value, running text, is left-aligned over its whole merged area.
    expect(fake.controls.cell('绩效自评表', 'C3').horizontalAlignment).toBe('Left');
    expect(fake.controls.cell('绩效自评表', 'I3').horizontalAlignment).toBe('Left');
    const sheet = fake.controls.sheet('绩效自评表');
    plan.heightsPt.forEach((h, r) => expect([r, sheet.rowHeights[r]]).toEqual([r, h]));
    expect(sheet.columnWidths[8]).toBe(((14 * 7 + 5) * 3) / 4);
  });

  it('highlights the placeholders’ cells in yellow', () => {
    const cell = plan.cells.find((c) => c.text === '【请填写：偏差原因】')!;
    expect(fake.controls.cell('绩效自评表', cellRef(cell.row, cell.col)).fill).toBe('#FFFF00');
    expect(fake.controls.cell('绩效自评表', 'D6').fill).toBeUndefined();
  });

  it('starts each form on a new page, on A4 with the forms’ margins and page numbers', () => {
    const sheet = fake.controls.sheet('绩效自评表');
    expect(sheet.pageBreaks).toEqual(plan.pageBreaks);
    expect(sheet.pageLayout).toMatchObject({ orientation: 'Portrait', paperSize: 'A4', centerFooter: '&14- &P -' });
    expect(sheet.pageLayout!.leftMargin).toBeCloseTo((1.5 * 72) / 2.54, 5);
  });

  it('holds the same cells as the command line’s 绩效自评表', async () => {
    const out = path.join(tempDir('jixiao-excel-forms-'), 'out.xlsx');
    expect((await cli(['report', SAMPLE, '-o', out])).code).toBe(0);
    const file = (await readSnapshot(out)).sheets.find((s) => s.name === '绩效自评表')!;
    const rows = plan.heightsPt.length;
    const excel = fake.controls.values('绩效自评表', `A1:J${rows}`);
    const fromFile = Array.from({ length: rows }, (_, r) => Array.from({ length: 10 }, (_, c) => String(file.values[r - file.top]?.[c - file.left] ?? '')));
    expect(excel.map((row) => row.map(String))).toEqual(fromFile);
  });
});

describe('the 绩效自评表 across runs and undo', () => {
  it('at ExcelApi 1.4 it is written without page setup, and no request fails', async () => {
    const fake = strictFake(await sampleWorkbook());
    await generateReport(hostOf(fake), settings);
    const sheet = fake.controls.sheet('绩效自评表');
    expect(sheet.merges!.length).toBeGreaterThan(400);
    expect(sheet.pageLayout).toBeUndefined();
    expect(sheet.pageBreaks).toBeUndefined();
    expect(fake.stats.requests.filter((r) => r.error !== undefined)).toEqual([]);
  });

  it('is replaced in place when unchanged, and the earlier one comes back on undo', async () => {
    const fake = strictFake(await sampleWorkbook());
    const host = hostOf(fake);
    await generateReport(host, settings);
    const before = sheetView(fake.controls.sheet('绩效自评表'));
    const again = await generateReport(host, settings);
    expect([again.formSheetName, again.kept]).toEqual(['绩效自评表', []]);
    expect(fake.controls.sheet(FORM_BACKUP_SHEET).visibility).toBe('VeryHidden');
    expect(await undoLastRun(host)).toMatchObject({ removedSheets: [], restoredSheets: ['自评报告', '核对清单', '绩效自评表'] });
    expect(diffViews([sheetView(fake.controls.sheet('绩效自评表'))], [before])).toEqual([]);
    expect(fake.controls.data().sheets.map((s) => s.name)).not.toContain(FORM_BACKUP_SHEET);
  });

  it('keeps a form the staff filled in: the new forms go to 绩效自评表 (2), and undo removes only those', async () => {
    const fake = strictFake(await sampleWorkbook());
    const host = hostOf(fake);
    const first = await generateReport(host, settings);
    const plan = renderFormSheet(first.document.forms!);
    const cell = plan.cells.find((c) => c.text === '【请填写：偏差原因】')!;
    fake.controls.sheet('绩效自评表').values[cell.row]![cell.col] = '项目尚在推进，已督促加快进度';
    const edited = sheetView(fake.controls.sheet('绩效自评表'));
    const again = await generateReport(host, settings);
    expect([again.formSheetName, again.kept]).toEqual(['绩效自评表 (2)', ['绩效自评表']]);
    expect(fake.controls.cell('绩效自评表 (2)', `${columnLetters(cell.col)}${cell.row + 1}`).value).toBe('【请填写：偏差原因】');
    expect(await undoLastRun(host)).toMatchObject({ removedSheets: ['绩效自评表 (2)'], restoredSheets: ['自评报告', '核对清单'], keptSheets: ['绩效自评表'] });
    expect(diffViews([sheetView(fake.controls.sheet('绩效自评表'))], [edited])).toEqual([]);
    expect(fake.controls.data().sheets.map((s) => s.name)).not.toContain('绩效自评表 (2)');
  });
});
