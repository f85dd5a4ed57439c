/**
 * The 核对清单 sheet through Office.js: the open 【】 marks of the report with the cell to fix each in,
 * as the core planned it (renderChecklistSheet) — text cells, a bold header row, wrapped columns and
 * the fingerprint in a hidden column. Written next to the report and undone with it; a sheet of that
 * name from an earlier run is kept very hidden for undo, as the report's is.
 */
import { ChecklistSheetPlan, checklistSheetCells, columnLetters } from '../core';
import { cellBytes } from './budget';
import { TEXT_FORMAT } from './cell-input';
import { Capabilities } from './host';
import { WritePiece, localAddress, writePieces } from './range-io';
import { ExistingReport } from './report-sheet';
import { UndoRecord } from './undo-record';
import { CHECKLIST_BACKUP_SHEET } from './undo-store';
import { charsToPoints, pauses } from './write';

export function checklistUndo(record: UndoRecord, plan: ChecklistSheetPlan, existing: ExistingReport | undefined): void {
  record.checklist = { sheet: plan.sheetName, ...(existing ? { backup: { name: CHECKLIST_BACKUP_SHEET, ...existing } } : {}) };
}

/** Every cell of the plan (header, rows, fingerprint) as one grid of text. */
function grid(plan: ChecklistSheetPlan): string[][] {
  const rows = Math.max(...checklistSheetCells(plan).map((c) => c.row), plan.generatedMark.row) + 1;
  const cols = Math.max(plan.columns.length, plan.generatedMark.col + 1);
  const out = Array.from({ length: rows }, () => Array<string>(cols).fill(''));
  for (const c of checklistSheetCells(plan)) out[c.row][c.col] = c.text;
  out[plan.generatedMark.row][plan.generatedMark.col] = plan.generatedMark.text;
  return out;
}

export async function writeChecklistSheet(context: Excel.RequestContext, plan: ChecklistSheetPlan, existing: ExistingReport | undefined, caps: Capabilities): Promise<void> {
  const name = plan.sheetName;
  const cells = grid(plan);
  const piece: WritePiece = {
    sheet: name,
    top: 0,
    left: 0,
    rows: cells.length,
    cols: cells[0].length,
    rowBytes: (r) => cells[r].reduce((n, t) => n + cellBytes(t) + 8, 0),
    queue: (range, start, count) => {
      const slice = cells.slice(start, start + count);
      range.numberFormat = slice.map((row) => row.map(() => TEXT_FORMAT));
      range.values = slice;
    },
  };
  const pause = pauses(context, caps);
  // The sheet is added in a sync of its own, so that every data sync after it may be split and sent
  // again on a GeneralException (office-js #1314): adding a sheet cannot be sent twice.
  const sheets = context.workbook.worksheets;
  const old = existing ? sheets.getItem(name) : undefined;
  if (old) old.name = CHECKLIST_BACKUP_SHEET;
  const sheet = sheets.add(name);
  if (existing) sheet.position = existing.position;
  plan.columns.forEach((c, i) => {
    const letter = columnLetters(i);
    const column = sheet.getRange(`${letter}:${letter}`).format;
    column.columnWidth = charsToPoints(c.width);
    column.wrapText = true;
    column.verticalAlignment = 'Top';
  });
  sheet.getRange(localAddress(0, 0, 1, plan.columns.length)).format.font.bold = true;
  const markColumn = columnLetters(plan.generatedMark.col);
  sheet.getRange(`${markColumn}:${markColumn}`).columnHidden = true;
  if (old) old.visibility = 'VeryHidden';
  await context.sync();
  // Pausing the screen may be sent twice; it holds through the first data sync.
  await writePieces(context, [piece], { beforeSync: pause.beforeSync, first: pause.once, firstIsIdempotent: true });
  if (caps.autofitRows && cells.length > 1) {
    context.workbook.worksheets.getItem(name).getRange(localAddress(0, 0, cells.length, plan.columns.length)).format.autofitRows();
    await context.sync();
  }
}
