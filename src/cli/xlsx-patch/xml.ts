/**
 * Just enough XML for surgical edits: escaping, attribute reading and rewriting on a single start
 * tag, and the root element's namespace check. Parts are never parsed into a tree — edits are
 * string splices, so everything we do not touch stays byte-for-byte as the generator wrote it.
 */
import { RESAVE_ADVICE, XlsxPatchError } from './errors';

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_STRICT_PREFIX = 'http://purl.oclc.org/ooxml/';

/** Characters XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A cheap screen: most text has none of the characters that need stripping or escaping. */
// eslint-disable-next-line no-control-regex
const MAYBE_SPECIAL = /[&<>"'\r\n\t\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function stripIllegal(s: string): string {
  return s.replace(ILLEGAL, '');
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;' };

/** Element text: CR as a character reference, since parsers fold a literal CR into LF. */
export function escapeText(s: string): string {
  if (!MAYBE_SPECIAL.test(s)) return s;
  return stripIllegal(s).replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]);
}

/** Attribute values: also quotes and whitespace, which attribute normalisation would otherwise turn into spaces. */
export function escapeAttr(s: string): string {
  if (!MAYBE_SPECIAL.test(s)) return s;
  return stripIllegal(s).replace(/[&<>"'\r\n\t]/g, (c) => TEXT_ESCAPES[c]);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return NAMED[e] ?? m;
  });
}

const ATTR = /([^\s=<>/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Attributes of one start tag (`<c r="A1" s="3">`), values unescaped, names as written (with prefix). */
export function attrsOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(tag); m; m = ATTR.exec(tag)) out[m[1]] = unescapeXml(m[3] ?? m[4]);
  return out;
}

const ATTR_PATTERNS = new Map<string, { get: RegExp; set: RegExp }>();

/** Compiled once per attribute name: these run for every cell of a 100,000-row column. */
function patternsFor(name: string): { get: RegExp; set: RegExp } {
  let p = ATTR_PATTERNS.get(name);
  if (!p) {
    const n = name.replace(/[.:]/g, '\\$&');
    p = { get: new RegExp(`\\s${n}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`), set: new RegExp(`(\\s${n}\\s*=\\s*)(?:"[^"]*"|'[^']*')`) };
    ATTR_PATTERNS.set(name, p);
  }
  return p;
}

/** One attribute of a start tag, or undefined. Faster than attrsOf when only one is wanted. */
export function attrOf(tag: string, name: string): string | undefined {
  const m = patternsFor(name).get.exec(tag);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

/** The start tag with `name` set to `value` (replaced in place, else added before the tag closes). */
export function setAttr(tag: string, name: string, value: string): string {
  const v = `"${escapeAttr(value)}"`;
  const m = patternsFor(name).set.exec(tag);
  if (m) return tag.slice(0, m.index) + m[1] + v + tag.slice(m.index + m[0].length);
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close).replace(/\s+$/, '')} ${name}=${v}${tag.slice(close)}`;
}

export function removeAttr(tag: string, name: string): string {
  return tag.replace(patternsFor(name).get, '');
}

export interface RootInfo {
  /** '' or 'x:' — the prefix this part uses for SpreadsheetML elements. */
  prefix: string;
  /** Offset just past the root start tag. */
  openEnd: number;
  /** Prefix bound to the relationships namespace on the root ('r:' usually), if any. */
  relPrefix?: string;
}

/**
 * Checks that the part's root is `localName` in the transitional SpreadsheetML namespace and finds
 * the prefix it uses. Strict OOXML and foreign roots are refused with advice, not guessed at.
 */
export function rootOf(xml: string, localName: string, part: string): RootInfo {
  // The root tag sits at the top; looking at the head only spares copying a 30 MB sheet.
  const head = xml.slice(0, 65536);
  const m = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(\s[^>]*)?>/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, (s) => ' '.repeat(s.length)));
  if (!m || m[2] !== localName) throw new XlsxPatchError(`“${part}”不是预期的 ${localName} 部件，文件结构不标准。${RESAVE_ADVICE}`);
  const prefix = m[1] ?? '';
  const attrs = attrsOf(m[3] ?? '');
  const ns = prefix ? attrs[`xmlns:${prefix.slice(0, -1)}`] : attrs.xmlns;
  if (ns?.startsWith(NS_STRICT_PREFIX)) {
    throw new XlsxPatchError(`此文件是“严格 Open XML（Strict）”格式，本工具只能改写常规 .xlsx。${RESAVE_ADVICE}`);
  }
  if (ns !== NS_MAIN) throw new XlsxPatchError(`“${part}”使用了无法识别的命名空间（${ns ?? '无'}）。${RESAVE_ADVICE}`);
  const rel = Object.entries(attrs).find(([k, v]) => k.startsWith('xmlns:') && v === NS_REL);
  return { prefix, openEnd: m.index + m[0].length, relPrefix: rel ? `${rel[0].slice(6)}:` : undefined };
}
