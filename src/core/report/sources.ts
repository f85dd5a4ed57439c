/**
 * Source cells written compactly for the hidden column: 项目资金!G13, …, 项目资金!G26 becomes
 * 项目资金!G13:G26 — runs of consecutive rows in one column merged, joined with "," as Excel's
 * union reference is (so it can be pasted into the Name Box). Ranges already built (支付明细!H3:H5)
 * are kept as they are.
 */
import { quoteSheetName } from '../address';

/**
 * Lists known to be compact already (a project's payment ranges, merged as they were built, and its
 * budget cell): the sheet renderer writes them as they are instead of parsing 100,000 addresses again.
 */
const COMPACT = new WeakSet<readonly string[]>();

export function markCompact<T extends readonly string[]>(cells: T): T {
  COMPACT.add(cells);
  return cells;
}

/** A list's compact parts: as they are when known compact, else merged by compressCells. */
export function compactParts(cells: readonly string[]): readonly string[] {
  return COMPACT.has(cells) ? cells : compressCells(cells).split(',');
}

/** A single cell's column key ("项目资金!G") and row, read by hand: this runs for ~200,000 cells a report. */
function splitCell(cell: string): { key: string; row: number } | undefined {
  const bang = cell.lastIndexOf('!');
  if (bang <= 0) return undefined;
  let i = bang + 1;
  if (cell.charCodeAt(i) === 36 /* $ */) i++;
  const lettersStart = i;
  for (let c = cell.charCodeAt(i); (c >= 65 && c <= 90) || (c >= 97 && c <= 122); c = cell.charCodeAt(++i));
  if (i === lettersStart || i - lettersStart > 3) return undefined;
  const key = cell.slice(0, bang + 1) + cell.slice(lettersStart, i).toUpperCase();
  if (cell.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsStart = i;
  for (let c = cell.charCodeAt(i); c >= 48 && c <= 57; c = cell.charCodeAt(++i)) row = row * 10 + (c - 48);
  return i === digitsStart || i !== cell.length ? undefined : { key, row };
}

export function compressCells(cells: readonly string[]): string {
  // Keyed by sheet and column ("项目资金!G"), in order of first appearance; ranges pass through.
  const columns = new Map<string, number[]>();
  const others = new Set<string>();
  for (const cell of cells) {
    const s = splitCell(cell);
    if (!s) {
      others.add(cell);
      continue;
    }
    const rows = columns.get(s.key);
    if (rows) rows.push(s.row);
    else columns.set(s.key, [s.row]);
  }
  const parts: string[] = [];
  for (const [key, rows] of columns) {
    const bang = key.lastIndexOf('!');
    const raw = key.slice(0, bang);
    const sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    const prefix = `${quoteSheetName(sheet)}!`;
    const col = key.slice(bang + 1);
    if (rows.length > 1) rows.sort((x, y) => x - y);
    let start = rows[0];
    let prev = start;
    const flush = () => parts.push(start === prev ? `${prefix}${col}${start}` : `${prefix}${col}${start}:${col}${prev}`);
    for (let i = 1; i < rows.length; i++) {
      if (rows[i] === prev) continue;
      if (rows[i] === prev + 1) prev = rows[i];
      else {
        flush();
        start = prev = rows[i];
      }
    }
    flush();
  }
  for (const o of others) parts.push(o);
  return parts.join(',');
}
