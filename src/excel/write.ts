/**
 * Applying the core's write plan to the workbook: each block is one 2-D write of its column range
 * (never cell by cell), values first and number formats after, sliced so no sync passes the byte
 * budget. Appended columns get a bold header, a width and wrapped text, as the command line gives them.
 */
import { WritePlan } from '../core';
import { cellBytes } from './budget';
import { AppendedColumn, Capture } from './capture';
import { TEXT_FORMAT, cellInput } from './cell-input';
import { Capabilities } from './host';
import { WriteOptions, WritePiece, localAddress, writePieces } from './range-io';
import { UndoRecord } from './undo-record';

/** Excel's character width to points: 7 px a character plus 5 px padding, at 0.75 pt a pixel. */
export function charsToPoints(chars: number): number {
  return Math.trunc(chars * 7 + 5) * 0.75;
}

/** Queues the pauses Excel allows around a batch of writes, where the host has them. */
export function pauses(context: Excel.RequestContext, caps: Capabilities): { beforeSync: () => void; once: () => void } {
  return {
    beforeSync: () => {
      if (caps.suspendCalculation) context.workbook.application.suspendApiCalculationUntilNextSync();
    },
    // Repeating it per sync makes the window flicker, so only the first sync pauses the screen.
    once: () => {
      if (caps.suspendScreenUpdating) context.workbook.application.suspendScreenUpdatingUntilNextSync();
    },
  };
}

/** One change to an appended column's looks, on the range at `address`. */
export interface LookChange {
  sheet: string;
  address: string;
  apply(format: Excel.RangeFormat): void;
}

/**
 * The looks the appended columns get (width, bold header, wrapped text), each change entered in the
 * undo record with what it replaces. Called before the record is saved.
 */
export function planLooks(appended: AppendedColumn[], record: UndoRecord): LookChange[] {
  const changes: LookChange[] = [];
  for (const a of appended) {
    const { sheet, col, field } = a.column;
    const points = a.column.widthChars === undefined ? undefined : charsToPoints(a.column.widthChars);
    if (points !== undefined && a.width !== points) {
      changes.push({ sheet, address: localAddress(0, col, 1, 1), apply: (f) => (f.columnWidth = points) });
      record.columnWidths.push({ sheet, col, width: a.width });
    }
    if (a.headerRow !== undefined && a.bold === false) {
      changes.push({ sheet, address: localAddress(a.headerRow, col, 1, 1), apply: (f) => (f.font.bold = true) });
      record.bold.push({ sheet, row: a.headerRow, col, bold: false });
    }
    // Only a stretch that is uniformly unwrapped is changed: a mixed one could not be put back exactly.
    if (field !== 'rate' && a.dataRows > 0 && a.wrapText === false) {
      changes.push({ sheet, address: localAddress(a.dataTop, col, a.dataRows, 1), apply: (f) => (f.wrapText = true) });
      record.wrap.push({ sheet, top: a.dataTop, col, rows: a.dataRows, wrapText: false });
    }
  }
  return changes;
}

export async function applyPlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  capture: Capture,
  looks: LookChange[],
  caps: Capabilities,
  onProgress?: (f: number) => void,
  isolate?: WriteOptions['isolate'],
): Promise<number> {
  const pause = pauses(context, caps);
  let cells = 0;
  const pieces: WritePiece[] = plan.blocks.map((block, b) => {
    const formats = capture.blockFormats[b];
    const values = block.values.map((row, i) => row.map((v, j) => cellInput(v, formats[i]?.[j] === TEXT_FORMAT)));
    const cols = values[0]?.length ?? 1;
    const formatBytes = block.numberFormat ? cols * (block.numberFormat.length + 3) : 0;
    cells += values.length * cols;
    return {
      sheet: block.sheet,
      top: block.top,
      left: block.left,
      rows: values.length,
      cols,
      rowBytes: (r) => values[r].reduce((n: number, v) => n + cellBytes(v), 4) + formatBytes,
      queue: (range, start, count) => {
        range.values = values.slice(start, start + count);
        if (block.numberFormat) range.numberFormat = values.slice(start, start + count).map((row) => row.map(() => block.numberFormat));
      },
    };
  });
  await writePieces(context, pieces, {
    beforeSync: pause.beforeSync,
    first: () => {
      pause.once();
      for (const l of looks) l.apply(context.workbook.worksheets.getItem(l.sheet).getRange(l.address).format);
    },
    // Cell values, number formats, widths and fonts: the same again is no change, so a sync Excel
    // answers with an internal error may be sent again in smaller pieces.
    firstIsIdempotent: true,
    afterSync: (done, total) => onProgress?.(done / total),
    isolate,
  });
  return cells;
}
