/**
 * What the pane needs from Excel, bound to one host: the src/excel functions without their `host`
 * argument, plus the platform and the lazy .docx renderer. office-api.ts binds the real ones;
 * component tests hand in a fake, so no component ever touches Office.
 */
import type { Analysis, ReportDocument, Settings, WorkbookSnapshot } from '../core';
import type { SettingProblem } from '../core/settings-schema';
import type { UndoResult } from '../excel/undo';
import type { Lang } from './i18n';

export type Stage = 'reading' | 'computing' | 'saving-undo' | 'writing' | 'done';
/** A promise returned at a stage boundary is awaited: the pane uses it to let the browser paint between stages. */
export type Progress = (stage: Stage, fraction: number) => void | Promise<unknown>;

export interface SavedSettings {
  settings: Settings;
  savedAt: string;
  /** Saved fields that could not be used (an earlier version's or a hand edit's): the pane names them. */
  problems?: SettingProblem[];
}

export interface PaneApi {
  loadSavedSettings(): Promise<SavedSettings | null>;
  saveSettings(settings: Settings): Promise<void>;
  analyzeWorkbook(settings: Settings, onProgress?: Progress): Promise<{ snapshot: WorkbookSnapshot; analysis: Analysis }>;
  recalculate(settings: Settings, onProgress?: Progress): Promise<{ analysis: Analysis; cellsWritten: number }>;
  /**
   * Writes the report sheet, its 核对清单 and (with an indicators table) the 绩效自评表; returns the report with the analysis and the snapshot it
   * was made from, and the sheets kept because a person changed them since they were generated.
   */
  generateReport(
    settings: Settings,
    onProgress?: Progress,
  ): Promise<{ analysis: Analysis; document: ReportDocument; sheetName: string; checklistSheetName?: string; formSheetName?: string; kept?: string[]; snapshot: WorkbookSnapshot }>;
  /** What the undo did: cells written back, sheets the run added removed, sheets it replaced put back, sheets it kept. */
  undoLastRun(onProgress?: Progress): Promise<UndoResult | null>;
  hasUndo(): Promise<boolean>;
  selectCell(address: string): Promise<void>;
  describeError(e: unknown, lang: Lang): string;
  /** The .docx bytes; the real one loads the `docx` library on first use. */
  renderDocx(doc: ReportDocument): Promise<Uint8Array>;
  /** Office.context.platform ('PC', 'Mac', 'OfficeOnline' …); Mac cannot download from a pane. */
  platform?: string;
  /**
   * Called between stages of long work, awaited: the real pane lets the browser paint and handle input
   * (yield.ts); component tests leave it out.
   */
  yieldToBrowser?(): Promise<void>;
  /**
   * 'file' for the browser page over a local workbook (src/app): there is no Excel grid to show a sheet
   * in and nothing is written back, so there is no undo; the computed workbook is downloaded instead.
   */
  host?: 'excel' | 'file';
  /** The page only: the computed workbook — `jixiao report`'s output for these settings — to download. */
  downloadWorkbook?(settings: Settings, onProgress?: Progress): Promise<{ bytes: Uint8Array; fileName: string; cellsWritten: number; sheetName: string }>;
}
