/**
 * Rebuilding one row of a sheet into the output: each write becomes a new cell (or replaces the
 * one at its column), shared-formula dependents get their own <f>, and every other cell is copied
 * as its original bytes. The row's start tag is kept unless its r or spans must change.
 */
import { cellRef } from '../../core';
import { renderCell } from './cells';
import { ColumnRange, columnStyle } from './sheet-head';
import type { CellWrite } from './sheet-patch';
import { CellSpan, RowSpan, cellStyle, formulaOf } from './sheet-rows';
import type { Latin1Bytes } from './latin1';
import { Splice } from './splice';
import { Styles } from './styles';
import { attrOf, escapeText, removeAttr, setAttr } from './xml';

/** One change to a row, in column order: a plan write, or a shared-formula dependent given its own text. */
export type RowOp = CellWrite | { col: number; formula: string };

/** The part being edited, read one character per byte (see sheet-rows.ts and latin1.ts), and its element prefix. */
export class SheetSource {
  constructor(readonly bytes: Latin1Bytes, readonly p: string, readonly where: string) {}

  decode(from: number, to: number): string {
    return this.bytes.utf8(from, to);
  }

  /** A start tag's text: ASCII in practice, so the latin1 view serves; decoded properly if not. */
  tag(from: number, to: number): string {
    const s = this.bytes.slice(from, to);
    return /[^\x00-\x7f]/.test(s) ? this.decode(from, to) : s;
  }
}

const WRAP_TOP = { wrapText: '1', vertical: 'top' };

export class RowWriter {
  private readonly styleMemo = new Map<number, number>();

  constructor(
    private readonly src: SheetSource,
    private readonly out: Splice,
    private readonly styles: Styles,
    private readonly cols: ColumnRange[],
    private readonly minHeights?: Map<number, number>,
  ) {}

  /**
   * Emits the row (inserted when `span` is undefined) with `ops` applied; `cells` are its parsed
   * cells — all of them, or just the last when every op lands after it. Returns the columns written.
   */
  write(row: number, span: RowSpan | undefined, cells: CellSpan[], ops: RowOp[]): number[] {
    const { src, out, p } = { src: this.src, out: this.out, p: this.src.p };
    const startTag = span ? src.tag(span.start, span.openEnd) : `<${p}row r="${row + 1}">`;
    // customFormat="1" (LibreOffice writes "true") gives the row a style that new cells take.
    const custom = startTag.indexOf('customFormat') >= 0 ? attrOf(startTag, 'customFormat') : undefined;
    const rowStyle = custom === '1' || custom === 'true' ? Number(attrOf(startTag, 's') ?? 0) : undefined;

    // Each op against the existing cell at its column (if any), rendered before anything is emitted.
    const changes: { existing: CellSpan | undefined; at: number | undefined; xml: string | undefined }[] = [];
    const written: number[] = [];
    let k = 0;
    for (const op of ops) {
      while (k < cells.length && cells[k].col < op.col) k++;
      const existing = cells[k]?.col === op.col ? cells[k] : undefined;
      const xml = 'formula' in op ? this.dependentCell(existing!, row, op.formula) : this.writtenCell(op, row, existing, cells, rowStyle);
      changes.push({ existing, at: existing?.start ?? cells[k]?.start, xml });
      if (xml !== undefined && !('formula' in op)) written.push(op.col);
    }
    if (!span && !written.length) return written;

    let tag = tallEnough(widenSpans(span && !span.hasR ? setAttr(startTag, 'r', String(row + 1)) : startTag, written), this.minHeights?.get(row));
    if (tag.endsWith('/>')) tag = `${tag.slice(0, -2).replace(/\s+$/, '')}>`;
    if (span && tag === startTag) out.copy(span.start, span.openEnd);
    else out.insert(tag);
    const bodyEnd = !span ? 0 : span.selfClosing ? span.openEnd : span.end - `</${p}row>`.length;
    let cursor = span ? span.openEnd : 0;
    let i = 0;
    // Copies original cells; once a cell is inserted before them, cells without r need one.
    const copyCells = (to: number) => {
      for (; i < cells.length && cells[i].start < to; i++) {
        const c = cells[i];
        if (c.hasR) continue;
        out.copy(cursor, c.start);
        out.insert(setAttr(src.tag(c.start, c.tagEnd), 'r', cellRef(row, c.col)));
        cursor = c.tagEnd;
      }
      out.copy(cursor, to);
      cursor = to;
    };
    for (const { existing, at, xml } of changes) {
      if (xml === undefined) continue;
      copyCells(at ?? bodyEnd);
      out.insert(xml);
      if (existing) {
        cursor = existing.end;
        i = cells.indexOf(existing) + 1;
      }
    }
    copyCells(bodyEnd);
    if (span && !span.selfClosing) out.copy(bodyEnd, span.end);
    else out.insert(`</${p}row>`);
    return written;
  }

  /** The cell for a plan write, or undefined when it would be an empty, unstyled cell that need not exist. */
  private writtenCell(w: CellWrite, row: number, existing: CellSpan | undefined, cells: CellSpan[], rowStyle: number | undefined): string | undefined {
    // A new cell takes the row's style if it has one, else its column's (as Excel does when you type).
    const defaultStyle = (col: number) => rowStyle ?? columnStyle(this.cols, col) ?? 0;
    let base: number;
    if (w.styleFromCol !== undefined) {
      const from = cells.find((c) => c.col === w.styleFromCol);
      base = from ? cellStyle(this.src.bytes, from) : defaultStyle(w.styleFromCol);
    } else base = existing ? cellStyle(this.src.bytes, existing) : defaultStyle(w.col);
    let style = base;
    if (w.numFmtId !== undefined || w.wrap) {
      const key = (base * 65536 + (w.numFmtId ?? 65535)) * 2 + (w.wrap ? 1 : 0);
      style = this.styleMemo.get(key) ?? this.styles.xfWith(base, { numFmtId: w.numFmtId, alignment: w.wrap ? WRAP_TOP : undefined });
      this.styleMemo.set(key, style);
    }
    return existing || w.value !== '' || style !== 0 ? renderCell(this.src.p, cellRef(row, w.col), style, w.value) : undefined;
  }

  /** A shared-formula dependent keeps its cell, cached value included; only <f> changes. */
  private dependentCell(cell: CellSpan, row: number, formula: string): string {
    const p = this.src.p;
    const cellXml = this.src.decode(cell.start, cell.end);
    const f = formulaOf(cellXml, p)!;
    const tagEnd = cellXml.indexOf('>') + 1;
    const tag = cell.hasR ? cellXml.slice(0, tagEnd) : setAttr(cellXml.slice(0, tagEnd), 'r', cellRef(row, cell.col));
    return tag + cellXml.slice(tagEnd, f.start) + `<${p}f>${escapeText(formula)}</${p}f>` + cellXml.slice(f.end);
  }
}

/** The row's height raised to `minPt` when it is lower (or unset); a row a person made taller stays so. */
export function tallEnough(tag: string, minPt: number | undefined): string {
  if (minPt === undefined) return tag;
  const ht = Number(attrOf(tag, 'ht'));
  if (Number.isFinite(ht) && ht >= minPt) return tag;
  return setAttr(setAttr(tag, 'ht', String(minPt)), 'customHeight', '1');
}

/**
 * spans="1:16" grown to include the written columns. Only a hint for Excel, but some readers take
 * it as the row's extent and would miss an appended column. Read by hand: this runs for every row.
 */
export function widenSpans(tag: string, cols: number[]): string {
  if (!cols.length) return tag;
  const at = tag.indexOf(' spans="');
  // Spelled some other way: dropped rather than left wrong (it is optional; a wrong one is not).
  if (at < 0) return /\sspans\s*=/.test(tag) ? removeAttr(tag, 'spans') : tag;
  const start = at + 8;
  let i = start;
  let lo = 0;
  let hi = 0;
  for (let c = tag.charCodeAt(i); c >= 0x30 && c <= 0x39; c = tag.charCodeAt(++i)) lo = lo * 10 + c - 0x30;
  if (tag.charCodeAt(i) === 0x3a) for (let c = tag.charCodeAt(++i); c >= 0x30 && c <= 0x39; c = tag.charCodeAt(++i)) hi = hi * 10 + c - 0x30;
  // Anything but one "X:Y" (say "1:10 12:14") is dropped too.
  if (tag.charCodeAt(i) !== 0x22 || hi === 0) return removeAttr(tag, 'spans');
  let newLo = lo;
  let newHi = hi;
  for (const c of cols) {
    if (c + 1 < newLo) newLo = c + 1;
    if (c + 1 > newHi) newHi = c + 1;
  }
  return newLo === lo && newHi === hi ? tag : `${tag.slice(0, start)}${newLo}:${newHi}${tag.slice(i)}`;
}
