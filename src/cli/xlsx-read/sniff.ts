/**
 * What a file is when it is not a zip package: an OLE compound file (an encrypted .xlsx, or an old
 * .xls), a text file with an .xlsx name (CSV, an HTML table, XML Spreadsheet 2003 — what budget
 * systems often export), or something else. Each gets its own message and advice.
 */
import { WorkbookReadError, fail } from './errors';

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;

/** Names of the entries in a compound file's directory (streams and storages); undefined if unreadable. */
export function compoundFileNames(bytes: Uint8Array): string[] | undefined {
  if (bytes.length < 512) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const sectorAt = (sid: number) => (sid + 1) * sectorSize;
  const sectors = Math.floor(bytes.length / sectorSize);
  // The FAT's own sectors: 109 in the header, the rest along the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(view.getUint32(0x4c + i * 4, true));
  let difat = view.getUint32(0x44, true);
  for (let guard = 0; difat < sectors && guard < sectors; guard++) {
    const at = sectorAt(difat);
    if (at + sectorSize > bytes.length) break;
    for (let i = 0; i < sectorSize / 4 - 1; i++) fatSectors.push(view.getUint32(at + i * 4, true));
    difat = view.getUint32(at + sectorSize - 4, true);
  }
  const next = (sid: number): number => {
    const perSector = sectorSize / 4;
    const fs = fatSectors[Math.floor(sid / perSector)];
    if (fs === undefined || fs >= sectors) return END_OF_CHAIN;
    const at = sectorAt(fs) + (sid % perSector) * 4;
    return at + 4 <= bytes.length ? view.getUint32(at, true) : END_OF_CHAIN;
  };
  const names: string[] = [];
  let sid = view.getUint32(0x30, true);
  for (let guard = 0; sid < sectors && guard <= sectors; guard++) {
    const at = sectorAt(sid);
    for (let e = 0; e < sectorSize / 128 && at + (e + 1) * 128 <= bytes.length; e++) {
      const base = at + e * 128;
      const len = view.getUint16(base + 0x40, true);
      if (view.getUint8(base + 0x42) === 0 || len < 2 || len > 64) continue;
      let name = '';
      for (let k = 0; k < len / 2 - 1; k++) name += String.fromCharCode(view.getUint16(base + k * 2, true));
      names.push(name);
    }
    sid = next(sid);
  }
  return names.length ? names : undefined;
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** The error for a file that has no zip directory. */
export function notAZipPackage(bytes: Uint8Array): WorkbookReadError {
  if (startsWith(bytes, CFB_SIGNATURE)) {
    const names = compoundFileNames(bytes);
    if (!names) return fail.encryptedOrXls();
    if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) return fail.encrypted();
    if (names.includes('Workbook') || names.includes('Book')) return fail.legacyXls();
    return fail.legacyOffice();
  }
  const text = textKind(bytes);
  if (text) return fail.textFile(text.zh, text.en);
  return fail.notAWorkbook();
}

/** Whether the bytes look like text, and which kind. */
function textKind(bytes: Uint8Array): { zh: string; en: string } | undefined {
  const head = bytes.subarray(0, 4096);
  let s: string;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    s = new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(head);
  } else {
    let control = 0;
    for (const b of head) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x1a)) control++;
    if (head.length === 0 || control > 0) return undefined;
    // UTF-8, or a Chinese system's GBK: either way the bytes are text.
    s = new TextDecoder('utf-8').decode(head);
  }
  const t = s.replace(/^\uFEFF/, '').trimStart().slice(0, 2000).toLowerCase();
  if (t.includes('urn:schemas-microsoft-com:office:spreadsheet')) return { zh: '“XML 电子表格 2003”格式的文件', en: 'an XML Spreadsheet 2003 file' };
  if (/^<(!doctype html|html|table|meta|head|body)\b/.test(t) || t.includes('<html')) return { zh: '网页（HTML）格式的表格', en: 'a web page (HTML) table' };
  return { zh: '文本文件（如 CSV）', en: 'a text file (such as CSV)' };
}
