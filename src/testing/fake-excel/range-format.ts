/** Range.format, .format.font and .format.fill: proxies over the same cells as their range. */
import { isEntireColumns, isEntireRows } from './address';
import { FakeClientObject, asOffice, type TypeDef } from './client-object';
import type { SyncRun } from './context';
import { ErrorCodes, officeError } from './errors';
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_FONT,
  DEFAULT_ROW_HEIGHT,
  autofitColumns,
  autofitRows,
  patchFont,
  uniformFormat,
  uniformIndexed,
  updateFormats,
} from './formats';
import type { FakeRequestContext } from './request-context';
import { checkFormatTarget, type RangeTarget } from './range-write';
import type { FakeFont, FakeHorizontalAlignment, FakeVerticalAlignment } from './types';

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  gray: '#808080',
  grey: '#808080',
};

/** Office accepts "#RRGGBB" or a colour name and answers "#RRGGBB". */
export function normalizeColor(value: unknown): string {
  if (typeof value === 'string') {
    const hex = /^#?([0-9a-f]{6})$/i.exec(value.trim());
    if (hex) return `#${hex[1].toUpperCase()}`;
    const named = NAMED_COLORS[value.trim().toLowerCase()];
    if (named) return named;
  }
  throw officeError(ErrorCodes.invalidArgument, `'${String(value)}' is not a colour`);
}

function oneOf<V extends string>(allowed: readonly V[], value: unknown, what: string): V {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as V; // membership just checked
  throw officeError(ErrorCodes.invalidArgument, `'${String(value)}' is not a valid ${what}`);
}

const HORIZONTAL: readonly FakeHorizontalAlignment[] = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const VERTICAL: readonly FakeVerticalAlignment[] = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

function positive(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw officeError(ErrorCodes.invalidArgument, `${what} must be a non-negative number`);
  return value;
}

const FORMAT_DEF: TypeDef<RangeTarget> = {
  typeName: 'RangeFormat',
  props: {
    columnWidth: {
      since: '1.2',
      get: ({ sheet, rect }) => uniformIndexed(sheet.columnWidths, rect.col, rect.cols, sheet.standardWidth ?? DEFAULT_COLUMN_WIDTH),
      set: (t, v, run) => {
        checkFormatTarget(t, run, 'RangeFormat.columnWidth');
        const width = positive(v, 'columnWidth');
        if (isEntireRows(t.rect)) t.sheet.standardWidth = width;
        else for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) t.sheet.columnWidths[c] = width;
      },
    },
    rowHeight: {
      since: '1.2',
      get: ({ sheet, rect }) => uniformIndexed(sheet.rowHeights, rect.row, rect.rows, sheet.standardHeight ?? DEFAULT_ROW_HEIGHT),
      set: (t, v, run) => {
        checkFormatTarget(t, run, 'RangeFormat.rowHeight');
        const height = positive(v, 'rowHeight');
        if (isEntireColumns(t.rect)) t.sheet.standardHeight = height;
        else for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) t.sheet.rowHeights[r] = height;
      },
    },
    wrapText: {
      since: '1.1',
      get: ({ sheet, rect }) => uniformFormat(sheet, rect, (f) => f.wrapText ?? false),
      set: (t, v, run) => {
        checkFormatTarget(t, run, 'RangeFormat.wrapText');
        if (typeof v !== 'boolean') throw officeError(ErrorCodes.invalidArgument, 'wrapText must be a boolean');
        updateFormats(t.sheet, t.rect, (f) => ({ ...f, wrapText: v }));
      },
    },
    horizontalAlignment: {
      since: '1.1',
      get: ({ sheet, rect }) => uniformFormat(sheet, rect, (f) => f.horizontalAlignment ?? 'General'),
      set: (t, v, run) => {
        checkFormatTarget(t, run, 'RangeFormat.horizontalAlignment');
        const alignment = oneOf(HORIZONTAL, v, 'horizontalAlignment');
        updateFormats(t.sheet, t.rect, (f) => ({ ...f, horizontalAlignment: alignment }));
      },
    },
    verticalAlignment: {
      since: '1.1',
      get: ({ sheet, rect }) => uniformFormat(sheet, rect, (f) => f.verticalAlignment ?? 'Bottom'),
      set: (t, v, run) => {
        checkFormatTarget(t, run, 'RangeFormat.verticalAlignment');
        const alignment = oneOf(VERTICAL, v, 'verticalAlignment');
        updateFormats(t.sheet, t.rect, (f) => ({ ...f, verticalAlignment: alignment }));
      },
    },
  },
};

abstract class RangePart extends FakeClientObject<RangeTarget> {
  constructor(context: FakeRequestContext, parent: FakeClientObject<RangeTarget>, segment: string) {
    super(context, parent, segment, () => parent.resolve());
  }
}

type FormatMembers = 'columnWidth' | 'rowHeight' | 'wrapText' | 'horizontalAlignment' | 'verticalAlignment' | 'autofitColumns' | 'autofitRows' | 'font' | 'fill' | 'borders';

export class FakeRangeFormat extends RangePart implements Pick<Excel.RangeFormat, FormatMembers> {
  protected readonly def = FORMAT_DEF;

  get columnWidth(): number { return this.readProp('columnWidth'); }
  set columnWidth(v: number) { this.writeProp('columnWidth', v); }
  get rowHeight(): number { return this.readProp('rowHeight'); }
  set rowHeight(v: number) { this.writeProp('rowHeight', v); }
  get wrapText(): boolean { return this.readProp('wrapText'); }
  set wrapText(v: boolean) { this.writeProp('wrapText', v); }
  get horizontalAlignment(): FakeHorizontalAlignment { return this.readProp('horizontalAlignment'); }
  set horizontalAlignment(v: Excel.HorizontalAlignment | FakeHorizontalAlignment) { this.writeProp('horizontalAlignment', v); }
  get verticalAlignment(): FakeVerticalAlignment { return this.readProp('verticalAlignment'); }
  set verticalAlignment(v: Excel.VerticalAlignment | FakeVerticalAlignment) { this.writeProp('verticalAlignment', v); }

  get font(): Excel.RangeFont { return asOffice(this.fontProxy()); }
  get fill(): Excel.RangeFill { return asOffice(this.fillProxy()); }
  get borders(): Excel.RangeBorderCollection { return asOffice(this.bordersProxy()); }

  autofitColumns(): void {
    this.queueMethod('autofitColumns', '1.2', null, (t, run) => {
      run.host.assertEditable(t.sheet);
      autofitColumns(t.sheet, t.rect);
    });
  }

  autofitRows(): void {
    this.queueMethod('autofitRows', '1.2', null, (t, run) => {
      run.host.assertEditable(t.sheet);
      autofitRows(t.sheet, t.rect);
    });
  }

  private fontProxy(): FakeRangeFont {
    return this.nav('font', () => new FakeRangeFont(this.context, this, 'font'));
  }

  private fillProxy(): FakeRangeFill {
    return this.nav('fill', () => new FakeRangeFill(this.context, this, 'fill'));
  }

  private bordersProxy(): FakeRangeBorderCollection {
    return this.nav('borders', () => new FakeRangeBorderCollection(this.context, this, 'borders'));
  }

  protected override navigate(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'font') return this.fontProxy();
    if (name === 'fill') return this.fillProxy();
    if (name === 'borders') return this.bordersProxy();
    return undefined;
  }
}

function fontProp<K extends keyof FakeFont>(key: K, check: (v: unknown) => NonNullable<FakeFont[K]>) {
  return {
    since: '1.1',
    get: ({ sheet, rect }: RangeTarget) => uniformFormat(sheet, rect, (f) => f.font?.[key] ?? DEFAULT_FONT[key]),
    set: (t: RangeTarget, v: unknown, run: SyncRun) => {
      checkFormatTarget(t, run, `RangeFont.${key}`);
      const value = check(v);
      updateFormats(t.sheet, t.rect, (f) => patchFont(f, { [key]: value }));
    },
  };
}

function isBool(v: unknown): boolean {
  if (typeof v !== 'boolean') throw officeError(ErrorCodes.invalidArgument, 'expected a boolean');
  return v;
}

const FONT_DEF: TypeDef<RangeTarget> = {
  typeName: 'RangeFont',
  props: {
    bold: fontProp('bold', isBool),
    italic: fontProp('italic', isBool),
    name: fontProp('name', (v) => {
      if (typeof v !== 'string' || v === '') throw officeError(ErrorCodes.invalidArgument, 'font name must be a string');
      return v;
    }),
    size: fontProp('size', (v) => positive(v, 'font size')),
    color: fontProp('color', normalizeColor),
  },
};

export class FakeRangeFont extends RangePart implements Pick<Excel.RangeFont, 'bold' | 'italic' | 'name' | 'size' | 'color'> {
  protected readonly def = FONT_DEF;

  get bold(): boolean { return this.readProp('bold'); }
  set bold(v: boolean) { this.writeProp('bold', v); }
  get italic(): boolean { return this.readProp('italic'); }
  set italic(v: boolean) { this.writeProp('italic', v); }
  get name(): string { return this.readProp('name'); }
  set name(v: string) { this.writeProp('name', v); }
  get size(): number { return this.readProp('size'); }
  set size(v: number) { this.writeProp('size', v); }
  get color(): string { return this.readProp('color'); }
  set color(v: string) { this.writeProp('color', v); }
}

const FILL_DEF: TypeDef<RangeTarget> = {
  typeName: 'RangeFill',
  props: {
    color: {
      since: '1.1',
      // Office reports an unfilled range as white.
      get: ({ sheet, rect }) => uniformFormat(sheet, rect, (f) => f.fill ?? '#FFFFFF'),
      set: (t, v, run) => {
        checkFormatTarget(t, run, 'RangeFill.color');
        const color = normalizeColor(v);
        updateFormats(t.sheet, t.rect, (f) => ({ ...f, fill: color }));
      },
    },
  },
};

export class FakeRangeFill extends RangePart implements Pick<Excel.RangeFill, 'color' | 'clear'> {
  protected readonly def = FILL_DEF;

  get color(): string { return this.readProp('color'); }
  set color(v: string) { this.writeProp('color', v); }

  clear(): void {
    this.queueMethod('clear', '1.1', null, (t, run) => {
      checkFormatTarget(t, run, 'RangeFill.clear');
      updateFormats(t.sheet, t.rect, (f) => {
        const next = { ...f };
        delete next.fill;
        return next;
      });
    });
  }
}

type BorderIndex = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';
const BORDER_INDEXES: readonly BorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];
const LINE_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'] as const;

/**
 * The cell edges a border index draws, as Excel keeps them per cell: an edge of the range on its
 * outer cells; Inside* on every edge between two of its cells (both cells' sides).
 */
function setBorder(t: RangeTarget, index: BorderIndex, style: string): void {
  const { row, col, rows, cols } = t.rect;
  const edges: [number, number, 'top' | 'bottom' | 'left' | 'right'][] = [];
  for (let r = row; r < row + rows; r++) {
    for (let c = col; c < col + cols; c++) {
      if (index === 'EdgeTop' && r === row) edges.push([r, c, 'top']);
      if (index === 'EdgeBottom' && r === row + rows - 1) edges.push([r, c, 'bottom']);
      if (index === 'EdgeLeft' && c === col) edges.push([r, c, 'left']);
      if (index === 'EdgeRight' && c === col + cols - 1) edges.push([r, c, 'right']);
      if (index === 'InsideHorizontal') {
        if (r > row) edges.push([r, c, 'top']);
        if (r < row + rows - 1) edges.push([r, c, 'bottom']);
      }
      if (index === 'InsideVertical') {
        if (c > col) edges.push([r, c, 'left']);
        if (c < col + cols - 1) edges.push([r, c, 'right']);
      }
    }
  }
  for (const [r, c, side] of edges) {
    updateFormats(t.sheet, { row: r, col: c, rows: 1, cols: 1 }, (f) => {
      const borders = { ...(f.borders ?? {}) };
      if (style === 'None') delete borders[side];
      else borders[side] = style;
      return { ...f, borders };
    });
  }
}

const BORDERS_DEF: TypeDef<RangeTarget> = { typeName: 'RangeBorderCollection', props: {} };

export class FakeRangeBorderCollection extends RangePart implements Pick<Excel.RangeBorderCollection, 'getItem'> {
  protected readonly def = BORDERS_DEF;

  getItem(index: Excel.BorderIndex | BorderIndex | string): Excel.RangeBorder {
    if (!(BORDER_INDEXES as readonly string[]).includes(index)) throw officeError(ErrorCodes.invalidArgument, `'${index}' is not a border index this fake knows`);
    return asOffice(this.nav(`getItem(${index})`, () => new FakeRangeBorder(this.context, this, `getItem(${index})`, index as BorderIndex)));
  }
}

export class FakeRangeBorder extends FakeClientObject<RangeTarget> implements Pick<Excel.RangeBorder, 'style' | 'color'> {
  protected readonly def: TypeDef<RangeTarget>;

  constructor(context: FakeRequestContext, parent: FakeClientObject<RangeTarget>, segment: string, index: BorderIndex) {
    super(context, parent, segment, () => parent.resolve());
    this.def = {
      typeName: 'RangeBorder',
      props: {
        style: {
          since: '1.1',
          get: ({ sheet, rect }) => uniformFormat(sheet, rect, (f) => f.borders?.[index === 'EdgeBottom' ? 'bottom' : index === 'EdgeLeft' ? 'left' : index === 'EdgeRight' ? 'right' : 'top'] ?? 'None'),
          set: (t, v, run) => {
            checkFormatTarget(t, run, 'RangeBorder.style');
            setBorder(t, index, oneOf(LINE_STYLES, v, 'border style'));
          },
        },
        // Accepted and checked; the fake keeps no border colours.
        color: { since: '1.1', get: () => '#000000', set: (_t, v) => void normalizeColor(v) },
      },
    };
  }

  get style(): Excel.BorderLineStyle { return this.readProp('style'); }
  set style(v: Excel.BorderLineStyle) { this.writeProp('style', v); }
  get color(): string { return this.readProp('color'); }
  set color(v: string) { this.writeProp('color', v); }
}
