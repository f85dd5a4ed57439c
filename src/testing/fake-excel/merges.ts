/**
 * Merged areas of a sheet (`FakeSheetData.merges`, "A1:C1" strings as a file stores them): what a
 * write may not cut through, and what Range.getMergedAreasOrNullObject finds.
 *
 * - Excel keeps a merged area's value in its top-left cell only (load-xlsx reads the others as "").
 * - Changing the contents of part of a merged area is refused. The error Office.js raises is not
 *   documented anywhere we could find; the fake answers InvalidOperation with the sentence Excel's own
 *   UI shows ("We can't do that to a merged cell."). Inferred, not sourced: a shell must not depend
 *   on the code, only on the write failing.
 * - getMergedAreasOrNullObject returns only the merged areas whose top-left cell lies inside the range
 *   it is called on (OfficeDev/office-js #3611), and fails when there are more than 512 of them (the
 *   method's reference page: "if the merged areas count in this range is more than 512, then this
 *   method will fail to return the result").
 */
import { formatRect, parseRect, type Rect } from './address';
import { ErrorCodes, officeError } from './errors';
import type { FakeSheetData } from './types';

/** The most merged areas getMergedAreasOrNullObject answers for (its reference page). */
export const MAX_MERGED_AREAS = 512;

const parsed = new WeakMap<string[], Rect[]>();

export function mergeRects(sheet: FakeSheetData): Rect[] {
  const list = sheet.merges;
  if (!list || list.length === 0) return [];
  let rects = parsed.get(list);
  if (!rects) {
    rects = list.map((a) => parseRect(a)).filter((r): r is Rect => r !== null);
    parsed.set(list, rects);
  }
  return rects;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function contains(outer: Rect, inner: Rect): boolean {
  return inner.row >= outer.row && inner.col >= outer.col && inner.row + inner.rows <= outer.row + outer.rows && inner.col + inner.cols <= outer.col + outer.cols;
}

/** Refuses a change of contents that covers part of a merged area, as Excel does. */
export function assertNoMergeCut(sheet: FakeSheetData, rect: Rect, member: string): void {
  for (const m of mergeRects(sheet)) {
    if (overlaps(m, rect) && !contains(rect, m)) {
      throw officeError(ErrorCodes.invalidOperation, `${member} on ${formatRect(rect)} covers part of the merged area ${formatRect(m)}`, "We can't do that to a merged cell.");
    }
  }
}

/** Merged areas wholly inside `rect`: after a write only their top-left cell keeps a value. */
export function mergesInside(sheet: FakeSheetData, rect: Rect): Rect[] {
  return mergeRects(sheet).filter((m) => contains(rect, m));
}

/** What getMergedAreasOrNullObject answers: the areas whose top-left cell lies in `rect`. */
export function mergesStartingIn(sheet: FakeSheetData, rect: Rect): Rect[] {
  const found = mergeRects(sheet).filter((m) => m.row >= rect.row && m.row < rect.row + rect.rows && m.col >= rect.col && m.col < rect.col + rect.cols);
  if (found.length > MAX_MERGED_AREAS) {
    throw officeError(ErrorCodes.generalException, `${found.length} merged areas in ${formatRect(rect)}; getMergedAreasOrNullObject answers for at most ${MAX_MERGED_AREAS}`);
  }
  return found;
}
