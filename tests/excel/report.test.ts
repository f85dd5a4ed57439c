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
    const plan = renderReportSheet(buildReport(analysis, snapshot, { date: TODAY }));
    expect(document.title).toBe(plan.rows[0].text);
    expect(fake.controls.data().activeSheet).toBe(sheetName);
    plan.rows.forEach((row, i) => {
      const a = fake.controls.cell(sheetName, `A${i + 1}`);
      expect([a.value, a.numberFormat, a.font?.name, a.font?.size]).toEqual([row.text, '@', plan.formats[row.style].fonts[0], plan.formats[row.style].sizePt]);
      expect(fake.controls.cell(sheetName, `B${i + 1}`).value).toBe(row.meta);
      const sheet = fake.controls.sheet(sheetName);
      expect(sheet.rowHeights[i] ?? sheet.standardHeight).toBe(row.heightPt);
    });
    expect(fake.controls.sheet(sheetName).columnHidden[1]).toBe(true);
  });

  it('removes a report sheet it created on undo', async () => {
    const original = await sampleWorkbook();
    const fake = strictFake(await sampleWorkbook());
    const host = hostOf(fake);
    await generateReport(host, settings);
    expect(await undoLastRun(host)).toEqual({ restoredCells: 0, removedSheet: '自评报告' });
    expect(diffViews(workbookView(fake.controls.data()), workbookView(original))).toEqual([]);
  });

  it('brings back the report it replaced — staff edits, position and all — on undo', async () => {
    const fake = strictFake(await sampleWorkbook());
    const host = hostOf(fake);
    await generateReport(host, settings);
    fake.controls.sheet('自评报告').values[3]![0] = '单位职能：由财务科补写。';
    const edited = sheetView(fake.controls.sheet('自评报告'));
    const position = fake.controls.data().sheets.findIndex((s) => s.name === '自评报告');
    await generateReport(host, settings);
    expect(fake.controls.sheet(REPORT_BACKUP_SHEET).visibility).toBe('VeryHidden');
    expect(fake.controls.cell('自评报告', 'A4').value).not.toBe('单位职能：由财务科补写。');
    await undoLastRun(host);
    expect(diffViews([sheetView(fake.controls.sheet('自评报告'))], [edited])).toEqual([]);
    expect(fake.controls.data().sheets.findIndex((s) => s.name === '自评报告')).toBe(position);
    expect(fake.controls.data().sheets.map((s) => s.name)).not.toContain(REPORT_BACKUP_SHEET);
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
