/**
 * What one run overwrote, as plain JSON: every range it wrote with the cells' previous contents
 * (formulas where there were formulas, else values) and number formats, the column widths and fonts
 * it changed, and the report sheet it created or replaced. Empty cells are left out and formats are
 * run-length encoded, so a 100,000-row column that was empty costs a few bytes.
 */
import type { CellValue } from '../core';

export type StoredValue = string | number | boolean;
/** A non-empty cell: row and column offset in its range, its content, and 1 when that is a formula. */
export type StoredCell = [number, number, StoredValue] | [number, number, string, 1];

export interface UndoRange {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
  cells: StoredCell[];
  /** Number formats before the run, row by row: [how many cells, format]. */
  formats: [number, string][];
  /** The run set number formats here (执行率), so undo must put the old ones back. */
  formatChanged: boolean;
}

export type SheetVisibilityName = 'Visible' | 'Hidden' | 'VeryHidden';

export interface UndoRecord {
  version: 1;
  kind: 'recalculate' | 'report';
  savedAt: string;
  ranges: UndoRange[];
  /** Widths in points of columns the run widened. */
  columnWidths: { sheet: string; col: number; width: number }[];
  /** Header cells the run made bold. */
  bold: { sheet: string; row: number; col: number; bold: boolean }[];
  /** Column stretches the run set to wrap text. */
  wrap: { sheet: string; top: number; col: number; rows: number; wrapText: boolean }[];
  /** The report sheet the run wrote; `backup` names the hidden copy of the one it replaced. */
  report?: GeneratedSheetUndo;
  /** The 核对清单 the run wrote beside the report, the same way. */
  checklist?: GeneratedSheetUndo;
  /** The 绩效自评表 the run wrote beside them (with an indicators table), the same way. */
  forms?: GeneratedSheetUndo;
  /** Sheets 生成报告 left as they were because a person had changed them (自评报告 kept, 自评报告 (2) written). */
  kept?: string[];
}

/** A generated sheet a run wrote, and the hidden copy of the one of that name it replaced (if any). */
export interface GeneratedSheetUndo {
  sheet: string;
  backup?: { name: string; position: number; visibility: SheetVisibilityName };
}

export function emptyRecord(kind: UndoRecord['kind'], now: Date): UndoRecord {
  return { version: 1, kind, savedAt: now.toISOString(), ranges: [], columnWidths: [], bold: [], wrap: [] };
}

/**
 * A range's previous contents from `Range.formulas` (to spot formulas) and the values the snapshot
 * already holds (a formula's text differs from its value; text that merely starts with "=" does not).
 */
export function storedCells(formulas: unknown[][], valueAt: (i: number, j: number) => CellValue, rowOffset = 0): StoredCell[] {
  const cells: StoredCell[] = [];
  formulas.forEach((row, i) =>
    row.forEach((f, j) => {
      const value = valueAt(i, j);
      if (typeof f === 'string' && f.startsWith('=') && f !== value) cells.push([i + rowOffset, j, f, 1]);
      else if (value !== null && value !== '') cells.push([i + rowOffset, j, value]);
    }),
  );
  return cells;
}

/** Appends a slice of number formats to a run-length list. */
export function appendFormats(runs: [number, string][], formats: unknown[][]): void {
  for (const row of formats) {
    for (const f of row) {
      const text = typeof f === 'string' ? f : 'General';
      const last = runs[runs.length - 1];
      if (last && last[1] === text) last[0]++;
      else runs.push([1, text]);
    }
  }
}

/** The formats of rows [start, start + count) of a range, as a grid. */
export function formatGrid(range: UndoRange, start: number, count: number): string[][] {
  const grid: string[][] = [];
  const from = start * range.cols;
  const to = (start + count) * range.cols;
  let pos = 0;
  let row: string[] = [];
  for (const [n, f] of range.formats) {
    const a = Math.max(pos, from);
    const b = Math.min(pos + n, to);
    for (let k = a; k < b; k++) {
      row.push(f);
      if (row.length === range.cols) {
        grid.push(row);
        row = [];
      }
    }
    pos += n;
    if (pos >= to) break;
  }
  return grid;
}

/** Cells of each row of a range, so a slice of rows is found without scanning every cell. */
export function cellsByRow(range: UndoRange): Map<number, StoredCell[]> {
  const out = new Map<number, StoredCell[]>();
  for (const c of range.cells) {
    const list = out.get(c[0]);
    if (list) list.push(c);
    else out.set(c[0], [c]);
  }
  return out;
}

export function cellCountOf(record: UndoRecord): number {
  return record.ranges.reduce((n, r) => n + r.rows * r.cols, 0);
}

/** Parses a stored record; anything else is not ours to restore. */
export function parseRecord(json: string): UndoRecord | null {
  try {
    const r = JSON.parse(json) as Partial<UndoRecord>;
    if (r.version !== 1 || !Array.isArray(r.ranges) || (r.kind !== 'recalculate' && r.kind !== 'report')) return null;
    return { columnWidths: [], bold: [], wrap: [], ...r } as UndoRecord;
  } catch {
    return null;
  }
}
