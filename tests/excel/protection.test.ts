/**
 * 审阅 › 保护工作簿 (workbook structure) and 审阅 › 保护工作表 (sheet) protection: a run that Excel
 * would refuse halfway is refused before it writes, in plain words, and the workbook after the refused
 * run equals the workbook before, cell for cell — the add-in's own sheets included. On ExcelApi 1.7
 * and later the shell asks Workbook.protection beforehand; below it, it recognises Excel's refusal.
 */
import { UNDO_SHEET, generateReport, recalculate, undoLastRun } from '../../src/excel';
import { cloneWorkbookData, createFakeExcel, type FakeExcel, type FakeWorkbookData } from '../../src/testing/fake-excel';
import { generatedWorkbook } from './generated';
import { TODAY, diffViews, hostOf, sampleWorkbook, sheetView, strictFake, workbookView } from './helpers';

const settings = { today: TODAY };
const WORKBOOK_PROTECTED_ZH = '工作簿的结构受保护（审阅 › 保护工作簿），加载项无法添加或删除它需要的工作表，未写入任何内容。请在“审阅”选项卡中点击“保护工作簿”，撤销工作簿保护后重试。';

/** Every sheet, the add-in's own included, as a person (or the next run) would find it. */
function everything(data: FakeWorkbookData) {
  return data.sheets.map((s) => sheetView(s));
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; messageZh: string; messageEn: string }> {
  const e = await promise.then(() => undefined, (err: unknown) => err);
  if (!e) throw new Error('expected the run to be refused');
  return e as { code: string; messageZh: string; messageEn: string };
}

describe.each([
  ['ExcelApi 1.17 (asks Workbook.protection first)', '1.17'],
  ['ExcelApi 1.4 (recognises the refusal)', '1.4'],
])('workbook structure protection, %s', (_label, excelApi) => {
  const fakeOf = (data: FakeWorkbookData): FakeExcel => createFakeExcel(data, { excelApi, maxResponseBytes: 5 * 1024 * 1024 });

  it('重新计算执行率 on a workbook without the undo sheet: refused in plain words, nothing written', async () => {
    const data = await sampleWorkbook();
    data.structureProtected = true;
    const before = everything(cloneWorkbookData(data));
    const fake = fakeOf(data);
    const error = await refusal(recalculate(hostOf(fake), settings));
    expect(error).toMatchObject({ code: 'WorkbookProtected', messageZh: WORKBOOK_PROTECTED_ZH });
    expect(error.messageEn).toContain('Review › Protect Workbook');
    expect(diffViews(everything(fake.controls.data()), before)).toEqual([]);
    expect(fake.stats.cellsWritten).toBe(0);
    // From ExcelApi 1.7 the shell asks first: Excel is never sent a change it would refuse.
    if (excelApi === '1.17') expect(fake.stats.requests.filter((r) => r.error !== undefined)).toEqual([]);
    else expect(fake.stats.requests.some((r) => r.error !== undefined)).toBe(true);
  });

  it('生成报告 after a calculation: refused, the last calculation can still be undone, and a report sheet from before survives', async () => {
    const data = await sampleWorkbook();
    const fake = fakeOf(data);
    const host = hostOf(fake);
    await generateReport(host, settings);
    await recalculate(host, settings);
    const calculated = workbookView(fake.controls.data());
    fake.controls.setWorkbookProtected(true);
    const error = await refusal(generateReport(host, settings));
    expect(error).toMatchObject({ code: 'WorkbookProtected', messageZh: WORKBOOK_PROTECTED_ZH });
    expect(diffViews(workbookView(fake.controls.data()), calculated)).toEqual([]);
    fake.controls.setWorkbookProtected(false);
    const undone = await undoLastRun(host);
    const report = fake.controls.data().sheets.find((s) => s.name === '自评报告');
    // Above 1.7 nothing was touched, so the calculation is undone; below it the refused report's record
    // was dropped again (there is nothing to undo) — never may undo delete the report sheet from before.
    if (excelApi === '1.17') expect(undone?.restoredCells).toBeGreaterThan(0);
    else expect(undone).toBeNull();
    expect(report?.visibility).toBe('Visible');
    expect(report?.values[0]?.[0]).toBeTruthy();
  });

  it('撤销上次计算 of a report: refused while protected, the record kept; done once unprotected', async () => {
    const data = await sampleWorkbook();
    const fake = fakeOf(data);
    const host = hostOf(fake);
    await generateReport(host, settings);
    fake.controls.setWorkbookProtected(true);
    const before = everything(cloneWorkbookData(fake.controls.data()));
    const error = await refusal(undoLastRun(host));
    expect(error.messageZh).toBe(WORKBOOK_PROTECTED_ZH);
    expect(diffViews(everything(fake.controls.data()), before)).toEqual([]);
    fake.controls.setWorkbookProtected(false);
    expect(await undoLastRun(host)).toEqual({ kind: 'report', restoredCells: 0, removedSheets: ['自评报告', '核对清单', '绩效自评表'], restoredSheets: [], keptSheets: [], missingSheets: [], lostSheets: [] });
    expect(fake.controls.data().sheets.map((s) => s.name)).not.toContain('自评报告');
  });

  it('a calculation when the undo sheet already exists needs no structural change, and runs', async () => {
    const data = await sampleWorkbook();
    const fake = fakeOf(data);
    const host = hostOf(fake);
    await recalculate(host, settings);
    await undoLastRun(host);
    fake.controls.setWorkbookProtected(true);
    const { cellsWritten } = await recalculate(host, settings);
    expect(cellsWritten).toBeGreaterThan(0);
    expect(fake.controls.sheet(UNDO_SHEET).visibility).toBe('VeryHidden');
  });
});

it('a protected payments sheet stops the run before anything is written, naming it (ExcelApi 1.2 Worksheet.protection)', async () => {
  // The generated export's first payment is dated in the year before: its 校验提示 goes on 支付明细.
  const fake = strictFake(generatedWorkbook(20, 50));
  fake.controls.setProtected('支付明细', true);
  const before = everything(cloneWorkbookData(fake.controls.data()));
  const error = await refusal(recalculate(hostOf(fake), settings));
  expect(error.messageZh).toBe('工作表“支付明细”受保护，未写入任何内容。请在“审阅”选项卡中点击“撤销工作表保护”后重试。');
  expect(diffViews(everything(fake.controls.data()), before)).toEqual([]);
});
