/**
 * Header words that only look like the budget or the spending: 本月支出 is a month's flow, not what
 * was spent to date (累计支出 is); 调整预算数 is a budget's change, not the budget (调整后预算数 is).
 */
import { toSummary } from '../../src/core';
import { book, codes, fundsSheet, issuesOf, run } from '../helpers/snap';

it('累计支出 is the executed amount; 本月支出 beside it is not', () => {
  const a = run(book(fundsSheet([['网站运维', 12, 1, 9]], ['项目名称', '全年预算数', '本月支出', '累计支出'])));
  expect(toSummary(a).projects[0]).toMatchObject({ executedYuan: 90_000, rateText: '75%' });
  expect(codes(a)).not.toContain('DUPLICATE_HEADER');
});

it('a month’s spending alone is never taken for the executed amount: the table has no 执行数 column', () => {
  const a = run(book(fundsSheet([['网站运维', 12, 1]], ['项目名称', '全年预算数', '本月支出数'])));
  expect(toSummary(a).projects[0].executedYuan).toBeNull();
  expect(codes(a)).toContain('NO_EXECUTED_SOURCE');
});

it('调整预算数 (the change) is not a second budget column beside 调整后预算数', () => {
  const a = run(book(fundsSheet([['网站运维', 10, 2, 12, 9]], ['项目名称', '年初预算数', '调整预算数', '调整后预算数', '累计支付数'])));
  expect(toSummary(a).projects[0]).toMatchObject({ budgetYuan: 120_000, executedYuan: 90_000 });
  expect(issuesOf(a, 'DUPLICATE_HEADER')).toEqual([]);
});
