/**
 * The narrative report's speed on the benchmark workbook (2,000 projects, 100,000 payments):
 *   document model + sheet rendering (target < 500 ms), and the .docx (target < 3 s).
 * Medians of a few runs after one warm-up, as a long-lived add-in would run them.
 */
import { buildReport, renderReportHtml, renderReportSheet } from '../src/core';
import { renderReportDocx } from '../src/report-docx';
import { BenchContext, BenchResult, median } from './measure';

export async function benchReport({ snapshot, analysis }: Pick<BenchContext, 'snapshot' | 'analysis'>): Promise<BenchResult[]> {
  const doc = buildReport(analysis, snapshot);
  renderReportSheet(doc);
  await renderReportDocx(doc);
  const modelAndSheet = await median(5, () => renderReportSheet(buildReport(analysis, snapshot)));
  const html = await median(5, () => renderReportHtml(doc));
  const docx = await median(3, () => renderReportDocx(doc));
  const bytes = (await renderReportDocx(doc)).length;
  return [
    { name: `report: document model + sheet (${doc.paragraphs.length} paragraphs)`, value: modelAndSheet, unit: 'ms', target: 500 },
    { name: 'report: clipboard HTML + text', value: html, unit: 'ms' },
    { name: 'report: .docx', value: docx, unit: 'ms', target: 3000 },
    { name: 'report: .docx size', value: bytes, unit: 'bytes' },
  ];
}
