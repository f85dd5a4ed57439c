/** The state one fake Excel host keeps across Excel.run calls: the workbook, options, counters. */
import { RequirementSets } from './api-sets';
import { ErrorCodes, officeError } from './errors';
import type { CellValue, FakeExcelOptions, FakeSheetData, FakeStats, FakeWorkbookData } from './types';

export interface ResolvedOptions {
  platform: NonNullable<FakeExcelOptions['platform']>;
  maxRequestBytes: number;
  maxResponseBytes: number | undefined;
  maxCellsPerRange: number;
  internalErrorOverBytes: number | undefined;
  latencyMs: number;
  formulaResult: (formula: string) => CellValue;
}

export function emptyStats(): FakeStats {
  return {
    syncCount: 0,
    bytesSent: 0,
    maxRequestBytes: 0,
    requests: [],
    cellsWritten: 0,
    cellsRead: 0,
    runCount: 0,
    implicitSyncs: 0,
    suspendedCalculation: 0,
    suspendedScreenUpdating: 0,
  };
}

export class FakeHostState {
  readonly options: ResolvedOptions;
  readonly sets: RequirementSets;
  stats: FakeStats = emptyStats();
  pendingFailure: { code: string; message?: string } | null = null;
  calculationMode: 'Automatic' | 'AutomaticExceptTables' | 'Manual' = 'Automatic';
  private readonly sheetIds = new WeakMap<FakeSheetData, string>();
  private nextSheetId = 1;

  constructor(
    public data: FakeWorkbookData,
    options: FakeExcelOptions,
  ) {
    this.sets = new RequirementSets(options.excelApi ?? '1.17', options.requirementSets);
    this.options = {
      platform: options.platform ?? 'OfficeOnline',
      maxRequestBytes: options.maxRequestBytes ?? 5 * 1024 * 1024,
      maxResponseBytes: options.maxResponseBytes,
      maxCellsPerRange: options.maxCellsPerRange ?? 5_000_000,
      internalErrorOverBytes: options.internalErrorOverBytes,
      latencyMs: options.latencyMs ?? 0,
      formulaResult: options.formulaResult ?? (() => 0),
    };
  }

  /** Excel matches sheet names case-insensitively. */
  findSheet(name: string): FakeSheetData | undefined {
    const wanted = name.toLowerCase();
    return this.data.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  sheetOrThrow(name: string): FakeSheetData {
    const sheet = this.findSheet(name);
    if (!sheet) throw officeError(ErrorCodes.itemNotFound, `no worksheet named '${name}'`);
    return sheet;
  }

  /** Still part of the workbook (not deleted since a proxy resolved it). */
  hasSheet(sheet: FakeSheetData): boolean {
    return this.data.sheets.includes(sheet);
  }

  activeSheet(): FakeSheetData {
    const named = this.data.activeSheet === undefined ? undefined : this.findSheet(this.data.activeSheet);
    const sheet = named ?? this.data.sheets.find((s) => s.visibility === 'Visible') ?? this.data.sheets[0];
    if (!sheet) throw officeError(ErrorCodes.itemNotFound, 'the workbook has no sheets');
    return sheet;
  }

  sheetId(sheet: FakeSheetData): string {
    let id = this.sheetIds.get(sheet);
    if (!id) {
      const n = String(this.nextSheetId++).padStart(12, '0');
      id = `{00000000-0001-0000-0000-${n}}`;
      this.sheetIds.set(sheet, id);
    }
    return id;
  }

  assertEditable(sheet: FakeSheetData): void {
    if (sheet.protected) throw officeError(ErrorCodes.accessDenied, `worksheet '${sheet.name}' is protected`);
  }

  /**
   * Workbook structure protection stops adding, deleting, renaming, moving, hiding and unhiding
   * sheets (Microsoft's "Protect a workbook"). Office.js's error code for it is undocumented; the fake
   * answers AccessDenied with the generic sentence the error-code table gives for that code (inferred).
   */
  assertStructureEditable(what: string): void {
    if (this.data.structureProtected) {
      throw officeError(ErrorCodes.accessDenied, `the workbook structure is protected (${what})`, 'You cannot perform the requested operation.');
    }
  }
}

export function newSheet(name: string): FakeSheetData {
  return {
    name,
    visibility: 'Visible',
    values: [],
    formulas: {},
    formats: {},
    columnFormats: {},
    columnWidths: {},
    rowHeights: {},
    columnHidden: {},
  };
}

const INVALID_SHEET_CHARS = /[\\/?*[\]:]/;

/** Excel's rules for a sheet name; throws the error Excel gives. */
export function checkSheetName(state: FakeHostState, name: string, except?: FakeSheetData): void {
  if (name.trim() === '' || name.length > 31 || INVALID_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw officeError(ErrorCodes.invalidArgument, `'${name}' is not a valid sheet name`);
  }
  const clash = state.findSheet(name);
  if (clash && clash !== except) throw officeError(ErrorCodes.itemAlreadyExists, `a sheet named '${name}' already exists`);
}
