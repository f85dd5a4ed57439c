/**
 * The pane's PaneApi over a local workbook: the same components as in Excel, with the work done by
 * the WorkbookService (in the page's worker). Nothing is written back — the user's file cannot be
 * changed from a browser — so recalculation and the report are computed for the download, there is no
 * undo, settings live in the page, and "select a cell" shows that cell's row on the page.
 */
import type { Settings, WorkbookSnapshot } from '../core';
import type { PaneApi, Progress } from '../taskpane/api';
import type { Lang } from '../taskpane/i18n';
import { yieldToBrowser } from '../taskpane/yield';
import { FileActionError, type FileProgress } from './file-workbook';
import type { WorkbookService } from './workbook-service';

/** Today where the user is: the report's fiscal year falls back to it, as the CLI's clock does. */
export function withToday(settings: Settings): Settings {
  if (settings.today) return settings;
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { ...settings, today: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` };
}

function relay(onProgress?: Progress): FileProgress | undefined {
  return onProgress && ((stage, fraction) => void onProgress(stage, fraction));
}

export interface FileApiOptions {
  snapshot: WorkbookSnapshot;
  /** The page shows the cell (an issue's, a checklist item's) with its row. */
  onSelectCell?(address: string): void;
}

export function fileApi(service: WorkbookService, { snapshot, onSelectCell }: FileApiOptions): PaneApi {
  let saved: { settings: Settings; savedAt: string } | null = null;
  return {
    host: 'file',
    loadSavedSettings: async () => saved,
    saveSettings: async (settings) => {
      saved = { settings, savedAt: new Date().toISOString() };
    },
    analyzeWorkbook: async (settings, onProgress) => {
      const analysis = await service.analyze(withToday(settings), relay(onProgress));
      return { snapshot, analysis };
    },
    recalculate: async (settings, onProgress) => {
      const analysis = await service.analyze(withToday(settings), relay(onProgress));
      const cellsWritten = analysis.plan.blocks.reduce((n, b) => n + b.values.reduce((m, row) => m + row.length, 0), 0);
      return { analysis, cellsWritten };
    },
    generateReport: async (settings, onProgress) => {
      const report = await service.report(withToday(settings), relay(onProgress));
      return { ...report, snapshot };
    },
    downloadWorkbook: async (settings, onProgress) => {
      const { bytes, fileName, cellsWritten, sheetName } = await service.computedWorkbook(withToday(settings), relay(onProgress));
      return { bytes, fileName, cellsWritten, sheetName };
    },
    undoLastRun: async () => null,
    hasUndo: async () => false,
    selectCell: async (address) => onSelectCell?.(address),
    describeError: (e: unknown, lang: Lang) => {
      if (e instanceof FileActionError) return lang === 'en' ? e.en : e.zh;
      const message = String((e as Error)?.message ?? e).split('\n')[0];
      return lang === 'en' ? `Processing failed: ${message}` : `处理失败：${message}`;
    },
    renderDocx: (doc) => service.renderDocx(doc),
    yieldToBrowser: () => yieldToBrowser(),
  };
}
