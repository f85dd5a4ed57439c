/**
 * The file shell's half of the Word-ready sheet: applies a ReportSheetPlan to an exceljs workbook.
 * The sheet 自评报告 is replaced (at the same tab position) if it exists; no other sheet is touched.
 * Column A holds the paragraphs (fonts per style, wrap, row heights, text format), column B the
 * hidden trace of each paragraph's style and source cells.
 */
import ExcelJS from 'exceljs';
import type { ParagraphFormat, ReportSheetPlan } from '../core';

const CM_PER_INCH = 2.54;

/** exceljs orders tabs by this field, which its typings leave out. */
type Ordered = { orderNo: number };

function fontOf(f: ParagraphFormat): Partial<ExcelJS.Font> {
  // Excel takes one font name; Windows substitutes its own when an office font is missing.
  return { name: f.fonts[0], size: f.sizePt, bold: f.bold };
}

export function applyReportSheet(wb: ExcelJS.Workbook, plan: ReportSheetPlan): ExcelJS.Worksheet {
  const old = wb.getWorksheet(plan.sheetName);
  const position = old ? (old as unknown as Ordered).orderNo : undefined;
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(plan.sheetName, {
    views: [{ showGridLines: false }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: plan.page
        ? {
            top: plan.page.marginsCm.top / CM_PER_INCH,
            bottom: plan.page.marginsCm.bottom / CM_PER_INCH,
            left: plan.page.marginsCm.left / CM_PER_INCH,
            right: plan.page.marginsCm.right / CM_PER_INCH,
            header: 0.6,
            footer: 0.6,
          }
        : undefined,
    },
  });
  if (position !== undefined) (ws as unknown as Ordered).orderNo = position;
  ws.getColumn(1).width = plan.textColumnWidth;
  const meta = ws.getColumn(2);
  meta.width = 60;
  meta.hidden = true;

  // Styles are shared objects per paragraph style: 15,000 rows should not mean 15,000 style copies.
  const styles = new Map<string, { font: Partial<ExcelJS.Font>; alignment: Partial<ExcelJS.Alignment> }>();
  for (const [name, f] of Object.entries(plan.formats)) {
    styles.set(name, { font: fontOf(f), alignment: { horizontal: f.align === 'justify' ? 'justify' : f.align, vertical: 'top', wrapText: true } });
  }
  plan.rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    row.height = r.heightPt;
    const cell = row.getCell(1);
    // A string is written as a string (never { formula }), and the '@' format keeps Excel from
    // re-reading text that starts with = + - @ as a formula when someone edits the cell.
    cell.value = r.text;
    if (plan.textNumberFormat) cell.numFmt = plan.textNumberFormat;
    const s = styles.get(r.style)!;
    cell.font = s.font;
    cell.alignment = s.alignment;
    row.getCell(2).value = r.meta;
  });
  return ws;
}
