/**
 * A1 addresses as Excel writes them. Sheet names are quoted the Excel way when they need it:
 * 支付明细!A42 stays bare, 'Sheet ''1'''!A1 and '预算表（2023）'!B3 are quoted.
 */

const LETTERS: string[] = [];

export function columnLetters(col: number): string {
  const cached = LETTERS[col];
  if (cached !== undefined) return cached;
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  if (col < 16384) LETTERS[col] = s;
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "D17" for row 16, col 3 (both 0-based). */
export function cellRef(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

const BARE_SHEET_NAME = /^[\p{L}_][\p{L}\p{N}_.]*$/u;
const LOOKS_LIKE_REFERENCE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[Rr]|[Cc])$/;

const QUOTED = new Map<string, string>();

/** The sheet name as it must appear before "!" in a formula or address. */
export function quoteSheetName(name: string): string {
  let q = QUOTED.get(name);
  if (q === undefined) {
    const bare = BARE_SHEET_NAME.test(name) && !LOOKS_LIKE_REFERENCE.test(name) && !/^(true|false)$/i.test(name);
    q = bare ? name : `'${name.replace(/'/g, "''")}'`;
    // Addresses are built for every payment row; a workbook has few sheet names, so remember them.
    if (QUOTED.size > 1000) QUOTED.clear();
    QUOTED.set(name, q);
  }
  return q;
}

/** "支付明细!A42" — the form every issue and every traced figure uses. */
export function address(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!${cellRef(row, col)}`;
}

export function rangeAddress(sheet: string, top: number, left: number, bottom: number, right: number): string {
  const a = cellRef(top, left);
  const b = cellRef(bottom, right);
  return `${quoteSheetName(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

export interface ParsedAddress {
  sheet: string;
  row: number;
  col: number;
}

/** Inverse of `quoteSheetName`: 'Sheet ''1''' → Sheet '1'; a bare name is returned as it is. */
export function unquoteSheetName(text: string): string {
  return text.length > 1 && text.startsWith("'") && text.endsWith("'") ? text.slice(1, -1).replace(/''/g, "'") : text;
}

/** Inverse of `address` (single cells; the first cell of a range). */
export function parseAddress(text: string): ParsedAddress | null {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return null;
  const sheet = unquoteSheetName(text.slice(0, bang));
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(text.slice(bang + 1));
  if (!m) return null;
  return { sheet, row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}
