/**
 * The fake workbook as plain, JSON-serialisable data: what the loader produces, what a browser page
 * receives as `window.__FAKE_WORKBOOK__`, and what `controls.data()` hands back for assertions.
 *
 * Values are dense row arrays (a 100,000-row sheet is 100,000 small arrays, cheap to slice into a
 * `Range.values` answer); formulas and formats are sparse, keyed by row then column (0-based).
 */

/** A cell value as Office.js returns it: "" for empty, numbers for dates (serial), "#DIV/0!" for errors. */
export type CellValue = string | number | boolean;

export type FakeSheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export type FakeHorizontalAlignment =
  | 'General'
  | 'Left'
  | 'Center'
  | 'Right'
  | 'Fill'
  | 'Justify'
  | 'CenterAcrossSelection'
  | 'Distributed';

export type FakeVerticalAlignment = 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed';

export interface FakeFont {
  bold?: boolean;
  italic?: boolean;
  name?: string;
  size?: number;
  /** "#RRGGBB", as Office returns it. */
  color?: string;
}

/** Formats that differ from the defaults; absent means default. Never mutated in place (shared freely). */
export interface FakeCellFormat {
  numberFormat?: string;
  font?: FakeFont;
  /** Fill colour "#RRGGBB"; absent means no fill. */
  fill?: string;
  wrapText?: boolean;
  horizontalAlignment?: FakeHorizontalAlignment;
  verticalAlignment?: FakeVerticalAlignment;
  /** Each edge's line style as RangeBorder.style set it ("Continuous"); absent means none. */
  borders?: Partial<Record<'top' | 'bottom' | 'left' | 'right', string>>;
}

export type SparseRows<T> = Record<number, Record<number, T>>;

/** Worksheet.pageLayout as set through the API (ExcelApi 1.9); margins in points. */
export interface FakePageLayout {
  orientation?: 'Portrait' | 'Landscape';
  paperSize?: string;
  topMargin?: number;
  bottomMargin?: number;
  leftMargin?: number;
  rightMargin?: number;
  /** headersFooters.defaultForAllPages.centerFooter, e.g. "- &P -". */
  centerFooter?: string;
}

export interface FakeSheetData {
  name: string;
  visibility: FakeSheetVisibility;
  /** values[row][col]; a missing row (null) or a missing cell is empty (""). Formula cells hold their cached result. */
  values: Array<CellValue[] | null>;
  /** formulas[row][col] = "=SUM(A1:A3)". */
  formulas: SparseRows<string>;
  /** formats[row][col]; overrides `columnFormats`. */
  formats: SparseRows<FakeCellFormat>;
  /** Formats applied to entire columns (e.g. through `getRange('D:D')`). */
  columnFormats: Record<number, FakeCellFormat>;
  /** Column widths in points (Office's unit); absent = `standardWidth`. */
  columnWidths: Record<number, number>;
  /** Row heights in points; absent = `standardHeight`. */
  rowHeights: Record<number, number>;
  columnHidden: Record<number, boolean>;
  /** Default column width in points (Excel: 48pt = 8.43 characters). */
  standardWidth?: number;
  /** Default row height in points. */
  standardHeight?: number;
  /** Sheet protection: every edit to the sheet's cells fails with AccessDenied. */
  protected?: boolean;
  tabColor?: string;
  showGridlines?: boolean;
  pageLayout?: FakePageLayout;
  /**
   * Merged areas ("A1:C1"), as a file stores them. Enforced: a write may not cut through one, and
   * only the top-left cell holds a value (see merges.ts).
   */
  merges?: string[];
  /** Excel tables (ListObjects) on the sheet. */
  tables?: FakeTableData[];
  /** Manual page breaks (Worksheet.horizontalPageBreaks, ExcelApi 1.9): the 0-based rows a new page starts at. */
  pageBreaks?: number[];
}

/** An Excel table: its whole range (header row, body and, when shown, the totals row). */
export interface FakeTableData {
  name: string;
  /** "B3:F20", header row included, totals row included when `showTotals`. */
  range: string;
  showHeaders?: boolean;
  showTotals?: boolean;
}

export interface FakeWorkbookData {
  sheets: FakeSheetData[];
  /** Workbook settings (`context.workbook.settings`, `Office.context.document.settings`). */
  settings: Record<string, unknown>;
  /** Name of the active sheet; default the first visible sheet. */
  activeSheet?: string;
  /** The user's selection; default A1 of the active sheet. */
  selection?: { sheet: string; address: string };
  /** Workbook file name (`Workbook.name`). */
  name?: string;
  /**
   * 审阅 › 保护工作簿 (structure): sheets cannot be added, deleted, renamed, moved, hidden or unhidden.
   * Cells stay editable unless their sheet is protected too.
   */
  structureProtected?: boolean;
  /** The 1904 date system (Excel for Mac's old default): values hold serials counted from 1904-01-01. */
  date1904?: boolean;
}

/** One cell as `controls.cell()` shows it: value plus whatever is stored for it. */
export interface FakeCellView {
  value: CellValue;
  formula?: string;
  numberFormat: string;
  font?: FakeFont;
  fill?: string;
  wrapText?: boolean;
  horizontalAlignment?: FakeHorizontalAlignment;
  verticalAlignment?: FakeVerticalAlignment;
  /** Each edge's line style as RangeBorder.style set it ("Continuous"); absent means none. */
  borders?: Partial<Record<'top' | 'bottom' | 'left' | 'right', string>>;
}

export interface FakeRequestStats {
  /** Approximate request payload in bytes (UTF-8 JSON of the queued actions and object paths). */
  bytes: number;
  /** Queued actions (loads, property sets, method calls). */
  ops: number;
  cellsWritten: number;
  cellsRead: number;
  /** Error code when the sync failed. */
  error?: string;
  /** True for the flush Excel.run does itself when the batch left actions queued. */
  implicit?: boolean;
}

export interface FakeStats {
  /** Every `context.sync()`, including Excel.run's own end-of-batch flush. */
  syncCount: number;
  bytesSent: number;
  maxRequestBytes: number;
  requests: FakeRequestStats[];
  cellsWritten: number;
  cellsRead: number;
  /** Excel.run calls. */
  runCount: number;
  /** Syncs that Excel.run made itself because the batch returned with actions still queued. */
  implicitSyncs: number;
  suspendedCalculation: number;
  suspendedScreenUpdating: number;
}

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set the fake host supports (default '1.17'). */
  excelApi?: string;
  /** Other requirement sets for `isSetSupported` (DialogApi, RibbonApi, SharedRuntime …). */
  requirementSets?: Record<string, string>;
  /** Office.context.platform; default 'OfficeOnline' because the web's limits are the strict ones. */
  platform?: 'PC' | 'OfficeOnline' | 'Mac' | 'iOS' | 'Android' | 'Universal';
  /** Request payload limit in bytes (Excel on the web: 5 MB). */
  maxRequestBytes?: number;
  /** Response payload limit in bytes; off by default because measuring it costs a JSON pass per load. */
  maxResponseBytes?: number;
  /** Cells one range read or write may touch (Excel: 5,000,000). */
  maxCellsPerRange?: number;
  /**
   * Excel on the web answers some large requests with GeneralException ("An internal error has
   * occurred") rather than RequestPayloadSizeLimitExceeded (OfficeDev/office-js #1314,
   * office-js-docs-reference #354). Requests over this many bytes fail that way; off by default.
   */
  internalErrorOverBytes?: number;
  /** Delay of each sync; 0 resolves on a microtask. */
  latencyMs?: number;
  /** Value cached for a formula written through the API; the fake does not evaluate formulas (default 0). */
  formulaResult?: (formula: string) => CellValue;
}
