/**
 * The write plan: plain data saying which cells get which values and formats. It only ever touches
 * the add-in's output columns (执行率, 偏差说明, 校验提示) — filled where the table has them,
 * appended after the last header column (in a column that is empty from header to last row) where
 * it has none — and the report sheet. Every run writes whole blocks, clearing stale values, so
 * applying a plan twice gives the same workbook as applying it once.
 */
import { cellRef } from './address';
import { Results } from './compute';
import { FundsTable, PaymentsTable } from './detect';
import { FundField, PaymentField } from './fields';
import { Issue } from './issues';
import { Model } from './model';
import { RateDisplay, ratioToNumber } from './rate';
import { CellValue, SheetSnapshot, WorkbookSnapshot, cellAt } from './snapshot';

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

/** Choose the columns to write: existing output columns, else empty columns after the header. */
function outputColumns<F extends string>(
  sheet: SheetSnapshot,
  table: { columns: Partial<Record<F, number>>; headerRow: number; dataEnd: number; lastHeaderCol: number },
  wanted: { field: OutputField & F; needed: boolean }[],
): OutputColumn[] {
  const out: OutputColumn[] = [];
  let next = table.lastHeaderCol + 1;
  for (const { field, needed } of wanted) {
    const existing = table.columns[field];
    if (existing !== undefined) {
      out.push({ sheet: sheet.name, col: existing, field, header: OUTPUT_HEADERS[field], appended: false });
      continue;
    }
    if (!needed) continue;
    while (!columnIsEmpty(sheet, next, Math.min(table.headerRow, sheet.top), Math.max(table.dataEnd, sheet.top))) next++;
    out.push({ sheet: sheet.name, col: next, field, header: OUTPUT_HEADERS[field], appended: true, widthChars: OUTPUT_WIDTHS[field], styleFromCol: table.lastHeaderCol });
    next++;
  }
  return out;
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
    const a = parse(i.cell);
    if (!a || a.sheet !== sheet) continue;
    const list = byRow.get(a.row) ?? [];
    list.push(`${cellRef(a.row, a.col)}：${i.message}`);
    byRow.set(a.row, list);
  }
  const out = new Map<number, string>();
  for (const [row, list] of byRow) out.set(row, list.join('；'));
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
}

export function buildPlan(input: PlanInput): WritePlan {
  const { model, results, issues, funds, fundsSheet, display } = input;
  const blocks: PlanBlock[] = [];
  const fundChecks = checkTexts(issues, funds.sheet, input.parseAddress);
  const cols = outputColumns<FundField>(fundsSheet, funds, [
    { field: 'rate', needed: true },
    { field: 'note', needed: true },
    { field: 'check', needed: fundChecks.size > 0 },
  ]);
  const owned = model.fundRows.filter((r) => r.kind === 'project' || r.kind === 'total');
  const ownedRows = owned.map((r) => r.row);
  const byRow = new Map(owned.map((r) => [r.row, r]));
  const figures = (row: number) => {
    const r = byRow.get(row)!;
    if (r.kind === 'project') {
      const pr = results.projects[r.ref!];
      return { rate: pr.rate, note: pr.note };
    }
    const f = results.totalRows[r.ref!];
    return { rate: f.rate, note: f.note };
  };
  for (const c of cols) {
    if (c.appended) blocks.push({ sheet: c.sheet, top: funds.headerRow, left: c.col, values: [[c.header]], role: 'header' });
    if (c.field === 'rate') {
      blocks.push(...columnBlocks(c.sheet, c.col, 'rate', ownedRows, (row) => {
        const rate = figures(row).rate;
        return rate ? ratioToNumber(rate) : '';
      }, rateFormat(display)));
    } else if (c.field === 'note') {
      blocks.push(...columnBlocks(c.sheet, c.col, 'note', ownedRows, (row) => figures(row).note));
    } else {
      blocks.push(...columnBlocks(c.sheet, c.col, 'check', ownedRows, (row) => fundChecks.get(row) ?? ''));
    }
  }

  const { payments, paymentsSheet } = input;
  if (payments && paymentsSheet) {
    const payChecks = checkTexts(issues, payments.sheet, input.parseAddress);
    const payCols = outputColumns<PaymentField>(paymentsSheet, payments, [{ field: 'check', needed: payChecks.size > 0 }]);
    for (const c of payCols) {
      if (c.appended) blocks.push({ sheet: c.sheet, top: payments.headerRow, left: c.col, values: [[c.header]], role: 'header' });
      blocks.push(...columnBlocks(c.sheet, c.col, 'check', model.paymentRows, (row) => payChecks.get(row) ?? ''));
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
  const sheets = snapshot.sheets.map((s) => ({ ...s, values: s.values.map((r) => (r ? [...r] : r)) }));
  for (const block of plan.blocks) {
    const sheet = sheets.find((s) => s.name === block.sheet);
    if (!sheet) continue;
    const bottom = block.top + block.values.length - 1;
    const right = block.left + (block.values[0]?.length ?? 1) - 1;
    growTo(sheet, block.top, block.left, bottom, right);
    block.values.forEach((row, i) => row.forEach((v, j) => (sheet.values[block.top + i - sheet.top][block.left + j - sheet.left] = v)));
  }
  return { sheets };
}

/** Extend a snapshot's rectangle so it covers (top, left)–(bottom, right). */
function growTo(sheet: SheetSnapshot, top: number, left: number, bottom: number, right: number): void {
  if (sheet.values.length === 0) {
    sheet.top = top;
    sheet.left = left;
  }
  // A loop, not Math.max(...): a sparse snapshot may have a million rows, too many for a spread.
  let width = 0;
  sheet.values.forEach((r) => {
    if (r && r.length > width) width = r.length;
  });
  const newTop = Math.min(sheet.top, top);
  const newLeft = Math.min(sheet.left, left);
  const newBottom = Math.max(sheet.top + sheet.values.length - 1, bottom);
  const newRight = Math.max(sheet.left + width - 1, right);
  const values: CellValue[][] = [];
  for (let r = newTop; r <= newBottom; r++) {
    const row: CellValue[] = [];
    for (let c = newLeft; c <= newRight; c++) row.push(cellAt(sheet, r, c) ?? '');
    values.push(row);
  }
  sheet.top = newTop;
  sheet.left = newLeft;
  sheet.values = values;
}
