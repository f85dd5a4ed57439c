/**
 * The edges of each rule, one small fixture per edge: just inside a tolerance and just outside it,
 * the first and the second of a kind, a rule's condition met by one figure but not by the other.
 * Each assertion is what a user reads — the issue code at its cell, the printed rate, the note.
 */
import { executedSourceCells, toSummary } from '../../src/core';
import { book, fundsSheet, paymentsSheet, run, sheet } from '../helpers/snap';
import { runAndWrite } from './rules-fixture';

const BUDGET_ONLY = ['项目名称', '全年预算数'];
const at = (w: ReturnType<typeof runAndWrite>, code: string) => w.issues.filter((i) => i.startsWith(`${code} `));

describe('DUPLICATE_VOUCHER compares voucher numbers as a person reads them', () => {
  const vouchers = (...numbers: string[]) =>
    at(runAndWrite(book(fundsSheet([['网站运维', 10]], BUDGET_ONLY), paymentsSheet(numbers.map((v, k) => [`2023-03-0${k + 1}`, v, '网站运维', 100])))), 'DUPLICATE_VOUCHER');

  it('Ｖ００１ typed full-width is V001; zf001 is ZF001; a space inside does not make it another', () => {
    expect(vouchers('V001', 'Ｖ００１')).toEqual(['DUPLICATE_VOUCHER 支付明细!B3']);
    expect(vouchers('Ｖ００１', 'V001')).toEqual(['DUPLICATE_VOUCHER 支付明细!B3']);
    expect(vouchers('ZF001', 'zf001')).toEqual(['DUPLICATE_VOUCHER 支付明细!B3']);
    expect(vouchers('ZF 001', 'ZF001')).toEqual(['DUPLICATE_VOUCHER 支付明细!B3']);
  });

  it('different numbers, or no number, are no duplicate; a third use names the first', () => {
    expect(vouchers('ZF001', 'ZF002', '', '')).toEqual([]);
    const w = runAndWrite(book(fundsSheet([['网站运维', 10]], BUDGET_ONLY), paymentsSheet(['V1', 'V2', 'V1', 'V1'].map((v, k) => [`2023-03-0${k + 1}`, v, '网站运维', 100]))));
    expect(w.analysis.issues.filter((i) => i.code === 'DUPLICATE_VOUCHER').map((i) => `${i.cell} ${i.message}`)).toEqual([
      '支付明细!B4 支付凭证号“V1”与 支付明细!B2 重复，两笔都已计入。如是重复录入，请删除一行。',
      '支付明细!B5 支付凭证号“V1”与 支付明细!B2 重复，两笔都已计入。如是重复录入，请删除一行。',
    ]);
    expect(w.analysis.results!.projects[0].executed).toBe(40_000n);
  });
});

describe('the checks on a project’s own figures', () => {
  const SOURCES = ['项目名称', '全年预算数', '财政拨款', '上年结转', '其他资金', '执行数'];

  it('执行数 equal to the budget is not over it; 0.01 万元 more is', () => {
    const w = runAndWrite(book(fundsSheet([['刚好', 30, 30], ['多一分', 30, 30.0001]])));
    expect(at(w, 'EXECUTED_EXCEEDS_BUDGET')).toEqual(['EXECUTED_EXCEEDS_BUDGET 项目资金!C5']);
    expect(w.cell('偏差说明', '刚好')).toBe('执行率100%，预算已全部执行。');
    expect(w.cell('偏差说明', '多一分')).toBe('执行率100%，执行数超出预算0.0001万元，请核对执行数。');
  });

  it('a project whose budget is empty has its 其中 columns left unchecked, and its note says the budget is missing', () => {
    const w = runAndWrite(book(fundsSheet([['甲', '', 5, 0, 0, 5], ['乙', 10, 10, 0, 0, 10]], SOURCES)));
    expect(w.issues.filter((i) => !i.startsWith('PAYMENTS_NOT_FOUND'))).toEqual(['MISSING_REQUIRED 项目资金!B4']);
    expect(w.cell('偏差说明', '甲')).toBe('预算数未填写，未计算执行率。');
    expect(w.cell('执行率', '甲')).toBe('');
  });

  it('rows without a name are each asked for one, never called duplicates of each other', () => {
    const w = runAndWrite(book(fundsSheet([['', 10, 10], ['', 10, 10], ['甲', 10, 10]])));
    expect(w.issues.filter((i) => !i.startsWith('PAYMENTS_NOT_FOUND'))).toEqual(['MISSING_REQUIRED 项目资金!A4', 'MISSING_REQUIRED 项目资金!A5']);
  });

  it('the same name under two different codes is two projects; the same code under two names is one', () => {
    const CODED = ['项目编码', '项目名称', '全年预算数', '执行数'];
    expect(at(runAndWrite(book(fundsSheet([['A1', '运维', 10, 10], ['A2', '运维', 5, 5]], CODED))), 'DUPLICATE_PROJECT')).toEqual([]);
    expect(at(runAndWrite(book(fundsSheet([['A1', '运维', 10, 10], ['a1', '宣传', 5, 5]], CODED))), 'DUPLICATE_PROJECT')).toEqual(['DUPLICATE_PROJECT 项目资金!B5']);
  });

  it('an empty 执行数 is counted as 0 and said so only when nothing else can tell', () => {
    const header = ['项目名称', '全年预算数', '执行数'];
    // No payments table: the empty cell is asked about; a typed one, an unreadable one or a project without a budget is not.
    const alone = runAndWrite(book(fundsSheet([['空', 10, ''], ['填了', 10, 10], ['待定', 10, '待定'], ['无预算', '', '']], header)));
    expect(at(alone, 'EXECUTED_EMPTY')).toEqual(['EXECUTED_EMPTY 项目资金!C4']);
    expect(alone.cell('执行率', '空')).toBe(0);
    expect(alone.cell('偏差说明', '空')).toBe('执行率0%，低于预算100个百分点；节余资金10万元。');
    // With payments, the empty 执行数 is their sum: nothing to ask.
    const paid = runAndWrite(book(fundsSheet([['空', 10, '']], header), paymentsSheet([['2023-03-01', 'V1', '空', 25000]])));
    expect(at(paid, 'EXECUTED_EMPTY')).toEqual([]);
    expect(paid.cell('执行率', '空')).toBe(0.25);
    // Without an 执行数 column there is no cell to fill in: no rate, and the table is told what is missing.
    const none = runAndWrite(book(fundsSheet([['空', 10]], ['项目名称', '全年预算数'])));
    expect(none.issues).toEqual(['NO_EXECUTED_SOURCE 项目资金', 'PAYMENTS_NOT_FOUND 项目资金']);
    expect(none.cell('偏差说明', '空')).toBe('执行数无法识别，未计算执行率。');
  });

  it('a rate that prints 100% is noted only when money is really unspent — not at exactly 100%, not over budget', () => {
    const w = runAndWrite(book(fundsSheet([['全部', 30, 30], ['超支', 30, 30.01], ['差一点', 30, 29.99]])));
    expect(at(w, 'RATE_ROUNDS_TO_FULL')).toEqual(['RATE_ROUNDS_TO_FULL 项目资金!A6']);
  });

  it('a budget of 0 gets no rate, and its note says why', () => {
    const w = runAndWrite(book(fundsSheet([['预留', 0, 0], ['宣传', 10, 10]])));
    expect(at(w, 'ZERO_BUDGET')).toEqual(['ZERO_BUDGET 项目资金!B4']);
    expect(w.cell('偏差说明', '预留')).toBe('预算数为0，不计算执行率。');
    expect(w.cell('执行率', '预留')).toBe('');
    expect(at(w, 'REASON_MISSING')).toEqual([]);
  });
});

describe('小计 and 合计 rows at their edges', () => {
  it('a 小计 exactly 100 元 off is rounding; 101 元 off is an error, named with the sums of the projects below it', () => {
    expect(at(runAndWrite(book(fundsSheet([['甲', 10, 5], ['乙', 5, 5], ['小计', 15.01, 10]]))), 'TOTAL_ROW_MISMATCH')).toEqual([]);
    const w = runAndWrite(book(fundsSheet([['小计', 15, 10.0101], ['甲', 10, 5], ['乙', 5, 5]])));
    expect(w.analysis.issues.filter((i) => i.code === 'TOTAL_ROW_MISMATCH').map((i) => `${i.cell} ${i.message}`)).toEqual([
      '项目资金!C4 “小计”行的执行数10.0101万元与其下方2个项目之和10万元不符（相差0.0101万元）。请核对合计公式或范围。',
    ]);
  });

  it('the 执行数 of a 小计 is checked against what its projects were paid, when their figures are sums of payments', () => {
    const funds = fundsSheet([['甲', 10, ''], ['乙', 5, ''], ['小计', 15, 3]]);
    const pays = (amounts: number[]) => paymentsSheet(amounts.map((a, k) => ['2023-03-01', `V${k}`, k ? '乙' : '甲', a]));
    expect(at(runAndWrite(book(funds, pays([20000, 10000]))), 'TOTAL_ROW_MISMATCH')).toEqual([]);
    expect(at(runAndWrite(book(funds, pays([20000, 20000]))), 'TOTAL_ROW_MISMATCH')).toEqual(['TOTAL_ROW_MISMATCH 项目资金!C6']);
  });

  it('the 执行数 of a 小计 is not checked when a member’s payments include an uncalculated amount: its paid sum is unknown, not what the other payments add up to', () => {
    const pays = paymentsSheet([['2023-03-01', 'V1', '甲', 20000], ['2023-03-02', 'V2', '乙', null]]);
    pays.uncalculated = [{ row: 2, col: 3 }];
    const w = runAndWrite(book(fundsSheet([['甲', 10, ''], ['乙', 5, ''], ['小计', 15, 3]]), pays));
    expect(w.analysis.issues.filter((i) => i.code.startsWith('TOTAL_')).map((i) => `${i.code} ${i.cell} ${i.message}`)).toEqual([
      'TOTAL_NOT_CHECKED 项目资金!C6 “小计”行的执行数未核对：其所含2个项目中“乙”的执行数无法确定，不能按0相加。这些数字补齐后会再核对。',
    ]);
    expect(w.cell('偏差说明', '乙')).toBe('执行数无法确定（支付明细中1笔支付的金额或日期是未计算的公式），未计算执行率。');
  });

  it('a 小计 over a project whose budget cannot be read is not checked on the budget, and says whose', () => {
    const w = runAndWrite(book(fundsSheet([['甲', '待批', 5], ['乙', 5, 5], ['小计', 15, 10]])));
    expect(w.analysis.issues.filter((i) => i.code.startsWith('TOTAL_')).map((i) => `${i.code} ${i.cell} ${i.message}`)).toEqual([
      'TOTAL_NOT_CHECKED 项目资金!B6 “小计”行的全年预算数未核对：其所含2个项目中“甲”的全年预算数无法确定，不能按0相加。这些数字补齐后会再核对。',
    ]);
  });

  it('three unknown projects are all named; a fourth makes it 等4个项目 and "and 1 more"', () => {
    const notChecked = (n: number) => {
      const rows = ['甲', '乙', '丙', '丁'].slice(0, n).map((name) => [name, 5, '待定']);
      return runAndWrite(book(fundsSheet([...rows, ['戊', 5, 5], ['小计', 5 * (n + 1), 5]]))).analysis.issues.find((i) => i.code === 'TOTAL_NOT_CHECKED')!;
    };
    expect(notChecked(3).message).toBe('“小计”行的执行数未核对：其所含4个项目中“甲”、“乙”、“丙”的执行数无法确定，不能按0相加。这些数字补齐后会再核对。');
    expect(notChecked(3).messageEn).toContain('"甲", "乙", "丙" have no known executed amount');
    expect(notChecked(4).message).toBe('“小计”行的执行数未核对：其所含5个项目中“甲”、“乙”、“丙”等4个项目的执行数无法确定，不能按0相加。这些数字补齐后会再核对。');
    expect(notChecked(4).messageEn).toContain('"甲", "乙", "丙" and 1 more have no known executed amount');
  });

  it('a nameless project among a 小计’s unknowns is named by its cell', () => {
    const w = runAndWrite(book(fundsSheet([['', 5, '待定'], ['乙', 5, 5], ['小计', 10, 10]])));
    expect(w.analysis.issues.find((i) => i.code === 'TOTAL_NOT_CHECKED')!.message).toContain('其所含2个项目中“项目资金!A4”的执行数无法确定');
  });

  it('a 小计 with no project next to it and no figures raises nothing', () => {
    const w = runAndWrite(book(fundsSheet([['甲', 10, 10], ['二、州本级'], ['小计', '', '']])));
    expect(w.issues.filter((i) => !i.startsWith('PAYMENTS_NOT_FOUND'))).toEqual([]);
  });

  it('a 支付明细 with a 合计 row and no payment: the 合计 is compared with nothing paid, 0 元', () => {
    const w = runAndWrite(book(fundsSheet([['网站运维', 10]], BUDGET_ONLY), paymentsSheet([['合计', '', '', 500]])));
    expect(w.analysis.issues.filter((i) => i.code.startsWith('TOTAL_')).map((i) => `${i.code} ${i.cell} ${i.message}`)).toEqual([
      'TOTAL_ROW_MISMATCH 支付明细!D2 支付明细合计行金额 500 元与上方各笔之和 0 元不符。请核对合计公式或范围。',
    ]);
  });

  it('the 支付明细 合计 is still checked when a payment’s date, not its amount, is an uncalculated formula', () => {
    const pays = paymentsSheet([['2023-03-01', 'V1', '网站运维', 500], [null, 'V2', '网站运维', 300], ['合计', '', '', 900]]);
    pays.uncalculated = [{ row: 2, col: 0 }];
    const w = runAndWrite(book(fundsSheet([['网站运维', 10]], BUDGET_ONLY), pays));
    expect(w.analysis.issues.filter((i) => i.code.startsWith('TOTAL_')).map((i) => `${i.code} ${i.cell} ${i.message}`)).toEqual([
      'TOTAL_ROW_MISMATCH 支付明细!D4 支付明细合计行金额 900 元与上方各笔之和 800 元不符。请核对合计公式或范围。',
    ]);
  });
});

describe('rates at their edges', () => {
  it('a negative 执行数 prints a negative rate rounded away from zero, and scores 0', () => {
    const w = runAndWrite(book(fundsSheet([['冲销', 8, -1]])));
    expect(w.analysis.results!.projects[0]).toMatchObject({ rateText: '-13%', deviationPoints: '113', score: 0 });
    expect(w.cell('偏差说明', '冲销')).toBe('执行率-13%，低于预算113个百分点；节余资金9万元。');
    const two = runAndWrite(book(fundsSheet([['冲销', 8, -1]])), { rateDisplay: 'two-decimals' });
    expect(two.analysis.results!.projects[0].rateText).toBe('-12.50%');
  });

  it('1 of 2000 万元 is 0.05% with two decimals (the leading zero kept), 0% in whole percents', () => {
    const two = runAndWrite(book(fundsSheet([['甲', 2000, 1]])), { rateDisplay: 'two-decimals' });
    expect(two.cell('偏差说明', '甲')).toBe('执行率0.05%，低于预算99.95个百分点；节余资金1999万元。');
    expect(runAndWrite(book(fundsSheet([['甲', 2000, 1]]))).cell('偏差说明', '甲')).toBe('执行率0%，低于预算100个百分点；节余资金1999万元。');
  });

  it('a budget of 0 with a negative 执行数 (a 冲销) has no rate, so nothing can print as 100%: only ZERO_BUDGET and the negative amount are raised', () => {
    const w = runAndWrite(book(fundsSheet([['调减', 0, -0.5]])));
    expect(w.issues.filter((i) => !i.startsWith('PAYMENTS_NOT_FOUND'))).toEqual(['NEGATIVE_AMOUNT 项目资金!C4', 'ZERO_BUDGET 项目资金!B4']);
    expect(w.cell('执行率', '调减')).toBe('');
    expect(w.cell('偏差说明', '调减')).toBe('预算数为0，不计算执行率。');
  });

  it('the score is 分值 10 × 执行率 to two decimals, half-up: 1 of 2000 scores 0.01, 1 of 3 scores 3.33, 2 of 3 scores 6.67', () => {
    const w = runAndWrite(book(fundsSheet([['甲', 2000, 1], ['乙', 3, 1], ['丙', 3, 2]])));
    expect(w.analysis.results!.projects.map((p) => p.score)).toEqual([0.01, 3.33, 6.67]);
  });

  it('the reason threshold prints in the rate display: 低于90.00% with two decimals', () => {
    const w = runAndWrite(book(fundsSheet([['滞后', 72, 20]])), { rateDisplay: 'two-decimals' });
    expect(w.analysis.issues.find((i) => i.code === 'REASON_MISSING')!.message).toBe('项目“滞后”执行率27.78%，低于90.00%，但没有填写未完成原因。请在“未完成原因”列说明（可在表中新增此列）。');
  });
});

describe('what a total’s rate stands on', () => {
  it('unknowns are named in table order, a project unknown twice once, with both reasons', () => {
    const w = runAndWrite(book(fundsSheet([['甲', '待批', '待定'], ['乙', 10, 5], ['丙', '待批', 3], ['丁', 4, '待定']])));
    const s = toSummary(w.analysis).totals!;
    expect(s.rateBasis).toBe('执行率按其余1个项目计算；甲预算数待批、执行数待定，丙预算数待批，丁执行数待定');
    expect(s).toMatchObject({ budgetYuan: 140000, executedYuan: 80000, rateBasisYuan: 100000, rateBasisExecutedYuan: 50000, rateText: '50%', unknownBudget: ['甲', '丙'], unknownExecuted: ['甲', '丁'] });
  });

  it('an unknown 执行数 above an unknown 预算数 is named first: the table’s order, not budgets before executed amounts', () => {
    const w = runAndWrite(book(fundsSheet([['甲', 10, '待定'], ['乙', '待批', 5], ['丙', 10, 4], ['丁', 10, '待定']])));
    expect(toSummary(w.analysis).totals!.rateBasis).toBe('执行率按其余1个项目计算；甲执行数待定，乙预算数待批，丁执行数待定');
    expect(w.analysis.results!.total.note).toBe('执行率40%，低于预算60个百分点；节余资金6万元。执行率按其余1个项目计算；甲执行数待定，乙预算数待批，丁执行数待定。');
  });

  it('exactly three unknowns are all named, with no 等', () => {
    const s = toSummary(runAndWrite(book(fundsSheet([['甲', 10, '待定'], ['乙', 10, '待定'], ['丙', 10, '待定'], ['丁', 10, 5]]))).analysis).totals!;
    expect(s.rateBasis).toBe('执行率按其余1个项目计算；甲执行数待定，乙执行数待定，丙执行数待定');
  });

  it('with no 执行数 column and no payments, no project’s executed amount is known: no rate, no executed sum', () => {
    const s = toSummary(runAndWrite(book(fundsSheet([['甲', 10], ['乙', 10]], ['项目名称', '全年预算数']))).analysis).totals!;
    expect(s).toMatchObject({ budgetYuan: 200000, executedYuan: null, rateBasisProjectCount: 0, rate: null, rateText: '—', deviation: null, incomplete: true });
    expect(s.rateBasis).toBe('各项目的预算数或执行数均无法确定，未计算执行率；甲执行数无法确定，乙执行数无法确定');
  });

  it('a total whose every figure is known says nothing about its basis, and its note is the plain deviation note', () => {
    const w = runAndWrite(book(fundsSheet([['甲', 10, 5], ['乙', 10, 10]])));
    expect(toSummary(w.analysis).totals).toMatchObject({ incomplete: false, rateBasis: null, rateText: '75%', executedYuan: 150000 });
    expect(w.analysis.results!.total.note).toBe('执行率75%，低于预算25个百分点；节余资金5万元。');
  });

  it('a funds table with only its header: a NO_PROJECTS warning at its header, and a total over nothing — 0 元 paid, not unknown, and nothing missing', () => {
    const s = toSummary(run(book(fundsSheet([]))));
    expect(s.issues.filter((i) => i.code === 'NO_PROJECTS').map((i) => `${i.severity} ${i.cell}`)).toEqual(['warning 项目资金!A3']);
    expect(s.totals).toMatchObject({ projectCount: 0, budgetYuan: 0, executedYuan: 0, rate: null, rateText: '—', incomplete: false, unknownExecuted: [], unknownBudget: [], rateBasis: null });
  });

  it('a total over some unknowns ends its note with the basis', () => {
    const w = runAndWrite(book(fundsSheet([['甲', 10, '待定'], ['乙', 10, 5]])));
    expect(w.analysis.results!.total.note).toBe('执行率50%，低于预算50个百分点；节余资金5万元。执行率按其余1个项目计算；甲执行数待定。');
  });
});

describe('the JSON summary of a workbook without a funds table', () => {
  it('has no year, no period and no figures — only the issue that says why', () => {
    const s = toSummary(run(book(sheet('说明', [['本工作簿没有表格']]))));
    expect(s).toMatchObject({ fiscalYear: null, asOf: null, monitoring: false, progress: null, projects: [], groups: [], totals: null });
    expect(s.issues.map((i) => `${i.code} ${i.cell}`)).toEqual(['TABLE_NOT_FOUND 说明']);
  });

  it('groups without sub-groups have no children list', () => {
    const s = toSummary(runAndWrite(book(fundsSheet([['甲', 10, 5]]))).analysis);
    expect(s.groups).toHaveLength(1);
    expect(s.groups[0]).not.toHaveProperty('children');
    expect(s.totals).not.toHaveProperty('children');
  });
});

describe('the period at its edges', () => {
  it('31 December is the year end, accepted without a word; 1 January is the first day of monitoring', () => {
    const end = runAndWrite(book(fundsSheet([['网站运维', 10, 5]])), { asOf: '2023-12-31' });
    expect(end.analysis.issues.filter((i) => i.code === 'MAPPING_INVALID')).toEqual([]);
    expect(end.analysis.period).toMatchObject({ monitoring: false, progress: { num: 1n, den: 1n } });
    const first = runAndWrite(book(fundsSheet([['网站运维', 10, 5]])), { asOf: '2023-01-01' });
    expect(first.analysis.issues.filter((i) => i.code === 'MAPPING_INVALID')).toEqual([]);
    expect(first.cell('偏差说明', '网站运维')).toBe('截至2023年1月1日执行率50%，序时进度0%，快于序时进度50个百分点。');
  });

  it('30 December is still monitoring: 364 of 365 days', () => {
    const w = runAndWrite(book(fundsSheet([['网站运维', 10, 5]])), { asOf: '2023-12-30', rateDisplay: 'two-decimals' });
    expect(w.analysis.period).toMatchObject({ monitoring: true, progress: { num: 364n, den: 365n } });
    expect(w.cell('偏差说明', '网站运维')).toBe('截至2023年12月30日执行率50.00%，序时进度99.73%，低于序时进度49.73个百分点；尚未支付5万元。');
  });

  it('with no year anywhere and no today given, the year is a placeholder 2000 and the user is told to set it', () => {
    const noTitle = sheet('项目资金', [['项目名称', '全年预算数', '执行数'], ['网站运维', 10, 5]]);
    for (const today of [undefined, '不是日期']) {
      const w = runAndWrite(book(noTitle), { today });
      expect(w.analysis.period).toMatchObject({ fiscalYear: 2000, yearSource: 'today' });
      expect(w.analysis.issues.find((i) => i.code === 'FISCAL_YEAR_GUESSED')!.message).toBe('表格标题中未写明年度，按当前日期推定为2000年。如不对，请在设置中指定年度，或在标题中写明“2000年”。');
    }
  });
});

describe('a figure traced to its cells, and what is left unspent', () => {
  it('a total over a typed 执行数 and a sum of payments points at both; its unspent money is budget less executed', () => {
    const w = runAndWrite(book(fundsSheet([['甲', 10, 5], ['乙', 10, '']]), paymentsSheet([['2023-03-01', 'V1', '乙', 10000]])));
    const { model, results } = w.analysis;
    expect(results!.total.executedCells).toEqual(['项目资金!C4', '支付明细!D2']);
    expect(results!.total.budgetCells).toEqual(['项目资金!B4', '项目资金!B5']);
    expect(results!.total.unspent).toBe(14_000_000n);
    expect(results!.projects.map((p) => executedSourceCells(model!, p))).toEqual([['项目资金!C4'], ['支付明细!D2']]);
  });

  it('when no project’s figure comes from the payments, the payments are no source of the total', () => {
    const w = runAndWrite(book(fundsSheet([['甲', 10, 5]]), paymentsSheet([['2023-03-01', 'V1', '别的项目', 10000]])));
    expect(w.analysis.results!.total.executedCells).toEqual(['项目资金!C4']);
  });

  it('a project paid nothing has no source cell; a payments table with no payment in it is no source either', () => {
    const some = runAndWrite(book(fundsSheet([['甲', 10], ['乙', 5]], BUDGET_ONLY), paymentsSheet([['2023-03-01', 'V1', '甲', 10000]])));
    expect(some.analysis.results!.projects.map((p) => [p.rateText, executedSourceCells(some.analysis.model!, p)])).toEqual([
      ['10%', ['支付明细!D2']],
      ['0%', []],
    ]);
    const none = runAndWrite(book(fundsSheet([['甲', 10]], BUDGET_ONLY), paymentsSheet([])));
    expect(none.analysis.results!.total.executedCells).toEqual([]);
    expect(none.cell('偏差说明', '甲')).toBe('执行率0%，低于预算100个百分点；节余资金10万元。');
  });

  it('a formula error leaves the figure unknown and the note says which error', () => {
    const w = runAndWrite(book(fundsSheet([['甲', '#DIV/0!', 5], ['乙', 10, '#N/A'], ['丙', 10, 4]])));
    expect(w.cell('偏差说明', '甲')).toBe('预算数为公式错误#DIV/0!，未计算执行率。');
    expect(w.cell('偏差说明', '乙')).toBe('执行数为公式错误#N/A，未计算执行率。');
    expect(w.analysis.results!.total.note).toBe('执行率40%，低于预算60个百分点；节余资金6万元。执行率按其余1个项目计算；甲预算数为公式错误#DIV/0!，乙执行数为公式错误#N/A。');
  });

  it('the first title naming a year gives it, not a later line that names another', () => {
    const w = runAndWrite(book(sheet('项目资金', [['2023年项目支出预算执行情况表'], ['（含2022年结转项目）'], ['单位：万元'], ['项目名称', '全年预算数', '执行数'], ['甲', 10, 5]])));
    expect(w.analysis.period).toMatchObject({ fiscalYear: 2023, yearSource: 'title' });
  });
});

describe('the JSON summary names what it cannot count', () => {
  it('a project whose budget cannot be read has budgetYuan null, not 0; a nameless one is named by its cell', () => {
    const s = toSummary(runAndWrite(book(fundsSheet([['甲', '待批', 5], ['', 10, '待定'], ['丙', 10, 4]]))).analysis);
    expect(s.projects.map((p) => [p.name, p.cell, p.budgetYuan, p.executedYuan, p.rateText])).toEqual([
      ['甲', '项目资金!A4', null, 50000, '—'],
      ['', '项目资金!A5', 100000, null, '—'],
      ['丙', '项目资金!A6', 100000, 40000, '40%'],
    ]);
    expect(s.totals).toMatchObject({ unknownBudget: ['甲'], unknownExecuted: ['项目资金!A5'], budgetYuan: 200000, executedYuan: 90000 });
  });
});

describe('where each issue points, and its Chinese wording in each form', () => {
  it('a project repeated by name is named without a code; by code, with it', () => {
    const byName = runAndWrite(book(fundsSheet([['网站运维', 10, 10], ['网站运维', 5, 5]])));
    expect(byName.analysis.issues.filter((i) => i.code === 'DUPLICATE_PROJECT').map((i) => i.message)).toEqual([
      '项目“网站运维”与 项目资金!A4 重复。支付只计入第一个；如是两个项目，请改名或填写不同编码，否则请合并。',
    ]);
    const byCode = runAndWrite(book(fundsSheet([['A1', '网站运维', 10, 10], ['A1', '宣传', 5, 5]], ['项目编码', '项目名称', '全年预算数', '执行数'])));
    expect(byCode.analysis.issues.filter((i) => i.code === 'DUPLICATE_PROJECT').map((i) => i.message)).toEqual([
      '项目“宣传”（编码 A1）与 项目资金!B4 重复。支付只计入第一个；如是两个项目，请改名或填写不同编码，否则请合并。',
    ]);
  });

  it('payments over the budget, with no 执行数 column, point at the project’s name', () => {
    const w = runAndWrite(book(fundsSheet([['甲', 10], ['乙', 5]], BUDGET_ONLY), paymentsSheet([['2023-03-01', 'V1', '甲', 120000]])));
    expect(w.analysis.issues.filter((i) => i.code === 'EXECUTED_EXCEEDS_BUDGET').map((i) => `${i.cell} ${i.message}`)).toEqual([
      '项目资金!A4 项目“甲”执行数12万元超过全年预算数10万元（超出2万元）。请核对执行数或调整后的预算数。',
    ]);
  });

  it('a 小计 with figures but no project next to it is not checked — and not compared with nothing', () => {
    const w = runAndWrite(book(fundsSheet([['甲', 10, 5], ['二、州本级'], ['小计', 3, 3]])));
    expect(w.issues.filter((i) => i.startsWith('TOTAL_'))).toEqual(['TOTAL_NOT_CHECKED 项目资金!A6']);
  });

  it('a 小计 with only its budget filled is checked on the budget alone; an empty member budget adds 0 to it', () => {
    const budgetOnly = runAndWrite(book(fundsSheet([['甲', 10, 5], ['乙', 5, 5], ['小计', 16, '']])));
    expect(budgetOnly.issues.filter((i) => i.startsWith('TOTAL_'))).toEqual(['TOTAL_ROW_MISMATCH 项目资金!B6']);
    const emptyMember = runAndWrite(book(fundsSheet([['甲', '', 5], ['乙', 5, 5], ['小计', 6, 10]])));
    expect(emptyMember.analysis.issues.filter((i) => i.code.startsWith('TOTAL_')).map((i) => `${i.cell} ${i.message}`)).toEqual([
      '项目资金!B6 “小计”行的全年预算数6万元与其所含2个项目之和5万元不符（相差1万元）。请核对合计公式或范围。',
    ]);
  });
});
