/** Excel.Worksheet, Excel.WorksheetProtection and Excel.WorksheetCollection over the fake workbook. */
import { parseRect, rectInGrid, splitSheet, MAX_COLUMNS, MAX_ROWS, type Rect } from './address';
import { usedRect } from './cells';
import { FakeClientObject, asOffice, type TypeDef } from './client-object';
import { FakeCollection } from './collection';
import type { Requirement } from './context';
import { ErrorCodes, officeError } from './errors';
import { checkSheetName, newSheet, type FakeHostState } from './host-state';
import { FakeRange } from './range';
import type { RangeTarget } from './range-write';
import type { FakeRequestContext } from './request-context';
import type { FakeSheetData, FakeSheetVisibility } from './types';
import { FakePageBreakCollection, FakePageLayoutObject } from './page-layout';
import { FakeTableCollection } from './workbook-parts';

const VISIBILITIES: readonly FakeSheetVisibility[] = ['Visible', 'Hidden', 'VeryHidden'];

function visibleCount(host: FakeHostState): number {
  return host.data.sheets.filter((s) => s.visibility === 'Visible').length;
}

const SHEET_DEF: TypeDef<FakeSheetData> = {
  typeName: 'Worksheet',
  props: {
    name: {
      since: '1.1',
      get: (s) => s.name,
      set: (s, v, run) => {
        if (typeof v !== 'string') throw officeError(ErrorCodes.invalidArgument, 'a sheet name is a string');
        checkSheetName(run.host, v, s);
        if (v !== s.name) run.host.assertStructureEditable(`renaming '${s.name}'`);
        const data = run.host.data;
        if (data.activeSheet?.toLowerCase() === s.name.toLowerCase()) data.activeSheet = v;
        if (data.selection?.sheet.toLowerCase() === s.name.toLowerCase()) data.selection = { ...data.selection, sheet: v };
        s.name = v;
      },
    },
    id: { since: '1.1', get: (s, run) => run.host.sheetId(s) },
    position: {
      since: '1.1',
      get: (s, run) => run.host.data.sheets.indexOf(s),
      set: (s, v, run) => {
        const sheets = run.host.data.sheets;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= sheets.length) {
          throw officeError(ErrorCodes.invalidArgument, `position ${String(v)} is outside 0..${sheets.length - 1}`);
        }
        if (sheets.indexOf(s) !== v) run.host.assertStructureEditable(`moving '${s.name}'`);
        sheets.splice(sheets.indexOf(s), 1);
        sheets.splice(v, 0, s);
      },
    },
    visibility: {
      since: '1.1',
      setSince: '1.2',
      get: (s) => s.visibility,
      set: (s, v, run) => {
        if (typeof v !== 'string' || !(VISIBILITIES as readonly string[]).includes(v)) {
          throw officeError(ErrorCodes.invalidArgument, `'${String(v)}' is not a sheet visibility`);
        }
        if (v !== s.visibility) run.host.assertStructureEditable(`hiding or unhiding '${s.name}'`);
        // Excel keeps at least one sheet visible.
        if (v !== 'Visible' && s.visibility === 'Visible' && visibleCount(run.host) === 1) {
          throw officeError(ErrorCodes.invalidOperation, `'${s.name}' is the last visible sheet`);
        }
        s.visibility = v as FakeSheetVisibility; // membership checked above
      },
    },
    tabColor: {
      since: '1.7',
      get: (s) => s.tabColor ?? '',
      set: (s, v) => {
        s.tabColor = String(v);
      },
    },
    showGridlines: {
      since: '1.8',
      get: (s) => s.showGridlines ?? true,
      set: (s, v) => {
        s.showGridlines = Boolean(v);
      },
    },
  },
};

const PROTECTION_DEF: TypeDef<FakeSheetData> = {
  typeName: 'WorksheetProtection',
  props: { protected: { since: '1.2', get: (s) => s.protected === true } },
};

export class FakeWorksheetProtection extends FakeClientObject<FakeSheetData> implements Pick<Excel.WorksheetProtection, 'protected' | 'protect' | 'unprotect'> {
  protected readonly def = PROTECTION_DEF;

  get protected(): boolean { return this.readProp('protected'); }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.queueMethod('protect', password === undefined ? '1.2' : '1.7', { options, password }, (s) => {
      s.protected = true;
    });
  }

  unprotect(password?: string): void {
    this.queueMethod('unprotect', password === undefined ? '1.2' : '1.7', { password }, (s) => {
      s.protected = false;
    });
  }
}

type WorksheetMembers =
  | 'name' | 'id' | 'position' | 'visibility' | 'tabColor' | 'showGridlines' | 'protection' | 'tables' | 'pageLayout' | 'horizontalPageBreaks'
  | 'getRange' | 'getRangeByIndexes' | 'getCell' | 'getUsedRange' | 'getUsedRangeOrNullObject' | 'delete' | 'activate';

export class FakeWorksheet extends FakeClientObject<FakeSheetData> implements Pick<Excel.Worksheet, WorksheetMembers> {
  protected readonly def = SHEET_DEF;

  constructor(
    context: FakeRequestContext,
    parent: FakeClientObject<unknown> | null,
    segment: string,
    resolver: () => FakeSheetData | null,
    introducedBy?: Requirement,
  ) {
    super(context, parent, segment, resolver, introducedBy);
  }

  override resolve(): FakeSheetData | null {
    const sheet = super.resolve();
    if (sheet && !this.context.host.hasSheet(sheet)) throw officeError(ErrorCodes.itemNotFound, `worksheet '${sheet.name}' was deleted`);
    return sheet;
  }

  get name(): string { return this.readProp('name'); }
  set name(v: string) { this.writeProp('name', v); }
  get id(): string { return this.readProp('id'); }
  get position(): number { return this.readProp('position'); }
  set position(v: number) { this.writeProp('position', v); }
  get visibility(): FakeSheetVisibility { return this.readProp('visibility'); }
  set visibility(v: Excel.SheetVisibility | FakeSheetVisibility) { this.writeProp('visibility', v); }
  get tabColor(): string { return this.readProp('tabColor'); }
  set tabColor(v: string) { this.writeProp('tabColor', v); }
  get showGridlines(): boolean { return this.readProp('showGridlines'); }
  set showGridlines(v: boolean) { this.writeProp('showGridlines', v); }

  get protection(): Excel.WorksheetProtection {
    return asOffice(this.protectionProxy());
  }

  private protectionProxy(): FakeWorksheetProtection {
    return this.nav('protection', () => new FakeWorksheetProtection(this.context, this, 'protection', () => this.resolve(), { version: '1.2', member: 'Worksheet.protection' }));
  }

  get tables(): Excel.TableCollection {
    return asOffice(this.tablesProxy());
  }

  private tablesProxy(): FakeTableCollection {
    return this.nav('tables', () => new FakeTableCollection(this.context, this, () => this.resolve()));
  }

  get pageLayout(): Excel.PageLayout {
    return asOffice(this.pageLayoutProxy());
  }

  private pageLayoutProxy(): FakePageLayoutObject {
    return this.nav('pageLayout', () => new FakePageLayoutObject(this.context, this, () => this.resolve()));
  }

  get horizontalPageBreaks(): Excel.PageBreakCollection {
    return asOffice(this.pageBreaksProxy());
  }

  private pageBreaksProxy(): FakePageBreakCollection {
    return this.nav('horizontalPageBreaks', () => new FakePageBreakCollection(this.context, this, () => this.resolve()));
  }

  protected override navigate(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'tables') return this.tablesProxy();
    if (name === 'pageLayout') return this.pageLayoutProxy();
    if (name === 'horizontalPageBreaks') return this.pageBreaksProxy();
    return name === 'protection' ? this.protectionProxy() : undefined;
  }

  private range(segment: string, since: string, rectOf: (sheet: FakeSheetData) => Rect | null, nullable = false): Excel.Range {
    const range = new FakeRange(
      this.context,
      this,
      segment,
      (): RangeTarget | null => {
        const sheet = this.resolve();
        if (sheet === null) return null;
        const rect = rectOf(sheet);
        return rect === null ? null : { sheet, rect };
      },
      { version: since, member: `Worksheet.${segment.slice(0, segment.indexOf('('))}` },
    );
    // *OrNullObject calls are sent even when nothing else uses the object, so isNullObject is known after sync.
    if (nullable) range.instantiateOnSync(segment, since, null);
    return asOffice(range);
  }

  getRange(address?: string): Excel.Range {
    return this.range(`getRange(${JSON.stringify(address ?? '')})`, '1.1', (sheet) => {
      if (address === undefined || address === '') return { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLUMNS };
      const { sheet: named, local } = splitSheet(address);
      if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) {
        throw officeError(ErrorCodes.invalidArgument, `address '${address}' names another sheet than '${sheet.name}'`);
      }
      const rect = parseRect(local);
      if (!rect) throw officeError(ErrorCodes.invalidArgument, `'${address}' is not an A1 address`);
      return rect;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Excel.Range {
    return this.range(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, '1.7', () => {
      const rect = { row: startRow, col: startColumn, rows: rowCount, cols: columnCount };
      if (!rectInGrid(rect)) throw officeError(ErrorCodes.invalidArgument, 'getRangeByIndexes outside the sheet');
      return rect;
    });
  }

  getCell(row: number, column: number): Excel.Range {
    return this.range(`getCell(${row},${column})`, '1.1', () => {
      const rect = { row, col: column, rows: 1, cols: 1 };
      if (!rectInGrid(rect)) throw officeError(ErrorCodes.invalidArgument, 'getCell outside the sheet');
      return rect;
    });
  }

  /** An empty sheet's used range is A1, as in Excel. The valuesOnly argument came with ExcelApi 1.2. */
  getUsedRange(valuesOnly?: boolean): Excel.Range {
    const since = valuesOnly === undefined ? '1.1' : '1.2';
    return this.range(`getUsedRange(${valuesOnly ?? ''})`, since, (sheet) => usedRect(sheet, valuesOnly ?? false) ?? { row: 0, col: 0, rows: 1, cols: 1 });
  }

  getUsedRangeOrNullObject(valuesOnly = false): Excel.Range {
    return this.range(`getUsedRangeOrNullObject(${valuesOnly})`, '1.4', (sheet) => usedRect(sheet, valuesOnly), true);
  }

  /**
   * Worksheet.delete's reference page: "if the worksheet's visibility is set to "VeryHidden", the
   * delete operation will fail with an InvalidOperation exception. You should first change its
   * visibility to hidden or visible before deleting it."
   */
  delete(): void {
    this.queueMethod('delete', '1.1', null, (sheet, run) => {
      const data = run.host.data;
      run.host.assertStructureEditable(`deleting '${sheet.name}'`);
      if (sheet.visibility === 'VeryHidden') throw officeError(ErrorCodes.invalidOperation, `'${sheet.name}' is very hidden; make it hidden or visible before deleting it`);
      if (sheet.visibility === 'Visible' && visibleCount(run.host) === 1) {
        throw officeError(ErrorCodes.invalidOperation, `'${sheet.name}' is the last visible sheet`);
      }
      const wasActive = run.host.activeSheet() === sheet;
      data.sheets.splice(data.sheets.indexOf(sheet), 1);
      if (wasActive || data.selection?.sheet.toLowerCase() === sheet.name.toLowerCase()) {
        data.activeSheet = undefined;
        data.selection = undefined;
      }
    });
  }

  activate(): void {
    this.queueMethod('activate', '1.1', null, (sheet, run) => {
      if (sheet.visibility !== 'Visible') throw officeError(ErrorCodes.invalidOperation, `cannot activate hidden sheet '${sheet.name}'`);
      const data = run.host.data;
      if (data.selection?.sheet.toLowerCase() !== sheet.name.toLowerCase()) data.selection = { sheet: sheet.name, address: 'A1' };
      data.activeSheet = sheet.name;
    });
  }
}

export class FakeWorksheetCollection
  extends FakeCollection<FakeHostState, FakeWorksheet>
  implements Pick<Excel.WorksheetCollection, 'items' | 'getItem' | 'getItemOrNullObject' | 'add' | 'getActiveWorksheet' | 'getCount'>
{
  protected readonly def: TypeDef<FakeHostState> = { typeName: 'WorksheetCollection', props: {} };

  get items(): Excel.Worksheet[] {
    return this.readItems().map((sheet) => asOffice<Excel.Worksheet>(sheet));
  }

  protected buildItems(host: FakeHostState): FakeWorksheet[] {
    return host.data.sheets.map((sheet, i) => new FakeWorksheet(this.context, this, `items[${i}]`, () => sheet));
  }

  protected countItems(host: FakeHostState, visibleOnly: boolean): number {
    return visibleOnly ? visibleCount(host) : host.data.sheets.length;
  }

  /** Excel finds a sheet by name (case-insensitively) or by id. */
  private lookup(host: FakeHostState, key: string): FakeSheetData | undefined {
    return host.findSheet(key) ?? host.data.sheets.find((s) => host.sheetId(s) === key);
  }

  getItem(key: string): Excel.Worksheet {
    return asOffice(
      new FakeWorksheet(this.context, this, `getItem(${JSON.stringify(key)})`, () => {
        const host = this.context.host;
        const sheet = this.lookup(host, key);
        if (!sheet) throw officeError(ErrorCodes.itemNotFound, `no worksheet named '${key}'`);
        return sheet;
      }),
    );
  }

  getItemOrNullObject(key: string): Excel.Worksheet {
    const segment = `getItemOrNullObject(${JSON.stringify(key)})`;
    const sheet = new FakeWorksheet(this.context, this, segment, () => this.lookup(this.context.host, key) ?? null, {
      version: '1.4',
      member: 'WorksheetCollection.getItemOrNullObject',
    });
    sheet.instantiateOnSync('getItemOrNullObject', '1.4', key);
    return asOffice(sheet);
  }

  add(name?: string): Excel.Worksheet {
    let created: FakeSheetData | undefined;
    const sheet = new FakeWorksheet(this.context, this, `add(${JSON.stringify(name ?? null)})`, () => {
      if (!created) throw officeError(ErrorCodes.invalidObjectPath, 'the sheet has not been added yet');
      return created;
    });
    this.queueMethod('add', '1.1', name ?? null, (host) => {
      host.assertStructureEditable('adding a sheet');
      let sheetName = name;
      for (let n = host.data.sheets.length + 1; sheetName === undefined; n++) if (!host.findSheet(`Sheet${n}`)) sheetName = `Sheet${n}`;
      checkSheetName(host, sheetName);
      created = newSheet(sheetName);
      host.data.sheets.push(created);
    });
    return asOffice(sheet);
  }

  getActiveWorksheet(): Excel.Worksheet {
    return asOffice(new FakeWorksheet(this.context, this, 'getActiveWorksheet()', () => this.context.host.activeSheet()));
  }

  getCount(visibleOnly?: boolean): OfficeExtension.ClientResult<number> {
    return this.count('1.4', visibleOnly ?? false);
  }
}
