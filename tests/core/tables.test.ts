/**
 * Tables found as tables: a header over a contiguous block of columns with the rows under it. Two
 * tables side by side or stacked are two candidates; a visible sheet beats a hidden one; equally good
 * candidates are told apart by the year they name, or the user is asked — never a silent pick.
 */
import type { CellValue, SheetSnapshot } from '../../src/core';
import { detectTables, findTableCandidates } from '../../src/core';
import { book, codes, issuesOf, run, sheet } from '../helpers/snap';

const HEADER = ['序号', '项目名称', '全年预算数', '执行数'];
const THIS_YEAR: CellValue[][] = [
  [1, '网站运维', 85.6, 85.6],
  [2, '大数据宣传', 20, 10],
];
const LAST_YEAR: CellValue[][] = [
  [1, '旧网站运维', 100, 50],
  [2, '档案数字化', 200, 100],
  [3, '机房改造', 150, 75],
];

/** Two tables side by side: rows joined with `gap` blank columns between them. */
function beside(left: CellValue[][], right: CellValue[][], gap = 1): CellValue[][] {
  const width = Math.max(...left.map((r) => r.length));
  const rows = Math.max(left.length, right.length);
  return Array.from({ length: rows }, (_, i) => {
    const l = left[i] ?? [];
    return [...l, ...new Array<CellValue>(width - l.length + gap).fill(''), ...(right[i] ?? [])];
  });
}

const table = (year: number, rows: CellValue[][]): CellValue[][] => [[`${year}年项目支出预算执行情况表`], ['单位：万元'], HEADER, ...rows];

describe('two tables side by side', () => {
  const s = sheet('项目资金', beside(table(2023, THIS_YEAR), table(2022, LAST_YEAR)));

  it('are two candidates, each with only its own columns', () => {
    const found = findTableCandidates(book(s), 'funds');
    expect(found.map((c) => [c.left, c.right, c.dataEnd])).toEqual([
      [0, 3, 4],
      [5, 8, 5],
    ]);
    expect(found[1].columns).toEqual({ seq: 5, name: 6, budget: 7, executed: 8 });
  });

  it('with no year set, the later (2023) is used and a warning names the other and how to choose it', () => {
    const a = run(book(s));
    expect(a.funds!.range).toBe('项目资金!A3:D5');
    expect(a.model!.projects.map((p) => p.name)).toEqual(['网站运维', '大数据宣传']);
    expect(a.results!.total.budget).toBe(1_056_000n * 100n);
    const w = issuesOf(a, 'TABLE_CHOSEN_BY_YEAR');
    expect(w).toHaveLength(1);
    expect(w[0].severity).toBe('warning');
    expect(w[0].message).toContain('项目资金!F3:I6（2022年）未使用');
    expect(w[0].message).toContain(`--map '{"funds":{"sheet":"项目资金","range":"F3:I6"}}'`);
  });

  it('with the year set to 2022, the 2022 table wins — without a warning', () => {
    const a = run(book(s), { fiscalYear: 2022 });
    expect(a.funds!.range).toBe('项目资金!F3:I6');
    expect(a.model!.projects.map((p) => p.name)).toEqual(['旧网站运维', '档案数字化', '机房改造']);
    expect(codes(a)).not.toContain('TABLE_CHOSEN_BY_YEAR');
  });

  it('the as-of date names the year too', () => {
    expect(run(book(s), { asOf: '2022-06-30' }).funds!.range).toBe('项目资金!F3:I6');
  });

  it('the user picks last year’s table by its columns: {"range":"F:I"}', () => {
    const a = run(book(s), { mapping: { funds: { sheet: '项目资金', range: 'F:I' } } });
    expect(a.funds!.range).toBe('项目资金!F3:I6');
    expect(a.results!.total.budget).toBe(450n * 1_000_000n);
  });

  it('candidates are on the analysis for the mapping editor', () => {
    const a = run(book(s));
    expect(a.candidates.funds.map((c) => c.range)).toEqual(['项目资金!A3:D5', '项目资金!F3:I6']);
    expect(a.candidates.funds[0]).toBe(a.funds);
  });

  it('with no blank column between them, the repeated header words split the two', () => {
    const a = run(book(sheet('项目资金', beside(table(2023, THIS_YEAR), table(2022, LAST_YEAR), 0))));
    expect(a.funds!.range).toBe('项目资金!A3:D5');
    expect(a.candidates.funds.map((c) => c.range)).toEqual(['项目资金!A3:D5', '项目资金!E3:H6']);
    expect(codes(a)).not.toContain('DUPLICATE_HEADER');
  });

  it('a spacer column inside one table does not split it: 执行数 beyond a blank column stays the table’s', () => {
    const d = detectTables(book(sheet('表', [['项目名称', '全年预算数', '', '执行数'], ['网站运维', 10, '', 4]])));
    expect(d.funds!.columns).toEqual({ name: 0, budget: 1, executed: 3 });
  });
});

describe('two tables stacked', () => {
  const upper = Array.from({ length: 20 }, (_, i): CellValue[] => [i + 1, `今年项目${i + 1}`, 10, 5]);
  const rows = [...table(2023, upper), [null, '合计', 200, 100], [], ...table(2022, LAST_YEAR)];
  const s = sheet('项目资金', rows);

  it('the upper body ends before the lower one’s title; the lower one, below row 20, is a candidate', () => {
    const found = findTableCandidates(book(s), 'funds');
    expect(found.map((c) => [c.headerRow + 1, c.dataEnd + 1])).toEqual([
      [3, 24],
      [28, 31],
    ]);
    const a = run(book(s));
    expect(a.model!.projects).toHaveLength(20);
    expect(a.model!.projects.some((p) => /旧网站|档案|机房/.test(p.name))).toBe(false);
    expect(a.model!.totals.map((t) => t.label)).toEqual(['合计']);
    expect(codes(a)).not.toContain('TOTAL_ROW_MISMATCH');
  });

  it('the 2022 one is chosen with --year 2022', () => {
    const a = run(book(s), { fiscalYear: 2022 });
    expect(a.funds!.range).toBe('项目资金!A28:D31');
    expect(a.model!.projects.map((p) => p.name)).toEqual(['旧网站运维', '档案数字化', '机房改造']);
  });

  it('a funds table with the payments export stacked under it: each ends where the other begins', () => {
    const both = sheet('预算执行', [
      ['项目名称', '全年预算数'],
      ['网站运维', 10],
      [],
      ['支付明细'],
      ['支付日期', '支付凭证号', '预算项目名称', '支付金额(元)'],
      ['2023-03-01', 'V1', '网站运维', 40000],
    ]);
    const a = run(book(both));
    expect(a.funds!.dataEnd).toBe(1);
    expect(a.payments!.headerRow).toBe(4);
    expect(a.model!.projects.map((p) => p.name)).toEqual(['网站运维']);
    expect(a.results!.projects[0].rateText).toBe('40%');
  });
});

describe('visible sheets first', () => {
  it('the visible 2023 sheet is used although a hidden 2022 copy scores higher', () => {
    const rich = ['序号', '资金类别', '项目编码', '项目名称', '年初预算数', '全年预算数', '财政拨款', '执行数'];
    const a = run(
      book(
        sheet('2022备份', [['2022年项目表'], rich, [1, '州本级', 'B1', '备份项目', 500, 500, 500, 100]], { visibility: 'hidden' }),
        sheet('2021备份', [['2021年项目表'], rich, [1, '州本级', 'B2', '更早的备份', 900, 900, 900, 100]], { visibility: 'veryHidden' }),
        sheet('项目资金', [['2023年项目表'], ['项目名称', '预算数', '执行数'], ['网站运维', 10, 8]]),
      ),
    );
    expect(a.funds!.sheet).toBe('项目资金');
    expect(a.model!.projects.map((p) => p.name)).toEqual(['网站运维']);
  });

  it('a hidden sheet is still used when it is the only one with the table', () => {
    const a = run(book(sheet('封面', [['2023年预算执行']]), sheet('数据', [['项目名称', '预算数', '执行数'], ['网站运维', 10, 8]], { visibility: 'hidden' })));
    expect(a.funds!.sheet).toBe('数据');
  });
});

describe('equally good candidates', () => {
  const rows = table(2023, THIS_YEAR);

  it('two copies of the same 2023 table: not ok, TABLE_AMBIGUOUS names both and how to choose', () => {
    const a = run(book(sheet('项目资金', rows), sheet('项目资金 (2)', rows)));
    expect(a.ok).toBe(false);
    const e = issuesOf(a, 'TABLE_AMBIGUOUS');
    expect(e).toHaveLength(1);
    expect(e[0].severity).toBe('error');
    expect(e[0].message).toContain("项目资金!A3:D5（2023年）、'项目资金 (2)'!A3:D5（2023年）");
    expect(e[0].message).toContain('--map');
    expect(a.candidates.funds).toHaveLength(2);
  });

  it('the user’s sheet settles it', () => {
    const a = run(book(sheet('项目资金', rows), sheet('项目资金 (2)', rows)), { mapping: { funds: { sheet: '项目资金 (2)' } } });
    expect(a.ok).toBe(true);
    expect(a.funds!.sheet).toBe('项目资金 (2)');
  });

  it('tables naming no year: ambiguous, not the first in tab order', () => {
    const plain = [HEADER, ...THIS_YEAR];
    const a = run(book(sheet('甲', plain), sheet('乙', plain)));
    expect(a.ok).toBe(false);
    expect(codes(a)).toEqual(['TABLE_AMBIGUOUS']);
  });

  it('with --year 2024 and tables of 2023 and 2022: ambiguous, saying neither names 2024', () => {
    const a = run(book(sheet('项目资金', beside(table(2023, THIS_YEAR), table(2022, LAST_YEAR)))), { fiscalYear: 2024 });
    expect(a.ok).toBe(false);
    expect(issuesOf(a, 'TABLE_AMBIGUOUS')[0].message).toContain('都没有写明2024年');
  });

  it('two equally good payments tables stop the run too', () => {
    const pay = [['支付日期', '支付凭证号', '预算项目名称', '支付金额(元)'], ['2023-03-01', 'V1', '网站运维', 40000]];
    const a = run(book(sheet('项目资金', table(2023, THIS_YEAR)), sheet('支付1', pay), sheet('支付2', pay)));
    expect(a.ok).toBe(false);
    expect(issuesOf(a, 'TABLE_AMBIGUOUS')[0].message).toContain('支付明细表');
  });

  it('a richer table wins over a poorer one on the same sheet without any warning', () => {
    const a = run(book(sheet('项目资金', beside([['项目名称', '全年预算数', '执行数', '项目编码'], ['网站运维', 10, 8, 'P1']], [['项目名称', '预算数'], ['草稿', 5]]))));
    expect(a.funds!.range).toBe('项目资金!A1:D2');
    expect(codes(a)).not.toContain('TABLE_AMBIGUOUS');
  });
});

describe('the header printed again inside the body', () => {
  it('is skipped: no project named 项目名称, no payment named 预算项目名称', () => {
    const funds: CellValue[][] = [['2023年项目表'], ['单位：万元'], HEADER];
    const pays: CellValue[][] = [['支付日期', '支付凭证号', '预算项目名称', '支付金额(元)']];
    for (let i = 1; i <= 30; i++) {
      funds.push([i, `项目${i}`, 10, 5]);
      if (i % 10 === 0) funds.push(HEADER);
      pays.push(['2023-05-01', `V${i}`, `项目${i}`, 50000]);
      if (i % 10 === 0) pays.push(pays[0]);
    }
    const a = run(book(sheet('项目资金', funds), sheet('支付明细', pays)));
    expect(a.model!.projects).toHaveLength(30);
    expect(a.model!.projects.some((p) => p.name === '项目名称')).toBe(false);
    expect(a.model!.payments).toHaveLength(30);
    // The one printed after the last project is past the body's end: it is read as nothing either way.
    expect(a.model!.fundRows.filter((r) => r.kind === 'header-repeat').map((r) => r.row + 1)).toEqual([14, 25]);
    expect(codes(a)).not.toContain('PAYMENT_UNKNOWN_PROJECT');
    expect(codes(a)).not.toContain('MISSING_REQUIRED');
    expect(a.results!.total.rateText).toBe('50%');
  });

  it('a two-row header printed again is skipped as two rows', () => {
    const head = [
      ['项目名称', '全年预算数', '其中', '', '执行数'],
      ['', '', '财政拨款', '上年结转', ''],
    ];
    const a = run(book(sheet('表', [...head, ['甲', 10, 10, 0, 5], ...head, ['乙', 20, 10, 10, 20]])));
    expect(a.model!.projects.map((p) => p.name)).toEqual(['甲', '乙']);
    expect(a.model!.fundRows.filter((r) => r.kind === 'header-repeat')).toHaveLength(2);
  });

  it('the same header under a title is a new table, not a repeat', () => {
    const a = run(book(sheet('表', [['2023年'], HEADER, [1, '甲', 10, 5], ['2022年项目表'], HEADER, [1, '乙', 10, 10]])));
    expect(a.candidates.funds.map((c) => c.range)).toEqual(['表!A2:D3', '表!A5:D6']);
  });
});

describe('where a body ends', () => {
  it('a note far below the table after blank rows is no project; an info issue names it', () => {
    const rows: CellValue[][] = [HEADER, [1, '甲', 10, 5], [2, '乙', 10, 10]];
    for (let i = 0; i < 30; i++) rows.push([]);
    rows.push(['', '以上数据仅供内部核对']);
    const a = run(book(sheet('表', rows)));
    expect(a.model!.projects.map((p) => p.name)).toEqual(['甲', '乙']);
    expect(a.funds!.dataEnd).toBe(2);
    expect(issuesOf(a, 'CONTENT_OUTSIDE_TABLE')[0].cell).toBe('表!B34');
    expect(codes(a)).not.toContain('MISSING_REQUIRED');
  });

  it('projects after a blank gap still belong to the table', () => {
    const a = run(book(sheet('表', [HEADER, [1, '甲', 10, 5], [], [], [2, '乙', 10, 10]])));
    expect(a.model!.projects.map((p) => p.name)).toEqual(['甲', '乙']);
    expect(codes(a)).not.toContain('CONTENT_OUTSIDE_TABLE');
  });

  it('a note to the right of a project row, beyond a blank column, neither widens the table nor becomes a cell of it', () => {
    const a = run(book(sheet('表', [HEADER, [1, '甲', 10, 5, '', '', '张三3月核对'], [2, '乙', 10, 10]])));
    expect(a.funds!.right).toBe(3);
    // The appended 执行率 keeps clear of the note's column.
    expect(a.plan.columns.find((c) => c.field === 'rate')!.col).toBe(4);
    expect(a.plan.columns.every((c) => c.col !== 6)).toBe(true);
  });
});

describe('the user’s range', () => {
  const s = sheet('项目资金', beside(table(2023, THIS_YEAR), table(2022, LAST_YEAR)));

  it('accepts J3:Q40-style ranges, the header row being the range’s first', () => {
    const a = run(book(s), { mapping: { funds: { range: 'F3:I6' } } });
    expect(a.funds!.range).toBe('项目资金!F3:I6');
  });

  it('says clearly what is wrong with a range it cannot read', () => {
    for (const range of ['F-I', 'I:F', 'F3:I1', '第二个表']) {
      const a = run(book(s), { mapping: { funds: { sheet: '项目资金', range } } });
      expect(a.ok).toBe(false);
      const e = issuesOf(a, 'MAPPING_INVALID')[0];
      expect(e.message).toContain(`“${range}”无法识别`);
      expect(e.message).toContain('J:Q');
    }
  });

  it('refuses a header row outside the range, and a column outside it', () => {
    expect(issuesOf(run(book(s), { mapping: { funds: { range: 'F3:I6', headerRow: 9 } } }), 'MAPPING_INVALID')[0].message).toContain('不在范围');
    expect(issuesOf(run(book(s), { mapping: { funds: { range: 'F:I', columns: { executed: 'D' } } } }), 'MAPPING_INVALID')[0].message).toContain('超出了范围');
  });
});

describe('sparse snapshots', () => {
  /** A values array that counts every cell read, so a test can see the core never sweeps the whole grid. */
  function counted(sheetName: string, cells: [number, number, CellValue][]): { sheet: SheetSnapshot; reads: () => number } {
    let reads = 0;
    const rows: CellValue[][] = new Array(1_048_576);
    for (const [r, c, v] of cells) {
      rows[r] ??= [];
      rows[r][c] = v;
    }
    const wrapped = rows.map((row) =>
      row
        ? new Proxy(row, {
            get(target, key, receiver) {
              if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
              return Reflect.get(target, key, receiver);
            },
          })
        : row,
    );
    return { sheet: { name: sheetName, top: 0, left: 0, values: wrapped }, reads: () => reads };
  }

  it('a stray cell at XFD1048576 costs nothing: rows left out, rows of different lengths', () => {
    const cells: [number, number, CellValue][] = [
      [0, 0, '2023年项目表'],
      [2, 0, '项目名称'],
      [2, 1, '全年预算数'],
      [2, 2, '执行数'],
      [3, 0, '网站运维'],
      [3, 1, 10],
      [3, 2, 8],
      [4, 0, '大数据宣传'],
      [4, 1, 20],
      [4, 2, 5],
      [1_048_575, 16_383, '×'],
    ];
    const { sheet: s, reads } = counted('项目资金', cells);
    const a = run({ sheets: [s] });
    expect(a.results!.total.rateText).toBe('43%');
    expect(a.model!.projects).toHaveLength(2);
    // A full sweep would be 17 billion reads; a column scan to the last row is a million or so.
    expect(reads()).toBeLessThan(5_000_000);
  });
});

it('reads 单位：元 standing apart, right of the header row, as the table’s unit', () => {
  const a = run(book(sheet('表', [['项目名称', '全年预算数', '执行数', '', '', '单位：元'], ['甲', 720000, 200000]])));
  expect(a.funds!.unit).toBe('yuan');
  expect(a.funds!.unitCell).toBe('表!F1');
  expect(a.results!.projects[0].rateText).toBe('28%');
});

it('a page copied below the last — the same title and header again — is a repeat, not a second table', () => {
  const page = (rows: CellValue[][]): CellValue[][] => [['2023年项目支出预算执行情况表'], ['单位：万元'], HEADER, ...rows];
  const a = run(book(sheet('项目资金', [...page([[1, '甲', 10, 5], [2, '乙', 10, 10]]), [], ...page([[3, '丙', 20, 20]]), ['', '合计', 40, 35]])));
  expect(a.ok).toBe(true);
  expect(a.candidates.funds).toHaveLength(1);
  expect(a.model!.projects.map((p) => p.name)).toEqual(['甲', '乙', '丙']);
  expect(a.model!.fundRows.filter((r) => r.kind === 'header-repeat').map((r) => r.row + 1)).toEqual([7, 8, 9]);
  expect(codes(a)).not.toContain('TOTAL_ROW_MISMATCH');
  expect(codes(a)).not.toContain('MISSING_REQUIRED');
});

it('an export’s signature line (制单人：… 复核人：…) under the payments is neither a payment nor an error', () => {
  const a = run(
    book(
      sheet('项目资金', [['项目名称', '全年预算数'], ['甲', 10]]),
      sheet('支付明细', [['支付日期', '支付凭证号', '预算项目名称', '支付金额(元)'], ['2023-03-01', 'V1', '甲', 50000], [], ['制单人：张三', '复核人：李四']]),
    ),
  );
  expect(a.model!.payments).toHaveLength(1);
  expect(codes(a)).not.toContain('MISSING_REQUIRED');
  expect(a.results!.projects[0].rateText).toBe('50%');
});
