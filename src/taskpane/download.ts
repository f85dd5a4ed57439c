/** The .docx as a browser download: a Blob, an object URL and an <a download> the pane clicks. */

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The report's title as a file name, without the characters Windows refuses. */
export function docxFileName(title: string): string {
  const base = title.replace(/[\\/:*?"<>|\s]+/g, ' ').trim().slice(0, 120) || '绩效自评报告';
  return `${base}.docx`;
}

/** Makes an object URL for the bytes and starts the download; returns the URL for a visible link. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSM_MIME = 'application/vnd.ms-excel.sheet.macroEnabled.12';

export function offerDownload(doc: Document, bytes: Uint8Array, fileName: string, type = DOCX_MIME): string {
  // A plain ArrayBuffer-backed view, which Blob accepts everywhere; copied only when it is a view into a larger buffer.
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
  const url = URL.createObjectURL(new Blob([whole as Uint8Array<ArrayBuffer>], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  return url;
}
