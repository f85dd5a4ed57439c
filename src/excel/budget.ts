/**
 * How much one `context.sync()` may carry. Excel on the web refuses requests and responses over 5 MB
 * and ranges over 5 million cells; the shell plans every read and write to stay well inside both.
 */

/** Bytes one sync may send or receive: 4 MB leaves a fifth of Excel's 5 MB for the JSON envelope. */
export const SYNC_BYTE_BUDGET = 4_000_000;
/** Cells one range read or write may touch (Excel's limit is 5,000,000). */
export const SYNC_CELL_BUDGET = 1_000_000;
/** What one queued action costs beyond its data (object path, method name, JSON envelope). */
export const ACTION_BYTES = 400;

/** UTF-8 length of a string without allocating (payloads can be megabytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A cell's share of a JSON array: the value, its quotes and escapes, the comma. */
export function cellBytes(v: unknown): number {
  if (v === null || v === undefined || v === '') return 3;
  if (typeof v === 'string') {
    let escapes = 0;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c === 0x22 || c === 0x5c || c < 0x20) escapes += 5;
    }
    return utf8Length(v) + escapes + 3;
  }
  if (typeof v === 'number') return String(v).length + 1;
  return 6;
}

/**
 * A string's exact size as a JSON string in the request: UTF-8 bytes, its quotes, and one extra
 * character for each `"` or `\` (two for \n-style escapes, five for other control characters).
 */
export function jsonStringBytes(text: string): number {
  let extra = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) extra += 1;
    else if (c < 0x20) extra += c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d ? 1 : 5;
  }
  return utf8Length(text) + extra;
}

/** A 2-D grid's JSON size. */
export function gridBytes(grid: readonly (readonly unknown[])[]): number {
  let bytes = 2;
  for (const row of grid) {
    bytes += 3;
    for (const v of row) bytes += cellBytes(v);
  }
  return bytes;
}

/** A run of rows [start, start + count) of some larger piece of work. */
export interface RowSlice {
  start: number;
  count: number;
}

function codeOf(e: unknown): unknown {
  return (e as { code?: unknown } | null)?.code;
}

/** Whether Excel refused a sync for its size: the caller then retries in smaller pieces. */
export function isPayloadTooLarge(e: unknown): boolean {
  const code = codeOf(e);
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/**
 * Excel on the web also answers some oversized requests with GeneralException, "An internal error has
 * occurred" (OfficeDev/office-js #1314; office-js-docs-reference #354: a 2,000-row write failed so,
 * 500 rows passed). For a sync that only reads or writes cells — safe to send twice — that is worth
 * one more try in smaller pieces; a genuine internal error fails again down to a single row.
 */
export function isMaybeTooLarge(e: unknown): boolean {
  return isPayloadTooLarge(e) || codeOf(e) === 'GeneralException';
}
