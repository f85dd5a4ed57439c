/** The .docx as a browser download: a Blob, an object URL and an <a download> the pane clicks. */
import type { ReportDocument } from '../core';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Loads the `docx` library only when someone asks for a Word file: it is most of a megabyte. */
export async function renderDocxLazily(doc: ReportDocument): Promise<Uint8Array> {
  const { renderReportDocx } = await import(/* webpackChunkName: "report-docx" */ '../report-docx');
  return renderReportDocx(doc);
}

/** The report's title as a file name, without the characters Windows refuses. */
export function docxFileName(title: string): string {
  const base = title.replace(/[\\/:*?"<>|\s]+/g, ' ').trim().slice(0, 120) || '绩效自评报告';
  return `${base}.docx`;
}

/** Makes an object URL for the bytes and starts the download; returns the URL for a visible link. */
export function offerDownload(doc: Document, bytes: Uint8Array, fileName: string): string {
  const copy = new Uint8Array(bytes.byteLength); // a plain ArrayBuffer-backed copy, which Blob accepts everywhere
  copy.set(bytes);
  const url = URL.createObjectURL(new Blob([copy], { type: DOCX_MIME }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  return url;
}
