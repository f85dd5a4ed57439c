/**
 * A streaming XML scanner over bytes, made for SpreadsheetML's big parts (sheets, shared strings):
 * it reads chunks as they are inflated, reports start and end tags with namespace-resolved names,
 * reads attributes and character data only when the handler asks, and lets the handler skip a whole
 * subtree (extension markup, phonetic runs). It handles what XML allows: any prefix, attributes in
 * any order and either quote, entities and character references, CDATA, comments, processing
 * instructions, a DOCTYPE (skipped; entities it would declare are refused), UTF-8 or UTF-16 input.
 * Environment-neutral. Measured against saxes in bench/read.bench.ts.
 */
import { fail } from './errors';

export interface ScanHandler {
  /** A start tag; `scanner.attr()` reads its attributes during the call. `empty` for `<x/>`. */
  open(local: string, ns: string, empty: boolean): void;
  /** An end tag (also sent right after open for `<x/>`, unless the element was skipped). */
  close(local: string, ns: string): void;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOT = 0x22;
const APOS = 0x27;
const COLON = 0x3a;
const AMP = 0x26;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Entities and character references resolved; an unknown entity is a damaged part. */
export function unescapeXml(s: string, part: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([^;&]{0,12});?/g, (m, e: string) => {
    let ch: string | undefined;
    if (m.endsWith(';')) {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : /^#\d+$/.test(e) ? parseInt(e.slice(1), 10) : NaN;
        if (code >= 0 && code <= 0x10ffff) ch = String.fromCodePoint(code);
      } else ch = NAMED[e];
    }
    if (ch === undefined) throw fail.damaged(part, `含有无法识别的 XML 实体“${m.slice(0, 16)}”`, `contains an unknown XML entity "${m.slice(0, 16)}"`);
    return ch;
  });
}

interface Scope {
  depth: number;
  defaultNs: string;
  prefixes: Map<string, string>;
}

const utf8 = new TextDecoder('utf-8');

/** TextDecoder/TextEncoder by shape: the CLI compiles without the DOM library's types. */
interface Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
interface Encoder {
  encode(input: string): Uint8Array;
}
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

export class XmlScanner {
  private buf: Uint8Array = new Uint8Array(0);
  /** An unfinished markup token carried to the next chunk, as pieces (joined once its '>' arrives). */
  private pending: Uint8Array[] = [];
  private depth = 0;
  private skipTo = -1;
  private started = false;
  private transcode?: { decoder: Decoder; encoder: Encoder };
  private head: Uint8Array | undefined;
  // Namespace bindings, scoped to the element that declared them.
  private defaultNs = '';
  private prefixes = new Map<string, string>([['xml', XML_NS]]);
  private scopes: Scope[] = [];
  private names: string[] = [];
  private namespaces: string[] = [];
  private attrs = new Int32Array(64);
  private attrCount = 0;
  // Interned names: a hash of the bytes → the string.
  private interned = new Map<number, string>();
  // Character data being captured.
  private capturing = -1;
  private raw = '';
  private text = '';
  private decoding = false;
  private spanStart = -1;
  private spanEnd = -1;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    private readonly handler: ScanHandler,
    readonly part: string,
  ) {}

  /** Start keeping the current element's character data (read it with takeText at its end). */
  captureText(): void {
    this.capturing = this.depth;
    this.raw = '';
    this.text = '';
    this.spanStart = -1;
    this.decoding = false;
  }

  /** Text of [from, to) of the current buffer: short ASCII built directly, the rest decoded. */
  private spanText(from: number, to: number): string {
    const buf = this.buf;
    let plain = to - from <= 16;
    for (let k = from; plain && k < to; k++) {
      const b = buf[k];
      if (b > 0x7f || b === AMP || b === 0x0d) plain = false;
    }
    if (plain) {
      let out = '';
      for (let k = from; k < to; k++) out += String.fromCharCode(buf[k]);
      return out;
    }
    let raw = this.decoder.decode(buf.subarray(from, to));
    if (raw.indexOf('\r') >= 0) raw = raw.replace(/\r\n?/g, '\n');
    return unescapeXml(raw, this.part);
  }

  /** The captured text, entities resolved and line ends normalised as XML requires. */
  takeText(): string {
    if (this.spanStart >= 0 && this.raw === '' && this.text === '' && !this.decoding) {
      const t = this.spanText(this.spanStart, this.spanEnd);
      this.spanStart = -1;
      this.capturing = -1;
      return t;
    }
    this.flushRaw();
    const t = this.text;
    this.text = '';
    this.capturing = -1;
    return t;
  }

  /** Skip what is left of the current element: no events until its end tag. */
  skipElement(): void {
    this.skipTo = this.depth;
  }

  push(chunk: Uint8Array): void {
    if (!this.started) {
      // The encoding is settled by the first bytes: hold back until there are enough to see it.
      const head: Uint8Array = this.head ? concat([this.head, chunk]) : chunk;
      if (head.length < 256) {
        this.head = head;
        return;
      }
      this.head = undefined;
      this.start(head);
      return;
    }
    this.feed(chunk);
  }

  end(): void {
    if (!this.started) this.start(this.head ?? new Uint8Array(0));
    if (this.transcode) this.scan(this.transcode.encoder.encode(this.transcode.decoder.decode()));
    if (this.pending.length || this.depth !== 0 || this.names.length) {
      throw fail.damaged(this.part, '不完整（XML 在元素结束前中断）', 'is incomplete (its XML stops before its elements end)');
    }
  }

  private start(head: Uint8Array): void {
    this.started = true;
    let label = 'utf-8';
    let from = 0;
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) from = 3;
    else if (head[0] === 0xff && head[1] === 0xfe) label = 'utf-16le';
    else if (head[0] === 0xfe && head[1] === 0xff) label = 'utf-16be';
    else if (head[0] === 0x3c && head[1] === 0x00) label = 'utf-16le';
    else if (head[0] === 0x00 && head[1] === 0x3c) label = 'utf-16be';
    else {
      const decl = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(String.fromCharCode(...head.subarray(0, 200)));
      if (decl && !/^utf-?8$/i.test(decl[1])) label = decl[1];
    }
    if (label !== 'utf-8') {
      let decoder: Decoder;
      try {
        decoder = new TextDecoder(label);
      } catch {
        throw fail.unsupported(this.part, `使用了无法识别的字符编码“${label}”`, `it uses an unknown character encoding "${label}"`);
      }
      // Rare (Excel writes UTF-8): re-encode to UTF-8 and scan that. A BOM is dropped by the decoder.
      this.transcode = { decoder, encoder: new TextEncoder() };
    }
    this.feed(head.subarray(from));
  }

  private feed(chunk: Uint8Array): void {
    if (this.transcode) {
      this.scan(this.transcode.encoder.encode(this.transcode.decoder.decode(chunk, { stream: true })));
      return;
    }
    this.scan(chunk);
  }

  private scan(input: Uint8Array): void {
    // A plain view: Buffer's subarray/slice are slower, and Buffer#slice does not copy.
    const chunk = input.constructor === Uint8Array ? input : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    let buf = chunk;
    if (this.pending.length) {
      // Still inside the carried token? Then keep collecting (joining on every chunk would be quadratic).
      if (chunk.indexOf(GT) < 0) {
        this.pending.push(chunk.slice());
        return;
      }
      this.pending.push(chunk);
      buf = concat(this.pending);
      this.pending = [];
    }
    this.buf = buf;
    const n = buf.length;
    let i = 0;
    while (i < n) {
      if (buf[i] !== LT) {
        // Most text between tags is a short value: scan a few bytes before calling indexOf.
        let j = i + 1;
        const near = Math.min(n, i + 24);
        while (j < near && buf[j] !== LT) j++;
        if (j === near && j < n) {
          j = buf.indexOf(LT, j);
          if (j < 0) j = n;
        }
        if (this.capturing >= 0 && this.skipTo < 0) this.addText(i, j);
        i = j;
        continue;
      }
      const next = i + 1 < n ? buf[i + 1] : -1;
      let end: number;
      if (next === SLASH) end = this.endTag(i);
      else if (next === 0x3f /* ? */) end = this.until(i, '?>');
      else if (next === 0x21 /* ! */) end = this.bang(i);
      else if (next < 0) end = -1;
      else end = this.startTag(i);
      if (end < 0) {
        this.pending.push(buf.slice(i));
        break;
      }
      i = end;
    }
    // A span points into this buffer, which the next chunk replaces.
    this.spanToRaw();
  }

  private addText(from: number, to: number): void {
    if (from >= to) return;
    // The common case — a value in one piece — is kept as a span and decoded (or parsed) on demand.
    if (this.spanStart < 0 && !this.decoding && this.raw === '' && this.text === '') {
      this.spanStart = from;
      this.spanEnd = to;
      return;
    }
    this.spanToRaw();
    this.raw += this.decoder.decode(this.buf.subarray(from, to), { stream: true });
    this.decoding = true;
  }

  private spanToRaw(): void {
    if (this.spanStart < 0) return;
    this.raw += this.decoder.decode(this.buf.subarray(this.spanStart, this.spanEnd), { stream: true });
    this.decoding = true;
    this.spanStart = -1;
  }

  private flushRaw(): void {
    this.spanToRaw();
    if (this.decoding) {
      this.raw += this.decoder.decode();
      this.decoding = false;
    }
    if (!this.raw) return;
    let raw = this.raw;
    if (raw.indexOf('\r') >= 0) raw = raw.replace(/\r\n?/g, '\n');
    this.text += unescapeXml(raw, this.part);
    this.raw = '';
  }

  /**
   * The captured text as a number when it is a plain decimal in one piece (a cell's <v>): parsed from
   * the bytes, exactly as Number() would (an integer mantissa below 2^53 over a power of ten up to
   * 10^22 rounds once, correctly). Otherwise NaN, and takeText() gives the text.
   */
  takeDecimal(): number {
    const start = this.spanStart;
    if (start < 0 || this.raw !== '' || this.text !== '' || this.decoding) return NaN;
    const buf = this.buf;
    const end = this.spanEnd;
    let k = start;
    let negative = false;
    if (buf[k] === 0x2d) {
      negative = true;
      k++;
    }
    let mantissa = 0;
    let digits = 0;
    let scale = -1;
    for (; k < end; k++) {
      const b = buf[k];
      if (b >= 0x30 && b <= 0x39) {
        mantissa = mantissa * 10 + (b - 0x30);
        digits++;
        if (scale >= 0) scale++;
      } else if (b === 0x2e && scale < 0) scale = 0;
      else return NaN;
    }
    if (digits === 0 || digits > 15 || scale > 22) return NaN;
    const v = scale > 0 ? mantissa / POW10[scale] : mantissa;
    this.spanStart = -1;
    this.capturing = -1;
    return negative ? -v : v;
  }

  /** Offset just past `close` (searched from `from`), or -1 when it is not in this buffer yet. */
  private until(from: number, close: string): number {
    const buf = this.buf;
    const last = close.charCodeAt(close.length - 1);
    for (let k = buf.indexOf(last, from + 2); k >= 0; k = buf.indexOf(last, k + 1)) {
      let ok = true;
      for (let m = 1; m < close.length; m++) if (buf[k - m] !== close.charCodeAt(close.length - 1 - m)) ok = false;
      if (ok && k - close.length + 1 >= from + 2) return k + 1;
    }
    return -1;
  }

  /** Comments, CDATA and a DOCTYPE. */
  private bang(i: number): number {
    const buf = this.buf;
    if (i + 4 > buf.length) return -1;
    if (buf[i + 2] === 0x2d && buf[i + 3] === 0x2d) return this.until(i + 2, '-->');
    if (i + 9 > buf.length) return -1;
    if (String.fromCharCode(...buf.subarray(i + 2, i + 9)) === '[CDATA[') {
      const end = this.until(i + 7, ']]>');
      if (end >= 0 && this.capturing >= 0 && this.skipTo < 0) {
        this.flushRaw();
        this.text += utf8.decode(buf.subarray(i + 9, end - 3));
      }
      return end;
    }
    // <!DOCTYPE …>, with an internal subset in [ ] that may hold '>' itself.
    let bracket = false;
    let quote = 0;
    for (let k = i + 2; k < buf.length; k++) {
      const b = buf[k];
      if (quote) {
        if (b === quote) quote = 0;
      } else if (b === QUOT || b === APOS) quote = b;
      else if (b === 0x5b) bracket = true;
      else if (b === 0x5d) bracket = false;
      else if (b === GT && !bracket) return k + 1;
    }
    return -1;
  }

  /** The string for the bytes [from, to), interned so a name costs one map lookup after its first time. */
  private intern(from: number, to: number): string {
    const buf = this.buf;
    let h = to - from;
    for (let k = from; k < to; k++) h = (Math.imul(h, 31) + buf[k]) | 0;
    const s = this.interned.get(h);
    if (s !== undefined && s.length === to - from) {
      let same = true;
      for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) !== buf[from + k]) same = false;
      if (same) return s;
    }
    const name = utf8.decode(buf.subarray(from, to));
    if (s === undefined) this.interned.set(h, name);
    return name;
  }

  /** The namespace a prefix is bound to where the scanner stands ('' when unbound). */
  namespaceOf(prefix: string): string {
    return this.prefixes.get(prefix) ?? '';
  }

  private resolve(prefix: string | undefined): string {
    if (prefix === undefined) return this.defaultNs;
    return this.prefixes.get(prefix) ?? '';
  }

  private startTag(i: number): number {
    const buf = this.buf;
    const n = buf.length;
    let k = i + 1;
    let colon = -1;
    for (; k < n; k++) {
      const b = buf[k];
      if (isSpace(b) || b === GT || b === SLASH) break;
      if (b === COLON) colon = k;
    }
    const nameEnd = k;
    // The attributes, recorded as spans in one pass; attr() looks them up without re-scanning.
    let count = 0;
    let declares = false;
    let empty = false;
    for (;;) {
      while (k < n && isSpace(buf[k])) k++;
      if (k >= n) return -1;
      const b = buf[k];
      if (b === GT) break;
      if (b === SLASH) {
        if (k + 1 >= n) return -1;
        if (buf[k + 1] !== GT) throw this.malformed();
        empty = true;
        k++;
        break;
      }
      const nameStart = k;
      while (k < n && buf[k] !== 0x3d && !isSpace(buf[k]) && buf[k] !== GT) k++;
      const attrNameEnd = k;
      while (k < n && isSpace(buf[k])) k++;
      if (k >= n) return -1;
      if (buf[k] !== 0x3d) throw this.malformed();
      k++;
      while (k < n && isSpace(buf[k])) k++;
      if (k >= n) return -1;
      const q = buf[k];
      if (q !== QUOT && q !== APOS) throw this.malformed();
      // Values are short: a loop beats a native indexOf call here.
      let valueEnd = k + 1;
      while (valueEnd < n && buf[valueEnd] !== q) valueEnd++;
      if (valueEnd >= n) return -1;
      if (count * 4 + 4 > this.attrs.length) {
        const grown = new Int32Array(this.attrs.length * 2);
        grown.set(this.attrs);
        this.attrs = grown;
      }
      const a = this.attrs;
      a[count * 4] = nameStart;
      a[count * 4 + 1] = attrNameEnd;
      a[count * 4 + 2] = k + 1;
      a[count * 4 + 3] = valueEnd;
      count++;
      if (buf[nameStart] === 0x78 && attrNameEnd - nameStart >= 5 && buf[nameStart + 1] === 0x6d && buf[nameStart + 2] === 0x6c && buf[nameStart + 3] === 0x6e && buf[nameStart + 4] === 0x73) declares = true;
      k = valueEnd + 1;
    }
    if (this.skipTo >= 0) {
      if (!empty) this.depth++;
      return k + 1;
    }
    this.attrCount = count;
    this.depth++;
    if (declares) this.declare();
    const local = colon < 0 ? this.intern(i + 1, nameEnd) : this.intern(colon + 1, nameEnd);
    const ns = this.resolve(colon < 0 ? undefined : this.intern(i + 1, colon));
    if (this.capturing >= 0) this.flushRaw();
    this.names.push(local);
    this.namespaces.push(ns);
    this.handler.open(local, ns, empty);
    if (empty) {
      if (this.skipTo === this.depth) this.skipTo = -1;
      else this.closeElement(local, ns);
      this.names.pop();
      this.namespaces.pop();
      this.popScope();
      this.depth--;
    }
    return k + 1;
  }

  private malformed(): Error {
    return fail.damaged(this.part, '的 XML 标记格式错误', 'has malformed XML markup');
  }

  private endTag(i: number): number {
    const buf = this.buf;
    const n = buf.length;
    let gt = i + 2;
    while (gt < n && buf[gt] !== GT) gt++;
    if (gt >= n) return -1;
    if (this.skipTo >= 0) {
      if (this.depth === this.skipTo) {
        this.skipTo = -1;
        this.names.pop();
        this.namespaces.pop();
        this.popScope();
      }
      this.depth--;
      return gt + 1;
    }
    let e = gt;
    while (e > i + 2 && isSpace(buf[e - 1])) e--;
    let from = i + 2;
    for (let k = from; k < e; k++) if (buf[k] === COLON) from = k + 1;
    // The end tag must close the element open: compared byte by byte with its name.
    const local = this.names.pop();
    const ns = this.namespaces.pop()!;
    let same = local !== undefined && local.length === e - from;
    for (let k = 0; same && k < local!.length; k++) if (local!.charCodeAt(k) !== buf[from + k]) same = false;
    if (!same) {
      const found = utf8.decode(buf.subarray(from, e));
      throw fail.damaged(this.part, `的 XML 结构错误（</${found}> 与 <${local ?? ''}> 不配对）`, `has broken XML (</${found}> does not close <${local ?? ''}>)`);
    }
    this.closeElement(local!, ns);
    this.popScope();
    this.depth--;
    return gt + 1;
  }

  private closeElement(local: string, ns: string): void {
    this.handler.close(local, ns);
    if (this.capturing === this.depth) this.capturing = -1;
  }

  private declare(): void {
    const scope: Scope = { depth: this.depth, defaultNs: this.defaultNs, prefixes: this.prefixes };
    let copied = false;
    this.eachAttr((name, value) => {
      if (name === 'xmlns') this.defaultNs = value;
      else if (name.startsWith('xmlns:')) {
        if (!copied) {
          this.prefixes = new Map(this.prefixes);
          copied = true;
        }
        this.prefixes.set(name.slice(6), value);
      }
    });
    this.scopes.push(scope);
  }

  private popScope(): void {
    const top = this.scopes[this.scopes.length - 1];
    if (top && top.depth === this.depth) {
      this.scopes.pop();
      this.defaultNs = top.defaultNs;
      this.prefixes = top.prefixes;
    }
  }

  /** Every attribute of the current start tag, names as written. */
  eachAttr(fn: (name: string, value: string) => void): void {
    const a = this.attrs;
    for (let i = 0; i < this.attrCount; i++) fn(this.intern(a[i * 4], a[i * 4 + 1]), this.attrValue(a[i * 4 + 2], a[i * 4 + 3]));
  }

  private attrValue(from: number, to: number): string {
    const buf = this.buf;
    let plain = to - from <= 16;
    for (let k = from; plain && k < to; k++) {
      const b = buf[k];
      if (b > 0x7f || b === AMP || b < 0x20) plain = false;
    }
    if (plain) {
      let out = '';
      for (let k = from; k < to; k++) out += String.fromCharCode(buf[k]);
      return out;
    }
    // Attribute-value normalisation: literal white space becomes a space; references keep theirs.
    return unescapeXml(utf8.decode(buf.subarray(from, to)).replace(/\r\n|[\t\n\r]/g, ' '), this.part);
  }

  /** Index of the current tag's attribute named `name` (as written, e.g. `r` or `xml:space`), or -1. */
  private findAttr(name: string): number {
    const buf = this.buf;
    const a = this.attrs;
    const len = name.length;
    for (let i = 0; i < this.attrCount; i++) {
      const from = a[i * 4];
      if (a[i * 4 + 1] - from !== len) continue;
      let m = 0;
      while (m < len && buf[from + m] === name.charCodeAt(m)) m++;
      if (m === len) return i;
    }
    return -1;
  }

  /** One attribute of the current start tag (an unprefixed name, or `xml:space`), or undefined. */
  attr(name: string): string | undefined {
    const i = this.findAttr(name);
    return i < 0 ? undefined : this.attrValue(this.attrs[i * 4 + 2], this.attrs[i * 4 + 3]);
  }

  /** A short attribute from a small set of values (a cell's t): interned, so no string is made per cell. */
  attrToken(name: string): string | undefined {
    const i = this.findAttr(name);
    if (i < 0) return undefined;
    const from = this.attrs[i * 4 + 2];
    const to = this.attrs[i * 4 + 3];
    for (let k = from; k < to; k++) if (this.buf[k] === AMP || this.buf[k] > 0x7f) return this.attrValue(from, to);
    return to - from <= 12 ? this.intern(from, to) : this.attrValue(from, to);
  }

  /**
   * A whole-number attribute (a row's `r="12"`) parsed from the bytes, with no string made: -1 when
   * absent, -2 when it is not plain digits (the caller then reads it with attr() to say what it is).
   */
  attrDigits(name: string): number {
    const i = this.findAttr(name);
    if (i < 0) return -1;
    const buf = this.buf;
    let k = this.attrs[i * 4 + 2];
    let to = this.attrs[i * 4 + 3];
    while (k < to && isSpace(buf[k])) k++;
    while (to > k && isSpace(buf[to - 1])) to--;
    if (k === to || to - k > 9) return -2;
    let n = 0;
    for (; k < to; k++) {
      const d = buf[k] - 0x30;
      if (d < 0 || d > 9) return -2;
      n = n * 10 + d;
    }
    return n;
  }

  /**
   * A cell reference attribute (`r="B12"`) parsed from the bytes: row * 16384 + col, both 0-based;
   * -1 when absent, -2 when not a reference, -3 when beyond Excel's grid.
   */
  attrCellRef(name: string): number {
    const i = this.findAttr(name);
    if (i < 0) return -1;
    const buf = this.buf;
    let k = this.attrs[i * 4 + 2];
    const to = this.attrs[i * 4 + 3];
    while (k < to && isSpace(buf[k])) k++;
    let col = 0;
    let letters = 0;
    for (; k < to; k++) {
      const c = buf[k] | 0x20;
      if (c < 0x61 || c > 0x7a) break;
      col = col * 26 + (c - 0x60);
      letters++;
    }
    let row = 0;
    let digits = 0;
    for (; k < to; k++) {
      const d = buf[k] - 0x30;
      if (d < 0 || d > 9) break;
      if (digits < 9) row = row * 10 + d;
      digits++;
    }
    while (k < to && isSpace(buf[k])) k++;
    if (k !== to || letters === 0 || digits === 0 || row === 0) return -2;
    if (letters > 3 || col > 16384 || digits > 7 || row > 1048576) return -3;
    return (row - 1) * 16384 + (col - 1);
  }
}

function concat(pieces: Uint8Array[]): Uint8Array {
  let len = 0;
  for (const p of pieces) len += p.length;
  const out = new Uint8Array(len);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
