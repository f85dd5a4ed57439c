/**
 * Sheets the tool generates (自评报告, 核对清单, 绩效自评表) carry a fingerprint of what was written:
 * a hidden cell holding "jixiao-generated:v1:<hash of every other cell's text>". Regenerating
 * compares the sheet as it is now with its fingerprint: unchanged, it is replaced in place; changed
 * since (a 【请填写】 filled, a sentence reworded) or of unknown origin, it is kept as it is and the
 * new sheet goes to "自评报告 (2)". Pure: both shells read the sheet into a SheetSnapshot and ask here.
 */
import type { CellValue, SheetSnapshot } from './snapshot';

export const GENERATED_MARK_PREFIX = 'jixiao-generated:v1:';

/** A cell as a generator writes it: 0-based position and its text. */
export interface GeneratedCell {
  row: number;
  col: number;
  text: string;
}

/** Where a generated sheet keeps its fingerprint, and the text to write there. */
export interface GeneratedMark {
  row: number;
  col: number;
  text: string;
}

/**
 * Two 32-bit FNV-1a-style lanes over the UTF-16 code units: a change detector, not a secret. Fed
 * piece by piece (the pieces of one long text, whose whole length is known first), so a sheet of
 * 100,000 cells is hashed without joining its text into one string.
 */
class TextHash {
  private h1 = 0x811c9dc5;
  private h2: number;

  constructor(length: number) {
    this.h2 = 0x01000193 ^ length;
  }

  add(s: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  hex(): string {
    const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
    return hex(this.h1) + hex(this.h2);
  }
}

/** A cell's text as both shells read it back: "" for empty, numbers and booleans as JavaScript prints them. */
function cellText(v: CellValue | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/** The fingerprint of a sheet's cells (row-major, empty cells and the mark itself left out). */
export function fingerprintCells(cells: Iterable<GeneratedCell>): string {
  const sorted = [...cells].filter((c) => c.text !== '' && !c.text.startsWith(GENERATED_MARK_PREFIX)).sort((a, b) => a.row - b.row || a.col - b.col);
  // The hash of the lines "row,col<TAB>text" joined by "\n" (the form every stored mark was made from).
  const heads = sorted.map((c) => `${c.row},${c.col}\t`);
  let length = Math.max(0, sorted.length - 1);
  for (let i = 0; i < sorted.length; i++) length += heads[i].length + sorted[i].text.length;
  const hash = new TextHash(length);
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0) hash.add('\n');
    hash.add(heads[i]);
    hash.add(sorted[i].text);
  }
  return hash.hex();
}

/** The mark a generator writes into a hidden cell of the sheet it generates. */
export function generatedMark(cells: Iterable<GeneratedCell>, row: number, col: number): GeneratedMark {
  return { row, col, text: GENERATED_MARK_PREFIX + fingerprintCells(cells) };
}

/** Every non-empty cell of a sheet as read (sparse rows and holes allowed). */
export function sheetCells(sheet: SheetSnapshot): GeneratedCell[] {
  const out: GeneratedCell[] = [];
  sheet.values.forEach((row, r) => {
    if (!row) return;
    row.forEach((v, c) => {
      const text = cellText(v);
      if (text !== '') out.push({ row: sheet.top + r, col: sheet.left + c, text });
    });
  });
  return out;
}

export type GeneratedSheetState =
  /** No sheet of that name. */
  | 'absent'
  /** Ours, exactly as we wrote it: safe to replace. */
  | 'unchanged'
  /** Ours, changed since (or its fingerprint cell is gone): a person's edits, to keep. */
  | 'edited'
  /** No fingerprint: made by a person or an earlier version; kept. */
  | 'foreign';

/** What became of a generated sheet since it was written. */
export function generatedSheetState(sheet: SheetSnapshot | undefined): GeneratedSheetState {
  if (!sheet) return 'absent';
  const cells = sheetCells(sheet);
  const marks = cells.filter((c) => c.text.startsWith(GENERATED_MARK_PREFIX));
  if (marks.length !== 1) return marks.length ? 'edited' : 'foreign';
  return marks[0].text === GENERATED_MARK_PREFIX + fingerprintCells(cells) ? 'unchanged' : 'edited';
}

export interface GeneratedTarget {
  /** The sheet to write: the base name, or "自评报告 (2)" when the base sheet holds a person's edits. */
  sheetName: string;
  /** Whether a sheet of that name exists (unchanged since generated) and is replaced. */
  replaces: boolean;
  /** The sheets kept because they were changed since generated, in order (自评报告, 自评报告 (2) …). */
  kept: string[];
}

/** "自评报告 (2)", as Excel names a copied sheet; within Excel's 31 characters. */
export function numberedSheetName(base: string, n: number): string {
  const suffix = ` (${n})`;
  return base.slice(0, 31 - suffix.length) + suffix;
}

/** Sheet names compare as Excel compares them: without regard to case. */
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Where to write a generated sheet: the first of `base`, `base (2)`, `base (3)` … that is absent or
 * unchanged since generated. `sheetOf` gives a sheet as it is now, or `undefined` when there is none;
 * `names` lists every sheet (a chart sheet or an unread one counts as taken, never as ours).
 */
export function chooseGeneratedSheet(base: string, names: readonly string[], sheetOf: (name: string) => SheetSnapshot | undefined): GeneratedTarget {
  const kept: string[] = [];
  for (let n = 1; n < 1000; n++) {
    const name = n === 1 ? base : numberedSheetName(base, n);
    const existing = names.find((x) => sameName(x, name));
    if (existing === undefined) return { sheetName: name, replaces: false, kept };
    const state = generatedSheetState(sheetOf(existing));
    if (state === 'unchanged') return { sheetName: existing, replaces: true, kept };
    kept.push(existing);
  }
  throw new Error(`工作簿中“${base}”的副本过多，请删除不用的副本后重试。`);
}

/** Whether a sheet name is one of ours or a numbered copy of one (never read as a table). */
export function isGeneratedSheetName(name: string, bases: readonly string[]): boolean {
  return bases.some((b) => sameName(name, b) || new RegExp(`^${b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+\\)$`, 'i').test(name));
}
