/**
 * The Excel shell's public face: the task pane and the ribbon commands import from here only.
 * Everything takes an ExcelHost (the real one from `officeHost()`, or a simulated Excel in tests).
 */
export { officeHost, displayLang, langOf, ENGLISH_DISPLAY_LOCALES, MIN_EXCEL_API, type ExcelHost, type Lang } from './host';
export { OfficeActionError, describeOfficeError } from './errors';
export { loadSavedSettings, saveSettings, type SavedSettings } from './settings-store';
export { readWorkbook, analyzeWorkbook, recalculate, generateReport, undoLastRun, hasUndo, selectCell, notAnalyzable, type Stage, type Progress, type RunOptions, type GeneratedReport } from './flows';
export { UNDO_SHEET, REPORT_BACKUP_SHEET, FORM_BACKUP_SHEET } from './undo-store';
export { describeUndo } from './undo-words';
export type { UndoResult } from './undo';
export { commandBudget, COMMAND_LIFETIME_MS, type TimeBudget } from './time-budget';
