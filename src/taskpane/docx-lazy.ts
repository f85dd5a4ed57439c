/**
 * The add-in's .docx renderer, loaded on first use (an async chunk): the page renders in its worker
 * instead, so this import() stays out of the page's bundle (a single-file page loads no chunks).
 */
import type { ReportDocument } from '../core';

/** Loads the `docx` library only when someone asks for a Word file: it is most of a megabyte. */
export async function renderDocxLazily(doc: ReportDocument): Promise<Uint8Array> {
  const { renderReportDocx } = await import(/* webpackChunkName: "report-docx" */ '../report-docx');
  return renderReportDocx(doc);
}

