/**
 * When no project of a group has a known 执行数 (all 待定, no payments for them), what was paid is
 * unknown — not 0: the JSON says null, the report states no "已支付0元" and never claims
 * "各项目预算均已全部执行" for projects whose figures are unknown.
 */
import { buildReport, toSummary } from '../../src/core';
import { book, fundsSheet, paymentsSheet, run } from '../helpers/snap';

const GROUPED = ['资金类别', '项目名称', '全年预算数', '执行数'];

describe('a group whose every 执行数 is 待定', () => {
  const funds = fundsSheet(
    [
      ['州本级', '网站运维', 10, '待定'],
      ['州本级', '机房改造', 20, ''],
      ['上级资金', '大数据宣传', 5, '待定'],
    ],
    GROUPED,
  );
  const wb = book(funds, paymentsSheet([['2023-05-01', 'V1', '机房改造', 50000]]));

  it('the JSON gives the group’s paid sum as null, not 0; the budgets stay in every total', () => {
    const s = toSummary(run(wb));
    const upper = s.groups.find((g) => g.name === '上级资金')!;
    expect(upper).toMatchObject({ budgetYuan: 50_000, executedYuan: null, rate: null, rateText: '—' });
    expect(s.totals).toMatchObject({ budgetYuan: 350_000, executedYuan: 50_000, rateBasisYuan: 200_000, rateText: '25%' });
  });

  it('the report says nothing was paid only where it knows: no 已支付0元 for the group', () => {
    const text = buildReport(run(wb), wb).paragraphs.map((p) => p.text).join('\n');
    // The overall figures name each unknown figure; the group's line says only its basis.
    expect(text).toContain('全年预算数35万元，已支付5万元，执行率25%（执行率按其余1个项目计算；网站运维执行数待定，大数据宣传执行数待定）');
    expect(text).toContain('共1个项目，项目总资金为5万元（各项目的预算数或执行数均无法确定，未计算执行率）。');
    expect(text).toContain('大数据宣传5万元；执行数待定，未计算执行率。');
    expect(text).not.toContain('已支付0元');
  });
});

describe('a table whose every 执行数 is 待定 and no payments', () => {
  const wb = book(fundsSheet([['网站运维', 10, '待定'], ['机房改造', 20, '待定']]));

  it('the overview states the budget, no paid sum, and does not claim every budget was spent', () => {
    const text = buildReport(run(wb), wb).paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('全年预算数30万元（各项目的预算数或执行数均无法确定');
    expect(text).not.toContain('已支付0元');
    expect(text).not.toContain('各项目预算均已全部执行');
    expect(toSummary(run(wb)).totals).toMatchObject({ budgetYuan: 300_000, executedYuan: null });
  });

  it('with one known and fully spent, it speaks of that one only', () => {
    const one = book(fundsSheet([['网站运维', 10, 10], ['机房改造', 20, '待定']]));
    const text = buildReport(run(one), one).paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('执行数已知的1个项目预算均已全部执行。');
    expect(text).not.toContain('各项目预算均已全部执行');
  });
});

describe('a table with no 执行数 column and no payments', () => {
  const wb = book(fundsSheet([['网站运维', 10], ['机房改造', 20]], ['项目名称', '全年预算数']));

  it('the problems section does not say every budget was spent; it says the figures are missing', () => {
    const text = buildReport(run(wb), wb).paragraphs.map((p) => p.text).join('\n');
    expect(text).not.toContain('各项目预算均已全部执行');
    expect(text).toContain('各项目执行数均无法确定，未能评价预算执行情况');
  });
});
