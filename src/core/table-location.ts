/**
 * Where a table is, as the detector found it (or the user corrected it): its sheet, header rows,
 * columns, unit and title text. Shells store and show this; the core reads the rows it names.
 */
import { address, rangeAddress } from './address';
import { fieldSpecs, FundField, PaymentField, TableKind } from './fields';
import { unitInHeader, unitInTitle } from './headers';
import { Issue } from './issues';
import { MoneyUnit } from './money';
import { CellValue, SheetSnapshot, cellAt, isBlank, rowAt } from './snapshot';
import { cellText } from './text';

/** Headers are looked for in the first 20 rows of each sheet. */
export const HEADER_SEARCH_ROWS = 20;

/** Sheets the add-in itself keeps (undo store, settings) and the report it writes are never data. */
export const RESERVED_SHEET_PREFIX = '__jixiao';
export const REPORT_SHEET_NAME = '自评报告';
/** The open 【】 marks of the report with their cells, for the clerk (never sent out). */
export const CHECKLIST_SHEET_NAME = '核对清单';
/** The national 项目支出绩效自评表, one form per project, one per page. */
export const FORM_SHEET_NAME = '绩效自评表';
/** Every sheet the tool generates; a numbered copy ("自评报告 (2)") is generated too. */
export const GENERATED_SHEET_NAMES: string[] = [REPORT_SHEET_NAME, CHECKLIST_SHEET_NAME, FORM_SHEET_NAME];
/**
 * Generated sheets whose name alone says they are ours, never data. 绩效自评表 is not among them: an
 * office may keep its indicators in a sheet of that name; ours carries its fingerprint in row 1.
 */
export const NEVER_DATA_SHEET_NAMES: string[] = [REPORT_SHEET_NAME, CHECKLIST_SHEET_NAME];

export interface TableLocation<F extends string = string> {
  kind: TableKind;
  sheet: string;
  /** 0-based sheet row of the (first) header row. */
  headerRow: number;
  /** 1, or 2 when sub-headers (财政拨款 / 上年结转 / 其他资金 under 其中) sit in the next row. */
  headerRows: number;
  /**
   * The table's column block, 0-based and inclusive: its contiguous header columns. A table beside it
   * is another table; cells outside the block are never read as part of this one.
   */
  left: number;
  right: number;
  /** First data row (0-based) and the last row of the table's body (dataStart − 1 when it has none). */
  dataStart: number;
  dataEnd: number;
  /** Field → 0-based sheet column. */
  columns: Partial<Record<F, number>>;
  /** Header text of every mapped column, as the user sees it. */
  headers: Partial<Record<F, string>>;
  /** Last header column of the block (= right): appended output columns go after it. */
  lastHeaderCol: number;
  /** The table's money unit, and where it was declared. */
  unit: MoneyUnit;
  unitSource: 'title' | 'header' | 'assumed';
  unitCell?: string;
  /** Per-column unit where a header names its own, e.g. 支付金额(元). */
  columnUnits: Partial<Record<F, MoneyUnit>>;
  /** Text of the title rows above the header (for the fiscal year and the report). */
  titleTexts: string[];
  /** The year the table's title, header cells or sheet name names (2023), when one does. */
  year?: number;
  /** Rows inside the body that repeat the header (printed on every page): never data. */
  repeatedHeaderRows: number[];
  /** The table as an address, header to last row: 项目资金!A3:H40. */
  range: string;
  /** Whether the mapping was corrected by the user. */
  overridden: boolean;
}

export type FundsTable = TableLocation<FundField>;
export type PaymentsTable = TableLocation<PaymentField>;

/** What a user can override: the sheet, the header row (1-based, as Excel shows it), columns by letter. */
export interface TableOverride {
  sheet?: string;
  headerRow?: number;
  /**
   * The table's columns (and optionally rows), as Excel writes a range: "J:Q", or "J3:Q40" (header in
   * row 3, body to row 40). Chooses one of two tables side by side or stacked on a sheet.
   */
  range?: string;
  /** Field → column letter ("F"), or null to ignore a column the detector picked. */
  columns?: Record<string, string | null>;
  unit?: MoneyUnit;
}

export interface MappingOverride {
  funds?: TableOverride;
  payments?: TableOverride;
  /** The 绩效指标 table (optional: a workbook without one is scored on 执行率 alone). */
  indicators?: TableOverride;
}

export interface DetectionResult {
  funds?: FundsTable;
  payments?: PaymentsTable;
  /**
   * Every table of each kind the detector found (the chosen one included), best first: what the
   * mapping editor offers when the choice is ambiguous (TABLE_AMBIGUOUS) or the user wants another.
   */
  candidates: { funds: FundsTable[]; payments: PaymentsTable[] };
  issues: Issue[];
}

/** A header row over a block of columns, with its body, as the detector scored it. */
export interface Candidate {
  kind: TableKind;
  sheet: SheetSnapshot;
  headerRow: number;
  headerRows: number;
  left: number;
  right: number;
  columns: Record<string, number>;
  headers: Record<string, string>;
  duplicates: { field: string; col: number; kept: number }[];
  score: number;
  dataEnd: number;
  repeatedHeaderRows: number[];
  /** Content below the body left out of it (a stray note). */
  stray?: { row: number; col: number };
  /** Title area: the rows above the header (below any table above it), and its columns (up to the neighbouring tables). */
  titleTop: number;
  territory: { left: number; right: number };
}

/** A row's cells within columns left…right (clipped to what the snapshot holds). */
function cellsIn(sheet: SheetSnapshot, row: number, left: number, right: number): { col: number; value: CellValue }[] {
  const values = rowAt(sheet, row);
  if (!values) return [];
  const out: { col: number; value: CellValue }[] = [];
  const end = Math.min(right, sheet.left + values.length - 1);
  for (let col = Math.max(left, sheet.left); col <= end; col++) {
    const v = values[col - sheet.left];
    if (!isBlank(v ?? null)) out.push({ col, value: v });
  }
  return out;
}

function findUnit(sheet: SheetSnapshot, c: Candidate): { unit?: MoneyUnit; cell?: string } {
  // The header rows, then the title and note rows above them (closest first), across the table's
  // columns and the blank ones up to its neighbours (单位：元 often stands apart, right of the header).
  for (let r = c.headerRow + c.headerRows - 1; r >= c.titleTop; r--) {
    for (const { col, value } of cellsIn(sheet, r, c.territory.left, c.territory.right)) {
      if (typeof value !== 'string') continue;
      const u = unitInTitle(value);
      if (u) return { unit: u, cell: address(sheet.name, r, col) };
    }
  }
  return {};
}

function titleTexts(sheet: SheetSnapshot, c: Candidate): string[] {
  const out: string[] = [];
  for (let r = c.titleTop; r < c.headerRow; r++) {
    for (const { value } of cellsIn(sheet, r, c.territory.left, c.territory.right)) out.push(cellText(value));
  }
  return out;
}

const YEAR_IN_TEXT = /((?:19|20)\d{2})\s*年/;

/** The year a table names: in its title rows (2023年…), else in a header cell (2023年预算数), else in the sheet's name. */
export function tableYear(sheet: SheetSnapshot, c: Candidate, titles: string[]): number | undefined {
  for (const t of titles) {
    const m = YEAR_IN_TEXT.exec(t);
    if (m) return Number(m[1]);
  }
  for (let r = c.headerRow; r < c.headerRow + c.headerRows; r++) {
    for (const { value } of cellsIn(sheet, r, c.left, c.right)) {
      const m = YEAR_IN_TEXT.exec(cellText(value));
      if (m) return Number(m[1]);
    }
  }
  const m = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(sheet.name);
  return m ? Number(m[1]) : undefined;
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
  let right = c.right;
  for (const col of Object.values(c.columns)) right = Math.max(right, col);
  const titles = titleTexts(sheet, c);
  const dataStart = c.headerRow + c.headerRows;
  const dataEnd = Math.max(c.dataEnd, dataStart - 1);
  return {
    kind,
    sheet: sheet.name,
    headerRow: c.headerRow,
    headerRows: c.headerRows,
    left: c.left,
    right,
    dataStart,
    dataEnd,
    columns: c.columns,
    headers: c.headers,
    lastHeaderCol: right,
    unit,
    unitSource,
    unitCell: title.cell,
    columnUnits,
    titleTexts: titles,
    year: tableYear(sheet, c, titles),
    repeatedHeaderRows: c.repeatedHeaderRows,
    range: rangeAddress(sheet.name, c.headerRow, c.left, Math.max(dataEnd, c.headerRow + c.headerRows - 1), right),
    overridden,
  };
}
