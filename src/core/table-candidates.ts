/**
 * Every table on a sheet, of every kind: header rows in the first HEADER_SEARCH_ROWS rows, split into
 * column blocks, each with its body; and the tables stacked below them, found where a body ends at
 * another header. The same header row over different blocks is different tables (side by side).
 */
import { TABLE_SPECS, TableKind, TableSpec } from './fields';
import { SheetSnapshot, WorkbookSnapshot, lastRow, rowAt } from './snapshot';
import { ColumnBlock, headerBlocks, mappingIsValid, resolveMatches, tableBlocks } from './table-blocks';
import { scanBody } from './table-body';
import { GENERATED_MARK_PREFIX, isGeneratedSheetName } from './generated-sheets';
import { Candidate, FORM_SHEET_NAME, HEADER_SEARCH_ROWS, NEVER_DATA_SHEET_NAMES, RESERVED_SHEET_PREFIX } from './table-location';
import { cellText } from './text';

export function isDataSheet(sheet: SheetSnapshot): boolean {
  if (sheet.name.startsWith(RESERVED_SHEET_PREFIX) || isGeneratedSheetName(sheet.name, NEVER_DATA_SHEET_NAMES)) return false;
  return !isGeneratedSheetName(sheet.name, [FORM_SHEET_NAME]) || !hasMarkInFirstRow(sheet);
}

/** Whether a sheet's first row holds a generated sheet's fingerprint (绩效自评表 keeps it in J1). */
function hasMarkInFirstRow(sheet: SheetSnapshot): boolean {
  const first = sheet.top === 0 ? sheet.values[0] : undefined;
  return !!first?.some((v) => typeof v === 'string' && v.startsWith(GENERATED_MARK_PREFIX));
}

export function isVisible(sheet: SheetSnapshot): boolean {
  return sheet.visibility !== 'hidden' && sheet.visibility !== 'veryHidden';
}

/** Limits a user's mapping puts on the search: header rows to try, columns and a last row. */
export interface SearchLimits {
  headerRows?: number[];
  left?: number;
  right?: number;
  bottom?: number;
}

const ALL_SPECS = (): TableSpec[] => Object.values(TABLE_SPECS);
/** Found once per sheet for both the funds and the payments search; a changed snapshot is searched again. */
const LAYOUTS = new WeakMap<SheetSnapshot, { specs: TableSpec[]; values: unknown; rows: number; tables: Candidate[] }>();

/** The tables of every kind on one sheet, top to bottom (cached per sheet for the default search). */
export function sheetTables(sheet: SheetSnapshot, specs: TableSpec[] = ALL_SPECS(), limits?: SearchLimits): Candidate[] {
  // Bodies end at a table of any kind, whichever kinds are looked for.
  const every = ALL_SPECS();
  if (!limits) {
    const cached = LAYOUTS.get(sheet);
    const same = cached && cached.values === sheet.values && cached.rows === sheet.values.length && cached.specs.length === specs.length && cached.specs.every((s, i) => s === specs[i]);
    if (same) return cached.tables;
  }
  const found: Candidate[] = [];
  const claimed: { top: number; bottom: number; left: number; right: number }[] = [];
  const queue: number[] = [];
  if (limits?.headerRows) queue.push(...limits.headerRows);
  else {
    const last = Math.min(HEADER_SEARCH_ROWS - 1, lastRow(sheet));
    for (let r = sheet.top; r <= last; r++) if (rowAt(sheet, r)) queue.push(r);
  }
  const seen = new Set(queue);
  while (queue.length) {
    queue.sort((a, b) => a - b);
    const row = queue.shift()!;
    let blocks = headerBlocks(sheet, row, every);
    if (limits?.left !== undefined || limits?.right !== undefined) {
      const lo = limits.left ?? -Infinity;
      const hi = limits.right ?? Infinity;
      blocks = blocks.filter((b) => b.right >= lo && b.left <= hi).map((b) => ({ left: Math.max(b.left, lo), right: Math.min(b.right, hi) }));
    }
    for (const spec of specs) {
      const parts = tableBlocks(sheet, row, blocks, spec);
      parts.forEach((part, i) => {
        const { block } = part;
        if (claimed.some((c) => row >= c.top && row <= c.bottom && block.left <= c.right && block.right >= c.left)) return;
        const m = resolveMatches(part.matches);
        if (!mappingIsValid(spec, m)) return;
        const above = claimed.filter((c) => c.bottom < row && c.left <= block.right && c.right >= block.left);
        // Its title area reaches to the neighbouring blocks that have header words (a lone 单位：元 is no neighbour).
        const before = parts.slice(0, i).reverse().find((p) => p.matches.length > 0);
        const after = parts.slice(i + 1).find((p) => p.matches.length > 0);
        const territory: ColumnBlock = { left: before ? before.block.right + 1 : sheet.left, right: after ? after.block.left - 1 : Number.MAX_SAFE_INTEGER };
        const titleTop = above.length ? Math.max(...above.map((c) => c.bottom + 1)) : sheet.top;
        const titles = titleCells(sheet, titleTop, row, territory);
        const body = scanBody(sheet, { headerRow: row, headerRows: m.headerRows, block, bottom: limits?.bottom, titles }, every, sheet.tables);
        found.push({
          kind: spec.kind,
          sheet,
          headerRow: row,
          headerRows: m.headerRows,
          left: block.left,
          right: block.right,
          columns: m.columns,
          headers: m.headers,
          duplicates: m.duplicates,
          score: m.score,
          dataEnd: body.dataEnd,
          repeatedHeaderRows: body.repeatedHeaderRows,
          stray: body.stray,
          titleTop,
          territory,
        });
        claimed.push({ top: row, bottom: Math.max(body.dataEnd, row + m.headerRows - 1), left: block.left, right: block.right });
        if (body.nextHeaderRow !== undefined && !seen.has(body.nextHeaderRow)) {
          seen.add(body.nextHeaderRow);
          queue.push(body.nextHeaderRow);
        }
      });
    }
  }
  if (!limits) LAYOUTS.set(sheet, { specs, values: sheet.values, rows: sheet.values.length, tables: found });
  return found;
}

/**
 * The tables of one kind in the workbook, in tab and sheet order: the finder every table kind uses.
 * `sheets` limits the search to some sheets; `limits` to a user's header row, columns or rows.
 */
export function findTableCandidates(snapshot: WorkbookSnapshot, kind: TableKind, options: { sheets?: string[]; limits?: SearchLimits } = {}): Candidate[] {
  const out: Candidate[] = [];
  for (const sheet of snapshot.sheets) {
    if (options.sheets ? !options.sheets.includes(sheet.name) : !isDataSheet(sheet)) continue;
    // A user's limits look for the wanted kind only: the sheet's other tables do not get in its way.
    const tables = options.limits ? sheetTables(sheet, [TABLE_SPECS[kind]], options.limits) : sheetTables(sheet);
    out.push(...tables.filter((t) => t.kind === kind));
  }
  return out;
}

/** The texts of the rows above a header, within its title area. */
function titleCells(sheet: SheetSnapshot, top: number, headerRow: number, area: ColumnBlock): string[] {
  const out: string[] = [];
  for (let r = top; r < headerRow; r++) {
    const values = rowAt(sheet, r);
    if (!values) continue;
    const end = Math.min(area.right, sheet.left + values.length - 1);
    for (let c = Math.max(area.left, sheet.left); c <= end; c++) {
      const t = cellText(values[c - sheet.left] ?? null);
      if (t) out.push(t);
    }
  }
  return out;
}
