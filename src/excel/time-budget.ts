/**
 * A ribbon command lives at most five minutes from the click: "The runtime closes when either the
 * function completes or 5 minutes have passed, whichever is earlier" (Basic concepts for add-in
 * commands); "Five minutes have elapsed since the triggering event" ends a function command's runtime
 * (Runtimes in Office Add-ins). A run that would not finish in time must not start writing: it stops
 * before the first write and points to the task pane, which has no such limit.
 */
import { WritePlan } from '../core';
import { SYNC_BYTE_BUDGET, gridBytes } from './budget';
import { OfficeActionError } from './errors';

/** Office stops a function command's runtime this long after the click. */
export const COMMAND_LIFETIME_MS = 5 * 60 * 1000;
/** Kept back at the end for the message dialog, which closes itself before the runtime is stopped. */
export const MESSAGE_RESERVE_MS = 45 * 1000;
/** Writing is assumed to cost this much more per sync than reading did (formats, recalculation). */
const WRITE_SLOWDOWN = 1.5;

export interface TimeBudget {
  /** Throws, before anything is written, when the writes the plan needs would likely outlast the budget. */
  assertRoomToWrite(plan: WritePlan, syncsSoFar: number): void;
  /** Milliseconds left for work and messages. */
  remaining(): number;
}

/** Counts the syncs made on a context from now on (to learn how long one takes on this host). */
export function countSyncs(context: Excel.RequestContext): () => number {
  let count = 0;
  const sync = context.sync.bind(context);
  context.sync = (<T>(value?: T) => {
    count++;
    return sync(value);
  }) as typeof context.sync;
  return () => count;
}

/**
 * The budget of a ribbon command clicked at `clickedAt`. Writing the plan takes about three passes
 * over its cells (their old contents are read for undo, the undo record is written, the plan is
 * written), each in syncs of at most 4 MB, plus a few small syncs; each is timed like the reads were.
 */
export function commandBudget(clickedAt: number, now: () => number, lifetimeMs = COMMAND_LIFETIME_MS): TimeBudget {
  const workEnds = clickedAt + lifetimeMs - MESSAGE_RESERVE_MS;
  return {
    remaining: () => clickedAt + lifetimeMs - now(),
    assertRoomToWrite(plan, syncsSoFar) {
      const elapsed = now() - clickedAt;
      const perSync = elapsed / Math.max(1, syncsSoFar);
      const bytes = plan.blocks.reduce((n, b) => n + gridBytes(b.values), 0);
      const syncs = 3 * Math.ceil(bytes / SYNC_BYTE_BUDGET) + 3;
      if (now() + syncs * perSync * WRITE_SLOWDOWN <= workEnds) return;
      throw new OfficeActionError(
        'CommandTimeLimit',
        '工作簿较大，“重新计算执行率”按钮可能无法在 Excel 允许的5分钟内完成，因此未写入任何内容。请点击“打开绩效自评”，在任务窗格中点击“重新计算执行率”（任务窗格没有这个时间限制）。',
        'The workbook is large, and the Recalculate rates button might not finish within the five minutes Excel allows it, so nothing was written. Click Open Self-Evaluation and choose Recalculate rates in the task pane, which has no such limit.',
      );
    },
  };
}
