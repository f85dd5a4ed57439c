/**
 * A formula without a computed value is never a number, and a 1904-system serial is never read as a
 * 1900 one: both would turn a right rate into a wrong one without a word.
 */
import type { CellPosition, SheetSnapshot } from '../../src/core';
import { parseDate, toSummary } from '../../src/core';
import { book, codes, fundsSheet, issuesOf, paymentsSheet, run, sheet } from '../helpers/snap';

function uncalculated(s: SheetSnapshot, ...cells: string[]): SheetSnapshot {
  s.uncalculated = cells.map((a): CellPosition => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    return { row: Number(m[2]) - 1, col: m[1].charCodeAt(0) - 65 };
  });
  for (const p of s.uncalculated) s.values[p.row - s.top][p.col - s.left] = null;
  return s;
}

describe('formulas saved without a computed value', () => {
  it('an 执行数 formula with no value gives no rate — never 0% — and one issue per column names every cell', () => {
    const funds = uncalculated(fundsSheet([['甲', 10, 8], ['乙', 10, null], ['丙', 10, null], ['丁', 10, null], ['戊', 10, 5]]), 'C5', 'C6', 'C7');
    const a = run(book(funds));
    expect(a.results!.projects.map((r) => r.rateText)).toEqual(['80%', '—', '—', '—', '50%']);
    expect(a.results!.projects[1].note).toBe('执行数为未计算的公式，未计算执行率。');
    const e = issuesOf(a, 'FORMULA_NOT_CALCULATED');
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ severity: 'error', cell: '项目资金!C5', cells: ['项目资金!C5', '项目资金!C6', '项目资金!C7'] });
    expect(e[0].message).toContain('项目资金!C5:C7');
    expect(e[0].message).toContain('在 Excel 中打开并保存一次后重试');
    expect(e[0].messageEn).toContain('Open the file in Excel, save it once');
    // The total: every budget in it, the rate over the two known.
    expect(toSummary(a).totals).toMatchObject({ budgetYuan: 500_000, rateBasisYuan: 200_000, rate: 0.65 });
  });

  it('a 年初预算 column mapped as the budget too: each uncalculated cell named once, as the budget the rate needs', () => {
    const funds = uncalculated(fundsSheet([['甲', 10, 8], ['乙', null, 5]], ['项目名称', '年初预算', '执行数']), 'B5');
    const a = run(book(funds), { mapping: { funds: { sheet: '项目资金', headerRow: 3, columns: { budget: 'B' } } } });
    const e = issuesOf(a, 'FORMULA_NOT_CALCULATED');
    expect(e).toHaveLength(1);
    expect(e[0].cells).toEqual(['项目资金!B5']);
    expect(e[0].message).toMatch(/^全年预算数单元格 项目资金!B5 是没有计算结果的公式/);
    expect(e[0].message).toContain('这些项目的执行率不计算（B5）');
    expect(a.results!.projects.map((r) => r.rateText)).toEqual(['80%', '—']);
  });

  it('every affected row gets its 校验提示 mark, though the issue is one', () => {
    const funds = uncalculated(fundsSheet([['甲', 10, 8], ['乙', 10, null], ['丙', 10, null]]), 'C5', 'C6');
    const a = run(book(funds));
    const check = a.plan.columns.find((c) => c.field === 'check')!;
    const marked = a.plan.blocks.filter((b) => b.role === 'check').flatMap((b) => b.values.map((v, i) => ({ row: b.top + i, text: String(v[0]) })));
    expect(check.col).toBeGreaterThan(2);
    expect(marked.filter((m) => m.text.includes('没有计算结果的公式')).map((m) => m.row + 1)).toEqual([5, 6]);
  });

  it('a long list of cells is clipped in the message, all cells are still listed in `cells`', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [`项目${i}`, 10, i % 2 ? null : 5]);
    const cells = rows.map((_, i) => (i % 2 ? `C${i + 4}` : '')).filter(Boolean);
    const a = run(book(uncalculated(fundsSheet(rows), ...cells)));
    const e = issuesOf(a, 'FORMULA_NOT_CALCULATED')[0];
    expect(e.cells).toHaveLength(20);
    expect(e.message).toContain('等20个单元格');
    expect(e.message.length).toBeLessThan(600);
  });

  it('a 合计 row whose figures are formulas with no value is not checked, and the issue says so', () => {
    const funds = uncalculated(fundsSheet([['甲', 10, 8], ['乙', 10, 5], ['合计', null, null]]), 'B6', 'C6');
    const a = run(book(funds));
    expect(codes(a)).not.toContain('TOTAL_ROW_MISMATCH');
    const e = issuesOf(a, 'FORMULA_NOT_CALCULATED');
    expect(e.map((i) => i.cell)).toEqual(['项目资金!B6', '项目资金!C6']);
    expect(e[1].message).toContain('合计行 C6 未核对');
  });

  it('a payment whose amount or date has no value makes its project’s executed amount unknown', () => {
    const pays = uncalculated(
      paymentsSheet([
        ['2023-03-01', 'V1', '甲', 50000],
        ['2023-04-01', 'V2', '甲', null],
        [null, 'V3', '乙', 20000],
        ['2023-05-01', 'V4', '丙', 30000],
      ]),
      'D3',
      'A4',
    );
    const a = run(book(fundsSheet([['甲', 10], ['乙', 10], ['丙', 10]], ['项目名称', '全年预算数']), pays));
    expect(a.results!.projects.map((r) => r.rateText)).toEqual(['—', '—', '30%']);
    expect(a.results!.projects[0].note).toContain('支付明细中1笔支付的金额或日期是未计算的公式');
    expect(issuesOf(a, 'FORMULA_NOT_CALCULATED').map((i) => i.cell)).toEqual(['支付明细!D3', '支付明细!A4']);
    expect(codes(a)).not.toContain('MISSING_REQUIRED');
    expect(toSummary(a).totals!.unknownExecuted).toEqual(['甲', '乙']);
  });

  it('a typed 执行数 is not compared with payments whose sum is unknown', () => {
    const pays = uncalculated(paymentsSheet([['2023-03-01', 'V1', '甲', 50000], ['2023-04-01', 'V2', '甲', null]]), 'D3');
    const a = run(book(fundsSheet([['甲', 10, 8]]), pays));
    expect(a.results!.projects[0].rateText).toBe('80%');
    expect(codes(a)).not.toContain('EXECUTED_MISMATCH_PAYMENTS');
  });
});

describe('dates in a 1904-system workbook', () => {
  // 2023-12-30 is serial 45290 in the 1900 system and 43828 in the 1904 system.
  it('serial 43828 is 2023-12-30 in a 1904 workbook, 2019-12-29 in a 1900 one', () => {
    expect(parseDate(43828, 1904)).toEqual({ ok: true, serial: 45290 });
    expect(parseDate(43828)).toEqual({ ok: true, serial: 43828 });
    // Text dates and 20231230 typed as a number are the same in both systems.
    expect(parseDate('2023-12-30', 1904)).toEqual({ ok: true, serial: 45290 });
    expect(parseDate(20231230, 1904)).toEqual({ ok: true, serial: 45290 });
  });

  it('a payment dated 2023-12-30 in a 1904 file counts in 2023; one dated 2024-01-02 does not', () => {
    const pays = paymentsSheet([
      [43828, 'V1', '甲', 30000],
      [43831, 'V2', '甲', 10000],
      ['2023-06-01', 'V3', '甲', 20000],
    ]);
    const funds = fundsSheet([['甲', 10]], ['项目名称', '全年预算数']);
    const a = run({ sheets: [funds, pays], dateSystem: 1904 });
    expect(a.results!.projects[0].rateText).toBe('50%');
    const out = issuesOf(a, 'PAYMENT_OUTSIDE_YEAR');
    expect(out.map((i) => i.cell)).toEqual(['支付明细!A3']);
    expect(out[0].message).toContain('2024-01-02');
    // Read as 1900 serials, both would fall in 2019: the rate would be 20%.
    expect(run({ sheets: [funds, pays] }).results!.projects[0].rateText).toBe('20%');
  });

  it('the fiscal year guessed from payment dates uses the date system too', () => {
    const funds = sheet('项目资金', [['项目名称', '全年预算数'], ['甲', 10]]);
    const a = run({ sheets: [funds, paymentsSheet([[43828 - 100, 'V1', '甲', 30000]])], dateSystem: 1904 });
    expect(a.period!.fiscalYear).toBe(2023);
    expect(a.results!.projects[0].rateText).toBe('30%');
  });
});
