/**
 * 撤销上次计算: puts back every cell the last run overwrote, exactly — formulas where there were
 * formulas, else the values (text kept as text), then the number formats — restores the looks of
 * appended columns, and removes the report sheet the run created (bringing back the one it replaced).
 * The store is emptied only after everything succeeded, so a failed undo can be tried again.
 */
import { REPORT_SHEET_NAME, rangeAddress } from '../core';
import { GENERAL_FORMAT, cellInput } from './cell-input';
import { cellBytes } from './budget';
import { OfficeActionError, protectedSheetError } from './errors';
import { asStructureError, queueStructureCheck } from './guards';
import { Capabilities } from './host';
import { WritePiece, localAddress, writePieces } from './range-io';
import { UndoRange, UndoRecord, cellCountOf, cellsByRow, formatGrid } from './undo-record';
import { loadUndoRecord, queueClearStore } from './undo-store';
import { pauses } from './write';

function restorePiece(range: UndoRange): WritePiece {
  const byRow = cellsByRow(range);
  const gridOf = (start: number, count: number) => {
    const grid: (string | number | boolean)[][] = [];
    let special = false;
    for (let i = 0; i < count; i++) {
      const row: (string | number | boolean)[] = new Array(range.cols).fill('');
      for (const c of byRow.get(start + i) ?? []) {
        const input = c[3] === 1 ? c[2] : cellInput(c[2]);
        if (c[3] === 1 || input !== c[2]) special = true;
        row[c[1]] = input;
      }
      grid.push(row);
    }
    return { grid, special };
  };
  return {
    sheet: range.sheet,
    top: range.top,
    left: range.left,
    rows: range.rows,
    cols: range.cols,
    rowBytes: (r) => {
      let bytes = range.cols * 3 + 4;
      for (const c of byRow.get(r) ?? []) bytes += cellBytes(c[2]) + 2;
      // Up to two format grids ride along: a neutral one and the recorded one.
      return bytes + range.cols * 40;
    },
    queue: (target, start, count) => {
      const { grid, special } = gridOf(start, count);
      const empty = !grid.some((row) => row.some((v) => v !== ''));
      // Formulas and apostrophe-guarded text are read as typed only in a General cell, so the
      // cells are neutral while they are written and get their recorded formats afterwards.
      if (special) target.numberFormat = grid.map((row) => row.map(() => GENERAL_FORMAT));
      if (empty) target.clear('Contents');
      else target.formulas = grid;
      if (special || range.formatChanged) target.numberFormat = formatGrid(range, start, count);
    },
  };
}

/** Which of the sheets the record names still exist, and which of those are protected. */
async function checkSheets(context: Excel.RequestContext, record: UndoRecord): Promise<Set<string>> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const present = new Set(worksheets.items.map((w) => w.name));
  const targets = [...new Set(record.ranges.map((r) => r.sheet))];
  const missing = targets.filter((s) => !present.has(s));
  if (missing.length > 0) {
    const zh = missing.map((s) => `“${s}”`).join('、');
    throw new OfficeActionError(
      'UndoSheetMissing',
      `上次计算写入的工作表${zh}已不存在或已改名，未做任何恢复。请把工作表改回原名后再撤销。`,
      `The sheet(s) ${missing.map((s) => `"${s}"`).join(', ')} written by the last calculation no longer exist or were renamed; nothing was restored. Give them their old names and undo again.`,
    );
  }
  const protections = targets.map((name) => worksheets.getItem(name).protection.load('protected'));
  await context.sync();
  const locked = targets.filter((_, i) => protections[i].protected);
  if (locked.length > 0) throw protectedSheetError(locked);
  return present;
}

/** The report sheet: delete the one the run created, bring back the one it replaced. */
function queueReportUndo(context: Excel.RequestContext, report: NonNullable<UndoRecord['report']>, present: Set<string>): string | undefined {
  const sheets = context.workbook.worksheets;
  const backup = report.backup && present.has(report.backup.name) ? report.backup : undefined;
  let removed: string | undefined;
  // The backup becomes visible first: Excel never deletes the last visible sheet.
  const old = backup ? sheets.getItem(backup.name) : undefined;
  if (old) old.visibility = 'Visible';
  if (present.has(report.sheet)) {
    sheets.getItem(report.sheet).delete();
    removed = report.sheet;
  }
  if (old && backup) {
    old.name = REPORT_SHEET_NAME;
    old.position = backup.position;
    if (backup.visibility !== 'Visible') old.visibility = backup.visibility;
  }
  return removed;
}

export interface UndoResult {
  restoredCells: number;
  removedSheet?: string;
  /**
   * Ranges Excel refused to write back (a merged area cuts them). The run could not have written them
   * either — its write of the same cells was refused — unless cells were merged after it.
   */
  notRestored?: string[];
}

/** Codes Excel gives for a write it will not do to some cells (merged areas among them). */
const REFUSED_WRITE = new Set(['InvalidOperation', 'InvalidArgument']);

export async function undoRecorded(context: Excel.RequestContext, caps: Capabilities, onProgress?: (f: number) => void): Promise<UndoResult | null> {
  const record = await loadUndoRecord(context);
  if (!record) return null;
  // Removing the report sheet (and bringing back the one it replaced) changes the workbook's structure.
  const checkStructure = record.report ? queueStructureCheck(context, caps) : () => undefined;
  const present = await checkSheets(context, record);
  checkStructure();
  const pause = pauses(context, caps);
  const notRestored: string[] = [];
  await writePieces(context, record.ranges.map(restorePiece), {
    isolate: {
      when: (e) => REFUSED_WRITE.has(String((e as { code?: unknown } | null)?.code)),
      blame: (piece, top, rows) => void notRestored.push(rangeAddress(piece.sheet, top, piece.left, top + rows - 1, piece.left + piece.cols - 1)),
    },
    beforeSync: pause.beforeSync,
    first: () => {
      pause.once();
      const sheets = context.workbook.worksheets;
      for (const w of record.columnWidths) sheets.getItem(w.sheet).getRange(localAddress(0, w.col, 1, 1)).format.columnWidth = w.width;
      for (const b of record.bold) sheets.getItem(b.sheet).getRange(localAddress(b.row, b.col, 1, 1)).format.font.bold = b.bold;
      for (const w of record.wrap) sheets.getItem(w.sheet).getRange(localAddress(w.top, w.col, w.rows, 1)).format.wrapText = w.wrapText;
    },
    afterSync: (done, total) => onProgress?.(done / total),
  });
  const removedSheet = record.report ? queueReportUndo(context, record.report, present) : undefined;
  queueClearStore(context);
  // Without ExcelApi 1.7, structure protection shows here; the store stays, so undo can be tried again.
  await context.sync().catch((e: unknown) => {
    throw record.report ? asStructureError(e) : e;
  });
  return { restoredCells: cellCountOf(record), ...(removedSheet ? { removedSheet } : {}), ...(notRestored.length ? { notRestored } : {}) };
}

