/**
 * The page's work as a service with one open workbook: open (read the snapshot), analyze, report, the
 * computed workbook and the .docx. `localService` runs it in this thread (the worker's side, and tests);
 * worker-link.ts carries the same calls to and from the page's Web Worker.
 */
import type { Analysis, ReportDocument, Settings, WorkbookSnapshot } from '../core';
import { type ComputedWorkbook, type FileCodecs, type FileProgress, type FileReport, FileActionError, FileWorkbook } from './file-workbook';

export interface WorkbookService {
  open(bytes: Uint8Array, name: string, onProgress?: FileProgress): Promise<WorkbookSnapshot>;
  analyze(settings: Settings, onProgress?: FileProgress): Promise<Analysis>;
  report(settings: Settings, onProgress?: FileProgress): Promise<FileReport>;
  computedWorkbook(settings: Settings, onProgress?: FileProgress): Promise<ComputedWorkbook>;
  renderDocx(doc: ReportDocument): Promise<Uint8Array>;
}

export function localService(codecs: FileCodecs, renderDocx: (doc: ReportDocument) => Promise<Uint8Array>): WorkbookService {
  let workbook: FileWorkbook | undefined;
  const opened = (): FileWorkbook => {
    if (!workbook) throw new FileActionError('请先打开一个工作簿。', 'Open a workbook first.');
    return workbook;
  };
  return {
    async open(bytes, name, onProgress) {
      workbook = undefined; // a failed open leaves no earlier workbook behind to be reported on by mistake
      workbook = await FileWorkbook.open(bytes, name, codecs, onProgress);
      return workbook.snapshot;
    },
    async analyze(settings, onProgress) {
      onProgress?.('computing', 0);
      const analysis = opened().analyze(settings);
      onProgress?.('done', 1);
      return analysis;
    },
    async report(settings, onProgress) {
      onProgress?.('computing', 0);
      const { sheets: _sheets, ...report } = opened().report(settings);
      onProgress?.('done', 1);
      return report;
    },
    computedWorkbook: (settings, onProgress) => opened().computedWorkbook(settings, onProgress),
    renderDocx,
  };
}
