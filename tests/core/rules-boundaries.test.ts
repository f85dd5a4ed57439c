/**
 * The edges of each rule, one small fixture per edge: just inside a tolerance and just outside it,
 * the first and the second of a kind, a rule's condition met by one figure but not by the other.
 * Each assertion is what a user reads — the issue code at its cell, the printed rate, the note.
 */
import { book, fundsSheet, paymentsSheet } from '../helpers/snap';
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
