/**
 * What is checked between the core's plan and the first write, so a run Excel would refuse halfway
 * is refused before it starts: output cells in merged areas, output cells in parts of a sheet that
 * were not read, and workbook structure protection when the run must add or remove a sheet.
 */
import { CellRect, PlanBlock, WorkbookSnapshot, WritePlan, rangeAddress } from '../core';
import { OfficeActionError, mergedOutputError, workbookProtectedError } from './errors';
import { Capabilities } from './host';

function blockRect(b: PlanBlock): CellRect {
  return { top: b.top, left: b.left, bottom: b.top + b.values.length - 1, right: b.left + (b.values[0]?.length ?? 1) - 1 };
}

function overlaps(a: CellRect, b: CellRect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function addressOf(sheet: string, r: CellRect): string {
  return rangeAddress(sheet, r.top, r.left, r.bottom, r.right);
}

/**
 * Excel cannot change part of a merged area (and keeps only the top-left value of a whole one), so a
 * plan block over any merged cell is refused here, naming both. The core's plan steers clear of the
 * merges it is told about; this holds whatever the plan says.
 */
export function assertNoMergedOutput(plan: WritePlan, snapshot: WorkbookSnapshot): void {
  const bySheet = new Map(snapshot.sheets.map((s) => [s.name, s.merges ?? []]));
  const hits: { block: string; merge: string }[] = [];
  for (const b of plan.blocks) {
    const rect = blockRect(b);
    for (const m of bySheet.get(b.sheet) ?? []) {
      if (overlaps(rect, m)) hits.push({ block: addressOf(b.sheet, rect), merge: addressOf(b.sheet, m) });
    }
  }
  if (hits.length > 0) throw mergedOutputError(hits.slice(0, 5));
}

/** The plan may only write where the read looked: cells past a far stray value were not read. */
export function assertPlanInsideRead(plan: WritePlan, unread: { sheet: string; rect: CellRect }[]): void {
  for (const b of plan.blocks) {
    const rect = blockRect(b);
    const hit = unread.find((u) => u.sheet === b.sheet && overlaps(u.rect, rect));
    if (hit) {
      const where = addressOf(b.sheet, rect);
      const stray = addressOf(hit.sheet, hit.rect);
      throw new OfficeActionError(
        'OutputBeyondRead',
        `结果列需要写到 ${where}，但该处所在的 ${stray} 离表格太远，没有读取，未写入任何内容。请删除 ${stray} 中多余的内容（可能是一个空格），或在任务窗格中指定结果列后重试。`,
        `The results would go to ${where}, inside ${stray}, which lies too far from the table to be read; nothing was written. Delete the stray content in ${stray} (perhaps a single space), or set the result columns in the task pane, and try again.`,
      );
    }
  }
}

/**
 * Queues the load of workbook structure protection (ExcelApi 1.7) into the next sync; the returned
 * check throws, after that sync, when the workbook is protected. Without 1.7 the check passes and the
 * first structural change fails instead (recognised by the caller).
 */
export function queueStructureCheck(context: Excel.RequestContext, caps: Capabilities): () => void {
  if (!caps.workbookProtection) return () => undefined;
  const protection = context.workbook.protection.load('protected');
  return () => {
    if (protection.protected) throw workbookProtectedError();
  };
}

/** An AccessDenied from a sync that only changes the workbook's structure: the structure is protected. */
export function asStructureError(e: unknown): unknown {
  return (e as { code?: unknown } | null)?.code === 'AccessDenied' ? workbookProtectedError(e) : e;
}
