/**
 * Oversized requests on Excel on the web, which refuses requests and responses over 5 MB ("Resource
 * limits and performance optimization for Office Add-ins") — and sometimes answers a large request
 * with GeneralException instead (OfficeDev/office-js #1314). The simulated Excel enforces both here:
 * the outline read of a very wide workbook keeps to a budget, a stray space in XFD1048576 does not
 * make the read explode, GeneralException on a write is split and retried, and the undo store's size
 * estimate counts the escaping its JSON gets inside the request's JSON.
 */
import { analyzeWorkbook, generateReport, recalculate, undoLastRun } from '../../src/excel';
import { buildWorkbook, cloneWorkbookData, createFakeExcel, type CellValue, type FakeWorkbookData } from '../../src/testing/fake-excel';
import { generatedWorkbook } from './generated';
import { TODAY, diffViews, hostOf, strictFake, workbookView } from './helpers';

const FIVE_MB = 5 * 1024 * 1024;
const settings = { today: TODAY };

/** A sheet of 21 header rows × `cols` columns of long Chinese headings (about 100 bytes each). */
function noisySheet(name: string, cols: number): { name: string; rows: CellValue[][] } {
  const rows: CellValue[][] = [];
  for (let r = 0; r < 21; r++) rows.push(Array.from({ length: cols }, (_, c) => `${name}的第${r + 1}行第${c + 1}列：这是一段很长的说明文字，用来把表头区域填满。`));
  return { name, rows };
}

const FUNDS: CellValue[][] = [['项目名称', '全年预算数', '执行数'], ['系统运维', 100, 40], ['网络租赁', 50, 50]];

describe('the outline read of a very wide workbook keeps to the 5 MB limit', () => {
  it('fifty sheets with full header rows: the funds table on the last sheet is found, no sync over 5 MB', async () => {
    const sheets = [...Array.from({ length: 49 }, (_, i) => noisySheet(`备查${i + 1}`, 60)), { name: '项目资金', rows: FUNDS }];
    const fake = strictFake(buildWorkbook(sheets), { maxRequestBytes: FIVE_MB, maxResponseBytes: FIVE_MB });
    const { analysis } = await analyzeWorkbook(hostOf(fake), settings);
    expect(analysis.funds?.sheet).toBe('项目资金');
    expect(analysis.model?.projects.map((p) => p.name)).toEqual(['系统运维', '网络租赁']);
    expect(fake.stats.syncCount).toBeLessThan(40);
  });

  it('a stray space in XFD1048576 of the funds sheet: checked and calculated in a few syncs, the output where it belongs', async () => {
    const data = buildWorkbook({ 项目资金: FUNDS, 说明: [['本表为示例']] });
    const funds = data.sheets[0];
    funds.values[1048575] = [];
    funds.values[1048575][16383] = ' ';
    const fake = createFakeExcel(data, { excelApi: '1.4', maxResponseBytes: FIVE_MB });
    const { analysis } = await analyzeWorkbook(hostOf(fake), settings);
    expect(analysis.ok).toBe(true);
    expect(fake.stats.syncCount).toBeLessThan(12);
    fake.resetStats();
    await recalculate(hostOf(fake), settings);
    expect(fake.controls.cell('项目资金', 'D1').value).toBe('执行率');
    expect(fake.controls.cell('项目资金', 'D2')).toMatchObject({ value: 0.4, numberFormat: '0%' });
    expect(fake.stats.syncCount).toBeLessThan(16);
    expect(fake.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
  });

  it('the same stray space on a sheet that holds no table costs nothing more', async () => {
    const data = buildWorkbook({ 项目资金: FUNDS, 说明: [['本表为示例']] });
    data.sheets[1].values[1048575] = [];
    data.sheets[1].values[1048575][16383] = ' ';
    const fake = createFakeExcel(data, { excelApi: '1.4', maxResponseBytes: FIVE_MB });
    const { analysis } = await analyzeWorkbook(hostOf(fake), settings);
    expect(analysis.ok).toBe(true);
    expect(fake.stats.syncCount).toBeLessThan(8);
  });
});

describe('GeneralException on a large request (Excel on the web, office-js #1314)', () => {
  it('the calculation’s writes are split and sent again, and the result equals an unhindered run', async () => {
    const data = generatedWorkbook(200, 20_000);
    const plain = strictFake(cloneWorkbookData(data));
    await recalculate(hostOf(plain), settings);
    const fake = strictFake(data, { internalErrorOverBytes: 50_000 });
    await recalculate(hostOf(fake), settings);
    expect(fake.stats.requests.some((r) => r.error === 'GeneralException')).toBe(true);
    expect(diffViews(workbookView(fake.controls.data()), workbookView(plain.controls.data()))).toEqual([]);
  });

  it('生成报告’s sheet writes are split and sent again too: the 自评报告 and 核对清单 equal an unhindered run’s', async () => {
    const data = generatedWorkbook(200, 20_000);
    const plain = strictFake(cloneWorkbookData(data));
    await generateReport(hostOf(plain), settings);
    const fake = strictFake(data, { internalErrorOverBytes: 50_000 });
    await generateReport(hostOf(fake), settings);
    expect(fake.stats.requests.some((r) => r.error === 'GeneralException')).toBe(true);
    const sheets = (f: typeof fake) => f.controls.data().sheets.map((s) => s.name);
    expect(sheets(fake)).toEqual(sheets(plain));
    expect(sheets(fake)).toEqual(expect.arrayContaining(['自评报告', '核对清单']));
    expect(diffViews(workbookView(fake.controls.data()), workbookView(plain.controls.data()))).toEqual([]);
  }, 120_000);

  it('a GeneralException that is not about size still reaches the user, after the retries run out', async () => {
    const fake = strictFake(generatedWorkbook(20, 50), { internalErrorOverBytes: 10 });
    await expect(recalculate(hostOf(fake), settings)).rejects.toMatchObject({ code: 'GeneralException', messageZh: expect.stringContaining('Excel 内部出错') });
  });
});

describe('the undo store’s size estimate counts JSON escaping', () => {
  /** A payments export whose existing 校验提示 cells are full of quotes and backslashes (paths, quoted names). */
  function quotedWorkbook(): FakeWorkbookData {
    const data = generatedWorkbook(200, 40_000);
    const payments = data.sheets.find((s) => s.name === '支付明细')!;
    payments.values[0]!.push('校验提示');
    const quoted = '"\\\\server\\share\\"附件""'.repeat(8);
    for (let r = 1; r < payments.values.length; r++) payments.values[r]!.push(quoted);
    return data;
  }

  it('saving a record of 40,000 quoted cells never sends a request Excel refuses, and undo restores them', async () => {
    const data = quotedWorkbook();
    const before = workbookView(cloneWorkbookData(data));
    const fake = strictFake(data, { maxRequestBytes: FIVE_MB });
    await recalculate(hostOf(fake), settings);
    expect(fake.stats.requests.filter((r) => r.error !== undefined)).toEqual([]);
    await undoLastRun(hostOf(fake));
    expect(diffViews(workbookView(fake.controls.data()), before)).toEqual([]);
  }, 120_000);
});
