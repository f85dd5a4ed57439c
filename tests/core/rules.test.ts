import { book, codes, fundsSheet, issuesOf, paymentsSheet, run, sheet } from '../helpers/snap';

// fundsSheet puts the title in row 1, 单位：万元 in row 2, the header in row 3: projects start in row 4.

describe('each check names the cell it concerns', () => {
  it('MISSING_REQUIRED: a project with no budget, and a row with amounts but no name', () => {
    const a = run(book(fundsSheet([['网站运维', '', 1], ['', 5, 5], ['宣传', 5, 5]])));
    const i = issuesOf(a, 'MISSING_REQUIRED');
    expect(i.map((x) => x.cell)).toEqual(['项目资金!B4', '项目资金!A5']);
    expect(i[0].message).toContain('没有填写全年预算数');
    // The rest of the workbook is still computed.
    expect(a.results!.projects[2].rateText).toBe('100%');
  });

  it('AMOUNT_NOT_NUMERIC: 待定 where an amount belongs, and the row gets no rate', () => {
    const a = run(book(fundsSheet([['网站运维', '待定', 1], ['宣传', 5, 5]])));
    const [i] = issuesOf(a, 'AMOUNT_NOT_NUMERIC');
    expect(i.cell).toBe('项目资金!B4');
    expect(i.message).toContain('待定');
    expect(i.severity).toBe('error');
    expect(a.results!.projects[0].rateText).toBe('—');
    expect(a.results!.projects[1].rateText).toBe('100%');
  });

  it('FORMULA_ERROR: #DIV/0! in an amount cell', () => {
    const a = run(book(fundsSheet([['网站运维', 10, '#DIV/0!']])));
    expect(issuesOf(a, 'FORMULA_ERROR')[0].cell).toBe('项目资金!C4');
    expect(a.results!.projects[0].executed).toBeUndefined();
  });

  it('NEGATIVE_AMOUNT: a negative budget is an error, a negative payment a warning', () => {
    const a = run(
      book(
        fundsSheet([['网站运维', -10, ''], ['宣传', 5, '']]),
        paymentsSheet([['2023-03-01', 'V1', '宣传', -500]]),
      ),
    );
    const i = issuesOf(a, 'NEGATIVE_AMOUNT');
    expect(i.map((x) => [x.cell, x.severity])).toEqual([
      ['项目资金!B4', 'error'],
      ['支付明细!D2', 'warning'],
    ]);
  });

  it('FUNDS_SOURCE_SUM_MISMATCH: 财政拨款 5 + 其他资金 0 ≠ 预算数 9.8, named at the budget cell', () => {
    const a = run(
      book(
        fundsSheet(
          [
            ['州委大楼网络运维外包服务经费', 9.8, 5, 0, 0, 9.8],
            ['宣传', 5, 5, 0, 0.004, 5],
          ],
          ['项目名称', '全年预算数', '财政拨款', '上年结转', '其他资金', '执行数'],
        ),
      ),
    );
    const i = issuesOf(a, 'FUNDS_SOURCE_SUM_MISMATCH');
    expect(i).toHaveLength(1);
    expect(i[0].cell).toBe('项目资金!B4');
    expect(i[0].message).toContain('相差4.8万元');
  });

  it('DUPLICATE_PROJECT: the same name twice (spaces and full-width ignored)', () => {
    const a = run(book(fundsSheet([['网站运维', 10, 10], ['网站 运维', 5, 5]])));
    const [i] = issuesOf(a, 'DUPLICATE_PROJECT');
    expect(i.cell).toBe('项目资金!A5');
    expect(i.message).toContain('项目资金!A4');
  });

  it('EXECUTED_EXCEEDS_BUDGET: 执行数 above 全年预算数', () => {
    const a = run(book(fundsSheet([['网站运维', 10, 12]])));
    const [i] = issuesOf(a, 'EXECUTED_EXCEEDS_BUDGET');
    expect(i.cell).toBe('项目资金!C4');
    expect(i.message).toContain('超出2万元');
  });

  it('EXECUTED_MISMATCH_PAYMENTS: typed 执行数 differs from the payments by more than 0.01 万元', () => {
    const a = run(
      book(
        fundsSheet([['网站运维', 10, 10], ['宣传', 5, 5]]),
        paymentsSheet([
          ['2023-03-01', 'V1', '网站运维', 60000],
          ['2023-04-01', 'V2', '网站运维', 39950],
          ['2023-04-01', 'V3', '宣传', 49999],
        ]),
      ),
    );
    const i = issuesOf(a, 'EXECUTED_MISMATCH_PAYMENTS');
    // 宣传 is off by 1 元 (within 0.01 万元); 网站运维 by 50 元 ... also within: nothing flagged.
    expect(i).toHaveLength(0);
    const b = run(
      book(fundsSheet([['网站运维', 10, 10]]), paymentsSheet([['2023-03-01', 'V1', '网站运维', 60000]])),
    );
    const [j] = issuesOf(b, 'EXECUTED_MISMATCH_PAYMENTS');
    expect(j.cell).toBe('项目资金!C4');
    expect(j.message).toContain('相差4万元');
    // The typed 执行数 stays the project's executed amount.
    expect(b.results!.projects[0].rateText).toBe('100%');
  });

  it('TOTAL_ROW_MISMATCH: a 小计 that does not equal its rows; totals are never counted as projects', () => {
    const a = run(book(fundsSheet([['网站运维', 10, 10], ['宣传', 5, 5], ['小计', 16, 15], [], ['培训', 2, 1], ['合计', 17, 16]])));
    expect(a.model!.projects.map((p) => p.name)).toEqual(['网站运维', '宣传', '培训']);
    const i = issuesOf(a, 'TOTAL_ROW_MISMATCH');
    expect(i.map((x) => x.cell)).toEqual(['项目资金!B6']);
    expect(i[0].message).toContain('2个项目');
  });

  it('PAYMENT_UNKNOWN_PROJECT: a payment for a project not in the funds table', () => {
    const a = run(book(fundsSheet([['网站运维', 10, '']], ['项目名称', '全年预算数', '执行数']), paymentsSheet([['2023-03-01', 'V1', '网站运营', 1000], ['2023-03-02', 'V2', '网站运维', 2000]])));
    const [i] = issuesOf(a, 'PAYMENT_UNKNOWN_PROJECT');
    expect(i.cell).toBe('支付明细!C2');
    expect(i.message).toContain('网站运营');
    expect(a.results!.projects[0].executed).toBe(200_000n);
  });

  it('matches payments by code when both sides have one, else by name (full-width and spaces unified)', () => {
    const a = run(
      book(
        fundsSheet([['A01', '网站运维', 10], ['A02', '宣传', 5]], ['项目编码', '项目名称', '全年预算数']),
        paymentsSheet(
          [
            ['2023-03-01', 'V1', 'A01', '名称写错了', 10000],
            ['2023-03-02', 'V2', '', '宣　传', 20000],
            ['2023-03-03', 'V3', 'A09', '网站运维', 30000],
          ],
          ['支付日期', '支付凭证号', '预算项目编码', '预算项目名称', '支付金额(元)'],
        ),
      ),
    );
    expect(a.results!.projects.map((p) => p.executed)).toEqual([1_000_000n, 2_000_000n]);
    const [i] = issuesOf(a, 'PAYMENT_UNKNOWN_PROJECT');
    expect(i.cell).toBe('支付明细!C4');
    expect(i.message).toContain('A09');
  });

  it('PAYMENT_OUTSIDE_YEAR: a payment dated 2022-12-31 in a 2023 workbook is flagged at 支付明细!A3', () => {
    const a = run(book(fundsSheet([['网站运维', 10, '']]), paymentsSheet([['2023-03-01', 'V1', '网站运维', 1000], ['2022-12-31', 'V2', '网站运维', 5000]])));
    const [i] = issuesOf(a, 'PAYMENT_OUTSIDE_YEAR');
    expect(i.cell).toBe('支付明细!A3');
    expect(a.results!.projects[0].executed).toBe(100_000n);
  });

  it('DATE_INVALID: 2023-02-30 and garbage are not counted', () => {
    const a = run(book(fundsSheet([['网站运维', 10, '']]), paymentsSheet([['2023-02-30', 'V1', '网站运维', 1000], ['上周', 'V2', '网站运维', 1000], ['2023-05-05', 'V3', '网站运维', 1000]])));
    expect(issuesOf(a, 'DATE_INVALID').map((i) => i.cell)).toEqual(['支付明细!A2', '支付明细!A3']);
    expect(a.results!.projects[0].executed).toBe(100_000n);
  });

  it('DUPLICATE_VOUCHER: the second use of a voucher number, naming the first', () => {
    const a = run(book(fundsSheet([['网站运维', 10, '']]), paymentsSheet([['2023-03-01', 'ZF001', '网站运维', 1000], ['2023-03-02', 'ZF002', '网站运维', 1000], ['2023-03-03', 'ZF001', '网站运维', 1000]])));
    const [i] = issuesOf(a, 'DUPLICATE_VOUCHER');
    expect(i.cell).toBe('支付明细!B4');
    expect(i.message).toContain('支付明细!B2');
  });

  it('RATE_ROUNDS_TO_FULL: 29.99 ÷ 30 prints as 100% with money unspent (info)', () => {
    const a = run(book(fundsSheet([['数字中台', 30, 29.99]])));
    const [i] = issuesOf(a, 'RATE_ROUNDS_TO_FULL');
    expect(i).toMatchObject({ severity: 'info', cell: '项目资金!A4' });
    expect(i.message).toContain('99.97%');
    expect(a.results!.projects[0].rateText).toBe('100%');
    // With two decimals it no longer rounds to full.
    expect(codes(run(book(fundsSheet([['数字中台', 30, 29.99]])), { rateDisplay: 'two-decimals' }))).not.toContain('RATE_ROUNDS_TO_FULL');
  });

  it('REASON_MISSING: a rate under 90% with no 未完成原因 asks for one at the reason cell', () => {
    const header = ['项目名称', '全年预算数', '执行数', '未完成原因'];
    const a = run(book(fundsSheet([['省专项', 72, 20, ''], ['省专项二', 138, 124.2, ''], ['有原因', 10, 1, '合同未签订']], header)));
    expect(issuesOf(a, 'REASON_MISSING').map((i) => i.cell)).toEqual(['项目资金!D4']);
  });

  it('ZERO_BUDGET: a 0 budget gets no rate and a note', () => {
    const a = run(book(fundsSheet([['预留', 0, 0]])));
    expect(issuesOf(a, 'ZERO_BUDGET')[0].cell).toBe('项目资金!B4');
    expect(a.results!.projects[0].rateText).toBe('—');
  });

  it('every issue carries an English message too', () => {
    const a = run(book(fundsSheet([['网站运维', '待定', 1], ['网站运维', 5, 9]])));
    for (const i of a.issues) expect(i.messageEn).toMatch(/[A-Za-z]{3,}/);
  });

  it('a bad cell never stops the run: every other project is still computed', () => {
    const a = run(book(sheet('表', [['项目名称', '全年预算数', '执行数'], ['a', '#REF!', 1], ['b', 'x', 'y'], ['c', 4, 1], ['d', 8, '#N/A'], ['e', 10, 5]])));
    expect(a.results!.projects.map((p) => p.rateText)).toEqual(['—', '—', '25%', '—', '50%']);
    expect(a.issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.cell}`)).toEqual([
      'FORMULA_ERROR 表!B2',
      'AMOUNT_NOT_NUMERIC 表!B3',
      'AMOUNT_NOT_NUMERIC 表!C3',
      'FORMULA_ERROR 表!C5',
    ]);
  });
});
