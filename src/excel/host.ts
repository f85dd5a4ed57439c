/**
 * The one door to Office: an ExcelHost is `Excel.run` plus `isSetSupported`. The task pane and the
 * ribbon command pass `officeHost()`; tests pass a simulated Excel. Nothing else reaches for globals.
 */

export interface ExcelHost {
  run: typeof Excel.run;
  isSetSupported(name: string, version: string): boolean;
}

/** The real globals, looked up on each call so the host can be created before Office.onReady. */
export function officeHost(): ExcelHost {
  return {
    run: ((...args: unknown[]) => (Excel.run as (...a: unknown[]) => unknown)(...args)) as typeof Excel.run,
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

/** The requirement set the whole flow is written against (manifest.xml declares the same). */
export const MIN_EXCEL_API = '1.4';

/** Optional features, each used only where the host says it has them. */
export interface Capabilities {
  /** Application.suspendApiCalculationUntilNextSync — ExcelApi 1.6. */
  suspendCalculation: boolean;
  /** Application.suspendScreenUpdatingUntilNextSync — ExcelApi 1.9. */
  suspendScreenUpdating: boolean;
  /** Worksheet.showGridlines — ExcelApi 1.8. */
  gridlines: boolean;
  /** Worksheet.pageLayout — ExcelApi 1.9. */
  pageLayout: boolean;
  /** RangeFormat.autofitRows — ExcelApi 1.2. */
  autofitRows: boolean;
  /** Range.getMergedAreasOrNullObject (1.13) with RangeAreas.areas (1.9). */
  mergedAreas: boolean;
  /** Workbook.protection — ExcelApi 1.7. */
  workbookProtection: boolean;
  /** Workbook.functions (DATE, to tell the date system) — ExcelApi 1.2. */
  worksheetFunctions: boolean;
}

export function capabilities(host: ExcelHost): Capabilities {
  const has = (v: string) => host.isSetSupported('ExcelApi', v);
  return {
    suspendCalculation: has('1.6'),
    suspendScreenUpdating: has('1.9'),
    gridlines: has('1.8'),
    pageLayout: has('1.9'),
    autofitRows: has('1.2'),
    mergedAreas: has('1.13'),
    workbookProtection: has('1.7'),
    worksheetFunctions: has('1.2'),
  };
}

/**
 * Excel.run with the options this host has: wait until the user leaves cell editing rather than fail
 * (ExcelApi 1.11), and, for runs that write, make the whole run one step of Excel's own undo (1.20).
 */
export function runBatch<T>(host: ExcelHost, batch: (context: Excel.RequestContext) => Promise<T>, writes = false): Promise<T> {
  const options: Excel.RunOptions = {};
  if (host.isSetSupported('ExcelApi', '1.11')) options.delayForCellEdit = true;
  if (writes && host.isSetSupported('ExcelApi', '1.20')) options.mergeUndoGroup = true;
  return Object.keys(options).length > 0 ? host.run(options, batch) : host.run(batch);
}

export type Lang = 'zh' | 'en';

/**
 * English display languages the manifest gives English names and tooltips (one Override each, as
 * Microsoft's localization article asks); every other en-* tag still gets English in the pane and
 * the commands' messages, and other languages Chinese.
 */
export const ENGLISH_DISPLAY_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-CA', 'en-IN', 'en-IE', 'en-NZ', 'en-SG', 'en-ZA', 'en-PH', 'en-MY', 'en-HK', 'en-JM', 'en-BZ', 'en-TT', 'en-ZW'] as const;

/** The language of a display-language tag: English for any en-* (en-GB, en-AU …), Chinese otherwise. */
export function langOf(tag: string | null | undefined): Lang {
  return /^en\b/i.test(tag ?? '') ? 'en' : 'zh';
}

/** Messages follow Office's display language. */
export function displayLang(): Lang {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  return langOf(office?.context?.displayLanguage);
}

/** 'YYYY-MM-DD' of the local calendar day: a report signed late in the evening keeps its own date. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
