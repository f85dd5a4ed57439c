/**
 * The forms as the print-ready sheet 绩效自评表: every project's form stacked down the sheet, a page
 * break before each but the first, A4 portrait at 100% (Excel ignores manual page breaks under "fit to
 * page", so the columns are sized to fit the page instead), borders round every cell of each form's
 * table, merged areas as the form draws them, and row heights from the text and the merged widths.
 * Plain data both shells write as it is; its fingerprint keeps a sheet a person has filled in.
 */
import { FORM_SHEET_NAME } from '../table-location';
import { GeneratedCell, GeneratedMark, generatedMark } from '../generated-sheets';
import { FORM_COLUMNS, FormCellStyle, ProjectForm } from './form';
import { FANGSONG, PAGE_NUMBER_FOOTER, XIAOBIAOSONG } from './formats';

export interface FormCellFormat {
  fonts: readonly string[];
  sizePt: number;
  bold: boolean;
  align: 'left' | 'center';
}

/** 二号-ish title, 小四 year line, 五号 table text — the form as offices print it. */
export const FORM_FORMATS: Record<FormCellStyle, FormCellFormat> = {
  title: { fonts: XIAOBIAOSONG, sizePt: 18, bold: false, align: 'center' },
  subtitle: { fonts: FANGSONG, sizePt: 12, bold: false, align: 'center' },
  label: { fonts: FANGSONG, sizePt: 10.5, bold: false, align: 'center' },
  value: { fonts: FANGSONG, sizePt: 10.5, bold: false, align: 'center' },
  text: { fonts: FANGSONG, sizePt: 10.5, bold: false, align: 'left' },
};

/**
 * Column widths in Excel's character units: 标签, 一级, 二级, 三级 (and 年初预算数), 年度指标值, 实际完成值,
 * 分值, 得分, 偏差原因. A unit is 7 px in Calibri or 等线, 8 in 宋体, more where a reader substitutes a
 * wider font: 71 units are 14.5–16.4 cm, inside A4's 18 cm between 1.5 cm margins.
 */
export const FORM_COLUMN_WIDTHS = [5, 7, 7, 9, 8, 8, 6, 7, 14];
/** The footer's page number sits 1.5 cm from the bottom edge, under the 1.8 cm margin. */
export const FORM_MARGINS_CM = { top: 1.5, bottom: 1.8, left: 1.5, right: 1.5 };

export interface FormSheetCell {
  /** 0-based sheet row and column. */
  row: number;
  col: number;
  text: string;
  style: FormCellStyle;
  /** Inside a form's table: drawn with borders. */
  bordered: boolean;
  /** The 【】 marks in `text`, as [start, end) offsets: highlighted as in the .docx. */
  placeholders?: [number, number][];
}

export interface FormSheetPlan {
  sheetName: string;
  columnWidths: number[];
  /** Every cell of every form, the positions a merged area covers included ('' there), row by row. */
  cells: FormSheetCell[];
  /** Merged areas: 0-based top-left and size. */
  merges: { row: number; col: number; rows: number; cols: number }[];
  /** Each row's height in points. */
  heightsPt: number[];
  /** Each form's bordered table, 0-based rows inclusive (columns A to I). */
  tables: { top: number; bottom: number }[];
  /** Rows that start a new page (each form after the first). */
  pageBreaks: number[];
  formats: Record<FormCellStyle, FormCellFormat>;
  page: { paper: 'A4'; orientation: 'portrait'; marginsCm: { top: number; bottom: number; left: number; right: number }; footer: string };
  /** The fingerprint, in a hidden cell right of the forms. */
  generatedMark: GeneratedMark;
}

/** A column's width in pixels at 96 dpi (7 px a unit and 5 px padding: Excel's default fonts). */
const px = (units: number) => units * 7 + 5;

/** A text's width in pixels at `sizePt`: CJK and full-width forms a full em, the rest half. */
function textPx(line: string, sizePt: number): number {
  let em = 0;
  for (const ch of line) {
    const code = ch.codePointAt(0)!;
    em += code < 0x1100 || (code >= 0xff61 && code <= 0xffdc) ? 0.55 : 1;
  }
  return (em * sizePt * 96) / 72;
}

/** Lines a text wraps to in a width of `widthPx` (explicit breaks start new lines). */
function linesIn(text: string, widthPx: number, sizePt: number): number {
  const room = Math.max(1, widthPx - 8);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textPx(line, sizePt) / room)), 0);
}

/** The height a cell needs: its lines at 1.35 × the font size, and room above and below. */
function heightOf(text: string, style: FormCellStyle, widthPx: number): number {
  const size = FORM_FORMATS[style].sizePt;
  return Math.ceil(linesIn(text, widthPx, size) * size * 1.35 + 4);
}

const MIN_ROW_PT = 18;
const MAX_ROW_PT = 409;

/** Row heights of one form: each row fits its own cells; a merged cell taller than its rows stretches the last. */
function formHeights(form: ProjectForm): number[] {
  const widthOf = (col: number, span: number) => FORM_COLUMN_WIDTHS.slice(col, col + span).reduce((a, w) => a + px(w), 0);
  const heights = Array<number>(form.rows).fill(MIN_ROW_PT);
  for (const c of form.cells) if (c.rowSpan === 1) heights[c.row] = Math.max(heights[c.row], heightOf(c.text, c.style, widthOf(c.col, c.colSpan)));
  for (const c of form.cells) {
    if (c.rowSpan === 1) continue;
    const need = heightOf(c.text, c.style, widthOf(c.col, c.colSpan));
    const have = heights.slice(c.row, c.row + c.rowSpan).reduce((a, h) => a + h, 0);
    if (need > have) heights[c.row + c.rowSpan - 1] += need - have;
  }
  return heights.map((h) => Math.min(MAX_ROW_PT, h));
}

function placeholderSpans(form: ProjectForm['cells'][number]): [number, number][] {
  const spans: [number, number][] = [];
  let at = 0;
  for (const r of form.runs) {
    if (r.kind === 'placeholder' && r.text) spans.push([at, at + r.text.length]);
    at += r.text.length;
  }
  return spans;
}

/** The cells as written, for the fingerprint. */
export function formSheetCells(plan: Pick<FormSheetPlan, 'cells'>): GeneratedCell[] {
  return plan.cells.map((c) => ({ row: c.row, col: c.col, text: c.text }));
}

export function renderFormSheet(forms: ProjectForm[]): FormSheetPlan {
  const cells: FormSheetCell[] = [];
  const merges: FormSheetPlan['merges'] = [];
  const heightsPt: number[] = [];
  const tables: FormSheetPlan['tables'] = [];
  const pageBreaks: number[] = [];
  let top = 0;
  for (const form of forms) {
    if (top > 0) pageBreaks.push(top);
    const grid: (FormSheetCell | undefined)[][] = Array.from({ length: form.rows }, () => Array<FormSheetCell | undefined>(FORM_COLUMNS));
    for (const c of form.cells) {
      const bordered = c.row >= form.tableTop;
      const spans = placeholderSpans(c);
      for (let r = c.row; r < c.row + c.rowSpan; r++) {
        for (let k = c.col; k < c.col + c.colSpan; k++) {
          const first = r === c.row && k === c.col;
          grid[r][k] = { row: top + r, col: k, text: first ? c.text : '', style: c.style, bordered, ...(first && spans.length ? { placeholders: spans } : {}) };
        }
      }
      if (c.rowSpan > 1 || c.colSpan > 1) merges.push({ row: top + c.row, col: c.col, rows: c.rowSpan, cols: c.colSpan });
    }
    for (const row of grid) for (const cell of row) if (cell) cells.push(cell);
    heightsPt.push(...formHeights(form));
    tables.push({ top: top + form.tableTop, bottom: top + form.rows - 1 });
    top += form.rows;
  }
  const base = { cells };
  return {
    sheetName: FORM_SHEET_NAME,
    columnWidths: FORM_COLUMN_WIDTHS,
    cells,
    merges,
    heightsPt,
    tables,
    pageBreaks,
    formats: FORM_FORMATS,
    page: { paper: 'A4', orientation: 'portrait', marginsCm: { ...FORM_MARGINS_CM }, footer: PAGE_NUMBER_FOOTER },
    generatedMark: generatedMark(formSheetCells(base), 0, FORM_COLUMNS),
  };
}
