/**
 * The document as rich text for the clipboard: HTML that Word reads with the official fonts, sizes,
 * indents and exact 28 pt lines (the mso- properties are Word's own), headings as h1–h3 so they land
 * in Word's outline, placeholders highlighted; and the same paragraphs as plain text. Every piece
 * of workbook text is HTML-escaped: a cell may hold <script>.
 */
import { ReportDocument, ReportParagraph } from './document';
import { LATIN_FONT, PAGE, REPORT_FORMATS, indentOf } from './formats';
import type { ParagraphStyle } from './sheet-plan';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** （1） paragraphs run their text on (（1）资金使用情况：…): paragraphs, not Word headings. */
const TAGS: Partial<Record<ParagraphStyle, string>> = { heading1: 'h1', heading2: 'h2', heading3: 'h3' };
const OUTLINE_LEVEL: Partial<Record<ParagraphStyle, number>> = { heading1: 1, heading2: 2, heading3: 3 };

function cssFont(name: string): string {
  return `&quot;${escapeHtml(name)}&quot;`;
}

/** The inline CSS of a style: Latin font first (Word's ascii font), then the East Asian fonts and fallbacks. */
export function styleCss(style: ParagraphStyle): string {
  const f = REPORT_FORMATS[style];
  const indentPt = f.firstLineIndentChars * f.sizePt;
  const parts = [
    'margin:0',
    `font-family:${[LATIN_FONT, ...f.fonts].map(cssFont).join(',')},serif`,
    `mso-fareast-font-family:${cssFont(f.fonts[0])}`,
    `mso-ascii-font-family:${cssFont(LATIN_FONT)}`,
    `mso-hansi-font-family:${cssFont(LATIN_FONT)}`,
    `font-size:${f.sizePt}pt`,
    `line-height:${PAGE.lineHeightPt}pt`,
    'mso-line-height-rule:exactly',
    `font-weight:${f.bold ? 'bold' : 'normal'}`,
    'color:#000000',
    `text-align:${f.align}`,
    `text-indent:${indentPt}pt`,
  ];
  if (f.firstLineIndentChars) parts.push(`mso-char-indent-count:${f.firstLineIndentChars}`);
  const level = OUTLINE_LEVEL[style];
  if (level) parts.push(`mso-outline-level:${level}`);
  if (style === 'title') parts.push(`margin-bottom:${PAGE.lineHeightPt}pt`);
  return parts.join(';');
}

function paragraphHtml(p: ReportParagraph): string {
  const tag = TAGS[p.style] ?? 'p';
  let inner = escapeHtml(p.label);
  for (const r of p.runs) {
    const t = escapeHtml(r.text).replace(/\n/g, '<br>');
    inner += r.kind === 'placeholder' ? `<span style="background:yellow;mso-highlight:yellow">${t}</span>` : t;
  }
  return `<${tag} style="${styleCss(p.style)}">${inner}</${tag}>`;
}

/** A paragraph as plain text: its indent as full-width spaces, then its text. */
export function paragraphPlainText(p: ReportParagraph): string {
  return indentOf(p.style) + p.text;
}

export function renderReportHtml(doc: ReportDocument): { html: string; text: string } {
  const body = doc.paragraphs.map(paragraphHtml).join('\n');
  const html =
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">' +
    `<head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title></head>` +
    `<body>\n<!--StartFragment-->\n${body}\n<!--EndFragment-->\n</body></html>`;
  return { html, text: doc.paragraphs.map(paragraphPlainText).join('\n') };
}
