/**
 * Payments (支付明细) summed into a project's 执行数: matched by code when both sides have one, else by
 * name; counted only inside the year and up to the as-of date; every payment left out named at its
 * cell with the reason. Funds in 万元 (rows from 4), payments in 元 (rows from 2).
 */
import { executedSourceCells } from '../../src/core';
import type { SheetSnapshot, SheetTable } from '../../src/core';
import { book, fundsSheet, paymentsSheet, sheet } from '../helpers/snap';
import { runAndWrite } from './rules-fixture';

const CODED = ['项目编码', '项目名称', '全年预算数'];
const PAY_CODED = ['支付日期', '支付凭证号', '预算项目编码', '预算项目名称', '支付金额(元)'];
const funds = fundsSheet([['A01', '网站运维', 10], ['A02', '宣传', 5]], CODED);
const issuesOf = (w: ReturnType<typeof runAndWrite>, code: string) => w.analysis.issues.filter((i) => i.code === code).map((i) => [i.cell, i.message]);

describe('matching a payment to its project', () => {
  it('by code over name; by name when the payment has no code; a clash of codes is not settled by the name', () => {
    const w = runAndWrite(
      book(
        funds,
        paymentsSheet(
          [
            ['2023-03-01', 'V1', 'A01', '宣传', 10000],
            ['2023-03-02', 'V2', '', '宣传', 20000],
            ['2023-03-03', 'V3', 'A07', '网站运维', 40000],
          ],
          PAY_CODED,
        ),
      ),
    );
    expect(w.analysis.results!.projects.map((p) => p.executed)).toEqual([1_000_000n, 2_000_000n]);
    expect(issuesOf(w, 'PAYMENT_UNKNOWN_PROJECT')).toEqual([
      ['支付明细!C4', '支付的项目编码“A07”与同名项目“网站运维”的编码“A01”不一致（项目资金!B4），该笔支付未计入。请核对编码。'],
    ]);
  });

  it('a payment naming no known project is named with what it says; one naming nothing asks for a code', () => {
    const w = runAndWrite(
      book(
        funds,
        paymentsSheet(
          [
            ['2023-03-01', 'V1', 'A09', '网站运营', 10000],
            ['2023-03-02', 'V2', '', '', 20000],
            ['2023-03-03', 'V3', 'A02', '', 30000],
          ],
          PAY_CODED,
        ),
      ),
    );
    expect(issuesOf(w, 'PAYMENT_UNKNOWN_PROJECT')).toEqual([['支付明细!C2', '支付的项目编码“A09”、名称“网站运营”在项目资金表中找不到，该笔支付未计入。请更正为资金表中的项目，或在资金表中补上该项目。']]);
    expect(issuesOf(w, 'MISSING_REQUIRED')).toEqual([['支付明细!C3', '此笔支付没有项目编码或项目名称，无法归入项目。请填写。']]);
    expect(w.analysis.results!.projects.map((p) => p.executed)).toEqual([0n, 3_000_000n]);
  });

  it('a project named twice takes its payments at the first row only', () => {
    const w = runAndWrite(book(fundsSheet([['网站运维', 10], ['网站运维', 5]], ['项目名称', '全年预算数']), paymentsSheet([['2023-03-01', 'V1', '网站运维', 10000]])));
    expect(w.analysis.results!.projects.map((p) => p.executed)).toEqual([1_000_000n, 0n]);
    expect(w.issues).toContain('DUPLICATE_PROJECT 项目资金!A5');
  });
});

describe('which payments count', () => {
  const dated = (rows: (string | number)[][], settings = {}) => runAndWrite(book(fundsSheet([['网站运维', 100]], ['项目名称', '全年预算数']), paymentsSheet(rows)), settings);

  it('1 January to 31 December count; the days either side are named and left out', () => {
    const w = dated([
      ['2022-12-31', 'V1', '网站运维', 1],
      ['2023-01-01', 'V2', '网站运维', 10],
      ['2023-12-31', 'V3', '网站运维', 100],
      ['2024-01-01', 'V4', '网站运维', 1000],
    ]);
    expect(w.analysis.results!.projects[0]).toMatchObject({ executed: 11_000n, paymentCount: 2 });
    expect(issuesOf(w, 'PAYMENT_OUTSIDE_YEAR')).toEqual([
      ['支付明细!A2', '支付日期 2022-12-31 不在2023年度内，该笔 1 元未计入执行数。请核对日期或年度。'],
      ['支付明细!A5', '支付日期 2024-01-01 不在2023年度内，该笔 1000 元未计入执行数。请核对日期或年度。'],
    ]);
  });

  it('during the year, up to and including the as-of date; a later payment is noted, not counted', () => {
    const w = dated(
      [
        ['2023-07-31', 'V1', '网站运维', 10],
        ['2023-08-01', 'V2', '网站运维', 100],
      ],
      { asOf: '2023-07-31' },
    );
    expect(w.analysis.results!.projects[0].executed).toBe(1_000n);
    expect(w.analysis.issues.filter((i) => i.code === 'PAYMENT_AFTER_AS_OF').map((i) => [i.cell, i.severity, i.message])).toEqual([
      ['支付明细!A3', 'info', '支付日期 2023-08-01 晚于截止日期2023年7月31日，未计入本期执行数。'],
    ]);
  });

  it('an empty date is counted and asked for; a formula error or an impossible date is not counted', () => {
    const w = dated([
      ['', 'V1', '网站运维', 10],
      ['#VALUE!', 'V2', '网站运维', 100],
      ['2023-02-29', 'V3', '网站运维', 1000],
    ]);
    expect(w.analysis.results!.projects[0].executed).toBe(1_000n);
    expect(w.analysis.issues.filter((i) => i.cell.startsWith('支付明细!A')).map((i) => `${i.severity} ${i.code} ${i.cell}`)).toEqual([
      'error FORMULA_ERROR 支付明细!A3',
      'error DATE_INVALID 支付明细!A4',
      'warning MISSING_REQUIRED 支付明细!A2',
    ]);
  });

  it('a payment without an amount is an error at its amount cell and adds nothing', () => {
    const w = dated([['2023-03-01', 'V1', '网站运维', ''], ['2023-03-02', 'V2', '网站运维', 10]]);
    expect(issuesOf(w, 'MISSING_REQUIRED')).toEqual([['支付明细!D2', '此笔支付没有金额，请填写支付金额或删除该行。']]);
    expect(w.analysis.results!.projects[0]).toMatchObject({ executed: 1_000n, paymentCount: 1 });
  });

  it('the header printed again inside the export, blank rows and a footnote are neither payments nor totals', () => {
    const w = dated([
      ['2023-03-01', 'V1', '网站运维', 10],
      ['支付日期', '支付凭证号', '预算项目名称', '支付金额(元)'],
      [],
      ['2023-03-02', 'V2', '网站运维', 20],
      ['注：数据来源于预算管理一体化系统', '', '', ''],
    ]);
    expect(executedSourceCells(w.analysis.model!, w.analysis.results!.projects[0])).toEqual(['支付明细!D2', '支付明细!D5']);
    expect(w.analysis.results!.projects[0].executed).toBe(3_000n);
    expect(w.analysis.issues.filter((i) => i.cell.startsWith('支付明细'))).toEqual([]);
  });
});

describe('the figure traced to its cells', () => {
  it('a sum of payments points at their amount cells, consecutive rows as one range', () => {
    const w = runAndWrite(
      book(
        fundsSheet([['网站运维', 10], ['宣传', 5]], ['项目名称', '全年预算数']),
        paymentsSheet([
          ['2023-03-01', 'V1', '网站运维', 10000],
          ['2023-03-02', 'V2', '网站运维', 20000],
          ['2023-03-03', 'V3', '宣传', 5000],
          ['2023-03-04', 'V4', '网站运维', 30000],
        ]),
      ),
    );
    const { model, results } = w.analysis;
    expect(results!.projects.map((p) => [p.executedSource, p.paymentCount, p.rateText])).toEqual([
      ['payments', 3, '60%'],
      ['payments', 1, '10%'],
    ]);
    expect(executedSourceCells(model!, results!.projects[0])).toEqual(['支付明细!D2:D3', '支付明细!D5']);
    expect(executedSourceCells(model!, results!.projects[1])).toEqual(['支付明细!D4']);
    expect(results!.total.executedCells).toEqual(['支付明细!D2:D5']);
  });

  it('a typed 执行数 points at its own cell', () => {
    const w = runAndWrite(book(fundsSheet([['网站运维', 10, 6]])));
    expect(executedSourceCells(w.analysis.model!, w.analysis.results!.projects[0])).toEqual(['项目资金!C4']);
    expect(w.analysis.results!.total.executedCells).toEqual(['项目资金!C4']);
    expect(w.analysis.results!.total.budgetCells).toEqual(['项目资金!B4']);
  });
});

/**
 * How each row of the 支付明细 table is read — a payment, a total, page furniture, or nothing — one
 * rule to a test (issue 16: the survivors of a mutation run over read-payments.ts).
 */
describe('reading the 支付明细 table row by row', () => {
  const FUNDS = fundsSheet([['网站运维', 10], ['宣传', 5]], ['项目名称', '全年预算数']);
  const executed = (w: ReturnType<typeof runAndWrite>) => w.analysis.results!.projects.map((p) => p.executed);
  const paymentRows = (w: ReturnType<typeof runAndWrite>) => w.analysis.model!.payments.map((p) => p.row + 1);
  const issuesAt = (w: ReturnType<typeof runAndWrite>, prefix = '支付明细!') => w.analysis.issues.filter((i) => i.cell.startsWith(prefix)).map((i) => `${i.code} ${i.cell} ${i.message}`);
  const withTables = (s: SheetSnapshot, ...tables: SheetTable[]): SheetSnapshot => Object.assign(s, { tables });
  const TWO = [['2023-03-01', 'V1', '网站运维', 50000], ['2023-04-01', 'V2', '宣传', 10000]];

  describe('an Excel table (ListObject) on the sheet', () => {
    it('its totals row, with no label, is a total checked against the payments above, not a payment', () => {
      const right = runAndWrite(book(FUNDS, withTables(paymentsSheet([...TWO, ['', '', '', 60000]]), { name: '表1', rect: { top: 0, left: 0, bottom: 3, right: 3 }, totalsRow: true })));
      expect(paymentRows(right)).toEqual([2, 3]);
      expect(issuesAt(right)).toEqual([]);
      expect(executed(right)).toEqual([5_000_000n, 1_000_000n]);
      const wrong = runAndWrite(book(FUNDS, withTables(paymentsSheet([...TWO, ['', '', '', 70000]]), { name: '表1', rect: { top: 0, left: 0, bottom: 3, right: 3 }, totalsRow: true })));
      expect(issuesAt(wrong)).toEqual(['TOTAL_ROW_MISMATCH 支付明细!D4 支付明细合计行金额 70000 元与上方各笔之和 60000 元不符。请核对合计公式或范围。']);
    });

    it('a table without a totals row ends on a payment', () => {
      const w = runAndWrite(book(FUNDS, withTables(paymentsSheet(TWO), { name: '表1', rect: { top: 0, left: 0, bottom: 2, right: 3 }, totalsRow: false })));
      expect(paymentRows(w)).toEqual([2, 3]);
      expect(executed(w)).toEqual([5_000_000n, 1_000_000n]);
      expect(issuesAt(w)).toEqual([]);
    });

    it('a table with a totals row beside the payments, right or left, leaves the payment on that row a payment', () => {
      const rightSide = paymentsSheet(TWO.map((r) => [...r, '', r === TWO[1] ? 3 : 1, 2]), ['支付日期', '支付凭证号', '预算项目名称', '支付金额(元)', '', '部门', '人数']);
      const r = runAndWrite(book(FUNDS, withTables(rightSide, { name: '人员', rect: { top: 0, left: 5, bottom: 2, right: 6 }, totalsRow: true })));
      expect(paymentRows(r)).toEqual([2, 3]);
      expect(executed(r)).toEqual([5_000_000n, 1_000_000n]);
      const leftSide = paymentsSheet(TWO.map((r) => [r === TWO[1] ? 3 : 1, '', ...r]), ['人数', '', '支付日期', '支付凭证号', '预算项目名称', '支付金额(元)']);
      const l = runAndWrite(book(FUNDS, withTables(leftSide, { name: '人员', rect: { top: 0, left: 0, bottom: 2, right: 0 }, totalsRow: true })));
      expect(paymentRows(l)).toEqual([2, 3]);
      expect(executed(l)).toEqual([5_000_000n, 1_000_000n]);
    });

    it('a table sharing only the payments table’s last column, or only its first, still makes its totals row a total', () => {
      const last = runAndWrite(book(FUNDS, withTables(paymentsSheet([...TWO, ['', '', '', 70000]]), { name: '金额', rect: { top: 0, left: 3, bottom: 3, right: 3 }, totalsRow: true })));
      expect(paymentRows(last)).toEqual([2, 3]);
      expect(issuesAt(last)).toEqual(['TOTAL_ROW_MISMATCH 支付明细!D4 支付明细合计行金额 70000 元与上方各笔之和 60000 元不符。请核对合计公式或范围。']);
      // The payments from column B; the Excel table is A:B.
      const first = runAndWrite(book(FUNDS, withTables(paymentsSheet([...TWO, ['', '', '', 70000]].map((r) => ['', ...r]), ['', '支付日期', '支付凭证号', '预算项目名称', '支付金额(元)']), { name: '日期', rect: { top: 0, left: 0, bottom: 3, right: 1 }, totalsRow: true })));
      expect(paymentRows(first)).toEqual([2, 3]);
      expect(issuesAt(first)).toEqual(['TOTAL_ROW_MISMATCH 支付明细!E4 支付明细合计行金额 70000 元与上方各笔之和 60000 元不符。请核对合计公式或范围。']);
    });
  });

  it('a table that starts below and right of A1 (B3): every cell read from its own place, named at its own address', () => {
    const s = sheet(
      '支付明细',
      [
        ['支付日期', '支付凭证号', '预算项目名称', '支付金额(元)'],
        ['2023-03-01', 'V1', '网站运维', 50000],
        ['2023-03-02', 'V2', '宣传', ''],
        ['', '', '', ''],
        ['2023-03-03', 'V3', '', ''],
        ['2023-03-04', 'V4', '宣传', 10000],
      ],
      { top: 2, left: 1 },
    );
    const w = runAndWrite(book(FUNDS, s));
    expect(paymentRows(w)).toEqual([4, 5, 7, 8]);
    expect(executed(w)).toEqual([5_000_000n, 1_000_000n]);
    expect(issuesAt(w)).toEqual([
      'MISSING_REQUIRED 支付明细!E5 此笔支付没有金额，请填写支付金额或删除该行。',
      'MISSING_REQUIRED 支付明细!E7 此笔支付没有金额，请填写支付金额或删除该行。',
      'MISSING_REQUIRED 支付明细!D7 此笔支付没有项目编码或项目名称，无法归入项目。请填写。',
    ]);
  });

  it('a row blank in the table’s columns is skipped though its 校验提示 still holds the last run’s note', () => {
    const w = runAndWrite(
      book(FUNDS, paymentsSheet([TWO[0], ['', '', '', '', '此笔支付没有金额'], TWO[1]], ['支付日期', '支付凭证号', '预算项目名称', '支付金额(元)', '校验提示'])),
    );
    expect(paymentRows(w)).toEqual([2, 4]);
    expect(issuesAt(w)).toEqual([]);
  });

  it('a row holding only a voucher and an amount (its other cells missing, as a file’s sparse rows are) is a payment that names no project', () => {
    const w = runAndWrite(book(FUNDS, paymentsSheet([TWO[0], [null, 'V9', null, 500]])));
    expect(paymentRows(w)).toEqual([2, 3]);
    expect(issuesAt(w)).toEqual(['MISSING_REQUIRED 支付明细!C3 此笔支付没有项目编码或项目名称，无法归入项目。请填写。', 'MISSING_REQUIRED 支付明细!A3 支付日期为空，无法判断是否属于本年度，已按本年度计入。请补填日期。']);
  });

  describe('labels that look like totals', () => {
    it('a project whose name holds 计 (会计核算) is paid, not a total', () => {
      const w = runAndWrite(book(fundsSheet([['会计核算系统运维', 10]], ['项目名称', '全年预算数']), paymentsSheet([['2023-03-01', 'V1', '会计核算系统运维', 50000]])));
      expect(paymentRows(w)).toEqual([2]);
      expect(executed(w)).toEqual([5_000_000n]);
    });

    it('a label ending in 合计 is a total up to 20 characters; at 21 it is a payment naming an unknown project', () => {
      const twenty = `上级资金${'甲'.repeat(14)}合计`;
      const twentyOne = `上级资金${'甲'.repeat(15)}合计`;
      const w = runAndWrite(book(FUNDS, paymentsSheet([...TWO, ['', '', twenty, 70000], ['2023-05-01', 'V3', twentyOne, 100]])));
      expect(paymentRows(w)).toEqual([2, 3, 5]);
      expect(issuesAt(w)).toEqual([
        `PAYMENT_UNKNOWN_PROJECT 支付明细!C5 支付的项目名称“${twentyOne}”在项目资金表中找不到，该笔支付未计入。请更正为资金表中的项目，或在资金表中补上该项目。`,
        'TOTAL_ROW_MISMATCH 支付明细!D4 支付明细合计行金额 70000 元与上方各笔之和 60000 元不符。请核对合计公式或范围。',
      ]);
    });

    it('汇总, TOTAL and a total in full-width letters (ＴＯＴＡＬ) are totals, not payments with no project', () => {
      const w = runAndWrite(book(FUNDS, paymentsSheet([...TWO, ['汇总', '', '', 60000], ['TOTAL', '', '', 60000], ['ＴＯＴＡＬ', '', '', 70000]])));
      expect(paymentRows(w)).toEqual([2, 3]);
      expect(issuesAt(w)).toEqual(['TOTAL_ROW_MISMATCH 支付明细!D6 支付明细合计行金额 70000 元与上方各笔之和 60000 元不符。请核对合计公式或范围。']);
    });

    it('a page number printed with full-width dashes (－２－) is page furniture, not a payment', () => {
      const w = runAndWrite(book(FUNDS, paymentsSheet([TWO[0], ['－ ２ －', '', '', ''], TWO[1]])));
      expect(paymentRows(w)).toEqual([2, 4]);
      expect(issuesAt(w)).toEqual([]);
    });
  });

  describe('a total whose amount is a formula with no computed value', () => {
    it('a 合计 is named as not checked, not as a payment left out', () => {
      const s = paymentsSheet([...TWO, ['合计', '', '', null]]);
      s.uncalculated = [{ row: 3, col: 3 }];
      const w = runAndWrite(book(FUNDS, s));
      expect(paymentRows(w)).toEqual([2, 3]);
      expect(w.analysis.issues.filter((i) => i.code.startsWith('TOTAL_') || i.code === 'FORMULA_NOT_CALCULATED').map((i) => [i.code, i.cell, i.message, i.messageEn])).toEqual([
        [
          'FORMULA_NOT_CALCULATED',
          '支付明细!D4',
          '支付金额单元格 支付明细!D4 是没有计算结果的公式（文件保存时未经 Excel 计算，常见于系统导出或程序生成的文件），不能按0读取。合计行 D4 未核对。请在 Excel 中打开并保存一次后重试。',
          'The payment amount cells 支付明细!D4 are formulas with no computed value (the file was saved without Excel calculating it, as exports and generated files often are); they cannot be read as 0. The total rows D4 are not checked. Open the file in Excel, save it once, and try again.',
        ],
      ]);
      expect(executed(w)).toEqual([5_000_000n, 1_000_000n]);
    });

    it('a 本页合计 likewise', () => {
      const s = paymentsSheet([...TWO, ['本页合计', '', '', null]]);
      s.uncalculated = [{ row: 3, col: 3 }];
      const w = runAndWrite(book(FUNDS, s));
      expect(paymentRows(w)).toEqual([2, 3]);
      expect(w.analysis.issues.filter((i) => i.code.startsWith('TOTAL_') || i.code === 'FORMULA_NOT_CALCULATED').map((i) => [i.code, i.cell, i.message])).toEqual([
        ['FORMULA_NOT_CALCULATED', '支付明细!D4', '支付金额单元格 支付明细!D4 是没有计算结果的公式（文件保存时未经 Excel 计算，常见于系统导出或程序生成的文件），不能按0读取。合计行 D4 未核对。请在 Excel 中打开并保存一次后重试。'],
      ]);
    });
  });

  describe('totals above, below and under each other', () => {
    it('a 合计 at the top covers the payments down to the next total, not a late entry under that total', () => {
      const late = (top: number) => issuesAt(runAndWrite(book(FUNDS, paymentsSheet([['合计', '', '', top], TWO[0], ['合计', '', '', 50000], TWO[1]]))));
      expect(late(50000)).toEqual([]);
      expect(late(60000)).toEqual(['TOTAL_ROW_MISMATCH 支付明细!D2 支付明细合计行金额 60000 元与下方各笔之和 50000 元不符。请核对合计公式或范围。']);
    });

    it('a 合计 at the top and another at the bottom: each checked against all the payments', () => {
      expect(issuesAt(runAndWrite(book(FUNDS, paymentsSheet([['合计', '', '', 60000], ...TWO, ['合计', '', '', 60000]]))))).toEqual([]);
      expect(issuesAt(runAndWrite(book(FUNDS, paymentsSheet([['合计', '', '', 70000], ...TWO, ['合计', '', '', 60000]]))))).toEqual([
        'TOTAL_ROW_MISMATCH 支付明细!D2 支付明细合计行金额 70000 元与下方各笔之和 60000 元不符。请核对合计公式或范围。',
      ]);
    });

    it('本月合计 then 本年累计 every month: each 本年累计 covers the year so far, not the next month', () => {
      const w = runAndWrite(
        book(
          FUNDS,
          paymentsSheet([
            TWO[0],
            ['本月合计', '', '', 50000],
            ['本年累计', '', '', 50000],
            TWO[1],
            ['本月合计', '', '', 10000],
            ['本年累计', '', '', 60000],
          ]),
        ),
      );
      expect(issuesAt(w)).toEqual([]);
      expect(executed(w)).toEqual([5_000_000n, 1_000_000n]);
      const wrong = runAndWrite(book(FUNDS, paymentsSheet([TWO[0], ['本月合计', '', '', 50000], ['本年累计', '', '', 10000], TWO[1], ['本月合计', '', '', 10000], ['本年累计', '', '', 60000]])));
      expect(issuesAt(wrong)).toEqual(['TOTAL_ROW_MISMATCH 支付明细!D4 支付明细合计行金额 10000 元与上方各笔之和 50000 元不符。请核对合计公式或范围。']);
    });

    it('本页合计 then 累计 on every page: each 累计 covers every page so far, each 本页合计 its own page', () => {
      const pages = (running: number) =>
        runAndWrite(book(FUNDS, paymentsSheet([TWO[0], ['本页合计', '', '', 50000], ['累计', '', '', 50000], ['第1页', '', '', ''], TWO[1], ['本页合计', '', '', 10000], ['累计', '', '', running], ['第2页', '', '', '']])));
      expect(issuesAt(pages(60000))).toEqual([]);
      expect(issuesAt(pages(10000))).toEqual(['TOTAL_ROW_MISMATCH 支付明细!D8 支付明细合计行金额 10000 元与上方各笔之和 60000 元不符。请核对合计公式或范围。']);
      expect(executed(pages(60000))).toEqual([5_000_000n, 1_000_000n]);
    });

    it('本月累计 is the month’s own sum (as 本月合计), 本年累计 the year’s so far', () => {
      const months = (second: number) =>
        runAndWrite(book(FUNDS, paymentsSheet([TWO[0], ['本月累计', '', '', 50000], ['本年累计', '', '', 50000], TWO[1], ['本月累计', '', '', second], ['本年累计', '', '', 60000]])));
      expect(issuesAt(months(10000))).toEqual([]);
      expect(issuesAt(months(60000))).toEqual(['TOTAL_ROW_MISMATCH 支付明细!D6 支付明细合计行金额 60000 元与上方各笔之和 10000 元不符。请核对合计公式或范围。']);
    });

    it('a 合计 placed first in a second section, under the first section’s 合计, covers the payments below it', () => {
      const w = runAndWrite(book(FUNDS, paymentsSheet([TWO[0], ['合计', '', '', 50000], ['合计', '', '', 15000], TWO[1], ['2023-04-02', 'V3', '宣传', 5000]])));
      expect(issuesAt(w)).toEqual([]);
      const wrong = runAndWrite(book(FUNDS, paymentsSheet([TWO[0], ['合计', '', '', 50000], ['合计', '', '', 65000], TWO[1], ['2023-04-02', 'V3', '宣传', 5000]])));
      expect(issuesAt(wrong)).toEqual(['TOTAL_ROW_MISMATCH 支付明细!D4 支付明细合计行金额 65000 元与下方各笔之和 15000 元不符。请核对合计公式或范围。']);
    });
  });

  describe('the cells of a payment', () => {
    it('an impossible date is “不存在”, an unreadable one “无法识别”, in both languages', () => {
      const w = runAndWrite(book(FUNDS, paymentsSheet([['2023-02-30', 'V1', '网站运维', 100], ['abc', 'V2', '网站运维', 100]])));
      expect(w.analysis.issues.filter((i) => i.code === 'DATE_INVALID').map((i) => [i.cell, i.message, i.messageEn])).toEqual([
        ['支付明细!A2', '支付日期“2023-02-30”不存在，该笔支付未计入。请更正日期。', 'The payment date "2023-02-30" does not exist; the payment is not counted. Correct the date.'],
        ['支付明细!A3', '支付日期“abc”无法识别，该笔支付未计入。请写成 2023-10-09 或 2023年10月9日 的形式。', 'The payment date "abc" cannot be read; the payment is not counted. Write it as 2023-10-09.'],
      ]);
      expect(executed(w)).toEqual([0n, 0n]);
    });

    it('a table with no date column asks for no dates and counts every payment', () => {
      const w = runAndWrite(book(FUNDS, paymentsSheet([['V1', '网站运维', 50000], ['V2', '宣传', 10000]], ['支付凭证号', '预算项目名称', '支付金额(元)'])));
      expect(issuesAt(w)).toEqual([]);
      expect(executed(w)).toEqual([5_000_000n, 1_000_000n]);
    });

    it('with no code column, a payment naming nothing is asked for a name at its name cell', () => {
      const w = runAndWrite(book(FUNDS, paymentsSheet([TWO[0], ['2023-03-02', 'V2', '', 20000]])));
      expect(issuesAt(w)).toEqual(['MISSING_REQUIRED 支付明细!C3 此笔支付没有项目编码或项目名称，无法归入项目。请填写。']);
    });

    it('a project code typed as a number matches; one of 16 digits is warned about once, at the first payment’s code cell', () => {
      const coded = fundsSheet([[2023001, '网站运维', 10], ['1234567890123456', '宣传', 5]], CODED);
      const w = runAndWrite(
        book(coded, paymentsSheet([['2023-03-01', 'V1', 2023001, '', 50000], ['2023-03-02', 'V2', 1234567890123456, '', 10000], ['2023-03-03', 'V3', 1234567890123456, '', 10000]], PAY_CODED)),
      );
      expect(executed(w)[0]).toBe(5_000_000n);
      expect(w.analysis.issues.filter((i) => i.code === 'CODE_AS_NUMBER' && i.cell.startsWith('支付明细')).map((i) => [i.cell, i.message, i.messageEn])).toEqual([
        [
          '支付明细!C3',
          '项目编码以数字保存（1234567890123456），超过15位的数字在 Excel 中会丢失末位，可能与支付明细对不上。请把编码列设为“文本”格式后重新输入编码。',
          'The project code is stored as a number (1234567890123456); Excel keeps only 15 digits, so long codes lose their last digits and may not match the payments. Format the code column as Text and retype the codes.',
        ],
      ]);
    });

    it('the payee and the memo are read into the payment; blank ones are absent', () => {
      const w = runAndWrite(
        book(
          FUNDS,
          paymentsSheet(
            [['2023-03-01', 'V1', '网站运维', '某某科技有限公司', '服务器租用', 50000], ['2023-03-02', 'V2', '宣传', '', '', 10000]],
            ['支付日期', '支付凭证号', '预算项目名称', '收款人全称', '摘要', '支付金额(元)'],
          ),
        ),
      );
      expect(w.analysis.model!.payments.map((p) => [p.payee, p.memo])).toEqual([['某某科技有限公司', '服务器租用'], [undefined, undefined]]);
      expect(executed(w)).toEqual([5_000_000n, 1_000_000n]);
    });
  });
});
