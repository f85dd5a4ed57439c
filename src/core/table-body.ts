/**
 * Where a table's body ends. It runs down from the header inside the table's own columns and stops at
 * the last row that belongs to it: before the title and header of a table stacked below it, or before
 * content after a blank gap that is no table row (a stray note far below). A row that repeats the
 * header (printed on every page) is part of the body and marked, so readers skip it.
 */
import { TableSpec } from './fields';
import { normalizeHeader } from './headers';
import { FOOTNOTE, HEADING, TOTAL_LABEL } from './read-cells';
import { CellValue, SheetSnapshot, SheetTable, isBlank, lastRow, rowAt } from './snapshot';
import { ColumnBlock, headerBlocks, mappingIsValid, resolveMatches, tableBlocks } from './table-blocks';
import { cellText, toHalfWidth } from './text';

export interface TableBody {
  /** Last row of the body; dataStart − 1 when the table has no rows. */
  dataEnd: number;
  /** Rows inside the body that repeat the header. */
  repeatedHeaderRows: number[];
  /** The header row of a table that starts below this one, if the body ended there. */
  nextHeaderRow?: number;
  /** The first cell of content below the body that is not part of it: a stray note. */
  stray?: { row: number; col: number };
}

export interface BodyInput {
  headerRow: number;
  headerRows: number;
  block: ColumnBlock;
  /** The last row the body may reach (a range the user gave). */
  bottom?: number;
  /** The table's own title texts: printed again with the header over a new page, they are no new table. */
  titles?: string[];
}

const NORMALISED = new Map<string, string>();

/** normalizeHeader, remembered: payment exports repeat the same texts a hundred thousand times. */
function normalised(s: string): string {
  let n = NORMALISED.get(s);
  if (n === undefined) {
    if (NORMALISED.size > 20_000) NORMALISED.clear();
    NORMALISED.set(s, (n = normalizeHeader(s)));
  }
  return n;
}

const TITLE_WORDS = /年|表|单位[:：]|情况|明细|汇总/;

const titleKey = (t: string) => toHalfWidth(t).replace(/\s+/g, '');

/** Not blank — the quick way for the common cell (a number, or text starting with a visible character). */
function filled(v: CellValue | undefined): boolean {
  if (v === null || v === undefined || v === '') return false;
  if (typeof v !== 'string') return true;
  const c = v.charCodeAt(0);
  return (c > 32 && c !== 0xa0 && c !== 0x3000) || v.trim() !== '';
}

/** A title row between two stacked tables: one or two text cells, naming a year, a table or a unit. */
function isTitleRow(cells: CellValue[]): boolean {
  if (cells.length === 0 || cells.length > 2) return false;
  if (!cells.every((v) => typeof v === 'string')) return false;
  const texts = cells.map((v) => toHalfWidth(String(v)).replace(/\s+/g, ''));
  if (texts.some((t) => TOTAL_LABEL.test(t) || HEADING.test(t))) return false;
  return texts.some((t) => TITLE_WORDS.test(t) || FOOTNOTE.test(t));
}

/** Whether a row is the header of some table (of any kind) over columns that overlap the block. */
export function startsTable(sheet: SheetSnapshot, row: number, block: ColumnBlock, specs: TableSpec[]): boolean {
  const blocks = headerBlocks(sheet, row, specs).filter((b) => b.left <= block.right && b.right >= block.left);
  if (blocks.length === 0) return false;
  return specs.some((spec) => tableBlocks(sheet, row, blocks, spec).some((p) => mappingIsValid(spec, resolveMatches(p.matches))));
}

export function scanBody(sheet: SheetSnapshot, input: BodyInput, specs: TableSpec[], tables: SheetTable[] = []): TableBody {
  const { headerRow, headerRows, block } = input;
  const { left, right } = block;
  const dataStart = headerRow + headerRows;
  const last = Math.min(lastRow(sheet), input.bottom ?? Infinity);
  const offset = sheet.left;

  // The header's words per column, to recognise a repeat of it.
  const headerTexts: string[][] = [];
  for (let h = 0; h < headerRows; h++) {
    const row = rowAt(sheet, headerRow + h);
    const texts: string[] = [];
    for (let c = left; c <= right; c++) texts.push(normalised(cellText(row?.[c - offset] ?? null)));
    headerTexts.push(texts);
  }
  const anchor = headerTexts[0].findIndex((t) => t !== '');
  const headerCells = headerTexts[0].filter((t) => t !== '').length;
  const repeats = (row: CellValue[] | undefined, h: number): boolean => {
    if (!row) return false;
    const want = headerTexts[h];
    const filled = want.filter((t) => t !== '').length;
    if (filled < 2 && h === 0) return false;
    let equal = 0;
    for (let i = 0; i < want.length; i++) {
      const v = row[left + i - offset];
      if (isBlank(v ?? null)) continue;
      if (typeof v !== 'string') return false;
      const t = normalised(v.trim());
      if (t === want[i] && t !== '') equal++;
      else if (t !== '') return false;
    }
    return equal >= Math.max(h === 0 ? 2 : 1, Math.ceil(filled * 0.8));
  };

  const body: TableBody = { dataEnd: dataStart - 1, repeatedHeaderRows: [] };
  /** Last content row that is not a title row, in a segment known to belong to the table. */
  let coreEnd = dataStart - 1;
  let confirmed = true;
  let gap = false;
  let pendingStart: { row: number; col: number } | undefined;
  let titlesSinceData = 0;
  const titleRows: { row: number; texts: string[] }[] = [];
  const ownTitles = new Set((input.titles ?? []).map(titleKey));
  // A row is looked at up to its third filled cell: enough to tell a title or a note (one or two cells).
  // Reused for every row (its first three filled cells): one array, not one per row of a 100,000-row table.
  const first3: CellValue[] = [null, null, null];
  for (let r = dataStart; r <= last; r++) {
    const row = rowAt(sheet, r);
    let count = 0;
    let firstCol = -1;
    if (row) {
      const end = Math.min(right, offset + row.length - 1);
      for (let c = left; c <= end; c++) {
        const v = row[c - offset];
        if (filled(v)) {
          if (firstCol < 0) firstCol = c;
          first3[count] = v;
          // Three filled cells make it no title, no note and no stray: enough is known.
          if (++count === 3) break;
        }
      }
    }
    if (count === 0) {
      if (body.dataEnd >= dataStart || pendingStart) gap = true;
      continue;
    }
    // A row of header words: printed again on a new page, or the header of the next table.
    const anchorValue = anchor >= 0 ? row![left + anchor - offset] : undefined;
    const headerLike = typeof anchorValue === 'string' && headerCells >= 2 && normalised(anchorValue.trim()) === headerTexts[0][anchor];
    // The same title and header again (a page copied below the last): a repeat as well, title rows included.
    const samePage = titlesSinceData > 0 && ownTitles.size > 0 && titleRows.slice(-titlesSinceData).every((t) => t.texts.every((x) => ownTitles.has(titleKey(x))));
    if (headerLike && (titlesSinceData === 0 || samePage) && repeats(row, 0)) {
      if (samePage) body.repeatedHeaderRows.push(...titleRows.slice(-titlesSinceData).map((t) => t.row));
      body.repeatedHeaderRows.push(r);
      if (headerRows === 2 && repeats(rowAt(sheet, r + 1), 1)) body.repeatedHeaderRows.push(++r);
      titlesSinceData = 0;
      continue;
    }
    if ((headerLike || gap || titlesSinceData > 0) && body.dataEnd >= dataStart && startsTable(sheet, r, block, specs)) {
      body.nextHeaderRow = r;
      body.dataEnd = coreEnd;
      pendingStart = undefined;
      break;
    }
    const cells = count <= 2 ? first3.slice(0, count) : first3;
    const title = count <= 2 && isTitleRow(cells);
    if (gap) {
      gap = false;
      confirmed = body.dataEnd < dataStart; // the first rows under the header always belong to it
      // A note under the table (注：…, 制表人：…) is no table row, and no stray either.
      const note = count === 1 && typeof cells[0] === 'string' && FOOTNOTE.test(toHalfWidth(cells[0]).replace(/\s+/g, ''));
      if (!confirmed && !note) pendingStart ??= { row: r, col: firstCol };
    }
    // After a blank gap, rows join the table once one of them looks like a table row (two or more cells).
    if (!confirmed && count >= 2 && !title) {
      confirmed = true;
      pendingStart = undefined;
    }
    if (confirmed) {
      body.dataEnd = r;
      if (!title) coreEnd = r;
    }
    titlesSinceData = title ? titlesSinceData + 1 : 0;
    if (title) titleRows.push({ row: r, texts: cells.map((v) => cellText(v)) });
  }
  if (pendingStart) body.stray = pendingStart;
  // An Excel table (ListObject) under this header runs to its own last row, its totals row included.
  for (const t of tables) {
    if (t.rect.top >= headerRow && t.rect.top < dataStart && t.rect.left <= right && t.rect.right >= left && t.rect.bottom > body.dataEnd) {
      body.dataEnd = Math.min(t.rect.bottom, last);
    }
  }
  return body;
}
