/**
 * Dates as Excel serial day numbers (1900 date system: 45208 is 2023-10-09), parsed from serials,
 * 2023-10-09, 2023/11/3, 2023.11.3, 2023年6月15日, 20230615 and ISO date-times. Dates that do not
 * exist (2023-02-30) are refused, never rolled over.
 */
import { toHalfWidth, isFormulaError } from './text';

export interface YMD {
  y: number;
  m: number;
  d: number;
}

export type DateParse =
  | { ok: true; serial: number }
  | { ok: false; reason: 'empty' | 'text' | 'no-such-date' | 'formula-error'; text: string };

const DAY_MS = 86_400_000;
/** Serial 0 is 1899-12-30 for every date after Excel's fictitious 1900-02-29. */
const EPOCH_MS = Date.UTC(1899, 11, 30);

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInYear(y: number): number {
  return isLeapYear(y) ? 366 : 365;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

export function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function ymdToSerial({ y, m, d }: YMD): number {
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH_MS) / DAY_MS);
}

export function serialToYmd(serial: number): YMD {
  const t = new Date(EPOCH_MS + Math.floor(serial) * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function formatIsoDate(serial: number): string {
  const { y, m, d } = serialToYmd(serial);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 2023年7月31日 — how the report writes a date. */
export function formatChineseDate(serial: number): string {
  const { y, m, d } = serialToYmd(serial);
  return `${y}年${m}月${d}日`;
}

/** 7月31日: a date within the report's own year, as the body writes it once the title names the year. */
export function monthDay(serial: number): string {
  const { m, d } = serialToYmd(serial);
  return `${m}月${d}日`;
}

/** The months a monitoring run covers, as a title names them: 1-7月 to the end of July, else 1月1日至7月15日. */
export function periodName(asOf: number): string {
  const { m } = serialToYmd(asOf);
  const monthEnd = serialToYmd(asOf + 1).m !== m;
  return monthEnd ? `1-${m}月` : `1月1日至${monthDay(asOf)}`;
}

const TEXT_DATE = /^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?(?:[T\s].*)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** Serials Excel can hold for 1900-03-01 … 9999-12-31. */
const MIN_SERIAL = 61;
const MAX_SERIAL = 2_958_465;

/**
 * A date cell: a serial number in the workbook's date system (`dateSystem` 1904: serial 0 is
 * 1904-01-01, so 1,462 is added to count in the 1900 system) or a text date, which is the same in both.
 */
export function parseDate(value: unknown, dateSystem: 1900 | 1904 = 1900): DateParse {
  if (value === null || value === undefined) return { ok: false, reason: 'empty', text: '' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: 'text', text: String(value) };
    // 20230615 typed as a number; real serials are far smaller, so most cells skip the text test.
    if (value >= 10_000_000) {
      const compact = COMPACT_DATE.exec(String(value));
      if (compact) return fromParts(+compact[1], +compact[2], +compact[3], String(value));
    }
    const serial = dateSystem === 1904 ? value + 1462 : value;
    if (value < 0 || serial < MIN_SERIAL || serial > MAX_SERIAL) return { ok: false, reason: 'text', text: String(value) };
    return { ok: true, serial: Math.floor(serial) };
  }
  if (typeof value === 'boolean') return { ok: false, reason: 'text', text: String(value) };
  const raw = String(value);
  const t = toHalfWidth(raw).trim();
  if (t === '') return { ok: false, reason: 'empty', text: raw };
  if (isFormulaError(t)) return { ok: false, reason: 'formula-error', text: raw };
  const m = TEXT_DATE.exec(t) ?? COMPACT_DATE.exec(t);
  if (!m) return { ok: false, reason: 'text', text: raw };
  return fromParts(+m[1], +m[2], +m[3], raw);
}

function fromParts(y: number, m: number, d: number, text: string): DateParse {
  if (!validYmd(y, m, d)) return { ok: false, reason: 'no-such-date', text };
  return { ok: true, serial: ymdToSerial({ y, m, d }) };
}
