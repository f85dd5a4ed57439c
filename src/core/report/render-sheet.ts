/**
 * The document as the Word-ready sheet 自评报告: one paragraph per row in a column as wide as the A4
 * text, the first-line indent written as full-width spaces, row heights estimated from the text's
 * width (28 full-width characters a line at 16 pt, 28 pt a line), and a hidden column naming each
 * paragraph's style and source cells. A paragraph too long for one row — Excel's rows stop at 409 pt
 * and its cells at 32,767 characters — continues on the next row, cut after a sentence.
 */
import { REPORT_SHEET_NAME } from '../detect';
import { ReportDocument, ReportParagraph } from './document';
import { GeneratedCell, generatedMark } from '../generated-sheets';
import { PAGE, PAGE_NUMBER_FOOTER, REPORT_FORMATS, indentOf } from './formats';
import type { ParagraphStyle, ReportSheetPlan, ReportSheetRow } from './sheet-plan';
import { compactParts } from './sources';

/** Excel's limits: a row's height and a cell's length. */
export const MAX_ROW_HEIGHT_PT = 409;
export const MAX_CELL_CHARS = 32_767;

/** 15.6 cm in Excel's character units (7 px per unit plus 5 px padding at 96 dpi). */
export const TEXT_COLUMN_WIDTH = Math.round(((PAGE.textWidthCm / 2.54) * 96 - 5) / 7);

/** A character's width in full-width characters: CJK and full-width forms 1, Latin and digits ½. */
function charWidth(code: number): number {
  return code < 0x1100 || (code >= 0xff61 && code <= 0xffdc) ? 0.5 : 1;
}

function lineMetrics(style: ParagraphStyle): { perLine: number; lineHeight: number } {
  const size = REPORT_FORMATS[style].sizePt;
  return {
    perLine: Math.floor((PAGE.charsPerLine * PAGE.bodySizePt) / size),
    lineHeight: Math.max(PAGE.lineHeightPt, Math.ceil(size * 1.3)),
  };
}

/** Lines the text wraps to in the column (explicit line breaks start new lines). */
export function estimateLines(text: string, perLine: number): number {
  let lines = 0;
  for (const line of text.split('\n')) {
    let w = 0;
    for (const ch of line) w += charWidth(ch.codePointAt(0)!);
    lines += Math.max(1, Math.ceil(w / perLine));
  }
  return lines;
}

const BREAK_AFTER = new Set(['。', '；', '！', '？', '\n', ';']);

/** Where to cut a text so the first part fits `maxLines` (and the cell limit): after a sentence if one is near. */
function cutPoint(text: string, perLine: number, maxLines: number): number {
  const maxWidth = perLine * maxLines;
  const chars = Array.from(text);
  let w = 0;
  let units = 0;
  let lastBreak = -1;
  let i = 0;
  for (; i < chars.length; i++) {
    const c = chars[i];
    // A line break fills the rest of its line.
    w = c === '\n' ? Math.ceil(w / perLine) * perLine : w + charWidth(c.codePointAt(0)!);
    units += c.length;
    if (w > maxWidth || units > MAX_CELL_CHARS) break;
    if (BREAK_AFTER.has(c)) lastBreak = i + 1;
  }
  const at = lastBreak > i / 2 ? lastBreak : i;
  return chars.slice(0, Math.max(1, at)).join('').length;
}

/** Each run's cells compressed once per list: runs share their lists (a project's payments, a group's budgets). */
type RunCache = WeakMap<readonly string[], readonly string[]>;

function sourcesText(p: ReportParagraph, cache: RunCache): string {
  const lists: (readonly string[])[] = [];
  for (const r of p.runs) {
    if (!r.cells?.length) continue;
    let compressed = cache.get(r.cells);
    if (!compressed) cache.set(r.cells, (compressed = compactParts(r.cells)));
    if (!lists.includes(compressed)) lists.push(compressed);
  }
  if (lists.length === 1) return lists[0].join(',');
  const parts = new Set<string>();
  for (const list of lists) for (const part of list) parts.add(part);
  return [...parts].join(',');
}

function metaOf(p: ReportParagraph, continued: boolean, cache: RunCache): string {
  const head = `${p.style}${continued ? '（续）' : ''}`;
  if (!p.sources.length) return head;
  const meta = `${head} | ${sourcesText(p, cache)}`;
  if (meta.length <= MAX_CELL_CHARS) return meta;
  const tail = `…（共${p.sources.length}处）`;
  return meta.slice(0, MAX_CELL_CHARS - tail.length) + tail;
}

/** Where the paragraph's placeholder runs sit in its text (indent included), as [start, end). */
function placeholderSpans(p: ReportParagraph, offset: number): [number, number][] {
  const spans: [number, number][] = [];
  let at = offset + p.label.length;
  for (const r of p.runs) {
    if (r.kind === 'placeholder' && r.text) spans.push([at, at + r.text.length]);
    at += r.text.length;
  }
  return spans;
}

/** The spans that fall in [from, from + length), shifted to that row's text. */
function spansIn(spans: [number, number][], from: number, length: number): { placeholders?: [number, number][] } {
  const out: [number, number][] = [];
  for (const [a, b] of spans) {
    const s = Math.max(a, from);
    const e = Math.min(b, from + length);
    if (s < e) out.push([s - from, e - from]);
  }
  return out.length ? { placeholders: out } : {};
}

/** One paragraph as one or more rows. */
export function paragraphRows(p: ReportParagraph, cache: RunCache = new WeakMap()): ReportSheetRow[] {
  const { perLine, lineHeight } = lineMetrics(p.style);
  const maxLines = Math.floor(MAX_ROW_HEIGHT_PT / lineHeight);
  const rows: ReportSheetRow[] = [];
  const indent = indentOf(p.style);
  const spans = placeholderSpans(p, indent.length);
  let rest = indent + p.text;
  let from = 0;
  for (;;) {
    const continued = rows.length > 0;
    const lines = estimateLines(rest, perLine);
    if (lines <= maxLines && rest.length <= MAX_CELL_CHARS) {
      rows.push({ text: rest, style: p.style, heightPt: rowHeight(p.style, lines, lineHeight), meta: metaOf(p, continued, cache), ...(continued ? { continued } : {}), ...spansIn(spans, from, rest.length) });
      return rows;
    }
    const at = cutPoint(rest, perLine, maxLines);
    const part = rest.slice(0, at);
    rows.push({ text: part, style: p.style, heightPt: rowHeight(p.style, estimateLines(part, perLine), lineHeight), meta: metaOf(p, continued, cache), ...(continued ? { continued } : {}), ...spansIn(spans, from, part.length) });
    rest = rest.slice(at);
    from += at;
  }
}

function rowHeight(style: ParagraphStyle, lines: number, lineHeight: number): number {
  // The title is followed by a blank line, as on the printed page.
  return Math.min(MAX_ROW_HEIGHT_PT, lines * lineHeight + (style === 'title' ? lineHeight : 0));
}

/** The report sheet's cells as written — text in A, trace in B — for its fingerprint. */
export function reportSheetCells(rows: ReportSheetRow[]): GeneratedCell[] {
  return rows.flatMap((r, i) => [
    { row: i, col: 0, text: r.text },
    { row: i, col: 1, text: r.meta },
  ]);
}

/** The hidden column holding the fingerprint: C, next to the hidden trace. */
export const REPORT_MARK_COLUMN = 2;

export function renderReportSheet(doc: ReportDocument): ReportSheetPlan {
  const rows: ReportSheetRow[] = [];
  const cache: RunCache = new WeakMap();
  for (const p of doc.paragraphs) rows.push(...paragraphRows(p, cache));
  return {
    sheetName: REPORT_SHEET_NAME,
    textColumnWidth: TEXT_COLUMN_WIDTH,
    rows,
    formats: REPORT_FORMATS,
    textNumberFormat: '@',
    page: { paper: 'A4', orientation: 'portrait', marginsCm: { ...PAGE.marginsCm }, footer: PAGE_NUMBER_FOOTER },
    generatedMark: generatedMark(reportSheetCells(rows), 0, REPORT_MARK_COLUMN),
  };
}
