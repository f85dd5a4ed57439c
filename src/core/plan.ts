/**
 * The write plan: plain data saying which cells get which values and formats. It only ever touches
 * the add-in's output columns (执行率, 偏差说明, 校验提示) — filled where the table has them,
 * appended after the last header column (in a column that is empty from header to last row) where
 * it has none — and the report sheet. Every run writes whole blocks, clearing stale values, so
 * applying a plan twice gives the same workbook as applying it once.
 */
import { address, cellRef, quoteSheetName } from './address';
import { fitCellText } from './cell-text';
import { Results } from './compute';
import { FundsTable, PaymentsTable, TableLocation } from './detect';
import { Issue } from './issues';
import { Model } from './model';
import { RateDisplay, ratioToNumber } from './rate';
import { CellRect, CellValue, SheetSnapshot, WorkbookSnapshot, cellAt, lastRow, rectsOverlap, rowAt } from './snapshot';
import { describeCells } from './uncalculated';

export type PlanValue = string | number;

export type OutputField = 'rate' | 'note' | 'check';

export interface PlanBlock {
  sheet: string;
  /** 0-based position of values[0][0]. */
  top: number;
  left: number;
  values: PlanValue[][];
  /** Excel number format for every cell of the block ('0%', '0.00%'); absent leaves formats alone. */
  numberFormat?: string;
  role: OutputField | 'header';
}

export interface OutputColumn {
  sheet: string;
  col: number;
  field: OutputField;
  header: string;
  /** True when the table had no such column and the plan adds one. */
  appended: boolean;
  /** For an appended column: its width in characters, and the table column whose look (borders, header fill) its cells borrow. */
  widthChars?: number;
  styleFromCol?: number;
}

export interface WritePlan {
  blocks: PlanBlock[];
  columns: OutputColumn[];
}

export const OUTPUT_HEADERS: Record<OutputField, string> = { rate: '执行率', note: '偏差说明', check: '校验提示' };

/** Widths (characters) of appended columns: a percentage, or a sentence that wraps. */
const OUTPUT_WIDTHS: Record<OutputField, number> = { rate: 10, note: 44, check: 44 };

export function rateFormat(display: RateDisplay): string {
  return display === 'whole' ? '0%' : '0.00%';
}

/** Truly empty: even a lone space a person typed is theirs, and an appended column must not cover it. */
function columnIsEmpty(sheet: SheetSnapshot, col: number, from: number, to: number): boolean {
  for (let r = from; r <= to; r++) {
    const v = cellAt(sheet, r, col);
    if (v !== null && v !== '') return false;
  }
  return true;
}

interface TableArea {
  columns: Partial<Record<string, number>>;
  headerRow: number;
  dataEnd: number;
  lastHeaderCol: number;
}

/** Cells a plan must not write on a sheet: inside merged areas, Excel tables' totals rows, other tables' blocks. */
interface Keepouts {
  merges: CellRect[];
  /** The totals rows of Excel tables (ListObjects): Excel's own cells. */
  totalsRows: CellRect[];
  /** Other tables on the sheet, widened by a column each side: a column written next to one would join it. */
  tables: CellRect[];
  listObjects: CellRect[];
}

function keepouts(sheet: SheetSnapshot, others: TableLocation[]): Keepouts {
  return {
    merges: (sheet.merges ?? []).filter((m) => m.top !== m.bottom || m.left !== m.right),
    totalsRows: (sheet.tables ?? []).filter((t) => t.totalsRow).map((t) => ({ top: t.rect.bottom, bottom: t.rect.bottom, left: t.rect.left, right: t.rect.right })),
    tables: others.filter((o) => o.sheet === sheet.name).map((o) => ({ top: o.headerRow, bottom: Math.max(o.dataEnd, o.headerRow + o.headerRows - 1), left: o.left - 1, right: o.right + 1 })),
    listObjects: (sheet.tables ?? []).map((t) => t.rect),
  };
}

/** Whether a whole column, over the table's rows, may take an appended output column. */
function columnFree(sheet: SheetSnapshot, col: number, top: number, bottom: number, k: Keepouts): boolean {
  const span = { top, bottom, left: col, right: col };
  if (k.tables.some((t) => rectsOverlap(t, span)) || k.merges.some((m) => rectsOverlap(m, span)) || k.listObjects.some((t) => rectsOverlap(t, span))) return false;
  // Empty down to the sheet's last row: a note typed below the table stays clear of our column too.
  return columnIsEmpty(sheet, col, top, Math.max(bottom, lastRow(sheet)));
}

/**
 * Choose the columns to write: the table's own output columns; else a column the add-in appended on
 * an earlier run (its header is ours, 执行率 …, and it stands outside every table); else the first
 * empty column right of the table that no merged area, Excel table or neighbouring table covers.
 */
function outputColumns(sheet: SheetSnapshot, table: TableArea, wanted: { field: OutputField; needed: boolean }[], k: Keepouts): OutputColumn[] {
  const out: OutputColumn[] = [];
  const top = table.headerRow;
  const bottom = Math.max(table.dataEnd, table.headerRow);
  const taken = new Set<number>();
  let next = table.lastHeaderCol + 1;
  const headerRow = rowAt(sheet, table.headerRow) ?? [];
  for (const { field, needed } of wanted) {
    const existing = table.columns[field];
    if (existing !== undefined) {
      out.push({ sheet: sheet.name, col: existing, field, header: OUTPUT_HEADERS[field], appended: false });
      continue;
    }
    if (!needed) continue;
    let earlier: number | undefined;
    for (let i = table.lastHeaderCol + 1 - sheet.left; i < headerRow.length; i++) {
      const col = sheet.left + i;
      const v = headerRow[i];
      if (typeof v === 'string' && v.trim() === OUTPUT_HEADERS[field] && !taken.has(col) && !k.tables.some((t) => rectsOverlap(t, { top, bottom, left: col, right: col }))) {
        earlier = col;
        break;
      }
    }
    if (earlier !== undefined) {
      taken.add(earlier);
      out.push({ sheet: sheet.name, col: earlier, field, header: OUTPUT_HEADERS[field], appended: false });
      continue;
    }
    while (taken.has(next) || !columnFree(sheet, next, top, bottom, k)) next++;
    taken.add(next);
    out.push({ sheet: sheet.name, col: next, field, header: OUTPUT_HEADERS[field], appended: true, widthChars: OUTPUT_WIDTHS[field], styleFromCol: table.lastHeaderCol });
    next++;
  }
  return out;
}

/**
 * Rows of an output column that must not be written: a cell inside a merged area (writing it would
 * split the area) or inside an Excel table's totals row. Merged cells are reported, grouped per column.
 */
function blockedRows(sheet: SheetSnapshot, c: OutputColumn, rows: number[], k: Keepouts, warnings: Issue[] | undefined): Set<number> {
  const blocked = new Set<number>();
  const merges = k.merges.filter((m) => m.left <= c.col && m.right >= c.col);
  const totals = k.totalsRows.filter((t) => t.left <= c.col && t.right >= c.col);
  if (!merges.length && !totals.length) return blocked;
  const merged: number[] = [];
  for (const r of rows) {
    if (merges.some((m) => r >= m.top && r <= m.bottom)) {
      blocked.add(r);
      merged.push(r);
    } else if (totals.some((t) => t.top === r)) blocked.add(r);
  }
  if (merged.length && warnings) {
    const cells = merged.map((r) => address(sheet.name, r, c.col));
    const list = describeCells(c.col, merged);
    warnings.push({
      code: 'OUTPUT_CELL_MERGED',
      severity: 'warning',
      cell: cells[0],
      cells,
      message: `${quoteSheetName(sheet.name)}!${list.zh} 是合并单元格的一部分，写入会拆开合并区域，已跳过，这些行的${OUTPUT_HEADERS[c.field]}未写入。请取消合并后重新计算。`,
      messageEn: `${quoteSheetName(sheet.name)}!${list.en} lie in merged areas; writing would split them, so they were skipped and these rows' ${c.field === 'rate' ? 'rates' : c.field === 'note' ? 'deviation notes' : 'check marks'} are not written. Unmerge them and recalculate.`,
    });
  }
  return blocked;
}

/** Consecutive rows grouped into runs, so blocks never cover a row the plan does not own. */
function runs(rows: number[]): number[][] {
  const out: number[][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === r - 1) last.push(r);
    else out.push([r]);
  }
  return out;
}

function columnBlocks(sheet: string, col: number, role: OutputField, rows: number[], valueOf: (row: number) => PlanValue, numberFormat?: string): PlanBlock[] {
  return runs(rows).map((run) => ({ sheet, top: run[0], left: col, values: run.map((r) => [valueOf(r)]), numberFormat, role }));
}

/** Issues grouped by sheet row, as the 校验提示 text of that row ("F12：…；H12：…"). */
function checkTexts(issues: Issue[], sheet: string, parse: (cell: string) => { sheet: string; row: number; col: number } | null): Map<number, string> {
  const byRow = new Map<number, string[]>();
  for (const i of issues) {
    for (const cell of i.cells ?? [i.cell]) {
      const a = parse(cell);
      if (!a || a.sheet !== sheet) continue;
      const list = byRow.get(a.row) ?? [];
      list.push(`${cellRef(a.row, a.col)}：${i.message}`);
      byRow.set(a.row, list);
    }
  }
  const out = new Map<number, string>();
  for (const [row, list] of byRow) out.set(row, fitCellText(list.join('；'), '（其余提示见问题列表）'));
  return out;
}

export interface PlanInput {
  model: Model;
  results: Results;
  issues: Issue[];
  funds: FundsTable;
  fundsSheet: SheetSnapshot;
  payments?: PaymentsTable;
  paymentsSheet?: SheetSnapshot;
  display: RateDisplay;
  parseAddress: (cell: string) => { sheet: string; row: number; col: number } | null;
  /** The workbook's other tables (of any kind): no output column is placed in or next to one. */
  otherTables?: TableLocation[];
  /** Receives a warning for each output column with cells it must skip (merged areas). */
  warnings?: Issue[];
}

export function buildPlan(input: PlanInput): WritePlan {
  const { model, results, issues, funds, fundsSheet, display } = input;
  const others = input.otherTables ?? [];
  const blocks: PlanBlock[] = [];
  const fundChecks = checkTexts(issues, funds.sheet, input.parseAddress);
  const owned = model.fundRows.filter((r) => r.kind === 'project' || r.kind === 'total');
  const ownedRows = owned.map((r) => r.row);
  const { payments, paymentsSheet } = input;
  const sameSheet = payments !== undefined && payments.sheet === funds.sheet;
  // The payments table's columns are chosen first: on a sheet holding both tables, the funds table's
  // appended columns then keep clear of them (a column next to a table would join it on the next run).
  const payChecks = payments ? checkTexts(issues, payments.sheet, input.parseAddress) : new Map<number, string>();
  const payKeep = payments && paymentsSheet ? keepouts(paymentsSheet, [...others, ...(sameSheet ? [funds] : [])]) : undefined;
  const payCols = payments && paymentsSheet && payKeep ? outputColumns(paymentsSheet, payments, [{ field: 'check', needed: model.paymentRows.some((r) => payChecks.has(r)) }], payKeep) : [];
  const fundKeep = keepouts(fundsSheet, [...others, ...(sameSheet ? [payments!] : [])]);
  if (sameSheet) fundKeep.tables.push(...payCols.filter((c) => c.appended).map((c) => ({ top: 0, bottom: 1_048_575, left: c.col - 1, right: c.col + 1 })));
  const cols = outputColumns(fundsSheet, funds, [
    { field: 'rate', needed: true },
    { field: 'note', needed: true },
    // 校验提示 only when a row the plan writes has a mark (an issue at the header is no row's).
    { field: 'check', needed: ownedRows.some((r) => fundChecks.has(r)) },
  ], fundKeep);
  const byRow = new Map(owned.map((r) => [r.row, r]));
  const figures = (row: number) => {
    const r = byRow.get(row)!;
    if (r.kind === 'project') {
      const pr = results.projects[r.ref!];
      const reason = model.projects[r.ref!].texts.reason;
      return { rate: pr.rate, note: fitCellText(pr.note, reason ? `（未完成原因全文见${reason.cell}）` : '') };
    }
    const f = results.totalRows[r.ref!];
    return { rate: f.rate, note: fitCellText(f.note) };
  };
  for (const c of cols) {
    const skip = blockedRows(fundsSheet, c, ownedRows, fundKeep, input.warnings);
    const rows = skip.size ? ownedRows.filter((r) => !skip.has(r)) : ownedRows;
    if (c.appended) blocks.push({ sheet: c.sheet, top: funds.headerRow, left: c.col, values: [[c.header]], role: 'header' });
    if (c.field === 'rate') {
      blocks.push(...columnBlocks(c.sheet, c.col, 'rate', rows, (row) => {
        const rate = figures(row).rate;
        return rate ? ratioToNumber(rate) : '';
      }, rateFormat(display)));
    } else if (c.field === 'note') {
      blocks.push(...columnBlocks(c.sheet, c.col, 'note', rows, (row) => figures(row).note));
    } else {
      blocks.push(...columnBlocks(c.sheet, c.col, 'check', rows, (row) => fundChecks.get(row) ?? ''));
    }
  }

  if (payments && paymentsSheet && payKeep) {
    for (const c of payCols) {
      const skip = blockedRows(paymentsSheet, c, model.paymentRows, payKeep, input.warnings);
      const rows = skip.size ? model.paymentRows.filter((r) => !skip.has(r)) : model.paymentRows;
      if (c.appended) blocks.push({ sheet: c.sheet, top: payments.headerRow, left: c.col, values: [[c.header]], role: 'header' });
      blocks.push(...columnBlocks(c.sheet, c.col, 'check', rows, (row) => payChecks.get(row) ?? ''));
    }
    cols.push(...payCols);
  }
  return { blocks, columns: cols };
}

/**
 * The plan applied to a snapshot, returning a new one: what a shell's workbook looks like afterwards,
 * for tests and for previews. Empty strings clear cells, as they do in Excel.
 */
export function applyPlanToSnapshot(snapshot: WorkbookSnapshot, plan: WritePlan): WorkbookSnapshot {
  // Rows are copied only where written: a sparse snapshot stays sparse.
  const sheets = snapshot.sheets.map((s) => ({ ...s, values: s.values.slice() }));
  for (const block of plan.blocks) {
    const sheet = sheets.find((s) => s.name === block.sheet);
    if (!sheet) continue;
    if (block.top < sheet.top || block.left < sheet.left) rebase(sheet, Math.min(block.top, sheet.top), Math.min(block.left, sheet.left));
    const copied = new Set<number>();
    block.values.forEach((row, i) => {
      const at = block.top + i - sheet.top;
      if (!copied.has(at)) {
        sheet.values[at] = sheet.values[at] ? [...sheet.values[at]] : [];
        copied.add(at);
      }
      const target = sheet.values[at];
      row.forEach((v, j) => {
        const c = block.left + j - sheet.left;
        while (target.length < c) target.push('');
        target[c] = v;
      });
    });
  }
  return { ...snapshot, sheets };
}

/** Move a sheet's origin up or left so a block above or left of its used range fits. */
function rebase(sheet: SheetSnapshot, top: number, left: number): void {
  const dr = sheet.top - top;
  const dc = sheet.left - left;
  const values: CellValue[][] = new Array(sheet.values.length + dr);
  sheet.values.forEach((row, i) => {
    if (row) values[i + dr] = [...new Array<CellValue>(dc).fill(''), ...row];
  });
  for (let i = 0; i < dr; i++) values[i] = [];
  sheet.top = top;
  sheet.left = left;
  sheet.values = values;
}
