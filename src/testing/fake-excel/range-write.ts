/** Applying Range.values / formulas / numberFormat writes at sync, with Excel's shape rules. */
import { cellCount, formatAddress, isEntireColumns, type Rect } from './address';
import { parseCellInput, type ParsedInput } from './cell-input';
import { clearContents, writeCell } from './cells';
import type { SyncRun } from './context';
import { dimensionMismatch, ErrorCodes, FakeOfficeError, officeError } from './errors';
import { cellFormat, updateFormats } from './formats';
import { assertNoMergeCut, mergesInside } from './merges';
import type { FakeCellFormat, FakeSheetData } from './types';

export interface RangeTarget {
  sheet: FakeSheetData;
  rect: Rect;
}

/** Input must be one scalar (fills the range) or a 2-D array of exactly the range's size. */
function checkShape(input: unknown, target: RangeTarget, member: string): input is unknown[][] {
  if (!Array.isArray(input)) return false;
  const { rect } = target;
  const rows = input.length;
  const badRow = input.findIndex((row) => !Array.isArray(row) || row.length !== rect.cols);
  if (rows !== rect.rows || badRow >= 0) {
    const shape = badRow >= 0 && Array.isArray(input[badRow]) ? `row ${badRow} has ${(input[badRow] as unknown[]).length} columns` : badRow >= 0 ? `row ${badRow} is not an array` : `${rows} rows`;
    throw dimensionMismatch(`${member}: ${shape}, but ${formatAddress(target.sheet.name, rect)} is ${rect.rows}×${rect.cols}`);
  }
  return true;
}

/** Shares one format object per (old format, number format) pair, so a 100,000-row column costs little. */
class NumberFormatPatcher {
  private readonly memo = new Map<FakeCellFormat, Map<string, FakeCellFormat>>();

  apply(sheet: FakeSheetData, row: number, col: number, numberFormat: string): void {
    const base = cellFormat(sheet, row, col);
    let byFormat = this.memo.get(base);
    if (!byFormat) this.memo.set(base, (byFormat = new Map()));
    let next = byFormat.get(numberFormat);
    if (!next) byFormat.set(numberFormat, (next = { ...base, numberFormat }));
    const line = sheet.formats[row] ?? (sheet.formats[row] = {});
    line[col] = next;
  }
}

/** Range.values and Range.formulas: Excel parses both as typed input. */
export function writeContents(target: RangeTarget, input: unknown, run: SyncRun, member: string): void {
  const { sheet, rect } = target;
  run.host.assertEditable(sheet);
  run.checkCells(cellCount(rect), `Range.${member}`);
  assertNoMergeCut(sheet, rect, `Range.${member}`);
  const grid = checkShape(input, target, member);
  const formulaResult = run.host.options.formulaResult;
  if (!grid && input === '') {
    clearContents(sheet, rect);
    run.cellsWritten += cellCount(rect);
    return;
  }
  const patcher = new NumberFormatPatcher();
  for (let i = 0; i < rect.rows; i++) {
    const line = grid ? input[i] : null;
    for (let j = 0; j < rect.cols; j++) {
      const row = rect.row + i;
      const col = rect.col + j;
      const raw = line ? line[j] : input;
      const format = cellFormat(sheet, row, col);
      let parsed: ParsedInput | null;
      try {
        parsed = parseCellInput(raw, format.numberFormat === '@', formulaResult, run.host.data.date1904 === true);
      } catch (error) {
        if (error instanceof FakeOfficeError) error.addDetail(`at ${formatAddress(sheet.name, { row, col, rows: 1, cols: 1 })}`);
        throw error;
      }
      if (parsed === null) continue;
      writeCell(sheet, row, col, parsed);
      if (parsed.autoFormat && (format.numberFormat ?? 'General') === 'General') patcher.apply(sheet, row, col, parsed.autoFormat);
    }
  }
  // A merged area keeps its top-left value only; what was written to its other cells is gone.
  for (const m of mergesInside(sheet, rect)) {
    for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) writeCell(sheet, r, c, { value: '' });
  }
  run.cellsWritten += cellCount(rect);
}

export function writeNumberFormat(target: RangeTarget, input: unknown, run: SyncRun): void {
  const { sheet, rect } = target;
  run.host.assertEditable(sheet);
  const grid = checkShape(input, target, 'numberFormat');
  if (!grid) {
    if (input === null || input === undefined) return;
    if (typeof input !== 'string') throw officeError(ErrorCodes.invalidArgument, 'numberFormat must be a string or a 2-D array of strings');
    if (!isEntireColumns(rect)) run.checkCells(cellCount(rect), 'Range.numberFormat');
    updateFormats(sheet, rect, (f) => ({ ...f, numberFormat: input }));
    run.cellsWritten += isEntireColumns(rect) ? rect.cols : cellCount(rect);
    return;
  }
  run.checkCells(cellCount(rect), 'Range.numberFormat');
  const patcher = new NumberFormatPatcher();
  for (let i = 0; i < rect.rows; i++) {
    for (let j = 0; j < rect.cols; j++) {
      const fmt = input[i][j];
      if (fmt === null || fmt === undefined) continue;
      if (typeof fmt !== 'string') throw officeError(ErrorCodes.invalidArgument, `numberFormat[${i}][${j}] is not a string`);
      patcher.apply(sheet, rect.row + i, rect.col + j, fmt);
    }
  }
  run.cellsWritten += cellCount(rect);
}

/** Format writes on whole columns are cheap (column formats); anything else must stay under the cell limit. */
export function checkFormatTarget(target: RangeTarget, run: SyncRun, member: string): void {
  run.host.assertEditable(target.sheet);
  if (!isEntireColumns(target.rect)) run.checkCells(cellCount(target.rect), member);
}
