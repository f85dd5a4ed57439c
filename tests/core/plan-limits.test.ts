/**
 * What the engine writes fits Excel's rules: no cell over 32,767 characters, nothing written into a
 * merged area, an Excel table's totals row or another table's columns — and a second run writes
 * where the first did.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core';
import { EXCEL_CELL_MAX_CHARS, applyPlanToSnapshot, fitCellText } from '../../src/core';
import { book, fundsSheet, issuesOf, run, sheet, valueAt } from '../helpers/snap';

function written(snapshot: WorkbookSnapshot, settings = {}): { after: WorkbookSnapshot; a: ReturnType<typeof run> } {
  const a = run(snapshot, settings);
  return { a, after: applyPlanToSnapshot(snapshot, a.plan) };
}

describe('Excel’s 32,767 characters a cell', () => {
  it('fitCellText cuts with … and says where the full text is', () => {
    expect(fitCellText('短文本')).toBe('短文本');
    const cut = fitCellText('原'.repeat(40_000), '（未完成原因全文见项目资金!D4）');
    expect(cut).toHaveLength(EXCEL_CELL_MAX_CHARS);
    expect(cut.endsWith('…（未完成原因全文见项目资金!D4）')).toBe(true);
    // Never half a surrogate pair.
    const emoji = fitCellText('😀'.repeat(20_000));
    expect(emoji.length).toBeLessThanOrEqual(EXCEL_CELL_MAX_CHARS);
    expect(emoji.endsWith('😀…')).toBe(true);
  });

  it('a 偏差说明 quoting a 40,000-character 未完成原因 is cut to fit and points at the reason’s cell', () => {
    const reason = '设备到货延迟。'.repeat(6000).slice(0, 40_000);
    const s = fundsSheet([['网站运维', 10, 5, reason]], ['项目名称', '全年预算数', '执行数', '未完成原因']);
    const { a, after } = written(book(s));
    const noteCol = a.plan.columns.find((c) => c.field === 'note')!;
    const note = String(valueAt(after, `项目资金!${String.fromCharCode(65 + noteCol.col)}4`));
    expect(note.length).toBeLessThanOrEqual(EXCEL_CELL_MAX_CHARS);
    expect(note.startsWith('执行率50%，低于预算50个百分点；节余资金5万元。未完成原因：设备到货延迟。')).toBe(true);
    expect(note.endsWith('…（未完成原因全文见项目资金!D4）')).toBe(true);
    // The full text stays where the staff typed it; the report's note is whole.
    expect(valueAt(after, '项目资金!D4')).toBe(reason);
    expect(a.results!.projects[0].note.length).toBeGreaterThan(40_000);
  });
});

describe('merged cells', () => {
  it('an empty merged box right of the table: the appended columns go past it', () => {
    const s = sheet('项目资金', [['项目名称', '全年预算数', '执行数'], ['甲', 10, 5], ['乙', 20, 20], ['丙', 100, 60]]);
    s.merges = [{ top: 0, left: 3, bottom: 3, right: 4 }];
    const { a, after } = written(book(s));
    expect(a.plan.columns.map((c) => [c.field, c.col])).toEqual([
      ['rate', 5],
      ['note', 6],
      ['check', 7],
    ]);
    expect(valueAt(after, '项目资金!F1')).toBe('执行率');
    expect(valueAt(after, '项目资金!F2')).toBe(0.5);
    for (const cell of ['D1', 'D2', 'E2', 'E4']) expect(valueAt(after, `项目资金!${cell}`)).toBe('');
  });

  it('a merged cell in the table’s own 执行率 column is skipped and named in a warning; the other rows are written', () => {
    const s = sheet('项目资金', [['项目名称', '全年预算数', '执行数', '执行率', '偏差说明'], ['甲', 10, 5, '', ''], ['乙', 20, 20, '见说明', ''], ['丙', 100, 60, '', '']]);
    s.merges = [{ top: 2, left: 3, bottom: 2, right: 4 }];
    const { a, after } = written(book(s));
    expect(valueAt(after, '项目资金!D2')).toBe(0.5);
    expect(valueAt(after, '项目资金!D3')).toBe('见说明');
    expect(valueAt(after, '项目资金!D4')).toBe(0.6);
    const w = issuesOf(a, 'OUTPUT_CELL_MERGED');
    expect(w.map((i) => i.cell)).toEqual(['项目资金!D3', '项目资金!E3']);
    expect(w[0].severity).toBe('warning');
    expect(w[0].message).toContain('请取消合并后重新计算');
    expect(a.plan.blocks.some((b) => b.top <= 2 && b.top + b.values.length > 2 && b.left <= 4 && b.left >= 3)).toBe(false);
  });
});

describe('Excel tables (ListObjects)', () => {
  it('nothing is written into a table’s totals row', () => {
    const s = sheet('项目资金', [['项目名称', '全年预算数', '执行数', '执行率'], ['甲', 10, 5, ''], ['乙', 20, 20, ''], ['汇总', 30, 25, '']]);
    s.tables = [{ name: 'T', rect: { top: 0, left: 0, bottom: 3, right: 3 }, totalsRow: true }];
    const { a, after } = written(book(s));
    expect(valueAt(after, '项目资金!D2')).toBe(0.5);
    expect(valueAt(after, '项目资金!D4')).toBe('');
    expect(a.plan.blocks.filter((b) => b.left === 3).every((b) => b.top + b.values.length - 1 < 3)).toBe(true);
  });
});

describe('another table beside', () => {
  const tables = (gap: number): SheetSnapshot => {
    const left: CellValue[][] = [['2023年'], ['项目名称', '全年预算数', '执行数'], ['甲', 10, 5], ['乙', 20, 20]];
    const right: CellValue[][] = [['2022年'], ['项目名称', '全年预算数', '执行数'], ['旧甲', 10, 10], ['旧乙', 20, 10], ['旧丙', 5, 5]];
    return sheet(
      '项目资金',
      right.map((r, i) => [...(left[i] ?? ['', '', '']), ...new Array<CellValue>(3 - (left[i]?.length ?? 3) + gap).fill(''), ...r]),
    );
  };

  it('appended columns never land in, or right against, the other table; twice equals once', () => {
    for (const gap of [1, 3]) {
      const before = book(tables(gap));
      const { a, after } = written(before);
      const other = a.candidates.funds.find((c) => c !== a.funds)!;
      for (const c of a.plan.columns) expect(c.col < other.left - 1 || c.col > other.right + 1).toBe(true);
      // The other table is read as before, and a second run changes nothing.
      const again = run(after);
      expect(again.candidates.funds.map((c) => [c.left, c.right])).toEqual(a.candidates.funds.map((c) => [c.left, c.right === a.funds!.right ? again.funds!.right : c.right]));
      expect(again.model!.projects.map((p) => p.name)).toEqual(['甲', '乙']);
      expect(applyPlanToSnapshot(after, again.plan)).toEqual(after);
    }
  });

  it('what fits in the gap sits right after the chosen table; the rest goes past the other table, a column clear of it', () => {
    const { a } = written(book(tables(3)));
    // D and E are free; F touches the 2022 table (G:I), so 校验提示 goes to K.
    expect(a.plan.columns.map((c) => [c.field, c.col])).toEqual([
      ['rate', 3],
      ['note', 4],
      ['check', 10],
    ]);
  });
});

it('funds and payments side by side on one sheet: columns clear of both tables, found again on the next run', () => {
  const s = sheet('预算执行', [
    ['项目名称', '全年预算数', '', '', '支付日期', '支付凭证号', '预算项目名称', '支付金额(元)'],
    ['甲', 10, '', '', '2023-03-01', 'V1', '甲', 50000],
    ['乙', 20, '', '', '2023-04-01', 'V2', '乙', 200000],
    ['', '', '', '', '2023-05-01', 'V3', '丙', 1000],
  ]);
  const { a, after } = written(book(s));
  expect(a.results!.projects.map((r) => r.rateText)).toEqual(['50%', '100%']);
  const cols = a.plan.columns.map((c) => c.col);
  // 执行率 in C, the gap column D kept blank; the payments' 校验提示 right after it in I; the funds
  // table's 偏差说明 and 校验提示 past that, a column clear (K, L) — nothing in or against E:I.
  expect(a.plan.columns.map((c) => [c.field, c.col])).toEqual([
    ['rate', 2],
    ['note', 10],
    ['check', 11],
    ['check', 8],
  ]);
  const again = run(after);
  expect(again.plan.columns.map((c) => c.col)).toEqual(cols);
  expect(applyPlanToSnapshot(after, again.plan)).toEqual(after);
});
