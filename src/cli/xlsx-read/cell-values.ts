/**
 * From a cell's stored form to the value Office.js's Range.values would give: numbers as stored (date
 * serials included — the core converts), strings, booleans, error texts, and ISO dates (t="d") as
 * serials in the workbook's own date system.
 */
import type { CellValue } from '../../core';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** "B12" → {row: 11, col: 1}; undefined when malformed or beyond Excel's grid. */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  if (i === 0 || i > 3 || i === ref.length) return undefined;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 0x30;
    if (d < 0 || d > 9 || row > MAX_ROWS) return undefined;
    row = row * 10 + d;
  }
  if (row < 1) return undefined;
  return { row: row - 1, col: col - 1 };
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const MARCH_1900 = Date.UTC(1900, 2, 1);

/** An ISO 8601 date/time (t="d") as a serial; undefined when it is not one. */
export function isoToSerial(text: string, dateSystem: 1900 | 1904): number | undefined {
  const m = /^\s*(?:(\d{4})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?\s*$/.exec(text);
  if (!m || (m[1] === undefined && m[4] === undefined)) return undefined;
  const y = m[1] === undefined ? 1899 : Number(m[1]);
  const mo = m[1] === undefined ? 11 : Number(m[2]) - 1;
  const d = m[1] === undefined ? 30 : Number(m[3]);
  const ms = Date.UTC(y, mo, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)) + (m[7] ? Math.round(Number(m[7]) * 1000) : 0);
  if (Number.isNaN(ms)) return undefined;
  if (m[1] === undefined) return ms / DAY_MS - EPOCH_1900 / DAY_MS; // a time of day alone is a fraction
  if (dateSystem === 1904) return (ms - EPOCH_1904) / DAY_MS;
  // Excel's 1900 system counts a 29 February 1900 that never was: dates before March 1900 sit one lower.
  return (ms - EPOCH_1900) / DAY_MS - (ms < MARCH_1900 ? 1 : 0);
}

/** Why a stored cell gives no value: made only for a damaged cell. */
export class BadCell {
  constructor(
    readonly bad: string,
    readonly badEn: string,
  ) {}
}

/** A formula saved without its value (no <v>). */
export const UNCALCULATED: unique symbol = Symbol('uncalculated');
/** Nothing stored: a styled cell, or an empty <v/>. */
export const EMPTY: unique symbol = Symbol('empty');

/**
 * The value itself, or one of the markers above: no wrapper object per cell (a 100,000-row sheet
 * has ~700,000 cells, and every object made for one is young garbage the collector must visit).
 */
export type CellOutcome = CellValue | typeof UNCALCULATED | typeof EMPTY | BadCell;

const DECIMAL = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

export interface StoredCell {
  type: string | undefined;
  /** The <v> text, or undefined when the scanner parsed it straight to `num`. */
  v: string | undefined;
  /** The <v> as a plain decimal, parsed from the bytes; NaN when it was not one (or absent). */
  num: number;
  inline: string | undefined;
  hasFormula: boolean;
}

export function cellOutcome(c: StoredCell, sharedStrings: string[], dateSystem: 1900 | 1904): CellOutcome {
  const v = c.v;
  switch (c.type) {
    case 's': {
      if (!Number.isNaN(c.num)) {
        const i = c.num;
        if (Number.isInteger(i) && i >= 0 && i < sharedStrings.length) return sharedStrings[i];
        return new BadCell(`引用了不存在的共享字符串（${i}）`, `refers to a shared string that does not exist (${i})`);
      }
      if (v === undefined || v.trim() === '') return EMPTY; // Number('') would be 0, the first string
      const i = Number(v);
      if (!Number.isInteger(i) || i < 0 || i >= sharedStrings.length) return new BadCell(`引用了不存在的共享字符串（${v.trim()}）`, `refers to a shared string that does not exist (${v.trim()})`);
      return sharedStrings[i];
    }
    case 'inlineStr':
      if (c.inline !== undefined) return c.inline;
      return v !== undefined ? v : c.hasFormula ? UNCALCULATED : EMPTY;
    case 'str':
      return v !== undefined ? v : c.hasFormula ? UNCALCULATED : EMPTY;
    case 'b':
      if (v === undefined) return c.hasFormula ? UNCALCULATED : EMPTY;
      switch (v.trim()) {
        case '1':
        case 'true':
          return true;
        case '0':
        case 'false':
          return false;
      }
      return new BadCell(`的逻辑值“${v}”无效`, `has an invalid boolean "${v}"`);
    case 'e':
      return v !== undefined ? v.trim() : c.hasFormula ? UNCALCULATED : EMPTY;
    case 'd': {
      if (v === undefined) return c.hasFormula ? UNCALCULATED : EMPTY;
      const serial = isoToSerial(v, dateSystem);
      return serial === undefined ? new BadCell(`的日期“${v}”无效`, `has an invalid date "${v}"`) : serial;
    }
    default: {
      if (!Number.isNaN(c.num)) return c.num;
      if (v === undefined || v.trim() === '') return c.hasFormula ? UNCALCULATED : EMPTY;
      const n = Number(v);
      // Number() also takes 0x10 and Infinity, which no cell stores.
      if (!Number.isFinite(n) || !DECIMAL.test(v)) return new BadCell(`的数值“${v.slice(0, 20)}”无效`, `has an invalid number "${v.slice(0, 20)}"`);
      return n;
    }
  }
}
