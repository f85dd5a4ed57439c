import { buildWorkbook, createFakeExcel, type FakeExcel, type FakeWorkbookData } from '../src/testing/fake-excel';

function budgetWorkbook(): FakeWorkbookData {
  return buildWorkbook({
    预算表: [
      ['项目名称', '全年预算数', '执行数'],
      ['数据中心运维', 72, 20],
      ['人才引进', 30, 29.99],
    ],
    支付明细: [['支付日期', '支付金额(元)']],
  });
}

function fakeWith(data: FakeWorkbookData = budgetWorkbook(), excelApi?: string): FakeExcel {
  return createFakeExcel(data, excelApi ? { excelApi } : {});
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code: string }).code;
  }
  throw new Error('expected the promise to reject');
}

describe('load accepts every form Office accepts', () => {
  it('string lists, arrays, { select }, typed options and navigation paths', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('预算表');
      const a = sheet.getRange('A1:C1').load(['values', 'address']);
      const b = sheet.getRange('B2').load({ select: 'values, rowIndex' });
      const c = sheet.getRange('A1').load({ values: true, format: { font: { bold: true } } });
      const d = sheet.getRange('A1').load('format/font/name, format/columnWidth');
      const f = sheet.getRange('C3').load('worksheet/name');
      const e = sheet.getRange('C3');
      context.load(e, 'values');
      await context.sync();
      expect(a.address).toBe('预算表!A1:C1');
      expect([b.values, b.rowIndex]).toEqual([[[72]], 1]);
      expect([c.values, c.format.font.bold]).toEqual([[['项目名称']], false]);
      expect([d.format.font.name, d.format.columnWidth]).toEqual(['Calibri', 48]);
      expect(() => d.format.font.bold).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(e.values).toEqual([[29.99]]);
      expect(f.worksheet.name).toBe('预算表');
    });
  });

  it('a property the fake does not know fails the sync instead of reading undefined later', async () => {
    const fake = fakeWith();
    const code = await codeOf(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('预算表').getRange('A1').load('valuez');
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
  });

  it('like Office.js, a proxy remembers what was set on it', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem('预算表').getRange('D1');
      cell.values = [['偏差原因']];
      expect(cell.values).toEqual([['偏差原因']]);
      await context.sync();
    });
  });
});

describe('typed input is parsed as Excel parses it', () => {
  it('dates become serials with a date format, percents and grouped numbers become numbers', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('支付明细').getRange('A2:D2').values = [['2023-12-31', '12%', '1,234.5', '2023年12月31日']];
      await context.sync();
    });
    expect(fake.controls.cell('支付明细', 'A2')).toMatchObject({ value: 45291, numberFormat: 'yyyy/m/d' });
    expect(fake.controls.values('支付明细', 'B2:D2')).toEqual([[0.12, 1234.5, 45291]]);
  });

  it('a project code "007" loses its zeros and "TRUE" becomes a boolean, as when typed into Excel', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('支付明细').getRange('A3:B3').values = [['007', 'TRUE']];
      await context.sync();
    });
    expect(fake.controls.values('支付明细', 'A3:B3')).toEqual([[7, true]]);
  });

  it('a text-formatted cell keeps "=x" as text; null leaves a cell unchanged', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('预算表').getRange('A2:B2');
      range.numberFormat = [['@', 'General']];
      range.values = [['=SUM(B2:B3)', null]];
      await context.sync();
    });
    expect(fake.controls.cell('预算表', 'A2')).toMatchObject({ value: '=SUM(B2:B3)', numberFormat: '@' });
    expect(fake.controls.cell('预算表', 'A2').formula).toBeUndefined();
    expect(fake.controls.cell('预算表', 'B2').value).toBe(72);
  });

  it('text longer than a cell can hold is rejected', async () => {
    const fake = fakeWith();
    const code = await codeOf(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('预算表').getRange('D2').values = [['说'.repeat(32768)]];
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
  });
});

describe('worksheets', () => {
  it('add, rename, move, hide and delete behave like Excel, with its errors', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add('执行情况');
      const unnamed = sheets.add();
      added.position = 0;
      await context.sync();
      unnamed.name = '偏差说明';
      sheets.getItem('执行情况').visibility = 'VeryHidden';
      const count = sheets.getCount(true);
      await context.sync();
      expect(count.value).toBe(3);
      sheets.load('items/name');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['执行情况', '预算表', '支付明细', '偏差说明']);
    });
    expect(fake.controls.sheet('执行情况').visibility).toBe('VeryHidden');
    const addSheet = (name: string) =>
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      });
    expect(await codeOf(addSheet('预算表'))).toBe('ItemAlreadyExists');
    expect(await codeOf(addSheet('a/b'))).toBe('InvalidArgument');
  });

  it('the last visible sheet cannot be hidden or deleted', async () => {
    const fake = fakeWith(buildWorkbook([{ name: '预算表' }, { name: '_jixiao', visibility: 'Hidden' }]));
    const hide = fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('预算表').visibility = fake.Excel.SheetVisibility.hidden;
      await context.sync();
    });
    expect(await codeOf(hide)).toBe('InvalidOperation');
    const remove = fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('预算表').delete();
      await context.sync();
    });
    expect(await codeOf(remove)).toBe('InvalidOperation');
  });

  it('protection is readable and sheet names match case-insensitively', async () => {
    const fake = fakeWith(buildWorkbook([{ name: 'Budget', protected: true }]));
    await fake.Excel.run(async (context) => {
      const protection = context.workbook.worksheets.getItem('budget').protection.load('protected');
      await context.sync();
      expect(protection.protected).toBe(true);
    });
  });
});

describe('ranges derived from ranges', () => {
  it('getCell, getResizedRange, getOffsetRange, getRow, getColumn, getLastRow and getRangeByIndexes', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('预算表');
      const table = sheet.getRange('A1:C3');
      const addresses = [
        table.getCell(1, 2),
        table.getResizedRange(1, 1),
        table.getOffsetRange(3, 0),
        table.getRow(2),
        table.getColumn(1),
        table.getLastRow(),
        table.getEntireColumn(),
        sheet.getRangeByIndexes(1, 1, 2, 2),
        table.getUsedRange(true),
      ].map((r) => r.load('address'));
      await context.sync();
      expect(addresses.map((r) => r.address)).toEqual([
        '预算表!C2',
        '预算表!A1:D4',
        '预算表!A4:C6',
        '预算表!A3:C3',
        '预算表!B1:B3',
        '预算表!A3:C3',
        '预算表!A:C',
        '预算表!B2:C3',
        '预算表!A1:C3',
      ]);
    });
  });

  it('a range outside the grid fails at sync with InvalidArgument; getRangeByIndexes needs ExcelApi 1.7', async () => {
    const fake = fakeWith(budgetWorkbook(), '1.6');
    const outside = fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('预算表').getRange('A1').getOffsetRange(-1, 0).load('address');
      await context.sync();
    });
    expect(await codeOf(outside)).toBe('InvalidArgument');
    const newer = fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('预算表').getRangeByIndexes(0, 0, 1, 1).load('values');
      await context.sync();
    });
    expect(await codeOf(newer)).toBe('ApiNotFound');
  });

  it('clear removes contents, formats or both', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('预算表');
      sheet.getRange('B2:C3').numberFormat = '0.00' as unknown as string[][]; // a scalar fills the range
      sheet.getRange('B2:B3').clear(fake.Excel.ClearApplyTo.contents);
      sheet.getRange('C2:C3').clear('Formats');
      await context.sync();
    });
    expect(fake.controls.cell('预算表', 'B2')).toMatchObject({ value: '', numberFormat: '0.00' });
    expect(fake.controls.cell('预算表', 'C2')).toMatchObject({ value: 20, numberFormat: 'General' });
  });
});

describe('selection', () => {
  it('select() moves the selection the task pane reads back with getSelectedRange', async () => {
    const fake = fakeWith();
    fake.controls.select('支付明细', 'B1');
    await fake.Excel.run(async (context) => {
      const before = context.workbook.getSelectedRange().load('address');
      await context.sync();
      expect(before.address).toBe('支付明细!B1');
      context.workbook.worksheets.getItem('预算表').getRange('C3').select();
      const after = context.workbook.getSelectedRange().load('address');
      const active = context.workbook.worksheets.getActiveWorksheet().load('name');
      await context.sync();
      expect([after.address, active.name]).toEqual(['预算表!C3', '预算表']);
    });
  });
});

describe('formats, settings and the application', () => {
  it('fonts, fills, number formats and widths round-trip, with null for mixed cells', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('预算表');
      const header = sheet.getRange('A1:C1');
      header.format.font.bold = true;
      header.format.fill.color = '#ffeeaa';
      sheet.getRange('C:C').format.columnWidth = 90;
      sheet.getRange('C2:C3').values = [[120000], [30000.5]];
      sheet.getRange('C2:C3').numberFormat = [['#,##0.00'], ['#,##0.00']];
      await context.sync();
      const mixed = sheet.getRange('A1:A2').format.font.load('bold');
      const fill = header.format.fill.load('color');
      const amounts = sheet.getRange('C2:C3').load('text,numberFormat');
      const width = sheet.getRange('C1').format.load('columnWidth');
      await context.sync();
      expect(mixed.bold).toBeNull();
      expect(fill.color).toBe('#FFEEAA');
      expect(amounts.text).toEqual([['120,000.00'], ['30,000.50']]);
      expect(width.columnWidth).toBe(90);
    });
    expect(fake.controls.cell('预算表', 'B1')).toMatchObject({ font: { bold: true }, fill: '#FFEEAA' });
  });

  it('settings can be added, read and deleted', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      context.workbook.settings.add('jixiao.rateDecimals', 2);
      await context.sync();
      const setting = context.workbook.settings.getItem('jixiao.rateDecimals').load('value');
      const missing = context.workbook.settings.getItemOrNullObject('nope');
      await context.sync();
      expect(setting.value).toBe(2);
      expect(missing.isNullObject).toBe(true);
      setting.delete();
      await context.sync();
    });
    expect(fake.controls.data().settings).toEqual({});
  });

  it('suspending calculation and screen updating are counted and need ExcelApi 1.6 / 1.9', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      context.application.suspendScreenUpdatingUntilNextSync();
      await context.sync();
    });
    expect(fake.stats).toMatchObject({ suspendedCalculation: 1, suspendedScreenUpdating: 1 });
    const old = fakeWith(budgetWorkbook(), '1.8');
    const code = await codeOf(
      old.Excel.run(async (context) => {
        context.application.suspendScreenUpdatingUntilNextSync();
        await context.sync();
      }),
    );
    expect(code).toBe('ApiNotFound');
  });
});
