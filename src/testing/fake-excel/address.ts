/** A1 addresses: parsing what add-ins pass to getRange, formatting what Range.address returns. */

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Excel quotes a sheet name unless it is a plain identifier that cannot be read as a cell reference. */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name);
  const looksLikeCell = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name);
  const isBool = /^(true|false)$/i.test(name);
  if (plain && !looksLikeCell && !isBool) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function isEntireColumns(rect: Rect): boolean {
  return rect.row === 0 && rect.rows === MAX_ROWS;
}

export function isEntireRows(rect: Rect): boolean {
  return rect.col === 0 && rect.cols === MAX_COLUMNS;
}

/** "A1:D20", "D:D", "3:5" — the part after the "!". */
export function formatRect(rect: Rect): string {
  const lastRow = rect.row + rect.rows - 1;
  const lastCol = rect.col + rect.cols - 1;
  if (isEntireColumns(rect) && !isEntireRows(rect)) {
    return `${columnLetters(rect.col)}:${columnLetters(lastCol)}`;
  }
  if (isEntireRows(rect)) return `${rect.row + 1}:${lastRow + 1}`;
  const start = `${columnLetters(rect.col)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return start;
  return `${start}:${columnLetters(lastCol)}${lastRow + 1}`;
}

export function formatAddress(sheetName: string, rect: Rect): string {
  return `${quoteSheetName(sheetName)}!${formatRect(rect)}`;
}

interface Corner {
  row: number | null;
  col: number | null;
}

function parseCorner(text: string): Corner | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const col = m[1] === '' ? null : columnIndex(m[1]);
  const row = m[2] === '' ? null : Number(m[2]) - 1;
  if (col !== null && (col < 0 || col >= MAX_COLUMNS)) return null;
  if (row !== null && (row < 0 || row >= MAX_ROWS)) return null;
  return { row, col };
}

/** Splits "'My sheet'!A1:B2" into sheet name and the local part; sheet is null when absent. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** Parses a local A1 address ("B3", "A1:D20", "D:D", "3:3"); null when Excel would reject it. */
export function parseRect(local: string): Rect | null {
  const parts = local.split(':');
  if (parts.length > 2) return null;
  const a = parseCorner(parts[0]);
  const b = parts.length === 2 ? parseCorner(parts[1]) : a;
  if (!a || !b) return null;
  // Both corners must be of one kind: cells, whole columns or whole rows.
  const kindA = a.row === null ? 'col' : a.col === null ? 'row' : 'cell';
  const kindB = b.row === null ? 'col' : b.col === null ? 'row' : 'cell';
  if (kindA !== kindB || (parts.length === 1 && kindA !== 'cell')) return null;
  const r1 = a.row ?? 0;
  const r2 = b.row ?? MAX_ROWS - 1;
  const c1 = a.col ?? 0;
  const c2 = b.col ?? MAX_COLUMNS - 1;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

export function rectInGrid(rect: Rect): boolean {
  return (
    Number.isInteger(rect.row) &&
    Number.isInteger(rect.col) &&
    Number.isInteger(rect.rows) &&
    Number.isInteger(rect.cols) &&
    rect.row >= 0 &&
    rect.col >= 0 &&
    rect.rows >= 1 &&
    rect.cols >= 1 &&
    rect.row + rect.rows <= MAX_ROWS &&
    rect.col + rect.cols <= MAX_COLUMNS
  );
}

export function cellCount(rect: Rect): number {
  return rect.rows * rect.cols;
}
