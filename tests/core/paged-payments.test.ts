/**
 * A payments export printed page by page: 过次页/承前页 rows carry page 1's running sum, 本页合计
 * is a page's own sum, 第1页 共2页 lines sit between pages. Carried sums are never payments (they
 * would double the money), page totals are checked against their page, the grand 合计 against all.
 */
import { toSummary } from '../../src/core';
import { book, codes, fundsSheet, issuesOf, run, sheet } from '../helpers/snap';

const HEADER = ['支付日期', '支付凭证号', '预算项目名称', '支付金额(元)'];
const funds = fundsSheet([['网站运维', 10, null], ['网页改版', 5, null]], ['项目名称', '全年预算数', '执行数']);

function paged(pageTotal: number, grand: number) {
  return book(
    funds,
    sheet('支付明细', [
      HEADER,
      ['2023-02-01', 'Z01', '网站运维', 20000],
      ['2023-03-01', 'Z02', '网页改版', 30000],
      ['过次页', null, null, 50000],
      ['第1页 共2页'],
      HEADER,
      ['承前页', null, null, 50000],
      ['2023-05-01', 'Z03', '网站运维', 5000],
      ['本页合计', null, null, pageTotal],
      ['合计', null, null, grand],
      ['第 2 页 共 2 页'],
    ]),
  );
}

it('carried sums and page lines are not payments: each project has only its own payments, and nothing is flagged', () => {
  const a = run(paged(5000, 55000));
  expect(toSummary(a).projects.map((p) => [p.name, p.executedYuan])).toEqual([
    ['网站运维', 25_000],
    ['网页改版', 30_000],
  ]);
  expect(a.model!.payments).toHaveLength(3);
  for (const code of ['DATE_INVALID', 'MISSING_REQUIRED', 'TOTAL_ROW_MISMATCH', 'PAYMENT_UNKNOWN_PROJECT']) expect(codes(a)).not.toContain(code);
});

it('a wrong 本页合计 is named against its own page; a wrong grand 合计 against every payment', () => {
  const a = run(paged(6000, 56000));
  const wrong = issuesOf(a, 'TOTAL_ROW_MISMATCH');
  expect(wrong.map((i) => i.cell)).toEqual(['支付明细!D9', '支付明细!D10']);
  expect(wrong[0].message).toContain('与上方各笔之和 5000 元不符');
  expect(wrong[1].message).toContain('与上方各笔之和 55000 元不符');
});

it('in a funds table printed over two pages, 过次页/承前页 are not projects and add nothing to the totals', () => {
  const a = run(book(fundsSheet([['网站运维', 10, 5], ['过次页', 10, 5], ['第1页 共2页'], ['承前页', 10, 5], ['网页改版', 20, 20], ['合计', 30, 25]])));
  expect(toSummary(a).projects.map((p) => p.name)).toEqual(['网站运维', '网页改版']);
  expect(toSummary(a).totals).toMatchObject({ budgetYuan: 300_000, executedYuan: 250_000 });
  expect(codes(a)).not.toContain('TOTAL_ROW_MISMATCH');
});
