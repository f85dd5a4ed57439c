/**
 * The Word-ready sheet 自评报告 through Office.js: one paragraph a row in column A (text format, fonts
 * per paragraph style, rows with a 【】 placeholder highlighted as in the .docx — Office.js cannot
 * colour part of a cell — row heights autofitted where ExcelApi 1.2 allows, else from the plan), the
 * hidden trace in column B and fingerprint in C, A4 with "- 1 -" page numbers where ExcelApi 1.9
 * allows. A sheet of that name from an earlier run (unchanged since: generated-sheets.ts) is renamed
 * and very hidden rather than deleted, so undo can bring it back exactly.
 */
import { CellValue, GeneratedSheetState, ParagraphFormat, ReportSheetPlan, ReportSheetRow, SheetSnapshot, generatedSheetState } from '../core';
import { ACTION_BYTES, cellBytes } from './budget';
import { TEXT_FORMAT } from './cell-input';
import { Capabilities } from './host';
import { WritePiece, localAddress, writePieces } from './range-io';
import { UndoRecord } from './undo-record';
import { REPORT_BACKUP_SHEET } from './undo-store';
import { charsToPoints, pauses } from './write';

const ALIGN: Record<ParagraphFormat['align'], Excel.HorizontalAlignment | 'Left' | 'Center' | 'Right' | 'Justify'> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
  justify: 'Justify',
};

const CM_TO_POINTS = 72 / 2.54;

export interface ExistingReport {
  position: number;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
}

/** The position and visibility of the report sheet already in the workbook, if there is one. */
export async function findExistingReport(context: Excel.RequestContext, name: string): Promise<ExistingReport | undefined> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name).load('position,visibility');
  await context.sync();
  return sheet.isNullObject ? undefined : { position: sheet.position, visibility: sheet.visibility as ExistingReport['visibility'] };
}

export function reportUndo(record: UndoRecord, plan: ReportSheetPlan, existing: ExistingReport | undefined): void {
  record.report = { sheet: plan.sheetName, ...(existing ? { backup: { name: REPORT_BACKUP_SHEET, ...existing } } : {}) };
}

/** The yellow of the .docx's highlight, as Office.js writes a fill colour. */
export const HIGHLIGHT_COLOR = '#FFFF00';

/**
 * The sheets among `names` that `isOurs` picks, read as snapshots (used range, values as shown), so
 * the core can tell whether each is still as generated.
 */
export async function readGeneratedSheets(context: Excel.RequestContext, isOurs: (name: string) => boolean): Promise<{ names: string[]; sheets: SheetSnapshot[] }> {
  const worksheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const names = worksheets.items.map((w) => w.name);
  const ours = worksheets.items.filter((w) => isOurs(w.name)).map((w) => ({ name: w.name, used: w.getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex') }));
  if (!ours.length) return { names, sheets: [] };
  await context.sync();
  const sheets = ours.map(({ name, used }) =>
    used.isNullObject ? { name, top: 0, left: 0, values: [] } : { name, top: used.rowIndex, left: used.columnIndex, values: used.values as CellValue[][] },
  );
  return { names, sheets };
}

/** Whether a sheet read by readGeneratedSheets is still as generated. */
export function stateOf(sheets: SheetSnapshot[], name: string): GeneratedSheetState {
  return generatedSheetState(sheets.find((s) => s.name === name));
}

/** Consecutive rows sharing a key: [first index, count]. */
function runsBy<T>(rows: T[], key: (r: T) => string | number): [number, number][] {
  const out: [number, number][] = [];
  rows.forEach((r, i) => {
    const last = out[out.length - 1];
    if (last && key(rows[last[0]]) === key(r)) last[1]++;
    else out.push([i, 1]);
  });
  return out;
}

/** The most frequent value: it becomes the whole column's, so only the other rows cost an action. */
function commonest<T>(values: T[]): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

/** Formatting of rows [top, top + rows) of column A, costed by its number of actions. */
function formatPiece(sheet: string, top: number, rows: number, actions: number, apply: (range: Excel.Range) => void): WritePiece {
  return { sheet, top, left: 0, rows, cols: 1, rowBytes: (r) => (r === 0 ? actions * ACTION_BYTES : 0), queue: (range) => apply(range) };
}

type Look = Pick<ParagraphFormat, 'sizePt' | 'bold' | 'align'> & { font: string };

function lookOf(f: ParagraphFormat): Look {
  return { font: f.fonts[0], sizePt: f.sizePt, bold: f.bold, align: f.align };
}

/** The setters that turn `base` into `look` (every part of `look` without a base). */
function lookSetters(look: Look, base?: Look): ((f: Excel.RangeFormat) => void)[] {
  const out: ((f: Excel.RangeFormat) => void)[] = [];
  if (look.font !== base?.font) out.push((f) => (f.font.name = look.font));
  if (look.sizePt !== base?.sizePt) out.push((f) => (f.font.size = look.sizePt));
  if (look.bold !== base?.bold) out.push((f) => (f.font.bold = look.bold));
  if (look.align !== base?.align) out.push((f) => (f.horizontalAlignment = ALIGN[look.align]));
  return out;
}

function textPiece(sheet: string, rows: ReportSheetRow[], textFormat: boolean): WritePiece {
  return {
    sheet,
    top: 0,
    left: 0,
    rows: rows.length,
    cols: 2,
    rowBytes: (r) => cellBytes(rows[r].text) + cellBytes(rows[r].meta) + 16,
    queue: (range, start, count) => {
      const slice = rows.slice(start, start + count);
      // Text format first: a paragraph starting with = + - @ stays text, and so does the trace.
      if (textFormat) range.numberFormat = slice.map(() => [TEXT_FORMAT, TEXT_FORMAT]);
      range.values = slice.map((r) => [r.text, r.meta]);
    },
  };
}

/** The fingerprint in its hidden cell, as text. */
function markPiece(sheet: string, mark: NonNullable<ReportSheetPlan['generatedMark']>): WritePiece {
  return {
    sheet,
    top: mark.row,
    left: mark.col,
    rows: 1,
    cols: 1,
    rowBytes: () => cellBytes(mark.text) + 16,
    queue: (range) => {
      range.numberFormat = [[TEXT_FORMAT]];
      range.values = [[mark.text]];
    },
  };
}

/**
 * The paragraphs' looks in few actions: the commonest look and row height go to the whole column,
 * then each run of rows that differs gets only what differs (a 2,000-project report has 14,000 rows).
 */
function formatPieces(name: string, plan: ReportSheetPlan): { base: (sheet: Excel.Worksheet) => void; pieces: WritePiece[] } {
  const looks = plan.rows.map((r) => lookOf(plan.formats[r.style]));
  const keyOf = (l: Look) => `${l.font}|${l.sizePt}|${l.bold}|${l.align}`;
  const baseKey = commonest(looks.map(keyOf));
  const baseLook = looks.find((l) => keyOf(l) === baseKey)!;
  const baseHeight = commonest(plan.rows.map((r) => r.heightPt));
  const pieces: WritePiece[] = [];
  for (const [first, count] of runsBy(looks, keyOf)) {
    const look = looks[first];
    if (keyOf(look) === baseKey) continue;
    const setters = lookSetters(look, baseLook);
    pieces.push(formatPiece(name, first, count, setters.length, (range) => setters.forEach((set) => set(range.format))));
  }
  for (const [first, count] of runsBy(plan.rows, (r) => r.heightPt)) {
    const height = plan.rows[first].heightPt;
    if (height !== baseHeight) pieces.push(formatPiece(name, first, count, 1, (range) => (range.format.rowHeight = height)));
  }
  for (const [first, count] of runsBy(plan.rows, (r) => (r.placeholders?.length ? 1 : 0))) {
    if (plan.rows[first].placeholders?.length) pieces.push(formatPiece(name, first, count, 1, (range) => (range.format.fill.color = HIGHLIGHT_COLOR)));
  }
  const base = (sheet: Excel.Worksheet) => {
    const column = sheet.getRange('A:A').format;
    for (const set of lookSetters(baseLook)) set(column);
    column.wrapText = true;
    column.verticalAlignment = 'Top';
    column.rowHeight = baseHeight;
  };
  return { base, pieces };
}

/** Replaces (or creates) the report sheet, writes the plan into it and brings it to the front. */
export async function writeReportSheet(context: Excel.RequestContext, plan: ReportSheetPlan, existing: ExistingReport | undefined, caps: Capabilities, onProgress?: (f: number) => void): Promise<void> {
  const name = plan.sheetName;
  const n = plan.rows.length;
  const looks = n > 0 ? formatPieces(name, plan) : undefined;
  const pieces: WritePiece[] = [textPiece(name, plan.rows, plan.textNumberFormat === TEXT_FORMAT), ...(plan.generatedMark ? [markPiece(name, plan.generatedMark)] : []), ...(looks?.pieces ?? [])];
  const pause = pauses(context, caps);
  // The sheet is added (and the old one set aside) in a sync of its own: adding a sheet cannot be sent
  // twice, and Excel on the web may answer a large request with GeneralException (office-js #1314) —
  // alone, the small structural sync is never that request, and every data sync after it may be split
  // and sent again.
  const sheets = context.workbook.worksheets;
  const old = existing ? sheets.getItem(name) : undefined;
  if (old) old.name = REPORT_BACKUP_SHEET;
  const sheet = sheets.add(name);
  if (existing) sheet.position = existing.position;
  sheet.getRange('A:A').format.columnWidth = charsToPoints(plan.textColumnWidth);
  looks?.base(sheet);
  sheet.getRange(plan.generatedMark ? 'B:C' : 'B:B').columnHidden = true;
  if (caps.gridlines) sheet.showGridlines = false;
  const layout = caps.pageLayout ? sheet.pageLayout : undefined;
  if (layout && plan.page) {
    layout.orientation = 'Portrait';
    layout.paperSize = 'A4';
    layout.topMargin = plan.page.marginsCm.top * CM_TO_POINTS;
    layout.bottomMargin = plan.page.marginsCm.bottom * CM_TO_POINTS;
    layout.leftMargin = plan.page.marginsCm.left * CM_TO_POINTS;
    layout.rightMargin = plan.page.marginsCm.right * CM_TO_POINTS;
    // Office.js takes one section's codes; the file form leads with the section (&C).
    if (plan.page.footer) layout.headersFooters.defaultForAllPages.centerFooter = plan.page.footer.replace(/^&C/, '');
  }
  sheet.activate();
  if (n > 0) sheet.getRange(localAddress(0, 0, 1, 1)).select();
  // Hidden only after the new sheet is active: Excel keeps one sheet visible at all times.
  if (old) old.visibility = 'VeryHidden';
  await context.sync();
  await writePieces(context, pieces, {
    beforeSync: pause.beforeSync,
    // Pausing the screen may be sent twice; it holds through the first data sync.
    first: pause.once,
    firstIsIdempotent: true,
    afterSync: (done, total) => onProgress?.(done / total),
  });
  // Excel knows the fonts it draws with: where it can, it fits each row to its text (wrapped in the
  // fixed column); the plan's estimate stays where it cannot.
  if (n > 0 && caps.autofitRows) {
    context.workbook.worksheets.getItem(name).getRange(`A1:A${n}`).format.autofitRows();
    await context.sync();
  }
}
