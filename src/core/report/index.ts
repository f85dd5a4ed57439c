/** The narrative report: build the document once, render it as sheet rows, clipboard HTML or (elsewhere) .docx. */
export { buildReport } from './build';
export { renderReportSheet, estimateLines, MAX_CELL_CHARS, MAX_ROW_HEIGHT_PT, TEXT_COLUMN_WIDTH } from './render-sheet';
export { renderReportHtml, escapeHtml, paragraphPlainText } from './render-html';
export { readUnitInfo, findUnitSheet, splitItems } from './unit';
export { chineseNumeral, numberOutline } from './numbering';
export { compressCells } from './sources';
export { REPORT_FORMATS, PAGE, LATIN_FONT, PAGE_NUMBER_FORMAT, indentOf } from './formats';
export { fillIn, checkMark } from './document';
export type { Inline, InlineKind, MissingItem, OutlineNode, ReportDocument, ReportOptions, ReportParagraph, UnitInfo } from './document';
export type { ParagraphFormat, ParagraphStyle, ReportSheetPlan, ReportSheetRow } from './sheet-plan';
