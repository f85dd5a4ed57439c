/**
 * One amount cell read (src/core/read-cells.ts), in either table, and what the user reads when it is
 * not a plain number: rounded to the fen and said so, negative, beyond one trillion 元, or not a
 * number — each message telling what happened to the figure. And a project code typed as a number,
 * which Excel has already cut to 15 significant digits.
 */
import { book, fundsSheet, paymentsSheet, run } from '../helpers/snap';

const BUDGET_ONLY = ['项目名称', '全年预算数'];
const said = (a: ReturnType<typeof run>, code: string) => a.issues.filter((i) => i.code === code).map((i) => `${i.severity} ${i.cell} ${i.message} | ${i.messageEn}`);

describe('an amount finer than one fen', () => {
  it('a budget of 10.1234567 万元 is 101,234.57 元; a payment of 100.005 元 counts as 100.01 元 — each said at its cell', () => {
    const a = run(book(fundsSheet([['甲', 10.1234567]], BUDGET_ONLY), paymentsSheet([['2023-03-01', 'V1', '甲', 100.005], ['2023-03-02', 'V2', '甲', 200]])));
    expect(said(a, 'AMOUNT_SUB_FEN')).toEqual([
      'warning 项目资金!B4 全年预算数“10.1234567”精确到分以下，已四舍五入到分。请核对金额。 | The budget "10.1234567" is finer than one fen; it was rounded to the fen. Check the amount.',
      'warning 支付明细!D2 支付金额“100.005”精确到分以下，已四舍五入到分。请核对金额。 | The payment amount "100.005" is finer than one fen; it was rounded to the fen. Check the amount.',
    ]);
    expect(a.results!.projects[0].budget).toBe(10_123_457n);
    expect(a.results!.projects[0].executed).toBe(30_001n);
  });

  it('a whole 分 says nothing', () => {
    const a = run(book(fundsSheet([['甲', 10.12]], BUDGET_ONLY), paymentsSheet([['2023-03-01', 'V1', '甲', 100.01]])));
    expect(said(a, 'AMOUNT_SUB_FEN')).toEqual([]);
  });
});

describe('a negative amount', () => {
  it('a negative payment is a refund to explain, a warning, and is counted; a negative budget is an error to correct', () => {
    const a = run(book(fundsSheet([['甲', 10], ['乙', -5]], BUDGET_ONLY), paymentsSheet([['2023-03-01', 'V1', '甲', 300], ['2023-03-02', 'V2', '甲', -50]])));
    expect(said(a, 'NEGATIVE_AMOUNT')).toEqual([
      'error 项目资金!B5 全年预算数为负数（-5），请更正为正数。 | The budget is negative (-5); correct it.',
      'warning 支付明细!D3 支付金额为负数（-50）。如是退款或冲销请在摘要中注明；否则请更正。负数已计入合计。 | The payment amount is negative (-50). If it is a refund or reversal, say so in the memo; otherwise correct it. It is included in the sums.',
    ]);
    expect(a.results!.projects[0].executed).toBe(25_000n);
  });
});

describe('an amount beyond one trillion 元', () => {
  it('is refused in either table with its unit named, never counted', () => {
    const a = run(book(fundsSheet([['甲', 10], ['乙', 200000000]], BUDGET_ONLY), paymentsSheet([['2023-03-01', 'V1', '甲', 2e12], ['2023-03-02', 'V2', '甲', 100]])));
    expect(said(a, 'AMOUNT_OUT_OF_RANGE')).toEqual([
      'error 项目资金!B5 全年预算数“200000000”超出合理范围（超过一万亿元），请核对单位和数字。 | The budget "200000000" is out of range (over one trillion yuan); check the unit and the number.',
      'error 支付明细!D2 支付金额“2000000000000”超出合理范围（超过一万亿元），请核对单位和数字。 | The payment amount "2000000000000" is out of range (over one trillion yuan); check the unit and the number.',
    ]);
    expect(a.results!.projects[0].executed).toBe(10_000n);
    expect(a.results!.projects[1].budget).toBeUndefined();
  });
});

describe('text where an amount belongs: never 0, and the message says what it costs', () => {
  it('a budget: no rate; an executed amount: no rate, and 0 if nothing was paid; a source column: nothing more; a payment: not counted', () => {
    const a = run(
      book(
        fundsSheet([['甲', 'abc', 5, 1], ['乙', 10, 'x', 'y']], ['项目名称', '全年预算数', '财政拨款', '执行数']),
        paymentsSheet([['2023-03-01', 'V1', '甲', '五十']]),
      ),
    );
    expect(said(a, 'AMOUNT_NOT_NUMERIC')).toEqual([
      'error 项目资金!B4 全年预算数“abc”不是数字，不按0计算，该项目不计算执行率。请填写金额（如 85.6）。 | The budget "abc" is not a number and is not counted as 0; no rate is computed for the project. Type an amount (e.g. 85.6).',
      'error 项目资金!C5 财政拨款“x”不是数字，不按0计算。请填写金额（如 85.6）。 | The appropriation "x" is not a number and is not counted as 0. Type an amount (e.g. 85.6).',
      'error 项目资金!D5 执行数“y”不是数字，不按0计算，该项目不计算执行率。请填写金额（如 85.6）；确未支付的请填 0。支付明细中没有该项目的支付。 | The executed amount "y" is not a number and is not counted as 0; no rate is computed for the project. Type an amount (e.g. 85.6), or 0 if nothing was paid. The payments table has no payments for this project.',
      'error 支付明细!D2 支付金额“五十”不是数字，不按0计算，该笔支付未计入。请填写金额（如 85.6）。 | The payment amount "五十" is not a number and is not counted as 0; the payment is not counted. Type an amount (e.g. 85.6).',
    ]);
    expect(a.results!.projects.map((p) => p.rate)).toEqual([undefined, undefined]);
  });
});

describe('a project code typed as a number', () => {
  const CODED = ['项目编码', '项目名称', '全年预算数'];
  const PAY = ['支付日期', '支付凭证号', '项目编码', '预算项目名称', '支付金额(元)'];
  const codeWarnings = (a: number, b: number) => said(run(book(fundsSheet([[a, '甲', 10], [b, '乙', 5]], CODED), paymentsSheet([['2023-03-01', 'V1', b, '乙', 100], ['2023-03-02', 'V2', b, '乙', 100]], PAY))), 'CODE_AS_NUMBER');

  it('of 16 digits or more is said once per table, at its first cell, with the number as Excel kept it', () => {
    expect(codeWarnings(522700230000000123, 522700230000000124)).toEqual([
      'warning 项目资金!A4 项目编码以数字保存（522700230000000100），超过15位的数字在 Excel 中会丢失末位，可能与支付明细对不上。请把编码列设为“文本”格式后重新输入编码。 | The project code is stored as a number (522700230000000100); Excel keeps only 15 digits, so long codes lose their last digits and may not match the payments. Format the code column as Text and retype the codes.',
      'warning 支付明细!C2 项目编码以数字保存（522700230000000100），超过15位的数字在 Excel 中会丢失末位，可能与支付明细对不上。请把编码列设为“文本”格式后重新输入编码。 | The project code is stored as a number (522700230000000100); Excel keeps only 15 digits, so long codes lose their last digits and may not match the payments. Format the code column as Text and retype the codes.',
    ]);
  });

  it('15 digits are kept whole and say nothing; 1,000,000,000,000,000 (16 digits) is the first that warns', () => {
    expect(codeWarnings(999999999999999, 12)).toEqual([]);
    expect(codeWarnings(12, 1e15).map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual(['warning 项目资金!A5', 'warning 支付明细!C2']);
  });
});
