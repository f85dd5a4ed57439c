/** A 绩效自评表 read the way a reader sees it: each row's cells left to right, merged areas by address. */
import { FORM_COLUMNS, cellRef, type ProjectForm, type ReportDocument } from '../../src/core';

/** The grid of texts: a merged area's text in its top-left cell, '' in the cells it covers. */
export function formRows(form: ProjectForm): string[][] {
  const grid = Array.from({ length: form.rows }, () => Array<string>(FORM_COLUMNS).fill(''));
  for (const c of form.cells) grid[c.row][c.col] = c.text;
  return grid;
}

/** The row whose first non-empty cell (from column `col`) is `label`, trailing blanks dropped. */
export function formRow(form: ProjectForm, label: string, col = 0): string[] {
  const rows = formRows(form).filter((r) => r[col] === label || (col === 0 && r.find((t) => t !== '') === label));
  if (rows.length !== 1) throw new Error(`${rows.length} rows of the form start with “${label}”`);
  const row = rows[0];
  let end = row.length;
  while (end > 0 && row[end - 1] === '') end--;
  return row.slice(0, end);
}

/** The merged areas as A1 ranges within the form ("A5:A9"). */
export function formMerges(form: ProjectForm): string[] {
  return form.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).map((c) => `${cellRef(c.row, c.col)}:${cellRef(c.row + c.rowSpan - 1, c.col + c.colSpan - 1)}`);
}

export function formOf(doc: ReportDocument, project: string): ProjectForm {
  const form = doc.forms?.find((f) => f.name === project);
  if (!form) throw new Error(`no form for ${project}`);
  return form;
}
