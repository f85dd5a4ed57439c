/**
 * The undo store: a very hidden sheet holding the last run's UndoRecord as JSON in column A — a
 * header in A1 ("JIXIAO-UNDO|1|<chunks>|<length>") and the JSON in chunks of at most 30,000
 * characters (Excel holds 32,767 in a cell), each after a "~" so Excel never reads one as a number
 * or a formula. It lives in the file, so the ribbon command's separate runtime and a reopened
 * workbook find it.
 */
import { RESERVED_SHEET_PREFIX } from '../core';
import { jsonStringBytes } from './budget';
import { asStructureError } from './guards';
import { WritePiece, readPieces, writePieces } from './range-io';
import { UndoRecord, parseRecord } from './undo-record';

export const UNDO_SHEET = `${RESERVED_SHEET_PREFIX}_undo`;
/** Where a replaced report sheet waits, hidden, until the next run or an undo. */
export const REPORT_BACKUP_SHEET = `${RESERVED_SHEET_PREFIX}_report_prev`;
/** The same for a replaced 核对清单. */
export const CHECKLIST_BACKUP_SHEET = `${RESERVED_SHEET_PREFIX}_checklist_prev`;
/** The same for a replaced 绩效自评表. */
export const FORM_BACKUP_SHEET = `${RESERVED_SHEET_PREFIX}_forms_prev`;
const BACKUP_SHEETS = [REPORT_BACKUP_SHEET, CHECKLIST_BACKUP_SHEET, FORM_BACKUP_SHEET];
export const CHUNK_CHARS = 30_000;
const HEADER_TAG = 'JIXIAO-UNDO';
const CHUNK_MARK = '~';

/** The JSON cut into cell-sized chunks, never between the two halves of a surrogate pair. */
export function chunkText(text: string, size = CHUNK_CHARS): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/** Queues the deletion of one of the add-in's very hidden sheets (Excel refuses to delete it while very hidden). */
export function queueDeleteHidden(sheet: Excel.Worksheet): void {
  sheet.visibility = 'Hidden';
  sheet.delete();
}

/**
 * Writes the record, replacing the previous one. `existing` lists the workbook's sheet names, so the
 * store sheet is added only when missing. A report backup left by the previous run is dropped: only
 * the last run can be undone.
 */
export async function saveUndoRecord(context: Excel.RequestContext, record: UndoRecord, existing: string[], beforeSync?: () => void): Promise<void> {
  const chunks = chunkText(JSON.stringify(record));
  const rows = [`${HEADER_TAG}|1|${chunks.length}|${chunks.reduce((n, c) => n + c.length, 0)}`, ...chunks.map((c) => CHUNK_MARK + c)];
  const has = (name: string) => existing.some((n) => n.toLowerCase() === name.toLowerCase());
  const piece: WritePiece = {
    sheet: UNDO_SHEET,
    top: 0,
    left: 0,
    rows: rows.length,
    cols: 1,
    // The chunks are JSON, full of quotes and backslashes, and go to Excel inside JSON again: each of
    // those is escaped once more, so the estimate counts the escapes, not just the text.
    rowBytes: (r) => jsonStringBytes(rows[r]) + 8,
    queue: (range, start, count) => {
      range.values = rows.slice(start, start + count).map((text) => [text]);
    },
  };
  // Adding the store or dropping a backup is the run's first change: refused under workbook structure
  // protection, before anything else is written (ExcelApi below 1.7 cannot ask beforehand).
  await writePieces(context, [piece], {
    beforeSync,
    first: () => {
      const sheets = context.workbook.worksheets;
      // Saved before the run touches anything, so any backup found now belongs to the previous record.
      for (const backup of BACKUP_SHEETS) if (has(backup)) queueDeleteHidden(sheets.getItem(backup));
      if (has(UNDO_SHEET)) sheets.getItem(UNDO_SHEET).getUsedRange().clear('Contents');
      else sheets.add(UNDO_SHEET).visibility = 'VeryHidden';
    },
  }).catch((e: unknown) => {
    throw storeNeedsStructure(existing) ? asStructureError(e) : e;
  });
}

/** Whether saving the store adds a sheet or removes the report backup. */
export function storeNeedsStructure(existing: string[]): boolean {
  const has = (name: string) => existing.some((n) => n.toLowerCase() === name.toLowerCase());
  return !has(UNDO_SHEET) || BACKUP_SHEETS.some(has);
}

/** The last run's record, or null when there is none (no store, an empty one, or not ours). */
export async function loadUndoRecord(context: Excel.RequestContext): Promise<UndoRecord | null> {
  const first = await storeHeader(context);
  if (first === null) return null;
  const header = first.split('|');
  if (header[0] !== HEADER_TAG || header[1] !== '1') return null;
  const count = Number(header[2]);
  const length = Number(header[3]);
  if (!Number.isInteger(count) || count < 1) return null;
  const parts: string[] = new Array(count).fill('');
  await readPieces(context, [
    {
      sheet: UNDO_SHEET,
      top: 1,
      left: 0,
      rows: count,
      cols: 1,
      props: ['values'],
      rowBytes: CHUNK_CHARS * 3 + 16,
      deliver: (top, data) => data.values!.forEach((row, i) => (parts[top - 1 + i] = String(row[0] ?? '').slice(CHUNK_MARK.length))),
    },
  ]);
  const json = parts.join('');
  // A store cut short (a cell edited by hand, a failed save) is not restored from.
  if (json.length !== length) return null;
  return parseRecord(json);
}

/** Whether a record is waiting, from A1 alone. */
export async function hasUndoRecord(context: Excel.RequestContext): Promise<boolean> {
  return (await storeHeader(context))?.startsWith(`${HEADER_TAG}|`) ?? false;
}

/** A1 of the store, or null without a store. Two syncs: a range of a missing sheet is not asked for. */
async function storeHeader(context: Excel.RequestContext): Promise<string | null> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(UNDO_SHEET);
  await context.sync();
  if (sheet.isNullObject) return null;
  const head = sheet.getRange('A1').load('values');
  await context.sync();
  return String(head.values[0][0] ?? '');
}

/** Empties the store after a successful undo (the sheet stays, very hidden, for the next run). */
export function queueClearStore(context: Excel.RequestContext): void {
  context.workbook.worksheets.getItem(UNDO_SHEET).getUsedRange().clear('Contents');
}

