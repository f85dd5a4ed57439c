/**
 * The JSON summary (`jixiao report --json`) of a mid-year run, field by field: what a script or a
 * reviewer reads — amounts in 元, rates and 序时进度 as fractions, each project at its name cell, the
 * groups with their sub-groups, and a total that says which projects its rate stands on.
 */
import { toSummary } from '../../src/core';
import { book, fundsSheet, paymentsSheet, run } from '../helpers/snap';

const funds = fundsSheet(
  [
    ['A01', '网站运维', '上级资金', '运转类', 72, 20],
    ['A02', '数据中台', '上级资金', '运转类', 30, ''],
    ['A03', '宣传', '州本级', '', 10, '待定'],
  ],
  ['项目编码', '项目名称', '资金类别', '项目类别', '全年预算数', '执行数'],
);
const payments = paymentsSheet(
  [
    ['2023-03-01', 'V1', 'A01', '网站运维', 200000],
    ['2023-05-01', 'V2', 'A02', '数据中台', 150000.5],
  ],
  ['支付日期', '支付凭证号', '预算项目编码', '预算项目名称', '支付金额(元)'],
);

it('a mid-year run: typed, paid and unknown 执行数, a group whose rate cannot be computed, a total over the rest', () => {
  const s = toSummary(run(book(funds, payments), { asOf: '2023-06-30', progressMethod: 'months' }));
  const upper = {
    name: '上级资金',
    subgroup: null,
    projectCount: 2,
    budgetYuan: 1020000,
    executedYuan: 350000.5,
    rateBasisYuan: 1020000,
    rateBasisExecutedYuan: 350000.5,
    rateBasisProjectCount: 2,
    rate: 350000.5 / 1020000,
    rateText: '34%',
    deviation: 0.5 - 350000.5 / 1020000,
    incomplete: false,
    unknownExecuted: [],
    unknownBudget: [],
    rateBasis: null,
  };
  expect(s).toEqual({
    fiscalYear: 2023,
    asOf: '2023-06-30',
    monitoring: true,
    progress: 0.5,
    projects: [
      {
        name: '网站运维',
        code: 'A01',
        group: '上级资金',
        subgroup: '运转类',
        cell: '项目资金!B4',
        budgetYuan: 720000,
        executedYuan: 200000,
        executedSource: 'table',
        rate: 20 / 72,
        rateText: '28%',
        deviation: 0.5 - 20 / 72,
        score: 2.78,
        note: '截至2023年6月30日执行率28%，序时进度50%，低于序时进度22个百分点；尚未支付52万元。',
        evaluation: { executionScore: 2.78, executionWorking: '10×min(20/72,1)=2.78', indicatorScore: null, goal: { expected: null, achieved: null }, indicators: [] },
      },
      {
        name: '数据中台',
        code: 'A02',
        group: '上级资金',
        subgroup: '运转类',
        cell: '项目资金!B5',
        budgetYuan: 300000,
        executedYuan: 150000.5,
        executedSource: 'payments',
        rate: 150000.5 / 300000,
        rateText: '50%',
        deviation: 0.5 - 150000.5 / 300000,
        score: 5,
        note: '截至2023年6月30日执行率50%，序时进度50%，与序时进度持平。',
        evaluation: { executionScore: 5, executionWorking: '10×min(15.00005/30,1)=5.00', indicatorScore: null, goal: { expected: null, achieved: null }, indicators: [] },
      },
      {
        name: '宣传',
        code: 'A03',
        group: '州本级',
        subgroup: null,
        cell: '项目资金!B6',
        budgetYuan: 100000,
        executedYuan: null,
        executedSource: 'none',
        rate: null,
        rateText: '—',
        deviation: null,
        score: null,
        note: '执行数待定，未计算执行率。',
        // No rate, no 预算执行率 score; no indicators table, so no 总分 or 等级 either.
        evaluation: { executionScore: null, executionWorking: '执行率未能计算，预算执行率未评分', indicatorScore: null, goal: { expected: null, achieved: null }, indicators: [] },
      },
    ],
    groups: [
      { ...upper, children: [{ ...upper, subgroup: '运转类' }] },
      {
        name: '州本级',
        subgroup: null,
        projectCount: 1,
        budgetYuan: 100000,
        // Its only project's 执行数 is unknown: the paid sum is unknown too, never 0.
        executedYuan: null,
        rateBasisYuan: 0,
        rateBasisExecutedYuan: 0,
        rateBasisProjectCount: 0,
        rate: null,
        rateText: '—',
        deviation: null,
        incomplete: true,
        unknownExecuted: ['宣传'],
        unknownBudget: [],
        rateBasis: '各项目的预算数或执行数均无法确定，未计算执行率；宣传执行数待定',
      },
    ],
    totals: {
      ...upper,
      name: '合计',
      projectCount: 3,
      budgetYuan: 1120000,
      incomplete: true,
      unknownExecuted: ['宣传'],
      rateBasis: '执行率按其余2个项目计算；宣传执行数待定',
    },
    indicatorsTable: null,
    issues: [
      {
        code: 'AMOUNT_NOT_NUMERIC',
        severity: 'error',
        cell: '项目资金!F6',
        message: '执行数“待定”不是数字，不按0计算，该项目不计算执行率。请填写金额（如 85.6）；确未支付的请填 0。支付明细中没有该项目的支付。',
        messageEn: 'The executed amount "待定" is not a number and is not counted as 0; no rate is computed for the project. Type an amount (e.g. 85.6), or 0 if nothing was paid. The payments table has no payments for this project.',
      },
      {
        code: 'REASON_MISSING',
        severity: 'warning',
        cell: '项目资金!B4',
        message: '项目“网站运维”执行率28%，明显低于序时进度，但没有填写未完成原因。请在“未完成原因”列说明（可在表中新增此列）。',
        messageEn: 'Project "网站运维" is at 28%, well behind the time elapsed, with no reason given. Explain it in the 未完成原因 column (add the column to the table).',
      },
    ],
  });
});

it('more than three unknown projects are counted, not all named', () => {
  const rows = ['甲', '乙', '丙', '丁', '戊'].map((n) => [n, 10, '待定']);
  const s = toSummary(run(book(fundsSheet([...rows, ['己', 10, 4]]))));
  expect(s.totals!.rateBasis).toBe('执行率按其余1个项目计算；甲执行数待定，乙执行数待定，丙执行数待定等5个项目的数字无法确定');
  expect(s.totals).toMatchObject({ budgetYuan: 600000, rateBasisYuan: 100000, rateText: '40%', unknownExecuted: ['甲', '乙', '丙', '丁', '戊'] });
});

it('an unreadable budget is named too, and kept out of the budget sum', () => {
  const s = toSummary(run(book(fundsSheet([['甲', '待批', 5], ['乙', 10, 4]]))));
  expect(s.totals).toMatchObject({ budgetYuan: 100000, executedYuan: 90000, rateBasisYuan: 100000, rateBasisExecutedYuan: 40000, unknownBudget: ['甲'], unknownExecuted: [] });
  expect(s.totals!.rateBasis).toBe('执行率按其余1个项目计算；甲预算数待批');
  expect(s.projects[0].note).toBe('预算数待批，未计算执行率。');
});

it('a 其中 part whose 预算数 or 执行数 cannot be read shows budgetYuan / executedYuan null, never 0, and no rate', () => {
  const rows = [
    ['1', '大数据专项', 300, 240],
    ['1.1', '平台运维', '待批', 90],
    ['1.2', '数据治理', 200, '待定'],
    ['2', '人才项目', 50, 50],
  ];
  const a = run(book(fundsSheet(rows, ['序号', '项目名称', '全年预算数', '执行数'])));
  expect(toSummary(a).projects[0].parts).toEqual([
    { name: '平台运维', cell: '项目资金!B5', how: 'numbered', budgetYuan: null, executedYuan: 900000, rate: null, rateText: '—' },
    { name: '数据治理', cell: '项目资金!B6', how: 'numbered', budgetYuan: 2000000, executedYuan: null, rate: null, rateText: '—' },
  ]);
  expect(a.issues.filter((i) => i.code === 'AMOUNT_NOT_NUMERIC').map((i) => i.cell)).toEqual(['项目资金!C5', '项目资金!D6']);
});
