/**
 * Smaller parts of Excel.Workbook: structure protection (ExcelApi 1.7), worksheet functions (1.2,
 * only DATE, in the workbook's date system) and Excel tables (ListObjects, 1.1–1.3).
 */
import { formatAddress, parseRect, type Rect } from './address';
import { dateSerial } from './cell-input';
import { FakeClientObject, asOffice, type TypeDef } from './client-object';
import { FakeCollection } from './collection';
import { ErrorCodes, officeError } from './errors';
import type { FakeHostState } from './host-state';
import { FakeRange } from './range';
import type { FakeRequestContext } from './request-context';
import type { FakeSheetData, FakeTableData } from './types';
import { FakeWorksheet } from './worksheet';

const PROTECTION_DEF: TypeDef<FakeHostState> = {
  typeName: 'WorkbookProtection',
  props: { protected: { since: '1.7', get: (host) => host.data.structureProtected === true } },
};

export class FakeWorkbookProtection extends FakeClientObject<FakeHostState> implements Pick<Excel.WorkbookProtection, 'protected' | 'protect' | 'unprotect'> {
  protected readonly def = PROTECTION_DEF;

  constructor(context: FakeRequestContext, parent: FakeClientObject<unknown>) {
    super(context, parent, 'protection', () => context.host, { version: '1.7', member: 'Workbook.protection' });
  }

  get protected(): boolean { return this.readProp('protected'); }

  protect(password?: string): void {
    this.queueMethod('protect', '1.7', { password }, (host) => {
      host.data.structureProtected = true;
    });
  }

  unprotect(password?: string): void {
    this.queueMethod('unprotect', '1.7', { password }, (host) => {
      host.data.structureProtected = false;
    });
  }
}

/**
 * The serial DATE(year, month, day) gives in the workbook's date system: 2000-01-01 is 36526 in the
 * 1900 system and 35064 in the 1904 one (Microsoft's "Date systems in Excel"; KB 175753 shows DATE
 * answering #NUM! for years before 1904 in the 1904 system).
 */
export function dateFunction(host: FakeHostState, year: number, month: number, day: number): { value: number | string; error: string } {
  const date1904 = host.data.date1904 === true;
  const y = year < 1900 ? year + 1900 : year;
  if (!Number.isFinite(y) || y > 9999 || (date1904 && y < 1904) || y < 1900) return { value: '#NUM!', error: '#NUM!' };
  const serial = dateSerial(y, month, day) - (date1904 ? 1462 : 0);
  return { value: serial, error: '' };
}

interface Evaluated {
  value: unknown;
  error: string;
}

const RESULT_DEF: TypeDef<Evaluated> = {
  typeName: 'FunctionResult',
  props: {
    value: { since: '1.2', get: (r) => r.value },
    error: { since: '1.2', get: (r) => r.error },
  },
};

export class FakeFunctionResult extends FakeClientObject<Evaluated> implements Pick<Excel.FunctionResult<number>, 'value' | 'error'> {
  protected readonly def = RESULT_DEF;

  get value(): number { return this.readProp('value'); }
  get error(): string { return this.readProp('error'); }
}

export class FakeFunctions extends FakeClientObject<FakeHostState> {
  protected readonly def: TypeDef<FakeHostState> = { typeName: 'Functions', props: {} };

  constructor(context: FakeRequestContext, parent: FakeClientObject<unknown>) {
    super(context, parent, 'functions', () => context.host, { version: '1.2', member: 'Workbook.functions' });
  }

  date(year: number, month: number, day: number): Excel.FunctionResult<number> {
    const result = new FakeFunctionResult(this.context, this, `date(${year},${month},${day})`, () => {
      if ([year, month, day].some((n) => typeof n !== 'number')) throw officeError(ErrorCodes.invalidArgument, 'the fake evaluates DATE with numbers only');
      return dateFunction(this.context.host, year, month, day);
    });
    result.instantiateOnSync('date', '1.2', [year, month, day]);
    return asOffice(result);
  }
}

export interface TableTarget {
  sheet: FakeSheetData;
  table: FakeTableData;
  rect: Rect;
}

function tableRect(t: FakeTableData): Rect {
  const rect = parseRect(t.range);
  if (!rect) throw officeError(ErrorCodes.invalidArgument, `table '${t.name}' has a bad range '${t.range}'`);
  return rect;
}

const TABLE_DEF: TypeDef<TableTarget> = {
  typeName: 'Table',
  props: {
    name: { since: '1.1', get: (t) => t.table.name },
    id: { since: '1.1', get: (t) => t.table.name },
    showHeaders: { since: '1.3', get: (t) => t.table.showHeaders !== false },
    showTotals: { since: '1.3', get: (t) => t.table.showTotals === true },
  },
};

export class FakeTable extends FakeClientObject<TableTarget> implements Pick<Excel.Table, 'name' | 'id' | 'showHeaders' | 'showTotals' | 'worksheet' | 'getRange' | 'getTotalRowRange'> {
  protected readonly def = TABLE_DEF;

  get name(): string { return this.readProp('name'); }
  get id(): string { return this.readProp('id'); }
  get showHeaders(): boolean { return this.readProp('showHeaders'); }
  get showTotals(): boolean { return this.readProp('showTotals'); }

  get worksheet(): Excel.Worksheet {
    return asOffice(this.worksheetProxy());
  }

  private worksheetProxy(): FakeWorksheet {
    return this.nav('worksheet', () => new FakeWorksheet(this.context, this, 'worksheet', () => this.resolve()?.sheet ?? null, { version: '1.2', member: 'Table.worksheet' }));
  }

  protected override navigate(name: string): FakeClientObject<unknown> | undefined {
    return name === 'worksheet' ? this.worksheetProxy() : undefined;
  }

  /** The whole table: header row, body and totals row. */
  getRange(): Excel.Range {
    return asOffice(new FakeRange(this.context, this, 'getRange()', () => {
      const t = this.resolve();
      return t && { sheet: t.sheet, rect: t.rect };
    }));
  }

  /** The totals row; ItemNotFound-like InvalidArgument when the table shows none. */
  getTotalRowRange(): Excel.Range {
    return asOffice(new FakeRange(this.context, this, 'getTotalRowRange()', () => {
      const t = this.resolve();
      if (!t) return null;
      if (t.table.showTotals !== true) throw officeError(ErrorCodes.invalidArgument, `table '${t.table.name}' shows no totals row`);
      return { sheet: t.sheet, rect: { ...t.rect, row: t.rect.row + t.rect.rows - 1, rows: 1 } };
    }));
  }
}

export class FakeTableCollection extends FakeCollection<FakeHostState, FakeTable> implements Pick<Excel.TableCollection, 'items' | 'getItem' | 'getCount'> {
  protected readonly def: TypeDef<FakeHostState> = { typeName: 'TableCollection', props: {} };

  /** `onlySheet`: the collection of one worksheet (Worksheet.tables) rather than the workbook's. */
  constructor(context: FakeRequestContext, parent: FakeClientObject<unknown>, private readonly onlySheet?: () => FakeSheetData | null) {
    super(context, parent, 'tables', () => context.host);
  }

  get items(): Excel.Table[] {
    return this.readItems().map((t) => asOffice<Excel.Table>(t));
  }

  private targets(host: FakeHostState): TableTarget[] {
    const only = this.onlySheet?.();
    const sheets = only ? [only] : host.data.sheets;
    return sheets.flatMap((sheet) => (sheet.tables ?? []).map((table) => ({ sheet, table, rect: tableRect(table) })));
  }

  protected buildItems(host: FakeHostState): FakeTable[] {
    return this.targets(host).map((t, i) => new FakeTable(this.context, this, `items[${i}]`, () => t));
  }

  protected countItems(host: FakeHostState): number {
    return this.targets(host).length;
  }

  getItem(key: string): Excel.Table {
    return asOffice(
      new FakeTable(this.context, this, `getItem(${JSON.stringify(key)})`, () => {
        const found = this.targets(this.context.host).find((t) => t.table.name.toLowerCase() === key.toLowerCase());
        if (!found) throw officeError(ErrorCodes.itemNotFound, `no table '${key}'`);
        return found;
      }),
    );
  }

  getCount(): OfficeExtension.ClientResult<number> {
    return this.count('1.4');
  }
}

/** "Sheet1!B3:F20" of a table, for error details. */
export function tableAddress(t: TableTarget): string {
  return formatAddress(t.sheet.name, t.rect);
}
