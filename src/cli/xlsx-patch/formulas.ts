/**
 * Formulas the plan's writes would break. A shared formula keeps its text in one cell (the master)
 * and its dependents refer to it by index; overwriting the master would leave them pointing at
 * nothing, so each surviving dependent is given its own formula, shifted as Excel would copy it.
 * Array formulas cannot be partly overwritten, so such writes are refused, as Excel refuses them.
 */
import { XlsxPatchError } from './errors';
import { shiftFormula } from './formula-shift';
import { CellSpan, FormulaInfo, RowSpan, findRow, formulaOf, parseRef } from './sheet-rows';
import type { Latin1Text } from './latin1';
import { attrOf, unescapeXml } from './xml';

export interface CellRange {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(ref: string | undefined): CellRange | undefined {
  if (!ref) return undefined;
  const [a, b = a] = ref.split(':');
  const from = parseRef(a);
  const to = parseRef(b);
  if (!from || !to) return undefined;
  return { ref, top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

interface Master {
  row: number;
  col: number;
  si: string | undefined;
  text: string;
  range: CellRange | undefined;
}

export class SharedFormulas {
  private readonly masters: Master[] = [];

  constructor(private readonly p: string) {}

  masterOverwritten(row: number, col: number, f: FormulaInfo): void {
    this.masters.push({ row, col, si: f.si, text: unescapeXml(f.text), range: parseRange(f.ref) });
  }

  /** Row → column → the formula text each surviving dependent of an overwritten master must now carry. */
  dependents(rows: RowSpan[], cellsOf: (span: RowSpan) => CellSpan[], decode: (from: number, to: number) => string, isWritten: (row: number, col: number) => boolean): Map<number, Map<number, string>> {
    const out = new Map<number, Map<number, string>>();
    for (const m of this.masters) {
      // The master's ref bounds its dependents; without one (non-standard), look below it.
      const r = m.range ?? { top: m.row, left: 0, bottom: Infinity, right: Infinity };
      for (let i = findRow(rows, r.top); i < rows.length && rows[i].row <= r.bottom; i++) {
        const row = rows[i].row;
        for (const cell of cellsOf(rows[i])) {
          if (cell.col < r.left || cell.col > r.right || isWritten(row, cell.col)) continue;
          const f = formulaOf(decode(cell.start, cell.end), this.p);
          if (!f || f.type !== 'shared' || f.si !== m.si || f.text) continue;
          const cols = out.get(row) ?? new Map<number, string>();
          cols.set(cell.col, shiftFormula(m.text, row - m.row, cell.col - m.col));
          out.set(row, cols);
        }
      }
    }
    return out;
  }
}

/** Offsets of every <f> element in the sheet data, found in one pass (none in most sheets). */
export function formulaOffsets(bytes: Latin1Text, p: string, from: number, to: number): number[] {
  const out: number[] = [];
  const open = `<${p}f`;
  for (let i = bytes.indexOf(open, from); i >= 0 && i < to; i = bytes.indexOf(open, i + open.length)) {
    const c = bytes.charCodeAt(i + open.length);
    if (c === 0x3e || c === 0x2f || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) out.push(i);
  }
  return out;
}

/** Whether any of the sorted offsets falls in [from, to). */
export function hasOffsetIn(sorted: number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] < to;
}

/** Writing part of an array formula's range is what Excel refuses too ("不能更改数组的某一部分"). */
export function checkArrayFormulas(bytes: Latin1Text, formulaAt: number[], writes: Map<number, { col: number }[]>, where: string): void {
  for (const at of formulaAt) {
    const tag = bytes.slice(at, bytes.indexOf('>', at) + 1);
    const t = attrOf(tag, 't');
    const r = t === 'array' || t === 'dataTable' ? parseRange(attrOf(tag, 'ref')) : undefined;
    if (!r) continue;
    let inside = 0;
    for (let row = r.top; row <= r.bottom; row++) for (const w of writes.get(row) ?? []) if (w.col >= r.left && w.col <= r.right) inside++;
    const area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (inside > 0 && inside < area) {
      throw new XlsxPatchError(`“${where}”的 ${r.ref} 是数组公式区域，本工具要写入其中一部分单元格。请先在 Excel 中把该区域的公式转为数值（复制后“选择性粘贴→数值”）或删除后重试。`);
    }
  }
}
