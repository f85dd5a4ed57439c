/**
 * Additions to xl/styles.xml: number formats, fonts, and cell formats (xf) derived from a cell's
 * current one. Existing entries are never changed or renumbered — cells elsewhere point at them by
 * index — new ones are appended and deduplicated, and the count attributes follow.
 */
import { RESAVE_ADVICE, XlsxPatchError } from './errors';
import { Package } from './package';
import { addOverride } from './workbook';
import { attrsOf, escapeAttr, rootOf, unescapeXml } from './xml';

/** Format codes Excel knows by id without a <numFmt> entry. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11, '@': 49 };

/** Sections of CT_Stylesheet in schema order, so a missing one can be inserted in its place. */
const SECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Alignment attributes to merge into an xf (wrapText, vertical, horizontal). */
export type Alignment = Record<string, string>;

export interface XfChange {
  numFmtId?: number;
  fontId?: number;
  /** A solid fill (see fillId). */
  fillId?: number;
  /** A border (see thinBorderId). */
  borderId?: number;
  alignment?: Alignment;
}

interface Xf {
  attrs: [string, string][];
  alignment?: Alignment;
  /** protection / extLst children, kept as written. */
  rest: string;
}

interface Section {
  items: string[];
  added: string[];
}

export class Styles {
  private xml = '';
  private p = '';
  private loaded = false;
  private readonly sections = new Map<string, Section>();
  private readonly xfIndex = new Map<string, number>();
  private readonly derived = new Map<string, number>();
  private formats?: Map<string, number>;
  private changed = false;

  /** `part()` names the styles part (relating one to the workbook if needed); read on first use only. */
  constructor(private readonly pkg: Package, private readonly stylesPart: () => string) {}

  private get part(): string {
    return this.stylesPart();
  }

  private load(): void {
    if (this.loaded) return;
    const part = this.part;
    if (!this.pkg.has(part)) {
      // Some generators leave styles.xml out; we need one to carry the formats.
      this.pkg.write(part, MINIMAL_STYLES);
      addOverride(this.pkg, part, 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');
    }
    this.xml = this.pkg.read(part);
    this.p = rootOf(this.xml, 'styleSheet', part).prefix;
    this.loaded = true;
  }

  private section(name: string, item: string): Section {
    this.load();
    let s = this.sections.get(name);
    if (!s) {
      const m = new RegExp(`<${this.p}${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${this.p}${name}>)`).exec(this.xml);
      const items = m?.[1] ? [...m[1].matchAll(new RegExp(`<${this.p}${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${this.p}${item}>)`, 'g'))].map((x) => x[0]) : [];
      s = { items, added: [] };
      this.sections.set(name, s);
    }
    return s;
  }

  private append(name: string, item: string, element: string): number {
    const s = this.section(name, item);
    s.added.push(element);
    this.changed = true;
    return s.items.length + s.added.length - 1;
  }

  /** The id for a number format code: built-in, already declared, or a new <numFmt> (id ≥ 164). */
  numFmtId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    if (!this.formats) {
      this.formats = new Map();
      for (const el of this.section('numFmts', 'numFmt').items) {
        const a = attrsOf(el);
        if (a.formatCode !== undefined && !this.formats.has(a.formatCode)) this.formats.set(a.formatCode, Number(a.numFmtId));
      }
    }
    const known = this.formats.get(code);
    if (known !== undefined) return known;
    const id = Math.max(163, ...this.formats.values()) + 1;
    this.formats.set(code, id);
    this.append('numFmts', 'numFmt', `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** A font for the report sheet: the first family named, with size and weight; returns its index. */
  fontId(name: string, sizePt: number, bold: boolean): number {
    this.load();
    const p = this.p;
    // charset 134 (GB2312) tells Excel the face is Chinese, as it writes for 仿宋/黑体 itself.
    const el = `<${p}font>${bold ? `<${p}b/>` : ''}<${p}sz val="${sizePt}"/><${p}name val="${escapeAttr(name)}"/><${p}charset val="134"/></${p}font>`;
    const fonts = this.section('fonts', 'font');
    const i = fonts.items.indexOf(el);
    if (i >= 0) return i;
    const j = fonts.added.indexOf(el);
    return j >= 0 ? fonts.items.length + j : this.append('fonts', 'font', el);
  }

  /** A solid fill of an ARGB colour ("FFFFFF00", the .docx's yellow highlight); returns its index. */
  fillId(argb: string): number {
    this.load();
    const p = this.p;
    const el = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
    const fills = this.section('fills', 'fill');
    const i = fills.items.indexOf(el);
    if (i >= 0) return i;
    const j = fills.added.indexOf(el);
    return j >= 0 ? fills.items.length + j : this.append('fills', 'fill', el);
  }

  /** Thin black lines on all four sides, as a printed form's cells have; returns its index. */
  thinBorderId(): number {
    this.load();
    const p = this.p;
    const side = (name: string) => `<${p}${name} style="thin"><${p}color auto="1"/></${p}${name}>`;
    const el = `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`;
    const borders = this.section('borders', 'border');
    const i = borders.items.indexOf(el);
    if (i >= 0) return i;
    const j = borders.added.indexOf(el);
    return j >= 0 ? borders.items.length + j : this.append('borders', 'border', el);
  }

  /** An xf like `base` with the change applied: an existing identical xf if there is one, else a new one. */
  xfWith(base: number, change: XfChange): number {
    this.load();
    const memo = `${base}|${change.numFmtId}|${change.fontId}|${change.fillId}|${change.borderId}|${change.alignment ? alignmentKey(change.alignment) : ''}`;
    const hit = this.derived.get(memo);
    if (hit !== undefined) return hit;
    const xfs = this.section('cellXfs', 'xf');
    if (this.xfIndex.size === 0) xfs.items.forEach((el, i) => this.xfIndex.has(key(parseXf(el))) || this.xfIndex.set(key(parseXf(el)), i));
    // An index past the list (a damaged file) reads as the default xf, as Excel reads it.
    const known = base < xfs.items.length + xfs.added.length;
    const source = (known ? (xfs.items[base] ?? xfs.added[base - xfs.items.length]) : xfs.items[0]) ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const xf = parseXf(source);
    const get = (name: string) => xf.attrs.find(([n]) => n === name)?.[1];
    const set = (name: string, value: string) => {
      const a = xf.attrs.find(([n]) => n === name);
      if (a) a[1] = value;
      else xf.attrs.push([name, value]);
    };
    let changed = false;
    if (change.numFmtId === 0) {
      // Back to General: written without applyNumberFormat, as Excel writes it, so that "General
      // from a percent cell" and "General from a plain one" are the same xf (and a rerun changes nothing).
      if (Number(get('numFmtId') ?? 0) !== 0 || get('applyNumberFormat') !== undefined) {
        set('numFmtId', '0');
        xf.attrs = xf.attrs.filter(([n]) => n !== 'applyNumberFormat');
        changed = true;
      }
    } else if (change.numFmtId !== undefined && (get('numFmtId') !== String(change.numFmtId) || get('applyNumberFormat') !== '1')) {
      set('numFmtId', String(change.numFmtId));
      set('applyNumberFormat', '1');
      changed = true;
    }
    if (change.fontId !== undefined && (get('fontId') !== String(change.fontId) || get('applyFont') !== '1')) {
      set('fontId', String(change.fontId));
      set('applyFont', '1');
      changed = true;
    }
    if (change.fillId !== undefined && (get('fillId') !== String(change.fillId) || get('applyFill') !== '1')) {
      set('fillId', String(change.fillId));
      set('applyFill', '1');
      changed = true;
    }
    if (change.borderId !== undefined && (get('borderId') !== String(change.borderId) || get('applyBorder') !== '1')) {
      set('borderId', String(change.borderId));
      set('applyBorder', '1');
      changed = true;
    }
    const alignment = change.alignment && { ...(xf.alignment ?? {}), ...change.alignment };
    if (alignment && (JSON.stringify(alignment) !== JSON.stringify(xf.alignment) || get('applyAlignment') !== '1')) {
      xf.alignment = alignment;
      set('applyAlignment', '1');
      changed = true;
    }
    if (!changed && known) {
      this.derived.set(memo, base);
      return base;
    }
    const k = key(xf);
    let index = this.xfIndex.get(k);
    if (index === undefined) {
      index = this.append('cellXfs', 'xf', renderXf(xf, this.p));
      this.xfIndex.set(k, index);
    }
    this.derived.set(memo, index);
    return index;
  }

  /** Writes styles.xml back if anything was added: new items appended to their sections, counts updated. */
  save(): void {
    if (!this.changed) return;
    let xml = this.xml;
    for (const name of SECTION_ORDER) {
      const s = this.sections.get(name);
      if (!s?.added.length) continue;
      const count = s.items.length + s.added.length;
      const re = new RegExp(`<${this.p}${name}\\b([^>]*?)(/>|>([\\s\\S]*?)</${this.p}${name}>)`);
      const m = re.exec(xml);
      let replacement: string;
      let at: number;
      let len: number;
      if (m) {
        const attrs = /\scount\s*=/.test(m[1]) ? m[1].replace(/(\scount\s*=\s*)("[^"]*"|'[^']*')/, `$1"${count}"`) : `${m[1]} count="${count}"`;
        replacement = `<${this.p}${name}${attrs}>${m[3] ?? ''}${s.added.join('')}</${this.p}${name}>`;
        at = m.index;
        len = m[0].length;
      } else {
        replacement = `<${this.p}${name} count="${count}">${s.added.join('')}</${this.p}${name}>`;
        at = this.insertionPoint(xml, name);
        len = 0;
      }
      xml = xml.slice(0, at) + replacement + xml.slice(at + len);
    }
    this.xml = xml;
    this.pkg.write(this.part, xml);
    this.changed = false;
  }

  private insertionPoint(xml: string, name: string): number {
    for (const later of SECTION_ORDER.slice(SECTION_ORDER.indexOf(name) + 1)) {
      const m = new RegExp(`<${this.p}${later}[\\s/>]`).exec(xml);
      if (m) return m.index;
    }
    const close = xml.lastIndexOf(`</${this.p}styleSheet>`);
    if (close < 0) throw new XlsxPatchError(`样式部件结构不完整。${RESAVE_ADVICE}`);
    return close;
  }
}

const ALIGNMENT_KEYS = new WeakMap<Alignment, string>();

/** The memo key of an alignment; callers pass the same object for every cell, so it is built once. */
function alignmentKey(a: Alignment): string {
  let k = ALIGNMENT_KEYS.get(a);
  if (k === undefined) ALIGNMENT_KEYS.set(a, (k = JSON.stringify(a)));
  return k;
}

function parseXf(el: string): Xf {
  const open = el.slice(0, el.indexOf('>') + 1);
  const attrs = Object.entries(attrsOf(open));
  const body = open.endsWith('/>') ? '' : el.slice(open.length, el.lastIndexOf('</'));
  const al = /<([\w.-]+:)?alignment\b[^>]*?(?:\/>|>\s*<\/(?:[\w.-]+:)?alignment>)/.exec(body);
  return { attrs, alignment: al ? attrsOf(al[0]) : undefined, rest: al ? body.slice(0, al.index) + body.slice(al.index + al[0].length) : body };
}

function renderXf(xf: Xf, p: string): string {
  const attrs = xf.attrs.map(([n, v]) => ` ${n}="${escapeAttr(v)}"`).join('');
  const align = xf.alignment ? `<${p}alignment${Object.entries(xf.alignment).map(([n, v]) => ` ${n}="${escapeAttr(v)}"`).join('')}/>` : '';
  // alignment comes first among xf's children (then protection, extLst).
  const body = align + xf.rest;
  return body ? `<${p}xf${attrs}>${body}</${p}xf>` : `<${p}xf${attrs}/>`;
}

/** Identity of an xf regardless of attribute order, so an equal existing xf is reused. */
function key(xf: Xf): string {
  const sorted = (a: [string, string][]) => a.slice().sort(([x], [y]) => (x < y ? -1 : 1)).map(([n, v]) => `${n}=${v}`).join(' ');
  return `${sorted(xf.attrs)}|${xf.alignment ? sorted(Object.entries(xf.alignment)) : ''}|${unescapeXml(xf.rest.trim())}`;
}
