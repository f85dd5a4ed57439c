/**
 * What 复制报告 and the Ctrl+C fallback hand over, for the report's list of documents: one clipboard
 * payload — each document, then its 项目支出绩效自评表 as tables, a Word page break before each form
 * and between documents — and the sheet range that holds the first document.
 */
import { formHtml, formText, quoteSheetName, renderReportHtml, renderReportSheet, type ReportDocument } from '../core';

const START = '<!--StartFragment-->\n';
const END = '\n<!--EndFragment-->';
/** Word starts the next document on a new page. */
const PAGE_BREAK = '<br clear="all" style="page-break-before:always;mso-break-type:page-break">';

const rendered = new WeakMap<ReportDocument[], { html: string; text: string }>();

/** The HTML (the first document's page, every document's body in order) and the plain text; rendered once per report. */
export function clipboardPayload(documents: ReportDocument[]): { html: string; text: string } {
  let payload = rendered.get(documents);
  if (!payload) rendered.set(documents, (payload = renderPayload(documents)));
  return payload;
}

/** A document with its forms after it, each on a new page in Word. */
function withForms(doc: ReportDocument): { html: string; text: string } {
  const report = renderReportHtml(doc);
  const forms = doc.forms ?? [];
  if (!forms.length) return report;
  const end = report.html.lastIndexOf(END);
  const html = report.html.slice(0, end) + forms.map((f) => `\n${PAGE_BREAK}\n${formHtml(f)}`).join('') + report.html.slice(end);
  return { html, text: [report.text, ...forms.map(formText)].join('\n\n') };
}

function renderPayload(documents: ReportDocument[]): { html: string; text: string } {
  if (documents.length === 0) throw new Error('no report to copy');
  const rendered = documents.map(withForms);
  if (rendered.length === 1) return rendered[0];
  const bodies = rendered.map(({ html }) => html.slice(html.indexOf(START) + START.length, html.lastIndexOf(END)));
  const first = rendered[0].html;
  const html = first.slice(0, first.indexOf(START) + START.length) + bodies.join(`\n${PAGE_BREAK}\n`) + first.slice(first.lastIndexOf(END));
  return { html, text: rendered.map((r) => r.text).join('\n\n') };
}

/** Every row the report sheet holds, e.g. '自评报告'!A1:A173 — the same rows the Excel shell wrote. */
export function reportSheetRange(sheetName: string, document: ReportDocument): string {
  const rows = Math.max(1, renderReportSheet(document).rows.length);
  return `${quoteSheetName(sheetName)}!A1:A${rows}`;
}
