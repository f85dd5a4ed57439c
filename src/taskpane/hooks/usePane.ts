/**
 * The pane's behaviour: each button's action as a function over the injected PaneApi, feeding the
 * reducer. Errors from Office land in the state (described in the pane's language), never in a console.
 *
 * Copy and download never hand over a report older than the figures on screen: when the figures have
 * moved on since 生成报告 (state.ts), they generate it again first and say so.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { Settings } from '../../core';
import { describeUndo } from '../../excel/undo-words';
import type { UndoResult } from '../../excel/undo';
import type { PaneApi, Progress } from '../api';
import { copyRichText } from '../clipboard';
import { XLSM_MIME, XLSX_MIME, docxFileName, offerDownload } from '../download';
import type { Lang } from '../i18n';
import { clipboardPayload, reportSheetRange } from '../report-output';
import { ActionId, initialState, Notice, paneReducer, PaneState, ReportOutput, reportOutOfDate } from '../state';
import { snapshotKey } from '../workbook-key';
import { InitialLoad, startInitialLoad } from './initial-load';

export interface PaneActions {
  analyze(): Promise<void>;
  saveSettings(settings: Settings): Promise<void>;
  recalculate(): Promise<void>;
  generateReport(): Promise<void>;
  /** 生成并复制报告: generates the report afresh, then copies it. */
  generateAndCopy(): Promise<void>;
  /**
   * Copies the report; synchronous when it is up to date, because execCommand('copy') works only
   * inside the click that asked for it. An out-of-date report is generated again first.
   */
  copyReport(): Promise<void>;
  downloadDocx(): Promise<void>;
  /** The browser page only: 下载计算后的工作簿 — the computed copy of the workbook, as `jixiao report` writes it. */
  downloadWorkbook(): Promise<void>;
  undo(): Promise<void>;
  selectCell(cell: string): Promise<void>;
  dismissError(): void;
}

/** “自评报告”、“核对清单”: sheet names as a notice lists them. */
function quoted(names: string[], lang: Lang): string {
  return names.map((n) => `“${n}”`).join(lang === 'en' ? ', ' : '、');
}

/**
 * What the undo did, in words (issue 11.8): the sheets it removed, put back or left alone and the
 * cells it restored — the sentence the ribbon's 撤销上次计算 shows too. A warning when something
 * could not be put back.
 */
export function undoNotice(result: UndoResult, lang: Lang): Notice {
  const incomplete = result.lostSheets.length > 0 || Boolean(result.notRestored?.length);
  return { intent: incomplete ? 'warning' : 'success', id: 'undoneSummary', params: { summary: describeUndo(result, lang) } };
}

/** Marks the moment the pane first became usable, for the load-time measurement. */
function markInteractive(): void {
  if (typeof performance !== 'undefined' && performance.getEntriesByName?.('jixiao:interactive').length === 0) performance.mark('jixiao:interactive');
}

type CopyOccasion = 'current' | 'regenerated' | 'generated';

export function usePane(api: PaneApi, lang: Lang, initial?: InitialLoad): { state: PaneState; actions: PaneActions } {
  const [state, dispatch] = useReducer(paneReducer, initialState);
  // Handlers read the latest state through a ref, so their identities stay stable for memoised children.
  const stateRef = useRef(state);
  stateRef.current = state;
  // Set synchronously, unlike the state: a double click must not start the same write twice.
  const running = useRef(false);

  const pause = useCallback(() => api.yieldToBrowser?.() ?? Promise.resolve(), [api]);

  // Excel's run awaits the answer at the boundaries between its long steps (read, check, report,
  // write): the bar is painted and clicks are handled before the next one starts.
  const onProgress: Progress = useCallback(
    (stage, fraction) => {
      dispatch({ type: 'progress', stage, fraction });
      performance.mark?.(`jixiao:${stage}`, { detail: fraction });
      return pause();
    },
    [pause],
  );

  /** Runs one action: busy while it runs, any failure described in the pane's language. True when it finished. */
  const run = useCallback(
    async (action: ActionId, body: () => Promise<void>): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      dispatch({ type: 'start', action });
      try {
        await body();
        return true;
      } catch (e) {
        dispatch({ type: 'failed', error: api.describeError(e, lang) });
        return false;
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
      await pause(); // fingerprinting 100,000 rows and drawing the results are steps of their own
      dispatch({ type: 'analyzed', snapshot, snapshotKey: snapshotKey(snapshot), analysis });
    },
    [api, onProgress],
  );

  /** Writes the report sheet and records the report; no notice (the caller says what happened). */
  const generate = useCallback(async (): Promise<ReportOutput & { kept: string[] }> => {
    const { analysis, document: doc, sheetName, checklistSheetName, formSheetName, kept = [], snapshot } = await api.generateReport(stateRef.current.settings, onProgress);
    await pause();
    const generatedAt = new Date().toISOString();
    const documents = [doc];
    const sheets = { ...(checklistSheetName ? { checklistSheetName } : {}), ...(formSheetName ? { formSheetName } : {}) };
    dispatch({ type: 'report', analysis, documents, sheetName, ...sheets, generatedAt, snapshot, snapshotKey: snapshotKey(snapshot) });
    await refreshUndo();
    // The clipboard HTML of a large report takes a while to render: done now, between frames, so a click on 复制报告 only copies.
    void pause().then(() => clipboardPayload(documents));
    return { documents, sheetName, ...sheets, kept };
  }, [api, onProgress, refreshUndo, pause]);

  /** Onto the clipboard as rich text; where the browser refuses, the whole report range is selected in Excel instead. */
  const deliver = useCallback(
    async (report: ReportOutput, occasion: CopyOccasion): Promise<void> => {
      const { html, text } = clipboardPayload(report.documents);
      if (copyRichText(document, html, text)) {
        const id = occasion === 'current' ? 'copied' : occasion === 'regenerated' ? 'copiedAfterUpdate' : 'generatedAndCopied';
        dispatch({ type: 'notice', notice: { intent: 'success', id, params: { sheet: report.sheetName } } });
        return;
      }
      // Last resort: select every row of the report in Excel and let the user press Ctrl+C there.
      const range = reportSheetRange(report.sheetName, report.documents[0]);
      if (await select(range)) {
        const id = occasion === 'current' ? 'copyFallback' : 'copyFallbackAfterUpdate';
        dispatch({ type: 'notice', notice: { intent: 'warning', id, params: { range, rows: range.slice(range.lastIndexOf('A') + 1) } } });
      }
    },
    [select],
  );

  const actions = useMemo<PaneActions>(() => {
    const regenerateThen = async (then: (report: ReportOutput) => Promise<void>) => {
      let report: ReportOutput | undefined;
      const ok = await run('report', async () => {
        report = await generate();
      });
      if (!ok || !report) return;
      await pause();
      // Rendering the clipboard HTML and copying it are separate steps for the browser (the click
      // still counts a few seconds later, which is what execCommand('copy') needs).
      clipboardPayload(report.documents);
      await pause();
      await then(report);
    };
    return {
      analyze: async () => {
        await run('analyze', () => analyzeWith(stateRef.current.settings));
      },
      saveSettings: async (settings) => {
        await run('settings', async () => {
          await api.saveSettings(settings);
          dispatch({ type: 'settings', settings, savedAt: new Date().toISOString() });
          await analyzeWith(settings);
          dispatch({ type: 'notice', notice: { intent: 'success', id: 'settingsSaved' } });
        });
      },
      recalculate: async () => {
        await run('recalculate', async () => {
          const { analysis, cellsWritten } = await api.recalculate(stateRef.current.settings, onProgress);
          dispatch({ type: 'recalculated', analysis, changesWorkbook: api.host !== 'file' });
          dispatch({ type: 'notice', notice: { intent: 'success', id: 'recalculated', params: { cells: cellsWritten } } });
          await refreshUndo();
        });
      },
      generateReport: async () => {
        await run('report', async () => {
          const report = await generate();
          const doc = report.documents[0];
          // A sheet the staff changed since it was generated was kept, and the report went beside it: say so.
          const notice: Notice = report.kept.length
            ? { intent: 'warning', id: 'reportReadyKept', params: { sheet: report.sheetName, checklist: report.checklistSheetName ?? '', paragraphs: doc.paragraphs.length, kept: quoted(report.kept, lang) } }
            : report.formSheetName && doc.forms?.length
              ? { intent: 'success', id: 'reportReadyForms', params: { sheet: report.sheetName, paragraphs: doc.paragraphs.length, forms: doc.forms.length, formSheet: report.formSheetName } }
              : { intent: 'success', id: 'reportReady', params: { sheet: report.sheetName, paragraphs: doc.paragraphs.length } };
          dispatch({ type: 'notice', notice });
        });
      },
      generateAndCopy: () => regenerateThen((report) => deliver(report, 'generated')),
      copyReport: async () => {
        const current = stateRef.current;
        if (running.current || current.busy) return;
        if (current.report && !reportOutOfDate(current)) return deliver(current.report, 'current');
        await regenerateThen((report) => deliver(report, 'regenerated'));
      },
      downloadDocx: async () => {
        await run('download', async () => {
          const current = stateRef.current;
          const regenerate = !current.report || reportOutOfDate(current);
          const report: ReportOutput = regenerate ? await generate() : current.report!;
          for (const previous of current.docx ?? []) URL.revokeObjectURL(previous.url);
          const files: { url: string; fileName: string }[] = [];
          for (const doc of report.documents) {
            const bytes = await api.renderDocx(doc);
            const fileName = docxFileName(doc.title);
            files.push({ url: offerDownload(document, bytes, fileName), fileName });
          }
          dispatch({ type: 'docx', files });
          dispatch({ type: 'notice', notice: { intent: 'success', id: regenerate && current.report ? 'docxReadyAfterUpdate' : 'docxReady' } });
        });
      },
      downloadWorkbook: async () => {
        const download = api.downloadWorkbook;
        if (!download) return;
        await run('workbook', async () => {
          const { bytes, fileName, cellsWritten, sheetName } = await download(stateRef.current.settings, onProgress);
          await pause();
          const previous = stateRef.current.workbookFile;
          if (previous) URL.revokeObjectURL(previous.url);
          const url = offerDownload(document, bytes, fileName, /\.xlsm$/i.test(fileName) ? XLSM_MIME : XLSX_MIME);
          dispatch({ type: 'workbook-file', file: { url, fileName } });
          dispatch({ type: 'notice', notice: { intent: 'success', id: 'workbookReady', params: { file: fileName, cells: cellsWritten, sheet: sheetName } } });
        });
      },
      undo: async () => {
        await run('undo', async () => {
          const result = await api.undoLastRun(onProgress);
          if (!result) {
            dispatch({ type: 'notice', notice: { intent: 'info', id: 'nothingToUndo' } });
          } else {
            dispatch({ type: 'undone' });
            // The report the pane holds was this run's (or is older than it): it is not in the workbook any more.
            if (result.kind === 'report' || result.removedSheets.length || result.restoredSheets.length) dispatch({ type: 'report-removed' });
            const notice = undoNotice(result, lang);
            await analyzeWith(stateRef.current.settings);
            dispatch({ type: 'notice', notice });
          }
          await refreshUndo();
        });
      },
      selectCell: async (cell) => {
        if (await select(cell)) dispatch({ type: 'selected', cell });
      },
      dismissError: () => dispatch({ type: 'dismiss-error' }),
    };
  }, [api, lang, run, select, analyzeWith, onProgress, refreshUndo, generate, deliver]);

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
      dispatch({ type: 'analyzed', snapshot, snapshotKey: snapshotKey(snapshot), analysis });
      dispatch({ type: 'undo-available', value: undoAvailable });
      if (saved?.problems?.length) {
        const list = saved.problems.map((p) => `${p.path} ${lang === 'en' ? p.en : p.zh}`).join(lang === 'en' ? '; ' : '；');
        dispatch({ type: 'notice', notice: { intent: 'warning', id: 'savedSettingsIgnored', params: { list } } });
      }
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
