/**
 * The file shell's writing half: applies the core's write plan to an exceljs workbook (a copy of the
 * input) and saves it atomically — written to a temporary file beside the target, then renamed, so
 * an interrupted run never leaves a half-written file under the final name.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { PlanBlock, WritePlan } from '../core';

/** Column widths (in characters) for columns the plan appends. */
const APPENDED_WIDTH: Record<string, number> = { rate: 10, note: 44, check: 44 };

function cloneStyle(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  return JSON.parse(JSON.stringify(style ?? {})) as Partial<ExcelJS.Style>;
}

function applyBlock(ws: ExcelJS.Worksheet, block: PlanBlock, appended: boolean, lastHeaderCol: number | undefined): void {
  block.values.forEach((rowValues, i) => {
    rowValues.forEach((value, j) => {
      const cell = ws.getCell(block.top + i + 1, block.left + j + 1);
      if (appended && lastHeaderCol !== undefined) {
        // A new column borrows the look of its row's last table cell (borders, header fill).
        const neighbour = ws.getCell(block.top + i + 1, lastHeaderCol + 1);
        cell.style = cloneStyle(neighbour.style);
        if (block.role === 'note' || block.role === 'check') cell.alignment = { ...(cell.alignment ?? {}), wrapText: true, vertical: 'top' };
      }
      // Strings stay strings: exceljs writes a formula only from { formula }, so "=…" text is safe.
      cell.value = value === '' ? null : value;
      if (block.numberFormat) cell.numFmt = block.numberFormat;
    });
  });
}

export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: WritePlan, lastHeaderCols: Record<string, number> = {}): void {
  for (const col of plan.columns) {
    if (!col.appended) continue;
    const ws = wb.getWorksheet(col.sheet);
    if (ws) ws.getColumn(col.col + 1).width = APPENDED_WIDTH[col.field];
  }
  for (const block of plan.blocks) {
    const ws = wb.getWorksheet(block.sheet);
    if (!ws) throw new Error(`工作表“${block.sheet}”不存在`);
    const appended = plan.columns.some((c) => c.appended && c.sheet === block.sheet && c.col === block.left);
    applyBlock(ws, block, appended, lastHeaderCols[block.sheet]);
  }
}

/** Write the workbook to `file` through a temporary file in the same folder, then rename. */
export async function writeWorkbookAtomically(wb: ExcelJS.Workbook, file: string, write: (wb: ExcelJS.Workbook, tmp: string) => Promise<void> = (w, t) => w.xlsx.writeFile(t)): Promise<void> {
  await writeFileAtomically(file, (tmp) => write(wb, tmp));
}

export async function writeFileAtomically(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(tmp);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
