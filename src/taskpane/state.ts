/**
 * The pane's state as one reducer: what Excel last told us (snapshot, analysis, report), what is
 * running (and how far), and the outcome of the last action. Components only read it.
 *
 * A report is derived data: it records the `revision` of the figures it was made from. Anything that
 * changes the figures — settings or mapping, a recalculation, an undo, a re-check that finds changed
 * cells — moves `revision` on, and the report is out of date until it is generated again.
 */
import type { Analysis, ReportDocument, Settings, WorkbookSnapshot } from '../core';
import type { Stage } from './api';
import type { MessageId, Params } from './i18n';
import { overallProgress } from './progress';
import { settingsKey } from './workbook-key';

export type ActionId = 'analyze' | 'settings' | 'recalculate' | 'report' | 'download' | 'undo' | 'workbook';

export interface Busy {
  action: ActionId;
  stage?: Stage;
  /** 0–1 over the whole action, only ever growing; undefined until the first report (indeterminate bar). */
  fraction?: number;
}

/** The outcome of the last action, as a message id so it renders in the pane's language. */
export interface Notice {
  intent: 'success' | 'info' | 'warning';
  id: MessageId;
  params?: Params;
  /** Set by the reducer: each notice is a new message bar, announced again even when its words repeat. */
  seq?: number;
}

/** Why the figures moved on since the report was made: the pane says it in words. */
export type ChangeReason = 'settings' | 'recalculate' | 'undo' | 'workbook';

/** What copy and download hand over. */
export interface ReportOutput {
  /**
   * The documents the report step hands over, first the narrative report, each with its 绩效自评表
   * (ReportDocument.forms). Copy joins them and download makes one file each.
   */
  documents: ReportDocument[];
  sheetName: string;
  /** The 核对清单 sheet written beside the report (absent on hosts that write none). */
  checklistSheetName?: string;
  /** The 绩效自评表 written beside them, when the workbook has an indicators table. */
  formSheetName?: string;
}

export interface ReportState extends ReportOutput {
  /** The figures' revision it was generated from (PaneState.revision at that moment). */
  revision: number;
  /** ISO time, shown as "生成于 10:32". */
  generatedAt: string;
}

export interface PaneState {
  /** False until the first analysis has finished (or failed). */
  loaded: boolean;
  busy?: Busy;
  settings: Settings;
  savedAt?: string;
  snapshot?: WorkbookSnapshot;
  /** Fingerprint of the last snapshot's data sheets (workbook-key.ts). */
  snapshotKey?: string;
  analysis?: Analysis;
  /** Moves on whenever the figures may have changed. */
  revision: number;
  /** What moved `revision` last. */
  changedBy?: ChangeReason;
  undoAvailable: boolean;
  report?: ReportState;
  /** The .docx files of the last download (one per document), offered again as links. */
  docx?: { url: string; fileName: string }[];
  /** The page's last computed workbook, offered again as a link (the browser page only). */
  workbookFile?: { url: string; fileName: string };
  notice?: Notice;
  /** An Office error already described in the pane's language. */
  error?: string;
  /** The cell last selected from the issue list. */
  selectedCell?: string;
}

export type PaneEvent =
  | { type: 'start'; action: ActionId }
  | { type: 'progress'; stage: Stage; fraction: number }
  | { type: 'finish' }
  | { type: 'settings'; settings: Settings; savedAt?: string }
  | { type: 'analyzed'; snapshot: WorkbookSnapshot; snapshotKey: string; analysis: Analysis }
  | { type: 'recalculated'; analysis: Analysis; changesWorkbook?: boolean }
  | { type: 'workbook-file'; file: { url: string; fileName: string } }
  | { type: 'report'; analysis: Analysis; documents: ReportDocument[]; sheetName: string; checklistSheetName?: string; formSheetName?: string; generatedAt: string; snapshot: WorkbookSnapshot; snapshotKey: string }
  | { type: 'undone' }
  | { type: 'report-removed' }
  | { type: 'undo-available'; value: boolean }
  | { type: 'docx'; files: { url: string; fileName: string }[] }
  | { type: 'notice'; notice?: Notice }
  | { type: 'failed'; error: string }
  | { type: 'dismiss-error' }
  | { type: 'selected'; cell: string };

export const initialState: PaneState = { loaded: false, settings: {}, undoAvailable: false, revision: 0 };

function changed(state: PaneState, reason: ChangeReason): PaneState {
  return { ...state, revision: state.revision + 1, changedBy: reason, docx: undefined, workbookFile: undefined };
}

/** True when there is a report and the figures have moved on since it was made. */
export function reportOutOfDate(state: PaneState): boolean {
  return Boolean(state.report && state.report.revision !== state.revision);
}

export function paneReducer(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case 'start':
      // A new action clears the last outcome, so a stale "已复制" never sits next to a new error.
      return { ...state, busy: { action: event.action }, notice: undefined, error: undefined };
    case 'progress': {
      if (!state.busy) return state;
      const fraction = overallProgress(state.busy.action, event.stage, event.fraction, state.busy.fraction);
      return { ...state, busy: { ...state.busy, stage: event.stage, fraction } };
    }
    case 'finish':
      return { ...state, busy: undefined, loaded: true };
    case 'settings': {
      const next = { ...state, settings: event.settings, savedAt: event.savedAt ?? state.savedAt };
      return state.loaded && settingsKey(event.settings) !== settingsKey(state.settings) ? changed(next, 'settings') : next;
    }
    case 'analyzed': {
      const next = { ...state, snapshot: event.snapshot, snapshotKey: event.snapshotKey, analysis: event.analysis };
      // A re-check that finds the data sheets changed (typed in Excel, or written by a recalculation).
      return state.snapshotKey !== undefined && state.snapshotKey !== event.snapshotKey ? changed(next, 'workbook') : next;
    }
    case 'recalculated':
      // The page computes without writing to its workbook: the figures and the report stay as they were.
      if (event.changesWorkbook === false) return { ...state, analysis: event.analysis };
      // The run wrote rates and notes into the data sheets: the next check starts a new baseline.
      return changed({ ...state, analysis: event.analysis, snapshotKey: undefined }, 'recalculate');
    case 'report':
      // The report shows the workbook as generateReport read it: that is the baseline from now on.
      return {
        ...state,
        analysis: event.analysis,
        snapshot: event.snapshot,
        snapshotKey: event.snapshotKey,
        report: {
          documents: event.documents,
          sheetName: event.sheetName,
          ...(event.checklistSheetName ? { checklistSheetName: event.checklistSheetName } : {}),
          ...(event.formSheetName ? { formSheetName: event.formSheetName } : {}),
          revision: state.revision, generatedAt: event.generatedAt },
        docx: undefined,
      };
    case 'undone':
      return changed({ ...state, snapshotKey: undefined }, 'undo');
    case 'report-removed':
      return { ...state, report: undefined, docx: undefined };
    case 'undo-available':
      return { ...state, undoAvailable: event.value };
    case 'docx':
      return { ...state, docx: event.files };
    case 'workbook-file':
      return { ...state, workbookFile: event.file };
    case 'notice':
      return { ...state, notice: event.notice && { ...event.notice, seq: (state.notice?.seq ?? 0) + 1 }, error: event.notice ? undefined : state.error };
    case 'failed':
      return { ...state, error: event.error, notice: undefined };
    case 'dismiss-error':
      return { ...state, error: undefined };
    case 'selected':
      return { ...state, selectedCell: event.cell };
  }
}
