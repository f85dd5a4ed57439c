import { applyPlanToSnapshot, formatRate, toSummary } from '../../src/core';
import { book, codes, fundsSheet, issuesOf, paymentsSheet, run, sheet, valueAt } from '../helpers/snap';

describe('execution rates and deviation notes', () => {
  it('prints whole percents as the reference does, or two decimals', () => {
    const rows = [['省专项', 72, 20], ['省专项二', 138, 124.2], ['数字中台', 30, 29.99]];
    expect(run(book(fundsSheet(rows))).results!.projects.map((p) => p.rateText)).toEqual(['28%', '90%', '100%']);
    expect(run(book(fundsSheet(rows)), { rateDisplay: 'two-decimals' }).results!.projects.map((p) => p.rateText)).toEqual(['27.78%', '90.00%', '99.97%']);
  });

  it('writes the deviation note in the reference voice, with the staff reason', () => {
    const a = run(book(fundsSheet([['省专项', 72, 20, '项目已申请延期验收。']], ['项目名称', '全年预算数', '执行数', '未完成原因'])));
    expect(a.results!.projects[0].note).toBe('执行率28%，低于预算72个百分点；节余资金52万元。未完成原因：项目已申请延期验收。');
    expect(a.results!.projects[0].deviationPoints).toBe('72');
  });

  it('gives the national form score: 10 × 执行率, never above 10', () => {
    const a = run(book(fundsSheet([['a', 72, 20], ['b', 10, 10]])));
    expect(a.results!.projects.map((p) => p.score)).toEqual([2.78, 10]);
  });

  it('sums groups and sub-groups from a 资金类别 column merged down its rows', () => {
    const s = sheet('表', [
      ['资金类别', '项目类别', '项目名称', '全年预算数', '执行数'],
      ['上级资金', '', '省专项', 72, 20],
      ['', '', '省专项二', 138, 124.2],
      ['州本级', '人才项目', '安家费', 1, 1],
      ['', '', '人才补贴', 1.08, 1.08],
      ['', '大数据发展专项资金', '网站', 85.6, 85.6],
    ]);
    const r = run(book(s)).results!;
    expect(r.groups.map((g) => [g.name, g.projects.length, g.rateText])).toEqual([
      ['上级资金', 2, '69%'],
      ['州本级', 3, '100%'],
    ]);
    expect(r.groups[1].children.map((c) => [c.subgroup, c.projects.length])).toEqual([
      ['人才项目', 2],
      ['大数据发展专项资金', 1],
    ]);
  });

  it('reads groups from heading rows (一、… / （一）…) when there is no group column', () => {
    const s = sheet('表', [
      ['项目名称', '全年预算数', '执行数'],
      ['一、上级资金安排的项目', '', ''],
      ['省专项', 72, 20],
      ['二、州本级资金', '', ''],
      ['（一）人才项目', '', ''],
      ['安家费', 1, 1],
    ]);
    const a = run(book(s));
    expect(a.model!.projects.map((p) => [p.name, p.group, p.subgroup ?? null])).toEqual([
      ['省专项', '上级资金安排的项目', null],
      ['安家费', '州本级资金', '人才项目'],
    ]);
  });
});

describe('a monitoring run: no 执行数 column, amounts in 元, as of mid-year', () => {
  const snapshot = () =>
    book(
      sheet('项目', [['2023年预算执行监控表'], ['金额单位：元'], ['项目名称', '全年预算数'], ['网站运维', 856000], ['宣传', 50000]]),
      paymentsSheet([
        ['2023-01-20', 'V1', '网站运维', 200000],
        ['2023-06-30', 'V2', '网站运维', 100000],
        ['2023-07-31', 'V3', '宣传', 40000],
        ['2023-08-01', 'V4', '网站运维', 300000],
      ]),
    );

  it('counts payments up to the as-of date and compares with 序时进度 from days elapsed', () => {
    const a = run(snapshot(), { asOf: '2023-07-31' });
    expect(a.period).toMatchObject({ fiscalYear: 2023, monitoring: true });
    expect(formatRate(a.period!.progress, 'two-decimals')).toBe('58.08%'); // 212 ÷ 365
    const [web, ad] = a.results!.projects;
    expect(web).toMatchObject({ executed: 30_000_000n, executedSource: 'payments', rateText: '35%', deviationPoints: '23' });
    expect(web.note).toBe('截至2023年7月31日执行率35%，序时进度58%，低于序时进度23个百分点；尚未支付55.6万元。');
    expect(ad.note).toBe('截至2023年7月31日执行率80%，序时进度58%，快于序时进度22个百分点。');
    expect(issuesOf(a, 'PAYMENT_AFTER_AS_OF')[0].cell).toBe('支付明细!A5');
    const summary = toSummary(a);
    expect(summary.progress).toBeCloseTo(212 / 365, 10);
    expect(summary.projects[0]).toMatchObject({ budgetYuan: 856000, executedYuan: 300000, rate: 300000 / 856000 });
  });

  it('can count 序时进度 by months instead (7 ÷ 12 at 31 July)', () => {
    const a = run(snapshot(), { asOf: '2023-07-31', progressMethod: 'months' });
    expect(formatRate(a.period!.progress, 'two-decimals')).toBe('58.33%');
  });

  it('at year end the same payments all count and the target is 100%', () => {
    const a = run(snapshot());
    expect(a.period!.monitoring).toBe(false);
    expect(a.results!.projects[0]).toMatchObject({ executed: 60_000_000n, rateText: '70%' });
  });

  it('rejects an as-of date outside the fiscal year and says so', () => {
    const a = run(snapshot(), { fiscalYear: 2023, asOf: '2024-03-01' });
    expect(issuesOf(a, 'MAPPING_INVALID')[0].message).toContain('2024-03-01');
    expect(a.period!.monitoring).toBe(false);
  });

  it('takes the fiscal year from the title, else from the payment dates (and says it guessed)', () => {
    expect(run(snapshot()).period).toMatchObject({ fiscalYear: 2023, yearSource: 'title' });
    const untitled = book(sheet('项目', [['项目名称', '全年预算数'], ['网站运维', 10]]), paymentsSheet([['2022-05-01', 'V1', '网站运维', 1]]));
    const a = run(untitled);
    expect(a.period).toMatchObject({ fiscalYear: 2022, yearSource: 'payments' });
    expect(codes(a)).toContain('FISCAL_YEAR_GUESSED');
  });

  it('with neither a 执行数 column nor payments it says no rate can be computed', () => {
    const a = run(book(sheet('项目', [['项目名称', '全年预算数'], ['网站运维', 10]])));
    expect(codes(a)).toContain('NO_EXECUTED_SOURCE');
    expect(a.results!.projects[0].rateText).toBe('—');
  });
});

describe('the write plan', () => {
  const table = () =>
    book(
      sheet('表', [
        ['2023年项目表'],
        ['项目名称', '全年预算数', '执行数', '执行率', '', '负责人'],
        ['省专项', 72, 20, '=C3/B3', '', '张三'],
        ['网站', 10, '待定', '', '', '李四'],
        [],
        ['小计', 82, 20],
        ['', '', '', '', '备注：手填'],
      ]),
    );

  it('fills the existing 执行率 column, appends 偏差说明/校验提示 in empty columns past the header', () => {
    const a = run(table());
    const cols = a.plan.columns.map((c) => [c.field, c.col, c.appended]);
    // F (col 5) has 负责人; E is empty under the header but holds a note in row 7, so G and H are used.
    expect(cols).toEqual([
      ['rate', 3, false],
      ['note', 6, true],
      ['check', 7, true],
    ]);
    const after = applyPlanToSnapshot(table(), a.plan);
    expect(valueAt(after, '表!D3')).toBeCloseTo(20 / 72, 12);
    expect(valueAt(after, '表!G2')).toBe('偏差说明');
    expect(valueAt(after, '表!G3')).toBe('执行率28%，低于预算72个百分点；节余资金52万元。');
    expect(String(valueAt(after, '表!H4'))).toContain('C4：执行数“待定”不是数字');
    expect(a.plan.blocks.find((b) => b.role === 'rate')!.numberFormat).toBe('0%');
  });

  it('never touches a cell outside its output columns', () => {
    const before = table();
    const a = run(before);
    const after = applyPlanToSnapshot(before, a.plan);
    const outputCols = new Set(a.plan.columns.map((c) => c.col));
    const s0 = before.sheets[0];
    for (let r = 0; r < s0.values.length; r++) {
      for (let c = 0; c < s0.values[r].length; c++) {
        if (outputCols.has(c)) continue;
        expect(after.sheets[0].values[r][c]).toEqual(s0.values[r][c]);
      }
    }
    // Blank rows between blocks are not written either.
    expect(a.plan.blocks.every((b) => b.top !== 4)).toBe(true);
  });

  it('applying the plan twice gives the same workbook as applying it once', () => {
    const once = applyPlanToSnapshot(table(), run(table()).plan);
    const twice = applyPlanToSnapshot(once, run(once).plan);
    expect(twice).toEqual(once);
  });

  it('clears stale 校验提示 text once the problem is fixed', () => {
    const once = applyPlanToSnapshot(table(), run(table()).plan);
    once.sheets[0].values[3][2] = 5; // 待定 → 5
    const fixed = applyPlanToSnapshot(once, run(once).plan);
    expect(String(valueAt(fixed, '表!H4'))).not.toContain('C4');
    expect(String(valueAt(fixed, '表!H4'))).toContain('A4：项目“网站”执行率50%');
    expect(valueAt(fixed, '表!D4')).toBeCloseTo(0.5, 12);
  });
});
