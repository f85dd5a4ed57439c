/**
 * Workbooks written by other producers (tests/fixtures/producers/, made by
 * scripts/make-producer-fixtures.py): openpyxl — absolute part names, formulas it never computes, a
 * 1904 variant — and LibreOffice. exceljs refused the openpyxl files as "not a valid .xlsx".
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { readXlsxFile } from '../../src/cli/xlsx-read/node';
import type { Summary } from '../../src/core';
import { cli, tempDir } from '../helpers/cli';

const DIR = path.join(__dirname, '..', 'fixtures', 'producers');
const fixture = (name: string) => path.join(DIR, name);
const dir = tempDir('jixiao-producers-');

describe('openpyxl’s workbook', () => {
  it('reads with absolute targets: values, the merged title, the table, the hidden backup', async () => {
    const s = await readXlsxFile(fixture('openpyxl-budget.xlsx'));
    expect(s.sheets.map((x) => [x.name, x.visibility])).toEqual([
      ['项目资金', 'visible'],
      ['支付明细', 'visible'],
      ['2022备份', 'hidden'],
    ]);
    const funds = s.sheets[0];
    expect(funds.values[3].slice(0, 5)).toEqual(['上级资金', 'P001', '大数据发展专项', 72, 20]);
    expect(funds.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
    expect(s.sheets[1].tables).toEqual([{ name: '支付表', rect: { top: 0, left: 0, bottom: 3, right: 3 }, totalsRow: false }]);
    expect(s.sheets[1].values[1]).toEqual([45000, 'V001', 'P001', 200000]); // 2023-03-15 as a 1900 serial
  });

  it('lists every formula openpyxl wrote without a value (F4:F6, D7, E7) and reads them as null, not 0', async () => {
    const funds = (await readXlsxFile(fixture('openpyxl-budget.xlsx'))).sheets[0];
    expect(funds.uncalculated).toEqual([
      { row: 3, col: 5 },
      { row: 4, col: 5 },
      { row: 5, col: 5 },
      { row: 6, col: 3 },
      { row: 6, col: 4 },
    ]);
    expect(funds.values[6][3]).toBeNull();
  });

  it('the 1904 variant keeps its serials as stored and says so', async () => {
    const s = await readXlsxFile(fixture('openpyxl-1904.xlsx'));
    expect(s.dateSystem).toBe(1904);
    expect(s.sheets[1].values[1][0]).toBe(45000 - 1462); // 2023-03-15 counted from 1904-01-01
  });

  it('runs through the CLI: 20 ÷ 72 → 28%, 124.2 ÷ 138 → 90%, 29.99 ÷ 30 → 100%', async () => {
    const json = path.join(dir, 'openpyxl.json');
    const r = await cli(['report', fixture('openpyxl-budget.xlsx'), '-o', path.join(dir, 'openpyxl-out.xlsx'), '--json', json]);
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(json, 'utf8')) as Summary;
    expect(s.projects.map((p) => [p.name, p.rateText])).toEqual([
      ['大数据发展专项', '28%'],
      ['政务云运维', '90%'],
      ['网络安全等级保护', '100%'],
    ]);
  });
});

describe('LibreOffice’s workbook', () => {
  it('has every formula computed, and the same figures', async () => {
    const s = await readXlsxFile(fixture('libreoffice-budget.xlsx'));
    const funds = s.sheets[0];
    expect(funds.uncalculated).toEqual([]);
    expect(funds.values[6].slice(0, 5)).toEqual(['合计', '', '', 240, 174.19]);
    expect(s.sheets[2].visibility).toBe('hidden');
    const json = path.join(dir, 'lo.json');
    expect((await cli(['report', fixture('libreoffice-budget.xlsx'), '--json', json])).code).toBe(0);
    expect((JSON.parse(readFileSync(json, 'utf8')) as Summary).projects.map((p) => p.rateText)).toEqual(['28%', '90%', '100%']);
  });
});
