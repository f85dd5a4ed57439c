/**
 * Reading one part of the package: streamed from the zip through the XML scanner, with only the
 * elements of the part's own namespace reaching the reader — other producers' extensions are skipped
 * whole, and markup-compatibility wrappers (mc:AlternateContent) are read through their Fallback.
 */
import { fail } from './errors';
import { XmlScanner, type ScanHandler } from './xml-scan';
import { type InflateCodec, type InflateLimits, type ZipEntry, streamEntry } from './zip';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  officeRels: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  strictPrefix: 'http://purl.oclc.org/ooxml/',
};

/** A reader of one part: told only about elements in `ns`, with the scanner at hand for attributes and text. */
export interface PartReader {
  open(local: string, scanner: XmlScanner, empty: boolean): void;
  close(local: string, scanner: XmlScanner): void;
}

function filtered(reader: PartReader, ns: string, scanner: () => XmlScanner): ScanHandler {
  return {
    open(local, elementNs, empty) {
      if (elementNs === ns) return reader.open(local, scanner(), empty);
      // AlternateContent and Fallback are transparent; a Choice needs what we cannot promise to understand.
      if (elementNs === NS.mc && (local === 'AlternateContent' || local === 'Fallback')) return;
      if (elementNs.startsWith(NS.strictPrefix)) throw fail.strict();
      if (!empty) scanner().skipElement();
    },
    close(local, elementNs) {
      if (elementNs === ns) reader.close(local, scanner());
    },
  };
}

export interface PartSource {
  codec: InflateCodec;
  limits?: InflateLimits;
}

export async function readPart(entry: ZipEntry, ns: string, reader: PartReader, source: PartSource): Promise<void> {
  const scanner: XmlScanner = new XmlScanner(filtered(reader, ns, () => scanner), entry.name);
  await streamEntry(entry, source.codec, (piece) => scanner.push(piece), source.limits);
  scanner.end();
}

/** A relationship of a .rels part. */
export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export async function readRelationships(entry: ZipEntry, source: PartSource): Promise<Relationship[]> {
  const out: Relationship[] = [];
  await readPart(
    entry,
    NS.rels,
    {
      open(local, s) {
        if (local !== 'Relationship') return;
        out.push({ id: s.attr('Id') ?? '', type: s.attr('Type') ?? '', target: s.attr('Target') ?? '', external: s.attr('TargetMode') === 'External' });
      },
      close() {},
    },
    source,
  );
  return out;
}

/** `xl/worksheets/_rels/sheet1.xml.rels` for `xl/worksheets/sheet1.xml`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part: relative (`worksheets/sheet1.xml`) or absolute (`/xl/…`, as openpyxl writes). */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  let path = target.replace(/[?#].*$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape: take the target as written.
  }
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}
