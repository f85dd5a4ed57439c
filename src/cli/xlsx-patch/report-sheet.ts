/**
 * The Word-ready sheet (自评报告) written as a fresh worksheet part: column A at the A4 text width with one paragraph a row (font, size, bold,
 * alignment and wrap per paragraph style, '@' text format, fixed row heights), column B hidden with
 * each paragraph's trace, no gridlines, A4 portrait fitted to one page wide.
 */
import type { ParagraphStyle, ReportSheetPlan } from '../../core';
import { renderCell } from './cells';
import { XlsxPatchError } from './errors';
import { Package } from './package';
import { Styles } from './styles';
import { NS_MAIN, NS_REL } from './xml';
import { Workbook } from './workbook';

const CM_PER_INCH = 2.54;
/** Width of the hidden trace column (characters): wide enough to read a trace when unhidden. */
const META_WIDTH = 60;

function reportSheetXml(plan: ReportSheetPlan, styles: Styles): string {
  const textFormat = plan.textNumberFormat ? styles.numFmtId(plan.textNumberFormat) : undefined;
  const xfs = new Map<ParagraphStyle, number>();
  for (const [name, f] of Object.entries(plan.formats) as [ParagraphStyle, (typeof plan.formats)[ParagraphStyle]][]) {
    // Excel takes one font name; Windows substitutes its own when an office font is missing.
    const fontId = styles.fontId(f.fonts[0], f.sizePt, f.bold);
    xfs.set(name, styles.xfWith(0, { fontId, numFmtId: textFormat, alignment: { horizontal: f.align, vertical: 'top', wrapText: '1' } }));
  }
  const rows = plan.rows.map((r, i) => {
    const n = i + 1;
    return `<row r="${n}" ht="${r.heightPt}" customHeight="1">${renderCell('', `A${n}`, xfs.get(r.style) ?? 0, r.text)}${renderCell('', `B${n}`, 0, r.meta)}</row>`;
  });
  const m = plan.page?.marginsCm;
  const inches = (cm: number) => String(Math.round((cm / CM_PER_INCH) * 10000) / 10000);
  const margins = m ? `<pageMargins left="${inches(m.left)}" right="${inches(m.right)}" top="${inches(m.top)}" bottom="${inches(m.bottom)}" header="0.6" footer="0.6"/>` : '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`,
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    `<dimension ref="${rows.length ? `A1:B${rows.length}` : 'A1'}"/>`,
    '<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
    `<cols><col min="1" max="1" width="${plan.textColumnWidth}" customWidth="1"/><col min="2" max="2" width="${META_WIDTH}" hidden="1" customWidth="1"/></cols>`,
    rows.length ? `<sheetData>${rows.join('')}</sheetData>` : '<sheetData/>',
    margins,
    `<pageSetup paperSize="9" orientation="${plan.page?.orientation ?? 'portrait'}" fitToWidth="1" fitToHeight="0"/>`,
    '</worksheet>',
  ].join('');
}

/**
 * Adds the report sheet after the others, or rewrites an existing sheet of that name in place (same
 * part, tab position and sheetId), dropping its old relationships (drawings, comments) with it.
 */
export function writeReportSheet(pkg: Package, wb: Workbook, styles: Styles, plan: ReportSheetPlan): void {
  const xml = reportSheetXml(plan, styles);
  const existing = wb.sheet(plan.sheetName);
  if (!existing) {
    wb.addWorksheet(plan.sheetName, xml);
    return;
  }
  if (!existing.isWorksheet) {
    throw new XlsxPatchError(`工作簿中已有名为“${existing.name}”的图表工作表，无法写入报告。请将其改名后重试。`);
  }
  pkg.write(existing.part, xml);
  wb.removeSheetDependencies(existing.part);
}
