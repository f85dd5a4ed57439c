/**
 * The page's work as a service with one open workbook: open (read the snapshot), analyze, report, the
 * computed workbook and the .docx. `localService` runs it in this thread (the worker's side, and tests);
 * worker-link.ts carries the same calls to and from the page's Web Worker.
 */
import type { Analysis, ReportDocument, Settings, WorkbookSnapshot } from '../core';
import { type ComputedWorkbook, type FileCodecs, type FileProgress, type FileReport, FileActionError, FileWorkbook } from './file-workbook';

export interface WorkbookService {
  /**
   * Reads the workbook. With `first`, the settings the page will analyze with first, the analysis
   * starts as soon as the snapshot is sent: the page spends that time receiving and drawing it.
   */
  open(bytes: Uint8Array, name: string, first: Settings | undefined, onProgress?: FileProgress): Promise<WorkbookSnapshot>;
  analyze(settings: Settings, onProgress?: FileProgress): Promise<Analysis>;
  report(settings: Settings, onProgress?: FileProgress): Promise<FileReport>;
  computedWorkbook(settings: Settings, onProgress?: FileProgress): Promise<WorkbookDownload>;
  renderDocx(doc: ReportDocument): Promise<Uint8Array>;
}

/**
 * The analysis as the page receives it: everything the pane shows, without model.payments and
 * model.paymentRows, which stay in the worker. On 100,000 payments they are 17 of the analysis's
 * 21 MB when cloned to the page, seconds of the page's main thread each time results arrive; the pane
 * reads neither (it shows projects, results, issues and the plan; the report and the computed
 * workbook are made here, from the full analysis).
 */
export function pageAnalysis(analysis: Analysis): Analysis {
  if (!analysis.model) return analysis;
  return { ...analysis, model: { ...analysis.model, payments: [], paymentRows: [] } };
}

/**
 * The computed workbook as the page receives it: the bytes to download and the sentence about them.
 * The analysis and the report document it was made from stay in the worker — the page already shows
 * them (they are 17 MB cloned on 2,000 projects, most of a second of the page's main thread).
 */
export type WorkbookDownload = Pick<ComputedWorkbook, 'bytes' | 'fileName' | 'cellsWritten' | 'sheetName' | 'checklistSheetName' | 'formSheetName' | 'kept'>;

export function localService(codecs: FileCodecs, renderDocx: (doc: ReportDocument) => Promise<Uint8Array>): WorkbookService {
  let workbook: FileWorkbook | undefined;
  const opened = (): FileWorkbook => {
    if (!workbook) throw new FileActionError('请先打开一个工作簿。', 'Open a workbook first.');
    return workbook;
  };
  return {
    async open(bytes, name, first, onProgress) {
      workbook = undefined; // a failed open leaves no earlier workbook behind to be reported on by mistake
      const wb = (workbook = await FileWorkbook.open(bytes, name, codecs, onProgress));
      // After this call's answer is posted; analyze() keeps the result for the page's own call with these settings.
      if (first) setTimeout(() => workbook === wb && wb.analyze(first), 0);
      return wb.snapshot;
    },
    async analyze(settings, onProgress) {
      onProgress?.('computing', 0);
      const wb = opened();
      const analysis = wb.analyze(settings);
      onProgress?.('done', 1);
      // The report (what 生成报告 shows and the computed workbook holds) is made next, while the page draws these results.
      setTimeout(() => workbook === wb && wb.prepareReport(settings), 0);
      return pageAnalysis(analysis);
    },
    async report(settings, onProgress) {
      onProgress?.('computing', 0);
      const { sheets: _sheets, ...report } = opened().report(settings);
      onProgress?.('done', 1);
      return { ...report, analysis: pageAnalysis(report.analysis) };
    },
    async computedWorkbook(settings, onProgress) {
      const { bytes, fileName, cellsWritten, sheetName, checklistSheetName, formSheetName, kept } = await opened().computedWorkbook(settings, onProgress);
      return { bytes, fileName, cellsWritten, sheetName, checklistSheetName, ...(formSheetName ? { formSheetName } : {}), kept };
    },
    renderDocx,
  };
}
