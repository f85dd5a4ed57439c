/**
 * Before anything is written: the previous contents of every cell the plan will overwrite (formulas
 * and number formats; values come from the snapshot), the looks of the columns it will append, and
 * whether any sheet it writes to is protected — so a protected sheet stops the run with nothing changed.
 */
import { CellValue, OutputColumn, PlanBlock, WorkbookSnapshot, WritePlan, cellAt, cellRef, columnLetters } from '../core';
import { cellBytes } from './budget';
import { protectedSheetError } from './errors';
import { queueStructureCheck } from './guards';
import { Capabilities } from './host';
import { Grid, ReadPiece, localAddress, readPieces } from './range-io';
import { UndoRange, UndoRecord, appendFormats, emptyRecord, storedCells } from './undo-record';

/** An appended output column as it was before the run, to format it and to undo that. */
export interface AppendedColumn {
  column: OutputColumn;
  /** The header cell the plan writes (0-based row), if any. */
  headerRow?: number;
  /** Data rows the column's blocks cover. */
  dataTop: number;
  dataRows: number;
  width: number;
  bold: boolean | null;
  wrapText: boolean | null;
}

export interface Capture {
  record: UndoRecord;
  /** The number formats each plan block's cells have now: text goes into "@" cells as is. */
  blockFormats: string[][][];
  appended: AppendedColumn[];
}

function blockRows(b: PlanBlock): number {
  return b.values.length;
}

function blockCols(b: PlanBlock): number {
  return b.values[0]?.length ?? 1;
}

function appendedColumns(plan: WritePlan): Omit<AppendedColumn, 'width' | 'bold' | 'wrapText'>[] {
  return plan.columns
    .filter((c) => c.appended)
    .map((column) => {
      const mine = plan.blocks.filter((b) => b.sheet === column.sheet && b.left === column.col);
      const header = mine.find((b) => b.role === 'header');
      const data = mine.filter((b) => b.role !== 'header');
      const dataTop = Math.min(...data.map((b) => b.top));
      const dataBottom = Math.max(...data.map((b) => b.top + blockRows(b) - 1));
      return { column, headerRow: header?.top, dataTop, dataRows: data.length ? dataBottom - dataTop + 1 : 0 };
    });
}

/**
 * `structural`: the run must add or remove a sheet (the undo store is missing, a report backup is
 * left), so workbook structure protection stops it here, with the sheet protections, before any write.
 */
export async function capturePlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  snapshot: WorkbookSnapshot,
  now: Date,
  caps: Capabilities,
  structural: boolean,
  onProgress?: (f: number) => void,
): Promise<Capture> {
  const record = emptyRecord('recalculate', now);
  const sheetsByName = new Map(snapshot.sheets.map((s) => [s.name, s]));
  const valueAt = (sheet: string, row: number, col: number): CellValue => {
    const s = sheetsByName.get(sheet);
    return s ? cellAt(s, row, col) : null;
  };
  const slices: { formulas: Grid; formats: Grid; top: number }[][] = plan.blocks.map(() => []);
  const pieces: ReadPiece[] = plan.blocks.map((b, i) => {
    // What the cells hold now, plus room for a formula and a format; formulas longer than that are
    // what the retry on a refused sync is for.
    const rowBytes = (r: number) => {
      let bytes = 4;
      for (let c = 0; c < blockCols(b); c++) bytes += Math.max(cellBytes(valueAt(b.sheet, b.top + r, b.left + c)), 12) + 14;
      return bytes;
    };
    return {
      sheet: b.sheet,
      top: b.top,
      left: b.left,
      rows: blockRows(b),
      cols: blockCols(b),
      props: ['formulas', 'numberFormat'],
      rowBytes,
      deliver: (top, data) => slices[i].push({ formulas: data.formulas!, formats: data.numberFormat!, top }),
    };
  });
  const targetSheets = [...new Set(plan.blocks.map((b) => b.sheet))];
  const pending = appendedColumns(plan);
  let protections: Excel.WorksheetProtection[] = [];
  let looks: { width: Excel.RangeFormat; bold?: Excel.RangeFont; wrap?: Excel.RangeFormat }[] = [];
  let checkStructure = () => undefined as void;
  await readPieces(context, pieces, {
    first: () => {
      if (structural) checkStructure = queueStructureCheck(context, caps);
      const sheets = context.workbook.worksheets;
      protections = targetSheets.map((name) => sheets.getItem(name).protection.load('protected'));
      looks = pending.map((a) => {
        const ws = sheets.getItem(a.column.sheet);
        const letters = columnLetters(a.column.col);
        return {
          width: ws.getRange(`${letters}:${letters}`).format.load('columnWidth'),
          bold: a.headerRow === undefined ? undefined : ws.getRange(cellRef(a.headerRow, a.column.col)).format.font.load('bold'),
          wrap: a.dataRows > 0 && a.column.field !== 'rate' ? ws.getRange(localAddress(a.dataTop, a.column.col, a.dataRows, 1)).format.load('wrapText') : undefined,
        };
      });
    },
    afterSync: (done, total) => onProgress?.(done / total),
  });
  const locked = targetSheets.filter((_, i) => protections[i].protected);
  if (locked.length > 0) throw protectedSheetError(locked);
  checkStructure();

  const blockFormats = plan.blocks.map((b, i) => {
    const parts = slices[i].sort((x, y) => x.top - y.top);
    const range: UndoRange = { sheet: b.sheet, top: b.top, left: b.left, rows: blockRows(b), cols: blockCols(b), cells: [], formats: [], formatChanged: Boolean(b.numberFormat) };
    const formats: string[][] = [];
    for (const p of parts) {
      const offset = p.top - b.top;
      range.cells.push(...storedCells(p.formulas, (r, c) => valueAt(b.sheet, p.top + r, b.left + c), offset));
      appendFormats(range.formats, p.formats);
      for (const row of p.formats) formats.push(row.map((f) => (typeof f === 'string' ? f : 'General')));
    }
    record.ranges.push(range);
    return formats;
  });
  const appended = pending.map((a, i) => ({
    ...a,
    width: looks[i].width.columnWidth,
    bold: looks[i].bold ? looks[i].bold!.bold : null,
    wrapText: looks[i].wrap ? looks[i].wrap!.wrapText : null,
  }));
  return { record, blockFormats, appended };
}
