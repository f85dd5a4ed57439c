/**
 * Every file of the bad corpus through the command line: it either succeeds with the issues that
 * name the bad cells, or stops with exit 2 and a one-line reason — never a stack trace, never a hang.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import * as path from 'path';
import { CORPUS_DIR } from '../../scripts/make-bad-corpus';
import type { Summary } from '../../src/core';
import { cli, readSnapshot, tempDir } from '../helpers/cli';

const dir = tempDir('jixiao-bad-');
const corpus = (name: string) => path.join(CORPUS_DIR, name);

async function report(name: string): Promise<{ code: number; stdout: string; stderr: string; summary?: Summary; out: string }> {
  const out = path.join(dir, name);
  const json = path.join(dir, `${name}.json`);
  const r = await cli(['report', corpus(name), '-o', out, '--json', json]);
  const summary = r.code === 0 ? (JSON.parse(readFileSync(json, 'utf8')) as Summary) : undefined;
  return { ...r, summary, out };
}

function cells(s: Summary | undefined, code: string): string[] {
  return (s?.issues ?? []).filter((i) => i.code === code).map((i) => i.cell);
}

function expectOneLineFailure(r: { code: number; stderr: string; stdout: string }, ...phrases: string[]): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  for (const p of phrases) expect(lines[0]).toContain(p);
}

describe('the bad corpus through the CLI', () => {
  it('empty.xlsx: stops, naming the sheet and what it looked for', async () => {
    expectOneLineFailure(await report('empty.xlsx'), 'Sheet1', '未找到项目资金表', '全年预算数');
  });

  it('no-table.xlsx: stops, naming what it looked for', async () => {
    expectOneLineFailure(await report('no-table.xlsx'), '未找到项目资金表', '项目名称');
  });

  it('not-an-xlsx.xlsx: stops and says to save it as .xlsx', async () => {
    expectOneLineFailure(await report('not-an-xlsx.xlsx'), '不是有效的 .xlsx 文件', '另存为');
  });

  it('header-row-25.xlsx: the header is past the 20-row window — a clear not-found', async () => {
    expectOneLineFailure(await report('header-row-25.xlsx'), '前20行', '全年预算数');
  });

  it('header-row-19.xlsx: found, and computed', async () => {
    const r = await report('header-row-19.xlsx');
    expect(r.summary!.projects.map((p) => [p.cell, p.rateText])).toEqual([['项目资金!B20', '80%']]);
  });

  it('headers-only.xlsx: runs and says the table has no projects', async () => {
    const r = await report('headers-only.xlsx');
    expect(r.code).toBe(0);
    expect(r.summary!.projects).toEqual([]);
    expect(cells(r.summary, 'NO_PROJECTS')).toEqual(['项目资金!B2']);
  });

  it('duplicate-headers.xlsx: uses the first of each and names the duplicates', async () => {
    const r = await report('duplicate-headers.xlsx');
    expect(cells(r.summary, 'DUPLICATE_HEADER')).toEqual(['项目资金!C2', '项目资金!E2']);
    expect(r.summary!.projects[0].rateText).toBe('50%');
  });

  it('merged-data-cells.xlsx: the merged continuation row is named, the rest computed', async () => {
    const r = await report('merged-data-cells.xlsx');
    expect(cells(r.summary, 'MISSING_REQUIRED')).toEqual(['项目资金!B4', '项目资金!C4']);
    expect(r.summary!.projects.filter((p) => p.name).map((p) => [p.name, p.group, p.rateText])).toEqual([
      ['网站运维', '上级资金', '100%'],
      ['宣传', '州本级', '100%'],
    ]);
  });

  it('formula-errors.xlsx: #DIV/0!, #REF! and #N/A are named in amount and date cells', async () => {
    const r = await report('formula-errors.xlsx');
    expect(cells(r.summary, 'FORMULA_ERROR')).toEqual(['项目资金!D3', '项目资金!C4', '支付明细!A2', '支付明细!E3']);
    expect(r.summary!.projects.map((p) => p.rateText)).toEqual(['—', '—', '25%']);
  });

  it('odd-amounts.xlsx: 1e20, NaN, 1,234.5.6 and Infinity are refused; -0 is zero; full-width is read', async () => {
    const r = await report('odd-amounts.xlsx');
    expect(cells(r.summary, 'AMOUNT_OUT_OF_RANGE')).toEqual(['项目资金!C3']);
    expect(cells(r.summary, 'AMOUNT_NOT_NUMERIC')).toEqual(['项目资金!C5', '项目资金!C6', '项目资金!C7']);
    expect(cells(r.summary, 'ZERO_BUDGET')).toEqual(['项目资金!C4']);
    expect(r.summary!.projects.find((p) => p.name === '正常')).toMatchObject({ budgetYuan: 12_345_000, executedYuan: 10_000_000, rateText: '81%' });
  });

  it('bad-dates.xlsx: 2023-02-30, 上周五 and 99999999 are not counted; 2023年6月15日 is', async () => {
    const r = await report('bad-dates.xlsx');
    expect(cells(r.summary, 'DATE_INVALID')).toEqual(['支付明细!A2', '支付明细!A3', '支付明细!A4']);
    expect(r.summary!.issues.find((i) => i.code === 'EXECUTED_MISMATCH_PAYMENTS' && i.cell === '项目资金!D4')!.message).toContain('0.1万元（1笔）');
  });

  it('sheet-names.xlsx: addresses quote sheet names the Excel way', async () => {
    const r = await report('sheet-names.xlsx');
    expect(cells(r.summary, 'PAYMENT_UNKNOWN_PROJECT')).toEqual(["'支付（明细）！'!C4"]);
    expect(r.summary!.projects[0].cell).toBe("'预算 表 ''A'' 2023'!B4");
  });

  it('hidden-sheets.xlsx: tables in hidden and very hidden sheets are still found', async () => {
    const r = await report('hidden-sheets.xlsx');
    expect(r.summary!.projects.map((p) => [p.cell, p.rateText])).toEqual([
      ['项目资金!B4', '100%'],
      ['项目资金!B5', '40%'],
    ]);
    expect(cells(r.summary, 'EXECUTED_MISMATCH_PAYMENTS')).toEqual([]);
  });

  it('gap-200-rows.xlsx: rows after 200 blank rows are read in both tables', async () => {
    const r = await report('gap-200-rows.xlsx');
    expect(r.summary!.projects.map((p) => p.name)).toEqual(['网站运维', '大数据宣传', '培训', '会议']);
    expect(cells(r.summary, 'EXECUTED_MISMATCH_PAYMENTS')).toEqual(['项目资金!D207']);
  });

  it('injection.xlsx: names beginning with = + - @ and HTML stay text in the output', async () => {
    const r = await report('injection.xlsx');
    expect(r.code).toBe(0);
    expect(r.summary!.projects.map((p) => p.name)).toEqual(['=HYPERLINK("http://x","y")', '@SUM(A1:A9)', '<b>加粗</b>项目']);
    const after = await readSnapshot(r.out);
    const funds = after.sheets.find((s) => s.name === '项目资金')!;
    // Every written note is text, and the user's own cells are unchanged strings, not formulas.
    expect(funds.values[2][0]).toBe('=HYPERLINK("http://x","y")');
    expect(funds.values.slice(2).map((row) => typeof row[funds.values[1].indexOf('偏差说明')])).toEqual(['string', 'string', 'string']);
    expect(String(funds.values[2][funds.values[1].indexOf('偏差说明')])).toContain('未完成原因：-合同未签订');
    // The report's title, addressee and signature begin with the unit's = + @ text: still text, and
    // no cell anywhere in the output is a formula.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.out);
    const formulas: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (c.type === ExcelJS.ValueType.Formula && formulas.push(`${ws.name}!${c.address}`)))));
    expect(formulas).toEqual([]);
    const sheet = wb.getWorksheet('自评报告')!;
    expect([sheet.getCell('A1').value, sheet.getCell('A2').value, sheet.getCell(`A${sheet.rowCount - 1}`).value]).toEqual(['@2023年度绩效自评报告', '+州财政局：', "=cmd|' /C calc'!A0"]);
  });

  it('long-texts.xlsx: a 300-character name and a 32,000-character text are handled', async () => {
    const r = await report('long-texts.xlsx');
    expect(r.code).toBe(0);
    expect(r.summary!.projects[0].name).toHaveLength(300);
    expect(r.stdout).toContain('…');
    expect(cells(r.summary, 'ZERO_BUDGET')).toEqual(['项目资金!B4']);
  });

  it('numeric-codes.xlsx: an 18-digit code stored as a number is flagged once', async () => {
    const r = await report('numeric-codes.xlsx');
    expect(cells(r.summary, 'CODE_AS_NUMBER')).toEqual(['项目资金!A3']);
  });

  it('payments-50k.xlsx: 10,000 payments for unknown projects are each named, the rest counted', async () => {
    const r = await report('payments-50k.xlsx');
    expect(r.code).toBe(0);
    const unknown = cells(r.summary, 'PAYMENT_UNKNOWN_PROJECT');
    expect(unknown).toHaveLength(10_000);
    expect(unknown[0]).toBe('支付明细!C6');
    expect(r.summary!.projects.every((p) => p.executedYuan === 20_000)).toBe(true);
    expect(r.stdout).toContain('另有 9970 条');
  });
});
