/**
 * The package's map: which part is the workbook, which part holds each sheet (names resolved through
 * workbook.xml and its relationships), and the bookkeeping edits — adding a sheet (and listing it in
 * docProps/app.xml), removing the parts only a replaced sheet used, dropping the calculation chain,
 * asking Excel to recalculate on open.
 */
import type { PatchCodec } from './codec';
import { RESAVE_ADVICE, XlsxPatchError } from './errors';
import { Package, isRelsPart, relsPartOf, resolveTarget, sourceOfRels } from './package';
import { attrOf, attrsOf, escapeAttr, escapeText, rootOf, setAttr, unescapeXml } from './xml';
import type { WrittenPart } from './zip';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_TYPES = {
  officeDocument: `${REL}/officeDocument`,
  worksheet: `${REL}/worksheet`,
  styles: `${REL}/styles`,
  calcChain: `${REL}/calcChain`,
  extendedProperties: `${REL}/extended-properties`,
};
export const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** Where the element sits in the .rels text. */
  start: number;
  end: number;
}

export function parseRelationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  const re = /<(?:[\w.-]+:)?Relationship\b[^>]*>(?:\s*<\/(?:[\w.-]+:)?Relationship>)?/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const a = attrsOf(m[0].slice(0, m[0].indexOf('>') + 1));
    out.push({ id: a.Id, type: a.Type, target: a.Target, external: a.TargetMode === 'External', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export interface SheetEntry {
  name: string;
  relId: string;
  /** The part holding the sheet; the rel type says whether it is a worksheet (else chart or dialog sheet). */
  part: string;
  isWorksheet: boolean;
}

export class Workbook {
  readonly part: string;
  readonly sheets: SheetEntry[];
  private stylesTarget: string | undefined;
  private readonly relsPart: string;

  constructor(private readonly pkg: Package) {
    if (!pkg.has('[Content_Types].xml') || !pkg.has('_rels/.rels')) throw new XlsxPatchError(`文件不是 Office Open XML 工作簿（缺少包结构部件）。${RESAVE_ADVICE}`);
    const main = parseRelationships(pkg.read('_rels/.rels')).find((r) => r.type.endsWith('/officeDocument'));
    if (!main) throw new XlsxPatchError(`文件中找不到工作簿部件。${RESAVE_ADVICE}`);
    if (main.type !== REL_TYPES.officeDocument) throw new XlsxPatchError(`此文件是“严格 Open XML（Strict）”格式，本工具只能改写常规 .xlsx。${RESAVE_ADVICE}`);
    this.part = resolveTarget('', main.target);
    if (/\.bin$/i.test(this.part)) throw new XlsxPatchError(`此文件是二进制工作簿（.xlsb），无法直接改写。${RESAVE_ADVICE}`);
    const xml = pkg.read(this.part);
    const root = rootOf(xml, 'workbook', this.part);
    this.relsPart = relsPartOf(this.part);
    const rels = parseRelationships(pkg.read(this.relsPart));
    const relById = new Map(rels.map((r) => [r.id, r]));
    const styles = rels.find((r) => r.type === REL_TYPES.styles);
    this.stylesTarget = styles && resolveTarget(this.part, styles.target);
    this.sheets = [];
    const re = new RegExp(`<${root.prefix}sheet\\s[^>]*>`, 'g');
    for (let m = re.exec(xml); m; m = re.exec(xml)) {
      const a = attrsOf(m[0]);
      const idKey = Object.keys(a).find((k) => k.endsWith(':id') && k !== 'xml:id');
      const rel = idKey ? relById.get(a[idKey]) : undefined;
      if (!rel || a.name === undefined) throw new XlsxPatchError(`工作簿中的工作表“${a.name ?? '?'}”找不到对应部件。${RESAVE_ADVICE}`);
      this.sheets.push({ name: a.name, relId: rel.id, part: resolveTarget(this.part, rel.target), isWorksheet: rel.type === REL_TYPES.worksheet });
    }
  }

  /** The styles part, related to the workbook first if the generator wrote none (the part itself is Styles' job). */
  stylesPart(): string {
    if (this.stylesTarget) return this.stylesTarget;
    const relsXml = this.pkg.read(this.relsPart);
    this.pkg.write(this.relsPart, insertBeforeClose(relsXml, 'Relationships', `<Relationship Id="${nextRelId(relsXml)}" Type="${REL_TYPES.styles}" Target="styles.xml"/>`));
    this.stylesTarget = `${this.part.slice(0, this.part.lastIndexOf('/') + 1)}styles.xml`;
    return this.stylesTarget;
  }

  /** Sheet names compare case-insensitively in Excel ("Sheet1" and "SHEET1" are the same sheet). */
  sheet(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Registers a new worksheet part after the existing sheets; returns its part name. */
  addWorksheet(name: string, content: string | WrittenPart): string {
    // New sheets go beside the workbook part's existing ones (xl/worksheets/ for every known writer).
    const dir = this.part.slice(0, this.part.lastIndexOf('/') + 1);
    let n = this.sheets.length + 1;
    while (this.pkg.has(`${dir}worksheets/sheet${n}.xml`)) n++;
    const part = `${dir}worksheets/sheet${n}.xml`;
    this.pkg.write(part, content);

    const relsXml = this.pkg.read(this.relsPart);
    const relId = nextRelId(relsXml);
    const relEl = `<Relationship Id="${relId}" Type="${REL_TYPES.worksheet}" Target="worksheets/sheet${n}.xml"/>`;
    this.pkg.write(this.relsPart, insertBeforeClose(relsXml, 'Relationships', relEl));

    let xml = this.pkg.read(this.part);
    const root = rootOf(xml, 'workbook', this.part);
    const p = root.prefix;
    const sheetIds = [...xml.matchAll(new RegExp(`<${p}sheet\\s[^>]*>`, 'g'))].map((m) => Number(attrOf(m[0], 'sheetId')) || 0);
    const sheetId = Math.max(0, ...sheetIds) + 1;
    // Declare the relationships prefix on the element itself when the root does not bind one.
    const idAttr = root.relPrefix ? `${root.relPrefix}id="${relId}"` : `r:id="${relId}" xmlns:r="${REL}"`;
    const sheetEl = `<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${idAttr}/>`;
    const close = xml.indexOf(`</${p}sheets>`);
    if (close < 0) throw new XlsxPatchError(`工作簿缺少工作表清单。${RESAVE_ADVICE}`);
    xml = xml.slice(0, close) + sheetEl + xml.slice(close);
    this.pkg.write(this.part, xml);

    addOverride(this.pkg, part, WORKSHEET_CONTENT_TYPE);
    this.sheets.push({ name, relId, part, isWorksheet: true });
    this.listSheetsInAppProperties();
    return part;
  }

  /**
   * Removes what only this sheet used — its relationships part and, through it, drawings, notes and
   * their VML, images, charts, printer settings, tables — each with its content-type override. Parts
   * are reference-counted over every relationships part in the package: an image another sheet's
   * drawing shows, or a pivot cache the workbook lists, stays.
   */
  removeSheetDependencies(sheetPart: string): void {
    const own = relsPartOf(sheetPart);
    if (!this.pkg.has(own)) return;
    const key = (p: string) => p.toLowerCase();
    const targetsOf = (rels: string) => [
      ...new Set(
        parseRelationships(this.pkg.read(rels))
          .filter((r) => !r.external && r.target)
          .map((r) => resolveTarget(sourceOfRels(rels), r.target)),
      ),
    ];
    const uses = new Map<string, number>();
    for (const rels of this.pkg.names().filter(isRelsPart)) for (const t of targetsOf(rels)) uses.set(key(t), (uses.get(key(t)) ?? 0) + 1);
    const orphans: string[] = [];
    const release = (rels: string) => {
      for (const t of targetsOf(rels)) {
        const n = (uses.get(key(t)) ?? 0) - 1;
        uses.set(key(t), n);
        if (n === 0) orphans.push(t);
      }
      this.pkg.remove(rels);
    };
    release(own);
    for (let part = orphans.pop(); part !== undefined; part = orphans.pop()) {
      const stored = this.pkg.find(part);
      // Never the sheet itself (it is being rewritten), nor a part already gone.
      if (!stored || key(stored) === key(sheetPart)) continue;
      if (this.pkg.has(relsPartOf(stored))) release(relsPartOf(stored));
      this.pkg.remove(stored);
      removeOverride(this.pkg, stored);
    }
  }

  /**
   * docProps/app.xml lists the sheets by name (TitlesOfParts) under counted headings (HeadingPairs:
   * "Worksheets" 3, "Named Ranges" 2…). Rewrites the worksheet heading's entries to the workbook's
   * worksheets as they are now. A list that does not add up is left alone: it is only a summary, and
   * guessing at it could make it worse.
   */
  listSheetsInAppProperties(): void {
    const rel = parseRelationships(this.pkg.read('_rels/.rels')).find((r) => r.type === REL_TYPES.extendedProperties);
    const part = rel && this.pkg.find(resolveTarget('', rel.target));
    if (!part) return;
    const xml = this.pkg.read(part);
    const heading = /(<(?:[\w.-]+:)?HeadingPairs\b[^>]*>\s*<([\w.-]+:)?vector\b[^>]*>)([\s\S]*?)(<\/(?:[\w.-]+:)?vector>\s*<\/(?:[\w.-]+:)?HeadingPairs>)/.exec(xml);
    const titles = /(<(?:[\w.-]+:)?TitlesOfParts\b[^>]*>\s*<([\w.-]+:)?vector\b[^>]*>)([\s\S]*?)(<\/(?:[\w.-]+:)?vector>\s*<\/(?:[\w.-]+:)?TitlesOfParts>)/.exec(xml);
    if (!heading || !titles) return;
    const vt = titles[2] ?? '';
    const variants = [...heading[3].matchAll(/<(?:[\w.-]+:)?variant\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?variant>/g)].map((m) => m[1]);
    const pairs: { name: string; count: number }[] = [];
    for (let i = 0; i + 1 < variants.length; i += 2) {
      const name = /<(?:[\w.-]+:)?lpstr>([\s\S]*?)<\//.exec(variants[i])?.[1];
      const count = /<(?:[\w.-]+:)?i4>\s*(\d+)\s*</.exec(variants[i + 1])?.[1];
      if (name === undefined || count === undefined) return;
      pairs.push({ name: unescapeXml(name), count: Number(count) });
    }
    const names = [...titles[3].matchAll(/<(?:[\w.-]+:)?lpstr>([\s\S]*?)<\/(?:[\w.-]+:)?lpstr>|<(?:[\w.-]+:)?lpstr\s*\/>/g)].map((m) => unescapeXml(m[1] ?? ''));
    if (pairs.reduce((n, p) => n + p.count, 0) !== names.length) return;
    const worksheetNames = this.sheets.filter((s) => s.isWorksheet).map((s) => s.name);
    let start = 0;
    const at = pairs.findIndex((p) => {
      const slice = names.slice(start, start + p.count);
      start += p.count;
      // Excel writes the heading in the user's language (Worksheets, 工作表…): known by its entries too.
      return /^(worksheets|工作表)$/i.test(p.name.trim()) || (p.count > 0 && slice.every((n) => worksheetNames.includes(n)));
    });
    if (at < 0) return;
    const before = pairs.slice(0, at).reduce((n, p) => n + p.count, 0);
    const nextNames = [...names.slice(0, before), ...worksheetNames, ...names.slice(before + pairs[at].count)];
    if (nextNames.length === names.length && nextNames.every((n, i) => n === names[i])) return;
    pairs[at].count = worksheetNames.length;
    const headingXml = pairs.map((p) => `<${vt}variant><${vt}lpstr>${escapeText(p.name)}</${vt}lpstr></${vt}variant><${vt}variant><${vt}i4>${p.count}</${vt}i4></${vt}variant>`).join('');
    const titlesXml = nextNames.map((n) => `<${vt}lpstr>${escapeText(n)}</${vt}lpstr>`).join('');
    const sized = (open: string, size: number) => open.replace(/(<(?:[\w.-]+:)?vector\b[^>]*>)$/, (v) => setAttr(v, 'size', String(size)));
    let next = xml.slice(0, titles.index) + sized(titles[1], nextNames.length) + titlesXml + titles[4] + xml.slice(titles.index + titles[0].length);
    const h = heading.index < titles.index ? heading.index : heading.index + (next.length - xml.length);
    next = next.slice(0, h) + sized(heading[1], pairs.length * 2) + headingXml + heading[4] + next.slice(h + heading[0].length);
    this.pkg.write(part, next);
  }

  /** Excel writes a calculation chain whenever the workbook has formulas. */
  hasCalcChain(): boolean {
    return parseRelationships(this.pkg.read(this.relsPart)).some((r) => r.type === REL_TYPES.calcChain);
  }

  /**
   * Removes xl/calcChain.xml with its relationship and content type. The chain lists every formula
   * cell; once a formula is overwritten, a stale chain makes Excel report the file as damaged,
   * while a missing one is simply rebuilt.
   */
  dropCalcChain(): void {
    const relsXml = this.pkg.read(this.relsPart);
    const chain = parseRelationships(relsXml).filter((r) => r.type === REL_TYPES.calcChain);
    for (const r of chain.reverse()) {
      const part = resolveTarget(this.part, r.target);
      this.pkg.remove(part);
      removeOverride(this.pkg, part);
    }
    if (chain.length) this.pkg.write(this.relsPart, chain.reduce((xml, r) => xml.slice(0, r.start) + xml.slice(r.end), relsXml));
  }

  /**
   * Sets calcPr fullCalcOnLoad: formulas elsewhere that read the cells we wrote (an average of 执行率,
   * a check column) still hold cached results computed from the old values until Excel recalculates.
   * Files from exceljs, WPS or LibreOffice carry an older calcId (or none), which already makes Excel
   * recalculate on opening; only Excel's own files need asking.
   */
  requestFullCalcOnLoad(): void {
    const xml = this.pkg.read(this.part);
    const p = rootOf(xml, 'workbook', this.part).prefix;
    const m = new RegExp(`<${p}calcPr\\b[^>]*>`).exec(xml);
    if (m) {
      if (attrOf(m[0], 'fullCalcOnLoad') === '1') return;
      this.pkg.write(this.part, xml.slice(0, m.index) + setAttr(m[0], 'fullCalcOnLoad', '1') + xml.slice(m.index + m[0].length));
      return;
    }
    // calcPr's place in CT_Workbook: before these elements, if present.
    const after = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
    const at = firstElement(xml, p, after) ?? xml.lastIndexOf(`</${p}workbook>`);
    this.pkg.write(this.part, xml.slice(0, at) + `<${p}calcPr fullCalcOnLoad="1"/>` + xml.slice(at));
  }
}

/** The content type of the workbook part ("…sheet.main+xml", "…macroEnabled.main+xml"…): what kind of file this really is. */
export function workbookContentType(input: Uint8Array, codec: PatchCodec): string | undefined {
  const pkg = new Package(input, codec);
  if (!pkg.has('_rels/.rels')) return undefined;
  const main = parseRelationships(pkg.read('_rels/.rels')).find((r) => r.type.endsWith('/officeDocument'));
  return main ? pkg.contentTypeOf(resolveTarget('', main.target)) : undefined;
}

function nextRelId(relsXml: string): string {
  const ids = new Set(parseRelationships(relsXml).map((r) => r.id));
  let k = ids.size + 1;
  while (ids.has(`rId${k}`)) k++;
  return `rId${k}`;
}

/** Offset of the first of these elements (with the part's prefix), or undefined. */
export function firstElement(xml: string, prefix: string, names: string[], from = 0): number | undefined {
  let best: number | undefined;
  for (const n of names) {
    const re = new RegExp(`<${prefix}${n}[\\s/>]`, 'g');
    re.lastIndex = from;
    const m = re.exec(xml);
    if (m && (best === undefined || m.index < best)) best = m.index;
  }
  return best;
}

function insertBeforeClose(xml: string, localName: string, fragment: string): string {
  const m = new RegExp(`</(?:[\\w.-]+:)?${localName}>\\s*$`).exec(xml);
  if (!m) throw new XlsxPatchError(`部件结构不完整（缺少 </${localName}>）。${RESAVE_ADVICE}`);
  return xml.slice(0, m.index) + fragment + xml.slice(m.index);
}

export function addOverride(pkg: Package, part: string, contentType: string): void {
  const xml = pkg.read('[Content_Types].xml');
  const partName = `/${part}`;
  if (new RegExp(`PartName="${partName.replace(/[.[\]]/g, '\\$&')}"`, 'i').test(xml)) return;
  pkg.write('[Content_Types].xml', insertBeforeClose(xml, 'Types', `<Override PartName="${escapeAttr(partName)}" ContentType="${contentType}"/>`));
}

export function removeOverride(pkg: Package, part: string): void {
  const xml = pkg.read('[Content_Types].xml');
  const re = new RegExp(`<(?:[\\w.-]+:)?Override\\b[^>]*PartName="/${part.replace(/[.[\]]/g, '\\$&')}"[^>]*>(?:</(?:[\\w.-]+:)?Override>)?`, 'i');
  const next = xml.replace(re, '');
  if (next !== xml) pkg.write('[Content_Types].xml', next);
}
