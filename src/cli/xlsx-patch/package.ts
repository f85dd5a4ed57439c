/**
 * The OPC package as a set of named parts over the zip: parts are read (inflated and decoded) only
 * when asked for, edited parts are kept (as text or bytes) until the end, everything else is copied raw.
 */
import { RESAVE_ADVICE, XlsxPatchError } from './errors';
import { attrsOf } from './xml';
import { concatBytes, utf8Bytes, utf8Text } from './bytes';
import type { PatchCodec } from './codec';
import { WrittenPart, ZipEntry, deflatePart, deflatedEntry, inflateEntry, readZip, writeZip } from './zip';

const BOM = '\uFEFF';

export class Package {
  private readonly entries: ZipEntry[];
  /** Part names are case-insensitive in OPC; the zip keeps the generator's spelling. */
  private readonly index = new Map<string, number>();
  private readonly edited = new Map<string, string | Uint8Array | WrittenPart>();
  private readonly added: string[] = [];
  private readonly removed = new Set<string>();
  private readonly withBom = new Set<string>();

  constructor(
    input: Uint8Array,
    readonly codec: PatchCodec,
  ) {
    this.entries = readZip(input);
    this.entries.forEach((e, i) => this.index.set(e.name.toLowerCase(), i));
  }

  /** The stored spelling of a part name (no leading slash), or undefined when absent. */
  find(name: string): string | undefined {
    const key = name.replace(/^\//, '').toLowerCase();
    if (this.removed.has(key)) return undefined;
    const i = this.index.get(key);
    return i !== undefined ? this.entries[i].name : this.added.find((n) => n.toLowerCase() === key);
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  /** The part's bytes as stored (for sheets too big to be worth decoding whole). */
  readBytes(name: string): Uint8Array {
    const key = name.replace(/^\//, '').toLowerCase();
    const edited = this.edited.get(key);
    if (edited !== undefined) {
      if (typeof edited === 'string') return utf8Bytes(edited);
      if (edited instanceof Uint8Array) return edited;
      if ('deflated' in edited) return this.codec.inflateRaw(edited.deflated, edited.size);
      if ('pending' in edited) return concatBytes(edited.pending);
      // Each sheet is rewritten once (patch.ts groups the edits by sheet) and generated parts are only written.
      throw new Error(`The part ${name} is being compressed: it was written and cannot be read back before the package is assembled.`);
    }
    const i = this.index.get(key);
    if (i === undefined || this.removed.has(key)) throw new XlsxPatchError(`文件缺少“${name}”部件，结构不完整。${RESAVE_ADVICE}`);
    const bytes = inflateEntry(this.entries[i], this.codec);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      throw new XlsxPatchError(`“${name}”以 UTF-16 编码保存，本工具只能改写 UTF-8 编码的部件。${RESAVE_ADVICE}`);
    }
    return bytes;
  }

  /** The part's text (UTF-8; a byte-order mark is remembered and written back). */
  read(name: string): string {
    const key = name.replace(/^\//, '').toLowerCase();
    const edited = this.edited.get(key);
    if (typeof edited === 'string') return edited;
    const s = utf8Text(this.readBytes(name));
    if (s.startsWith(BOM)) {
      this.withBom.add(key);
      return s.slice(1);
    }
    return s;
  }

  /** Replaces a part: text is encoded on output (with its BOM if it had one), bytes (or bytes already compressed) are taken as they are. */
  write(name: string, content: string | Uint8Array | WrittenPart): void {
    const key = name.replace(/^\//, '').toLowerCase();
    this.removed.delete(key);
    if (!this.index.has(key) && !this.added.some((n) => n.toLowerCase() === key)) this.added.push(name.replace(/^\//, ''));
    this.edited.set(key, content);
  }

  remove(name: string): void {
    const key = name.replace(/^\//, '').toLowerCase();
    this.edited.delete(key);
    this.removed.add(key);
  }

  /** Every part name currently in the package. */
  names(): string[] {
    const out = this.entries.map((e) => e.name).filter((n) => !this.removed.has(n.toLowerCase()));
    return out.concat(this.added.filter((n) => !this.removed.has(n.toLowerCase())));
  }

  /** The part's content type: its Override in [Content_Types].xml, else the Default for its extension. */
  contentTypeOf(name: string): string | undefined {
    if (!this.has('[Content_Types].xml')) return undefined;
    const xml = this.read('[Content_Types].xml');
    const partName = `/${name.replace(/^\//, '')}`.toLowerCase();
    const ext = partName.slice(partName.lastIndexOf('.') + 1);
    let byDefault: string | undefined;
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?(Override|Default)\b[^>]*>/g)) {
      const a = attrsOf(m[0]);
      if (m[1] === 'Override' && a.PartName?.toLowerCase() === partName) return a.ContentType;
      if (m[1] === 'Default' && a.Extension?.toLowerCase() === ext) byDefault = a.ContentType;
    }
    return byDefault;
  }

  async toBytes(): Promise<Uint8Array> {
    // New parts take the workbook's own timestamp, so the same input and plan give the same bytes.
    const stamp = this.entries.find((e) => /workbook\.xml$/i.test(e.name)) ?? this.entries[0] ?? { dosTime: 0, dosDate: 0x21 };
    const out: ZipEntry[] = [];
    const compressed = (key: string, content: string | Uint8Array | WrittenPart) => deflatePart(typeof content === 'string' ? utf8Bytes(this.withBom.has(key) ? BOM + content : content) : content, this.codec);
    for (const e of this.entries) {
      const key = e.name.toLowerCase();
      if (this.removed.has(key)) continue;
      const text = this.edited.get(key);
      out.push(text === undefined ? e : { ...deflatedEntry(e.name, await compressed(key, text), e), rawName: e.rawName, flags: e.flags, versionMadeBy: e.versionMadeBy, externalAttrs: e.externalAttrs });
    }
    for (const name of this.added) {
      const key = name.toLowerCase();
      if (!this.removed.has(key)) out.push(deflatedEntry(name, await compressed(key, this.edited.get(key)!), stamp));
    }
    return writeZip(out);
  }
}

/** Whether the part is a relationships part (`…/_rels/….rels`). */
export function isRelsPart(part: string): boolean {
  return /(^|\/)_rels\/[^/]*\.rels$/i.test(part);
}

/** The part a relationships part belongs to: `xl/worksheets/sheet1.xml` for its .rels; '' for the package's own `_rels/.rels`. */
export function sourceOfRels(relsPart: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPart);
  return m ? `${m[1]}${m[2]}` : '';
}

/** `xl/worksheets/_rels/sheet1.xml.rels` for `xl/worksheets/sheet1.xml`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part, as a part name without leading slash. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  let path = target;
  try {
    path = decodeURI(target);
  } catch {
    // A malformed escape: take the target as written.
  }
  for (const seg of path.replace(/^\//, '').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}
