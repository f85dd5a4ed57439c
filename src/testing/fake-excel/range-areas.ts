/**
 * Excel.RangeAreas and its RangeCollection (ExcelApi 1.9), as Range.getMergedAreasOrNullObject
 * (1.13) hands them out. The areas are read through `areas.items`, each a Range with its own indexes —
 * the reading Microsoft suggests in OfficeDev/office-js #1590.
 */
import { cellCount, formatAddress, type Rect } from './address';
import { FakeClientObject, asOffice, type TypeDef } from './client-object';
import { FakeCollection } from './collection';
import type { Requirement } from './context';
import { ErrorCodes, officeError } from './errors';
import { FakeRange } from './range';
import type { FakeRequestContext } from './request-context';
import type { FakeSheetData } from './types';

export interface AreasTarget {
  sheet: FakeSheetData;
  rects: Rect[];
}

const AREAS_DEF: TypeDef<AreasTarget> = {
  typeName: 'RangeAreas',
  props: {
    address: { since: '1.9', get: (t) => t.rects.map((r) => formatAddress(t.sheet.name, r)).join(',') },
    areaCount: { since: '1.9', get: (t) => t.rects.length },
    cellCount: { since: '1.9', get: (t) => t.rects.reduce((n, r) => n + cellCount(r), 0) },
  },
};

export class FakeRangeCollection extends FakeCollection<AreasTarget, FakeRange> implements Pick<Excel.RangeCollection, 'items' | 'getItemAt' | 'getCount'> {
  protected readonly def: TypeDef<AreasTarget> = { typeName: 'RangeCollection', props: {} };

  get items(): Excel.Range[] {
    return this.readItems().map((r) => asOffice<Excel.Range>(r));
  }

  protected buildItems(t: AreasTarget): FakeRange[] {
    return t.rects.map((rect, i) => new FakeRange(this.context, this, `items[${i}]`, () => ({ sheet: t.sheet, rect })));
  }

  protected countItems(t: AreasTarget): number {
    return t.rects.length;
  }

  getItemAt(index: number): Excel.Range {
    return asOffice(
      new FakeRange(this.context, this, `getItemAt(${index})`, () => {
        const t = this.resolve();
        if (t === null) return null;
        const rect = t.rects[index];
        if (!rect) throw officeError(ErrorCodes.itemNotFound, `no area ${index}`);
        return { sheet: t.sheet, rect };
      }),
    );
  }

  getCount(): OfficeExtension.ClientResult<number> {
    return this.count('1.9');
  }
}

export class FakeRangeAreas extends FakeClientObject<AreasTarget> implements Pick<Excel.RangeAreas, 'address' | 'areaCount' | 'cellCount' | 'areas'> {
  protected readonly def = AREAS_DEF;

  constructor(context: FakeRequestContext, parent: FakeClientObject<unknown>, segment: string, resolver: () => AreasTarget | null, introducedBy: Requirement) {
    super(context, parent, segment, resolver, introducedBy);
  }

  get address(): string { return this.readProp('address'); }
  get areaCount(): number { return this.readProp('areaCount'); }
  get cellCount(): number { return this.readProp('cellCount'); }

  get areas(): Excel.RangeCollection {
    return asOffice(this.areasProxy());
  }

  private areasProxy(): FakeRangeCollection {
    return this.nav('areas', () => new FakeRangeCollection(this.context, this, 'areas', () => this.resolve()));
  }

  protected override navigate(name: string): FakeClientObject<unknown> | undefined {
    return name === 'areas' ? this.areasProxy() : undefined;
  }
}
