/** The real PaneApi: src/excel's functions bound to this workbook's host. The only Office-facing file here. */
import * as excel from '../excel';
import type { PaneApi } from './api';
import { renderDocxLazily } from './docx-lazy';
import { yieldToBrowser } from './yield';

/** `host` is Office's own unless a test hands in a simulated Excel. */
export function officeApi(platform?: string, host: excel.ExcelHost = excel.officeHost()): PaneApi {
  return {
    loadSavedSettings: () => excel.loadSavedSettings(host),
    saveSettings: (settings) => excel.saveSettings(host, settings),
    analyzeWorkbook: (settings, onProgress) => excel.analyzeWorkbook(host, settings, onProgress),
    recalculate: (settings, onProgress) => excel.recalculate(host, settings, onProgress),
    generateReport: (settings, onProgress) => excel.generateReport(host, settings, onProgress),
    undoLastRun: (onProgress) => excel.undoLastRun(host, onProgress),
    hasUndo: () => excel.hasUndo(host),
    selectCell: (address) => excel.selectCell(host, address),
    describeError: (e, lang) => excel.describeOfficeError(e, lang),
    renderDocx: renderDocxLazily,
    platform,
    yieldToBrowser: () => yieldToBrowser(),
  };
}

