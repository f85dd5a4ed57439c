/**
 * Every project in every total: a project whose 执行数 cannot be read keeps its budget in the totals,
 * the rate is computed over the others and says so, and 小计/合计 rows — below or above their
 * projects — are checked against the right rows, never against a sum that counts an unknown as 0.
 */
import type { CellValue } from '../../src/core';
import { buildReport, toSummary } from '../../src/core';
import { book, codes, fundsSheet, issuesOf, paymentsSheet, run, sheet } from '../helpers/snap';

const HEADER = ['项目名称', '全年预算数', '执行数'];

describe('a project whose 执行数 is 待定', () => {
  const rows: CellValue[][] = [
    ['网站运维', 85.6, 85.6],
    ['大数据发展宣传项目', 5, '待定'],
    ['数字乡村平台', 100, 60],
    ['合计', 190.6, 145.6],
  ];

  it('keeps its budget in the total; the rate is over the others, and the total says so', () => {
    const a = run(book(fundsSheet(rows)), { rateDisplay: 'two-decimals' });
    const t = a.results!.total;
    expect(t.budget).toBe(190_600_000n);
    expect(t.executed).toBe(145_600_000n);
    expect(t.rateBudget).toBe(185_600_000n);
    expect(t.rateText).toBe('78.45%'); // 145.6 ÷ 185.6, not 145.6 ÷ 190.6 = 76.39%
    expect(t.unknownExecuted).toEqual([1]);
    expect(t.incomplete).toBe(true);
    expect(t.note).toContain('执行率按其余2个项目计算；大数据发展宣传项目执行数待定。');
  });

  it('the JSON keeps budgetYuan as the sum of all budgets and names the rate’s basis', () => {
    const s = toSummary(run(book(fundsSheet(rows))));
    expect(s.totals).toMatchObject({
      budgetYuan: 1_906_000,
      executedYuan: 1_456_000,
      rateBasisYuan: 1_856_000,
      rateBasisExecutedYuan: 1_456_000,
      rateBasisProjectCount: 2,
      incomplete: true,
      unknownExecuted: ['大数据发展宣传项目'],
      unknownBudget: [],
      rateBasis: '执行率按其余2个项目计算；大数据发展宣传项目执行数待定',
    });
    expect(s.projects[1]).toMatchObject({ executedYuan: null, rate: null, note: '执行数待定，未计算执行率。' });
  });

  it('the 合计 row’s budget is checked in full; its 执行数 is not compared with a sum counting 待定 as 0', () => {
    const a = run(book(fundsSheet(rows)));
    expect(codes(a)).not.toContain('TOTAL_ROW_MISMATCH');
    const info = issuesOf(a, 'TOTAL_NOT_CHECKED');
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: 'info', cell: '项目资金!C7' });
    expect(info[0].message).toContain('“大数据发展宣传项目”的执行数无法确定');
    const wrongBudget = run(book(fundsSheet([...rows.slice(0, 3), ['合计', 185.6, 145.6]])));
    expect(issuesOf(wrongBudget, 'TOTAL_ROW_MISMATCH').map((i) => i.cell)).toEqual(['项目资金!B7']);
  });

  it('stays unknown even when the payments show money for it — and its issue says how much', () => {
    const a = run(
      book(
        fundsSheet(rows.slice(0, 3)),
        paymentsSheet([
          ['2023-03-01', 'V1', '网站运维', 856000],
          ['2023-05-01', 'V2', '大数据发展宣传项目', 50000],
          ['2023-06-01', 'V3', '数字乡村平台', 600000],
        ]),
      ),
    );
    expect(a.results!.projects[1].executed).toBeUndefined();
    const bad = issuesOf(a, 'AMOUNT_NOT_NUMERIC')[0];
    expect(bad.cell).toBe('项目资金!C5');
    expect(bad.message).toContain('支付明细中该项目已支付5万元（1笔）');
    expect(bad.messageEn).toContain('5 (10k yuan) paid');
  });

  it('or that the payments have nothing for it', () => {
    const a = run(book(fundsSheet(rows.slice(0, 3)), paymentsSheet([['2023-03-01', 'V1', '网站运维', 856000]])));
    expect(issuesOf(a, 'AMOUNT_NOT_NUMERIC')[0].message).toContain('支付明细中没有该项目的支付');
  });

  it('the report states the corrected total and the basis sentence', () => {
    const a = run(book(fundsSheet(rows)));
    const text = buildReport(a, book(fundsSheet(rows))).paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('全年预算数190.6万元，已支付145.6万元，执行率78%（执行率按其余2个项目计算；大数据发展宣传项目执行数待定）');
  });

  it('a group whose every 执行数 is unknown has no rate, and says why', () => {
    const a = run(book(fundsSheet([['甲', 10, '见附件'], ['乙', 5, '待核实']])));
    expect(a.results!.total.rate).toBeUndefined();
    expect(a.results!.total.budget).toBe(15_000_000n);
    expect(toSummary(a).totals!.rateBasis).toBe('各项目的预算数或执行数均无法确定，未计算执行率；甲执行数见附件，乙执行数待核实');
  });

  it('an unreadable budget is named too, and left out of the rate', () => {
    const s = toSummary(run(book(fundsSheet([['甲', '约10', 5], ['乙', 10, 5]]))));
    expect(s.totals).toMatchObject({ budgetYuan: 100_000, executedYuan: 100_000, unknownBudget: ['甲'], rate: 0.5 });
    expect(s.totals!.rateBasis).toBe('执行率按其余1个项目计算；甲预算数“约10”无法识别');
  });
});

describe('a 合计 above its projects', () => {
  it('right under the header, it is the total of the table and is checked against every project', () => {
    const ok = run(book(fundsSheet([['合计', 30, 15], ['甲', 10, 5], ['乙', 20, 10]])));
    expect(ok.model!.totals[0].scope).toEqual({ kind: 'all' });
    expect(codes(ok)).not.toContain('TOTAL_ROW_MISMATCH');
    const wrong = run(book(fundsSheet([['合计', 30, 16], ['甲', 10, 5], ['乙', 20, 10]])));
    const e = issuesOf(wrong, 'TOTAL_ROW_MISMATCH');
    expect(e.map((i) => i.cell)).toEqual(['项目资金!C4']);
    expect(e[0].message).toContain('与其所含2个项目之和15万元不符');
  });

  it('a heading row carrying its group’s sums is a total over the projects under it, up to the next heading', () => {
    const a = run(
      book(
        sheet('表', [
          ['序号', '项目名称', '全年预算数', '执行数'],
          ['一、', '上级资金', 30, 15],
          [1, '甲', 10, 5],
          [2, '乙', 20, 10],
          ['二、', '州本级', 50, 45],
          [3, '丙', 50, 40],
        ]),
      ),
    );
    expect(a.model!.projects.map((p) => [p.name, p.group])).toEqual([
      ['甲', '上级资金'],
      ['乙', '上级资金'],
      ['丙', '州本级'],
    ]);
    const e = issuesOf(a, 'TOTAL_ROW_MISMATCH');
    expect(e.map((i) => i.cell)).toEqual(['表!D5']);
    expect(e[0].message).toContain('“州本级”行的执行数45万元与其下方1个项目之和40万元不符');
    // Its rate is written like any total row's.
    expect(a.results!.totalRows.map((t) => t.rateText)).toEqual(['50%', '80%']);
  });

  it('numbered projects (一、二、 …) with amounts are projects, not headings', () => {
    const a = run(book(sheet('表', [['序号', '项目名称', '全年预算数', '执行数'], ['一、网站运维', '', 10, 5], ['二、大数据宣传', '', 20, 20]])));
    expect(a.model!.projects).toHaveLength(2);
    expect(a.model!.totals).toHaveLength(0);
  });

  it('总计 first, then each group’s 小计 above its projects, beside the group cell', () => {
    const a = run(
      book(
        sheet('表', [
          ['资金类别', '项目名称', '全年预算数', '执行数'],
          ['总计', '', 30, 21],
          ['上级资金', '小计', 10, 5],
          ['上级资金', '甲', 10, 5],
          ['州本级', '小计', 20, 16],
          ['州本级', '乙', 20, 15],
        ]),
      ),
    );
    expect(a.model!.totals.map((t) => t.scope)).toEqual([{ kind: 'all' }, { kind: 'group', group: '上级资金', subgroup: undefined }, { kind: 'group', group: '州本级', subgroup: undefined }]);
    expect(issuesOf(a, 'TOTAL_ROW_MISMATCH').map((i) => i.cell)).toEqual(['表!D2', '表!D5']);
  });

  it('a 小计 right under a heading covers the projects below it', () => {
    const a = run(book(sheet('表', [HEADER, ['一、上级资金'], ['小计', 30, 15], ['甲', 10, 5], ['乙', 20, 11], ['二、州本级'], ['丙', 5, 5]])));
    expect(a.model!.totals[0].scope).toEqual({ kind: 'below', projects: [0, 1] });
    expect(issuesOf(a, 'TOTAL_ROW_MISMATCH')[0].message).toContain('其下方2个项目之和16万元');
  });

  it('a total whose projects cannot be told is not checked against nothing', () => {
    const a = run(book(sheet('表', [HEADER, ['一、上级资金'], ['小计', 30, 15], ['二、州本级'], ['丙', 5, 5]])));
    expect(codes(a)).not.toContain('TOTAL_ROW_MISMATCH');
    expect(issuesOf(a, 'TOTAL_NOT_CHECKED')[0].message).toContain('看不出是哪些项目的合计');
  });

  it('totals below their projects still work as before: 小计 per group, 合计 at the end', () => {
    const a = run(book(sheet('表', [HEADER, ['甲', 10, 5], ['乙', 20, 10], ['小计', 30, 15], ['丙', 5, 5], ['小计', 5, 5], ['合计', 35, 21]])));
    expect(a.model!.totals.map((t) => t.scope.kind)).toEqual(['since', 'since', 'all']);
    expect(issuesOf(a, 'TOTAL_ROW_MISMATCH').map((i) => i.cell)).toEqual(['表!C7']);
  });
});

describe('Excel tables (ListObjects)', () => {
  it('the totals row is a total, whatever its label (汇总, Total or none), never a project', () => {
    for (const label of ['汇总', 'Total', '']) {
      const s = sheet('表', [['项目名称', '全年预算数', '执行数'], ['甲', 10, 5], ['乙', 20, 10], [label, 30, 15]]);
      s.tables = [{ name: 'T1', rect: { top: 0, left: 0, bottom: 3, right: 2 }, totalsRow: true }];
      const a = run(book(s));
      expect(a.model!.projects.map((p) => p.name)).toEqual(['甲', '乙']);
      expect(a.model!.totals).toHaveLength(1);
      expect(a.model!.totals[0].listObjectTotals).toBe(true);
      expect(codes(a)).not.toContain('TOTAL_ROW_MISMATCH');
    }
  });

  it('a wrong totals row is flagged at its cell', () => {
    const s = sheet('表', [['项目名称', '全年预算数', '执行数'], ['甲', 10, 5], ['乙', 20, 10], ['汇总', 30, 14]]);
    s.tables = [{ name: 'T1', rect: { top: 0, left: 0, bottom: 3, right: 2 }, totalsRow: true }];
    expect(issuesOf(run(book(s)), 'TOTAL_ROW_MISMATCH').map((i) => i.cell)).toEqual(['表!C4']);
  });

  it('a payments ListObject’s totals row is no payment', () => {
    const pay = paymentsSheet([['2023-03-01', 'V1', '甲', 50000], ['2023-04-01', 'V2', '甲', 10000], ['汇总', '', '', 60000]]);
    pay.tables = [{ name: 'P', rect: { top: 0, left: 0, bottom: 3, right: 3 }, totalsRow: true }];
    const a = run(book(fundsSheet([['甲', 10, '']], ['项目名称', '全年预算数']), pay));
    expect(a.model!.payments).toHaveLength(2);
    expect(a.results!.projects[0].rateText).toBe('60%');
    expect(codes(a)).not.toContain('PAYMENT_UNKNOWN_PROJECT');
  });
});

it('a row labelled 汇总 or Total alone is a total even when the shell cannot tell it is an Excel table’s totals row', () => {
  const a = run(book(sheet('表', [['项目名称', '全年预算数', '执行数'], ['甲', 10, 5], ['汇总平台运维', 20, 10], ['汇总', 30, 15]])));
  expect(a.model!.projects.map((p) => p.name)).toEqual(['甲', '汇总平台运维']);
  expect(a.model!.totals.map((t) => [t.label, t.scope.kind])).toEqual([['汇总', 'all']]);
});

it('a payments export with its 合计 as the first row: checked against the payments below it', () => {
  const ok = run(book(fundsSheet([['甲', 10]], ['项目名称', '全年预算数']), paymentsSheet([['合计', '', '', 60000], ['2023-03-01', 'V1', '甲', 50000], ['2023-04-01', 'V2', '甲', 10000]])));
  expect(codes(ok)).not.toContain('TOTAL_ROW_MISMATCH');
  expect(ok.results!.projects[0].rateText).toBe('60%');
  const wrong = run(book(fundsSheet([['甲', 10]], ['项目名称', '全年预算数']), paymentsSheet([['合计', '', '', 70000], ['2023-03-01', 'V1', '甲', 50000], ['2023-04-01', 'V2', '甲', 10000]])));
  const e = issuesOf(wrong, 'TOTAL_ROW_MISMATCH');
  expect(e.map((i) => i.cell)).toEqual(['支付明细!D2']);
  expect(e[0].message).toContain('与下方各笔之和 60000 元不符');
});

describe('小计/合计 rows in other wordings', () => {
  it('上级资金合计数, 州本级项目小计数 and 全部项目总计数 are totals, never projects: the total is 180 万元, not 540', () => {
    const a = run(
      book(
        fundsSheet(
          [
            ['上级资金', '网站运维', 100, 80],
            ['上级资金', '机房改造', 50, 40],
            ['', '上级资金合计数', 150, 120],
            ['州本级', '宣传', 30, 30],
            ['', '州本级项目小计数', 30, 30],
            ['', '全部项目总计数', 180, 150],
          ],
          ['资金类别', '项目名称', '全年预算数', '执行数'],
        ),
      ),
    );
    expect(a.model!.projects.map((p) => p.name)).toEqual(['网站运维', '机房改造', '宣传']);
    expect(a.results!.total.budget).toBe(180_0000_00n);
    expect(a.results!.total.rateText).toBe('83%');
    // Each checked against its own projects: 上级资金's two, 州本级's one, all three.
    expect(a.model!.totals.map((t, i) => [t.label, a.results!.totalRows[i].projects.length])).toEqual([
      ['上级资金合计数', 2],
      ['州本级项目小计数', 1],
      ['全部项目总计数', 3],
    ]);
    expect(codes(a)).not.toContain('TOTAL_ROW_MISMATCH');
  });

  it('a total labelled with its unit (合计（万元）) or 合计金额 is a total', () => {
    const a = run(book(fundsSheet([['网站运维', 100, 80], ['机房改造', 50, 40], ['上级资金合计（万元）', 150, 120], ['总计金额', 150, 120]])));
    expect(a.model!.projects).toHaveLength(2);
    expect(a.results!.total.budget).toBe(150_0000_00n);
    expect(codes(a)).not.toContain('TOTAL_ROW_MISMATCH');
  });
});
