/**
 * The period a run is about: the fiscal year (set, from the as-of date, the title, the payment dates,
 * or — said out loud — today's date), the as-of date and 序时进度. The core never reads the clock:
 * "today" is given by the shell.
 */
import { toSummary } from '../../src/core';
import { book, fundsSheet, paymentsSheet, sheet } from '../helpers/snap';
import { runAndWrite } from './rules-fixture';

const NO_TITLE = (rows: (string | number)[][] = [['网站运维', 10, 5]]) => sheet('项目资金', [['项目名称', '全年预算数', '执行数'], ...rows]);
const guessed = (w: ReturnType<typeof runAndWrite>) => w.analysis.issues.filter((i) => i.code === 'FISCAL_YEAR_GUESSED').map((i) => i.message);

describe('the fiscal year', () => {
  it('from the setting, silently, over a title that says otherwise', () => {
    const w = runAndWrite(book(fundsSheet([['网站运维', 10, 5]])), { fiscalYear: 2024 });
    expect(w.analysis.period).toMatchObject({ fiscalYear: 2024, yearSource: 'setting' });
    expect(guessed(w)).toEqual([]);
  });

  it('from the as-of date, then from the title (2023年…)', () => {
    expect(runAndWrite(book(fundsSheet([['网站运维', 10, 5]])), { asOf: '2022-09-30' }).analysis.period).toMatchObject({ fiscalYear: 2022, yearSource: 'as-of', monitoring: true });
    const w = runAndWrite(book(fundsSheet([['网站运维', 10, 5]])));
    expect(w.analysis.period).toMatchObject({ fiscalYear: 2023, yearSource: 'title' });
    expect(guessed(w)).toEqual([]);
  });

  it('from the payment dates’ most common year, saying so', () => {
    const pays = paymentsSheet([
      ['2022-12-30', 'V1', '网站运维', 100],
      ['2023-03-01', 'V2', '网站运维', 100],
      ['2023-04-01', 'V3', '网站运维', 100],
    ]);
    const w = runAndWrite(book(NO_TITLE(), pays));
    expect(w.analysis.period).toMatchObject({ fiscalYear: 2023, yearSource: 'payments' });
    expect(guessed(w)).toEqual(['表格标题中未写明年度，按支付日期推定为2023年。如不对，请在设置中指定年度，或在标题中写明“2023年”。']);
    expect(w.issues).toContain('PAYMENT_OUTSIDE_YEAR 支付明细!A2');
  });

  it('the most common year wins over a later one: two payments in 2023 and one in January 2024 make it 2023', () => {
    const pays = paymentsSheet([
      ['2023-03-01', 'V1', '网站运维', 100],
      ['2023-04-01', 'V2', '网站运维', 100],
      ['2024-01-05', 'V3', '网站运维', 100],
    ]);
    const w = runAndWrite(book(NO_TITLE(), pays));
    expect(guessed(w)).toEqual(['表格标题中未写明年度，按支付日期推定为2023年。如不对，请在设置中指定年度，或在标题中写明“2023年”。']);
    expect(w.issues.filter((i) => i.startsWith('PAYMENT_OUTSIDE_YEAR'))).toEqual(['PAYMENT_OUTSIDE_YEAR 支付明细!A4']);
  });

  it('a tie between two years goes to the later one', () => {
    const pays = paymentsSheet([
      ['2022-12-30', 'V1', '网站运维', 100],
      ['2023-01-05', 'V2', '网站运维', 100],
    ]);
    expect(runAndWrite(book(NO_TITLE(), pays)).analysis.period!.fiscalYear).toBe(2023);
  });

  it('from today only when nothing else names it — and the user is told it was taken from the current date', () => {
    const w = runAndWrite(book(NO_TITLE()), { today: '2025-03-02' });
    expect(w.analysis.period).toMatchObject({ fiscalYear: 2025, yearSource: 'today' });
    expect(guessed(w)).toEqual(['表格标题中未写明年度，按当前日期推定为2025年。如不对，请在设置中指定年度，或在标题中写明“2025年”。']);
    expect(w.analysis.issues.find((i) => i.code === 'FISCAL_YEAR_GUESSED')!.messageEn).toContain('from the current date');
  });
});

describe('the as-of date and 序时进度', () => {
  it('none, or 31 December: a year-end run, 序时进度 100%', () => {
    for (const asOf of [undefined, '2023-12-31']) {
      const s = toSummary(runAndWrite(book(fundsSheet([['网站运维', 10, 5]])), { asOf }).analysis);
      expect(s).toMatchObject({ fiscalYear: 2023, asOf: '2023-12-31', monitoring: false, progress: 1 });
    }
  });

  it('by days: 2023-07-31 is 212 of 365 days, 2024-07-31 is 213 of 366; 1 January is one day', () => {
    const progress = (asOf: string) => runAndWrite(book(fundsSheet([['网站运维', 10, 5]])), { asOf, fiscalYear: Number(asOf.slice(0, 4)) }).analysis.period!.progress;
    expect(progress('2023-07-31')).toEqual({ num: 212n, den: 365n });
    expect(progress('2024-07-31')).toEqual({ num: 213n, den: 366n });
    expect(progress('2023-01-01')).toEqual({ num: 1n, den: 365n });
  });

  it('by months: a month counts once its last day is reached (2023-07-30 → 6/12, 07-31 → 7/12, 2024-02-29 → 2/12)', () => {
    const progress = (asOf: string) => runAndWrite(book(fundsSheet([['网站运维', 10, 5]])), { asOf, fiscalYear: Number(asOf.slice(0, 4)), progressMethod: 'months' }).analysis.period!.progress;
    expect(progress('2023-07-30')).toEqual({ num: 6n, den: 12n });
    expect(progress('2023-07-31')).toEqual({ num: 7n, den: 12n });
    expect(progress('2024-02-28')).toEqual({ num: 1n, den: 12n });
    expect(progress('2024-02-29')).toEqual({ num: 2n, den: 12n });
  });

  it('an as-of date outside the year, or unreadable, is refused by name and the year end is used', () => {
    const outside = runAndWrite(book(fundsSheet([['网站运维', 10, 5]])), { asOf: '2024-03-31', fiscalYear: 2023 });
    expect(outside.analysis.period).toMatchObject({ fiscalYear: 2023, monitoring: false });
    expect(outside.analysis.issues.find((i) => i.code === 'MAPPING_INVALID')!.message).toBe('截止日期“2024-03-31”不在2023年度内，已按年末计算。请在设置中改为2023年内的日期（如 2023-07-31）。');
    const before = runAndWrite(book(fundsSheet([['网站运维', 10, 5]])), { asOf: '2022-12-31', fiscalYear: 2023 });
    expect(before.analysis.period!.monitoring).toBe(false);
    expect(before.issues).toContain('MAPPING_INVALID ');
    const garbage = runAndWrite(book(fundsSheet([['网站运维', 10, 5]])), { asOf: '七月底', fiscalYear: 2023 });
    expect(garbage.analysis.issues.find((i) => i.code === 'MAPPING_INVALID')!.message).toContain('截止日期“七月底”无法识别，已按年末计算');
  });
});
