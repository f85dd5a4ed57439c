/**
 * Node only, for the xlsx loader: valid SpreadsheetML that Excel opens but exceljs (the loader's parser)
 * cannot read, rewritten into the form exceljs reads, without changing what any cell holds:
 * - a prefixed main namespace (<x:worksheet xmlns:x="…/spreadsheetml/2006/main">, as the Open XML SDK
 *   writes) becomes the default namespace;
 * - rows and cells without their optional r attribute (as export systems write them) get it: a row
 *   follows the previous one, a cell the previous cell of its row (ECMA-376 §18.3.1.73, §18.3.1.4);
 * - a date cell stored as ISO 8601 text (t="d", §18.18.11) becomes the serial Excel shows for it, in
 *   the workbook's date system (exceljs would read "2023-02-01T00:00:00" as the number 2023).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { columnLetters } from './address';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function unprefix(xml: string): string {
  const m = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)="${MAIN.replace(/[./]/g, '\\$&')}"`).exec(xml);
  if (!m) return xml;
  const p = m[1];
  return xml.replace(new RegExp(`<(/?)${p}:`, 'g'), '<$1').replace(`xmlns:${p}="${MAIN}"`, `xmlns="${MAIN}"`);
}

function columnOf(ref: string): number {
  let c = 0;
  for (const ch of /^[A-Z]+/i.exec(ref)![0].toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  return c - 1;
}

/** A row or cell tag without an r attribute. */
const UNNUMBERED = /<(row|c)(?=[\s/>])(?![^>]*\sr=")[^>]*>/;

function numberRows(xml: string): string {
  let row = 0;
  let col = -1;
  return xml.replace(/<(row|c)(?=[\s/>])([^>]*)>/g, (whole, tag: string, attrs: string) => {
    const r = /\sr="([^"]*)"/.exec(attrs);
    if (tag === 'row') {
      row = r ? Number(r[1]) : row + 1;
      col = -1;
      return r ? whole : `<row r="${row}"${attrs}>`;
    }
    col = r ? columnOf(r[1]) : col + 1;
    return r ? whole : `<c r="${columnLetters(col)}${row}"${attrs}>`;
  });
}

/** An ISO date as Excel's serial: 1900 system from 1899-12-30 (dates from March 1900), 1904 from 1904-01-01. */
function isoSerial(iso: string, date1904: boolean): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(iso.trim());
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  return (ms - (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) / 86_400_000;
}

function isoDates(xml: string, date1904: boolean): string {
  return xml.replace(/<c(?=[\s>])([^>]*?)\st="d"([^>]*)>([\s\S]*?)<\/c>/g, (whole, before: string, after: string, inner: string) => {
    const v = /<v>([^<]*)<\/v>/.exec(inner);
    const serial = v ? isoSerial(v[1], date1904) : undefined;
    return serial === undefined ? whole : `<c${before}${after}>${inner.replace(v![0], `<v>${serial}</v>`)}</c>`;
  });
}

/** The package rewritten where needed; the same bytes when nothing needed it. */
export function normalizePackage(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  let changed = false;
  const workbook = files['xl/workbook.xml'] ? strFromU8(files['xl/workbook.xml']) : '';
  const date1904 = /date1904="(1|true)"/.test(workbook);
  for (const [name, data] of Object.entries(files)) {
    if (!/^xl\/.*\.xml$/.test(name)) continue;
    const xml = strFromU8(data);
    let out = unprefix(xml);
    if (/^xl\/worksheets\//.test(name) && UNNUMBERED.test(out)) out = numberRows(out);
    if (/^xl\/worksheets\//.test(name) && out.includes('t="d"')) out = isoDates(out, date1904);
    if (out !== xml) {
      files[name] = strToU8(out);
      changed = true;
    }
  }
  return changed ? zipSync(files) : bytes;
}
