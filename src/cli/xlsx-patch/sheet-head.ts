/**
 * Edits before <sheetData>: column widths in <cols> (splitting a <col min max> range around the
 * column we size, so neighbours keep theirs) and the <dimension> ref grown to cover new cells.
 */
import { columnLetters } from '../../core';
import { parseRef } from './sheet-rows';
import { attrOf, attrsOf, removeAttr, setAttr } from './xml';

export interface ColumnRange {
  min: number;
  max: number;
  style: number | undefined;
  /** The <col> element as written. */
  xml: string;
}

/** The <col> entries of every <cols> block (1-based min/max, as in the file). */
export function parseCols(head: string, p: string): ColumnRange[] {
  const out: ColumnRange[] = [];
  for (const block of head.matchAll(new RegExp(`<${p}cols\\b[^>]*>([\\s\\S]*?)</${p}cols>`, 'g'))) {
    for (const m of block[1].matchAll(new RegExp(`<${p}col\\b[^>]*?(?:/>|>\\s*</${p}col>)`, 'g'))) {
      const a = attrsOf(m[0]);
      // `<col …></col>` is written self-closing so attributes can be set on it as one tag.
      const xml = m[0].endsWith('/>') ? m[0] : `${m[0].slice(0, m[0].indexOf('>'))}/>`;
      out.push({ min: Number(a.min), max: Number(a.max), style: a.style === undefined ? undefined : Number(a.style), xml });
    }
  }
  return out;
}

/** The column's default style (the style a new cell in it takes), if a <col> gives one. */
export function columnStyle(cols: ColumnRange[], col: number): number | undefined {
  const n = col + 1;
  return cols.find((c) => c.min <= n && n <= c.max)?.style;
}

/**
 * Sets widths (0-based column → characters) and returns the new head. Every <cols> block is merged
 * into one at the first block's place: Excel writes one, and ranges in two could not be split safely.
 */
export function setColumnWidths(head: string, p: string, widths: Map<number, number>): string {
  if (widths.size === 0) return head;
  let cols = parseCols(head, p);
  for (const [col, width] of widths) {
    const n = col + 1;
    const i = cols.findIndex((c) => c.min <= n && n <= c.max);
    const sized = (xml: string) => removeAttr(setAttr(setAttr(setAttr(setAttr(xml, 'min', String(n)), 'max', String(n)), 'width', String(width)), 'customWidth', '1'), 'hidden');
    if (i < 0) {
      cols.push({ min: n, max: n, style: undefined, xml: `<${p}col min="${n}" max="${n}" width="${width}" customWidth="1"/>` });
      continue;
    }
    const c = cols[i];
    const parts: ColumnRange[] = [];
    if (c.min < n) parts.push({ ...c, max: n - 1, xml: setAttr(c.xml, 'max', String(n - 1)) });
    // The sized column is shown: an output column the user cannot see is lost work.
    parts.push({ ...c, min: n, max: n, xml: sized(c.xml) });
    if (n < c.max) parts.push({ ...c, min: n + 1, xml: setAttr(c.xml, 'min', String(n + 1)) });
    cols = [...cols.slice(0, i), ...parts, ...cols.slice(i + 1)];
  }
  cols.sort((a, b) => a.min - b.min);
  const block = `<${p}cols>${cols.map((c) => c.xml).join('')}</${p}cols>`;
  const re = new RegExp(`<${p}cols\\b[^>]*>[\\s\\S]*?</${p}cols>|<${p}cols\\b[^>]*/>`, 'g');
  const first = re.exec(head);
  if (!first) {
    // <cols> goes right before <sheetData> in CT_Worksheet's order.
    const at = head.lastIndexOf(`<${p}sheetData`);
    return at < 0 ? head + block : head.slice(0, at) + block + head.slice(at);
  }
  let placed = false;
  return head.replace(re, () => (placed ? '' : ((placed = true), block)));
}

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Grows <dimension ref> to include `b`; a sheet without the element keeps none (it is optional). */
export function growDimension(head: string, p: string, b: Bounds): string {
  const m = new RegExp(`<${p}dimension\\b[^>]*>`).exec(head);
  if (!m) return head;
  const [from, to = from] = (attrOf(m[0], 'ref') ?? '').split(':');
  const a = parseRef(from);
  const z = parseRef(to);
  const top = Math.min(a?.row ?? b.top, b.top);
  const left = Math.min(a?.col ?? b.left, b.left);
  const bottom = Math.max(z?.row ?? b.bottom, b.bottom);
  const right = Math.max(z?.col ?? b.right, b.right);
  const ref = top === bottom && left === right ? `${columnLetters(left)}${top + 1}` : `${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`;
  return head.slice(0, m.index) + setAttr(m[0], 'ref', ref) + head.slice(m.index + m[0].length);
}
