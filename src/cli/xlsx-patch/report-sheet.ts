/**
 * The generated sheets written as fresh worksheet parts. 自评报告: column A at the A4 text width with
 * one paragraph a row (font, size, bold, alignment and wrap per paragraph style, '@' text format,
 * row heights from the text), the 【】 placeholders in red on a yellow row as the .docx highlights
 * them, columns B (trace) and C (fingerprint) hidden, no gridlines, A4 portrait with "- 1 -" page
 * numbers. 核对清单: a plain table of the open marks. An existing sheet of the same name is one the
 * caller found unchanged since generated (generated-sheets.ts): it is replaced in place.
 */
import type { ChecklistSheetPlan, ParagraphFormat, ParagraphStyle, ReportSheetPlan, ReportSheetRow } from '../../core';
import { columnLetters } from '../../core';
import { renderCell } from './cells';
import { XlsxPatchError } from './errors';
import { Package } from './package';
import type { PatchCodec } from './codec';
import { Splice } from './splice';
import type { WrittenPart } from './zip';
import { Styles } from './styles';
import { NS_MAIN, NS_REL, escapeAttr, escapeText } from './xml';
import { Workbook } from './workbook';

const CM_PER_INCH = 2.54;
/** Width of the hidden trace column (characters): wide enough to read a trace when unhidden. */
const META_WIDTH = 60;
/** The .docx's highlight, and the colour its placeholders' text takes in a cell (Excel has no highlight inside a cell). */
export const HIGHLIGHT_FILL = 'FFFFFF00';
export const PLACEHOLDER_COLOR = 'FFC00000';

/** A paragraph whose placeholders are runs of their own, in red, the rest in the cell's font. */
function richCell(ref: string, style: number, row: ReportSheetRow, f: ParagraphFormat): string {
  const spans = row.placeholders ?? [];
  const runs: string[] = [];
  let at = 0;
  const plain = (t: string) => t && runs.push(`<r><t xml:space="preserve">${escapeText(t)}</t></r>`);
  const rPr = `<rPr><rFont val="${escapeAttr(f.fonts[0])}"/><charset val="134"/>${f.bold ? '<b/>' : ''}<color rgb="${PLACEHOLDER_COLOR}"/><sz val="${f.sizePt}"/></rPr>`;
  for (const [a, b] of spans) {
    plain(row.text.slice(at, a));
    runs.push(`<r>${rPr}<t xml:space="preserve">${escapeText(row.text.slice(a, b))}</t></r>`);
    at = b;
  }
  plain(row.text.slice(at));
  return `<c r="${ref}" s="${style}" t="inlineStr"><is>${runs.join('')}</is></c>`;
}

export function pageXml(plan: { page?: ReportSheetPlan['page'] }, fitToWidth = true): string {
  const m = plan.page?.marginsCm;
  const inches = (cm: number) => String(Math.round((cm / CM_PER_INCH) * 10000) / 10000);
  const margins = m ? `<pageMargins left="${inches(m.left)}" right="${inches(m.right)}" top="${inches(m.top)}" bottom="${inches(m.bottom)}" header="0.6" footer="0.6"/>` : '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  const setup = `<pageSetup paperSize="9" orientation="${plan.page?.orientation ?? 'portrait'}"${fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`;
  const footer = plan.page?.footer ? `<headerFooter><oddFooter>${escapeText(plan.page.footer)}</oddFooter></headerFooter>` : '';
  return margins + setup + footer;
}

function reportSheetXml(plan: ReportSheetPlan, styles: Styles, codec: PatchCodec): WrittenPart {
  const textFormat = plan.textNumberFormat ? styles.numFmtId(plan.textNumberFormat) : undefined;
  const fill = styles.fillId(HIGHLIGHT_FILL);
  const xfs = new Map<string, number>();
  const xfOf = (style: ParagraphStyle, highlighted: boolean): number => {
    const key = `${style}|${highlighted}`;
    let xf = xfs.get(key);
    if (xf === undefined) {
      const f = plan.formats[style];
      // Excel takes one font name; Windows substitutes its own when an office font is missing.
      const fontId = styles.fontId(f.fonts[0], f.sizePt, f.bold);
      xf = styles.xfWith(0, { fontId, numFmtId: textFormat, ...(highlighted ? { fillId: fill } : {}), alignment: { horizontal: f.align, vertical: 'top', wrapText: '1' } });
      xfs.set(key, xf);
    }
    return xf;
  };
  const mark = plan.generatedMark;
  const lastCol = mark ? columnLetters(Math.max(1, mark.col)) : 'B';
  const out = Splice.fresh(codec);
  out.insert(
    [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`,
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
      `<dimension ref="${plan.rows.length ? `A1:${lastCol}${plan.rows.length}` : 'A1'}"/>`,
      '<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews>',
      '<sheetFormatPr defaultRowHeight="15"/>',
      `<cols><col min="1" max="1" width="${plan.textColumnWidth}" customWidth="1"/><col min="2" max="2" width="${META_WIDTH}" hidden="1" customWidth="1"/>${mark ? `<col min="${mark.col + 1}" max="${mark.col + 1}" width="10" hidden="1" customWidth="1"/>` : ''}</cols>`,
      plan.rows.length ? '<sheetData>' : '<sheetData/>',
    ].join(''),
  );
  plan.rows.forEach((r, i) => {
    const n = i + 1;
    const highlighted = !!r.placeholders?.length;
    const a = highlighted ? richCell(`A${n}`, xfOf(r.style, true), r, plan.formats[r.style]) : renderCell('', `A${n}`, xfOf(r.style, false), r.text);
    const c = mark && mark.row === i ? renderCell('', `${columnLetters(mark.col)}${n}`, 0, mark.text) : '';
    out.insert(`<row r="${n}" ht="${r.heightPt}" customHeight="1">${a}${renderCell('', `B${n}`, 0, r.meta)}${c}</row>`);
  });
  out.insert(`${plan.rows.length ? '</sheetData>' : ''}${pageXml(plan)}</worksheet>`);
  return out.finish();
}

function checklistSheetXml(plan: ChecklistSheetPlan, styles: Styles, codec: PatchCodec): WrittenPart {
  const text = styles.numFmtId('@');
  const head = styles.xfWith(0, { numFmtId: text, fontId: styles.fontId('宋体', 11, true), alignment: { vertical: 'top', wrapText: '1' } });
  const body = styles.xfWith(0, { numFmtId: text, fontId: styles.fontId('宋体', 11, false), alignment: { vertical: 'top', wrapText: '1' } });
  const mark = plan.generatedMark;
  const markCell = (row: number) => (mark.row === row ? renderCell('', `${columnLetters(mark.col)}${row + 1}`, 0, mark.text) : '');
  const cells = (values: string[], r: number, xf: number) => values.map((v, c) => renderCell('', `${columnLetters(c)}${r + 1}`, xf, v)).join('');
  const cols = plan.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  const n = plan.columns.length;
  const out = Splice.fresh(codec);
  out.insert(
    [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`,
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
      `<dimension ref="A1:${columnLetters(Math.max(n, mark.col))}${Math.max(2, plan.rows.length + 1)}"/>`,
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
      '<sheetFormatPr defaultRowHeight="15"/>',
      `<cols>${cols}<col min="${mark.col + 1}" max="${mark.col + 1}" width="10" hidden="1" customWidth="1"/></cols>`,
      '<sheetData>',
      `<row r="1" ht="${plan.heightsPt[0]}" customHeight="1">${cells(plan.columns.map((c) => c.header), 0, head)}${markCell(0)}</row>`,
    ].join(''),
  );
  plan.rows.forEach((values, i) => out.insert(`<row r="${i + 2}" ht="${plan.heightsPt[i + 1]}" customHeight="1">${cells(values, i + 1, body)}${markCell(i + 1)}</row>`));
  if (plan.empty) out.insert(`<row r="2">${renderCell('', 'A2', body, plan.empty)}</row>`);
  out.insert(
    [
      '</sheetData>',
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
      '</worksheet>',
    ].join(''),
  );
  return out.finish();
}

/**
 * Adds a generated sheet after the others, or rewrites the existing sheet of that name in place (same
 * part, tab position and sheetId), dropping its old relationships (drawings, comments) with it.
 */
export function writeGeneratedSheet(pkg: Package, wb: Workbook, name: string, xml: WrittenPart): void {
  const existing = wb.sheet(name);
  if (!existing) {
    wb.addWorksheet(name, xml);
    return;
  }
  if (!existing.isWorksheet) {
    throw new XlsxPatchError(`工作簿中已有名为“${existing.name}”的图表工作表，无法写入报告。请将其改名后重试。`);
  }
  pkg.write(existing.part, xml);
  wb.removeSheetDependencies(existing.part);
}

export function writeReportSheet(pkg: Package, wb: Workbook, styles: Styles, plan: ReportSheetPlan): void {
  writeGeneratedSheet(pkg, wb, plan.sheetName, reportSheetXml(plan, styles, pkg.codec));
}

export function writeChecklistSheet(pkg: Package, wb: Workbook, styles: Styles, plan: ChecklistSheetPlan): void {
  writeGeneratedSheet(pkg, wb, plan.sheetName, checklistSheetXml(plan, styles, pkg.codec));
}
