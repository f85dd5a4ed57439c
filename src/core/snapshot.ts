/**
 * The snapshot: what a shell (Office.js or an .xlsx file) hands the core. Each sheet's used range as
 * a 2-D array of cell values, with the position of its top-left cell. Nothing else crosses the line.
 */

/** A cell as Office.js `Range.values` gives it: empty cells are "" or null; dates are serial numbers
 * (or ISO strings when a shell prefers); formula errors are their text ("#DIV/0!"). */
export type CellValue = string | number | boolean | null;

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

/** A rectangle of sheet cells, 0-based and inclusive (A1:B2 is 0,0–1,1). */
export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** An Excel table (ListObject) on a sheet: writing into its totals row, or next to it, is Excel's business. */
export interface SheetTable {
  name: string;
  rect: CellRect;
  /** Whether the last row of `rect` is the table's totals row. */
  totalsRow: boolean;
}

/** A cell position on its sheet, 0-based. */
export interface CellPosition {
  row: number;
  col: number;
}

export interface SheetSnapshot {
  name: string;
  /** 0-based row of values[0] on the sheet (A1 is row 0). */
  top: number;
  /** 0-based column of values[r][0] on the sheet. */
  left: number;
  /**
   * The cells, row by row. May be sparse, so that memory follows the cells that hold something and
   * not the used range (one stray space in XFD1048576 must not cost a million rows × 16,384 columns):
   * a row with nothing in it may be missing (a hole or undefined), rows may differ in length, and a
   * row may have holes. Missing rows and cells, and cells past a row's end, read as empty — use
   * `cellAt`, `isBlank` and `lastCol`, and never assume `values[r]` exists or `values[r].length` is
   * the table's width. The Office.js shell gives dense rectangles; the file reader gives sparse ones.
   */
  values: CellValue[][];
  visibility?: SheetVisibility;
  /**
   * Merged areas on the sheet. Undefined when the shell could not tell (the core then assumes none);
   * an empty list when it looked and found none. A merged area's value is in its top-left cell only.
   */
  merges?: CellRect[];
  /** Excel tables (ListObjects) on the sheet, when the shell can tell. */
  tables?: SheetTable[];
  /**
   * Formula cells that carry no computed value (a file written by a script or an export system and
   * never opened in Excel). Their values in `values` are null; the core must never read them as 0.
   * Always absent in Excel, which computes every formula.
   */
  uncalculated?: CellPosition[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /**
   * The workbook's date system. Dates in `values` are serial numbers as Excel stores them: in a
   * 1904-system workbook (a Mac habit) serial 0 is 1904-01-01, 1,462 days later than in the 1900
   * system. The core converts; shells pass the serials as they are. Absent means 1900.
   */
  dateSystem?: 1900 | 1904;
}

/** The value at a sheet position (0-based), or null outside the used range. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = sheet.values[row - sheet.top];
  if (!r) return null;
  const v = r[col - sheet.left];
  return v === undefined ? null : v;
}

/** Last sheet row (0-based, inclusive) covered by the snapshot. */
export function lastRow(sheet: SheetSnapshot): number {
  return sheet.top + sheet.values.length - 1;
}

const WIDTHS = new WeakMap<CellValue[][], { rows: number; width: number }>();

/** Last sheet column (0-based, inclusive) covered by the snapshot. */
export function lastCol(sheet: SheetSnapshot): number {
  // Asked for on every header candidate; a 100,000-row sheet should be measured once.
  const cached = WIDTHS.get(sheet.values);
  if (cached && cached.rows === sheet.values.length) return sheet.left + cached.width - 1;
  let width = 0;
  // forEach skips missing rows of a sparse snapshot: a stray cell far down costs one row, not a rectangle.
  sheet.values.forEach((r) => {
    if (r && r.length > width) width = r.length;
  });
  WIDTHS.set(sheet.values, { rows: sheet.values.length, width });
  return sheet.left + width - 1;
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'string' && v.trim() === '');
}

/** A sheet row's values (its first element is column `sheet.left`), or undefined for a row the snapshot leaves out. */
export function rowAt(sheet: SheetSnapshot, row: number): CellValue[] | undefined {
  return sheet.values[row - sheet.top];
}

const UNCALCULATED = new WeakMap<SheetSnapshot, Map<number, Set<number>>>();

/** Whether the cell is a formula with no computed value (its value in the snapshot is null, never a 0). */
export function isUncalculated(sheet: SheetSnapshot, row: number, col: number): boolean {
  const list = sheet.uncalculated;
  if (!list || list.length === 0) return false;
  let index = UNCALCULATED.get(sheet);
  if (!index) {
    index = new Map();
    for (const p of list) {
      let cols = index.get(p.row);
      if (!cols) index.set(p.row, (cols = new Set()));
      cols.add(p.col);
    }
    UNCALCULATED.set(sheet, index);
  }
  return index.get(row)?.has(col) ?? false;
}

/** Whether two rectangles share a cell. */
export function rectsOverlap(a: CellRect, b: CellRect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}
