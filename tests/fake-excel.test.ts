import ExcelJS from 'exceljs';
import { buildWorkbook, createFakeExcel, type FakeExcel, type FakeWorkbookData } from '../src/testing/fake-excel';
import { loadXlsxIntoFake } from '../src/testing/fake-excel/load-xlsx';

const NOT_LOADED_MESSAGE =
  'The property \'values\' is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.';

function paymentsWorkbook(): FakeWorkbookData {
  return buildWorkbook({
    支付明细: [
      ['支付日期', '项目名称', '支付金额(元)'],
      [45291, '数据中心运维', 120000],
      [45292, '人才引进', 30000],
    ],
    预算表: [['项目名称', '全年预算数']],
  });
}

function fakeWith(data: FakeWorkbookData = paymentsWorkbook(), excelApi?: string): FakeExcel {
  return createFakeExcel(data, excelApi ? { excelApi } : {});
}

/** Captures a rejection so its Office-shaped fields can be asserted. */
async function failure(promise: Promise<unknown>): Promise<{ code: string; name: string; message: string; debugInfo: { code: string } }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; name: string; message: string; debugInfo: { code: string } };
  }
  throw new Error('expected the promise to reject');
}

describe('properties are readable only after load and sync', () => {
  it('reading range.values before load throws PropertyNotLoaded, shaped like Office', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('支付明细').getRange('A1:C3');
      let thrown: unknown;
      try {
        void range.values;
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ name: 'RichApi.Error', code: 'PropertyNotLoaded', message: NOT_LOADED_MESSAGE });
    });
  });

  it('reading after load but before sync still throws; after sync it returns the cells', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('支付明细').getRange('A2:C2');
      range.load('values,address');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([[45291, '数据中心运维', 120000]]);
      expect(range.address).toBe('支付明细!A2:C2');
      expect(() => range.rowCount).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('a loaded value stays as of the sync that loaded it', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('支付明细');
      const reader = sheet.getRange('C2').load('values');
      await context.sync();
      sheet.getRange('C2').values = [[999]];
      await context.sync();
      expect(reader.values).toEqual([[120000]]);
      reader.load('values');
      await context.sync();
      expect(reader.values).toEqual([[999]]);
    });
  });

  it('collections load items with navigation paths', async () => {
    const fake = fakeWith(buildWorkbook([{ name: '支付明细' }, { name: '_jixiao', visibility: 'VeryHidden' }]));
    await fake.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      sheets.load('items/name,items/visibility');
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ['支付明细', 'Visible'],
        ['_jixiao', 'VeryHidden'],
      ]);
      expect(() => sheets.items[0].position).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });
});

describe('writes are queued until sync', () => {
  it('a write is invisible in the workbook until sync, and applied in queue order', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem('支付明细').getRange('C2');
      const before = cell.getOffsetRange(0, 0).load('values');
      cell.values = [[5]];
      const after = cell.getOffsetRange(0, 0).load('values');
      expect(fake.controls.cell('支付明细', 'C2').value).toBe(120000);
      await context.sync();
      expect(fake.controls.cell('支付明细', 'C2').value).toBe(5);
      expect(before.values).toEqual([[120000]]);
      expect(after.values).toEqual([[5]]);
    });
  });

  it('a wrong-shape values array rejects at sync with InvalidArgument, not at assignment', async () => {
    const fake = fakeWith();
    const error = await failure(
      fake.Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem('预算表').getRange('A2:B3');
        range.values = [['项目甲', 10]]; // one row for a two-row range
        await context.sync();
      }),
    );
    expect(error.code).toBe('InvalidArgument');
    expect(error.name).toBe('RichApi.Error');
    expect(error.debugInfo.code).toBe('InvalidArgument');
    expect(fake.controls.values('预算表', 'A2:B3')).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('a single scalar fills the whole range, as Office allows', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('预算表').getRange('B2:B4');
      range.values = 0 as unknown as number[][]; // Office accepts a scalar where the types say any[][]
      range.numberFormat = '#,##0.00' as unknown as string[][];
      await context.sync();
    });
    expect(fake.controls.values('预算表', 'B2:B4')).toEqual([[0], [0], [0]]);
    expect(fake.controls.cell('预算表', 'B3').numberFormat).toBe('#,##0.00');
  });

  it('"=SUM(A1)" written as a value becomes a formula; "\'=x" stays the text "=x"', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('预算表').getRange('A2:D2').values = [['=SUM(A1)', "'=x", '-1', '-备注']];
      await context.sync();
    });
    expect(fake.controls.cell('预算表', 'A2')).toMatchObject({ formula: '=SUM(A1)', value: 0 });
    expect(fake.controls.cell('预算表', 'B2')).toEqual(expect.objectContaining({ value: '=x' }));
    expect(fake.controls.cell('预算表', 'B2').formula).toBeUndefined();
    expect(fake.controls.cell('预算表', 'C2').value).toBe(-1);
    expect(fake.controls.cell('预算表', 'D2').formula).toBe('=-备注');
  });

  it('range.formulas reads formulas where there are some and constants elsewhere', async () => {
    const data = buildWorkbook([{ name: 'S', rows: [[1, 2, 3]], formulas: { C1: '=A1+B1' } }]);
    const fake = fakeWith(data);
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:C1').load('formulas,values,valueTypes');
      await context.sync();
      expect(range.formulas).toEqual([[1, 2, '=A1+B1']]);
      expect(range.values).toEqual([[1, 2, 3]]);
      expect(range.valueTypes).toEqual([['Double', 'Double', 'Double']]);
    });
  });
});

describe('limits and counters', () => {
  it('a sync whose payload exceeds 5 MB throws RequestPayloadSizeLimitExceeded and writes nothing', async () => {
    const fake = fakeWith(buildWorkbook({ Sheet1: [] }));
    const rows = Array.from({ length: 80000 }, (_, i) => [`付款说明第${i}行，黔南州大数据发展管理局`, i, i * 1.5]);
    const error = await failure(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:C80000').values = rows;
        await context.sync();
      }),
    );
    expect(error.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.stats.maxRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(fake.controls.cell('Sheet1', 'A1').value).toBe('');
  });

  it('a read of more than 5,000,000 cells throws RangeExceedsLimit', async () => {
    const fake = fakeWith();
    const error = await failure(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('支付明细').getRange('A:E').load('values');
        await context.sync();
      }),
    );
    expect(error.code).toBe('RangeExceedsLimit');
  });

  it('syncCount and bytesSent count each sync and its payload', async () => {
    const fake = fakeWith();
    const values = [['项目名称', '全年预算数']];
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('预算表');
      sheet.getRange('A1:B1').values = values;
      await context.sync();
      sheet.getRange('A1:B1').load('values');
      await context.sync();
    });
    expect(fake.stats.syncCount).toBe(2);
    expect(fake.stats.requests.map((r) => r.ops)).toEqual([1, 1]);
    expect(fake.stats.requests[0].bytes).toBeGreaterThan(Buffer.byteLength(JSON.stringify(values)));
    expect(fake.stats.bytesSent).toBe(fake.stats.requests[0].bytes + fake.stats.requests[1].bytes);
    expect(fake.stats.cellsWritten).toBe(2);
    fake.resetStats();
    expect(fake.stats.syncCount).toBe(0);
  });

  it('Excel.run flushes actions the batch left queued, like Office, and counts that sync', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('预算表').getRange('A2').values = [['项目甲']];
    });
    expect(fake.controls.cell('预算表', 'A2').value).toBe('项目甲');
    expect(fake.stats).toMatchObject({ syncCount: 1, implicitSyncs: 1 });
  });
});

describe('requirement sets', () => {
  it('an API above the configured ExcelApi version rejects with ApiNotFound', async () => {
    const fake = fakeWith(paymentsWorkbook(), '1.3');
    expect(fake.isSetSupported('ExcelApi', '1.3')).toBe(true);
    expect(fake.isSetSupported('ExcelApi', '1.4')).toBe(false);
    const error = await failure(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('支付明细').getUsedRangeOrNullObject().load('address');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ApiNotFound');
    const settingsError = await failure(
      fake.Excel.run(async (context) => {
        context.workbook.settings.add('jixiao.version', 1);
        await context.sync();
      }),
    );
    expect(settingsError.code).toBe('ApiNotFound');
  });

  it('the same calls work once the host supports the set', async () => {
    const fake = fakeWith(paymentsWorkbook(), '1.4');
    await fake.Excel.run(async (context) => {
      context.workbook.settings.add('jixiao.version', 1);
      const used = context.workbook.worksheets.getItem('支付明细').getUsedRangeOrNullObject().load('address');
      await context.sync();
      expect(used.address).toBe('支付明细!A1:C3');
    });
    expect(fake.controls.data().settings['jixiao.version']).toBe(1);
  });
});

describe('missing and protected things fail as in Excel', () => {
  it('getItemOrNullObject of a missing sheet gives isNullObject after sync', async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('执行情况');
      const present = context.workbook.worksheets.getItemOrNullObject('预算表');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it('getItem of a missing sheet rejects the sync with ItemNotFound', async () => {
    const fake = fakeWith();
    const error = await failure(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('执行情况').load('name');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ItemNotFound');
  });

  it('writing to a protected sheet rejects with AccessDenied and leaves the cell alone', async () => {
    const data = buildWorkbook([{ name: '预算表', rows: [['项目名称']], protected: true }]);
    const fake = fakeWith(data);
    const error = await failure(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('预算表').getRange('A1').values = [['改名']];
        await context.sync();
      }),
    );
    expect(error).toMatchObject({ code: 'AccessDenied', name: 'RichApi.Error' });
    expect(error.message).toMatch(/protected/);
    expect(fake.controls.cell('预算表', 'A1').value).toBe('项目名称');
  });

  it('failNextSync rejects the next sync with the given code and debugInfo', async () => {
    const fake = fakeWith();
    fake.controls.failNextSync('InvalidOperationInCellEditMode');
    const error = await failure(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('预算表').getRange('A2').values = [['x']];
        await context.sync();
      }),
    );
    expect(error).toMatchObject({ code: 'InvalidOperationInCellEditMode', debugInfo: { code: 'InvalidOperationInCellEditMode' } });
    expect(error).toBeInstanceOf(Error);
    expect(fake.controls.cell('预算表', 'A2').value).toBe('');
  });

  it('an object from a finished Excel.run cannot be used later unless tracked', async () => {
    const fake = fakeWith();
    const range = await fake.Excel.run(async (context) => context.workbook.worksheets.getItem('预算表').getRange('A2'));
    const error = await failure(
      fake.Excel.run(range, async (context) => {
        range.values = [['迟到的写入']];
        await context.sync();
      }),
    );
    expect(error.code).toBe('InvalidObjectPath');

    const tracked = await fake.Excel.run(async (context) => context.workbook.worksheets.getItem('预算表').getRange('A2').track());
    await fake.Excel.run(tracked, async (context) => {
      tracked.values = [['跟踪的写入']];
      await context.sync();
    });
    expect(fake.controls.cell('预算表', 'A2').value).toBe('跟踪的写入');
  });

  it('a batch that does not return a promise rejects with RunMustReturnPromise', async () => {
    const fake = fakeWith();
    const run = fake.Excel.run as unknown as (batch: () => void) => Promise<unknown>; // Office's typings forbid this mistake; JS callers can make it
    expect((await failure(run(() => undefined))).code).toBe('RunMustReturnPromise');
  });
});

describe('addresses and used ranges', () => {
  it("quotes a sheet name like Sheet '1' the Excel way", async () => {
    const fake = fakeWith(buildWorkbook({ "Sheet '1'": [['x']], 'My Sheet': [], 支付明细: [] }));
    await fake.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const a = sheets.getItem("Sheet '1'").getRange('A1').load('address');
      const b = sheets.getItem('My Sheet').getRange('B2:C3').load('address');
      const c = sheets.getItem('支付明细').getRange('D:D').load('address');
      await context.sync();
      expect(a.address).toBe("'Sheet ''1'''!A1");
      expect(b.address).toBe("'My Sheet'!B2:C3");
      expect(c.address).toBe('支付明细!D:D');
    });
  });

  it('the used range covers every non-empty cell; an empty sheet gives A1 or a null object', async () => {
    const data = buildWorkbook([
      { name: 'S', rows: [[], ['', '', 'x'], ['', 'y']], numberFormats: { E9: '0.00' } },
      { name: 'Empty' },
    ]);
    const fake = fakeWith(data);
    await fake.Excel.run(async (context) => {
      const s = context.workbook.worksheets.getItem('S');
      const valuesOnly = s.getUsedRange(true).load('address');
      const withFormats = s.getUsedRange().load('address');
      const empty = context.workbook.worksheets.getItem('Empty');
      const emptyUsed = empty.getUsedRange().load('address');
      const emptyOrNull = empty.getUsedRangeOrNullObject(true);
      await context.sync();
      expect(valuesOnly.address).toBe('S!B2:C3');
      expect(withFormats.address).toBe('S!B2:E9');
      expect(emptyUsed.address).toBe('Empty!A1');
      expect(emptyOrNull.isNullObject).toBe(true);
    });
  });
});

describe('loading a real .xlsx', () => {
  async function budgetFile(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('支付明细');
    ws.getCell('A1').value = new Date(Date.UTC(2023, 11, 31));
    ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    ws.getCell('B1').value = 120000.5;
    ws.getCell('C1').value = { formula: 'B1*2', result: 240001 };
    ws.getCell('A3').value = '2023年支付合计';
    ws.mergeCells('A3:C3');
    ws.getCell('D1').value = { richText: [{ text: '黔南' }, { text: '州' }] };
    ws.getCell('E1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    const hidden = wb.addWorksheet('_jixiao');
    hidden.state = 'veryHidden';
    hidden.getCell('A1').value = 'state';
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('gives Office-like values: serial dates, formula + cached value, merged value only at top-left, VeryHidden', async () => {
    const data = await loadXlsxIntoFake(await budgetFile());
    const fake = createFakeExcel(data);
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('支付明细').getRange('A1:E3').load('values,formulas,valueTypes');
      const sheets = context.workbook.worksheets.load('items/name,items/visibility');
      await context.sync();
      expect(range.values).toEqual([
        [45291, 120000.5, 240001, '黔南州', '#DIV/0!'],
        ['', '', '', '', ''],
        ['2023年支付合计', '', '', '', ''],
      ]);
      expect(range.formulas[0][2]).toBe('=B1*2');
      expect(range.valueTypes[0][4]).toBe('Error');
      expect(sheets.items.map((s) => s.visibility)).toEqual(['Visible', 'VeryHidden']);
    });
    expect(fake.controls.cell('支付明细', 'A1').numberFormat).toBe('yyyy-mm-dd');
    expect(data.sheets[0].merges).toEqual(['A3:C3']);
  });
});

// How fast it loads is for `npm run bench`; a timed assertion here would fail on a busy machine, not on a bug.
describe('a 100,000-payment sheet', () => {
  it('loads used-range values of 100,000 × 10 cells in one sync', async () => {
    const rows = Array.from({ length: 100000 }, (_, i) => [45000 + (i % 365), `项目${i % 40}`, i * 10.5, '财政拨款', i, 'a', 'b', 'c', 'd', 'e']);
    const fake = fakeWith(buildWorkbook({ 支付明细: rows }));
    const values = await fake.Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem('支付明细').getUsedRange(true).load('values,address');
      await context.sync();
      return used.values;
    });
    expect(values).toHaveLength(100000);
    expect(values[99999][4]).toBe(99999);
  });
});
