/**
 * A header row split into column blocks, and one block's cells mapped to fields. A table is a header
 * over a contiguous run of columns: two tables side by side (this year's A:H, last year's J:Q) are two
 * blocks, each with only its own columns. A blank column under a merged 其中 (the sub-headers sit in
 * the row below) does not split a block; a blank spacer column inside a table does not either, when the
 * columns beyond it are no table of their own and add fields the table lacks.
 */
import { FieldSpec, TableSpec } from './fields';
import { matchHeader, normalizeHeader } from './headers';
import { CellValue, SheetSnapshot, isBlank, rowAt } from './snapshot';
import { cellText } from './text';

export interface ColumnBlock {
  left: number;
  right: number;
}

/** One header cell recognised as a field (from the header row, or the sub-header row below it). */
export interface ColumnMatch {
  col: number;
  field: string;
  quality: 1 | 2;
  len: number;
  text: string;
  /** False when the words come from the row below (a sub-header under 其中). */
  own: boolean;
}

/** The fields of one block, as the detector scores them. */
export interface BlockMapping {
  columns: Record<string, number>;
  headers: Record<string, string>;
  duplicates: { field: string; col: number; kept: number }[];
  /** Sum of the recognised fields' match qualities; 0 when the row has no header words of its own. */
  score: number;
  headerRows: 1 | 2;
}

const value = (row: CellValue[] | undefined, sheet: SheetSnapshot, col: number): CellValue => {
  const v = row?.[col - sheet.left];
  return v === undefined ? null : v;
};

/** Header words of every kind, compared form → true, so a sub-header cell is recognised whatever the table. */
function isHeaderWord(text: string, specs: TableSpec[]): boolean {
  for (const spec of specs) {
    const m = matchHeader(text, spec.fields);
    if (m && m.quality === 2) return true;
  }
  return false;
}

/**
 * The column blocks of a header row: runs of non-blank header cells. A blank cell bridges when a
 * merged area covers it (其中 over three columns) or when the row below has a header word there.
 */
export function headerBlocks(sheet: SheetSnapshot, row: number, specs: TableSpec[]): ColumnBlock[] {
  const top = rowAt(sheet, row);
  const below = rowAt(sheet, row + 1);
  const width = Math.max(top?.length ?? 0, below?.length ?? 0);
  const occupied: boolean[] = new Array(width).fill(false);
  for (let i = 0; i < width; i++) {
    const col = sheet.left + i;
    if (!isBlank(value(top, sheet, col))) occupied[i] = true;
    else {
      const b = value(below, sheet, col);
      if (typeof b === 'string' && b.trim() !== '' && isHeaderWord(b, specs)) occupied[i] = true;
    }
  }
  for (const m of sheet.merges ?? []) {
    if (m.top > row || m.bottom < row || m.left === m.right) continue;
    // A merged header cell spans its columns only if its own top-left holds the words.
    if (isBlank(value(rowAt(sheet, m.top), sheet, m.left))) continue;
    for (let c = Math.max(m.left, sheet.left); c <= m.right && c - sheet.left < width; c++) occupied[c - sheet.left] = true;
  }
  const blocks: ColumnBlock[] = [];
  for (let i = 0; i < width; i++) {
    if (!occupied[i]) continue;
    const last = blocks[blocks.length - 1];
    if (last && last.right === sheet.left + i - 1) last.right++;
    else blocks.push({ left: sheet.left + i, right: sheet.left + i });
  }
  return blocks;
}

/** The cells of a block that name a field of the spec, from the header row or (under 其中 or a blank) the row below. */
export function columnMatches(sheet: SheetSnapshot, row: number, block: ColumnBlock, fields: FieldSpec<string>[]): ColumnMatch[] {
  const top = rowAt(sheet, row);
  const below = rowAt(sheet, row + 1);
  const out: ColumnMatch[] = [];
  const spans = (sheet.merges ?? []).filter((m) => m.top <= row && m.bottom === row && m.left < m.right && m.right >= block.left && m.left <= block.right);
  for (let col = block.left; col <= block.right; col++) {
    const upper = cellText(value(top, sheet, col));
    let text = upper;
    let match = upper ? matchHeader(upper, fields) : undefined;
    let own = true;
    const upperIsSpan = upper === '' || normalizeHeader(upper) === '';
    // A cell merged across columns of the header row (预算数 over 年初预算数 | 全年预算数, 执行情况 over
    // 执行数 | 执行率) names a group of columns; the row below names each one. Where merges are unknown
    // (Excel before ExcelApi 1.13) a merge looks like its words followed by blank cells, over a row that
    // names each of those columns itself: the same reading then, so both shells map the same columns.
    const spanned = spans.some((m) => m.left <= col && col <= m.right) || looksLikeGroupTitle(top, below, sheet, col, block, fields);
    if ((!match || upperIsSpan || spanned) && below) {
      const lower = cellText(value(below, sheet, col));
      const m2 = lower ? matchHeader(lower, fields) : undefined;
      if (m2 && m2.quality === 2 && (upperIsSpan || spanned || /^其中/.test(upper))) {
        match = m2;
        text = lower;
        own = false;
      }
    }
    if (match) out.push({ col, field: match.field, quality: match.quality, len: match.synonymLength, text, own });
  }
  return out;
}

/** Words in the header row with a blank cell after them, over two columns each named by the row below. */
function looksLikeGroupTitle(top: CellValue[] | undefined, below: CellValue[] | undefined, sheet: SheetSnapshot, col: number, block: ColumnBlock, fields: FieldSpec<string>[]): boolean {
  if (!below || col >= block.right || normalizeHeader(cellText(value(top, sheet, col))) === '') return false;
  if (!isBlank(value(top, sheet, col + 1))) return false;
  const namesOwnColumn = (c: number) => {
    const lower = cellText(value(below, sheet, c));
    return lower !== '' && matchHeader(lower, fields)?.quality === 2;
  };
  return namesOwnColumn(col) && namesOwnColumn(col + 1);
}

/** The best column per field among the matches (the exact word, then the longer synonym, then the first). */
export function resolveMatches(matches: ColumnMatch[]): BlockMapping {
  const best = new Map<string, ColumnMatch>();
  const duplicates: BlockMapping['duplicates'] = [];
  let own = 0;
  let second = false;
  for (const m of matches) {
    if (m.own) own++;
    else second = true;
    const prev = best.get(m.field);
    if (!prev) best.set(m.field, m);
    else if (m.quality > prev.quality || (m.quality === prev.quality && m.len > prev.len)) {
      duplicates.push({ field: m.field, col: prev.col, kept: m.col });
      best.set(m.field, m);
    } else duplicates.push({ field: m.field, col: m.col, kept: prev.col });
  }
  const columns: Record<string, number> = {};
  const headers: Record<string, string> = {};
  let score = 0;
  for (const [field, m] of best) {
    columns[field] = m.col;
    headers[field] = m.text;
    score += m.quality;
  }
  // A row with no header words of its own is a title or a blank above the header, not the header.
  if (own === 0) score = 0;
  return { columns, headers, duplicates, score, headerRows: second ? 2 : 1 };
}

export function mappingIsValid(spec: TableSpec, m: Pick<BlockMapping, 'columns' | 'score'>): boolean {
  if (m.score === 0) return false;
  if (!spec.required.every((f) => f in m.columns)) return false;
  return spec.accepts ? spec.accepts(m.columns) : true;
}

function outputOnly(spec: TableSpec, matches: ColumnMatch[]): boolean {
  return matches.length > 0 && matches.every((m) => spec.fields.find((f) => f.field === m.field)?.output);
}

/**
 * The blocks of a header row as tables of one kind: a block whose fields repeat (two tables with no
 * blank column between them) is split where both halves are complete tables; a block that is no table
 * of its own is joined to its neighbour across a spacer column when their fields do not overlap —
 * except the add-in's own output columns (执行率, 偏差说明, 校验提示) standing apart, which belong to
 * whichever table the run chose.
 */
export function tableBlocks(sheet: SheetSnapshot, row: number, blocks: ColumnBlock[], spec: TableSpec): { block: ColumnBlock; matches: ColumnMatch[] }[] {
  let parts = blocks.map((block) => ({ block, matches: columnMatches(sheet, row, block, spec.fields) }));
  parts = parts.flatMap((p) => splitRepeated(p.block, p.matches, spec));
  const valid = (p: { matches: ColumnMatch[] }) => mappingIsValid(spec, resolveMatches(p.matches));
  for (let i = 0; i + 1 < parts.length; ) {
    const a = parts[i];
    const b = parts[i + 1];
    const fieldsA = new Set(a.matches.map((m) => m.field));
    const overlap = b.matches.some((m) => fieldsA.has(m.field));
    const join =
      b.block.left - a.block.right <= 2 &&
      a.matches.length > 0 &&
      b.matches.length > 0 &&
      !overlap &&
      !outputOnly(spec, a.matches) &&
      !outputOnly(spec, b.matches) &&
      (!valid(a) || !valid(b));
    if (join) parts.splice(i, 2, { block: { left: a.block.left, right: b.block.right }, matches: [...a.matches, ...b.matches] });
    else i++;
  }
  return parts;
}

/** Split a block at the column where its fields start over, when both halves are complete tables. */
function splitRepeated(block: ColumnBlock, matches: ColumnMatch[], spec: TableSpec): { block: ColumnBlock; matches: ColumnMatch[] }[] {
  if (new Set(matches.map((m) => m.field)).size === matches.length) return [{ block, matches }];
  const dups = (list: ColumnMatch[]) => list.length - new Set(list.map((m) => m.field)).size;
  let best: { start: number; rank: number[] } | undefined;
  for (const m of matches.slice(1)) {
    const left = matches.filter((x) => x.col < m.col);
    const right = matches.filter((x) => x.col >= m.col);
    if (!mappingIsValid(spec, resolveMatches(left)) || !mappingIsValid(spec, resolveMatches(right))) continue;
    // Fewest repeated fields on either side, then where the fields start over with the block's first field.
    const rank = [dups(left) + dups(right), m.field === matches[0].field ? 0 : 1];
    if (!best || rank[0] < best.rank[0] || (rank[0] === best.rank[0] && rank[1] < best.rank[1])) best = { start: m.col, rank };
  }
  if (!best) return [{ block, matches }];
  const start = best.start;
  return [
    { block: { left: block.left, right: start - 1 }, matches: matches.filter((x) => x.col < start) },
    ...splitRepeated({ left: start, right: block.right }, matches.filter((x) => x.col >= start), spec),
  ];
}
