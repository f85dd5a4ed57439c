/**
 * Amounts read in their own column's unit, and figures that should agree compared within 100 元
 * (0.01 万元, the rounding of a 万元 table): the 其中 columns against 全年预算数, a typed 执行数
 * against its payments. A gap of 0.5 万元 is a real mistake and must be named at its cell.
 */
import { book, fundsSheet, paymentsSheet, sheet } from '../helpers/snap';
import { runAndWrite } from './rules-fixture';

const SOURCES = ['项目名称', '全年预算数', '财政拨款', '上年结转', '其他资金', '执行数'];

describe('a column’s own unit', () => {
  it('预算（万元） with 执行（元）: 10 万元 and 50000 元 is 50%, not 500000%', () => {
    const w = runAndWrite(book(sheet('项目资金', [['项目名称', '全年预算数（万元）', '执行数（元）'], ['网站运维', 10, 50000], ['宣传', 4, 40000]])));
    expect(w.analysis.results!.projects.map((p) => p.rateText)).toEqual(['50%', '100%']);
    expect(w.cell('执行率', '网站运维')).toBe(0.5);
    expect(w.cell('偏差说明', '网站运维')).toBe('执行率50%，低于预算50个百分点；节余资金5万元。');
    expect(w.issues.filter((i) => /EXCEEDS|MISMATCH/.test(i))).toEqual([]);
  });

  it('a header’s unit wins over the sheet’s 单位：万元 for that column only', () => {
    const w = runAndWrite(book(fundsSheet([['网站运维', 10, 50000]], ['项目名称', '全年预算数', '执行数（元）'])));
    expect(w.analysis.results!.projects[0].executed).toBe(5_000_000n);
    expect(w.analysis.results!.projects[0].rateText).toBe('50%');
  });

  it('单位：元 in the title makes every column 元', () => {
    const w = runAndWrite(book(sheet('项目资金', [['单位：元'], ['项目名称', '全年预算数', '执行数'], ['网站运维', 100000, 25000]])));
    expect(w.analysis.results!.projects[0]).toMatchObject({ budget: 10_000_000n, rateText: '25%' });
    expect(w.cell('偏差说明', '网站运维')).toBe('执行率25%，低于预算75个百分点；节余资金7.5万元。');
  });

  it('a payments amount column headed （万元） is summed as 万元, though the sheet says 单位：元', () => {
    const payments = sheet('支付明细', [['单位：元'], ['支付日期', '支付凭证号', '预算项目名称', '支付金额（万元）'], ['2023-03-01', 'V1', '网站运维', 2.5], ['2023-04-01', 'V2', '网站运维', 1.5]]);
    const w = runAndWrite(book(fundsSheet([['网站运维', 10]], ['项目名称', '全年预算数']), payments));
    expect(w.analysis.results!.projects[0]).toMatchObject({ executed: 4_000_000n, rateText: '40%' });
  });
});

describe('其中 columns add up to 全年预算数 within 100 元', () => {
  const mismatches = (rows: (string | number)[][]) => runAndWrite(book(fundsSheet(rows, SOURCES))).analysis.issues.filter((i) => i.code === 'FUNDS_SOURCE_SUM_MISMATCH');

  it('a 0.5 万元 gap is flagged at the budget cell, naming both sums and the gap', () => {
    const [i, ...rest] = mismatches([['数据中台', 100, 99.5, 0, 0, 50]]);
    expect(rest).toEqual([]);
    expect(i).toMatchObject({ cell: '项目资金!B4', severity: 'error' });
    expect(i.message).toBe('项目“数据中台”的资金来源 财政拨款99.5万元 + 上年结转0万元 + 其他资金0万元 = 99.5万元，与全年预算数100万元不符（相差0.5万元）。请核对“其中”各列。');
  });

  it('99 元 and exactly 100 元 apart are rounding, 101 元 is not; a gap either way counts', () => {
    expect(mismatches([['差99元', 100, 99.9901, 0, 0, 50]])).toEqual([]);
    expect(mismatches([['差100元', 100, 60, 39.99, 0, 50]])).toEqual([]);
    expect(mismatches([['差101元', 100, 60, 39.9899, 0, 50]]).map((i) => i.cell)).toEqual(['项目资金!B4']);
    expect(mismatches([['多101元', 100, 60, 40.0101, 0, 50]]).map((i) => i.message)).toEqual([expect.stringContaining('= 100.0101万元，与全年预算数100万元不符（相差0.0101万元）')]);
  });

  it('only the 其中 columns that are filled are added; with none filled nothing is checked', () => {
    expect(mismatches([['只填财政拨款', 100, 100, '', '', 50]])).toEqual([]);
    expect(mismatches([['都没填', 100, '', '', '', 50]])).toEqual([]);
    expect(mismatches([['只填一列但不对', 100, 90, '', '', 50]])[0].message).toContain('财政拨款90万元 = 90万元');
  });
});

describe('a typed 执行数 agrees with its payments within 100 元', () => {
  const mismatch = (typed: number, paid: number[]) =>
    runAndWrite(book(fundsSheet([['网站运维', 20, typed]]), paymentsSheet(paid.map((amount, k) => ['2023-03-01', `V${k}`, '网站运维', amount]))))
      .analysis.issues.filter((i) => i.code === 'EXECUTED_MISMATCH_PAYMENTS');

  it('100 元 apart is rounding; 101 元 is flagged at the 执行数 cell with both figures', () => {
    expect(mismatch(10, [60000, 39900])).toEqual([]);
    expect(mismatch(10, [60000, 40100])).toEqual([]);
    const [i] = mismatch(10, [60000, 39899]);
    expect(i.cell).toBe('项目资金!C4');
    expect(i.message).toBe('项目“网站运维”填写的执行数10万元与支付明细合计9.9899万元（2笔）相差0.0101万元。请核对执行数或补齐支付明细。');
  });
});
