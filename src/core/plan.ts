/**
 * The write plan: plain data saying which cells get which values and formats. It only ever touches
 * the add-in's output columns (执行率, 偏差说明, 校验提示) — filled where the table has them,
 * appended after the last header column (in a column that is empty from header to last row) where
 * it has none — and the report sheet. Every run writes whole blocks, clearing stale values, so
 * applying a plan twice gives the same workbook as applying it once.
 */
import { cellRef } from './address';
import { fitCellText } from './cell-text';
import { Results } from './compute';
import { FundsTable, PaymentsTable, TableLocation } from './detect';
import { Issue } from './issues';
import { Model } from './model';
import { RateDisplay, ratioToNumber } from './rate';
import { OUTPUT_HEADERS, blockedRows, keepouts, outputColumns } from './output-columns';
import { CellValue, SheetSnapshot, WorkbookSnapshot } from './snapshot';

export { OUTPUT_HEADERS };

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

export function rateFormat(display: RateDisplay): string {
  return display === 'whole' ? '0%' : '0.00%';
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
  const owned = model.fundRows.filter((r) => r.kind === 'project' || r.kind === 'part' || r.kind === 'total');
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
    if (r.kind === 'part') {
      const part = results.parts[r.ref!];
      return { rate: part.rate, note: fitCellText(part.note) };
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
