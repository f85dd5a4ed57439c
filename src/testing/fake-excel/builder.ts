/** Building and copying FakeWorkbookData by hand, for tests that need no .xlsx file. */
import { parseRect, splitSheet } from './address';
import { setSparse } from './cells';
import { newSheet } from './host-state';
import type { CellValue, FakeSheetData, FakeSheetVisibility, FakeTableData, FakeWorkbookData } from './types';

export interface SheetSpec {
  name: string;
  /** Rows of values from A1; dates as serial numbers, as Office.js returns them. */
  rows?: CellValue[][];
  visibility?: FakeSheetVisibility;
  protected?: boolean;
  /** "B5" → "=SUM(B2:B4)"; the value in `rows` is the cached result. */
  formulas?: Record<string, string>;
  /** "D2:D100" or "D2" → "#,##0.00". */
  numberFormats?: Record<string, string>;
  /** Merged areas, "A1:C1"; give the value in `rows` at the top-left cell only. */
  merges?: string[];
  tables?: FakeTableData[];
}

/**
 * `buildWorkbook({ 支付明细: [['日期', '金额'], [45291, 100]] })` or a list of SheetSpec for more control.
 */
export function buildWorkbook(
  sheets: SheetSpec[] | Record<string, CellValue[][]>,
  extra: Partial<Omit<FakeWorkbookData, 'sheets'>> = {},
): FakeWorkbookData {
  const specs: SheetSpec[] = Array.isArray(sheets) ? sheets : Object.entries(sheets).map(([name, rows]) => ({ name, rows }));
  return { settings: {}, ...extra, sheets: specs.map(sheetFromSpec) };
}

function sheetFromSpec(spec: SheetSpec): FakeSheetData {
  const sheet = newSheet(spec.name);
  sheet.values = (spec.rows ?? []).map((row) => [...row]);
  if (spec.visibility) sheet.visibility = spec.visibility;
  if (spec.protected) sheet.protected = true;
  if (spec.merges) sheet.merges = [...spec.merges];
  if (spec.tables) sheet.tables = spec.tables.map((t) => ({ ...t }));
  for (const [address, formula] of Object.entries(spec.formulas ?? {})) {
    const rect = parseRect(splitSheet(address).local);
    if (!rect) throw new Error(`buildWorkbook: bad address ${address}`);
    setSparse(sheet.formulas, rect.row, rect.col, formula);
  }
  for (const [address, numberFormat] of Object.entries(spec.numberFormats ?? {})) {
    const rect = parseRect(splitSheet(address).local);
    if (!rect) throw new Error(`buildWorkbook: bad address ${address}`);
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) setSparse(sheet.formats, r, c, { numberFormat });
    }
  }
  return sheet;
}

/** Fills in what hand-written JSON may leave out (a browser test's `window.__FAKE_WORKBOOK__`). */
export function normalizeWorkbook(data: Partial<FakeWorkbookData>): FakeWorkbookData {
  const complete = data as FakeWorkbookData; // completed in place below
  complete.settings ??= {};
  complete.sheets ??= [];
  complete.sheets = complete.sheets.map((sheet) => Object.assign(newSheet(sheet.name), sheet));
  return complete;
}

/** A deep copy, for tests that share one loaded workbook but each mutate it through a fake. */
export function cloneWorkbookData(data: FakeWorkbookData): FakeWorkbookData {
  return typeof structuredClone === 'function' ? structuredClone(data) : (JSON.parse(JSON.stringify(data)) as FakeWorkbookData);
}
