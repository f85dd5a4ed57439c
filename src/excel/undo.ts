/**
 * 撤销上次计算: puts back every cell the last run overwrote, exactly — formulas where there were
 * formulas, else the values (text kept as text), then the number formats — restores the looks of
 * appended columns, and removes the report sheet the run created (bringing back the one it replaced).
 * The store is emptied only after everything succeeded, so a failed undo can be tried again.
 */
import { rangeAddress } from '../core';
import { GENERAL_FORMAT, cellInput } from './cell-input';
import { cellBytes } from './budget';
import { OfficeActionError, protectedSheetError } from './errors';
import { asStructureError, queueStructureCheck } from './guards';
import { Capabilities } from './host';
import { WritePiece, localAddress, writePieces } from './range-io';
import { GeneratedSheetUndo, UndoRange, UndoRecord, cellCountOf, cellsByRow, formatGrid } from './undo-record';
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

/** What undoing one generated sheet did. */
type GeneratedOutcome = 'removed' | 'restored' | 'missing' | 'lost';

/**
 * A generated sheet: delete the one the run wrote and bring back the one it replaced, under its own
 * name and at its own place. Says which it did, so the user is told (issue 11.8): removed (the run
 * created it), restored (the earlier version is back), missing (the run's sheet was already gone and
 * nothing replaced), lost (the run's sheet was deleted but the earlier version could not be found).
 */
function queueGeneratedUndo(context: Excel.RequestContext, undo: GeneratedSheetUndo, present: Set<string>, sheetCount: { n: number }): GeneratedOutcome {
  const sheets = context.workbook.worksheets;
  const backup = undo.backup && present.has(undo.backup.name) ? undo.backup : undefined;
  // The backup becomes visible first: Excel never deletes the last visible sheet.
  const old = backup ? sheets.getItem(backup.name) : undefined;
  if (old) old.visibility = 'Visible';
  const removed = present.has(undo.sheet);
  if (removed) {
    sheets.getItem(undo.sheet).delete();
    sheetCount.n--;
  }
  if (old && backup) {
    old.name = undo.sheet;
    // Its old place, or the end when sheets were deleted since (Excel refuses a position past the last).
    old.position = Math.min(backup.position, sheetCount.n - 1);
    if (backup.visibility !== 'Visible') old.visibility = backup.visibility;
    return 'restored';
  }
  if (undo.backup) return removed ? 'lost' : 'missing';
  return removed ? 'removed' : 'missing';
}

export interface UndoResult {
  /** What the undone run was: a calculation (cells written back) or 生成报告 (sheets). */
  kind: UndoRecord['kind'];
  /** Cells written back as they were before the run (those Excel refused, below, not counted). */
  restoredCells: number;
  /** Sheets the run added, now deleted (no earlier version existed). */
  removedSheets: string[];
  /** Sheets the run replaced: its version deleted, the one before it back as it was (自评报告, 核对清单). */
  restoredSheets: string[];
  /** Sheets the run left as they were because a person had changed them (issue 11.7); the undo leaves them too. */
  keptSheets: string[];
  /** Sheets the run wrote that were gone before the undo (deleted or renamed by hand): nothing to remove. */
  missingSheets: string[];
  /** Sheets the run replaced whose earlier version was not found: the run's one removed, nothing put back. */
  lostSheets: string[];
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
  const checkStructure = record.report || record.checklist || record.forms ? queueStructureCheck(context, caps) : () => undefined;
  const present = await checkSheets(context, record);
  checkStructure();
  const pause = pauses(context, caps);
  const notRestored: string[] = [];
  let refusedCells = 0;
  await writePieces(context, record.ranges.map(restorePiece), {
    isolate: {
      when: (e) => REFUSED_WRITE.has(String((e as { code?: unknown } | null)?.code)),
      blame: (piece, top, rows) => {
        notRestored.push(rangeAddress(piece.sheet, top, piece.left, top + rows - 1, piece.left + piece.cols - 1));
        refusedCells += rows * piece.cols;
      },
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
  const outcomes = { removed: [] as string[], restored: [] as string[], missing: [] as string[], lost: [] as string[] };
  const sheetCount = { n: present.size };
  for (const g of [record.report, record.checklist, record.forms]) if (g) outcomes[queueGeneratedUndo(context, g, present, sheetCount)].push(g.sheet);
  queueClearStore(context);
  // Without ExcelApi 1.7, structure protection shows here; the store stays, so undo can be tried again.
  await context.sync().catch((e: unknown) => {
    throw record.report ? asStructureError(e) : e;
  });
  return {
    kind: record.kind,
    restoredCells: cellCountOf(record) - refusedCells,
    removedSheets: outcomes.removed,
    restoredSheets: outcomes.restored,
    keptSheets: (record.kept ?? []).filter((name) => present.has(name)),
    missingSheets: outcomes.missing,
    lostSheets: outcomes.lost,
    ...(notRestored.length ? { notRestored } : {}),
  };
}
