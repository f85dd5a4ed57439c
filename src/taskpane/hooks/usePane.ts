/**
 * The pane's behaviour: each button's action as a function over the injected PaneApi, feeding the
 * reducer. Errors from Office land in the state (described in the pane's language), never in a console.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { quoteSheetName, renderReportHtml, renderReportSheet, Settings } from '../../core';
import type { PaneApi, Progress } from '../api';
import { copyRichText } from '../clipboard';
import { docxFileName, offerDownload } from '../download';
import type { Lang } from '../i18n';
import { ActionId, initialState, Notice, paneReducer, PaneState } from '../state';
import { InitialLoad, startInitialLoad } from './initial-load';

export interface PaneActions {
  analyze(): Promise<void>;
  saveSettings(settings: Settings): Promise<void>;
  recalculate(): Promise<void>;
  generateReport(): Promise<void>;
  /** Synchronous on purpose: execCommand('copy') only works inside the click that asked for it. */
  copyReport(): void;
  downloadDocx(): Promise<void>;
  undo(): Promise<void>;
  selectCell(cell: string): Promise<void>;
  dismissError(): void;
}

/** Marks the moment the pane first became usable, for the load-time measurement. */
function markInteractive(): void {
  if (typeof performance !== 'undefined' && performance.getEntriesByName?.('jixiao:interactive').length === 0) performance.mark('jixiao:interactive');
}

export function usePane(api: PaneApi, lang: Lang, initial?: InitialLoad): { state: PaneState; actions: PaneActions } {
  const [state, dispatch] = useReducer(paneReducer, initialState);
  // Handlers read the latest state through a ref, so their identities stay stable for memoised children.
  const stateRef = useRef(state);
  stateRef.current = state;
  // Set synchronously, unlike the state: a double click must not start the same write twice.
  const running = useRef(false);

  const onProgress: Progress = useCallback((stage, fraction) => dispatch({ type: 'progress', stage, fraction }), []);

  /** Runs one action: busy while it runs, any failure described in the pane's language. */
  const run = useCallback(
    async (action: ActionId, body: () => Promise<void>): Promise<void> => {
      if (running.current) return;
      running.current = true;
      dispatch({ type: 'start', action });
      try {
        await body();
      } catch (e) {
        dispatch({ type: 'failed', error: api.describeError(e, lang) });
      } finally {
        running.current = false;
        dispatch({ type: 'finish' });
      }
    },
    [api, lang],
  );

  /** Selecting a cell is quick and changes nothing: no progress bar, but a failure is still shown. */
  const select = useCallback(
    async (address: string): Promise<boolean> => {
      try {
        await api.selectCell(address);
        return true;
      } catch (e) {
        dispatch({ type: 'failed', error: api.describeError(e, lang) });
        return false;
      }
    },
    [api, lang],
  );

  const refreshUndo = useCallback(async () => dispatch({ type: 'undo-available', value: await api.hasUndo() }), [api]);

  const analyzeWith = useCallback(
    async (settings: Settings) => {
      const { snapshot, analysis } = await api.analyzeWorkbook(settings, onProgress);
      dispatch({ type: 'analyzed', snapshot, analysis });
    },
    [api, onProgress],
  );

  const actions = useMemo<PaneActions>(
    () => ({
      analyze: () => run('analyze', () => analyzeWith(stateRef.current.settings)),
      saveSettings: (settings) =>
        run('settings', async () => {
          await api.saveSettings(settings);
          dispatch({ type: 'settings', settings, savedAt: new Date().toISOString() });
          await analyzeWith(settings);
          dispatch({ type: 'notice', notice: { intent: 'success', id: 'settingsSaved' } });
        }),
      recalculate: () =>
        run('recalculate', async () => {
          const { analysis, cellsWritten } = await api.recalculate(stateRef.current.settings, onProgress);
          dispatch({ type: 'recalculated', analysis });
          dispatch({ type: 'notice', notice: { intent: 'success', id: 'recalculated', params: { cells: cellsWritten } } });
          await refreshUndo();
        }),
      generateReport: () =>
        run('report', async () => {
          const { analysis, document: doc, sheetName } = await api.generateReport(stateRef.current.settings, onProgress);
          const rowCount = renderReportSheet(doc).rows.length;
          dispatch({ type: 'report', analysis, report: { document: doc, sheetName, rowCount } });
          dispatch({ type: 'notice', notice: { intent: 'success', id: 'reportReady', params: { sheet: sheetName, paragraphs: doc.paragraphs.length } } });
          await refreshUndo();
        }),
      copyReport: () => {
        const report = stateRef.current.report;
        if (!report || stateRef.current.busy) return;
        const { html, text } = renderReportHtml(report.document);
        if (copyRichText(document, html, text)) {
          dispatch({ type: 'notice', notice: { intent: 'success', id: 'copied' } });
          return;
        }
        // Last resort: select the report in Excel and let the user press Ctrl+C there.
        const range = `${quoteSheetName(report.sheetName)}!A1:A${Math.max(1, report.rowCount)}`;
        void select(range).then((ok) => {
          if (ok) dispatch({ type: 'notice', notice: { intent: 'warning', id: 'copyFallback', params: { range } } });
        });
      },
      downloadDocx: () =>
        run('download', async () => {
          const report = stateRef.current.report;
          if (!report) return;
          const bytes = await api.renderDocx(report.document);
          const fileName = docxFileName(report.document.title);
          const previous = stateRef.current.docx;
          if (previous) URL.revokeObjectURL(previous.url);
          const url = offerDownload(document, bytes, fileName);
          dispatch({ type: 'docx', url, fileName });
          dispatch({ type: 'notice', notice: { intent: 'success', id: 'docxReady' } });
        }),
      undo: () =>
        run('undo', async () => {
          const result = await api.undoLastRun(onProgress);
          if (!result) {
            dispatch({ type: 'notice', notice: { intent: 'info', id: 'nothingToUndo' } });
          } else {
            if (result.removedSheet) dispatch({ type: 'report-removed' });
            const { removedSheet: sheet, restoredCells: cells } = result;
            const notice: Notice = !sheet
              ? { intent: 'success', id: 'undone', params: { cells } }
              : { intent: 'success', id: cells ? 'undoneSheet' : 'undoneSheetOnly', params: { sheet, cells } };
            await analyzeWith(stateRef.current.settings);
            dispatch({ type: 'notice', notice });
          }
          await refreshUndo();
        }),
      selectCell: async (cell) => {
        if (await select(cell)) dispatch({ type: 'selected', cell });
      },
      dismissError: () => dispatch({ type: 'dismiss-error' }),
    }),
    [api, run, select, analyzeWith, onProgress, refreshUndo],
  );

  // First open: saved settings, the analysis and the undo state — started by index.tsx before the
  // first render when it can, so Excel's round trips overlap React's work.
  const initialRef = useRef(initial);
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    let cancelled = false;
    const load = initialRef.current ?? startInitialLoad(api);
    initialRef.current = undefined; // a remount (or a new api) reads the workbook afresh
    void runRef.current('analyze', async () => {
      const { saved, snapshot, analysis, undoAvailable } = await load.promise;
      if (cancelled) return;
      dispatch({ type: 'settings', settings: saved?.settings ?? {}, savedAt: saved?.savedAt });
      dispatch({ type: 'analyzed', snapshot, analysis });
      dispatch({ type: 'undo-available', value: undoAvailable });
    });
    load.listen(onProgress); // after run() marked the pane busy, so a replayed report shows
    return () => {
      cancelled = true;
    };
  }, [api, onProgress]); // once per workbook connection, whatever else re-renders

  useEffect(() => {
    if (state.loaded && !state.busy) markInteractive();
  }, [state.loaded, state.busy]);

  return { state, actions };
}
