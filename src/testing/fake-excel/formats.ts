/**
 * Cell formats of one sheet. A cell's stored format is complete (it starts from its column's format),
 * so lookups are one step; whole-column writes go to `columnFormats` instead of a million cells.
 */
import { isEntireColumns, type Rect } from './address';
import { getValue } from './cells';
import { displayUnits, formatCellText } from './text-format';
import type { FakeCellFormat, FakeFont, FakeSheetData } from './types';

export const DEFAULT_FONT: Required<FakeFont> = { bold: false, italic: false, name: 'Calibri', size: 11, color: '#000000' };
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;
const EMPTY: FakeCellFormat = {};

export function cellFormat(sheet: FakeSheetData, row: number, col: number): FakeCellFormat {
  return sheet.formats[row]?.[col] ?? sheet.columnFormats[col] ?? EMPTY;
}

export function numberFormatOf(sheet: FakeSheetData, row: number, col: number): string {
  return cellFormat(sheet, row, col).numberFormat ?? 'General';
}

/** Applies `patch` to every cell of the rectangle; equal inputs share one output object. */
export function updateFormats(sheet: FakeSheetData, rect: Rect, patch: (f: FakeCellFormat) => FakeCellFormat): void {
  const memo = new Map<FakeCellFormat, FakeCellFormat>();
  const apply = (f: FakeCellFormat): FakeCellFormat => {
    let out = memo.get(f);
    if (!out) {
      out = patch(f);
      memo.set(f, out);
    }
    return out;
  };
  const lastCol = rect.col + rect.cols;
  if (isEntireColumns(rect)) {
    for (let c = rect.col; c < lastCol; c++) sheet.columnFormats[c] = apply(sheet.columnFormats[c] ?? EMPTY);
    for (const key of Object.keys(sheet.formats)) {
      const line = sheet.formats[Number(key)];
      for (const colKey of Object.keys(line)) {
        const c = Number(colKey);
        if (c >= rect.col && c < lastCol) line[c] = apply(line[c]);
      }
    }
    return;
  }
  for (let r = rect.row; r < rect.row + rect.rows; r++) {
    const line = sheet.formats[r] ?? (sheet.formats[r] = {});
    for (let c = rect.col; c < lastCol; c++) line[c] = apply(line[c] ?? sheet.columnFormats[c] ?? EMPTY);
  }
}

export function patchFont(f: FakeCellFormat, font: FakeFont): FakeCellFormat {
  return { ...f, font: { ...f.font, ...font } };
}

/** One value for the whole range, or null where cells differ — Office's answer for mixed formats. */
export function uniformFormat<V>(sheet: FakeSheetData, rect: Rect, pick: (f: FakeCellFormat) => V): V | null {
  let first = true;
  let result: V | null = null;
  const see = (v: V): boolean => {
    if (first) {
      first = false;
      result = v;
      return true;
    }
    return v === result;
  };
  const lastCol = rect.col + rect.cols;
  if (isEntireColumns(rect)) {
    for (let c = rect.col; c < lastCol; c++) if (!see(pick(sheet.columnFormats[c] ?? EMPTY))) return null;
    for (const key of Object.keys(sheet.formats)) {
      const line = sheet.formats[Number(key)];
      for (const colKey of Object.keys(line)) {
        const c = Number(colKey);
        if (c >= rect.col && c < lastCol && !see(pick(line[c]))) return null;
      }
    }
    return result;
  }
  for (let r = rect.row; r < rect.row + rect.rows; r++) {
    for (let c = rect.col; c < lastCol; c++) if (!see(pick(cellFormat(sheet, r, c)))) return null;
  }
  return result;
}

/** Same for per-row or per-column settings (widths, heights, hidden). */
export function uniformIndexed<V>(map: Record<number, V>, start: number, count: number, fallback: V): V | null {
  let explicit = 0;
  const seen = new Set<V>();
  for (const key of Object.keys(map)) {
    const i = Number(key);
    if (i < start || i >= start + count) continue;
    explicit++;
    seen.add(map[i]);
  }
  if (explicit < count) seen.add(fallback);
  return seen.size === 1 ? [...seen][0] : null;
}

export function clearFormats(sheet: FakeSheetData, rect: Rect): void {
  if (isEntireColumns(rect)) {
    for (let c = rect.col; c < rect.col + rect.cols; c++) delete sheet.columnFormats[c];
  }
  for (const key of Object.keys(sheet.formats)) {
    const r = Number(key);
    if (r < rect.row || r >= rect.row + rect.rows) continue;
    const line = sheet.formats[r];
    for (const colKey of Object.keys(line)) {
      const c = Number(colKey);
      if (c >= rect.col && c < rect.col + rect.cols) delete line[c];
    }
    if (Object.keys(line).length === 0) delete sheet.formats[r];
  }
}

function cellText(sheet: FakeSheetData, row: number, col: number): string {
  return formatCellText(getValue(sheet, row, col), numberFormatOf(sheet, row, col));
}

/** Approximates Excel's autofit: about 7px per character unit plus padding, in points. */
export function autofitColumns(sheet: FakeSheetData, rect: Rect): void {
  const lastRow = Math.min(rect.row + rect.rows, sheet.values.length);
  for (let c = rect.col; c < rect.col + rect.cols; c++) {
    let units = 0;
    for (let r = rect.row; r < lastRow; r++) {
      if (sheet.values[r] && !cellFormat(sheet, r, c).wrapText) units = Math.max(units, displayUnits(cellText(sheet, r, c)));
    }
    if (units > 0) sheet.columnWidths[c] = Math.min(255 * 7, Math.round((units * 7 + 10) * 0.75 * 100) / 100);
  }
}

/** Rows with wrapped text grow by the number of lines their longest cell needs. */
export function autofitRows(sheet: FakeSheetData, rect: Rect): void {
  const lineHeight = sheet.standardHeight ?? DEFAULT_ROW_HEIGHT;
  const lastRow = Math.min(rect.row + rect.rows, sheet.values.length);
  for (let r = rect.row; r < lastRow; r++) {
    if (!sheet.values[r]) continue;
    let lines = 1;
    for (let c = rect.col; c < rect.col + rect.cols; c++) {
      if (!cellFormat(sheet, r, c).wrapText) continue;
      const widthPx = (sheet.columnWidths[c] ?? sheet.standardWidth ?? DEFAULT_COLUMN_WIDTH) / 0.75 - 5;
      const explicitLines = cellText(sheet, r, c).split('\n');
      const needed = explicitLines.reduce((n, line) => n + Math.max(1, Math.ceil((displayUnits(line) * 7) / widthPx)), 0);
      lines = Math.max(lines, needed);
    }
    if (lines === 1) delete sheet.rowHeights[r];
    else sheet.rowHeights[r] = lines * lineHeight;
  }
}
