/**
 * The national 项目支出绩效自评表 in the .docx: after the report, each project's form on a page of its
 * own — its title in 小标宋, the year line in 仿宋 小四, and the form as a Word table in 仿宋 五号 with
 * the form's merged cells (gridSpan / vMerge), single lines round every cell, text centred in its cell
 * but for running text, 【】 marks highlighted as in the report. Lines are exactly 1.35 × the font
 * size, not the report's 28 pt, in a section without the report's 22-line grid.
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { FORM_COLUMN_WIDTHS, FORM_FORMATS, type FormCell, type FormCellStyle, type ProjectForm } from '../core/report';
import { LATIN_FONT, PAGE } from '../core/report/formats';

const TWIPS_PER_CM = 1440 / 2.54;
/**
 * The forms' pages: A4 with 2 cm side margins (17 cm for the table, as forms are printed) and no
 * 22-line grid — a section of their own after the report's, its page numbers running on.
 */
export const FORM_PAGE_MARGINS_CM = { top: 2.5, bottom: 2.5, left: 2, right: 2 };
const TABLE_TWIPS = Math.round((PAGE.widthCm - FORM_PAGE_MARGINS_CM.left - FORM_PAGE_MARGINS_CM.right) * TWIPS_PER_CM);
const UNITS = FORM_COLUMN_WIDTHS.reduce((a, w) => a + w, 0);
const COLUMN_TWIPS = (() => {
  const widths = FORM_COLUMN_WIDTHS.map((w) => Math.floor((w * TABLE_TWIPS) / UNITS));
  widths[widths.length - 1] += TABLE_TWIPS - widths.reduce((a, w) => a + w, 0);
  return widths;
})();

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };

function fontsOf(style: FormCellStyle) {
  const f = FORM_FORMATS[style];
  return { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: f.fonts[0], cs: LATIN_FONT, hint: 'eastAsia' as const };
}

/** A cell's runs: placeholders highlighted, line breaks kept, in the style's font and size (half-points). */
function runsOf(cell: Pick<FormCell, 'runs' | 'style'>): TextRun[] {
  const f = FORM_FORMATS[cell.style];
  const out: TextRun[] = [];
  for (const r of cell.runs) {
    r.text.split('\n').forEach((line, i) => {
      if (line === '' && i === 0) return;
      out.push(new TextRun({ text: line, break: i ? 1 : undefined, font: fontsOf(cell.style), size: f.sizePt * 2, bold: f.bold, characterSpacing: 0, highlight: r.kind === 'placeholder' ? 'yellow' : undefined }));
    });
  }
  return out;
}

function paragraphOf(cell: Pick<FormCell, 'runs' | 'style'>, extra: { pageBreakBefore?: boolean; after?: number } = {}): Paragraph {
  const f = FORM_FORMATS[cell.style];
  return new Paragraph({
    children: runsOf(cell),
    alignment: f.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    // An exact line of 1.35 × the size: it also keeps the line off the report's 28 pt grid.
    spacing: { line: Math.ceil(f.sizePt * 1.35) * 20, lineRule: LineRuleType.EXACT, before: 0, after: extra.after ?? 0 },
    indent: { firstLine: 0, firstLineChars: 0 },
    pageBreakBefore: extra.pageBreakBefore,
  });
}

function tableOf(form: ProjectForm): Table {
  const rows: TableRow[] = [];
  for (let r = form.tableTop; r < form.rows; r++) {
    const cells = form.cells
      .filter((c) => c.row === r)
      .sort((a, b) => a.col - b.col)
      .map(
        (c) =>
          new TableCell({
            children: [paragraphOf(c)],
            columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
            rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
            width: { size: COLUMN_TWIPS.slice(c.col, c.col + c.colSpan).reduce((a, w) => a + w, 0), type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            borders: BORDERS,
            margins: { top: 40, bottom: 40, left: 60, right: 60 },
          }),
      );
    rows.push(new TableRow({ children: cells, cantSplit: true }));
  }
  return new Table({ rows, width: { size: TABLE_TWIPS, type: WidthType.DXA }, columnWidths: COLUMN_TWIPS });
}

/** Each form: its two title lines and its table, a new page before each but the first (the section starts one). */
export function formBlocks(forms: readonly ProjectForm[]): (Paragraph | Table)[] {
  return forms.flatMap((form, i) => {
    const title = form.cells.find((c) => c.row === 0)!;
    const year = form.cells.find((c) => c.row === 1)!;
    return [paragraphOf(title, { pageBreakBefore: i > 0, after: 120 }), paragraphOf(year, { after: 120 }), tableOf(form)];
  });
}
