/**
 * Behaviours of real Excel the simulated Excel was taught for issue 15, each with its source (see the
 * comments in src/testing/fake-excel): very hidden sheets cannot be deleted, workbook structure
 * protection, merged areas, Excel tables, the 1904 date system, and the internal error Excel on the
 * web gives some large requests.
 */
import ExcelJS from 'exceljs';
import * as path from 'path';
import { tempDir } from './helpers/temp';
import { buildWorkbook, createFakeExcel, type FakeExcel, type FakeWorkbookData } from '../src/testing/fake-excel';
import { loadXlsxIntoFake } from '../src/testing/fake-excel/load-xlsx';

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected the promise to reject');
}

function fakeOf(data: FakeWorkbookData, excelApi = '1.17'): FakeExcel {
  return createFakeExcel(data, { excelApi });
}

describe('Worksheet.delete refuses a very hidden sheet (its reference page)', () => {
  const book = () => buildWorkbook([{ name: '表', rows: [['a']] }, { name: '藏', rows: [['b']], visibility: 'VeryHidden' }]);

  it('fails with InvalidOperation and keeps the sheet', async () => {
    const fake = fakeOf(book());
    const error = await failure(fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('藏').delete();
      await context.sync();
    }));
    expect(error.code).toBe('InvalidOperation');
    expect(fake.controls.data().sheets.map((s) => s.name)).toEqual(['表', '藏']);
  });

  it('deletes it once it is made hidden first, in the same sync', async () => {
    const fake = fakeOf(book());
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('藏');
      sheet.visibility = 'Hidden';
      sheet.delete();
      await context.sync();
    });
    expect(fake.controls.data().sheets.map((s) => s.name)).toEqual(['表']);
  });
});

describe('workbook structure protection (审阅 › 保护工作簿)', () => {
  const book = () => buildWorkbook([{ name: '表', rows: [['a']] }, { name: '旧', rows: [['b']], visibility: 'Hidden' }], { structureProtected: true });

  it.each([
    ['adding a sheet', (c: Excel.RequestContext) => void c.workbook.worksheets.add('新')],
    ['deleting a sheet', (c: Excel.RequestContext) => c.workbook.worksheets.getItem('旧').delete()],
    ['renaming a sheet', (c: Excel.RequestContext) => void (c.workbook.worksheets.getItem('表').name = '改')],
    ['unhiding a sheet', (c: Excel.RequestContext) => void (c.workbook.worksheets.getItem('旧').visibility = 'Visible')],
    ['moving a sheet', (c: Excel.RequestContext) => void (c.workbook.worksheets.getItem('旧').position = 0)],
  ])('%s fails with AccessDenied and changes nothing', async (_what, act) => {
    const fake = fakeOf(book());
    const error = await failure(fake.Excel.run(async (context) => {
      act(context);
      await context.sync();
    }));
    expect(error.code).toBe('AccessDenied');
    expect(fake.controls.data().sheets.map((s) => [s.name, s.visibility])).toEqual([['表', 'Visible'], ['旧', 'Hidden']]);
  });

  it('cells stay editable; Workbook.protection.protected says so from ExcelApi 1.7, and is missing before', async () => {
    const fake = fakeOf(book());
    await fake.Excel.run(async (context) => {
      const protection = context.workbook.protection.load('protected');
      context.workbook.worksheets.getItem('表').getRange('B1').values = [['写得进']];
      await context.sync();
      expect(protection.protected).toBe(true);
    });
    expect(fake.controls.cell('表', 'B1').value).toBe('写得进');
    const old = fakeOf(book(), '1.6');
    const error = await failure(old.Excel.run(async (context) => {
      context.workbook.protection.load('protected');
      await context.sync();
    }));
    expect(error.code).toBe('ApiNotFound');
  });
});

describe('merged areas', () => {
  const book = () => buildWorkbook([{ name: '表', rows: [['标题'], [], ['甲', 1]], merges: ['A1:C1', 'D3:E4'] }]);

  it('a write covering part of a merged area fails and writes nothing of it; the whole area keeps only its top-left value', async () => {
    const fake = fakeOf(book());
    const error = await failure(fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('表').getRange('E3:E4').values = [['x'], ['y']];
      await context.sync();
    }));
    expect(error).toMatchObject({ code: 'InvalidOperation', message: "We can't do that to a merged cell." });
    expect(fake.controls.values('表', 'D3:E4')).toEqual([['', ''], ['', '']]);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('表').getRange('D3:E4').values = [['左上', '丢'], ['丢', '丢']];
      await context.sync();
    });
    expect(fake.controls.values('表', 'D3:E4')).toEqual([['左上', ''], ['', '']]);
  });

  it('getMergedAreasOrNullObject finds only areas whose top-left cell is in the range (office-js #3611); none is a null object', async () => {
    const fake = fakeOf(book());
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('表');
      const fromA1 = sheet.getRange('A1:F10').getMergedAreasOrNullObject().load('areaCount,areas/items/address');
      const fromB2 = sheet.getRange('B2:F10').getMergedAreasOrNullObject().load('areaCount');
      const insideD3 = sheet.getRange('E4:F10').getMergedAreasOrNullObject().load('areaCount');
      await context.sync();
      expect(fromA1.areas.items.map((r) => r.address)).toEqual(['表!A1:C1', '表!D3:E4']);
      expect(fromB2.areaCount).toBe(1);
      expect(insideD3.isNullObject).toBe(true);
    });
  });

  it('getMergedAreasOrNullObject fails past 512 areas (its reference page) and needs ExcelApi 1.13', async () => {
    const many = buildWorkbook([{ name: '表', merges: Array.from({ length: 513 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`) }]);
    const error = await failure(fakeOf(many).Excel.run(async (context) => {
      context.workbook.worksheets.getItem('表').getRange('A1:B2000').getMergedAreasOrNullObject().load('areaCount');
      await context.sync();
    }));
    expect(error.code).not.toBe('ApiNotFound');
    const old = await failure(fakeOf(book(), '1.12').Excel.run(async (context) => {
      context.workbook.worksheets.getItem('表').getRange('A1:B2').getMergedAreasOrNullObject().load('areaCount');
      await context.sync();
    }));
    expect(old.code).toBe('ApiNotFound');
  });
});

describe('an .xlsx with Excel tables, merges and the 1904 date system loads as Excel shows it', () => {
  let data: FakeWorkbookData;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('支付明细');
    ws.addTable({ name: '支付表', ref: 'B2', headerRow: true, totalsRow: true, columns: [{ name: '支付日期' }, { name: '金额', totalsRowFunction: 'sum' }], rows: [[new Date(Date.UTC(2023, 11, 31)), 100], [new Date(Date.UTC(2024, 0, 2)), 50]] });
    ws.getCell('E7').value = '备注';
    ws.mergeCells('E7:F8');
    const file = path.join(tempDir('fake-real-'), 'book.xlsx');
    await wb.xlsx.writeFile(file);
    data = await loadXlsxIntoFake(file);
  });

  it('the table, with its totals row, is in workbook.tables and worksheet.tables', async () => {
    const fake = fakeOf(data);
    await fake.Excel.run(async (context) => {
      const all = context.workbook.tables.load('items/name,items/showTotals,items/worksheet/name');
      const mine = context.workbook.worksheets.getItem('支付明细').tables.load('items/name');
      await context.sync();
      expect(all.items.map((t) => [t.name, t.showTotals, t.worksheet.name])).toEqual([['支付表', true, '支付明细']]);
      expect(mine.items.map((t) => t.name)).toEqual(['支付表']);
      const range = all.items[0].getRange().load('address');
      const totals = all.items[0].getTotalRowRange().load('address');
      await context.sync();
      expect([range.address, totals.address]).toEqual(['支付明细!B2:C5', '支付明细!B5:C5']);
    });
  });

  it('dates are 1904 serials; Range.text shows the calendar date; DATE answers in the 1904 system', async () => {
    expect(data.date1904).toBe(true);
    const fake = fakeOf(data);
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('支付明细');
      const dates = sheet.getRange('B3:B4').load('values');
      const date = context.workbook.functions.date(2000, 1, 1).load('value');
      const before1904 = context.workbook.functions.date(1903, 12, 31).load('value,error');
      sheet.getRange('D3').numberFormat = [['yyyy/m/d']];
      sheet.getRange('D3').values = [[45291 - 1462]];
      sheet.getRange('D4').values = [['2023-12-31']];
      await context.sync();
      const shown = sheet.getRange('D3:D4').load('text,values');
      await context.sync();
      expect(dates.values).toEqual([[45291 - 1462], [45293 - 1462]]);
      expect(date.value).toBe(35064);
      expect(before1904.error).toBe('#NUM!');
      expect(shown.text).toEqual([['2023/12/31'], ['2023/12/31']]);
      expect(shown.values).toEqual([[45291 - 1462], [45291 - 1462]]);
    });
    const in1900 = fakeOf(buildWorkbook({ 表: [] }));
    await in1900.Excel.run(async (context) => {
      const date = context.workbook.functions.date(2000, 1, 1).load('value');
      await context.sync();
      expect(date.value).toBe(36526);
    });
  });

  it('merged cells other than the top-left read as empty, and the merge is enforced', async () => {
    expect(data.sheets[0].merges).toEqual(['E7:F8']);
    const fake = fakeOf(data);
    const error = await failure(fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('支付明细').getRange('F7:F9').values = [['x'], ['y'], ['z']];
      await context.sync();
    }));
    expect(error.code).toBe('InvalidOperation');
  });
});

it('Excel on the web may refuse a large request with GeneralException, changing nothing (office-js #1314)', async () => {
  const fake = createFakeExcel(buildWorkbook({ 表: [] }), { internalErrorOverBytes: 50_000 });
  const error = await failure(fake.Excel.run(async (context) => {
    context.workbook.worksheets.getItem('表').getRange('A1:A2000').values = Array.from({ length: 2000 }, (_, i) => [`第${i}行的说明文字`]);
    await context.sync();
  }));
  expect(error).toMatchObject({ code: 'GeneralException', message: 'An internal error has occurred.' });
  expect(fake.controls.values('表', 'A1:A2')).toEqual([[''], ['']]);
});
