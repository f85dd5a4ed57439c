/**
 * The 绩效自评表 sheet as a fresh worksheet part: the forms' cells in 仿宋 (the title in 小标宋),
 * each form's table with thin borders on every cell (the positions a merged area covers too, so the
 * merged area is outlined), merged areas, row heights from the plan, the 【】 marks in red on yellow
 * as the report sheet has them, a page break before each form, A4 portrait at 100% with "- 1 -"
 * page numbers, and the fingerprint in a hidden column J.
 */
import type { FormCellStyle, FormSheetCell, FormSheetPlan } from '../../core';
import { cellRef, columnLetters } from '../../core';
import type { PatchCodec } from './codec';
import { renderCell } from './cells';
import { Package } from './package';
import { HIGHLIGHT_FILL, PLACEHOLDER_COLOR, pageXml, writeGeneratedSheet } from './report-sheet';
import { Splice } from './splice';
import { Styles } from './styles';
import { Workbook } from './workbook';
import { NS_MAIN, NS_REL, escapeAttr, escapeText } from './xml';
import type { WrittenPart } from './zip';

function richCell(ref: string, xf: number, cell: FormSheetCell, font: string, sizePt: number): string {
  const runs: string[] = [];
  let at = 0;
  const plain = (t: string) => t && runs.push(`<r><t xml:space="preserve">${escapeText(t)}</t></r>`);
  const rPr = `<rPr><rFont val="${escapeAttr(font)}"/><charset val="134"/><color rgb="${PLACEHOLDER_COLOR}"/><sz val="${sizePt}"/></rPr>`;
  for (const [a, b] of cell.placeholders ?? []) {
    plain(cell.text.slice(at, a));
    runs.push(`<r>${rPr}<t xml:space="preserve">${escapeText(cell.text.slice(a, b))}</t></r>`);
    at = b;
  }
  plain(cell.text.slice(at));
  return `<c r="${ref}" s="${xf}" t="inlineStr"><is>${runs.join('')}</is></c>`;
}

function formSheetXml(plan: FormSheetPlan, styles: Styles, codec: PatchCodec): WrittenPart {
  const text = styles.numFmtId('@');
  const border = styles.thinBorderId();
  const fill = styles.fillId(HIGHLIGHT_FILL);
  const xfs = new Map<string, number>();
  const xfOf = (style: FormCellStyle, bordered: boolean, highlighted: boolean): number => {
    const key = `${style}|${bordered}|${highlighted}`;
    let xf = xfs.get(key);
    if (xf === undefined) {
      const f = plan.formats[style];
      xf = styles.xfWith(0, {
        numFmtId: text,
        fontId: styles.fontId(f.fonts[0], f.sizePt, f.bold),
        ...(bordered ? { borderId: border } : {}),
        ...(highlighted ? { fillId: fill } : {}),
        alignment: { horizontal: f.align, vertical: 'center', wrapText: '1' },
      });
      xfs.set(key, xf);
    }
    return xf;
  };
  const mark = plan.generatedMark;
  const rows = plan.heightsPt.length;
  const byRow = new Map<number, FormSheetCell[]>();
  for (const c of plan.cells) (byRow.get(c.row) ?? byRow.set(c.row, []).get(c.row)!).push(c);
  const cols = plan.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const out = Splice.fresh(codec);
  out.insert(
    [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`,
      `<dimension ref="${rows ? `A1:${columnLetters(mark.col)}${rows}` : 'A1'}"/>`,
      '<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews>',
      '<sheetFormatPr defaultRowHeight="15"/>',
      `<cols>${cols}<col min="${mark.col + 1}" max="${mark.col + 1}" width="10" hidden="1" customWidth="1"/></cols>`,
      rows ? '<sheetData>' : '<sheetData/>',
    ].join(''),
  );
  for (let r = 0; r < rows; r++) {
    const cells = (byRow.get(r) ?? []).map((c) => {
      const f = plan.formats[c.style];
      const highlighted = !!c.placeholders?.length;
      const xf = xfOf(c.style, c.bordered, highlighted);
      return highlighted ? richCell(cellRef(r, c.col), xf, c, f.fonts[0], f.sizePt) : renderCell('', cellRef(r, c.col), xf, c.text);
    });
    if (mark.row === r) cells.push(renderCell('', cellRef(r, mark.col), 0, mark.text));
    out.insert(`<row r="${r + 1}" ht="${plan.heightsPt[r]}" customHeight="1">${cells.join('')}</row>`);
  }
  const merges = plan.merges.map((m) => `<mergeCell ref="${cellRef(m.row, m.col)}:${cellRef(m.row + m.rows - 1, m.col + m.cols - 1)}"/>`).join('');
  const breaks = plan.pageBreaks.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join('');
  out.insert(
    [
      rows ? '</sheetData>' : '',
      plan.merges.length ? `<mergeCells count="${plan.merges.length}">${merges}</mergeCells>` : '',
      '<printOptions horizontalCentered="1"/>',
      // No "fit to page": Excel ignores manual page breaks under it. The columns fit A4 at 100%.
      pageXml(plan, false),
      plan.pageBreaks.length ? `<rowBreaks count="${plan.pageBreaks.length}" manualBreakCount="${plan.pageBreaks.length}">${breaks}</rowBreaks>` : '',
      '</worksheet>',
    ].join(''),
  );
  return out.finish();
}

export function writeFormSheet(pkg: Package, wb: Workbook, styles: Styles, plan: FormSheetPlan): void {
  writeGeneratedSheet(pkg, wb, plan.sheetName, formSheetXml(plan, styles, pkg.codec));
}
