/**
 * The 核对清单 sheet: every open 【】 mark of the report, one row each, with the cell to fix it in
 * and the finding in full — the clerk's list, kept apart from the text that is sent out. Plain data
 * that both shells write as it is; its fingerprint lets a regeneration keep the clerk's notes.
 */
import { CHECKLIST_SHEET_NAME } from '../table-location';
import { GeneratedCell, GeneratedMark, generatedMark } from '../generated-sheets';
import type { ReportDocument } from './document';

export interface ChecklistSheetPlan {
  sheetName: string;
  /** Column headers and widths (Excel character units). */
  columns: { header: string; width: number }[];
  /** One row per open item, below the header row; '' where an item has no value. */
  rows: string[][];
  /** The line above the table when nothing is left: 报告中已无待填写或核对的内容。 */
  empty?: string;
  /** Row heights in points, wrapped to the column widths, header first. */
  heightsPt: number[];
  /** The fingerprint, in a hidden cell right of the table. */
  generatedMark: GeneratedMark;
}

const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '类别', width: 8 },
  { header: '项目', width: 28 },
  { header: '单元格', width: 16 },
  { header: '报告中的标记', width: 36 },
  { header: '说明', width: 60 },
];

/** Lines a text wraps to in a column of `width` characters (a CJK character takes two). */
function lines(text: string, width: number): number {
  const per = Math.max(1, Math.floor((width - 1) * 0.9));
  return text.split('\n').reduce((n, line) => {
    let w = 0;
    for (const ch of line) w += ch.codePointAt(0)! < 0x1100 ? 1 : 2;
    return n + Math.max(1, Math.ceil(w / per));
  }, 0);
}

const LINE_PT = 16;

export function checklistSheetCells(plan: Pick<ChecklistSheetPlan, 'columns' | 'rows' | 'empty'>): GeneratedCell[] {
  const cells: GeneratedCell[] = plan.columns.map((c, col) => ({ row: 0, col, text: c.header }));
  plan.rows.forEach((r, i) => r.forEach((text, col) => cells.push({ row: i + 1, col, text })));
  if (plan.empty) cells.push({ row: 1, col: 0, text: plan.empty });
  return cells;
}

export function renderChecklistSheet(doc: ReportDocument): ChecklistSheetPlan {
  const rows = doc.checklist.map((c, i) => [String(i + 1), c.kind === 'fill' ? '请填写' : '请核对', c.project ?? '', c.cell ?? '', c.mark, c.detail]);
  const empty = rows.length ? undefined : '报告中已无待填写或核对的内容。';
  const heightsPt = [LINE_PT + 2, ...rows.map((r) => Math.min(409, LINE_PT * Math.max(...r.map((t, col) => lines(t, COLUMNS[col].width))) + 2))];
  const base = { columns: COLUMNS, rows, ...(empty ? { empty } : {}) };
  return { sheetName: CHECKLIST_SHEET_NAME, ...base, heightsPt, generatedMark: generatedMark(checklistSheetCells(base), 0, COLUMNS.length) };
}
