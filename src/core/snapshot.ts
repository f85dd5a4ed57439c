/**
 * The snapshot: what a shell (Office.js or an .xlsx file) hands the core. Each sheet's used range as
 * a 2-D array of cell values, with the position of its top-left cell. Nothing else crosses the line.
 */

/** A cell as Office.js `Range.values` gives it: empty cells are "" or null; dates are serial numbers
 * (or ISO strings when a shell prefers); formula errors are their text ("#DIV/0!"). */
export type CellValue = string | number | boolean | null;

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetSnapshot {
  name: string;
  /** 0-based row of values[0] on the sheet (A1 is row 0). */
  top: number;
  /** 0-based column of values[r][0] on the sheet. */
  left: number;
  values: CellValue[][];
  visibility?: SheetVisibility;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
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
  for (const r of sheet.values) if (r.length > width) width = r.length;
  WIDTHS.set(sheet.values, { rows: sheet.values.length, width });
  return sheet.left + width - 1;
}

export function isBlank(v: CellValue): boolean {
  return v === null || v === '' || (typeof v === 'string' && v.trim() === '');
}
