import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import type { Summary } from '../../src/core';
import { SAMPLE, cli } from '../helpers/cli';
import { scratchDir } from './sim-fs';

const dir = scratchDir();

function oneLine(s: string): void {
  expect(s.trim().split('\n')).toHaveLength(1);
  expect(s).not.toMatch(/\n\s+at /);
}

describe('unusable input stops with exit 2 and a one-line reason', () => {
  it('a missing file', async () => {
    const r = await cli(['report', path.join(dir, 'nope.xlsx'), '-o', path.join(dir, 'o.xlsx')]);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain('找不到输入文件');
  });

  it('a file that is not an xlsx', async () => {
    const fake = path.join(dir, 'notes.xlsx');
    writeFileSync(fake, '这不是表格');
    const r = await cli(['report', fake, '-o', path.join(dir, 'o.xlsx')]);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain('不是有效的 .xlsx 文件');
  });

  it('a workbook with no funds table names what it looked for', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('通讯录').addRows([['姓名', '电话'], ['张三', '123']]);
    const file = path.join(dir, 'contacts.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await cli(['report', file, '-o', path.join(dir, 'o.xlsx')]);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain('未找到项目资金表');
    expect(r.stderr).toContain('全年预算数');
    expect(existsSync(path.join(dir, 'o.xlsx'))).toBe(false);
  });

  it('refuses to write over its input', async () => {
    const r = await cli(['report', SAMPLE, '-o', SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('输出文件不能与输入文件相同');
  });

  it('rejects a malformed --year or --map', async () => {
    expect((await cli(['report', SAMPLE, '--year', '23'])).code).toBe(2);
    const r = await cli(['report', SAMPLE, '--map', '{not json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是有效的 JSON');
  });

  it('prints usage for a wrong command', async () => {
    const r = await cli(['calc', SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('用法');
  });
});

describe('exit status and language', () => {
  it('--strict exits 1 when an error-level issue exists', async () => {
    expect((await cli(['report', SAMPLE, '--strict'])).code).toBe(1);
  });

  it('--lang en prints the issues in English', async () => {
    const r = await cli(['report', SAMPLE, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Errors (1)');
    expect(r.stdout).toContain('does not equal the budget');
  });
});

describe('a monitoring workbook: no 执行数 column, amounts in 元, as of 2023-07-31', () => {
  it('computes rates from the payments up to that date', async () => {
    const wb = new ExcelJS.Workbook();
    const f = wb.addWorksheet('预算');
    f.addRows([['2023年项目预算'], ['金额单位：元'], ['预算项目编码', '预算项目名称', '预算批复数'], ['P1', '网站运维', 856000], ['P2', '宣传', 50000]]);
    const p = wb.addWorksheet('支付');
    p.addRows([
      ['支付时间', '凭证号', '项目编码', '金额'],
      [new Date(Date.UTC(2023, 0, 20)), 'V1', 'P1', 200000],
      [new Date(Date.UTC(2023, 6, 31)), 'V2', 'P2', '40,000.00'],
      [new Date(Date.UTC(2023, 7, 1)), 'V3', 'P1', 300000],
    ]);
    const file = path.join(dir, 'monitor.xlsx');
    await wb.xlsx.writeFile(file);
    const json = path.join(dir, 'monitor.json');
    const r = await cli(['report', file, '--as-of', '2023-07-31', '--json', json, '-o', path.join(dir, 'monitor-out.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('截至2023-07-31（序时进度58.08%）');
    const s = JSON.parse(readFileSync(json, 'utf8')) as Summary;
    expect(s).toMatchObject({ fiscalYear: 2023, asOf: '2023-07-31', monitoring: true });
    expect(s.progress).toBeCloseTo(212 / 365, 12);
    expect(s.projects.map((x) => [x.code, x.executedYuan, x.rateText])).toEqual([
      ['P1', 200000, '23%'],
      ['P2', 40000, '80%'],
    ]);
    expect(s.issues.find((i) => i.code === 'PAYMENT_AFTER_AS_OF')!.cell).toBe('支付!A4');
  });
});
