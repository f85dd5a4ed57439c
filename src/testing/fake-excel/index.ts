/**
 * A strict in-memory Excel for tests: properties throw until loaded and synced, writes land only on
 * sync, payload and requirement-set limits apply. Browser-safe; the .xlsx loader lives in
 * './load-xlsx' (Node only) so bundles never include exceljs.
 */
export { createFakeExcel, ExcelEnums, type FakeControls, type FakeExcel, type FakeExcelNamespace } from './fake-excel';
export { installFakeOffice, type FakeCommandEvent, type FakeDialogRecord, type FakeOfficeHost, type InstallOfficeOptions } from './office-host';
export { buildWorkbook, cloneWorkbookData, normalizeWorkbook, type SheetSpec } from './builder';
export { FakeOfficeError, ErrorCodes } from './errors';
export { formatAddress, quoteSheetName, parseRect, columnLetters, type Rect } from './address';
export type {
  CellValue,
  FakeCellFormat,
  FakeCellView,
  FakeExcelOptions,
  FakeFont,
  FakeRequestStats,
  FakeSheetData,
  FakeSheetVisibility,
  FakeStats,
  FakeWorkbookData,
} from './types';
