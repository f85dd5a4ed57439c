/** The sample workbook's report, and reading a paragraph list the way a reviewer would. */
import JSZip from 'jszip';
import { loadSnapshot } from '../../src/cli/main';
import { analyze, buildReport, type Analysis, type ReportDocument, type ReportOptions, type ReportParagraph, type Settings, type WorkbookSnapshot } from '../../src/core';
import { SAMPLE } from './cli';

export async function sampleSnapshot(): Promise<WorkbookSnapshot> {
  return loadSnapshot(SAMPLE);
}

export function reportOf(snapshot: WorkbookSnapshot, settings: Settings = {}, options: ReportOptions = {}): { analysis: Analysis; doc: ReportDocument } {
  const analysis = analyze(snapshot, { today: '2024-01-15', ...settings });
  return { analysis, doc: buildReport(analysis, snapshot, options) };
}

/** The paragraphs' texts, in order. */
export function texts(doc: ReportDocument): string[] {
  return doc.paragraphs.map((p) => p.text);
}

/** The paragraph whose text starts with `prefix` (exactly one must). */
export function paragraphStarting(doc: ReportDocument, prefix: string): ReportParagraph {
  const found = doc.paragraphs.filter((p) => p.text.startsWith(prefix));
  if (found.length !== 1) throw new Error(`${found.length} paragraphs start with “${prefix}”`);
  return found[0];
}

/** The paragraphs under a heading (up to the next heading of the same or a higher level). */
export function under(doc: ReportDocument, heading: ReportParagraph): ReportParagraph[] {
  const i = doc.paragraphs.indexOf(heading);
  const out: ReportParagraph[] = [];
  for (const p of doc.paragraphs.slice(i + 1)) {
    if (p.level > 0 && p.level <= heading.level) break;
    if (p.style === 'signature') break;
    out.push(p);
  }
  return out;
}

/**
 * Each paragraph's text of the report in a .docx's word/document.xml (runs joined, breaks as \n): its
 * first section, up to the paragraph that ends it (the 绩效自评表 follow in a section of their own).
 */
export async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const sect = xml.indexOf('<w:sectPr');
  const closing = xml.indexOf('</w:p>', sect);
  const body = xml.slice(xml.indexOf('<w:body>'), closing < 0 ? sect : closing + '</w:p>'.length);
  return [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((t) => (t[0] === '<w:br/>' ? '\n' : t[1]))
      .join('')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}
