/**
 * One worksheet part, streamed into the snapshot's sparse form: only cells that hold something are
 * stored (memory follows them, not the used range), rows and cells without `r` are numbered after
 * their neighbours, formula cells without a cached value are listed, merged areas kept with their
 * value in the top-left cell only.
 */
import type { CellPosition, CellRect, CellValue, SheetSnapshot } from '../../core';
import { BadCell, EMPTY, MAX_COLS, MAX_ROWS, type StoredCell, UNCALCULATED, cellOutcome, parseCellRef } from './cell-values';
import { fail } from './errors';
import { NS, type PartSource, readPart } from './parts';
import { StringItem } from './text';
import type { ZipEntry } from './zip';

/** Counts stored cells across the workbook, so one limit bounds the memory of them all. */
export interface CellBudget {
  left: number;
  readonly limit: number;
}

export interface SheetContext {
  name: string;
  sharedStrings: string[];
  dateSystem: 1900 | 1904;
  budget: CellBudget;
}

/** Gaps up to this many columns are filled with '' (rows stay packed arrays); longer ones stay holes. */
const FILL_GAP = 64;

function columnName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

class SheetBuilder {
  readonly rows: CellValue[][] = [];
  top = Infinity;
  left = Infinity;
  bottom = -1;
  right = -1;
  readonly uncalculated: CellPosition[] = [];
  readonly merges: CellRect[] = [];

  constructor(private readonly ctx: SheetContext) {}

  /** Rows that hold something, in the order first met. */
  private readonly present: number[] = [];
  /**
   * The row being read, built in a scratch array and stored at its exact size once the next row
   * starts: grown by push, a row of 7 cells has room for 17, and 100,000 such rows copied later to
   * trim them would be ~15 MB the collector moves twice.
   */
  private current = -1;
  private scratch: CellValue[] = [];

  set(row: number, col: number, value: CellValue): void {
    let cells: CellValue[];
    if (row === this.current) cells = this.scratch;
    else if (this.rows[row]) cells = this.rows[row]; // a row met again further down: written in place
    else {
      this.settle();
      this.current = row;
      this.present.push(row);
      cells = this.scratch = [];
    }
    if (cells[col] === undefined) {
      if (--this.ctx.budget.left < 0) throw fail.tooManyCells(this.ctx.budget.limit);
    }
    if (col > cells.length && col - cells.length <= FILL_GAP) while (cells.length < col) cells.push('');
    cells[col] = value;
    if (row < this.top) this.top = row;
    if (row > this.bottom) this.bottom = row;
    if (col < this.left) this.left = col;
    if (col > this.right) this.right = col;
  }

  /** Stores the row being read at its exact size (holes kept: slice copies them as holes). */
  private settle(): void {
    if (this.current < 0) return;
    this.rows[this.current] = this.scratch.slice();
    this.current = -1;
    this.scratch = [];
  }

  /** Covered cells of a merged area read as empty, as in Excel (some producers leave values there). */
  clearMerged(): void {
    this.settle();
    for (const m of this.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const cells = this.rows[r];
        if (!cells) continue;
        const to = Math.min(m.right, cells.length - 1);
        for (let c = r === m.top ? m.left + 1 : m.left; c <= to; c++) if (cells[c] !== undefined && cells[c] !== '') cells[c] = '';
      }
    }
  }

  snapshot(): SheetSnapshot {
    this.settle();
    if (this.bottom < 0) return { name: this.ctx.name, top: 0, left: 0, values: [], merges: this.merges, uncalculated: this.uncalculated };
    // A fresh array of the used range's height (8 bytes a row, the least an array allows), grown by
    // push so V8 keeps it a fast array: new Array(n) of n ≥ 100,000, or one far row in the builder's,
    // gives a slow dictionary — and the core walks these rows a million times. Empty rows are undefined.
    const values: CellValue[][] = [];
    for (let r = this.top; r <= this.bottom; r++) values.push(undefined as unknown as CellValue[]);
    const { top, left } = this;
    // Rows are stored at their exact size already (settle): copied again only to drop empty columns on the left.
    for (const r of this.present) values[r - top] = left === 0 ? this.rows[r] : this.rows[r].slice(left);
    // The builder lets go of its rows now, whoever still holds it (the inflate stream closes a tick later).
    this.rows.length = 0;
    this.present.length = 0;
    return { name: this.ctx.name, top: this.top, left: this.left, values, merges: this.merges, uncalculated: this.uncalculated };
  }
}

export async function readWorksheet(entry: ZipEntry, ctx: SheetContext, source: PartSource): Promise<SheetSnapshot> {
  const b = new SheetBuilder(ctx);
  const item = new StringItem();
  let sawRoot = false;
  let inData = false;
  let row = -1;
  let col = -1;
  let inCell = false;
  let inInline = false;
  let inV = false;
  const cell: StoredCell & { row: number; col: number } = { row: 0, col: 0, type: undefined, v: undefined, num: NaN, inline: undefined, hasFormula: false };

  const where = (r: number, c: number) => `${columnName(c)}${r + 1}`;
  const badCell = (why: string, whyEn: string) => fail.damaged(`${ctx.name}!${where(cell.row, cell.col)}`, why, whyEn);

  await readPart(
    entry,
    NS.main,
    {
      open(local, s, empty) {
        if (inCell) {
          if (inInline) item.open(local, s, empty);
          else if (local === 'v') {
            if (!empty) {
              inV = true;
              s.captureText();
            } else cell.v = '';
          } else if (local === 'f') cell.hasFormula = true;
          else if (local === 'is') {
            inInline = !empty;
            cell.inline = '';
            if (!empty) item.reset(s);
          } else if (!empty) s.skipElement();
          return;
        }
        switch (local) {
          case 'worksheet':
            sawRoot = true;
            return;
          case 'sheetData':
            inData = true;
            return;
          case 'row': {
            if (!inData) return;
            const digits = s.attrDigits('r');
            if (digits === -1) row++;
            else {
              // Plain digits (as every producer writes them) are parsed from the bytes; anything else as Number() reads it.
              const n = digits >= 0 ? digits : Number(s.attr('r'));
              if (!Number.isInteger(n) || n < 1) {
                const r = s.attr('r');
                throw fail.damaged(ctx.name, `的行号“${r}”无效`, `has an invalid row number "${r}"`);
              }
              if (n > MAX_ROWS) throw fail.outOfGrid(ctx.name, `第 ${n} 行`);
              row = n - 1;
            }
            col = -1;
            return;
          }
          case 'c': {
            if (!inData) return;
            const ref = s.attrCellRef('r');
            if (ref === -1) {
              col++;
              if (row < 0) row = 0;
            } else if (ref < 0) {
              const r = (s.attr('r') ?? '').trim();
              if (ref === -3) throw fail.outOfGrid(ctx.name, r);
              throw fail.damaged(ctx.name, `的单元格地址“${r}”无效`, `has an invalid cell address "${r}"`);
            } else {
              row = Math.floor(ref / MAX_COLS);
              col = ref % MAX_COLS;
            }
            if (col >= MAX_COLS) throw fail.outOfGrid(ctx.name, where(row, col));
            cell.row = row;
            cell.col = col;
            cell.type = s.attrToken('t');
            cell.v = undefined;
            cell.num = NaN;
            cell.inline = undefined;
            cell.hasFormula = false;
            inCell = !empty;
            if (empty) finish();
            return;
          }
          case 'mergeCell': {
            const ref = s.attr('ref');
            const [a, z = a] = (ref ?? '').split(':');
            const from = parseCellRef(a.replace(/\$/g, ''));
            const to = parseCellRef(z.replace(/\$/g, ''));
            if (!from || !to) throw fail.damaged(ctx.name, `的合并区域“${ref ?? ''}”无效`, `has an invalid merged area "${ref ?? ''}"`);
            b.merges.push({ top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) });
            return;
          }
          case 'extLst':
            if (!empty) s.skipElement();
            return;
        }
      },
      close(local, s) {
        if (inInline) {
          if (local === 'is') {
            inInline = false;
            cell.inline = item.value();
          } else item.close(local, s);
          return;
        }
        if (inV && local === 'v') {
          inV = false;
          // Numbers and shared-string indexes (most cells) go straight from bytes to a number.
          const t = cell.type;
          if (t === undefined || t === 'n' || t === 's') cell.num = s.takeDecimal();
          if (Number.isNaN(cell.num)) cell.v = s.takeText();
        } else if (inCell && local === 'c') {
          inCell = false;
          finish();
        } else if (local === 'sheetData') inData = false;
      },
    },
    source,
  );
  if (!sawRoot) throw fail.damaged(entry.name, '不是工作表（根元素不是 worksheet）', 'is not a worksheet (its root is not <worksheet>)');
  b.clearMerged();
  return b.snapshot();

  function finish(): void {
    const out = cellOutcome(cell, ctx.sharedStrings, ctx.dateSystem);
    if (out === EMPTY) return;
    if (out === UNCALCULATED) {
      b.uncalculated.push({ row: cell.row, col: cell.col });
      b.set(cell.row, cell.col, null);
    } else if (out instanceof BadCell) throw badCell(out.bad, out.badEn);
    // '' is an empty cell to Office.js, and to the core.
    else if (out !== '') b.set(cell.row, cell.col, out);
  }
}
