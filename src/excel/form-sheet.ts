/**
 * The 绩效自评表 sheet through Office.js, as the core planned it (renderFormSheet): the cells as text,
 * 仿宋 五号 centred and wrapped, the title lines and running text set apart, each form's merged areas
 * and borders, the 【】 marks on yellow, the plan's row heights (Excel does not fit merged cells to
 * their text), and — where ExcelApi 1.9 allows — A4 with the forms' margins, page numbers and a page
 * break before each form. Written beside the report and undone with it; a sheet of that name from an
 * earlier run is kept very hidden for undo, as the report's is.
 */
import { FormCellStyle, FormSheetCell, FormSheetPlan, cellRef, columnLetters, formSheetCells } from '../core';
import { ACTION_BYTES, cellBytes } from './budget';
import { TEXT_FORMAT } from './cell-input';
import { Capabilities } from './host';
import { WritePiece, localAddress, writePieces } from './range-io';
import { ExistingReport, HIGHLIGHT_COLOR } from './report-sheet';
import { UndoRecord } from './undo-record';
import { FORM_BACKUP_SHEET } from './undo-store';
import { charsToPoints, pauses } from './write';

const CM_TO_POINTS = 72 / 2.54;
const BORDERS = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

export function formsUndo(record: UndoRecord, plan: FormSheetPlan, existing: ExistingReport | undefined): void {
  record.forms = { sheet: plan.sheetName, ...(existing ? { backup: { name: FORM_BACKUP_SHEET, ...existing } } : {}) };
}

/** Every cell of the plan and the fingerprint as one grid of text, a row per sheet row. */
function grid(plan: FormSheetPlan): string[][] {
  const cols = plan.generatedMark.col + 1;
  const out = Array.from({ length: plan.heightsPt.length }, () => Array<string>(cols).fill(''));
  for (const c of formSheetCells(plan)) out[c.row][c.col] = c.text;
  out[plan.generatedMark.row][plan.generatedMark.col] = plan.generatedMark.text;
  return out;
}

/** One queued change to the range `address` of the sheet: a piece of one row, so it is never split. */
function action(context: Excel.RequestContext, sheet: string, row: number, address: string, actions: number, apply: (range: Excel.Range) => void): WritePiece {
  return {
    sheet,
    top: row,
    left: 0,
    rows: 1,
    cols: 1,
    rowBytes: () => actions * ACTION_BYTES,
    queue: () => apply(context.workbook.worksheets.getItem(sheet).getRange(address)),
  };
}

/** The look a cell's style adds to the sheet's base (仿宋 五号, centred). */
function styleSetters(plan: FormSheetPlan, style: FormCellStyle): ((f: Excel.RangeFormat) => void)[] {
  const f = plan.formats[style];
  const base = plan.formats.value;
  const out: ((r: Excel.RangeFormat) => void)[] = [];
  if (f.fonts[0] !== base.fonts[0]) out.push((r) => (r.font.name = f.fonts[0]));
  if (f.sizePt !== base.sizePt) out.push((r) => (r.font.size = f.sizePt));
  if (f.bold !== base.bold) out.push((r) => (r.font.bold = f.bold));
  if (f.align !== base.align) out.push((r) => (r.horizontalAlignment = f.align === 'left' ? 'Left' : 'Center'));
  return out;
}

function formatPieces(context: Excel.RequestContext, plan: FormSheetPlan): WritePiece[] {
  const name = plan.sheetName;
  const pieces: WritePiece[] = [];
  const areaOf = new Map(plan.merges.map((m) => [`${m.row},${m.col}`, localAddress(m.row, m.col, m.rows, m.cols)]));
  const addressOf = (c: FormSheetCell) => areaOf.get(`${c.row},${c.col}`) ?? cellRef(c.row, c.col);
  // Heights, in runs of equal rows.
  for (let r = 0; r < plan.heightsPt.length; ) {
    let n = 1;
    while (r + n < plan.heightsPt.length && plan.heightsPt[r + n] === plan.heightsPt[r]) n++;
    const height = plan.heightsPt[r];
    pieces.push(action(context, name, r, localAddress(r, 0, n, plan.columnWidths.length), 1, (range) => (range.format.rowHeight = height)));
    r += n;
  }
  for (const m of plan.merges) pieces.push(action(context, name, m.row, localAddress(m.row, m.col, m.rows, m.cols), 1, (range) => range.merge(false)));
  for (const c of plan.cells) {
    if (c.text === '' && !c.placeholders) continue;
    const setters = styleSetters(plan, c.style);
    if (setters.length) pieces.push(action(context, name, c.row, addressOf(c), setters.length, (range) => setters.forEach((set) => set(range.format))));
    if (c.placeholders?.length) pieces.push(action(context, name, c.row, addressOf(c), 1, (range) => (range.format.fill.color = HIGHLIGHT_COLOR)));
  }
  for (const t of plan.tables) {
    pieces.push(
      action(context, name, t.top, localAddress(t.top, 0, t.bottom - t.top + 1, plan.columnWidths.length), BORDERS.length, (range) => {
        for (const edge of BORDERS) range.format.borders.getItem(edge).style = 'Continuous';
      }),
    );
  }
  return pieces;
}

/** Replaces (or creates) the 绩效自评表 and writes the forms into it, after the report and 核对清单. */
export async function writeFormSheet(context: Excel.RequestContext, plan: FormSheetPlan, existing: ExistingReport | undefined, caps: Capabilities): Promise<void> {
  const name = plan.sheetName;
  const cells = grid(plan);
  const width = plan.columnWidths.length;
  const text: WritePiece = {
    sheet: name,
    top: 0,
    left: 0,
    rows: cells.length,
    cols: cells[0]?.length ?? 1,
    rowBytes: (r) => cells[r].reduce((n, t) => n + cellBytes(t) + 8, 0),
    queue: (range, start, count) => {
      const slice = cells.slice(start, start + count);
      // Text format first: nothing typed in a form becomes a number, a date or a formula.
      range.numberFormat = slice.map((row) => row.map(() => TEXT_FORMAT));
      range.values = slice;
    },
  };
  const pause = pauses(context, caps);
  // The sheet is added (and the old one set aside) in a sync of its own, as for 自评报告: adding a sheet
  // cannot be sent twice, and every data sync after it may then be split and sent again on a
  // GeneralException (office-js #1314).
  const sheets = context.workbook.worksheets;
  const old = existing ? sheets.getItem(name) : undefined;
  if (old) old.name = FORM_BACKUP_SHEET;
  const sheet = sheets.add(name);
  if (existing) sheet.position = existing.position;
  plan.columnWidths.forEach((w, i) => (sheet.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = charsToPoints(w)));
  if (cells.length) {
    const all = sheet.getRange(localAddress(0, 0, cells.length, width)).format;
    const base = plan.formats.value;
    all.font.name = base.fonts[0];
    all.font.size = base.sizePt;
    all.wrapText = true;
    all.verticalAlignment = 'Center';
    all.horizontalAlignment = 'Center';
  }
  const mark = columnLetters(plan.generatedMark.col);
  sheet.getRange(`${mark}:${mark}`).columnHidden = true;
  if (caps.gridlines) sheet.showGridlines = false;
  if (caps.pageLayout) {
    const layout = sheet.pageLayout;
    layout.orientation = 'Portrait';
    layout.paperSize = 'A4';
    layout.topMargin = plan.page.marginsCm.top * CM_TO_POINTS;
    layout.bottomMargin = plan.page.marginsCm.bottom * CM_TO_POINTS;
    layout.leftMargin = plan.page.marginsCm.left * CM_TO_POINTS;
    layout.rightMargin = plan.page.marginsCm.right * CM_TO_POINTS;
    layout.headersFooters.defaultForAllPages.centerFooter = plan.page.footer.replace(/^&C/, '');
    // Each form on a page of its own (Worksheet.horizontalPageBreaks is ExcelApi 1.9 as well).
    for (const row of plan.pageBreaks) sheet.horizontalPageBreaks.add(`A${row + 1}`);
  }
  if (old) old.visibility = 'VeryHidden';
  await context.sync();
  await writePieces(context, [text, ...formatPieces(context, plan)], { beforeSync: pause.beforeSync, first: pause.once, firstIsIdempotent: true });
}
