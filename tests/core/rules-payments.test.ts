/**
 * Payments (支付明细) summed into a project's 执行数: matched by code when both sides have one, else by
 * name; counted only inside the year and up to the as-of date; every payment left out named at its
 * cell with the reason. Funds in 万元 (rows from 4), payments in 元 (rows from 2).
 */
import { executedSourceCells } from '../../src/core';
import { book, fundsSheet, paymentsSheet } from '../helpers/snap';
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
