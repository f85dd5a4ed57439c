/**
 * Writes cells into one worksheet part by splicing its bytes: rows the plan touches are rebuilt
 * (their other cells copied as the original bytes), missing rows are inserted in order, and
 * everything between them is copied untouched — one pass over the part, into one output buffer.
 */
import type { PlanValue } from '../../core';
import { SharedFormulas, checkArrayFormulas, formulaOffsets, hasOffsetIn } from './formulas';
import { RowOp, RowWriter, SheetSource } from './row-writer';
import { Bounds, growDimension, parseCols, setColumnWidths } from './sheet-head';
import { CellSpan, RowSpan, findRow, formulaOf, indexRows, lastCell, lowerBound, parseCells, sheetDataBounds } from './sheet-rows';
import { utf8Text } from './bytes';
import type { PatchCodec } from './codec';
import { Latin1Bytes } from './latin1';
import { Splice } from './splice';
import type { WrittenPart } from './zip';
import { Styles } from './styles';
import { rootOf, setAttr } from './xml';

export interface CellWrite {
  col: number;
  value: PlanValue;
  /** Take the style of this column's cell in the same row (appended columns borrow the table's look). */
  styleFromCol?: number;
  numFmtId?: number;
  /** Wrap text, aligned top (long notes in appended columns). */
  wrap?: boolean;
}

export interface SheetEdits {
  /** 0-based row → writes sorted by column. */
  rows: Map<number, CellWrite[]>;
  /** 0-based column → width in characters. */
  widths: Map<number, number>;
  /** 0-based row → the height (points) it needs at least to show a wrapped note in full. */
  minHeights?: Map<number, number>;
}

export interface SheetPatchResult {
  /** The rewritten part, already compressed (it is never held whole). */
  part: WrittenPart;
  /** A formula was overwritten (or rewritten), so the calculation chain is stale. */
  formulasChanged: boolean;
}

export function patchSheetXml(xml: Uint8Array, edits: SheetEdits, styles: Styles, where: string, codec: PatchCodec): SheetPatchResult {
  const p = rootOf(utf8Text(xml, 0, 65536), 'worksheet', where).prefix;
  const src = new SheetSource(new Latin1Bytes(xml), p, where);
  const { bytes } = src;
  const data = sheetDataBounds(bytes, p, where);
  const rows = indexRows(bytes, data, p, where);
  const headText = src.decode(0, data.start);
  const cols = parseCols(headText, p);
  const implicitRows = rows.some((r) => !r.hasR);

  // Parsed cells are kept while formulas are looked into; the writing pass parses each row once.
  const cellCache = new Map<number, CellSpan[]>();
  let keepCells = true;
  const cellsOf = (span: RowSpan): CellSpan[] => {
    let cells = cellCache.get(span.row);
    if (!cells) {
      cells = span.selfClosing ? [] : parseCells(bytes, span.start, span.end, p, span.row, where);
      if (keepCells) cellCache.set(span.row, cells);
    }
    return cells;
  };
  // For writing: only the last cell when every op lands after it (and borrows no earlier cell's style).
  const cellsFor = (span: RowSpan, ops: RowOp[]): CellSpan[] => {
    if (span.selfClosing || cellCache.has(span.row)) return cellsOf(span);
    const last = lastCell(bytes, span.start, span.end, p, span.row, where);
    const after = (op: RowOp) => op.col > last!.col && ('formula' in op || op.styleFromCol === undefined || op.styleFromCol >= last!.col);
    return last && ops.every(after) ? [last] : cellsOf(span);
  };
  const spanOf = (row: number): RowSpan | undefined => {
    const i = findRow(rows, row);
    return rows[i]?.row === row ? rows[i] : undefined;
  };
  const isWritten = (row: number, col: number) => edits.rows.get(row)?.some((w) => w.col === col) ?? false;

  // Formulas under the cells we overwrite: the chain goes stale, shared ones may leave dependents.
  const formulaAt = formulaOffsets(bytes, p, data.openEnd, data.closeStart);
  const shared = new SharedFormulas(p);
  let formulasChanged = false;
  for (const [row, writes] of edits.rows) {
    const span = spanOf(row);
    if (!span || !hasOffsetIn(formulaAt, span.start, span.end)) continue;
    const cells = cellsOf(span);
    for (const w of writes) {
      const cell = cells.find((c) => c.col === w.col);
      const f = cell && formulaOf(src.decode(cell.start, cell.end), p);
      if (!f) continue;
      formulasChanged = true;
      if (f.type === 'shared' && f.text) shared.masterOverwritten(row, w.col, f);
    }
  }
  checkArrayFormulas(bytes, formulaAt, edits.rows, where);
  const rewrites = shared.dependents(rows, cellsOf, (from, to) => src.decode(from, to), isWritten);
  if (rewrites.size) formulasChanged = true;
  keepCells = false;

  // The head first: widths, and the dimension grown to every written cell (a skipped empty one
  // included — the dimension is a hint, and computing it up front spares copying the whole part).
  const out = new Splice(xml, codec);
  let head = setColumnWidths(headText, p, edits.widths);
  const bounds = writtenBounds(edits);
  if (bounds) head = growDimension(head, p, bounds);
  out.insert(head + (data.selfClosing ? `${src.decode(data.start, data.openEnd - 2)}>` : src.decode(data.start, data.openEnd)));
  const writer = new RowWriter(src, out, styles, cols, edits.minHeights);
  // Copies original rows; rows without r get one, since an inserted row would shift their implied numbers.
  const copyRows = (from: number, to: number) => {
    if (!implicitRows) return out.copy(from, to);
    for (let i = lowerBound(rows, 'start', from); i < rows.length && rows[i].start < to; i++) {
      const r = rows[i];
      if (r.hasR) continue;
      out.copy(from, r.start);
      out.insert(setAttr(src.tag(r.start, r.openEnd), 'r', String(r.row + 1)));
      from = r.openEnd;
    }
    out.copy(from, to);
  };

  let cursor = data.openEnd;
  for (const row of [...new Set([...edits.rows.keys(), ...rewrites.keys()])].sort((a, b) => a - b)) {
    const writes = edits.rows.get(row) ?? [];
    const formulas = rewrites.get(row);
    const ops: RowOp[] = formulas ? [...writes, ...[...formulas].map(([col, formula]) => ({ col, formula }))].sort((a, b) => a.col - b.col) : writes;
    const span = spanOf(row);
    const at = span ? span.start : (rows[findRow(rows, row)]?.start ?? data.closeStart);
    copyRows(cursor, at);
    writer.write(row, span, span ? cellsFor(span, ops) : [], ops);
    cursor = span ? span.end : at;
  }
  copyRows(cursor, data.closeStart);
  if (data.selfClosing) out.insert(`</${p}sheetData>`);
  out.copy(data.closeStart, xml.length);

  return { part: out.finish(), formulasChanged };
}

function writtenBounds(edits: SheetEdits): Bounds | undefined {
  let b: Bounds | undefined;
  for (const [row, writes] of edits.rows) {
    for (const { col } of writes) {
      if (!b) b = { top: row, left: col, bottom: row, right: col };
      if (row < b.top) b.top = row;
      if (row > b.bottom) b.bottom = row;
      if (col < b.left) b.left = col;
      if (col > b.right) b.right = col;
    }
  }
  return b;
}
