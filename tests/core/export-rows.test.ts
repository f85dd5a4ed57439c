/**
 * A budget-system export opened in a spreadsheet: 合计 and the signature line (制单人：… 打印时间：…)
 * sit in the first column, which is the 项目编码 column. They are a total and a note — never projects
 * with a missing name whose amounts double the table's total.
 */
import { toSummary } from '../../src/core';
import { book, codes, issuesOf, run, sheet } from '../helpers/snap';

const export_ = (rows: (string | number | null)[][]) =>
  book(sheet('导出', [['2023年度部门预算项目执行情况'], ['金额单位：元'], ['项目编码', '项目名称', '全年预算数', '执行数'], ...rows]));

it('合计 in the code column is the total of the rows above it, checked against them', () => {
  const ok = run(export_([['5227001', '网站运维', 856000, 856000], ['5227002', '机房改造', 200000, 150000], ['合计', null, 1056000, 1006000]]));
  expect(toSummary(ok).projects.map((p) => p.name)).toEqual(['网站运维', '机房改造']);
  expect(toSummary(ok).totals).toMatchObject({ budgetYuan: 1_056_000, executedYuan: 1_006_000 });
  expect(codes(ok)).not.toContain('MISSING_REQUIRED');
  const wrong = run(export_([['5227001', '网站运维', 856000, 856000], ['5227002', '机房改造', 200000, 150000], ['合计', null, 1106000, 1006000]]));
  expect(issuesOf(wrong, 'TOTAL_ROW_MISMATCH').map((i) => i.cell)).toEqual(['导出!C6']);
  expect(toSummary(wrong).totals!.budgetYuan).toBe(1_056_000);
});

it('the signature line, spilling into the amount columns, is a note', () => {
  const a = run(export_([['5227001', '网站运维', 856000, 856000], ['制单人：张三', null, '打印时间：2024-01-05 10:20', null]]));
  expect(toSummary(a).projects.map((p) => p.name)).toEqual(['网站运维']);
  expect(codes(a)).not.toContain('MISSING_REQUIRED');
  expect(codes(a)).not.toContain('AMOUNT_NOT_NUMERIC');
});

it('a real project whose amount cell holds text stays a project and its cell is named', () => {
  const a = run(export_([['5227001', '网站运维', 856000, '见附件']]));
  expect(toSummary(a).projects.map((p) => p.name)).toEqual(['网站运维']);
  expect(issuesOf(a, 'AMOUNT_NOT_NUMERIC').map((i) => i.cell)).toEqual(['导出!D4']);
});
