/**
 * Reading the workbook into the core's snapshot with a constant number of syncs plus one per 4 MB:
 *   1. the sheets' names and visibility;
 *   2. each sheet's used range and its header window (rows 1–21, where the core looks for headers);
 *   3. after finding the tables in the header window: the funds table whole, small sheets whole (the
 *      unit sheet), and from the payments table only the columns the core reads plus the columns right
 *      of its header (where an output column may be appended) — a 100,000-row export is mostly columns
 *      the core never reads. Cells not loaded are "" in the snapshot.
 * No number formats are read: Range.values gives dates as serial numbers, which the core reads as dates.
 */
import { CellValue, HEADER_SEARCH_ROWS, MappingOverride, REPORT_SHEET_NAME, RESERVED_SHEET_PREFIX, Settings, SheetSnapshot, SheetVisibility, WorkbookSnapshot, detectTables } from '../core';
import { cellBytes } from './budget';
import { ReadPiece, readPieces } from './range-io';

/** Sheets up to this many cells are read whole: the unit sheet (单位信息) is found anywhere in them. */
export const SMALL_SHEET_CELLS = 100_000;

interface Rect {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export interface SheetOutline {
  name: string;
  visibility: SheetVisibility;
  /** The used range (values only); null for an empty sheet. */
  used: Rect | null;
  /** The used part of rows 1…window, values loaded. */
  header: { top: number; left: number; values: unknown[][] } | null;
}

const VISIBILITY: Record<string, SheetVisibility> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

/** The add-in's own sheets are never read: the undo store holds 30,000-character cells. */
function isOwnSheet(name: string): boolean {
  return name.startsWith(RESERVED_SHEET_PREFIX) || name === REPORT_SHEET_NAME;
}

/** Rows 1…N hold every header the core may look at, including a two-row header at a user-chosen row. */
export function headerWindowRows(mapping: MappingOverride | undefined): number {
  const wanted = [HEADER_SEARCH_ROWS + 1, (mapping?.funds?.headerRow ?? 0) + 1, (mapping?.payments?.headerRow ?? 0) + 1];
  return Math.max(...wanted);
}

/** Syncs 1 and 2: sheet list, used ranges and header windows. */
export async function readOutlines(context: Excel.RequestContext, windowRows: number): Promise<SheetOutline[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  await context.sync();
  const queued = worksheets.items.map((ws) => {
    if (isOwnSheet(ws.name)) return { ws, used: null, header: null };
    const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
    const header = ws.getRange(`1:${windowRows}`).getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex');
    return { ws, used, header };
  });
  await context.sync();
  return queued.map(({ ws, used, header }) => ({
    name: ws.name,
    visibility: VISIBILITY[ws.visibility] ?? 'visible',
    used: used && !used.isNullObject ? { top: used.rowIndex, left: used.columnIndex, rows: used.rowCount, cols: used.columnCount } : null,
    header: header && !header.isNullObject ? { top: header.rowIndex, left: header.columnIndex, values: header.values } : null,
  }));
}

/** The workbook as far as the header windows show it: enough for the core to find the tables. */
export function headerSnapshot(outlines: SheetOutline[]): WorkbookSnapshot {
  return {
    sheets: outlines.map((o) => ({
      name: o.name,
      visibility: o.visibility,
      top: o.header?.top ?? 0,
      left: o.header?.left ?? 0,
      values: (o.header?.values ?? []) as SheetSnapshot['values'],
    })),
  };
}

/** A blank snapshot of a sheet's used range with its header window filled in. */
function blankSheet(o: SheetOutline): SheetSnapshot {
  const sheet: SheetSnapshot = { name: o.name, visibility: o.visibility, top: o.used?.top ?? 0, left: o.used?.left ?? 0, values: [] };
  if (!o.used) return sheet;
  for (let r = 0; r < o.used.rows; r++) sheet.values.push(new Array(o.used.cols).fill(''));
  const h = o.header;
  if (h) h.values.forEach((row, i) => row.forEach((v, j) => (sheet.values[h.top + i - sheet.top][h.left + j - sheet.left] = v as CellValue)));
  return sheet;
}

/** Contiguous runs of sorted column numbers: [[3,4,5],[8]]. */
function columnRuns(cols: number[]): number[][] {
  const out: number[][] = [];
  for (const c of [...new Set(cols)].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else out.push([c]);
  }
  return out;
}

/** Bytes per cell of each column, from the header window's rows below `fromRow` (all rows if none). */
function columnCosts(o: SheetOutline, fromRow: number): (col: number) => number {
  const h = o.header;
  const costs = new Map<number, number>();
  if (h) {
    const below = h.values.filter((_, i) => h.top + i >= fromRow);
    const sample = below.length > 0 ? below : h.values;
    for (const row of sample) row.forEach((v, j) => costs.set(h.left + j, Math.max(costs.get(h.left + j) ?? 0, cellBytes(v))));
  }
  // A tenth more than the largest sample: a longer cell further down is what the retry is for.
  return (col) => Math.max(4, Math.ceil((costs.get(col) ?? 16) * 1.1) + 2);
}

function piece(sheet: SheetSnapshot, o: SheetOutline, rect: Rect, costOf: (col: number) => number): ReadPiece {
  let rowBytes = 3;
  for (let c = rect.left; c < rect.left + rect.cols; c++) rowBytes += costOf(c);
  return {
    sheet: o.name,
    ...rect,
    props: ['values'],
    rowBytes,
    deliver(top, data) {
      const values = data.values!;
      for (let i = 0; i < values.length; i++) {
        const target = sheet.values[top + i - sheet.top];
        const source = values[i];
        for (let j = 0; j < source.length; j++) target[rect.left + j - sheet.left] = source[j] as CellValue;
      }
    },
  };
}

export type ReadProgress = (fraction: number) => void;

/**
 * The whole snapshot: syncs 1–2, the core's table detection on the header windows, then the reads
 * of step 3 packed into as few syncs as the budget allows.
 */
export async function readSnapshot(context: Excel.RequestContext, settings: Settings, progress?: ReadProgress): Promise<WorkbookSnapshot> {
  const windowRows = headerWindowRows(settings.mapping);
  const outlines = await readOutlines(context, windowRows);
  progress?.(0.2);
  const header = headerSnapshot(outlines);
  const detected = detectTables(header, settings.mapping);
  const pieces: ReadPiece[] = [];
  const sheets = outlines.map((o, i) => {
    if (!o.used || isOwnSheet(o.name)) return header.sheets[i];
    const { top, left, rows, cols } = o.used;
    if (o.name === detected.payments?.sheet && o.name !== detected.funds?.sheet) {
      const sheet = blankSheet(o);
      const table = detected.payments;
      const firstRow = Math.max(top, windowRows);
      const right = left + cols - 1;
      const wanted = Object.values(table.columns).filter((c): c is number => c !== undefined);
      for (let c = table.lastHeaderCol + 1; c <= right; c++) wanted.push(c);
      const costOf = columnCosts(o, table.dataStart);
      if (firstRow <= top + rows - 1) {
        for (const run of columnRuns(wanted.filter((c) => c >= left && c <= right))) {
          pieces.push(piece(sheet, o, { top: firstRow, left: run[0], rows: top + rows - firstRow, cols: run.length }, costOf));
        }
      }
      return sheet;
    }
    const isFunds = o.name === detected.funds?.sheet;
    // A big sheet that holds neither table keeps its header window only: it cannot be the unit sheet.
    if (!isFunds && rows * cols > SMALL_SHEET_CELLS) return header.sheets[i];
    const sheet = blankSheet(o);
    pieces.push(piece(sheet, o, { top, left, rows, cols }, columnCosts(o, isFunds ? detected.funds!.dataStart : top)));
    return sheet;
  });
  await readPieces(context, pieces, { afterSync: (done, total) => progress?.(0.2 + (0.8 * done) / total) });
  progress?.(1);
  return { sheets };
}
