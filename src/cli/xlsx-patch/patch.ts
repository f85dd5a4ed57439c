/**
 * The file shell's writing half without exceljs: the output workbook is the input package with only
 * the parts the plan touches rewritten — the edited sheets, styles.xml when formats are added, the
 * workbook's bookkeeping — so charts, pivots, images, slicers and anything else exceljs would drop
 * survive byte for byte.
 */
import type { ChecklistSheetPlan, FormSheetPlan, PlanBlock, ReportSheetPlan, WritePlan } from '../../core';
import type { PatchCodec } from './codec';
import { XlsxPatchError } from './errors';
import { Package } from './package';
import { writeChecklistSheet, writeReportSheet } from './report-sheet';
import { writeFormSheet } from './form-sheet';
import { CellWrite, SheetEdits, patchSheetXml } from './sheet-patch';
import { wrappedHeightPt, wrappedLines } from './row-height';
import { Styles } from './styles';
import { SheetEntry, Workbook } from './workbook';


export interface WorkbookEdits {
  plan: WritePlan;
  reportSheet?: ReportSheetPlan;
  /** The 核对清单 beside the report (its name chosen like the report's: never over a person's edits). */
  checklistSheet?: ChecklistSheetPlan;
  /** The national 绩效自评表, one form a page (named like the others: never over a person's edits). */
  formSheet?: FormSheetPlan;
}

function worksheetOf(wb: Workbook, name: string): SheetEntry {
  const sheet = wb.sheet(name);
  if (!sheet) throw new XlsxPatchError(`工作簿中找不到工作表“${name}”。请确认没有在运行期间改名或删除。`);
  if (!sheet.isWorksheet) throw new XlsxPatchError(`“${name}”不是普通工作表（可能是图表工作表），无法写入。`);
  return sheet;
}

/** The plan's blocks as per-sheet, per-row cell writes (a later block wins where two write one cell). */
function collectEdits(wb: Workbook, styles: Styles, edits: WorkbookEdits): Map<SheetEntry, SheetEdits> {
  const { plan } = edits;
  const out = new Map<SheetEntry, SheetEdits>();
  const editsOf = (name: string) => {
    const sheet = worksheetOf(wb, name);
    let e = out.get(sheet);
    if (!e) out.set(sheet, (e = { rows: new Map(), widths: new Map(), minHeights: new Map() }));
    return e;
  };
  // Appended column → the column whose cells' look it borrows, and its width.
  const borrows = new Map<string, number>();
  const widths = new Map<string, number>();
  for (const c of plan.columns) {
    if (!c.appended) continue;
    if (c.widthChars !== undefined) {
      editsOf(c.sheet).widths.set(c.col, c.widthChars);
      widths.set(`${c.sheet}\u0000${c.col}`, c.widthChars);
    }
    if (c.styleFromCol !== undefined) borrows.set(`${c.sheet}\u0000${c.col}`, c.styleFromCol);
  }
  for (const block of plan.blocks) addBlock(editsOf(block.sheet), block, styles, (col) => borrows.get(`${block.sheet}\u0000${col}`), (col) => widths.get(`${block.sheet}\u0000${col}`));
  for (const e of out.values()) {
    for (const [row, writes] of e.rows) {
      if (writes.length < 2) continue;
      const byCol = new Map(writes.map((w) => [w.col, w]));
      e.rows.set(row, [...byCol.values()].sort((a, b) => a.col - b.col));
    }
  }
  return out;
}

function addBlock(e: SheetEdits, block: PlanBlock, styles: Styles, styleSourceOf: (col: number) => number | undefined, widthOf: (col: number) => number | undefined): void {
  const numFmtId = block.numberFormat ? styles.numFmtId(block.numberFormat) : undefined;
  block.values.forEach((values, i) => {
    const row = block.top + i;
    values.forEach((value, j) => {
      const col = block.left + j;
      const source = styleSourceOf(col);
      const borrow = source !== undefined;
      const wrap = borrow && (block.role === 'note' || block.role === 'check');
      // A wrapped note shows in full only in a row tall enough for it: no program refits rows on opening.
      const width = widthOf(col);
      if (wrap && width !== undefined && typeof value === 'string' && wrappedLines(value, width) > 1) {
        const need = wrappedHeightPt(value, width);
        if (need > (e.minHeights!.get(row) ?? 0)) e.minHeights!.set(row, need);
      }
      const write: CellWrite = {
        col,
        value,
        // A new column borrows the look of its row's last table cell (borders, header fill) but not
        // its number format: a note under a money column is not money, and the neighbour may be the
        // 执行率 column this same plan formats, which would make a second run differ from the first.
        numFmtId: borrow ? (numFmtId ?? 0) : numFmtId,
        styleFromCol: source,
        wrap,
      };
      // A row's first write starts an array of one: [] and push() would reserve 17 slots, 13 MB
      // over a check column on 100,000 payment rows.
      const writes = e.rows.get(row);
      if (writes) writes.push(write);
      else e.rows.set(row, [write]);
    });
  });
}

/** The output workbook's bytes; `codec` compresses (zlib in Node: node.ts; fflate in the browser page). */
export async function patchWorkbook(input: Uint8Array, edits: WorkbookEdits, codec: PatchCodec): Promise<Uint8Array> {
  const pkg = new Package(input, codec);
  const wb = new Workbook(pkg);
  const styles = new Styles(pkg, () => wb.stylesPart());
  let formulasChanged = false;
  let wroteCells = false;
  for (const [sheet, sheetEdits] of collectEdits(wb, styles, edits)) {
    const result = patchSheetXml(pkg.readBytes(sheet.part), sheetEdits, styles, sheet.name, codec);
    pkg.write(sheet.part, result.part);
    formulasChanged ||= result.formulasChanged;
    wroteCells ||= sheetEdits.rows.size > 0;
  }
  // A calculation chain means Excel saved the file and it has formulas, which may read what we wrote.
  if (wroteCells && wb.hasCalcChain()) wb.requestFullCalcOnLoad();
  if (formulasChanged) wb.dropCalcChain();
  if (edits.reportSheet) writeReportSheet(pkg, wb, styles, edits.reportSheet);
  if (edits.checklistSheet) writeChecklistSheet(pkg, wb, styles, edits.checklistSheet);
  if (edits.formSheet) writeFormSheet(pkg, wb, styles, edits.formSheet);
  styles.save();
  return await pkg.toBytes();
}
