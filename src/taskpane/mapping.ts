/**
 * The mapping editor's logic, apart from its controls: which columns a header row offers, and how the
 * user's choices become a TableOverride (only what they changed, so the detector still does the rest).
 */
import {
  cellAt,
  columnLetters,
  isDataSheet,
  lastCol,
  MoneyUnit,
  SheetSnapshot,
  TableLocation,
  TableOverride,
  WorkbookSnapshot,
} from '../core';
import { cellText } from '../core/text';

/** Select values: "" keeps the detector's choice; NOT_USED tells it to ignore the field. */
export const AUTO = '';
export const NOT_USED = '-';

export interface HeaderColumn {
  letter: string;
  text: string;
}

export interface MappingDraft {
  /** '' = found automatically. */
  sheet: string;
  /** 1-based, as Excel shows it; '' = found automatically. */
  headerRow: string;
  /**
   * The table's block on the sheet as Excel writes it ("J3:Q40"), chosen among the tables the detector
   * found (two side by side or stacked); '' = found automatically.
   */
  range: string;
  unit: '' | MoneyUnit;
  /** Field → letter, or null for "not used"; absent = automatic. */
  columns: Record<string, string | null>;
}

export const MAX_ROW = 1_048_576;

export function dataSheetNames(snapshot: WorkbookSnapshot | undefined): string[] {
  return snapshot ? snapshot.sheets.filter(isDataSheet).map((s) => s.name) : [];
}

/**
 * The columns of a header row with their text. Under a two-row header, a blank or 其中 cell takes
 * the text below it (财政拨款 under 其中), as the detector reads it.
 */
export function headerColumns(sheet: SheetSnapshot, headerRow0: number, headerRows: number, block?: { left: number; right: number }): HeaderColumn[] {
  const out: HeaderColumn[] = [];
  const first = Math.max(sheet.left, block?.left ?? 0);
  const last = Math.min(lastCol(sheet), block?.right ?? Number.MAX_SAFE_INTEGER);
  for (let col = first; col <= last; col++) {
    const top = cellText(cellAt(sheet, headerRow0, col));
    const below = headerRows > 1 ? cellText(cellAt(sheet, headerRow0 + 1, col)) : '';
    const text = below && (!top || /^其中/.test(top)) ? below : top;
    out.push({ letter: columnLetters(col), text });
  }
  // Trailing columns with no header are not worth offering.
  while (out.length && !out[out.length - 1].text) out.pop();
  return out;
}

/** "F · 全年预算数", or just "F" under a blank header. */
export function columnLabel(c: HeaderColumn): string {
  return c.text ? `${c.letter} · ${c.text}` : c.letter;
}

export function draftFrom(override: TableOverride | undefined): MappingDraft {
  return {
    sheet: override?.sheet ?? '',
    headerRow: override?.headerRow ? String(override.headerRow) : '',
    range: override?.range ?? '',
    unit: override?.unit ?? '',
    columns: { ...(override?.columns ?? {}) },
  };
}

export function parseHeaderRow(text: string): number | undefined | 'invalid' {
  const t = text.trim();
  if (!t) return undefined;
  if (!/^\d+$/.test(t)) return 'invalid';
  const n = Number(t);
  return n >= 1 && n <= MAX_ROW ? n : 'invalid';
}

/** The override to save, or undefined when nothing is overridden; 'invalid' for a bad header row. */
export function overrideFrom(draft: MappingDraft): TableOverride | undefined | 'invalid' {
  const headerRow = parseHeaderRow(draft.headerRow);
  if (headerRow === 'invalid') return 'invalid';
  const out: TableOverride = {};
  if (draft.sheet) out.sheet = draft.sheet;
  if (headerRow !== undefined) out.headerRow = headerRow;
  if (draft.range) out.range = draft.range;
  if (draft.unit) out.unit = draft.unit;
  if (Object.keys(draft.columns).length) out.columns = { ...draft.columns };
  return Object.keys(out).length ? out : undefined;
}

/** Where the editor reads header texts: the draft's sheet and row, else what was detected. */
export function editedHeader(
  snapshot: WorkbookSnapshot | undefined,
  table: TableLocation | undefined,
  draft: MappingDraft,
): { sheet?: SheetSnapshot; row0: number; rows: number; matchesDetection: boolean } {
  const names = dataSheetNames(snapshot);
  const sheetName = draft.sheet || table?.sheet || names[0];
  const sheet = snapshot?.sheets.find((s) => s.name === sheetName);
  const parsed = parseHeaderRow(draft.headerRow);
  const row0 = typeof parsed === 'number' ? parsed - 1 : table && table.sheet === sheetName ? table.headerRow : (sheet?.top ?? 0);
  const matchesDetection = Boolean(table && table.sheet === sheetName && table.headerRow === row0);
  return { sheet, row0, rows: matchesDetection && table ? table.headerRows : 1, matchesDetection };
}

/** The value a field's select shows for a draft. */
export function fieldValue(draft: MappingDraft, field: string): string {
  if (!(field in draft.columns)) return AUTO;
  return draft.columns[field] ?? NOT_USED;
}

/** The draft after the user picks a value for a field. */
export function withField(draft: MappingDraft, field: string, value: string): MappingDraft {
  const columns = { ...draft.columns };
  if (value === AUTO) delete columns[field];
  else columns[field] = value === NOT_USED ? null : value;
  return { ...draft, columns };
}

/** The detected column of a field as the editor labels it, when the detection applies to the draft. */
export function detectedLabel(table: TableLocation | undefined, field: string, headers: HeaderColumn[]): string | undefined {
  const col = table?.columns[field as keyof typeof table.columns];
  if (col === undefined) return undefined;
  const letter = columnLetters(col);
  return columnLabel(headers.find((h) => h.letter === letter) ?? { letter, text: table?.headers[field as keyof typeof table.headers] ?? '' });
}

/** A table's block without its sheet: "项目资金!J3:Q40" → "J3:Q40" (what TableOverride.range holds). */
export function blockOf(table: TableLocation): string {
  const bang = table.range.lastIndexOf('!');
  return bang >= 0 ? table.range.slice(bang + 1) : table.range;
}

/** The candidate a draft has chosen (by sheet and block), if any. */
export function chosenCandidate<T extends TableLocation>(candidates: readonly T[], draft: MappingDraft): T | undefined {
  if (!draft.range) return undefined;
  return candidates.find((c) => c.sheet === draft.sheet && blockOf(c) === draft.range);
}

/** Choosing a whole table replaces the sheet, header row and columns picked by hand: they belonged to another table. */
export function withCandidate(draft: MappingDraft, candidate: TableLocation | undefined): MappingDraft {
  if (!candidate) return { ...draft, sheet: '', range: '', headerRow: '', columns: {} };
  return { ...draft, sheet: candidate.sheet, range: blockOf(candidate), headerRow: '', columns: {} };
}

/**
 * The tables of one kind the user must choose between: the detector found several equally likely ones
 * and raised TABLE_AMBIGUOUS at the first one's header cell. Empty when nothing is ambiguous.
 */
export function ambiguousCandidates<T extends TableLocation>(candidates: readonly T[], issues: readonly { code: string; cell: string }[]): T[] {
  const cells = issues.filter((i) => i.code === 'TABLE_AMBIGUOUS').map((i) => i.cell);
  if (!cells.length || candidates.length < 2) return [];
  return candidates.some((c) => cells.some((cell) => c.range.startsWith(`${cell}:`) || c.range === cell)) ? [...candidates] : [];
}
