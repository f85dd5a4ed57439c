/**
 * The issues as an en-US user reads them (the task pane and `--lang en` show messageEn): every rule's
 * English sentence, word for word, in each of its forms — with and without a code, one project or
 * several, above or below a total, during the year or at its end. A branch that picked the wrong form
 * would leave the Chinese right and the English wrong.
 */
import type { SheetSnapshot } from '../../src/core';
import { book, fundsSheet, paymentsSheet, sheet } from '../helpers/snap';
import { runAndWrite } from './rules-fixture';

const WAN = '(10,000 yuan)';
const en = (w: ReturnType<typeof runAndWrite>, code: string) => w.analysis.issues.filter((i) => i.code === code).map((i) => `${i.cell} ${i.messageEn}`);
const BUDGET_ONLY = ['项目名称', '全年预算数'];

/** Marks cells (A1 style, one letter) as formulas saved without a computed value. */
function uncalculated(s: SheetSnapshot, ...cells: string[]): SheetSnapshot {
  s.uncalculated = cells.map((a) => ({ row: Number(a.slice(1)) - 1, col: a.charCodeAt(0) - 65 }));
  for (const p of s.uncalculated) s.values[p.row - s.top][p.col - s.left] = null;
  return s;
}

describe('amounts that should agree', () => {
  it('the 其中 columns against the budget, each part named with its figure', () => {
    const w = runAndWrite(book(fundsSheet([['数据中台', 100, 99.5, 0, 0, 50]], ['项目名称', '全年预算数', '财政拨款', '上年结转', '其他资金', '执行数'])));
    expect(en(w, 'FUNDS_SOURCE_SUM_MISMATCH')).toEqual([
      `项目资金!B4 Project "数据中台": sources appropriation 99.5 ${WAN} + carry-over 0 ${WAN} + other funds 0 ${WAN} = 99.5 ${WAN}, which does not equal the budget of 100 ${WAN} (off by 0.5 ${WAN}). Check the breakdown columns.`,
    ]);
  });

  it('executed above budget, and a typed figure that one payment does not bear out (1 payment, 2 payments)', () => {
    const one = runAndWrite(book(fundsSheet([['网站运维', 10, 12]]), paymentsSheet([['2023-03-01', 'V1', '网站运维', 60000]])));
    expect(en(one, 'EXECUTED_EXCEEDS_BUDGET')).toEqual([
      `项目资金!C4 Project "网站运维": executed 12 ${WAN} exceeds the budget of 10 ${WAN} by 2 ${WAN}. Check the executed amount or the adjusted budget.`,
    ]);
    expect(en(one, 'EXECUTED_MISMATCH_PAYMENTS')).toEqual([
      `项目资金!C4 Project "网站运维": the typed executed amount 12 ${WAN} differs from its 1 payment totalling 6 ${WAN} by 6 ${WAN}. Check the amount or complete the payments.`,
    ]);
    const two = runAndWrite(book(fundsSheet([['网站运维', 10, 9]]), paymentsSheet([['2023-03-01', 'V1', '网站运维', 60000], ['2023-03-02', 'V2', '网站运维', 10000]])));
    expect(en(two, 'EXECUTED_MISMATCH_PAYMENTS')).toEqual([
      `项目资金!C4 Project "网站运维": the typed executed amount 9 ${WAN} differs from its 2 payments totalling 7 ${WAN} by 2 ${WAN}. Check the amount or complete the payments.`,
    ]);
  });

  it('an empty 执行数 with no payments table', () => {
    expect(en(runAndWrite(book(fundsSheet([['网站运维', 10, '']]))), 'EXECUTED_EMPTY')).toEqual([
      '项目资金!C4 Project "网站运维" has no executed amount and there are no payments; it is counted as 0. Fill it in if money was spent.',
    ]);
  });
});

describe('duplicates', () => {
  it('a project repeated by code says its code; one repeated by name does not', () => {
    const byCode = runAndWrite(book(fundsSheet([['A1', '网站运维', 10, 10], ['A1', '宣传', 5, 5]], ['项目编码', '项目名称', '全年预算数', '执行数'])));
    expect(en(byCode, 'DUPLICATE_PROJECT')).toEqual([
      '项目资金!B5 Project "宣传" (code A1) repeats 项目资金!B4. Payments go to the first; rename or give different codes if they are two projects, otherwise merge them.',
    ]);
    const byName = runAndWrite(book(fundsSheet([['网站运维', 10, 10], ['网站运维', 5, 5]])));
    expect(en(byName, 'DUPLICATE_PROJECT')).toEqual([
      '项目资金!A5 Project "网站运维" repeats 项目资金!A4. Payments go to the first; rename or give different codes if they are two projects, otherwise merge them.',
    ]);
  });

  it('a voucher number used twice', () => {
    const w = runAndWrite(book(fundsSheet([['网站运维', 10]], BUDGET_ONLY), paymentsSheet([['2023-03-01', 'ZF-001', '网站运维', 500], ['2023-03-02', 'ZF-001', '网站运维', 500]])));
    expect(en(w, 'DUPLICATE_VOUCHER')).toEqual(['支付明细!B3 Voucher number "ZF-001" repeats 支付明细!B2; both payments are counted. Delete one if it was entered twice.']);
  });
});

describe('小计 and 合计 rows', () => {
  it('a 小计 below one project, and a 小计 above two', () => {
    const under = runAndWrite(book(fundsSheet([['甲', 10, 5], ['小计', 12, 5]])));
    expect(en(under, 'TOTAL_ROW_MISMATCH')).toEqual([
      `项目资金!B5 The budget on the "小计" row, 12 ${WAN}, does not equal the sum of its 1 project, 10 ${WAN} (off by 2 ${WAN}). Check the total's formula or range.`,
    ]);
    const over = runAndWrite(book(fundsSheet([['小计', 16, 15], ['甲', 10, 3], ['乙', 5, 5]])));
    expect(en(over, 'TOTAL_ROW_MISMATCH')).toEqual([
      `项目资金!B4 The budget on the "小计" row, 16 ${WAN}, does not equal the sum of the 2 projects below it, 15 ${WAN} (off by 1 ${WAN}). Check the total's formula or range.`,
      `项目资金!C4 The executed amount on the "小计" row, 15 ${WAN}, does not equal the sum of the 2 projects below it, 8 ${WAN} (off by 7 ${WAN}). Check the total's formula or range.`,
    ]);
  });

  it('not checked while some member’s figure is unknown: one project has, two have, five are three named and 2 more', () => {
    const notChecked = (rows: (string | number)[][]) => en(runAndWrite(book(fundsSheet(rows))), 'TOTAL_NOT_CHECKED');
    expect(notChecked([['甲', 10, '待定'], ['乙', 5, 5], ['小计', 15, 10]])).toEqual([
      '项目资金!C6 The executed amount on the "小计" row is not checked: among its 2 projects, "甲" has no known executed amount, which cannot be added as 0. It is checked once they are filled in.',
    ]);
    expect(notChecked([['甲', 10, '待定'], ['乙', 5, '待定'], ['丙', 5, 5], ['小计', 20, 15]])).toEqual([
      '项目资金!C7 The executed amount on the "小计" row is not checked: among its 3 projects, "甲", "乙" have no known executed amount, which cannot be added as 0. It is checked once they are filled in.',
    ]);
    const five = ['甲', '乙', '丙', '丁', '戊'].map((n) => [n, 5, '待定']);
    expect(notChecked([...five, ['小计', 25, 15]])).toEqual([
      '项目资金!C9 The executed amount on the "小计" row is not checked: among its 5 projects, "甲", "乙", "丙" and 2 more have no known executed amount, which cannot be added as 0. It is checked once they are filled in.',
    ]);
  });

  it('a 小计 with no project rows next to it', () => {
    const w = runAndWrite(book(fundsSheet([['甲', 10, 5], ['二、州本级'], ['小计', 3, 3]])));
    expect(en(w, 'TOTAL_NOT_CHECKED')).toEqual([
      '项目资金!A6 The "小计" row does not show which projects it totals (no project rows right above or below it), so it is not checked. Place a total right below or above the projects it adds up.',
    ]);
  });

  it('the 支付明细 合计: wrong above or below its payments, or not checked over one or two uncalculated amounts', () => {
    const funds = fundsSheet([['网站运维', 10]], BUDGET_ONLY);
    const under = runAndWrite(book(funds, paymentsSheet([['2023-03-01', 'V1', '网站运维', 50000], ['合计', '', '', 50000.02]])));
    expect(en(under, 'TOTAL_ROW_MISMATCH')).toEqual(["支付明细!D3 The payments total 50000.02 yuan does not equal the sum of the payments above it, 50000 yuan. Check the total's formula or range."]);
    const over = runAndWrite(book(funds, paymentsSheet([['合计', '', '', 70000], ['2023-03-01', 'V1', '网站运维', 50000]])));
    expect(en(over, 'TOTAL_ROW_MISMATCH')).toEqual(["支付明细!D2 The payments total 70000 yuan does not equal the sum of the payments below it, 50000 yuan. Check the total's formula or range."]);
    const one = runAndWrite(book(funds, uncalculated(paymentsSheet([['2023-03-01', 'V1', '网站运维', 50000], ['2023-03-02', 'V2', '网站运维', null], ['合计', '', '', 50000]]), 'D3')));
    expect(en(one, 'TOTAL_NOT_CHECKED')).toEqual(['支付明细!D4 The payments total is not checked: 1 payment amount above it is a formula with no computed value, which cannot be added as 0.']);
    const two = runAndWrite(
      book(funds, uncalculated(paymentsSheet([['合计', '', '', 50000], ['2023-03-01', 'V1', '网站运维', null], ['2023-03-02', 'V2', '网站运维', null]]), 'D3', 'D4')),
    );
    expect(en(two, 'TOTAL_NOT_CHECKED')).toEqual(['支付明细!D2 The payments total is not checked: 2 payment amounts below it are formulas with no computed value, which cannot be added as 0.']);
  });
});

describe('rates', () => {
  it('a rate that prints 100% with money unspent', () => {
    expect(en(runAndWrite(book(fundsSheet([['数字中台', 30, 29.99]]))), 'RATE_ROUNDS_TO_FULL')).toEqual([
      `项目资金!A4 Project "数字中台" shows 100% although 0.01 ${WAN} is unspent (exactly 99.97%). Explain it in the report or show rates with two decimals.`,
    ]);
  });

  it('a missing reason at year end (no reason column: add it) and during the year (at its column)', () => {
    expect(en(runAndWrite(book(fundsSheet([['滞后', 72, 20]]))), 'REASON_MISSING')).toEqual([
      '项目资金!A4 Project "滞后" is at 28%, below 90%, with no reason given. Explain it in the 未完成原因 column (add the column to the table).',
    ]);
    const during = runAndWrite(book(fundsSheet([['滞后', 72, 20, '']], ['项目名称', '全年预算数', '执行数', '未完成原因'])), { asOf: '2023-06-30', progressMethod: 'months' });
    expect(en(during, 'REASON_MISSING')).toEqual(['项目资金!D4 Project "滞后" is at 28%, well behind the time elapsed, with no reason given. Explain it in the 未完成原因 column.']);
  });

  it('a budget of 0', () => {
    expect(en(runAndWrite(book(fundsSheet([['预留', 0, 0]]))), 'ZERO_BUDGET')).toEqual([
      '项目资金!B4 Project "预留" has a budget of 0, so no rate is computed. Fill in the adjusted budget if there is one.',
    ]);
  });
});

describe('the period', () => {
  const noTitle = sheet('项目资金', [['项目名称', '全年预算数', '执行数'], ['网站运维', 10, 5]]);

  it('a fiscal year guessed from the payment dates, or from today', () => {
    const paid = runAndWrite(book(noTitle, paymentsSheet([['2023-03-01', 'V1', '网站运维', 50000]])));
    expect(en(paid, 'FISCAL_YEAR_GUESSED')).toEqual([' No year in the table title; the fiscal year is taken as 2023 from the payment dates. If wrong, set the year in the settings or write it in the title.']);
    const today = runAndWrite(book(noTitle), { today: '2025-03-02' });
    expect(en(today, 'FISCAL_YEAR_GUESSED')).toEqual([' No year in the table title; the fiscal year is taken as 2025 from the current date. If wrong, set the year in the settings or write it in the title.']);
  });

  it('an as-of date outside the year, or unreadable', () => {
    const outside = runAndWrite(book(fundsSheet([['网站运维', 10, 5]])), { asOf: '2022-01-01', fiscalYear: 2023 });
    expect(en(outside, 'MAPPING_INVALID')).toEqual([' The as-of date "2022-01-01" is outside 2023; the year end is used. Set a date within 2023 (e.g. 2023-07-31).']);
    const garbage = runAndWrite(book(fundsSheet([['网站运维', 10, 5]])), { asOf: '七月底' });
    expect(en(garbage, 'MAPPING_INVALID')).toEqual([' The as-of date "七月底" cannot be read; the year end is used. Set a date within 2023 (e.g. 2023-07-31).']);
  });
});
