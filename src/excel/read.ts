/**
 * Reading the workbook into the core's snapshot with a constant number of syncs plus one per 4 MB:
 *   1–2. the outline (read-outline.ts): sheets, Excel tables, date system, used ranges, header windows;
 *   then the core's table detection on the header windows;
 *   (on ExcelApi 1.13) the merged areas of the sheets holding the tables (read-merges.ts);
 *   3. the funds table whole, small sheets whole (the unit sheet), and from the payments table only the
 *      columns the core reads plus the columns right of its header (where an output column may be
 *      appended) — a 100,000-row export is mostly columns the core never reads. Cells not loaded are
 *      "" in the snapshot.
 * A table sheet whose used range runs far past the table (a stray space in XFD1048576) is read only
 * as far as the table can matter; what was left unread is returned, so nothing is written there.
 * No number formats are read: Range.values gives dates as serial numbers, which the core reads as dates.
 */
import { CellRect, CellValue, HEADER_SEARCH_ROWS, MappingOverride, Settings, SheetSnapshot, TableLocation, TableOverride, WorkbookSnapshot, detectTable, detectTables, parseRangeOverride, settingsYear } from '../core';
import { cellBytes } from './budget';
import { Capabilities } from './host';
import { ReadPiece, readPieces } from './range-io';
import { readMerges } from './read-merges';
import { Rect, SheetOutline, WorkbookOutline, isOwnSheet, readOutline } from './read-outline';

export { isOwnSheet, type SheetOutline } from './read-outline';

/** Sheets up to this many cells are read whole: the unit sheet (单位信息) is found anywhere in them. */
export const SMALL_SHEET_CELLS = 100_000;
/** Columns right of a table's last header that are read; beyond, a used range is taken for stray content. */
export const WIDE_MARGIN = 256;
/** Cells of a table sheet past which its real extent is asked for first (one more sync). */
export const TALL_CELLS = 4_000_000;
/** Columns right of what is read that the merged-area question covers (appended output columns). */
const MERGE_MARGIN = 8;
/** Columns right of the header a too-tall table sheet is read to (room for the appended output columns). */
const TALL_MARGIN = 8;

/** The 1-based header row a table override names: its headerRow, else the top row of its range (J3:Q40 → 3). */
function overrideHeaderRow(o: TableOverride | undefined): number {
  if (o?.headerRow) return o.headerRow;
  const range = typeof o?.range === 'string' ? parseRangeOverride(o.range) : undefined;
  return range?.top !== undefined ? range.top + 1 : 0;
}

/** Rows 1…N hold every header the core may look at, including a two-row header at a user-chosen row or range. */
export function headerWindowRows(mapping: MappingOverride | undefined): number {
  const wanted = [HEADER_SEARCH_ROWS + 1, overrideHeaderRow(mapping?.funds) + 1, overrideHeaderRow(mapping?.payments) + 1, overrideHeaderRow(mapping?.indicators) + 1];
  return Math.max(...wanted);
}

/** The workbook as far as the header windows show it: enough for the core to find the tables. */
export function headerSnapshot(outline: WorkbookOutline): WorkbookSnapshot {
  return {
    sheets: outline.sheets.map((o) => ({
      name: o.name,
      visibility: o.visibility,
      top: o.header?.top ?? 0,
      left: o.header?.left ?? 0,
      values: o.header?.values ?? [],
      tables: outline.tables.get(o.name) ?? [],
    })),
    ...(outline.dateSystem ? { dateSystem: outline.dateSystem } : {}),
  };
}

/** A blank snapshot of `rect` with the header window filled in. */
function blankSheet(o: SheetOutline, rect: Rect, tables: SheetSnapshot['tables']): SheetSnapshot {
  const sheet: SheetSnapshot = { name: o.name, visibility: o.visibility, top: rect.top, left: rect.left, values: [], tables };
  for (let r = 0; r < rect.rows; r++) sheet.values.push(new Array(rect.cols).fill(''));
  const h = o.header;
  if (h) {
    h.values.forEach((row, i) => {
      const target = sheet.values[h.top + i - sheet.top];
      if (target) row.forEach((v, j) => {
        const c = h.left + j - sheet.left;
        if (c >= 0 && c < rect.cols) target[c] = v;
      });
    });
  }
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

function piece(sheet: SheetSnapshot, name: string, rect: Rect, costOf: (col: number) => number): ReadPiece {
  let rowBytes = 3;
  for (let c = rect.left; c < rect.left + rect.cols; c++) rowBytes += costOf(c);
  return {
    sheet: name,
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

export interface WorkbookRead {
  snapshot: WorkbookSnapshot;
  /** Parts of table sheets' used ranges that were not read (stray content far away): never written. */
  unread: { sheet: string; rect: CellRect }[];
}

interface TableSheet {
  outline: SheetOutline;
  lastHeaderCol: number;
  /** First data row, and the column whose last filled cell ends the table on a sheet too tall to read. */
  dataStart: number;
  keyCol: number;
  /** Columns the read covers: used.left … right. */
  right: number;
  bottom: number;
}

/** Where a table sheet's read ends: the used range, unless it runs far past the table. */
function tableWindow(o: SheetOutline, table: TableLocation): TableSheet {
  const used = o.used!;
  const usedRight = used.left + used.cols - 1;
  const mapped = Object.values(table.columns).filter((c): c is number => typeof c === 'number');
  const fields = table.columns as Record<string, number | undefined>;
  const keyCol = fields.name ?? fields.amount ?? mapped[0] ?? used.left;
  const right = Math.min(usedRight, Math.max(table.lastHeaderCol, used.left) + WIDE_MARGIN);
  return { outline: o, lastHeaderCol: table.lastHeaderCol, dataStart: table.dataStart, keyCol, right, bottom: used.top + used.rows - 1 };
}

/**
 * A window still too large to read (a stray value near row 1,048,576) ends at the last filled cell
 * of the table's key column (项目名称, or 支付金额): that one column is read, in budgeted slices, and
 * the window narrows to the few columns right of the header where output columns go. Whatever lies
 * further down or right is reported unread, and the plan may not write there.
 */
async function trimTall(context: Excel.RequestContext, windows: TableSheet[]): Promise<void> {
  const tall = windows.filter((w) => (w.bottom - w.outline.used!.top + 1) * (w.right - w.outline.used!.left + 1) > TALL_CELLS);
  if (tall.length === 0) return;
  const pieces: ReadPiece[] = tall.map((w) => {
    const top = Math.max(w.dataStart, w.outline.used!.top);
    let last = top - 1;
    w.right = Math.min(w.right, w.lastHeaderCol + TALL_MARGIN);
    return {
      sheet: w.outline.name,
      top,
      left: w.keyCol,
      rows: Math.max(1, w.bottom - top + 1),
      cols: 1,
      props: ['values'],
      rowBytes: 6,
      deliver: (sliceTop, data) => {
        data.values!.forEach((row, i) => {
          if (row[0] !== '' && row[0] !== null) last = Math.max(last, sliceTop + i);
        });
        w.bottom = Math.max(last, w.dataStart);
      },
    };
  });
  await readPieces(context, pieces);
}

/** The used range beyond a window, as up to two rectangles (to the right, below). */
function unreadOf(w: TableSheet): { sheet: string; rect: CellRect }[] {
  const used = w.outline.used!;
  const usedRight = used.left + used.cols - 1;
  const usedBottom = used.top + used.rows - 1;
  const out: { sheet: string; rect: CellRect }[] = [];
  if (w.right < usedRight) out.push({ sheet: w.outline.name, rect: { top: used.top, left: w.right + 1, bottom: usedBottom, right: usedRight } });
  if (w.bottom < usedBottom) out.push({ sheet: w.outline.name, rect: { top: w.bottom + 1, left: used.left, bottom: usedBottom, right: w.right } });
  return out;
}

/**
 * The whole read: the outline, the core's table detection on the header windows, merged areas where
 * the host can tell them, then the reads of step 3 packed into as few syncs as the budget allows.
 */
export async function readWorkbookState(context: Excel.RequestContext, settings: Settings, caps: Capabilities, progress?: ReadProgress): Promise<WorkbookRead> {
  const windowRows = headerWindowRows(settings.mapping);
  const outline = await readOutline(context, windowRows, caps);
  progress?.(0.2);
  const header = headerSnapshot(outline);
  const detected = detectTables(header, settings.mapping, { fiscalYear: settingsYear(settings) });
  // The 绩效指标 table's sheet is read whole too, however large (the core forward-fills its rows).
  const indicators = detectTable(header, 'indicators', settings.mapping?.indicators, settingsYear(settings) ?? detected.funds?.year).table;
  const windows = new Map<string, TableSheet>();
  for (const table of [detected.funds, detected.payments, indicators]) {
    if (!table) continue;
    const o = outline.sheets.find((s) => s.name === table.sheet);
    if (o?.used && !windows.has(o.name)) windows.set(o.name, tableWindow(o, table));
  }
  await trimTall(context, [...windows.values()]);
  const merges = caps.mergedAreas ? await readMerges(context, [...windows.values()].map((w) => ({ sheet: w.outline.name, bottom: w.bottom, right: w.right + MERGE_MARGIN }))) : new Map<string, CellRect[]>();

  const pieces: ReadPiece[] = [];
  const sheets = outline.sheets.map((o, i) => {
    if (!o.used || isOwnSheet(o.name)) return header.sheets[i];
    const { top, left, rows, cols } = o.used;
    const tables = outline.tables.get(o.name) ?? [];
    const w = windows.get(o.name);
    const known = merges.get(o.name);
    if (w) {
      const rect = { top, left, rows: w.bottom - top + 1, cols: w.right - left + 1 };
      const sheet = blankSheet(o, rect, tables);
      if (known) sheet.merges = known;
      const payments = detected.payments;
      if (o.name === payments?.sheet && o.name !== detected.funds?.sheet) {
        const firstRow = Math.max(top, windowRows);
        const wanted = Object.values(payments.columns).filter((c): c is number => c !== undefined);
        for (let c = payments.lastHeaderCol + 1; c <= w.right; c++) wanted.push(c);
        const costOf = columnCosts(o, payments.dataStart);
        if (firstRow <= w.bottom) {
          for (const run of columnRuns(wanted.filter((c) => c >= left && c <= w.right))) {
            pieces.push(piece(sheet, o.name, { top: firstRow, left: run[0], rows: w.bottom - firstRow + 1, cols: run.length }, costOf));
          }
        }
      } else {
        pieces.push(piece(sheet, o.name, rect, columnCosts(o, (o.name === detected.funds?.sheet ? detected.funds : indicators)?.dataStart ?? top)));
      }
      return sheet;
    }
    // A big sheet that holds neither table keeps its header window only: it cannot be the unit sheet.
    if (rows * cols > SMALL_SHEET_CELLS) return header.sheets[i];
    const sheet = blankSheet(o, o.used, tables);
    pieces.push(piece(sheet, o.name, o.used, columnCosts(o, top)));
    return sheet;
  });
  await readPieces(context, pieces, { afterSync: (done, total) => progress?.(0.2 + (0.8 * done) / total) });
  progress?.(1);
  const snapshot: WorkbookSnapshot = { sheets, ...(outline.dateSystem ? { dateSystem: outline.dateSystem } : {}) };
  return { snapshot, unread: [...windows.values()].flatMap(unreadOf) };
}

/** The snapshot alone (the pane's 检查 and reads that write nothing). */
export async function readSnapshot(context: Excel.RequestContext, settings: Settings, caps: Capabilities, progress?: ReadProgress): Promise<WorkbookSnapshot> {
  return (await readWorkbookState(context, settings, caps, progress)).snapshot;
}
