/**
 * One progress figure per action, 0–1, that only moves forward. Excel reports each stage from 0 to 1
 * (reading, computing, saving undo, writing); an action runs several stages, some twice (undo writes,
 * then reads the workbook again), so each stage gets its share of one bar. A fraction Excel could not
 * compute (0 ÷ 0 cells) counts as no progress, never as NaN.
 */
import type { Stage } from './api';
import type { ActionId } from './state';

type Spans = Partial<Record<Stage, [from: number, to: number]>>;

const READ_AND_CHECK: Spans = { reading: [0, 0.6], computing: [0.6, 0.95], done: [1, 1] };

/** Where each stage sits on the action's bar; the shares follow where the time goes on a large workbook. */
export const STAGE_SPANS: Record<ActionId, Spans> = {
  analyze: READ_AND_CHECK,
  settings: READ_AND_CHECK,
  recalculate: { reading: [0, 0.3], computing: [0.3, 0.45], 'saving-undo': [0.45, 0.6], writing: [0.6, 0.98], done: [1, 1] },
  report: { reading: [0, 0.25], computing: [0.25, 0.6], 'saving-undo': [0.6, 0.65], writing: [0.65, 0.98], done: [1, 1] },
  // Undo writes the old cells back, then the pane checks the workbook again.
  undo: { writing: [0, 0.5], reading: [0.5, 0.8], computing: [0.8, 0.97], done: [1, 1] },
  download: {},
  // The page's computed workbook: the core, then the patch (fflate's deflate is most of the time).
  workbook: { computing: [0, 0.25], writing: [0.25, 0.98], done: [1, 1] },
};

/** The bar's new value: never below `previous`, never NaN, within 0–1; undefined while nothing is known. */
export function overallProgress(action: ActionId, stage: Stage, fraction: number, previous: number | undefined): number | undefined {
  const span = STAGE_SPANS[action][stage];
  if (!span) return previous;
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const value = span[0] + f * (span[1] - span[0]);
  return Math.max(previous ?? 0, value);
}

/** "42%": the figure the bar shows and screen readers read. */
export function percentText(value: number | undefined): string | undefined {
  return value === undefined || !Number.isFinite(value) ? undefined : `${Math.floor(value * 100)}%`;
}
