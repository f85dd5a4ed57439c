/**
 * The first two syncs of every read: the sheet list, the workbook's Excel tables and date system
 * (sync 1), each sheet's used range and its header window — rows 1…N, where the core looks for
 * headers (sync 2). The header windows share a byte budget: a workbook of fifty sheets, or one whose
 * used range reaches XFD1048576 because of a stray space, must not make this read pass Excel on the
 * web's 5 MB. What the budget leaves out of sync 2 is read after it in budgeted slices.
 */
import { CellValue, NEVER_DATA_SHEET_NAMES, RESERVED_SHEET_PREFIX, SheetTable, isGeneratedSheetName, SheetVisibility, columnLetters } from '../core';
import { isMaybeTooLarge } from './budget';
import { Capabilities } from './host';
import { ReadPiece, readPieces } from './range-io';

export interface Rect {
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
  header: { top: number; left: number; values: CellValue[][] } | null;
}

export interface WorkbookOutline {
  sheets: SheetOutline[];
  /** Excel tables by sheet name; every sheet is listed (an empty list when it has none). */
  tables: Map<string, SheetTable[]>;
  dateSystem?: 1900 | 1904;
}

/** Bytes per header cell the budget assumes: a short heading in Chinese, with its JSON quoting. */
export const HEADER_CELL_BYTES = 24;
/** Bytes sync 2 may spend on header windows: half the sync budget, the rest is margin for long headings. */
export const HEADER_BYTE_BUDGET = 2_000_000;

const VISIBILITY: Record<string, SheetVisibility> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

/**
 * The add-in's own sheets are never read: the undo store holds 30,000-character cells. A 绩效自评表 is
 * read like any sheet: it may be the office's own, and the core knows ours by its fingerprint.
 */
export function isOwnSheet(name: string): boolean {
  return name.startsWith(RESERVED_SHEET_PREFIX) || isGeneratedSheetName(name, NEVER_DATA_SHEET_NAMES);
}

/** Columns of the header window sync 2 reads per sheet, so all windows together fit the budget. */
export function headerColumnCap(sheetCount: number, windowRows: number): number {
  const perSheet = HEADER_BYTE_BUDGET / Math.max(1, sheetCount) / Math.max(1, windowRows) / HEADER_CELL_BYTES;
  return Math.max(26, Math.min(16384, Math.floor(perSheet)));
}

/**
 * DATE(2000,1,1) is 36526 in the 1900 date system and 35064 in the 1904 one (Microsoft's "Date
 * systems in Excel": the 1904 system counts from 1904-01-01, 1,462 days later). @types/office-js has
 * no use1904DateSystem, so the workbook's own DATE answers the question.
 */
export function dateSystemOf(serial: unknown): 1900 | 1904 | undefined {
  if (serial === 36526) return 1900;
  if (serial === 35064) return 1904;
  return undefined;
}

interface Queued {
  ws: Excel.Worksheet;
  used?: Excel.Range;
  header?: Excel.Range;
}

/** Sync 2: used ranges and, unless `capped` is 0, the first `capped` columns of each header window. */
async function usedRanges(context: Excel.RequestContext, sheets: Excel.Worksheet[], windowRows: number, capped: number, queueTables: () => () => void): Promise<{ queued: Queued[]; settleTables: () => void }> {
  const queued = sheets.map((ws): Queued => {
    if (isOwnSheet(ws.name)) return { ws };
    const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
    const header = capped > 0 ? ws.getRange(`A1:${columnLetters(capped - 1)}${windowRows}`).getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex') : undefined;
    return { ws, used, header };
  });
  const settleTables = queueTables();
  await context.sync();
  return { queued, settleTables };
}

export async function readOutline(context: Excel.RequestContext, windowRows: number, caps: Capabilities): Promise<WorkbookOutline> {
  const book = context.workbook;
  const worksheets = book.worksheets.load('items/name,items/visibility');
  const tableList = book.tables.load('items/name,items/showHeaders,items/showTotals,items/worksheet/name');
  const date = caps.worksheetFunctions ? book.functions.date(2000, 1, 1).load('value') : undefined;
  await context.sync();

  const tables = new Map<string, SheetTable[]>(worksheets.items.map((ws) => [ws.name, []]));
  const queueTables = () => {
    const ranges = tableList.items.map((t) => ({ t, range: t.getRange().load('rowIndex,columnIndex,rowCount,columnCount') }));
    return () => {
      for (const { t, range } of ranges) {
        const list = tables.get(t.worksheet.name) ?? [];
        const rect = { top: range.rowIndex, left: range.columnIndex, bottom: range.rowIndex + range.rowCount - 1, right: range.columnIndex + range.columnCount - 1 };
        list.push({ name: t.name, rect, totalsRow: t.showTotals });
        tables.set(t.worksheet.name, list);
      }
    };
  };

  const count = worksheets.items.filter((ws) => !isOwnSheet(ws.name)).length;
  let cap = headerColumnCap(count, windowRows);
  let result: { queued: Queued[]; settleTables: () => void };
  try {
    result = await usedRanges(context, worksheets.items, windowRows, cap, queueTables);
  } catch (e) {
    // Headings longer than the estimate: the dimensions alone, then every window in budgeted slices.
    if (!isMaybeTooLarge(e)) throw e;
    cap = 0;
    result = await usedRanges(context, worksheets.items, windowRows, 0, queueTables);
  }
  result.settleTables();

  const sheets: SheetOutline[] = [];
  const overflow: ReadPiece[] = [];
  for (const { ws, used, header } of result.queued) {
    const outline: SheetOutline = { name: ws.name, visibility: VISIBILITY[ws.visibility] ?? 'visible', used: null, header: null };
    sheets.push(outline);
    if (!used || used.isNullObject) continue;
    const rect = { top: used.rowIndex, left: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
    outline.used = rect;
    if (rect.top >= windowRows) continue;
    // The window is rows top…N-1 of the used columns; sync 2 brought its first `cap` columns.
    const rows = Math.min(rect.top + rect.rows, windowRows) - rect.top;
    const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(rect.cols).fill(''));
    outline.header = { top: rect.top, left: rect.left, values };
    if (header && !header.isNullObject) {
      header.values.forEach((row, i) => row.forEach((v, j) => (values[header.rowIndex + i - rect.top][header.columnIndex + j - rect.left] = v as CellValue)));
    }
    const from = Math.max(rect.left, cap);
    const right = rect.left + rect.cols - 1;
    if (from <= right) {
      overflow.push({
        sheet: ws.name,
        top: rect.top,
        left: from,
        rows,
        cols: right - from + 1,
        props: ['values'],
        rowBytes: (right - from + 1) * HEADER_CELL_BYTES,
        deliver: (top, data) => data.values!.forEach((row, i) => row.forEach((v, j) => (values[top + i - rect.top][from + j - rect.left] = v as CellValue))),
      });
    }
  }
  if (overflow.length > 0) await readPieces(context, overflow);
  return { sheets, tables, dateSystem: date ? dateSystemOf(date.value) : undefined };
}
