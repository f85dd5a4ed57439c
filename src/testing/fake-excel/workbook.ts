/** Excel.Workbook, its settings and Excel.Application. */
import { parseRect, type Rect } from './address';
import { FakeClientObject, asOffice, type TypeDef } from './client-object';
import { FakeCollection } from './collection';
import { ErrorCodes, officeError } from './errors';
import type { FakeHostState } from './host-state';
import { FakeRange } from './range';
import type { RangeTarget } from './range-write';
import type { FakeRequestContext } from './request-context';
import { FakeFunctions, FakeTableCollection, FakeWorkbookProtection } from './workbook-parts';
import { FakeWorksheetCollection } from './worksheet';

/** Settings are stored as JSON by Office, so a Date comes back as its ISO string. */
function jsonCopy(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

const SETTING_DEF: TypeDef<string> = {
  typeName: 'Setting',
  props: {
    key: { since: '1.4', get: (key) => key },
    value: {
      since: '1.4',
      get: (key, run) => jsonCopy(run.host.data.settings[key]),
      set: (key, v, run) => {
        run.host.data.settings[key] = jsonCopy(v);
      },
    },
  },
};

export class FakeSetting extends FakeClientObject<string> implements Pick<Excel.Setting, 'key' | 'value' | 'delete'> {
  protected readonly def = SETTING_DEF;

  get key(): string { return this.readProp('key'); }
  get value(): unknown { return this.readProp('value'); }
  set value(v: unknown) { this.writeProp('value', v); }

  delete(): void {
    this.queueMethod('delete', '1.4', null, (key, run) => {
      delete run.host.data.settings[key];
    });
  }
}

export class FakeSettingCollection
  extends FakeCollection<FakeHostState, FakeSetting>
  implements Pick<Excel.SettingCollection, 'items' | 'add' | 'getItem' | 'getItemOrNullObject' | 'getCount'>
{
  protected readonly def: TypeDef<FakeHostState> = { typeName: 'SettingCollection', props: {} };

  get items(): Excel.Setting[] {
    return this.readItems().map((s) => asOffice<Excel.Setting>(s));
  }

  protected buildItems(host: FakeHostState): FakeSetting[] {
    return Object.keys(host.data.settings).map((key, i) => new FakeSetting(this.context, this, `items[${i}]`, () => key));
  }

  protected countItems(host: FakeHostState): number {
    return Object.keys(host.data.settings).length;
  }

  add(key: string, value: unknown): Excel.Setting {
    this.queueMethod('add', '1.4', { key, value }, (host) => {
      if (typeof key !== 'string' || key === '') throw officeError(ErrorCodes.invalidArgument, 'a setting key is a non-empty string');
      host.data.settings[key] = jsonCopy(value);
    });
    return asOffice(new FakeSetting(this.context, this, `add(${JSON.stringify(key)})`, () => key));
  }

  getItem(key: string): Excel.Setting {
    return asOffice(
      new FakeSetting(this.context, this, `getItem(${JSON.stringify(key)})`, () => {
        if (!(key in this.context.host.data.settings)) throw officeError(ErrorCodes.itemNotFound, `no setting '${key}'`);
        return key;
      }),
    );
  }

  getItemOrNullObject(key: string): Excel.Setting {
    const setting = new FakeSetting(this.context, this, `getItemOrNullObject(${JSON.stringify(key)})`, () =>
      key in this.context.host.data.settings ? key : null,
    );
    setting.instantiateOnSync('getItemOrNullObject', '1.4', key);
    return asOffice(setting);
  }

  getCount(): OfficeExtension.ClientResult<number> {
    return this.count('1.4');
  }
}

type CalculationMode = 'Automatic' | 'AutomaticExceptTables' | 'Manual';

const APPLICATION_DEF: TypeDef<FakeHostState> = {
  typeName: 'Application',
  props: {
    calculationMode: {
      since: '1.1',
      setSince: '1.8',
      get: (host) => host.calculationMode,
      set: (host, v) => {
        if (v !== 'Automatic' && v !== 'AutomaticExceptTables' && v !== 'Manual') {
          throw officeError(ErrorCodes.invalidArgument, `'${String(v)}' is not a calculation mode`);
        }
        host.calculationMode = v;
      },
    },
  },
};

export class FakeApplication
  extends FakeClientObject<FakeHostState>
  implements Pick<Excel.Application, 'calculationMode' | 'calculate' | 'suspendApiCalculationUntilNextSync' | 'suspendScreenUpdatingUntilNextSync'>
{
  protected readonly def = APPLICATION_DEF;

  constructor(context: FakeRequestContext) {
    super(context, null, 'application', () => context.host);
  }

  get calculationMode(): CalculationMode { return this.readProp('calculationMode'); }
  set calculationMode(v: Excel.CalculationMode | CalculationMode) { this.writeProp('calculationMode', v); }

  calculate(calculationType: Excel.CalculationType | 'Recalculate' | 'Full' | 'FullRebuild'): void {
    this.queueMethod('calculate', '1.1', calculationType, () => undefined);
  }

  suspendApiCalculationUntilNextSync(): void {
    this.queueMethod('suspendApiCalculationUntilNextSync', '1.6', null, (host) => {
      host.stats.suspendedCalculation++;
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.queueMethod('suspendScreenUpdatingUntilNextSync', '1.9', null, (host) => {
      host.stats.suspendedScreenUpdating++;
    });
  }
}

const WORKBOOK_DEF: TypeDef<FakeHostState> = {
  typeName: 'Workbook',
  props: { name: { since: '1.7', get: (host) => host.data.name ?? 'Book1.xlsx' } },
};

export class FakeWorkbook
  extends FakeClientObject<FakeHostState>
  implements Pick<Excel.Workbook, 'name' | 'worksheets' | 'settings' | 'application' | 'getSelectedRange' | 'getActiveCell' | 'protection' | 'functions' | 'tables'>
{
  protected readonly def = WORKBOOK_DEF;

  constructor(
    context: FakeRequestContext,
    private readonly app: FakeApplication,
  ) {
    super(context, null, 'workbook', () => context.host);
  }

  get name(): string { return this.readProp('name'); }

  get worksheets(): Excel.WorksheetCollection {
    return asOffice(this.worksheetsProxy());
  }

  get settings(): Excel.SettingCollection {
    return asOffice(this.settingsProxy());
  }

  get application(): Excel.Application {
    return asOffice(this.app);
  }

  get protection(): Excel.WorkbookProtection {
    return asOffice(this.nav('protection', () => new FakeWorkbookProtection(this.context, this)));
  }

  get functions(): Excel.Functions {
    return asOffice(this.nav('functions', () => new FakeFunctions(this.context, this)));
  }

  get tables(): Excel.TableCollection {
    return asOffice(this.tablesProxy());
  }

  private tablesProxy(): FakeTableCollection {
    return this.nav('tables', () => new FakeTableCollection(this.context, this));
  }

  private worksheetsProxy(): FakeWorksheetCollection {
    return this.nav('worksheets', () => new FakeWorksheetCollection(this.context, this, 'worksheets', () => this.context.host));
  }

  private settingsProxy(): FakeSettingCollection {
    return this.nav(
      'settings',
      () => new FakeSettingCollection(this.context, this, 'settings', () => this.context.host, { version: '1.4', member: 'Workbook.settings' }),
    );
  }

  protected override navigate(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'worksheets') return this.worksheetsProxy();
    if (name === 'settings') return this.settingsProxy();
    if (name === 'application') return this.app;
    if (name === 'protection') return this.nav('protection', () => new FakeWorkbookProtection(this.context, this));
    if (name === 'tables') return this.tablesProxy();
    return undefined;
  }

  private selection(cellOnly: boolean): RangeTarget {
    const host = this.context.host;
    const chosen = host.data.selection;
    const sheet = (chosen && host.findSheet(chosen.sheet)) || host.activeSheet();
    const rect: Rect = (chosen && host.findSheet(chosen.sheet) === sheet && parseRect(chosen.address)) || { row: 0, col: 0, rows: 1, cols: 1 };
    return { sheet, rect: cellOnly ? { ...rect, rows: 1, cols: 1 } : rect };
  }

  getSelectedRange(): Excel.Range {
    return asOffice(new FakeRange(this.context, this, 'getSelectedRange()', () => this.selection(false)));
  }

  getActiveCell(): Excel.Range {
    return asOffice(new FakeRange(this.context, this, 'getActiveCell()', () => this.selection(true), { version: '1.7', member: 'Workbook.getActiveCell' }));
  }
}
