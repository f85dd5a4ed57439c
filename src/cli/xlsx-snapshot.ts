/**
 * The file shell's former reading half, kept as a development tool: an .xlsx (through exceljs) to the
 * core's snapshot, with cells as Office.js would report them. The CLI reads through xlsx-read/ now;
 * this stays as the reference tests/cli/reader-equivalence.test.ts compares the new reader against,
 * and for tests that build workbooks with exceljs. Not on the CLI's path (exceljs is a devDependency).
 */
import ExcelJS from 'exceljs';
import type { CellValue, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from '../core';

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

/** One exceljs cell value as Range.values would give it. */
export function snapshotValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToSerial(v);
  if (typeof v === 'object') {
    if ('error' in v) return String(v.error);
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      return snapshotValue(result as ExcelJS.CellValue);
    }
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return typeof v.text === 'string' ? v.text : snapshotValue(v.text as ExcelJS.CellValue);
  }
  return null;
}

function visibilityOf(ws: ExcelJS.Worksheet): SheetVisibility {
  if (ws.state === 'veryHidden') return 'veryHidden';
  if (ws.state === 'hidden') return 'hidden';
  return 'visible';
}

export function worksheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  // Collect the occupied cells first: the used range is the rectangle around them.
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const rows: { r: number; cells: { c: number; v: CellValue }[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: { c: number; v: CellValue }[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const v = snapshotValue(cell.value);
      if (v === null || v === '') return;
      cells.push({ c: colNumber - 1, v });
    });
    if (!cells.length) return;
    const r = rowNumber - 1;
    rows.push({ r, cells });
    top = Math.min(top, r);
    bottom = Math.max(bottom, r);
    for (const { c } of cells) {
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  });
  if (bottom < 0) return { name: ws.name, top: 0, left: 0, values: [], visibility: visibilityOf(ws) };
  const width = right - left + 1;
  const values: CellValue[][] = [];
  for (let i = 0; i <= bottom - top; i++) values.push(new Array<CellValue>(width).fill(''));
  for (const { r, cells } of rows) {
    const out = values[r - top];
    for (const { c, v } of cells) out[c - left] = v;
  }
  return { name: ws.name, top, left, values, visibility: visibilityOf(ws) };
}

export function workbookSnapshot(wb: ExcelJS.Workbook): WorkbookSnapshot {
  return { sheets: wb.worksheets.map(worksheetSnapshot) };
}
