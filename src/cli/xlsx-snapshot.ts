/**
 * The file shell's former reading half, kept as a development tool: an .xlsx (through exceljs) to the
 * core's snapshot, with cells as Office.js would report them — dates as serial numbers in the
 * workbook's own date system, formulas as their cached results, formula errors as "#DIV/0!", merged
 * areas holding their value in the top-left cell only — plus formulas saved without a computed value
 * (`uncalculated`), the merged areas and the Excel tables. The CLI reads through xlsx-read/ now; this
 * stays as the reference tests/cli/reader-equivalence.test.ts compares the new reader against, and for
 * tests that build workbooks with exceljs. Not on the CLI's path (exceljs is a devDependency).
 */
import ExcelJS from 'exceljs';
import type { CellPosition, CellRect, CellValue, SheetSnapshot, SheetTable, SheetVisibility, WorkbookSnapshot } from '../core';

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Days from the 1900 system's serial 0 to the 1904 system's (1904-01-01). */
const DAYS_1904 = 1462;

/**
 * A date as the serial Excel stores for it: exceljs hands dates over as JS Dates, already shifted from
 * a 1904-system serial, so the shift is undone to give the core the serial as stored.
 */
export function dateToSerial(d: Date, date1904 = false): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / DAY_MS - (date1904 ? DAYS_1904 : 0);
}


/** One exceljs cell value as Range.values would give it. */
export function snapshotValue(v: ExcelJS.CellValue, date1904 = false): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToSerial(v, date1904);
  if (typeof v === 'object') {
    if ('error' in v) return String(v.error);
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      return snapshotValue(result as ExcelJS.CellValue, date1904);
    }
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return typeof v.text === 'string' ? v.text : snapshotValue(v.text as ExcelJS.CellValue, date1904);
  }
  return null;
}

function visibilityOf(ws: ExcelJS.Worksheet): SheetVisibility {
  if (ws.state === 'veryHidden') return 'veryHidden';
  if (ws.state === 'hidden') return 'hidden';
  return 'visible';
}

/** "B3:D7" → a 0-based rectangle. */
function rectOf(range: string): CellRect | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(range.trim());
  if (!m) return undefined;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[2]) - 1;
  const left = col(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? col(m[3]) : left };
}

function mergedAreas(ws: ExcelJS.Worksheet): CellRect[] {
  // exceljs keeps merges in a private map; its public `model` would serialise every row to reach them.
  const merges = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges ?? {};
  return Object.values(merges)
    .map((m) => (typeof m.range === 'string' ? rectOf(m.range) : undefined))
    .filter((r): r is CellRect => r !== undefined);
}

function excelTables(ws: ExcelJS.Worksheet): SheetTable[] {
  const tables = (ws as unknown as { tables?: Record<string, { model?: { name?: string; tableRef?: string; ref?: string; totalsRow?: boolean } }> }).tables ?? {};
  const out: SheetTable[] = [];
  for (const t of Object.values(tables)) {
    const ref = t.model?.tableRef ?? t.model?.ref;
    const rect = ref ? rectOf(ref) : undefined;
    if (rect) out.push({ name: t.model?.name ?? '', rect, totalsRow: Boolean(t.model?.totalsRow) });
  }
  return out;
}

export function worksheetSnapshot(ws: ExcelJS.Worksheet, date1904 = false): SheetSnapshot {
  // Collect the occupied cells first: the used range is the rectangle around them.
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const rows: { r: number; cells: { c: number; v: CellValue }[] }[] = [];
  const uncalculated: CellPosition[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: { c: number; v: CellValue }[] = [];
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      let v: CellValue;
      if (cell.type === ExcelJS.ValueType.Formula) {
        // cell.result, not cell.value.result: exceljs leaves a cached 0 out of the value object.
        const result = cell.result as ExcelJS.CellValue | undefined;
        if (result === undefined || result === null) {
          // Saved with no computed value: null, never 0; the position makes it part of the used range.
          uncalculated.push({ row: r, col: colNumber - 1 });
          cells.push({ c: colNumber - 1, v: null });
          return;
        }
        v = snapshotValue(result, date1904);
      } else v = snapshotValue(cell.value, date1904);
      if (v === null || v === '') return;
      cells.push({ c: colNumber - 1, v });
    });
    if (!cells.length) return;
    rows.push({ r, cells });
    top = Math.min(top, r);
    bottom = Math.max(bottom, r);
    for (const { c } of cells) {
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  });
  const extras = { visibility: visibilityOf(ws), merges: mergedAreas(ws), tables: excelTables(ws), uncalculated };
  if (bottom < 0) return { name: ws.name, top: 0, left: 0, values: [], ...extras };
  const width = right - left + 1;
  const values: CellValue[][] = [];
  for (let i = 0; i <= bottom - top; i++) values.push(new Array<CellValue>(width).fill(''));
  for (const { r, cells } of rows) {
    const out = values[r - top];
    for (const { c, v } of cells) out[c - left] = v;
  }
  return { name: ws.name, top, left, values, ...extras };
}

export function workbookSnapshot(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const date1904 = wb.properties?.date1904 === true;
  return { sheets: wb.worksheets.map((ws) => worksheetSnapshot(ws, date1904)), dateSystem: date1904 ? 1904 : 1900 };
}
