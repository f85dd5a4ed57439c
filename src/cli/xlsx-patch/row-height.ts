/**
 * How tall a row must be to show a wrapped text in full. A file has no layout engine, and neither
 * Excel nor LibreOffice refits a row's height when it opens a file, so a wrapped note in a row of
 * default height shows its first line only. The estimate counts display columns (a CJK character
 * takes two, as it takes about two digit widths of the default font) against the column's width.
 */
import { displayWidth } from '../print';

/** One line of 11-point CJK text with the leading Excel and LibreOffice give it (宋体 alone is 14.25; fallback fonts need more). */
export const LINE_HEIGHT_PT = 16;

/** Lines a text takes when wrapped in a column `widthChars` wide (Excel's width unit: the default font's digit). */
export function wrappedLines(text: string, widthChars: number): number {
  // A cell loses about a character to its padding; full-width punctuation and word breaks take the rest of the slack.
  const perLine = Math.max(1, Math.floor((widthChars - 1) * 0.85));
  return text
    .split(/\r\n|\r|\n/)
    .reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / perLine)), 0);
}

/** The row height (points) that shows `text` wrapped in that column. */
export function wrappedHeightPt(text: string, widthChars: number, lineHeightPt = LINE_HEIGHT_PT): number {
  return wrappedLines(text, widthChars) * lineHeightPt;
}
