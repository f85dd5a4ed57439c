/** The narrative report: build the document once, render it as sheet rows, clipboard HTML or (elsewhere) .docx. */
export { buildReport } from './build';
export { renderReportSheet, reportSheetCells, estimateLines, MAX_CELL_CHARS, MAX_ROW_HEIGHT_PT, REPORT_MARK_COLUMN, TEXT_COLUMN_WIDTH } from './render-sheet';
export { renderChecklistSheet, checklistSheetCells, type ChecklistSheetPlan } from './render-checklist';
export { renderReportHtml, escapeHtml, paragraphPlainText } from './render-html';
export { readUnitInfo, findUnitSheet, splitItems } from './unit';
export { chineseNumeral, numberOutline } from './numbering';
export { compressCells } from './sources';
export { REPORT_FORMATS, PAGE, LATIN_FONT, PAGE_NUMBER_FORMAT, PAGE_NUMBER_FOOTER, indentOf } from './formats';
export { fillIn, checkMark } from './document';
export type { ChecklistItem, Inline, InlineKind, MissingItem, OutlineNode, ReportDocument, ReportOptions, ReportParagraph, UnitInfo } from './document';
export type { ParagraphFormat, ParagraphStyle, ReportSheetPlan, ReportSheetRow } from './sheet-plan';
export { buildForms, FORM_COLUMNS, FORM_TITLE } from './form';
export type { FormCell, FormCellStyle, ProjectForm } from './form';
export { renderFormSheet, formSheetCells, FORM_FORMATS, FORM_COLUMN_WIDTHS, FORM_MARGINS_CM } from './render-form-sheet';
export type { FormSheetPlan, FormSheetCell, FormCellFormat } from './render-form-sheet';
export { formHtml, formText } from './render-form-html';
