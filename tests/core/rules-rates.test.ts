/**
 * 执行率 and the deviation note (偏差说明) as a finance officer reads them in the cells the tool
 * writes: rounded half-up only when printed, compared with 100% at year end and with 序时进度 during
 * the year, and a 未完成原因 asked for only where the rate is really behind. Each fixture is a few
 * rows in 万元 (fundsSheet: title row 1, 单位：万元 row 2, header row 3, projects from row 4).
 */
import { toSummary } from '../../src/core';
import { book, fundsSheet } from '../helpers/snap';
import { runAndWrite } from './rules-fixture';

const WITH_REASON = ['项目名称', '全年预算数', '执行数', '未完成原因'];
/** 2023-06-30 counted in months is exactly half the year: 序时进度 50%. */
const HALF_YEAR = { asOf: '2023-06-30', progressMethod: 'months' as const };

describe('the printed rate rounds half-up', () => {
  it('1 of 8 万元 is 12.5%, printed 13% (half-down would print 12%)', () => {
    const w = runAndWrite(book(fundsSheet([['网站运维', 8, 1]])));
    expect(w.analysis.results!.projects[0].rateText).toBe('13%');
    expect(w.cell('偏差说明', '网站运维')).toBe('执行率13%，低于预算87个百分点；节余资金7万元。');
    // The cell keeps the exact fraction; Excel's own 0% format prints it half-up as well.
    expect(w.cell('执行率', '网站运维')).toBe(0.125);
  });

  it('12.49% prints 12% and 12.345% prints 12.35% with two decimals; 1 of 8 prints 12.50%', () => {
    const w = runAndWrite(book(fundsSheet([['甲', 10000, 1249], ['乙', 20000, 2469], ['丙', 8, 1]])), { rateDisplay: 'two-decimals' });
    expect(w.analysis.results!.projects.map((p) => p.rateText)).toEqual(['12.49%', '12.35%', '12.50%']);
    const whole = runAndWrite(book(fundsSheet([['甲', 10000, 1249], ['乙', 20000, 2469]])));
    expect(whole.analysis.results!.projects.map((p) => p.rateText)).toEqual(['12%', '12%']);
  });

  it('points below budget are taken between the printed rates: 27.78% is 72.22 points short', () => {
    const w = runAndWrite(book(fundsSheet([['省专项', 72, 20]])), { rateDisplay: 'two-decimals' });
    expect(w.cell('偏差说明', '省专项')).toBe('执行率27.78%，低于预算72.22个百分点；节余资金52万元。');
    expect(toSummary(w.analysis).projects[0]).toMatchObject({ rateText: '27.78%', score: 2.78 });
  });
});

describe('the year-end deviation note', () => {
  it('spent in full, rounds to full, over budget, behind with the staff’s reason quoted', () => {
    const w = runAndWrite(
      book(
        fundsSheet(
          [
            ['全部支付', 30, 30, ''],
            ['差一点', 30, 29.99, '尾款待验收；'],
            ['超支', 10, 12, ''],
            ['滞后', 72, 20, '合同分期支付。'],
          ],
          WITH_REASON,
        ),
      ),
    );
    expect(w.cell('偏差说明', '全部支付')).toBe('执行率100%，预算已全部执行。');
    expect(w.cell('偏差说明', '差一点')).toBe('执行率100%，尚余0.01万元未支付。未完成原因：尾款待验收。');
    expect(w.cell('偏差说明', '超支')).toBe('执行率120%，执行数超出预算2万元，请核对执行数。');
    expect(w.cell('偏差说明', '滞后')).toBe('执行率28%，低于预算72个百分点；节余资金52万元。未完成原因：合同分期支付。');
    const s = toSummary(w.analysis).projects;
    // The national form's score: 分值 10 × 执行率, never above 10.
    expect(s.map((p) => p.score)).toEqual([10, 10, 10, 2.78]);
    expect(w.analysis.results!.projects.map((p) => p.lagging)).toEqual([false, true, false, true]);
  });
});

describe('during the year the note compares with 序时进度', () => {
  it('exactly at 序时进度 reads 与序时进度持平 — never “低于序时进度0个百分点”', () => {
    const w = runAndWrite(book(fundsSheet([['持平', 10, 5], ['快于', 10, 8], ['低于', 8, 1]])), HALF_YEAR);
    expect(w.cell('偏差说明', '持平')).toBe('截至2023年6月30日执行率50%，序时进度50%，与序时进度持平。');
    expect(w.cell('偏差说明', '快于')).toBe('截至2023年6月30日执行率80%，序时进度50%，快于序时进度30个百分点。');
    expect(w.cell('偏差说明', '低于')).toBe('截至2023年6月30日执行率13%，序时进度50%，低于序时进度37个百分点；尚未支付7万元。');
    expect(w.analysis.results!.projects.map((p) => p.lagging)).toEqual([false, false, true]);
    expect(w.analysis.results!.projects.map((p) => p.deviationPoints)).toEqual(['0', '-30', '37']);
  });

  it('rates that print alike are 持平 in whole percents and 0.08 points apart with two decimals', () => {
    // 2023-07-31 by days: 212 ÷ 365 = 58.08%. 58 of 100 万元 is 58%.
    const whole = runAndWrite(book(fundsSheet([['数据中台', 100, 58]])), { asOf: '2023-07-31' });
    expect(whole.cell('偏差说明', '数据中台')).toBe('截至2023年7月31日执行率58%，序时进度58%，与序时进度持平。');
    const two = runAndWrite(book(fundsSheet([['数据中台', 100, 58]])), { asOf: '2023-07-31', rateDisplay: 'two-decimals' });
    expect(two.cell('偏差说明', '数据中台')).toBe('截至2023年7月31日执行率58.00%，序时进度58.08%，低于序时进度0.08个百分点；尚未支付42万元。');
    // Behind the exact 序时进度, however it prints.
    expect(whole.analysis.results!.projects[0].lagging).toBe(true);
  });
});

describe('a negative 执行数 (a 冲销 larger than what was paid)', () => {
  it('prints its rate with the minus in front, in whole percents and with two decimals, and is flagged at its cell', () => {
    const whole = runAndWrite(book(fundsSheet([['冲销', 100, -5]])));
    expect(whole.analysis.results!.projects[0].rateText).toBe('-5%');
    expect(whole.issues).toContain('NEGATIVE_AMOUNT 项目资金!C4');
    const two = runAndWrite(book(fundsSheet([['冲销', 100, -5]])), { rateDisplay: 'two-decimals' });
    expect(two.analysis.results!.projects[0].rateText).toBe('-5.00%');
    expect(two.cell('偏差说明', '冲销')).toBe('执行率-5.00%，低于预算105.00个百分点；节余资金105万元。');
    // Under one percent: the zero before the point comes after the minus.
    const small = runAndWrite(book(fundsSheet([['冲销', 100, -0.05]])), { rateDisplay: 'two-decimals' });
    expect(small.analysis.results!.projects[0].rateText).toBe('-0.05%');
  });
});

describe('未完成原因 is asked for only where the rate is really behind', () => {
  const reasons = (rows: [string, number, number][], settings = {}) =>
    runAndWrite(book(fundsSheet(rows.map((r) => [...r, '']), WITH_REASON)), settings).issues.filter((i) => i.startsWith('REASON_MISSING'));

  it('during the year: a project at 100% or at 序时进度 is not asked; 10 points behind is not; more than 10 is, at its 未完成原因 cell', () => {
    expect(reasons([['全部支付', 10, 10], ['持平', 10, 5], ['差十个点', 10, 4], ['差十个点多', 10000, 3999]], HALF_YEAR)).toEqual(['REASON_MISSING 项目资金!D7']);
  });

  it('the question says why, in the monitoring words', () => {
    const w = runAndWrite(book(fundsSheet([['滞后', 10000, 3999, '']], WITH_REASON)), HALF_YEAR);
    expect(w.analysis.issues.find((i) => i.code === 'REASON_MISSING')!.message).toBe('项目“滞后”执行率40%，明显低于序时进度，但没有填写未完成原因。请在“未完成原因”列说明。');
    expect(w.cell('校验提示', '滞后')).toBe('D4：项目“滞后”执行率40%，明显低于序时进度，但没有填写未完成原因。请在“未完成原因”列说明。');
  });

  it('at year end: under 90% is asked (89.99%), 90% is not; a written reason silences it', () => {
    expect(reasons([['九十', 100, 90], ['差一点', 10000, 8999]])).toEqual(['REASON_MISSING 项目资金!D5']);
    const w = runAndWrite(book(fundsSheet([['差一点', 10000, 8999, '验收延期']], WITH_REASON)));
    expect(w.issues).not.toContain('REASON_MISSING 项目资金!D4');
  });

  it('89.99% prints as 90% in whole percents: the question gives 89.99%, not “执行率90%，低于90%”', () => {
    const w = runAndWrite(book(fundsSheet([['差一点', 10000, 8999, '']], WITH_REASON)));
    const issue = w.analysis.issues.find((i) => i.code === 'REASON_MISSING')!;
    expect(w.analysis.results!.projects[0].rateText).toBe('90%');
    expect(issue.message).toBe('项目“差一点”执行率89.99%，低于90%，但没有填写未完成原因。请在“未完成原因”列说明。');
    expect(issue.messageEn).toContain('is at 89.99%, below 90%');
    // A rate that prints below the threshold keeps its own printing.
    const far = runAndWrite(book(fundsSheet([['滞后', 100, 28, '']], WITH_REASON)));
    expect(far.analysis.issues.find((i) => i.code === 'REASON_MISSING')!.message).toContain('执行率28%，低于90%');
  });

  it('the threshold is the user’s: 0.95 asks the project at 90%, and the message names 95%', () => {
    const w = runAndWrite(book(fundsSheet([['九十', 100, 90, '']], WITH_REASON)), { reasonThreshold: 0.95 });
    expect(w.issues).toContain('REASON_MISSING 项目资金!D4');
    expect(w.analysis.issues.find((i) => i.code === 'REASON_MISSING')!.message).toContain('执行率90%，低于95%');
  });
});
