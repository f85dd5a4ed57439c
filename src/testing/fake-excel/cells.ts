/** Cell contents of one sheet: reading rectangles of values/formulas, writing cells, the used range. */
import type { Rect } from './address';
import type { CellValue, FakeSheetData, SparseRows } from './types';

export function getValue(sheet: FakeSheetData, row: number, col: number): CellValue {
  const cells = sheet.values[row];
  if (!cells) return '';
  const v = cells[col];
  return v === undefined || v === null ? '' : v;
}

export function getFormula(sheet: FakeSheetData, row: number, col: number): string | undefined {
  return sheet.formulas[row]?.[col];
}

/** A fresh 2-D copy, so a later write never changes what an earlier load returned. */
export function readValues(sheet: FakeSheetData, rect: Rect): CellValue[][] {
  const out: CellValue[][] = new Array(rect.rows);
  const endCol = rect.col + rect.cols;
  for (let i = 0; i < rect.rows; i++) {
    const cells = sheet.values[rect.row + i];
    const line: CellValue[] = new Array(rect.cols);
    if (!cells) {
      line.fill('');
    } else {
      for (let c = rect.col, j = 0; c < endCol; c++, j++) {
        const v = cells[c];
        line[j] = v === undefined || v === null ? '' : v;
      }
    }
    out[i] = line;
  }
  return out;
}

/** Range.formulas: the formula where there is one, else the constant value. */
export function readFormulas(sheet: FakeSheetData, rect: Rect): CellValue[][] {
  const out = readValues(sheet, rect);
  for (let i = 0; i < rect.rows; i++) {
    const rowFormulas = sheet.formulas[rect.row + i];
    if (!rowFormulas) continue;
    for (const key of Object.keys(rowFormulas)) {
      const c = Number(key);
      if (c >= rect.col && c < rect.col + rect.cols) out[i][c - rect.col] = rowFormulas[c];
    }
  }
  return out;
}

/** A cell's new content: a constant, or a formula with the value the fake caches for it. */
export interface CellContent {
  value: CellValue;
  formula?: string;
}

export function writeCell(sheet: FakeSheetData, row: number, col: number, content: CellContent): void {
  let cells = sheet.values[row];
  if (!cells) {
    if (content.value === '' && content.formula === undefined) {
      deleteSparse(sheet.formulas, row, col);
      return;
    }
    while (sheet.values.length < row) sheet.values.push(null);
    cells = [];
    sheet.values[row] = cells;
  }
  while (cells.length < col) cells.push('');
  cells[col] = content.value;
  if (content.formula !== undefined) setSparse(sheet.formulas, row, col, content.formula);
  else deleteSparse(sheet.formulas, row, col);
}

export function setSparse<T>(rows: SparseRows<T>, row: number, col: number, item: T): void {
  const line = rows[row] ?? (rows[row] = {});
  line[col] = item;
}

export function deleteSparse<T>(rows: SparseRows<T>, row: number, col: number): void {
  const line = rows[row];
  if (!line || !(col in line)) return;
  delete line[col];
  if (Object.keys(line).length === 0) delete rows[row];
}

/** Deletes the entries of a sparse map that fall inside the rectangle. */
export function clearSparse<T>(rows: SparseRows<T>, rect: Rect): void {
  for (const key of Object.keys(rows)) {
    const r = Number(key);
    if (r < rect.row || r >= rect.row + rect.rows) continue;
    for (const colKey of Object.keys(rows[r])) {
      const c = Number(colKey);
      if (c >= rect.col && c < rect.col + rect.cols) deleteSparse(rows, r, c);
    }
  }
}

export function clearContents(sheet: FakeSheetData, rect: Rect): void {
  const lastRow = Math.min(rect.row + rect.rows, sheet.values.length);
  for (let r = rect.row; r < lastRow; r++) {
    const cells = sheet.values[r];
    if (!cells) continue;
    const end = Math.min(rect.col + rect.cols, cells.length);
    for (let c = rect.col; c < end; c++) cells[c] = '';
  }
  clearSparse(sheet.formulas, rect);
}

class Bounds {
  minRow = Infinity;
  maxRow = -1;
  minCol = Infinity;
  maxCol = -1;

  add(row: number, firstCol: number, lastCol: number): void {
    if (row < this.minRow) this.minRow = row;
    if (row > this.maxRow) this.maxRow = row;
    if (firstCol < this.minCol) this.minCol = firstCol;
    if (lastCol > this.maxCol) this.maxCol = lastCol;
  }

  addSparse<T>(rows: SparseRows<T>): void {
    for (const key of Object.keys(rows)) {
      const cols = Object.keys(rows[Number(key)]).map(Number);
      if (cols.length > 0) this.add(Number(key), Math.min(...cols), Math.max(...cols));
    }
  }

  rect(): Rect | null {
    if (this.maxRow < 0) return null;
    return { row: this.minRow, col: this.minCol, rows: this.maxRow - this.minRow + 1, cols: this.maxCol - this.minCol + 1 };
  }
}

/** Excel's used range: the smallest rectangle holding every non-empty cell (and, unless valuesOnly, every formatted one). */
export function usedRect(sheet: FakeSheetData, valuesOnly: boolean): Rect | null {
  const bounds = new Bounds();
  for (let r = 0; r < sheet.values.length; r++) {
    const cells = sheet.values[r];
    if (!cells) continue;
    let first = -1;
    let last = -1;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (v === '' || v === undefined || v === null) continue;
      if (first < 0) first = c;
      last = c;
    }
    if (first >= 0) bounds.add(r, first, last);
  }
  bounds.addSparse(sheet.formulas);
  if (!valuesOnly) bounds.addSparse(sheet.formats);
  return bounds.rect();
}
