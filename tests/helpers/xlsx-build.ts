/**
 * Packages built part by part in tests, to write the forms other producers use (prefixes, absolute
 * targets, inline strings, no optional parts…) and the hostile ones. Valid packages are zipped by
 * JSZip, independent of our own zip code; hostile ones (duplicate or escaping names) by a raw writer.
 */
import JSZip from 'jszip';
import * as zlib from 'zlib';
import { crc32Table } from '../../src/cli/xlsx-read/crc32';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const T = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetSpec {
  name: string;
  /** The whole worksheet part, or just the inside of <sheetData> (wrapped in a plain worksheet). */
  xml?: string;
  data?: string;
  state?: 'hidden' | 'veryHidden';
  /** Extra parts related to the sheet: [type suffix, target, part name, content]. */
  related?: { type: string; target: string; part: string; content: string }[];
}

export interface BookSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[] | string;
  date1904?: boolean;
  /** Relationship targets as openpyxl writes them (/xl/worksheets/sheet1.xml). */
  absoluteTargets?: boolean;
  extraParts?: Record<string, string>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function worksheet(data: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${data}</sheetData></worksheet>`;
}

/** The parts of a workbook as name → text. */
export function bookParts(spec: BookSpec): Record<string, string> {
  const parts: Record<string, string> = {};
  const abs = spec.absoluteTargets ? '/xl/' : '';
  const overrides: string[] = ['<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'];
  const wbRels: string[] = [];
  const sheetEls: string[] = [];
  spec.sheets.forEach((s, i) => {
    const n = i + 1;
    parts[`xl/worksheets/sheet${n}.xml`] = s.xml ?? worksheet(s.data ?? '');
    overrides.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    wbRels.push(`<Relationship Id="rId${n}" Type="${T}/worksheet" Target="${abs}worksheets/sheet${n}.xml"/>`);
    sheetEls.push(`<sheet name="${esc(s.name)}" sheetId="${n}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${n}"/>`);
    if (s.related?.length) {
      parts[`xl/worksheets/_rels/sheet${n}.xml.rels`] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${s.related.map((r, k) => `<Relationship Id="rId${k + 1}" Type="${T}/${r.type}" Target="${r.target}"/>`).join('')}</Relationships>`;
      for (const r of s.related) parts[r.part] = r.content;
    }
  });
  if (spec.sharedStrings !== undefined) {
    parts['xl/sharedStrings.xml'] =
      typeof spec.sharedStrings === 'string' ? spec.sharedStrings : `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}" count="${spec.sharedStrings.length}" uniqueCount="${spec.sharedStrings.length}">${spec.sharedStrings.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('')}</sst>`;
    overrides.push('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
    wbRels.push(`<Relationship Id="rIdS" Type="${T}/sharedStrings" Target="${abs}sharedStrings.xml"/>`);
  }
  parts['[Content_Types].xml'] = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`;
  parts['_rels/.rels'] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${T}/officeDocument" Target="${spec.absoluteTargets ? '/' : ''}xl/workbook.xml"/></Relationships>`;
  parts['xl/workbook.xml'] = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${spec.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheetEls.join('')}</sheets></workbook>`;
  parts['xl/_rels/workbook.xml.rels'] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${wbRels.join('')}</Relationships>`;
  Object.assign(parts, spec.extraParts);
  return parts;
}

export async function zipParts(parts: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function book(spec: BookSpec): Promise<Uint8Array> {
  return zipParts(bookParts(spec));
}

/** A zip written byte by byte, for what JSZip will not write: two entries of one name, names leaving the package. */
export interface RawEntry {
  name: string;
  content: Uint8Array | string;
  store?: boolean;
  /** Already-deflated data and the size (and CRC) the directory claims for it: a zip bomb, say. */
  deflated?: { data: Uint8Array; size: number; crc?: number };
}

export function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const content = typeof e.content === 'string' ? Buffer.from(e.content, 'utf8') : Buffer.from(e.content);
    const data = e.deflated ? Buffer.from(e.deflated.data) : e.store ? content : zlib.deflateRawSync(content);
    const name = Buffer.from(e.name, 'utf8');
    const crc = e.deflated ? (e.deflated.crc ?? 0) : crc32Table(content);
    const size = e.deflated ? e.deflated.size : content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x800, 8);
    cd.writeUInt16LE(e.store ? 0 : 8, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    central.push(cd, name);
    offset += 30 + name.length + data.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}

/** An OLE compound file whose directory lists `streams` (empty): enough to tell .xls from an encrypted .xlsx. */
export function compoundFile(streams: string[]): Uint8Array {
  const sector = 512;
  const out = Buffer.alloc(sector * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
  out.writeUInt16LE(0x3e, 0x18);
  out.writeUInt16LE(3, 0x1a);
  out.writeUInt16LE(0xfffe, 0x1c);
  out.writeUInt16LE(9, 0x1e);
  out.writeUInt16LE(6, 0x20);
  out.writeUInt32LE(1, 0x2c); // one FAT sector
  out.writeUInt32LE(1, 0x30); // directory in sector 1
  out.writeUInt32LE(0x1000, 0x38);
  out.writeUInt32LE(0xfffffffe, 0x3c);
  out.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) out.writeUInt32LE(0xffffffff, 0x4c + i * 4);
  out.writeUInt32LE(0, 0x4c); // FAT in sector 0
  const fat = sector * 1;
  for (let i = 0; i < 128; i++) out.writeUInt32LE(0xffffffff, fat + i * 4);
  out.writeUInt32LE(0xfffffffd, fat); // sector 0: the FAT itself
  out.writeUInt32LE(0xfffffffe, fat + 4); // sector 1: the directory, one sector
  const dir = sector * 2;
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const base = dir + i * 128;
    for (let k = 0; k < name.length; k++) out.writeUInt16LE(name.charCodeAt(k), base + k * 2);
    out.writeUInt16LE((name.length + 1) * 2, base + 0x40);
    out.writeUInt8(i === 0 ? 5 : 2, base + 0x42);
  });
  return new Uint8Array(out);
}
