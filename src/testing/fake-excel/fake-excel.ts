/** createFakeExcel: an `Excel` namespace (run, RequestContext, enums) over FakeWorkbookData, plus test controls. */
import { formatRect, parseRect, splitSheet } from './address';
import { normalizeWorkbook } from './builder';
import { getFormula, getValue, readValues } from './cells';
import { FakeClientObject } from './client-object';
import { ErrorCodes, FakeOfficeError } from './errors';
import { cellFormat } from './formats';
import { emptyStats, FakeHostState } from './host-state';
import { FakeRequestContext } from './request-context';
import type { CellValue, FakeCellView, FakeExcelOptions, FakeSheetData, FakeStats, FakeWorkbookData } from './types';

export interface FakeControls {
  /** The live workbook the fake works on (read it for assertions; it changes with every sync). */
  data(): FakeWorkbookData;
  sheet(name: string): FakeSheetData;
  /** One cell, e.g. `cell('支付明细', 'D17')`. */
  cell(sheet: string, address: string): FakeCellView;
  /** Values of a range, e.g. `values('Sheet1', 'A1:C3')`. */
  values(sheet: string, address: string): CellValue[][];
  /** The next sync (of any context) fails with this code, e.g. 'InvalidOperationInCellEditMode'. */
  failNextSync(code: string, message?: string): void;
  setProtected(sheet: string, on: boolean): void;
  /** 审阅 › 保护工作簿 (structure) on or off. */
  setWorkbookProtected(on: boolean): void;
  /** Simulates the user selecting a range. */
  select(sheet: string, address: string): void;
}

export const ExcelEnums = {
  ErrorCodes: { ...ErrorCodes, valueNotLoaded: 'ValueNotLoaded' },
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  CalculationMode: { automatic: 'Automatic', automaticExceptTables: 'AutomaticExceptTables', manual: 'Manual' },
  CalculationType: { recalculate: 'Recalculate', full: 'Full', fullRebuild: 'FullRebuild' },
  ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents', hyperlinks: 'Hyperlinks', removeHyperlinks: 'RemoveHyperlinks', resetContents: 'ResetContents' },
  RangeValueType: { unknown: 'Unknown', empty: 'Empty', string: 'String', integer: 'Integer', double: 'Double', boolean: 'Boolean', error: 'Error', richValue: 'RichValue' },
  HorizontalAlignment: { general: 'General', left: 'Left', center: 'Center', right: 'Right', fill: 'Fill', justify: 'Justify', centerAcrossSelection: 'CenterAcrossSelection', distributed: 'Distributed' },
  VerticalAlignment: { top: 'Top', center: 'Center', bottom: 'Bottom', justify: 'Justify', distributed: 'Distributed' },
} as const;

/** The runtime part of the `Excel` global the fake provides (Office's types describe the rest). */
export type FakeExcelNamespace = typeof ExcelEnums & {
  run: typeof Excel.run;
  RequestContext: new () => Excel.RequestContext;
};

export interface FakeExcel {
  Excel: FakeExcelNamespace;
  /** Live counters; `resetStats()` starts them again. */
  readonly stats: FakeStats;
  resetStats(): void;
  controls: FakeControls;
  isSetSupported(name: string, minVersion?: string | number): boolean;
  readonly host: FakeHostState;
}

type Batch = (context: Excel.RequestContext) => unknown;

function contextOf(host: FakeHostState, first: unknown): FakeRequestContext {
  const pick = Array.isArray(first) ? first[0] : first;
  const previous = (pick as { previousObjects?: unknown } | undefined)?.previousObjects;
  const source = previous === undefined ? pick : Array.isArray(previous) ? previous[0] : previous;
  if (source instanceof FakeRequestContext) return source;
  if (source instanceof FakeClientObject) return source.context;
  return new FakeRequestContext(host, true);
}

export function createFakeExcel(data: FakeWorkbookData, options: FakeExcelOptions = {}): FakeExcel {
  const host = new FakeHostState(normalizeWorkbook(data), options);
  let batches = 0;

  /** Excel.run: a fresh context (or a previous object's), the batch, and the flush Office does itself at the end. */
  async function run(first: unknown, second?: unknown): Promise<unknown> {
    const batch = (typeof first === 'function' ? first : second) as Batch;
    const context = typeof first === 'function' ? new FakeRequestContext(host, true) : contextOf(host, first);
    host.stats.runCount++;
    const outer = context.queue.currentBatch;
    context.queue.currentBatch = ++batches;
    try {
      const returned = batch(context as unknown as Excel.RequestContext); // FakeRequestContext implements the used part
      if (!returned || typeof (returned as Promise<unknown>).then !== 'function') throw new FakeOfficeError(ErrorCodes.runMustReturnPromise);
      const result = await returned;
      if (context.queue.pendingCount > 0) await context.queue.sync(true);
      return result;
    } finally {
      context.queue.currentBatch = outer;
    }
  }

  class RequestContext extends FakeRequestContext {
    constructor() {
      super(host, false);
    }
  }

  const sheet = (name: string): FakeSheetData => {
    const found = host.findSheet(name);
    if (!found) throw new Error(`fake Excel: no sheet '${name}'`);
    return found;
  };
  const rectOf = (address: string) => {
    const rect = parseRect(splitSheet(address).local);
    if (!rect) throw new Error(`fake Excel: bad address '${address}'`);
    return rect;
  };

  const controls: FakeControls = {
    data: () => host.data,
    sheet,
    cell(sheetName, address) {
      const s = sheet(sheetName);
      const { row, col } = rectOf(address);
      const format = cellFormat(s, row, col);
      const view: FakeCellView = { ...format, value: getValue(s, row, col), numberFormat: format.numberFormat ?? 'General' };
      const formula = getFormula(s, row, col);
      if (formula !== undefined) view.formula = formula;
      return view;
    },
    values: (sheetName, address) => readValues(sheet(sheetName), rectOf(address)),
    failNextSync(code, message) {
      host.pendingFailure = { code, message };
    },
    setProtected(sheetName, on) {
      sheet(sheetName).protected = on;
    },
    setWorkbookProtected(on) {
      host.data.structureProtected = on;
    },
    select(sheetName, address) {
      const s = sheet(sheetName);
      host.data.activeSheet = s.name;
      host.data.selection = { sheet: s.name, address: formatRect(rectOf(address)) };
    },
  };

  return {
    Excel: {
      ...ExcelEnums,
      run: run as unknown as typeof Excel.run, // one implementation behind Office's five overloads
      RequestContext: RequestContext as unknown as new () => Excel.RequestContext,
    },
    get stats() {
      return host.stats;
    },
    resetStats() {
      host.stats = emptyStats();
    },
    controls,
    isSetSupported: (name, minVersion) => host.sets.isSetSupported(name, minVersion),
    host,
  };
}
