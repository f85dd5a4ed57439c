/**
 * Reading and writing rectangles of cells in as few syncs as the 5 MB limit allows: work is sliced by
 * rows, packed into syncs by estimated bytes, and — should Excel still refuse a sync for its size —
 * split in half and sent again (a refused request changes nothing, so the retry is safe).
 */
import { cellRef } from '../core';
import { ACTION_BYTES, RowSlice, SYNC_BYTE_BUDGET, SYNC_CELL_BUDGET, isMaybeTooLarge, isPayloadTooLarge } from './budget';

/** "L5:L30" (or "L5") for 0-based top/left and a size. */
export function localAddress(top: number, left: number, rows: number, cols: number): string {
  const a = cellRef(top, left);
  return rows === 1 && cols === 1 ? a : `${a}:${cellRef(top + rows - 1, left + cols - 1)}`;
}

export type RangeProp = 'values' | 'formulas' | 'numberFormat';
export type Grid = unknown[][];

/** A rectangle to read; `deliver` receives each slice as it arrives, with the slice's first sheet row. */
export interface ReadPiece {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
  props: RangeProp[];
  /** Estimated response bytes of a row (of row r of the piece), all properties together. */
  rowBytes: number | ((r: number) => number);
  deliver(top: number, data: Partial<Record<RangeProp, Grid>>): void;
}

/** A rectangle to write: `queue` sets properties on a range covering rows [start, start + count). */
export interface WritePiece {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
  /** Estimated request bytes of row r of this piece. */
  rowBytes(r: number): number;
  queue(range: Excel.Range, start: number, count: number): void;
}

interface Slice<P> {
  piece: P;
  slice: RowSlice;
  bytes: number;
}

function halves<P>(s: Slice<P>): Slice<P>[] {
  const first = Math.ceil(s.slice.count / 2);
  return [
    { piece: s.piece, slice: { start: s.slice.start, count: first }, bytes: s.bytes / 2 },
    { piece: s.piece, slice: { start: s.slice.start + first, count: s.slice.count - first }, bytes: s.bytes / 2 },
  ];
}

/**
 * Runs groups of slices, one sync each. A group refused for its size is split (into two groups, or a
 * lone slice into its two halves) and retried; anything else propagates. `retry` says which errors
 * mean "too large" for the sync being sent (a GeneralException only where resending is safe).
 */
async function runGroups<P>(groups: Slice<P>[][], send: (group: Slice<P>[]) => Promise<void>, retry: (e: unknown) => boolean): Promise<void> {
  const todo = [...groups].reverse();
  while (todo.length > 0) {
    const group = todo.pop()!;
    try {
      await send(group);
    } catch (e) {
      if (!retry(e) || group.length === 0) throw e;
      if (group.length > 1) {
        const mid = Math.ceil(group.length / 2);
        todo.push(group.slice(mid), group.slice(0, mid));
      } else if (group[0].slice.count > 1 && !(e instanceof IsolateRetry)) {
        const [a, b] = halves(group[0]);
        todo.push([b], [a]);
      } else throw e instanceof IsolateRetry ? e.failure : e;
    }
  }
}

/**
 * Cuts the pieces into row slices and fills syncs with them in order: a slice ends where the sync it
 * is in would pass the budget (or a range the cell limit), and the next sync takes the rest.
 */
function planSyncs<P extends { rows: number; cols: number }>(pieces: P[], rowBytes: (p: P, r: number) => number, budget: number): Slice<P>[][] {
  const syncs: Slice<P>[][] = [];
  let current: Slice<P>[] = [];
  let used = 0;
  const closeSync = () => {
    if (current.length > 0) syncs.push(current);
    current = [];
    used = 0;
  };
  for (const piece of pieces) {
    const maxRows = Math.max(1, Math.floor(SYNC_CELL_BUDGET / Math.max(1, piece.cols)));
    let start = 0;
    let bytes = 0;
    for (let r = 0; r < piece.rows; r++) {
      // Each range costs its object path and actions besides its cells.
      const c = rowBytes(piece, r) + (r === 0 ? ACTION_BYTES : 0);
      const full = used + bytes + c > budget || r - start >= maxRows;
      if (full && (r > start || current.length > 0)) {
        if (r > start) current.push({ piece, slice: { start, count: r - start }, bytes });
        closeSync();
        start = r;
        bytes = 0;
      }
      bytes += c;
    }
    if (piece.rows > start) {
      current.push({ piece, slice: { start, count: piece.rows - start }, bytes });
      used += bytes;
    }
  }
  closeSync();
  return syncs;
}

/**
 * Reads every piece. `first` queues small one-off loads into the first sync; `afterSync` is told
 * after each successful sync (for progress).
 */
export async function readPieces(
  context: Excel.RequestContext,
  pieces: ReadPiece[],
  opts: { first?: () => void; afterSync?: (done: number, total: number) => void; budget?: number } = {},
): Promise<void> {
  const budget = opts.budget ?? SYNC_BYTE_BUDGET;
  const groups = planSyncs(pieces, (p, r) => (typeof p.rowBytes === 'number' ? p.rowBytes : p.rowBytes(r)), budget);
  const total = groups.length;
  let done = 0;
  let firstPending = Boolean(opts.first);
  if (groups.length === 0 && firstPending) groups.push([]);
  await runGroups(groups, async (group) => {
    if (firstPending) opts.first!();
    const loaded = group.map((s) => {
      const { piece, slice } = s;
      const range = context.workbook.worksheets.getItem(piece.sheet).getRange(localAddress(piece.top + slice.start, piece.left, slice.count, piece.cols));
      range.load(piece.props);
      return { s, range };
    });
    await context.sync();
    for (const { s, range } of loaded) {
      const data: Partial<Record<RangeProp, Grid>> = {};
      for (const p of s.piece.props) data[p] = range[p] as Grid;
      s.piece.deliver(s.piece.top + s.slice.start, data);
    }
    firstPending = false;
    done++;
    opts.afterSync?.(Math.min(done, total), total);
  }, isMaybeTooLarge);
}

export interface WriteOptions {
  /** Queued before each sync's writes (suspending recalculation). */
  beforeSync?: () => void;
  /** Small one-off actions for the first sync. */
  first?: () => void;
  /** The `first` actions may be sent twice (formats, not adding a sheet): a GeneralException is then retried. */
  firstIsIdempotent?: boolean;
  afterSync?: (done: number, total: number) => void;
  budget?: number;
  /**
   * Which failures to pin on one slice: the failed sync is sent again a slice at a time (cell writes are
   * safe to resend), and `blame` turns the error of the slice that still fails into the one thrown —
   * or, returning undefined, lets the writing go on without that slice.
   */
  isolate?: { when: (e: unknown) => boolean; blame: (piece: WritePiece, top: number, rows: number, e: unknown) => unknown };
}

/** Writes every piece, packed into syncs by the byte budget. */
export async function writePieces(context: Excel.RequestContext, pieces: WritePiece[], opts: WriteOptions = {}): Promise<void> {
  const budget = opts.budget ?? SYNC_BYTE_BUDGET;
  const groups = planSyncs(pieces, (p, r) => p.rowBytes(r), budget);
  const total = groups.length;
  let done = 0;
  let firstPending = Boolean(opts.first);
  if (groups.length === 0 && firstPending) groups.push([]);
  await runGroups(groups, async (group) => {
    opts.beforeSync?.();
    if (firstPending) opts.first!();
    for (const { piece, slice } of group) {
      const range = context.workbook.worksheets.getItem(piece.sheet).getRange(localAddress(piece.top + slice.start, piece.left, slice.count, piece.cols));
      piece.queue(range, slice.start, slice.count);
    }
    try {
      await context.sync();
    } catch (e) {
      const isolate = opts.isolate;
      if (!isolate?.when(e) || isMaybeTooLarge(e) || group.length === 0) throw e;
      if (group.length === 1) {
        const { piece, slice } = group[0];
        const blamed = isolate.blame(piece, piece.top + slice.start, slice.count, e);
        if (blamed !== undefined) throw blamed;
        // Excel's sync stops at the refused slice, so the `first` actions went through before it.
        firstPending = false;
        done++;
        opts.afterSync?.(Math.min(done, total), total);
        return;
      }
      // Marked as too large so runGroups splits the group; each slice then fails (or not) on its own.
      throw new IsolateRetry(e);
    }
    firstPending = false;
    done++;
    opts.afterSync?.(Math.min(done, total), total);
  }, (e) => e instanceof IsolateRetry || isPayloadTooLarge(e) || (isMaybeTooLarge(e) && (!firstPending || Boolean(opts.firstIsIdempotent))));
}

/** A failed sync of several slices, to be sent again slice by slice to find the one Excel refuses. */
class IsolateRetry extends Error {
  constructor(readonly failure: unknown) {
    super('retry slice by slice');
  }
}
