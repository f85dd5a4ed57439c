/**
 * The pane's state as one reducer: what Excel last told us (snapshot, analysis, report), what is
 * running (and how far), and the outcome of the last action. Components only read it.
 */
import type { Analysis, ReportDocument, Settings, WorkbookSnapshot } from '../core';
import type { Stage } from './api';
import type { MessageId, Params } from './i18n';

export type ActionId = 'analyze' | 'settings' | 'recalculate' | 'report' | 'download' | 'undo';

export interface Busy {
  action: ActionId;
  stage?: Stage;
  /** 0–1; undefined until the first progress report (the bar is indeterminate until then). */
  fraction?: number;
}

/** The outcome of the last action, as a message id so it renders in the pane's language. */
export interface Notice {
  intent: 'success' | 'info' | 'warning';
  id: MessageId;
  params?: Params;
}

export interface ReportState {
  document: ReportDocument;
  sheetName: string;
  /** Rows of the report sheet, for the Ctrl+C fallback selection. */
  rowCount: number;
}

export interface PaneState {
  /** False until the first analysis has finished (or failed). */
  loaded: boolean;
  busy?: Busy;
  settings: Settings;
  savedAt?: string;
  snapshot?: WorkbookSnapshot;
  analysis?: Analysis;
  undoAvailable: boolean;
  report?: ReportState;
  docx?: { url: string; fileName: string };
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
  | { type: 'analyzed'; snapshot: WorkbookSnapshot; analysis: Analysis }
  | { type: 'recalculated'; analysis: Analysis }
  | { type: 'report'; analysis: Analysis; report: ReportState }
  | { type: 'report-removed' }
  | { type: 'undo-available'; value: boolean }
  | { type: 'docx'; url: string; fileName: string }
  | { type: 'notice'; notice?: Notice }
  | { type: 'failed'; error: string }
  | { type: 'dismiss-error' }
  | { type: 'selected'; cell: string };

export const initialState: PaneState = { loaded: false, settings: {}, undoAvailable: false };

export function paneReducer(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case 'start':
      // A new action clears the last outcome, so a stale "已复制" never sits next to a new error.
      return { ...state, busy: { action: event.action }, notice: undefined, error: undefined };
    case 'progress':
      return state.busy ? { ...state, busy: { ...state.busy, stage: event.stage, fraction: event.fraction } } : state;
    case 'finish':
      return { ...state, busy: undefined, loaded: true };
    case 'settings':
      return { ...state, settings: event.settings, savedAt: event.savedAt ?? state.savedAt };
    case 'analyzed':
      return { ...state, snapshot: event.snapshot, analysis: event.analysis };
    case 'recalculated':
      return { ...state, analysis: event.analysis };
    case 'report':
      return { ...state, analysis: event.analysis, report: event.report, docx: undefined };
    case 'report-removed':
      return { ...state, report: undefined, docx: undefined };
    case 'undo-available':
      return { ...state, undoAvailable: event.value };
    case 'docx':
      return { ...state, docx: { url: event.url, fileName: event.fileName } };
    case 'notice':
      return { ...state, notice: event.notice, error: event.notice ? undefined : state.error };
    case 'failed':
      return { ...state, error: event.error, notice: undefined };
    case 'dismiss-error':
      return { ...state, error: undefined };
    case 'selected':
      return { ...state, selectedCell: event.cell };
  }
}
