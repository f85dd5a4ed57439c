/**
 * The 1904 date system (a Mac habit; Microsoft's "Date systems in Excel"): Range.values hands over
 * serials counted from 1904-01-01, 1,462 days fewer than the 1900 system's for the same day. The shell
 * passes them as Excel stores them and tells the core which system they are in
 * (WorkbookSnapshot.dateSystem), from what the workbook's own DATE(2000,1,1) answers.
 */
import ExcelJS from 'exceljs';
import * as path from 'path';
import { tempDir } from '../helpers/temp';
import { readWorkbook } from '../../src/excel';
import { buildWorkbook, createFakeExcel } from '../../src/testing/fake-excel';
import { loadXlsxIntoFake } from '../../src/testing/fake-excel/load-xlsx';
import { TODAY, hostOf, sampleWorkbook, strictFake } from './helpers';

const settings = { today: TODAY };
const DEC_31_2023 = 45291;

async function macWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  wb.addWorksheet('项目资金').addRows([['项目名称', '全年预算数', '执行数'], ['系统运维', 100, 40]]);
  wb.addWorksheet('支付明细').addRows([['支付日期', '项目名称', '支付金额(元)'], [new Date(Date.UTC(2023, 11, 31)), '系统运维', 400000]]);
  const file = path.join(tempDir('d1904-'), 'mac.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('the date system reaches the core', () => {
  it('a 1904-system workbook: its serials as Excel stores them, and dateSystem 1904', async () => {
    const data = await loadXlsxIntoFake(await macWorkbook());
    const snapshot = await readWorkbook(hostOf(strictFake(data)), settings);
    expect(snapshot.dateSystem).toBe(1904);
    const payments = snapshot.sheets.find((s) => s.name === '支付明细')!;
    expect(payments.values[1 - payments.top][0]).toBe(DEC_31_2023 - 1462);
  });

  it('a 1900-system workbook (the sample, and one built by hand) says 1900', async () => {
    expect((await readWorkbook(hostOf(strictFake(await sampleWorkbook())), settings)).dateSystem).toBe(1900);
    expect((await readWorkbook(hostOf(strictFake(buildWorkbook({ 表: [['a']] }))), settings)).dateSystem).toBe(1900);
  });

  it('asks in the first sync, so a check still reads in three syncs', async () => {
    const fake = createFakeExcel(await sampleWorkbook(), { excelApi: '1.4' });
    await readWorkbook(hostOf(fake), settings);
    expect(fake.stats.syncCount).toBe(3);
  });
});
