/**
 * 生成报告 into the sheet 自评报告, and undoing it: a sheet the run created is removed; one it replaced
 * comes back exactly, with whatever the staff had typed into it.
 */
import { buildReport, renderReportSheet } from '../../src/core';
import { REPORT_BACKUP_SHEET, analyzeWorkbook, generateReport, recalculate, undoLastRun } from '../../src/excel';
import { TODAY, diffViews, hostOf, sampleWorkbook, sheetView, strictFake, workbookView } from './helpers';

const settings = { today: TODAY };

describe('the report sheet', () => {
  it('writes the core’s sheet plan as text, with fonts per paragraph style, and brings it to the front', async () => {
    const fake = strictFake(await sampleWorkbook());
    const host = hostOf(fake);
    const { document, sheetName } = await generateReport(host, settings);
    const { snapshot, analysis } = await analyzeWorkbook(host, settings);
    const plan = renderReportSheet(buildReport(analysis, snapshot));
    expect(document.title).toBe(plan.rows[0].text);
    expect(fake.controls.data().activeSheet).toBe(sheetName);
    plan.rows.forEach((row, i) => {
      const a = fake.controls.cell(sheetName, `A${i + 1}`);
      expect([a.value, a.numberFormat, a.font?.name, a.font?.size]).toEqual([row.text, '@', plan.formats[row.style].fonts[0], plan.formats[row.style].sizePt]);
      expect(fake.controls.cell(sheetName, `B${i + 1}`).value).toBe(row.meta);
      // A paragraph with a 【】 placeholder is highlighted as the .docx highlights it.
      expect(a.fill === '#FFFF00').toBe(!!row.placeholders?.length);
    });
    const sheet = fake.controls.sheet(sheetName);
    expect(sheet.columnHidden[1]).toBe(true);
    expect(sheet.columnHidden[2]).toBe(true);
    expect(fake.controls.cell(sheetName, 'C1').value).toBe(plan.generatedMark!.text);
    // Excel fits each row to its wrapped text: the long opening paragraph is taller than the one-line addressee.
    expect(sheet.rowHeights[2] ?? sheet.standardHeight!).toBeGreaterThan(sheet.rowHeights[1] ?? sheet.standardHeight!);
  });

  it('sets A4, the 公文 margins and "- 1 -" page numbers where ExcelApi 1.9 allows, and leaves them alone before', async () => {
    const fake = strictFake(await sampleWorkbook(), { excelApi: '1.9' });
    await generateReport(hostOf(fake), settings);
    const layout = fake.controls.sheet('自评报告').pageLayout!;
    expect(layout).toMatchObject({ orientation: 'Portrait', paperSize: 'A4', centerFooter: '&14- &P -' });
    expect(layout.topMargin).toBeCloseTo((3.7 * 72) / 2.54, 5);
    const old = strictFake(await sampleWorkbook(), { excelApi: '1.8' });
    await generateReport(hostOf(old), settings);
    expect(old.controls.sheet('自评报告').pageLayout).toBeUndefined();
    expect(old.stats.requests.filter((r) => r.error !== undefined)).toEqual([]);
  });

  it('writes the 核对清单 beside the report: each open mark with its cell', async () => {
    const fake = strictFake(await sampleWorkbook());
    const { checklistSheetName, document } = await generateReport(hostOf(fake), settings);
    expect(checklistSheetName).toBe('核对清单');
    const row = (r: number) => ['A', 'B', 'C', 'D', 'E'].map((c) => fake.controls.cell('核对清单', `${c}${r}`).value);
    expect(row(1)).toEqual(['序号', '类别', '项目', '单元格', '报告中的标记']);
    expect(row(2)).toEqual(['1', '请核对', '州委大楼网络运维外包服务经费', '项目资金!G24', '【请核对：其中各项合计5万元，与预算数9.8万元不符】']);
    // The staff's texts and the 绩效指标 sheet's results leave only the date to fill in the report; its
    // 绩效自评表 adds one (a score below its 分值 without a reason).
    expect(document.checklist).toHaveLength(3);
    expect(row(3)).toEqual(['2', '请填写', '', '', '【请填写：报告日期】']);
    expect(row(4)).toEqual(['3', '请填写', '2022年省大数据发展专项资金(第二批项目)', '绩效指标!I6', '【请填写：偏差原因】']);
    expect(fake.controls.cell('核对清单', 'A5').value).toBe('');
  });

  it('removes the report, 核对清单 and 绩效自评表 it created on undo, and says so', async () => {
    const original = await sampleWorkbook();
    const fake = strictFake(await sampleWorkbook());
    const host = hostOf(fake);
    await generateReport(host, settings);
    expect(await undoLastRun(host)).toEqual({ kind: 'report', restoredCells: 0, removedSheets: ['自评报告', '核对清单', '绩效自评表'], restoredSheets: [], keptSheets: [], missingSheets: [], lostSheets: [] });
    expect(diffViews(workbookView(fake.controls.data()), workbookView(original))).toEqual([]);
  });

  it('replaces a report unchanged since it was generated, in place, and brings it back — position and all — on undo', async () => {
    const fake = strictFake(await sampleWorkbook());
    const host = hostOf(fake);
    await generateReport(host, settings);
    const before = sheetView(fake.controls.sheet('自评报告'));
    const position = fake.controls.data().sheets.findIndex((s) => s.name === '自评报告');
    const again = await generateReport(host, settings);
    expect([again.sheetName, again.kept]).toEqual(['自评报告', []]);
    expect(fake.controls.sheet(REPORT_BACKUP_SHEET).visibility).toBe('VeryHidden');
    expect(fake.controls.data().sheets.map((s) => s.name).filter((n) => !n.startsWith('__jixiao'))).not.toContain('自评报告 (2)');
    // The pane says the earlier version is back, not that a sheet was deleted (issue 11.8).
    expect(await undoLastRun(host)).toEqual({ kind: 'report', restoredCells: 0, removedSheets: [], restoredSheets: ['自评报告', '核对清单', '绩效自评表'], keptSheets: [], missingSheets: [], lostSheets: [] });
    expect(diffViews([sheetView(fake.controls.sheet('自评报告'))], [before])).toEqual([]);
    expect(fake.controls.data().sheets.findIndex((s) => s.name === '自评报告')).toBe(position);
    expect(fake.controls.data().sheets.map((s) => s.name)).not.toContain(REPORT_BACKUP_SHEET);
  });

  it('keeps a report the staff edited since it was generated: the new one goes to 自评报告 (2), and undo removes only that', async () => {
    const fake = strictFake(await sampleWorkbook());
    const host = hostOf(fake);
    await generateReport(host, settings);
    const row = fake.controls.sheet('自评报告').values.findIndex((r) => String(r?.[0] ?? '').includes('【请填写：报告日期】'));
    fake.controls.sheet('自评报告').values[row]![0] = '2024年1月20日';
    const edited = sheetView(fake.controls.sheet('自评报告'));
    const again = await generateReport(host, settings);
    expect([again.sheetName, again.checklistSheetName, again.kept]).toEqual(['自评报告 (2)', '核对清单', ['自评报告']]);
    expect(diffViews([sheetView(fake.controls.sheet('自评报告'))], [edited])).toEqual([]);
    expect(fake.controls.cell('自评报告 (2)', `A${row + 1}`).value).toContain('【请填写：报告日期】');
    expect(await undoLastRun(host)).toEqual({ kind: 'report', restoredCells: 0, removedSheets: ['自评报告 (2)'], restoredSheets: ['核对清单', '绩效自评表'], keptSheets: ['自评报告'], missingSheets: [], lostSheets: [] });
    expect(diffViews([sheetView(fake.controls.sheet('自评报告'))], [edited])).toEqual([]);
    expect(fake.controls.data().sheets.map((s) => s.name)).not.toContain('自评报告 (2)');
  });

  it('brings the earlier report back even when sheets were deleted since: at its place, or at the end when that place is gone', async () => {
    const fake = strictFake(await sampleWorkbook());
    const host = hostOf(fake);
    await generateReport(host, settings);
    const before = sheetView(fake.controls.sheet('自评报告'));
    await generateReport(host, settings);
    // The officer deletes three sheets before undoing: the report's recorded place is now past the last sheet.
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('绩效指标').delete();
      context.workbook.worksheets.getItem('单位信息').delete();
      context.workbook.worksheets.getItem('支付明细').delete();
      await context.sync();
    });
    const result = await undoLastRun(host);
    expect(result).toMatchObject({ removedSheets: [], restoredSheets: ['自评报告', '核对清单', '绩效自评表'], lostSheets: [] });
    expect(diffViews([sheetView(fake.controls.sheet('自评报告'))], [before])).toEqual([]);
    expect(fake.controls.data().sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name)).toEqual(['项目资金', '自评报告', '核对清单', '绩效自评表']);
    expect(fake.stats.requests.filter((r) => r.error !== undefined)).toEqual([]);
  });

  it('drops the very hidden backup when the next run saves its record (Excel deletes a very hidden sheet only once it is hidden)', async () => {
    const fake = strictFake(await sampleWorkbook());
    const host = hostOf(fake);
    await generateReport(host, settings);
    await generateReport(host, settings);
    expect(fake.controls.sheet(REPORT_BACKUP_SHEET).visibility).toBe('VeryHidden');
    await recalculate(host, settings);
    expect(fake.controls.data().sheets.map((s) => s.name)).not.toContain(REPORT_BACKUP_SHEET);
    expect(fake.stats.requests.filter((r) => r.error !== undefined)).toEqual([]);
  });
});
