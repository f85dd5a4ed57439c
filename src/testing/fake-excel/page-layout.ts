/**
 * Worksheet.pageLayout (ExcelApi 1.9): paper, orientation, margins in points, and the footer of every
 * page (headersFooters.defaultForAllPages.centerFooter) — what the report sheet sets to print as A4.
 */
import { FakeClientObject, asOffice, type TypeDef } from './client-object';
import { ErrorCodes, officeError } from './errors';
import type { FakeRequestContext } from './request-context';
import type { FakePageLayout, FakeSheetData } from './types';

const ORIENTATIONS = ['Portrait', 'Landscape'];
const PAPERS = ['A4', 'A3', 'A5', 'Letter', 'Legal', 'B4', 'B5'];

function layoutOf(s: FakeSheetData): FakePageLayout {
  return (s.pageLayout ??= {});
}

function margin(name: 'topMargin' | 'bottomMargin' | 'leftMargin' | 'rightMargin') {
  return {
    since: '1.9',
    setSince: '1.9',
    get: (s: FakeSheetData) => s.pageLayout?.[name] ?? 54,
    set: (s: FakeSheetData, v: unknown) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw officeError(ErrorCodes.invalidArgument, `${name} must be a number of points`);
      layoutOf(s)[name] = v;
    },
  };
}

const LAYOUT_DEF: TypeDef<FakeSheetData> = {
  typeName: 'PageLayout',
  props: {
    orientation: {
      since: '1.9',
      setSince: '1.9',
      get: (s) => s.pageLayout?.orientation ?? 'Portrait',
      set: (s, v) => {
        if (typeof v !== 'string' || !ORIENTATIONS.includes(v)) throw officeError(ErrorCodes.invalidArgument, `'${String(v)}' is not a page orientation`);
        layoutOf(s).orientation = v as FakePageLayout['orientation'];
      },
    },
    paperSize: {
      since: '1.9',
      setSince: '1.9',
      get: (s) => s.pageLayout?.paperSize ?? 'Letter',
      set: (s, v) => {
        if (typeof v !== 'string' || !PAPERS.includes(v)) throw officeError(ErrorCodes.invalidArgument, `'${String(v)}' is not a paper size`);
        layoutOf(s).paperSize = v;
      },
    },
    topMargin: margin('topMargin'),
    bottomMargin: margin('bottomMargin'),
    leftMargin: margin('leftMargin'),
    rightMargin: margin('rightMargin'),
  },
};

const FOOTER_DEF: TypeDef<FakeSheetData> = {
  typeName: 'HeaderFooter',
  props: {
    centerFooter: {
      since: '1.9',
      setSince: '1.9',
      get: (s) => s.pageLayout?.centerFooter ?? '',
      set: (s, v) => {
        layoutOf(s).centerFooter = String(v);
      },
    },
  },
};

export class FakeHeaderFooter extends FakeClientObject<FakeSheetData> {
  protected readonly def = FOOTER_DEF;
  get centerFooter(): string { return this.readProp('centerFooter'); }
  set centerFooter(v: string) { this.writeProp('centerFooter', v); }
}

const GROUP_DEF: TypeDef<FakeSheetData> = { typeName: 'HeaderFooterGroup', props: {} };

export class FakeHeaderFooterGroup extends FakeClientObject<FakeSheetData> {
  protected readonly def = GROUP_DEF;

  get defaultForAllPages(): Excel.HeaderFooter {
    return asOffice(this.footerProxy());
  }

  private footerProxy(): FakeHeaderFooter {
    return this.nav('defaultForAllPages', () => new FakeHeaderFooter(this.context, this, 'defaultForAllPages', () => this.resolve()));
  }

  protected override navigate(name: string): FakeClientObject<unknown> | undefined {
    return name === 'defaultForAllPages' ? this.footerProxy() : undefined;
  }
}

export class FakePageLayoutObject extends FakeClientObject<FakeSheetData> {
  protected readonly def = LAYOUT_DEF;

  constructor(context: FakeRequestContext, parent: FakeClientObject<unknown>, resolver: () => FakeSheetData | null) {
    super(context, parent, 'pageLayout', resolver, { version: '1.9', member: 'Worksheet.pageLayout' });
  }

  get orientation(): string { return this.readProp('orientation'); }
  set orientation(v: string) { this.writeProp('orientation', v); }
  get paperSize(): string { return this.readProp('paperSize'); }
  set paperSize(v: string) { this.writeProp('paperSize', v); }
  get topMargin(): number { return this.readProp('topMargin'); }
  set topMargin(v: number) { this.writeProp('topMargin', v); }
  get bottomMargin(): number { return this.readProp('bottomMargin'); }
  set bottomMargin(v: number) { this.writeProp('bottomMargin', v); }
  get leftMargin(): number { return this.readProp('leftMargin'); }
  set leftMargin(v: number) { this.writeProp('leftMargin', v); }
  get rightMargin(): number { return this.readProp('rightMargin'); }
  set rightMargin(v: number) { this.writeProp('rightMargin', v); }

  get headersFooters(): Excel.HeaderFooterGroup {
    return asOffice(this.groupProxy());
  }

  private groupProxy(): FakeHeaderFooterGroup {
    return this.nav('headersFooters', () => new FakeHeaderFooterGroup(this.context, this, 'headersFooters', () => this.resolve()));
  }

  protected override navigate(name: string): FakeClientObject<unknown> | undefined {
    return name === 'headersFooters' ? this.groupProxy() : undefined;
  }
}

const BREAKS_DEF: TypeDef<FakeSheetData> = { typeName: 'PageBreakCollection', props: {} };

/**
 * Worksheet.horizontalPageBreaks (ExcelApi 1.9): add(range) starts a new page at the range's top-left
 * row (the "page break before the top-left cell" of its reference page); removePageBreaks() drops all.
 */
export class FakePageBreakCollection extends FakeClientObject<FakeSheetData> {
  protected readonly def = BREAKS_DEF;

  constructor(context: FakeRequestContext, parent: FakeClientObject<unknown>, resolver: () => FakeSheetData | null) {
    super(context, parent, 'horizontalPageBreaks', resolver, { version: '1.9', member: 'Worksheet.horizontalPageBreaks' });
  }

  add(pageBreakRange: Excel.Range | string): void {
    const rowOf = (s: FakeSheetData): number => {
      if (typeof pageBreakRange === 'string') {
        const m = /^\$?[A-Za-z]{1,3}\$?(\d+)/.exec(pageBreakRange.replace(/^.*!/, ''));
        if (!m) throw officeError(ErrorCodes.invalidArgument, `'${pageBreakRange}' is not an A1 address`);
        return Number(m[1]) - 1;
      }
      const target = (pageBreakRange as unknown as { resolve(): { sheet: FakeSheetData; rect: { row: number } } | null }).resolve();
      if (!target || target.sheet !== s) throw officeError(ErrorCodes.invalidArgument, 'the page break range is on another sheet');
      return target.rect.row;
    };
    this.queueMethod('add', '1.9', typeof pageBreakRange === 'string' ? pageBreakRange : 'range', (s, run) => {
      run.host.assertEditable(s);
      const row = rowOf(s);
      if (row > 0 && !(s.pageBreaks ?? []).includes(row)) s.pageBreaks = [...(s.pageBreaks ?? []), row].sort((a, b) => a - b);
    });
  }

  removePageBreaks(): void {
    this.queueMethod('removePageBreaks', '1.9', null, (s, run) => {
      run.host.assertEditable(s);
      delete s.pageBreaks;
    });
  }
}
