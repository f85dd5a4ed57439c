/**
 * The package to the core's snapshot: the workbook found through the package relationships, its
 * sheets (names, order, visibility) and date system from workbook.xml, the shared strings, each
 * worksheet's cells and the Excel tables related to it. Only these parts are ever inflated — never
 * drawings, pivot caches, printer settings, VBA or styles.
 */
import type { SheetSnapshot, SheetTable, SheetVisibility, WorkbookSnapshot } from '../../core';
import { parseCellRef } from './cell-values';
import { fail } from './errors';
import { NS, type PartSource, type Relationship, readPart, readRelationships, relsPartOf, resolveTarget } from './parts';
import { readSharedStrings } from './shared-strings';
import { type CellBudget, readWorksheet } from './sheet';
import { notAZipPackage } from './sniff';
import { type InflateCodec, type InflateLimits, type ZipEntry, readCentralDirectory } from './zip';

export interface ReadOptions {
  codec: InflateCodec;
  limits?: InflateLimits;
  /** Cells holding something, over all sheets, before the reader refuses the workbook. */
  maxCells?: number;
}

/** About 20 bytes a stored cell: 20 million keep the whole run within a default Node heap. */
export const DEFAULT_MAX_CELLS = 20_000_000;

const REL_TYPE = (t: string) => t.slice(t.lastIndexOf('/') + 1);

class PackageParts {
  private readonly byName = new Map<string, ZipEntry>();

  constructor(readonly entries: ZipEntry[]) {
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  /** Part names compare case-insensitively (OPC); a leading slash is allowed. */
  get(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\//, '').toLowerCase());
  }

  need(name: string): ZipEntry {
    const e = this.get(name);
    if (!e) throw fail.missingPart(name);
    return e;
  }
}

interface SheetRef {
  name: string;
  relId: string | undefined;
  visibility: SheetVisibility;
}

async function readWorkbookPart(entry: ZipEntry, source: PartSource): Promise<{ sheets: SheetRef[]; dateSystem: 1900 | 1904 }> {
  const sheets: SheetRef[] = [];
  let dateSystem: 1900 | 1904 = 1900;
  let sawRoot = false;
  await readPart(
    entry,
    NS.main,
    {
      open(local, s) {
        if (local === 'workbook') sawRoot = true;
        else if (local === 'workbookPr') {
          const v = s.attr('date1904');
          if (v === '1' || v === 'true') dateSystem = 1904;
        } else if (local === 'sheet') {
          let relId: string | undefined;
          // r:id with whatever prefix the producer bound to the relationships namespace.
          s.eachAttr((name, value) => {
            const colon = name.indexOf(':');
            if (colon > 0 && name.slice(colon + 1) === 'id' && s.namespaceOf(name.slice(0, colon)) === NS.officeRels) relId = value;
          });
          const state = s.attr('state');
          sheets.push({ name: s.attr('name') ?? '', relId, visibility: state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible' });
        } else if (local === 'definedNames' || local === 'extLst' || local === 'pivotCaches' || local === 'externalReferences') s.skipElement();
      },
      close() {},
    },
    source,
  );
  if (!sawRoot) throw fail.damaged(entry.name, '不是工作簿部件', 'is not a workbook part');
  return { sheets, dateSystem };
}

async function readTable(entry: ZipEntry, source: PartSource): Promise<SheetTable | undefined> {
  let table: SheetTable | undefined;
  await readPart(
    entry,
    NS.main,
    {
      open(local, s, empty) {
        if (local !== 'table') {
          if (!empty) s.skipElement();
          return;
        }
        const ref = s.attr('ref') ?? '';
        const [a, z = a] = ref.split(':');
        const from = parseCellRef(a.replace(/\$/g, ''));
        const to = parseCellRef(z.replace(/\$/g, ''));
        if (!from || !to) return;
        const totals = Number(s.attr('totalsRowCount') ?? '0');
        table = { name: s.attr('displayName') ?? s.attr('name') ?? '', rect: { top: from.row, left: from.col, bottom: to.row, right: to.col }, totalsRow: totals > 0 };
      },
      close() {},
    },
    source,
  );
  return table;
}

async function relationshipsOf(parts: PackageParts, part: string, source: PartSource): Promise<Relationship[]> {
  const rels = parts.get(relsPartOf(part));
  return rels ? readRelationships(rels, source) : [];
}

/** The main part's kind, for a zip that is not a workbook (a .docx, an .xlsb…). */
function refuseNonWorkbook(parts: PackageParts, main: string | undefined): void {
  if (parts.get('mimetype') && parts.get('content.xml')) throw fail.ods();
  if (!main) {
    if (parts.get('word/document.xml')) throw fail.otherOffice('Word 文档', 'a Word document');
    if (parts.get('ppt/presentation.xml')) throw fail.otherOffice('PowerPoint 演示文稿', 'a PowerPoint presentation');
    if (parts.get('xl/workbook.bin')) throw fail.xlsb();
    throw parts.get('[Content_Types].xml') ? fail.missingPart('_rels/.rels') : fail.notAWorkbook();
  }
  if (/\.bin$/i.test(main)) throw fail.xlsb();
  if (/^word\//i.test(main)) throw fail.otherOffice('Word 文档', 'a Word document');
  if (/^ppt\//i.test(main)) throw fail.otherOffice('PowerPoint 演示文稿', 'a PowerPoint presentation');
}

export async function readWorkbookSnapshot(bytes: Uint8Array, options: ReadOptions): Promise<WorkbookSnapshot> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw notAZipPackage(bytes);
  const parts = new PackageParts(readCentralDirectory(bytes));
  const source: PartSource = { codec: options.codec, limits: options.limits };

  const rootRels = parts.get('_rels/.rels');
  const docRel = rootRels ? (await readRelationships(rootRels, source)).find((r) => REL_TYPE(r.type) === 'officeDocument' && !r.external) : undefined;
  if (docRel?.type.startsWith(NS.strictPrefix)) throw fail.strict();
  const mainPart = docRel && resolveTarget('', docRel.target);
  refuseNonWorkbook(parts, mainPart);
  const main = parts.need(mainPart!);

  const { sheets, dateSystem } = await readWorkbookPart(main, source);
  const rels = await relationshipsOf(parts, main.name, source);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const sstRel = rels.find((r) => REL_TYPE(r.type) === 'sharedStrings' && !r.external);
  const sstEntry = sstRel && parts.get(resolveTarget(main.name, sstRel.target));
  const sharedStrings = sstEntry ? await readSharedStrings(sstEntry, source) : [];

  const budget: CellBudget = { limit: options.maxCells ?? DEFAULT_MAX_CELLS, left: options.maxCells ?? DEFAULT_MAX_CELLS };
  const out: SheetSnapshot[] = [];
  for (const ref of sheets) {
    const rel = ref.relId === undefined ? undefined : relById.get(ref.relId);
    if (!rel) throw fail.damaged(main.name, `中的工作表“${ref.name}”找不到对应的部件`, `lists sheet "${ref.name}" without a part for it`);
    // Chart sheets, dialog sheets and macro sheets hold no cells the core reads.
    if (REL_TYPE(rel.type) !== 'worksheet' || rel.external) continue;
    const part = resolveTarget(main.name, rel.target);
    const sheet = await readWorksheet(parts.need(part), { name: ref.name, sharedStrings, dateSystem, budget }, source);
    sheet.visibility = ref.visibility;
    const tables: SheetTable[] = [];
    for (const r of await relationshipsOf(parts, part, source)) {
      if (REL_TYPE(r.type) !== 'table' || r.external) continue;
      const entry = parts.get(resolveTarget(part, r.target));
      const table = entry && (await readTable(entry, source));
      if (table) tables.push(table);
    }
    sheet.tables = tables;
    out.push(sheet);
  }
  return { sheets: out, dateSystem };
}
