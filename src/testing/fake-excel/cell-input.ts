/**
 * What Excel makes of a value written through `Range.values` / `Range.formulas`: Excel parses it as if
 * typed, so "=…" becomes a formula, "123" and "007" numbers, "TRUE" a boolean, "2023-12-31" a date
 * and "'=x" the text "=x".
 * This is where unescaped user text turns into formulas, so the fake reproduces it.
 */
import type { CellContent } from './cells';
import { ErrorCodes, officeError } from './errors';
import type { CellValue } from './types';

/** Excel's limit on characters in one cell. */
export const MAX_CELL_TEXT = 32767;
/** Excel's limit on characters in one formula. */
export const MAX_FORMULA_LENGTH = 8192;

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/** The number format Excel (zh-CN) puts on a General cell when a date is typed into it. */
export const AUTO_DATE_FORMAT = 'yyyy/m/d';

/** Excel serial number of a calendar date (1900 system; serials after 1900-02-28 are exact). */
export function dateSerial(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86400000 + 25569;
}

function parseDate(text: string, date1904: boolean): number | null {
  const m = ISO_DATE.exec(text) ?? CHINESE_DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  // 1,462 days: 1899-12-30 to 1904-01-01, the 1904 system's day 0 ("Date systems in Excel").
  return dateSerial(year, month, day) - (date1904 ? 1462 : 0);
}

export interface ParsedInput extends CellContent {
  /** Set when Excel would give a General cell a date format. */
  autoFormat?: string;
}

/**
 * Parses one input cell. Returns null for null/undefined, which Office.js treats as "leave unchanged".
 * `isTextFormatted` is true when the cell's number format is "@": Excel then stores strings verbatim.
 */
export function parseCellInput(
  raw: unknown,
  isTextFormatted: boolean,
  formulaResult: (formula: string) => CellValue,
  date1904 = false,
): ParsedInput | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw officeError(ErrorCodes.invalidArgument, `cannot write the number ${raw}`);
    return { value: raw };
  }
  if (typeof raw === 'boolean') return { value: raw };
  // Office.js sends a Date as its JSON string; Excel then sees ISO text, which it keeps as text.
  const text = raw instanceof Date ? raw.toJSON() : raw;
  if (typeof text !== 'string') {
    throw officeError(ErrorCodes.invalidArgument, `cannot write a value of type ${typeof raw}`);
  }
  if (text.length > MAX_CELL_TEXT) {
    throw officeError(ErrorCodes.invalidArgument, `text of ${text.length} characters exceeds Excel's ${MAX_CELL_TEXT}`);
  }
  if (text === '') return { value: '' };
  if (isTextFormatted) return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  const trimmed = text.trim();
  if (PLAIN_NUMBER.test(trimmed)) return { value: Number(trimmed) };
  if (GROUPED_NUMBER.test(trimmed)) return { value: Number(trimmed.replace(/,/g, '')) };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const percent = PERCENT.exec(trimmed);
  if (percent) return { value: Number(percent[1]) / 100 };
  if (text.length > 1 && (text.startsWith('=') || text.startsWith('+') || text.startsWith('-') || text.startsWith('@'))) {
    // Excel reads "+x", "-x" and "@x" as formulas too (Lotus habits); "@SUM(A1)" becomes "=SUM(A1)".
    const formula = text.startsWith('=') ? text : text.startsWith('@') ? `=${text.slice(1)}` : `=${text}`;
    if (formula.length > MAX_FORMULA_LENGTH) {
      throw officeError('FormulaLengthExceedsLimit', `formula of ${formula.length} characters`, 'The bytecode of the applied formula exceeds the maximum length limit.');
    }
    return { value: formulaResult(formula), formula };
  }
  const serial = parseDate(trimmed, date1904);
  if (serial !== null) return { value: serial, autoFormat: AUTO_DATE_FORMAT };
  return { value: text };
}
