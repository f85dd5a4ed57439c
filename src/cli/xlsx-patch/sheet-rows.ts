/**
 * Finding things in a worksheet's XML without parsing it. The part's bytes are scanned through a
 * latin1 view — one character per byte, so string offsets are byte offsets, and the markup we look
 * for (tags, r and s attributes) is ASCII either way — and only the bytes of edits are ever encoded.
 * One pass indexes every <row>; a row's cells are parsed only when the plan touches it.
 */
import { columnIndex } from '../../core';
import { RESAVE_ADVICE, XlsxPatchError } from './errors';
import type { Latin1Text } from './latin1';
import { attrOf } from './xml';

export interface SheetDataBounds {
  /** Offset of `<sheetData`. */
  start: number;
  /** Just past the sheetData start tag (for `<sheetData/>`, past the whole element). */
  openEnd: number;
  /** Offset of `</sheetData>`; equal to openEnd for `<sheetData/>`. */
  closeStart: number;
  selfClosing: boolean;
}

const SLASH = 0x2f;

export function sheetDataBounds(bytes: Latin1Text, p: string, where: string): SheetDataBounds {
  const start = bytes.indexOf(`<${p}sheetData`);
  if (start < 0) throw new XlsxPatchError(`工作表“${where}”缺少单元格数据（sheetData）。${RESAVE_ADVICE}`);
  const gt = bytes.indexOf('>', start);
  if (bytes.charCodeAt(gt - 1) === SLASH) return { start, openEnd: gt + 1, closeStart: gt + 1, selfClosing: true };
  // From the end: the close tag is near it, and a 30 MB scan from the front costs a few ms.
  const closeStart = bytes.lastIndexOf(`</${p}sheetData>`);
  if (closeStart < gt) throw new XlsxPatchError(`工作表“${where}”的单元格数据不完整。${RESAVE_ADVICE}`);
  return { start, openEnd: gt + 1, closeStart, selfClosing: false };
}

export interface RowSpan {
  /** 0-based row number (from r, or one after the previous row when r is absent). */
  row: number;
  hasR: boolean;
  /** The start tag, just past it, and just past the end tag. */
  start: number;
  openEnd: number;
  end: number;
  selfClosing: boolean;
}

function isTagBoundary(code: number): boolean {
  // space, tab, LF, CR, '>' or '/': `<row` and not `<rowBreaks`, `<c` and not `<color`.
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 62 || code === 47;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * Offset of a one-letter attribute's value (just after its opening quote) within the start tag
 * [from, to), or -1 — a character scan, as this runs for every row and touched cell.
 */
function quickAttr(bytes: Latin1Text, from: number, to: number, letter: number): number {
  for (let i = from + 2; i < to; i++) {
    if (bytes.charCodeAt(i) !== letter || !isSpace(bytes.charCodeAt(i - 1))) continue;
    let j = i + 1;
    while (isSpace(bytes.charCodeAt(j))) j++;
    if (bytes.charCodeAt(j) !== 0x3d) continue;
    j++;
    while (isSpace(bytes.charCodeAt(j))) j++;
    const q = bytes.charCodeAt(j);
    if (q === 0x22 || q === 0x27) return j + 1;
  }
  return -1;
}

/** The decimal digits at `at` (NaN when there are none or they do not end in a quote). */
function digitsAt(bytes: Latin1Text, at: number): number {
  let n = 0;
  let i = at;
  for (let c = bytes.charCodeAt(i); c >= 0x30 && c <= 0x39; c = bytes.charCodeAt(++i)) n = n * 10 + (c - 0x30);
  const q = bytes.charCodeAt(i);
  return i > at && (q === 0x22 || q === 0x27) ? n : NaN;
}

/** A numeric attribute (r or s) of the start tag [from, to). */
function numberAttr(bytes: Latin1Text, from: number, to: number, name: 'r' | 's'): number {
  const v = quickAttr(bytes, from, to, name.charCodeAt(0));
  return v < 0 ? NaN : digitsAt(bytes, v);
}

export function indexRows(bytes: Latin1Text, data: SheetDataBounds, p: string, where: string): RowSpan[] {
  const rows: RowSpan[] = [];
  const open = `<${p}row`;
  const close = `</${p}row>`;
  let pos = data.openEnd;
  let prev = -1;
  for (;;) {
    const start = bytes.indexOf(open, pos);
    if (start < 0 || start >= data.closeStart) break;
    if (!isTagBoundary(bytes.charCodeAt(start + open.length))) {
      pos = start + open.length;
      continue;
    }
    const gt = bytes.indexOf('>', start);
    const selfClosing = bytes.charCodeAt(gt - 1) === SLASH;
    const r = numberAttr(bytes, start, gt, 'r');
    const row = Number.isNaN(r) ? prev + 1 : r - 1;
    if (row <= prev) throw new XlsxPatchError(`工作表“${where}”的行顺序不规范（第 ${row + 1} 行出现在第 ${prev + 1} 行之后）。${RESAVE_ADVICE}`);
    let end = gt + 1;
    if (!selfClosing) {
      const c = bytes.indexOf(close, gt);
      if (c < 0 || c > data.closeStart) throw new XlsxPatchError(`工作表“${where}”第 ${row + 1} 行不完整。${RESAVE_ADVICE}`);
      end = c + close.length;
    }
    rows.push({ row, hasR: !Number.isNaN(r), start, openEnd: gt + 1, end, selfClosing });
    prev = row;
    pos = end;
  }
  return rows;
}

/** Index of the first row whose `key` is at least `value` (rows are ascending in both keys). */
export function lowerBound(rows: RowSpan[], key: 'row' | 'start', value: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid][key] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first row numbered `row` or later. */
export function findRow(rows: RowSpan[], row: number): number {
  return lowerBound(rows, 'row', row);
}

export interface CellSpan {
  /** 0-based column (from r, or one after the previous cell). */
  col: number;
  hasR: boolean;
  /** The start tag, just past it, and just past the end tag. */
  start: number;
  tagEnd: number;
  end: number;
}

export function parseRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]) } : undefined;
}

/** Column of the cell ref at `at` (letters, then the row's number, then a quote), or -1. */
function refColumnAt(bytes: Latin1Text, at: number, row: number): number {
  let col = 0;
  let i = at;
  for (; i - at < 4; i++) {
    const c = bytes.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return i > at && i - at <= 3 && digitsAt(bytes, i) === row + 1 ? col - 1 : -1;
}

/**
 * The cell whose start tag begins at `start` in `row` (the row's text; offsets are relative to it),
 * numbered after `prev` when it has no r.
 */
function cellAt(row: Latin1Text, start: number, p: string, rowNumber: number, prev: number, where: string): CellSpan {
  const gt = row.indexOf('>', start);
  let end = gt + 1;
  if (row.charCodeAt(gt - 1) !== SLASH) {
    const c = row.indexOf(`</${p}c>`, gt);
    if (c < 0) throw new XlsxPatchError(`工作表“${where}”第 ${rowNumber + 1} 行的单元格不完整。${RESAVE_ADVICE}`);
    end = c + p.length + 4;
  }
  const v = quickAttr(row, start, gt, 0x72);
  const hasR = v >= 0;
  const col = hasR ? refColumnAt(row, v, rowNumber) : prev + 1;
  if (col < 0) throw new XlsxPatchError(`工作表“${where}”第 ${rowNumber + 1} 行有地址不符的单元格“${row.slice(start, gt + 1)}”。${RESAVE_ADVICE}`);
  return { col, hasR, start, tagEnd: gt + 1, end };
}

function isCellStart(row: Latin1Text, at: number, open: string): boolean {
  return isTagBoundary(row.charCodeAt(at + open.length));
}

/** The cells of the row spanning [from, to) of the sheet (offsets in the result are the sheet's). */
export function parseCells(bytes: Latin1Text, from: number, to: number, p: string, rowNumber: number, where: string): CellSpan[] {
  // A sliced view keeps every search inside this row, however the rows around it look.
  const row = bytes.slice(from, to);
  const open = `<${p}c`;
  const cells: CellSpan[] = [];
  let pos = row.indexOf('>') + 1;
  let prev = -1;
  for (let start = row.indexOf(open, pos); start >= 0; start = row.indexOf(open, pos)) {
    if (!isCellStart(row, start, open)) {
      pos = start + open.length;
      continue;
    }
    const cell = cellAt(row, start, p, rowNumber, prev, where);
    if (cell.col <= prev) throw new XlsxPatchError(`工作表“${where}”第 ${rowNumber + 1} 行的单元格顺序不规范。${RESAVE_ADVICE}`);
    cells.push({ ...cell, start: cell.start + from, tagEnd: cell.tagEnd + from, end: cell.end + from });
    prev = cell.col;
    pos = cell.end;
  }
  return cells;
}

/**
 * Only the row's last cell, found from the end — enough when every write lands after it, which
 * spares parsing 700,000 cells to append a column to 100,000 rows. Undefined when the row has no
 * cells or its last one has no r (then the whole row must be read).
 */
export function lastCell(bytes: Latin1Text, from: number, to: number, p: string, rowNumber: number, where: string): CellSpan | undefined {
  // Scanned back by hand from the row's end: the last cell is a few dozen characters away.
  const tagEnd = bytes.indexOf('>', from) + 1;
  const open = `<${p}c`;
  for (let i = to - 1; i >= tagEnd; i--) {
    if (bytes.charCodeAt(i) !== 0x3c || !bytes.startsWith(open, i) || !isTagBoundary(bytes.charCodeAt(i + open.length))) continue;
    const cell = cellAt(bytes, i, p, rowNumber, -1, where);
    return cell.hasR ? cell : undefined;
  }
  return undefined;
}

/** The style index in a cell's start tag (0 when it has none). */
export function cellStyle(bytes: Latin1Text, cell: CellSpan): number {
  const s = numberAttr(bytes, cell.start, cell.tagEnd - 1, 's');
  return Number.isNaN(s) ? 0 : s;
}

export interface FormulaInfo {
  /** 'normal' | 'shared' | 'array' | 'dataTable' */
  type: string;
  text: string;
  ref?: string;
  si?: string;
  /** Offsets of the <f> element within the cell's XML. */
  start: number;
  end: number;
}

const FORMULA = new Map<string, RegExp>();

/** The cell's formula, from its decoded XML. */
export function formulaOf(cellXml: string, p: string): FormulaInfo | undefined {
  // Most cells have no formula; indexOf settles that without a regex.
  if (cellXml.indexOf(`<${p}f`) < 0) return undefined;
  let re = FORMULA.get(p);
  if (!re) FORMULA.set(p, (re = new RegExp(`<${p}f(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${p}f>)`)));
  const m = re.exec(cellXml);
  if (!m) return undefined;
  const tag = `<f${m[1] ?? ''}>`;
  return { type: attrOf(tag, 't') ?? 'normal', text: m[2] ?? '', ref: attrOf(tag, 'ref'), si: attrOf(tag, 'si'), start: m.index, end: m.index + m[0].length };
}
