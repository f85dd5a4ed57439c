/**
 * Where the plan writes: the table's own output columns (执行率, 偏差说明, 校验提示); else columns
 * the add-in appended on an earlier run; else the first empty columns right of the table that no
 * merged area, Excel table or neighbouring table covers. And the cells of those columns that must
 * not be written (inside a merged area, an Excel table's totals row).
 */
import { address, quoteSheetName } from './address';
import { Issue } from './issues';
import type { OutputColumn, OutputField } from './plan';
import { CellRect, SheetSnapshot, cellAt, lastRow, rectsOverlap, rowAt } from './snapshot';
import { TableLocation } from './table-location';
import { describeCells } from './uncalculated';

export const OUTPUT_HEADERS: Record<OutputField, string> = { rate: '执行率', note: '偏差说明', check: '校验提示' };

/** Widths (characters) of appended columns: a percentage, or a sentence that wraps. */
const OUTPUT_WIDTHS: Record<OutputField, number> = { rate: 10, note: 44, check: 44 };

/** Truly empty: even a lone space a person typed is theirs, and an appended column must not cover it. */
function columnIsEmpty(sheet: SheetSnapshot, col: number, from: number, to: number): boolean {
  for (let r = from; r <= to; r++) {
    const v = cellAt(sheet, r, col);
    if (v !== null && v !== '') return false;
  }
  return true;
}

export interface TableArea {
  columns: Partial<Record<string, number>>;
  headerRow: number;
  dataEnd: number;
  lastHeaderCol: number;
}

/** Cells a plan must not write on a sheet: inside merged areas, Excel tables' totals rows, other tables' blocks. */
export interface Keepouts {
  merges: CellRect[];
  /** The totals rows of Excel tables (ListObjects): Excel's own cells. */
  totalsRows: CellRect[];
  /** Other tables on the sheet, widened by a column each side: a column written next to one would join it. */
  tables: CellRect[];
  listObjects: CellRect[];
}

export function keepouts(sheet: SheetSnapshot, others: TableLocation[]): Keepouts {
  return {
    merges: (sheet.merges ?? []).filter((m) => m.top !== m.bottom || m.left !== m.right),
    totalsRows: (sheet.tables ?? []).filter((t) => t.totalsRow).map((t) => ({ top: t.rect.bottom, bottom: t.rect.bottom, left: t.rect.left, right: t.rect.right })),
    tables: others.filter((o) => o.sheet === sheet.name).map((o) => ({ top: o.headerRow, bottom: Math.max(o.dataEnd, o.headerRow + o.headerRows - 1), left: o.left - 1, right: o.right + 1 })),
    listObjects: (sheet.tables ?? []).map((t) => t.rect),
  };
}

/** Whether a whole column, over the table's rows, may take an appended output column. */
function columnFree(sheet: SheetSnapshot, col: number, top: number, bottom: number, k: Keepouts): boolean {
  const span = { top, bottom, left: col, right: col };
  if (k.tables.some((t) => rectsOverlap(t, span)) || k.merges.some((m) => rectsOverlap(m, span)) || k.listObjects.some((t) => rectsOverlap(t, span))) return false;
  // Empty down to the sheet's last row: a note typed below the table stays clear of our column too.
  return columnIsEmpty(sheet, col, top, Math.max(bottom, lastRow(sheet)));
}

/**
 * Choose the columns to write: the table's own output columns; else a column the add-in appended on
 * an earlier run (its header is ours, 执行率 …, and it stands outside every table); else the first
 * empty column right of the table that no merged area, Excel table or neighbouring table covers.
 */
export function outputColumns(sheet: SheetSnapshot, table: TableArea, wanted: { field: OutputField; needed: boolean }[], k: Keepouts): OutputColumn[] {
  const out: OutputColumn[] = [];
  const top = table.headerRow;
  const bottom = Math.max(table.dataEnd, table.headerRow);
  const taken = new Set<number>();
  let next = table.lastHeaderCol + 1;
  const headerRow = rowAt(sheet, table.headerRow) ?? [];
  for (const { field, needed } of wanted) {
    const existing = table.columns[field];
    if (existing !== undefined) {
      out.push({ sheet: sheet.name, col: existing, field, header: OUTPUT_HEADERS[field], appended: false });
      continue;
    }
    if (!needed) continue;
    let earlier: number | undefined;
    for (let i = table.lastHeaderCol + 1 - sheet.left; i < headerRow.length; i++) {
      const col = sheet.left + i;
      const v = headerRow[i];
      if (typeof v === 'string' && v.trim() === OUTPUT_HEADERS[field] && !taken.has(col) && !k.tables.some((t) => rectsOverlap(t, { top, bottom, left: col, right: col }))) {
        earlier = col;
        break;
      }
    }
    if (earlier !== undefined) {
      taken.add(earlier);
      out.push({ sheet: sheet.name, col: earlier, field, header: OUTPUT_HEADERS[field], appended: false });
      continue;
    }
    while (taken.has(next) || !columnFree(sheet, next, top, bottom, k)) next++;
    taken.add(next);
    out.push({ sheet: sheet.name, col: next, field, header: OUTPUT_HEADERS[field], appended: true, widthChars: OUTPUT_WIDTHS[field], styleFromCol: table.lastHeaderCol });
    next++;
  }
  return out;
}

/**
 * Rows of an output column that must not be written: a cell inside a merged area (writing it would
 * split the area) or inside an Excel table's totals row. Merged cells are reported, grouped per column.
 */
export function blockedRows(sheet: SheetSnapshot, c: OutputColumn, rows: number[], k: Keepouts, warnings: Issue[] | undefined): Set<number> {
  const blocked = new Set<number>();
  const merges = k.merges.filter((m) => m.left <= c.col && m.right >= c.col);
  const totals = k.totalsRows.filter((t) => t.left <= c.col && t.right >= c.col);
  if (!merges.length && !totals.length) return blocked;
  const merged: number[] = [];
  for (const r of rows) {
    if (merges.some((m) => r >= m.top && r <= m.bottom)) {
      blocked.add(r);
      merged.push(r);
    } else if (totals.some((t) => t.top === r)) blocked.add(r);
  }
  if (merged.length && warnings) {
    const cells = merged.map((r) => address(sheet.name, r, c.col));
    const list = describeCells(c.col, merged);
    warnings.push({
      code: 'OUTPUT_CELL_MERGED',
      severity: 'warning',
      cell: cells[0],
      cells,
      message: `${quoteSheetName(sheet.name)}!${list.zh} 是合并单元格的一部分，写入会拆开合并区域，已跳过，这些行的${OUTPUT_HEADERS[c.field]}未写入。请取消合并后重新计算。`,
      messageEn: `${quoteSheetName(sheet.name)}!${list.en} lie in merged areas; writing would split them, so they were skipped and these rows' ${c.field === 'rate' ? 'rates' : c.field === 'note' ? 'deviation notes' : 'check marks'} are not written. Unmerge them and recalculate.`,
    });
  }
  return blocked;
}

