/**
 * Range.values is read like typing: "=…", "+…", "-…", "@…" become formulas, "007" a number, "TRUE" a
 * boolean, "2023-12-31" a date. Text that Excel would re-read is written with a leading apostrophe,
 * which Excel drops and keeps the rest as text. A cell formatted as text ("@") needs no apostrophe —
 * there it would stay in the cell.
 */

const PARSED_START = /^\s*[=+\-@'#.(0-9０-９$¥￥]/;
const BOOLEAN = /^\s*(true|false)\s*$/i;

/** Whether Excel would turn this text into something else when it is written to a General cell. */
export function needsTextGuard(text: string): boolean {
  return text !== '' && (PARSED_START.test(text) || BOOLEAN.test(text));
}

/** A value as it must be written so the cell ends up holding exactly `value`. */
export function cellInput(value: string | number | boolean | null | undefined, textFormatted = false): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  return !textFormatted && needsTextGuard(value) ? `'${value}` : value;
}

export const TEXT_FORMAT = '@';
export const GENERAL_FORMAT = 'General';
