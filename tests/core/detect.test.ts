import { detectTables } from '../../src/core';
import { book, codes, issuesOf, run, sheet } from '../helpers/snap';

describe('finding the funds and payments tables by their header words', () => {
  it('finds a funds table under a title and a note, whatever the sheet is called', () => {
    const s = sheet('Sheet3', [
      ['黔南州某局2023年预算执行情况'],
      ['注：本表据一体化系统导出'],
      ['', '单位：万元'],
      ['序号', '预算项目名称', '预算批复数', '实际支出数'],
      [1, '网站运维', 85.6, 85.6],
    ]);
    const d = detectTables(book(s));
    expect(d.funds).toMatchObject({ sheet: 'Sheet3', headerRow: 3, dataStart: 4, unit: 'wan', unitSource: 'title' });
    expect(d.funds!.columns).toMatchObject({ seq: 0, name: 1, budget: 2, executed: 3 });
  });

  it('reads a two-row header where a merged 其中 spans 财政拨款 / 上年结转 / 其他资金', () => {
    const s = sheet('预算表', [
      ['项目名称', '全年预算数', '其中', '', '', '执行数'],
      ['', '', '财政拨款', '上年结转', '其他资金', ''],
      ['网站运维', 10, 5, 5, 0, 10],
    ]);
    const d = detectTables(book(s));
    expect(d.funds).toMatchObject({ headerRows: 2, dataStart: 2 });
    expect(d.funds!.columns).toMatchObject({ name: 0, budget: 1, fiscal: 2, carryover: 3, other: 4, executed: 5 });
  });

  it('takes units from the header text: 支付金额(元), 预算数（万元）', () => {
    const d = detectTables(
      book(
        sheet('a', [['项目名称', '预算数（万元）', '执行数（万元）'], ['x', 1, 1]]),
        sheet('b', [['支付日期', '凭证号', '项目名称', '支付金额(元)'], ['2023-01-05', 'V1', 'x', 10000]]),
      ),
    );
    expect(d.funds).toMatchObject({ unit: 'wan', unitSource: 'header' });
    expect(d.payments).toMatchObject({ sheet: 'b', unit: 'yuan', unitSource: 'header' });
    expect(d.payments!.columns).toMatchObject({ date: 0, voucher: 1, name: 2, amount: 3 });
  });

  it('declares 金额单位：元 in a title cell and reads the budget in 元', () => {
    const a = run(book(sheet('表', [['金额单位：元'], ['项目名称', '预算数', '执行数'], ['x', 720000, 200000]])));
    expect(a.results!.projects[0].rateText).toBe('28%');
    expect(a.funds!.unitCell).toBe('表!A1');
  });

  it('says which unit it assumed when none is written', () => {
    const a = run(book(sheet('表', [['项目名称', '预算数', '执行数'], ['x', 72, 20]])));
    const i = issuesOf(a, 'UNIT_ASSUMED');
    expect(i).toHaveLength(1);
    expect(i[0].cell).toBe('表!A1');
    expect(i[0].message).toContain('万元');
  });

  it('finds a header in row 19 but not in row 25, and then says what it looked for', () => {
    const at = (row: number) => {
      const rows: (string | number)[][] = Array.from({ length: row - 1 }, () => ['']);
      rows[0] = ['说明'];
      rows.push(['项目名称', '全年预算数', '执行数'], ['x', 1, 1]);
      return book(sheet('表', rows));
    };
    expect(detectTables(at(19)).funds?.headerRow).toBe(18);
    const late = run(at(25));
    expect(late.ok).toBe(false);
    const nf = issuesOf(late, 'TABLE_NOT_FOUND')[0];
    expect(nf.message).toContain('前20行');
    expect(nf.message).toContain('项目名称');
    expect(nf.message).toContain('全年预算数');
    expect(nf.messageEn).toContain('first 20 rows');
  });

  it('prefers the visible table over a hidden copy, and ignores its own report sheet', () => {
    const rows = [['项目名称', '全年预算数', '执行数'], ['x', 1, 1]];
    const d = detectTables(book(sheet('去年', rows, { visibility: 'hidden' }), sheet('自评报告', rows), sheet('今年', rows)));
    expect(d.funds!.sheet).toBe('今年');
  });

  it('lets the user override the sheet, header row and columns (by letter)', () => {
    const s = sheet('表', [
      ['名称', '金额一', '金额二'],
      ['网站运维', 10, 4],
    ]);
    expect(run(book(s)).ok).toBe(false);
    const a = run(book(s), { mapping: { funds: { sheet: '表', headerRow: 1, columns: { name: 'A', budget: 'B', executed: 'C' } } } });
    expect(a.ok).toBe(true);
    expect(a.funds!.overridden).toBe(true);
    expect(a.results!.projects[0].rateText).toBe('40%');
  });

  it('can unmap a detected column: executed then comes from the payments', () => {
    const a = run(
      book(
        sheet('表', [['项目名称', '全年预算数', '执行数'], ['网站运维', 10, 10]]),
        sheet('支付', [['支付日期', '项目名称', '支付金额(元)'], ['2023-03-01', '网站运维', 50000]]),
      ),
      { mapping: { funds: { columns: { executed: null } } } },
    );
    expect(a.results!.projects[0]).toMatchObject({ executedSource: 'payments', rateText: '50%' });
  });

  it('reports a mapping that names a missing sheet or a bad column letter', () => {
    const s = sheet('表', [['项目名称', '全年预算数', '执行数'], ['x', 1, 1]]);
    expect(issuesOf(run(book(s), { mapping: { funds: { sheet: '没有' } } }), 'MAPPING_INVALID')[0].message).toContain('没有');
    expect(issuesOf(run(book(s), { mapping: { funds: { columns: { budget: '第二列' } } } }), 'MAPPING_INVALID')).toHaveLength(1);
  });

  it('flags duplicated header columns and uses the first', () => {
    const a = run(book(sheet('表', [['项目名称', '全年预算数', '全年预算数', '执行数'], ['x', 10, 99, 5]])));
    expect(issuesOf(a, 'DUPLICATE_HEADER')[0].cell).toBe('表!C1');
    expect(a.results!.projects[0].rateText).toBe('50%');
  });

  it('keeps the synonyms apart: 年初预算数 is not the budget, 预算执行率 is the rate column', () => {
    const d = detectTables(book(sheet('表', [['项目名称', '年初预算数', '调整后预算数', '全年执行数', '预算执行率'], ['x', 1, 2, 1, '']])));
    expect(d.funds!.columns).toMatchObject({ initialBudget: 1, budget: 2, executed: 3, rate: 4 });
  });

  it('finds nothing in an empty workbook and says so', () => {
    const a = run(book(sheet('Sheet1', [])));
    expect(a.ok).toBe(false);
    expect(codes(a)).toContain('TABLE_NOT_FOUND');
  });
});
