/**
 * The Word-ready sheet (自评报告) as plain data: one paragraph per row in column A, sized to the A4
 * text width, with a hidden column B holding each paragraph's level and source cells. Shells (the
 * CLI through exceljs, the add-in through Office.js) apply it; neither decides anything about it.
 */
import type { GeneratedMark } from '../generated-sheets';

/** Paragraph styles of the official document format (GB/T 9704-2012 as offices apply it). */
export type ParagraphStyle = 'title' | 'addressee' | 'body' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'listItem' | 'signature';

export interface ParagraphFormat {
  /** East Asian font first, then fallbacks, e.g. ['仿宋_GB2312', 'FangSong']. */
  fonts: string[];
  sizePt: number;
  bold: boolean;
  align: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent in characters (2 for body text). */
  firstLineIndentChars: number;
}

export interface ReportSheetRow {
  /** The paragraph text, first-line indent included as full-width spaces where the style has one. */
  text: string;
  style: ParagraphStyle;
  /** Row height in points, from the text length and the column width. */
  heightPt: number;
  /** Hidden column: "heading2 | 项目资金!G13:G26" — the level and the cells the figures came from. */
  meta: string;
  /** True on the rows after the first of a paragraph split to fit Excel's 409 pt row or 32,767-character cell. */
  continued?: boolean;
  /** The 【】 placeholders in `text`, as [start, end) UTF-16 offsets: highlighted as in the .docx. */
  placeholders?: [number, number][];
}

export interface ReportSheetPlan {
  sheetName: string;
  /** Width of column A in Excel character units (the A4 text width of 15.6 cm). */
  textColumnWidth: number;
  rows: ReportSheetRow[];
  formats: Record<ParagraphStyle, ParagraphFormat>;
  /** Number format for column A: '@' (text), so a paragraph beginning with = + - @ is never read as a formula. */
  textNumberFormat?: '@';
  /** Print setup, so the sheet prints like the page it imitates; the footer carries the page number ("- 1 -"). */
  page?: { paper: 'A4'; orientation: 'portrait'; marginsCm: { top: number; bottom: number; left: number; right: number }; footer?: string };
  /** The fingerprint of what is written (see generated-sheets.ts), in a hidden cell of column C. */
  generatedMark?: GeneratedMark;
}
