/**
 * Where a table is, as the detector found it (or the user corrected it): its sheet, header rows,
 * columns, unit and title text. Shells store and show this; the core reads the rows it names.
 */
import { address } from './address';
import { fieldSpecs, FundField, PaymentField, TableKind } from './fields';
import { unitInHeader, unitInTitle } from './headers';
import { Issue } from './issues';
import { MoneyUnit } from './money';
import { SheetSnapshot, cellAt, isBlank, lastCol, lastRow } from './snapshot';
import { cellText } from './text';

/** Headers are looked for in the first 20 rows of each sheet. */
export const HEADER_SEARCH_ROWS = 20;

/** Sheets the add-in itself keeps (undo store, settings) and the report it writes are never data. */
export const RESERVED_SHEET_PREFIX = '__jixiao';
export const REPORT_SHEET_NAME = '自评报告';

export interface TableLocation<F extends string = string> {
  kind: TableKind;
  sheet: string;
  /** 0-based sheet row of the (first) header row. */
  headerRow: number;
  /** 1, or 2 when sub-headers (财政拨款 / 上年结转 / 其他资金 under 其中) sit in the next row. */
  headerRows: number;
  /** First data row (0-based) and last row of the sheet's used range. */
  dataStart: number;
  dataEnd: number;
  /** Field → 0-based sheet column. */
  columns: Partial<Record<F, number>>;
  /** Header text of every mapped column, as the user sees it. */
  headers: Partial<Record<F, string>>;
  /** Last non-empty header column: appended output columns go after it. */
  lastHeaderCol: number;
  /** The table's money unit, and where it was declared. */
  unit: MoneyUnit;
  unitSource: 'title' | 'header' | 'assumed';
  unitCell?: string;
  /** Per-column unit where a header names its own, e.g. 支付金额(元). */
  columnUnits: Partial<Record<F, MoneyUnit>>;
  /** Text of the title rows above the header (for the fiscal year and the report). */
  titleTexts: string[];
  /** Whether the mapping was corrected by the user. */
  overridden: boolean;
}

export type FundsTable = TableLocation<FundField>;
export type PaymentsTable = TableLocation<PaymentField>;

/** What a user can override: the sheet, the header row (1-based, as Excel shows it), columns by letter. */
export interface TableOverride {
  sheet?: string;
  headerRow?: number;
  /** Field → column letter ("F"), or null to ignore a column the detector picked. */
  columns?: Record<string, string | null>;
  unit?: MoneyUnit;
}

export interface MappingOverride {
  funds?: TableOverride;
  payments?: TableOverride;
}

export interface DetectionResult {
  funds?: FundsTable;
  payments?: PaymentsTable;
  issues: Issue[];
}

/** A header row as the detector scored it, before it becomes a TableLocation. */
export interface Candidate {
  sheet: SheetSnapshot;
  headerRow: number;
  headerRows: number;
  columns: Record<string, number>;
  headers: Record<string, string>;
  duplicates: { field: string; col: number; kept: number }[];
  score: number;
}

function findUnit(sheet: SheetSnapshot, c: Candidate): { unit?: MoneyUnit; cell?: string } {
  // Title and note rows above the header (closest first), then the header rows themselves.
  const right = lastCol(sheet);
  const rows: number[] = [];
  for (let r = c.headerRow + c.headerRows - 1; r >= sheet.top; r--) rows.push(r);
  for (const r of rows) {
    for (let col = sheet.left; col <= right; col++) {
      const v = cellAt(sheet, r, col);
      if (typeof v !== 'string') continue;
      const u = unitInTitle(v);
      if (u) return { unit: u, cell: address(sheet.name, r, col) };
    }
  }
  return {};
}

function titleTexts(sheet: SheetSnapshot, headerRow: number): string[] {
  const out: string[] = [];
  for (let r = sheet.top; r < headerRow; r++) {
    const row = sheet.values[r - sheet.top] ?? [];
    for (const v of row) {
      const t = cellText(v);
      if (t) out.push(t);
    }
  }
  return out;
}

export function toLocation(kind: TableKind, c: Candidate, overridden: boolean, unitOverride?: MoneyUnit): TableLocation {
  const sheet = c.sheet;
  const specs = fieldSpecs(kind);
  const columnUnits: Record<string, MoneyUnit> = {};
  let headerUnit: MoneyUnit | undefined;
  for (const spec of specs) {
    if (!spec.amount) continue;
    const col = c.columns[spec.field];
    if (col === undefined) continue;
    const text = c.headers[spec.field] ?? '';
    const u = unitInHeader(text) ?? unitInHeader(cellText(cellAt(sheet, c.headerRow, col)));
    if (u) {
      columnUnits[spec.field] = u;
      headerUnit ??= u;
    }
  }
  const title = findUnit(sheet, c);
  let unit: MoneyUnit;
  let unitSource: TableLocation['unitSource'];
  if (unitOverride) {
    unit = unitOverride;
    unitSource = 'title';
  } else if (title.unit) {
    unit = title.unit;
    unitSource = 'title';
  } else if (headerUnit) {
    unit = headerUnit;
    unitSource = 'header';
  } else {
    // Budget tables are kept in 万元 and payment exports in 元 (see DOMAIN.md); say so when assumed.
    unit = kind === 'funds' ? 'wan' : 'yuan';
    unitSource = 'assumed';
  }
  let lastHeaderCol = sheet.left;
  for (let col = sheet.left; col <= lastCol(sheet); col++) {
    for (let r = c.headerRow; r < c.headerRow + c.headerRows; r++) {
      if (!isBlank(cellAt(sheet, r, col))) lastHeaderCol = Math.max(lastHeaderCol, col);
    }
  }
  for (const col of Object.values(c.columns)) lastHeaderCol = Math.max(lastHeaderCol, col);
  return {
    kind,
    sheet: sheet.name,
    headerRow: c.headerRow,
    headerRows: c.headerRows,
    dataStart: c.headerRow + c.headerRows,
    dataEnd: lastRow(sheet),
    columns: c.columns,
    headers: c.headers,
    lastHeaderCol,
    unit,
    unitSource,
    unitCell: title.cell,
    columnUnits,
    titleTexts: titleTexts(sheet, c.headerRow),
    overridden,
  };
}

