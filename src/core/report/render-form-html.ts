/**
 * The forms for the clipboard: each 项目支出绩效自评表 as an HTML table Word pastes as a table — the
 * form's colspan/rowspan, .5 pt lines round every cell, 仿宋 五号, its title in 小标宋 — and as plain
 * text, a line per row with the cells between tabs (a spreadsheet pastes that as the grid). Workbook
 * text is escaped: a cell may hold <script>.
 */
import { escapeHtml } from './render-html';
import { FORM_COLUMN_WIDTHS, FORM_FORMATS } from './render-form-sheet';
import { FORM_COLUMNS, type FormCell, type FormCellStyle, type ProjectForm } from './form';
import { LATIN_FONT } from './formats';

const UNITS = FORM_COLUMN_WIDTHS.reduce((a, w) => a + w, 0);

function fontCss(style: FormCellStyle): string {
  const f = FORM_FORMATS[style];
  const fonts = [LATIN_FONT, ...f.fonts].map((n) => `&quot;${escapeHtml(n)}&quot;`).join(',');
  return `font-family:${fonts},serif;mso-fareast-font-family:&quot;${escapeHtml(f.fonts[0])}&quot;;font-size:${f.sizePt}pt;font-weight:${f.bold ? 'bold' : 'normal'};color:#000000`;
}

function inner(cell: Pick<FormCell, 'runs'>): string {
  return cell.runs
    .map((r) => {
      const t = escapeHtml(r.text).replace(/\n/g, '<br>');
      return r.kind === 'placeholder' ? `<span style="background:yellow;mso-highlight:yellow">${t}</span>` : t;
    })
    .join('');
}

function titleHtml(cell: FormCell, first: boolean): string {
  return `<p style="margin:0;${first ? '' : 'margin-bottom:6pt;'}text-align:center;line-height:${Math.ceil(FORM_FORMATS[cell.style].sizePt * 1.35)}pt;mso-line-height-rule:exactly;${fontCss(cell.style)}">${inner(cell)}</p>`;
}

function cellHtml(c: FormCell): string {
  const width = FORM_COLUMN_WIDTHS.slice(c.col, c.col + c.colSpan).reduce((a, w) => a + w, 0);
  const span = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
  const align = FORM_FORMATS[c.style].align === 'left' ? 'left' : 'center';
  const css = `border:.5pt solid windowtext;padding:2pt 3pt;vertical-align:middle;text-align:${align};width:${((width / UNITS) * 100).toFixed(1)}%;line-height:${Math.ceil(FORM_FORMATS[c.style].sizePt * 1.35)}pt;mso-line-height-rule:exactly;${fontCss(c.style)}`;
  return `<td${span} style="${css}">${inner(c)}</td>`;
}

/** One form: its title lines, then the table, row by row (a merged area's cell where it starts). */
export function formHtml(form: ProjectForm): string {
  const titles = form.cells.filter((c) => c.row < form.tableTop).map((c, i) => titleHtml(c, i === 0));
  const rows: string[] = [];
  for (let r = form.tableTop; r < form.rows; r++) {
    rows.push(`<tr>${form.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col).map(cellHtml).join('')}</tr>`);
  }
  const table = `<table style="border-collapse:collapse;width:100%;mso-table-layout-alt:fixed" cellspacing="0" cellpadding="0">${rows.join('')}</table>`;
  return titles.join('\n') + '\n' + table;
}

/** One form as plain text: a line per grid row, its cells between tabs (a merged area's text in its first cell). */
export function formText(form: ProjectForm): string {
  const grid = Array.from({ length: form.rows }, () => Array<string>(FORM_COLUMNS).fill(''));
  for (const c of form.cells) grid[c.row][c.col] = c.text.replace(/\s*\n\s*/g, ' ');
  return grid.map((row) => row.join('\t').replace(/\t+$/, '')).join('\n');
}
