/**
 * The 绩效自评报告 for every file of the bad corpus that can be analyzed: the document, the 自评报告
 * sheet plan, the clipboard HTML and the .docx all come out, with no "undefined" or "NaN" in the
 * text, no empty heading, no cell over Excel's 32,767 characters, and workbook text escaped wherever
 * it lands in markup. A file that cannot be analyzed gets a one-line Chinese reason instead.
 * (not-an-xlsx.xlsx cannot be read at all, so there is no workbook to report on.)
 */
import JSZip from 'jszip';
import * as path from 'path';
import { CORPUS, CORPUS_DIR } from '../../scripts/make-bad-corpus';
import { MAX_CELL_CHARS, analyze, buildReport, paragraphPlainText, renderReportHtml, renderReportSheet, type ReportDocument, type ReportSheetPlan } from '../../src/core';
import { renderReportDocx } from '../../src/report-docx';
import { TODAY, cliSnapshot } from '../excel/helpers';
import { docxParagraphs } from '../helpers/report';

const STOPS = ['empty.xlsx', 'no-table.xlsx', 'header-row-25.xlsx'];
const REPORTED = [...Object.keys(CORPUS), 'payments-50k.xlsx'].filter((n) => !STOPS.includes(n));
const LEAKS = /undefined|NaN|null|\[object/;

interface Rendered {
  /** Cell texts of the workbook itself that look like a leak ("NaN" typed as a budget), quoted as “NaN”. */
  quoted: string[];
  doc: ReportDocument;
  sheet: ReportSheetPlan;
  html: string;
  text: string;
  docx: Uint8Array;
  documentXml: string;
}

async function render(name: string): Promise<Rendered> {
  const snapshot = await cliSnapshot(path.join(CORPUS_DIR, name));
  const analysis = analyze(snapshot, { today: TODAY });
  expect(analysis.ok).toBe(true);
  const doc = buildReport(analysis, snapshot, { date: TODAY });
  const sheet = renderReportSheet(doc);
  const { html, text } = renderReportHtml(doc);
  const docx = await renderReportDocx(doc);
  const documentXml = await (await JSZip.loadAsync(docx, { checkCRC32: true })).file('word/document.xml')!.async('string');
  const quoted = snapshot.sheets.flatMap((s) => s.values.flatMap((row) => row.filter((v): v is string => typeof v === 'string' && LEAKS.test(v)))).map((v) => `“${v}”`);
  return { quoted, doc, sheet, html, text, docx, documentXml };
}

/** The sheet's rows joined back into paragraphs: a row marked `continued` carries on the one above. */
function sheetParagraphs(sheet: ReportSheetPlan): string[] {
  const out: string[] = [];
  for (const row of sheet.rows) {
    if (row.continued) out[out.length - 1] += row.text;
    else out.push(row.text);
  }
  return out;
}

describe.each(REPORTED)('the report on %s', (name) => {
  let r: Rendered;
  beforeAll(async () => {
    r = await render(name);
  });

  it('reads cleanly: nothing undefined, NaN, null or [object …], no empty heading', () => {
    // The workbook's own "NaN", quoted back to the user as the cell's content, is not a leak.
    const ours = (text: string) => r.quoted.reduce((t, q) => t.split(q).join('“…”'), text);
    expect(ours(r.text)).not.toMatch(LEAKS);
    for (const row of r.sheet.rows) expect(ours(row.text)).not.toMatch(LEAKS);
    const headings = r.doc.paragraphs.filter((p) => p.style.startsWith('heading'));
    expect(headings.length).toBeGreaterThan(0);
    for (const h of headings) expect({ heading: h.text, body: h.text.slice(h.label.length).replace(/[\s。：:]/g, '') }).not.toMatchObject({ body: '' });
  });

  it('the 自评报告 sheet holds every paragraph, none of its cells over 32,767 characters', () => {
    for (const row of r.sheet.rows) expect(row.text.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(sheetParagraphs(r.sheet)).toEqual(r.doc.paragraphs.map(paragraphPlainText));
  });

  it('the clipboard HTML and the .docx carry the same paragraphs, markup escaped', async () => {
    expect(r.text.split('\n').length).toBeGreaterThanOrEqual(r.doc.paragraphs.length);
    // Only the document's own tags: every < in the body opens p, h1–h3, span or br.
    const start = '<!--StartFragment-->';
    const body = r.html.slice(r.html.indexOf(start) + start.length, r.html.indexOf('<!--EndFragment-->'));
    expect([...body.matchAll(/<(\/?[^\s>]*)/g)].map((m) => m[1]).filter((t) => !/^\/?(p|h[1-3]|span|br)$/.test(t))).toEqual([]);
    expect(await docxParagraphs(r.docx)).toEqual(r.doc.paragraphs.map((p) => p.text));
  });
});

describe('workbook text that is markup stays text', () => {
  let r: Rendered;
  beforeAll(async () => {
    r = await render('injection.xlsx');
  });

  it('the clipboard HTML escapes <script> and <img …>', () => {
    expect(r.text).toContain('<script>alert(1)</script>');
    expect(r.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(r.html).toContain('&lt;b&gt;加粗&lt;/b&gt;项目');
    expect(r.html).not.toContain('<script');
    expect(r.html).not.toContain('<img');
    expect(r.html).not.toContain('<b>');
  });

  it('the .docx holds the escaped characters, not raw markup', () => {
    expect(r.documentXml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.documentXml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(r.documentXml).not.toContain('<script');
    expect(r.documentXml).not.toContain('<img');
  });

  it('text beginning with = + - @ opens paragraphs as that text', () => {
    expect(r.doc.paragraphs.map((p) => p.text)).toEqual(expect.arrayContaining(['@2023年度绩效自评报告', '+州财政局：', "=cmd|' /C calc'!A0"]));
  });
});

describe('a 32,000-character 项目实施情况 (long-texts.xlsx)', () => {
  it('is one paragraph in the document, split over rows of the sheet', async () => {
    const r = await render('long-texts.xlsx');
    const long = r.doc.paragraphs.find((p) => p.text.startsWith('（2）项目实施情况：长文本'))!;
    expect(long.text.length).toBeGreaterThan(32_000);
    const first = r.sheet.rows.findIndex((row) => row.text.includes('（2）项目实施情况：长文本'));
    const continued = r.sheet.rows.slice(first + 1).findIndex((row) => !row.continued);
    expect(continued).toBeGreaterThan(10);
    expect(r.sheet.rows.slice(first, first + 1 + continued).map((row) => row.text).join('')).toBe(paragraphPlainText(long));
  });
});

describe.each(STOPS)('no report on %s', (name) => {
  it('buildReport stops with a one-line Chinese reason', async () => {
    const snapshot = await cliSnapshot(path.join(CORPUS_DIR, name));
    const analysis = analyze(snapshot, { today: TODAY });
    expect(analysis.ok).toBe(false);
    let error: unknown;
    try {
      buildReport(analysis, snapshot);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/^[\u4e00-\u9fff]/);
    expect(message).toContain('项目资金表');
    expect(message).toContain('无法生成报告');
  });
});
