/**
 * Node only: reads an .xlsx with exceljs into FakeWorkbookData, values as Office.js would return them
 * (dates as serial numbers, formula cells as formula + cached result, merged areas valued only at the
 * top-left). A formula saved without its cached result (openpyxl, export systems) is calculated as
 * Excel would on opening (formula-eval.ts) — never left empty or 0. Kept apart from the runtime so the browser bundle never pulls in exceljs.
 */
import ExcelJS from 'exceljs';
import { setSparse, writeCell } from './cells';
import { calculatePending } from './formula-eval';
import { normalizePackage } from './normalize-package';
import { readFileSync } from 'fs';
import { newSheet } from './host-state';
import type { CellValue, FakeCellFormat, FakeHorizontalAlignment, FakeSheetData, FakeSheetVisibility, FakeTableData, FakeVerticalAlignment, FakeWorkbookData } from './types';

const VISIBILITY: Record<string, FakeSheetVisibility> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

const HORIZONTAL: Record<string, FakeHorizontalAlignment> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
  fill: 'Fill',
  justify: 'Justify',
  centerContinuous: 'CenterAcrossSelection',
  distributed: 'Distributed',
};

const VERTICAL: Record<string, FakeVerticalAlignment> = { top: 'Top', middle: 'Center', bottom: 'Bottom', justify: 'Justify', distributed: 'Distributed' };

/** Office returns dates as serial numbers in the workbook's date system. */
function dateToSerial(date: Date, date1904: boolean): number {
  return date.getTime() / 86400000 + 25569 - (date1904 ? 1462 : 0);
}

type Scalar = ExcelJS.CellValue;

function isObject(v: Scalar): v is Exclude<Scalar, null | undefined | number | string | boolean | Date> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

/** A constant (or a formula's cached result) as Office.js would hand it over. */
function plainValue(v: Scalar, date1904: boolean): CellValue {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if ('error' in v) return v.error;
  if ('richText' in v) return v.richText.map((run) => run.text).join('');
  if ('hyperlink' in v) {
    const text: unknown = v.text;
    return isObject(text as Scalar) && 'richText' in (text as ExcelJS.CellRichTextValue)
      ? (text as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join('')
      : String(text ?? '');
  }
  if ('result' in v) return plainValue(v.result as Scalar, date1904);
  return '';
}

function argbToHex(argb: string | undefined): string | undefined {
  return argb && /^[0-9a-f]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : undefined;
}

/** Only what differs from Excel's defaults, so a 100,000-row sheet stays small. */
function formatOf(cell: ExcelJS.Cell): FakeCellFormat | undefined {
  const f: FakeCellFormat = {};
  if (cell.numFmt && cell.numFmt !== 'General') f.numberFormat = cell.numFmt;
  const font = cell.font;
  if (font) {
    const color = argbToHex(font.color?.argb);
    if (font.bold) f.font = { ...f.font, bold: true };
    if (font.italic) f.font = { ...f.font, italic: true };
    if (color && color !== '#000000') f.font = { ...f.font, color };
  }
  const fill = cell.fill;
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
    const color = argbToHex(fill.fgColor?.argb);
    if (color) f.fill = color;
  }
  const alignment = cell.alignment;
  if (alignment) {
    if (alignment.wrapText) f.wrapText = true;
    const h = alignment.horizontal && HORIZONTAL[alignment.horizontal];
    if (h) f.horizontalAlignment = h;
    const v = alignment.vertical && VERTICAL[alignment.vertical];
    if (v) f.verticalAlignment = v;
  }
  return Object.keys(f).length > 0 ? f : undefined;
}

/** Excel's column width in characters → points (64px for the default 8.43). */
function widthToPoints(chars: number): number {
  return Math.round(Math.trunc(chars * 7 + 5) * 0.75 * 100) / 100;
}

function mergedAreas(ws: ExcelJS.Worksheet): string[] {
  // exceljs keeps merges in a private map; its public `model` would serialise every row to reach them.
  const merges = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges ?? {};
  return Object.values(merges)
    .map((m) => m.range)
    .filter((r): r is string => typeof r === 'string');
}

type Pending = { sheet: FakeSheetData; row: number; col: number; formula: string };

function readSheet(ws: ExcelJS.Worksheet, date1904: boolean, pending: Pending[]): FakeSheetData {
  const sheet = newSheet(ws.name);
  sheet.visibility = VISIBILITY[ws.state] ?? 'Visible';
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection; // loaded from <sheetProtection>, untyped in exceljs
  if (protection?.sheet) sheet.protected = true;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.height !== undefined && row.height !== null) sheet.rowHeights[r] = row.height;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      const format = formatOf(cell);
      if (format) setSparse(sheet.formats, r, c, format);
      // Merged cells other than the top-left read as empty in Office's Range.values.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const raw = cell.value;
      if (isObject(raw) && ('formula' in raw || 'sharedFormula' in raw)) {
        const formula = cell.formula;
        writeCell(sheet, r, c, { value: plainValue(raw.result as Scalar, date1904), formula: formula ? `=${formula}` : undefined });
        if (raw.result === undefined && formula) pending.push({ sheet, row: r, col: c, formula });
      } else {
        const value = plainValue(raw, date1904);
        if (value !== '') writeCell(sheet, r, c, { value });
      }
    });
  });
  (ws.columns ?? []).forEach((column, i) => {
    if (column.width !== undefined) sheet.columnWidths[i] = widthToPoints(column.width);
    if (column.hidden) sheet.columnHidden[i] = true;
  });
  const merges = mergedAreas(ws);
  if (merges.length > 0) sheet.merges = merges;
  const tables = tablesOf(ws);
  if (tables.length > 0) sheet.tables = tables;
  return sheet;
}

/** Excel tables as exceljs reads them from xl/tables/*.xml: name, ref (header to totals row), totals shown. */
function tablesOf(ws: ExcelJS.Worksheet): FakeTableData[] {
  const tables = (ws as unknown as { tables?: Record<string, { table?: { name?: string; tableRef?: string; ref?: string; headerRow?: boolean; totalsRow?: boolean } }> }).tables ?? {};
  const out: FakeTableData[] = [];
  for (const t of Object.values(tables)) {
    const model = t.table;
    const range = model?.tableRef ?? model?.ref;
    if (!model?.name || !range || !range.includes(':')) continue;
    out.push({ name: model.name, range, showHeaders: model.headerRow !== false, showTotals: model.totalsRow === true });
  }
  return out;
}

/** Loads an .xlsx file (path or bytes) the way Office.js would see the workbook. */
export async function loadXlsxIntoFake(pathOrBuffer: string | Buffer | ArrayBuffer | Uint8Array): Promise<FakeWorkbookData> {
  const workbook = new ExcelJS.Workbook();
  const raw = typeof pathOrBuffer === 'string' ? readFileSync(pathOrBuffer) : pathOrBuffer instanceof ArrayBuffer ? new Uint8Array(pathOrBuffer) : pathOrBuffer;
  // Prefixed namespaces and rows without r are valid and Excel opens them; exceljs needs them spelled out.
  const bytes = normalizePackage(raw instanceof Uint8Array ? raw : new Uint8Array(raw));
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer); // exceljs's typings want ArrayBuffer, it reads Buffers too
  const date1904 = workbook.properties?.date1904 === true;
  const pending: Pending[] = [];
  const sheets = workbook.worksheets.map((ws) => readSheet(ws, date1904, pending));
  calculatePending(sheets, pending, date1904);
  const activeIndex = workbook.views?.[0]?.activeTab;
  const active = activeIndex === undefined ? undefined : workbook.worksheets[activeIndex]?.name;
  const data: FakeWorkbookData = { sheets, settings: {} };
  if (date1904) data.date1904 = true;
  if (active) data.activeSheet = active;
  if (typeof pathOrBuffer === 'string') data.name = pathOrBuffer.split(/[\\/]/).pop();
  return data;
}
