/**
 * Totals: a 支付明细 合计 row is checked against the payments it covers (and never counted as a
 * payment), and a funding group's sub-group totals take only that group's projects, even when the
 * same sub-group name (运转类) recurs under two groups.
 */
import { toSummary } from '../../src/core';
import { book, fundsSheet, paymentsSheet, sheet } from '../helpers/snap';
import { runAndWrite } from './rules-fixture';

const FUNDS = fundsSheet([['网站运维', 10], ['宣传', 5]], ['项目名称', '全年预算数']);
const pay = (rows: (string | number)[][]) => runAndWrite(book(FUNDS, paymentsSheet(rows)));
const totalIssues = (w: ReturnType<typeof pay>) => w.analysis.issues.filter((i) => i.code === 'TOTAL_ROW_MISMATCH');

describe('the 支付明细 合计 row', () => {
  it('a right 合计 at the bottom raises nothing and is not a payment', () => {
    const w = pay([['2023-03-01', 'V1', '网站运维', 50000], ['2023-04-01', 'V2', '宣传', 10000], ['合计', '', '', 60000]]);
    expect(totalIssues(w)).toEqual([]);
    expect(w.analysis.model!.payments).toHaveLength(2);
    expect(w.analysis.results!.projects.map((p) => p.rateText)).toEqual(['50%', '20%']);
    expect(w.issues.filter((i) => i.startsWith('PAYMENT_UNKNOWN_PROJECT'))).toEqual([]);
  });

  it('a 合计 2 分 off is flagged at its amount cell with both sums; 1 分 is rounding', () => {
    const [i, ...rest] = totalIssues(pay([['2023-03-01', 'V1', '网站运维', 50000], ['2023-04-01', 'V2', '宣传', 10000.5], ['合计', '', '', 60000.48]]));
    expect(rest).toEqual([]);
    expect(i).toMatchObject({ cell: '支付明细!D4', severity: 'error' });
    expect(i.message).toBe('支付明细合计行金额 60000.48 元与上方各笔之和 60000.5 元不符。请核对合计公式或范围。');
    expect(totalIssues(pay([['2023-03-01', 'V1', '网站运维', 50000], ['2023-04-01', 'V2', '宣传', 10000.5], ['合计', '', '', 60000.49]]))).toEqual([]);
  });

  it('monthly 本月合计 rows each cover the payments since the one before', () => {
    const w = pay([
      ['2023-03-01', 'V1', '网站运维', 50000],
      ['本月合计', '', '', 50000],
      ['2023-04-01', 'V2', '宣传', 10000],
      ['2023-04-02', 'V3', '宣传', 5000],
      ['本月合计', '', '', 16000],
    ]);
    expect(totalIssues(w).map((i) => [i.cell, i.message])).toEqual([['支付明细!D6', '支付明细合计行金额 16000 元与上方各笔之和 15000 元不符。请核对合计公式或范围。']]);
    expect(w.analysis.results!.projects.map((p) => p.executed)).toEqual([5_000_000n, 1_500_000n]);
  });

  it('a 合计 first, above the payments, is checked against those below it', () => {
    const [i] = totalIssues(pay([['合计', '', '', 70000], ['2023-03-01', 'V1', '网站运维', 50000], ['2023-04-01', 'V2', '宣传', 10000]]));
    expect(i.cell).toBe('支付明细!D2');
    expect(i.message).toContain('与下方各笔之和 60000 元不符');
  });
});

describe('sub-group totals when a sub-group name recurs in two groups', () => {
  const HEADER = ['资金类别', '项目类别', '项目名称', '全年预算数', '执行数'];
  const ROWS = [
    ['上级资金', '运转类', '甲', 10, 5],
    ['上级资金', '运转类', '乙', 10, 10],
    ['上级资金', '发展类', '丙', 20, 5],
    ['州本级', '运转类', '丁', 40, 40],
    ['州本级', '发展类', '戊', 20, 0],
  ];

  it('上级资金·运转类 is 甲 and 乙 only: 20 万元, 75% — not 丁 of 州本级 as well', () => {
    const w = runAndWrite(book(sheet('项目资金', [HEADER, ...ROWS])));
    const groups = toSummary(w.analysis).groups;
    const lines = groups.flatMap((g) => [g, ...(g.children ?? [])].map((x) => `${x.name}·${x.subgroup ?? ''} ${x.projectCount} ${x.budgetYuan} ${x.executedYuan} ${x.rateText}`));
    expect(lines).toEqual([
      '上级资金· 3 400000 200000 50%',
      '上级资金·运转类 2 200000 150000 75%',
      '上级资金·发展类 1 200000 50000 25%',
      '州本级· 2 600000 400000 67%',
      '州本级·运转类 1 400000 400000 100%',
      '州本级·发展类 1 200000 0 0%',
    ]);
    expect(toSummary(w.analysis).totals).toMatchObject({ budgetYuan: 1000000, executedYuan: 600000, rateText: '60%' });
  });

  it('a 小计 row beside 州本级 | 运转类 is checked against 丁 alone', () => {
    const rows = [
      ...ROWS.slice(0, 3),
      ['州本级', '运转类', '丁', 40, 40],
      ['州本级', '运转类', '小计', 40, 40],
      ['州本级', '发展类', '戊', 20, 0],
    ];
    const w = runAndWrite(book(sheet('项目资金', [HEADER, ...rows])));
    expect(w.analysis.model!.totals.map((t) => t.scope)).toEqual([{ kind: 'group', group: '州本级', subgroup: '运转类' }]);
    expect(w.issues.filter((i) => i.startsWith('TOTAL_'))).toEqual([]);
    expect(w.analysis.results!.totalRows.map((t) => [t.name, t.rateText, t.budget])).toEqual([['小计', '100%', 40_000_000n]]);
    const wrong = runAndWrite(book(sheet('项目资金', [HEADER, ...rows.map((r) => (r[2] === '小计' ? [...r.slice(0, 3), 60, 40] : r))])));
    const [i] = wrong.analysis.issues.filter((x) => x.code === 'TOTAL_ROW_MISMATCH');
    expect(i.cell).toBe('项目资金!D6');
    expect(i.message).toContain('与其所含1个项目之和40万元不符（相差20万元）');
  });
});

describe('a total right under another total (总计 under 合计, 本年累计 under 本月合计)', () => {
  it('总计 under 合计 covers every payment above it: right raises nothing, wrong names the whole sum', () => {
    const rows = [['2023-03-01', 'V1', '网站运维', 50000], ['2023-04-01', 'V2', '宣传', 10000], ['合计', '', '', 60000]];
    expect(totalIssues(pay([...rows, ['总计', '', '', 60000]]))).toEqual([]);
    expect(totalIssues(pay([...rows, ['总计', '', '', 70000]])).map((i) => [i.cell, i.message])).toEqual([['支付明细!D5', '支付明细合计行金额 70000 元与上方各笔之和 60000 元不符。请核对合计公式或范围。']]);
  });

  it('本年累计 under the last 本月合计 is checked against the whole year, each 本月合计 against its month', () => {
    const w = pay([
      ['2023-03-01', 'V1', '网站运维', 50000],
      ['本月合计', '', '', 50000],
      ['2023-04-01', 'V2', '宣传', 10000],
      ['本月合计', '', '', 10000],
      ['本年累计', '', '', 60000],
    ]);
    expect(totalIssues(w)).toEqual([]);
    // Neither a payment nor a date to fix.
    expect(w.analysis.model!.payments).toHaveLength(2);
    expect(w.issues.filter((i) => i.includes('支付明细!'))).toEqual([]);
    expect(w.analysis.results!.projects.map((p) => p.rateText)).toEqual(['50%', '20%']);
    const wrong = pay([['2023-03-01', 'V1', '网站运维', 50000], ['本月合计', '', '', 50000], ['2023-04-01', 'V2', '宣传', 10000], ['本月合计', '', '', 10000], ['本年累计', '', '', 10000]]);
    expect(totalIssues(wrong).map((i) => [i.cell, i.message])).toEqual([['支付明细!D6', '支付明细合计行金额 10000 元与上方各笔之和 60000 元不符。请核对合计公式或范围。']]);
  });
});
