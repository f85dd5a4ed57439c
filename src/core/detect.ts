/**
 * Choosing the funds table and the payments table among the tables the finder sees (table-candidates.ts)
 * — by their header words, never by sheet name or column position — and applying the user's mapping.
 * A visible sheet always wins over a hidden one; among equally good tables the one naming the fiscal
 * year wins; with no year set the latest wins with a warning; otherwise the user is asked
 * (TABLE_AMBIGUOUS), never a silent pick.
 */
import { address, columnIndex, columnLetters, quoteSheetName } from './address';
import { TABLE_SPECS, TableKind, fieldSpecs } from './fields';
import { Issue, issue } from './issues';
import { SheetSnapshot, WorkbookSnapshot, cellAt, rowAt } from './snapshot';
import { columnMatches, mappingIsValid, resolveMatches } from './table-blocks';
import { scanBody } from './table-body';
import { SearchLimits, findTableCandidates, isDataSheet } from './table-candidates';
import { RangeOverride, ambiguityIssue, choose, olderYearsIssue, parseRangeOverride } from './table-choice';
import {
  Candidate,
  DetectionResult,
  FundsTable,
  HEADER_SEARCH_ROWS,
  MappingOverride,
  PaymentsTable,
  TableLocation,
  TableOverride,
  toLocation,
} from './table-location';
import { cellText } from './text';

export * from './table-location';
export { findTableCandidates, isDataSheet, sheetTables } from './table-candidates';
export type { SearchLimits } from './table-candidates';
export { parseRangeOverride } from './table-choice';
export type { RangeOverride } from './table-choice';


function describeLookedFor(kind: TableKind): { zh: string; en: string } {
  const specs = fieldSpecs(kind);
  const words = (f: string) => specs.find((s) => s.field === f)!.synonyms.slice(0, 3).join('/');
  if (kind === 'funds') {
    return {
      zh: `在各工作表前${HEADER_SEARCH_ROWS}行中未找到同时含有“${words('name')}”和“${words('budget')}”的表头行`,
      en: `no header row with both a project-name column (${words('name')}) and a budget column (${words('budget')}) in the first ${HEADER_SEARCH_ROWS} rows of any sheet`,
    };
  }
  return {
    zh: `在各工作表前${HEADER_SEARCH_ROWS}行中未找到含有“${words('amount')}”、“${words('code')}”或“${words('name')}”以及“${words('date')}”或“${words('voucher')}”的表头行`,
    en: `no header row with an amount column (${words('amount')}), a project column and a date or voucher column in the first ${HEADER_SEARCH_ROWS} rows of any sheet`,
  };
}

function mappingError(cell: string, zh: string, en: string): Issue {
  return issue('MAPPING_INVALID', 'error', cell, zh, en);
}

/** A candidate built where the user said the header is, when the header words alone do not make a table. */
function forcedCandidate(kind: TableKind, sheet: SheetSnapshot, headerRow: number, range: RangeOverride | undefined): Candidate {
  const row = rowAt(sheet, headerRow);
  const left = range?.left ?? sheet.left;
  const right = range?.right ?? sheet.left + Math.max(0, (row?.length ?? 1) - 1);
  const m = resolveMatches(columnMatches(sheet, headerRow, { left, right }, fieldSpecs(kind)));
  return {
    kind,
    sheet,
    headerRow,
    headerRows: m.headerRows,
    left,
    right,
    columns: m.columns,
    headers: m.headers,
    duplicates: m.duplicates,
    score: m.score,
    dataEnd: headerRow,
    repeatedHeaderRows: [],
    titleTop: sheet.top,
    territory: { left, right },
  };
}

function applyColumns(kind: TableKind, cand: Candidate, columns: Record<string, string | null>, issues: Issue[]): void {
  const specs = fieldSpecs(kind);
  for (const [field, letters] of Object.entries(columns)) {
    if (!specs.some((s) => s.field === field)) {
      issues.push(issue('MAPPING_INVALID', 'warning', cand.sheet.name, `列映射中的字段“${field}”无法识别，已忽略。`, `The mapping names an unknown field "${field}"; it was ignored.`));
      continue;
    }
    if (letters === null) {
      delete cand.columns[field];
      delete cand.headers[field];
      continue;
    }
    if (typeof letters !== 'string' || !/^[A-Za-z]{1,3}$/.test(letters) || columnIndex(letters) > 16383) {
      issues.push(
        mappingError(cand.sheet.name, `列映射中“${field}”的列“${String(letters)}”不是列字母（如 F），请更正。`, `The mapping gives "${String(letters)}" for "${field}", which is not a column letter (e.g. F); correct it.`),
      );
      continue;
    }
    const col = columnIndex(letters);
    cand.columns[field] = col;
    cand.headers[field] = cellText(cellAt(cand.sheet, cand.headerRow, col)) || columnLetters(col);
  }
  // Columns the user assigned count as recognised, whatever their header says.
  cand.score = Math.max(cand.score, Object.keys(cand.columns).length);
}

export interface Detected {
  table?: TableLocation;
  candidates: TableLocation[];
}

/**
 * One kind of table, chosen by the rules above, with the user's override applied: the table (when
 * one could be chosen), every candidate, and the issues (TABLE_AMBIGUOUS, MAPPING_INVALID, …). The
 * entry point for any kind in TABLE_SPECS — detectTables calls it for the funds and payments tables.
 */
export function detectTable(snapshot: WorkbookSnapshot, kind: TableKind, override?: TableOverride, year?: number): Detected & { issues: Issue[] } {
  const issues: Issue[] = [];
  return { ...detectOne(snapshot, kind, override, year, issues), issues };
}

function detectOne(snapshot: WorkbookSnapshot, kind: TableKind, override: TableOverride | undefined, year: number | undefined, issues: Issue[]): Detected {
  const spec = TABLE_SPECS[kind];
  const sheetName = override?.sheet;
  if (sheetName && !snapshot.sheets.some((s) => s.name === sheetName)) {
    issues.push(mappingError(sheetName, `列映射指定的工作表“${sheetName}”不存在，请在列映射中改选现有的工作表。`, `The mapping names sheet "${sheetName}", which does not exist; choose an existing sheet in the column mapping.`));
    return { candidates: [] };
  }
  const where = sheetName ? quoteSheetName(sheetName) : '';
  let range: RangeOverride | undefined;
  if (override?.range !== undefined) {
    range = typeof override.range === 'string' ? parseRangeOverride(override.range) : undefined;
    if (!range) {
      issues.push(
        mappingError(
          where,
          `列映射中${TABLE_SPECS[kind].label.zh}的范围“${String(override.range)}”无法识别，请写成列的范围（如 J:Q）或单元格范围（如 J3:Q40，表头在第3行）。`,
          `The ${TABLE_SPECS[kind].label.en} range "${String(override.range)}" in the mapping cannot be read; write a column range (e.g. J:Q) or a cell range (e.g. J3:Q40, header in row 3).`,
        ),
      );
      return { candidates: [] };
    }
  }
  let headerRow = override?.headerRow !== undefined ? override.headerRow - 1 : range?.top;
  if (override?.headerRow !== undefined && (!Number.isInteger(override.headerRow) || override.headerRow < 1)) {
    issues.push(mappingError(where, `列映射中的表头行“${String(override.headerRow)}”不是行号，请填写表头所在的行号（如 3）。`, `The header row "${String(override.headerRow)}" in the mapping is not a row number; give the header's row (e.g. 3).`));
    return { candidates: [] };
  }
  if (range && headerRow !== undefined && ((range.top !== undefined && headerRow < range.top) || (range.bottom !== undefined && headerRow > range.bottom))) {
    issues.push(
      mappingError(where, `列映射中的表头行${headerRow + 1}不在范围“${override!.range}”内，请更正表头行或范围。`, `The header row ${headerRow + 1} is outside the range "${override!.range}"; correct one of them.`),
    );
    return { candidates: [] };
  }
  const limits: SearchLimits | undefined =
    headerRow !== undefined || range ? { headerRows: headerRow !== undefined ? [headerRow] : undefined, left: range?.left, right: range?.right, bottom: range?.bottom } : undefined;
  const found = findTableCandidates(snapshot, kind, { sheets: sheetName ? [sheetName] : undefined, limits });
  const overridden = Boolean(override && (override.sheet || override.headerRow || override.range || override.columns || override.unit));
  const located = found.map((cand) => ({ cand, loc: toLocation(kind, cand, overridden, override?.unit) }));
  const candidates = located.map((x) => x.loc);
  const choice = choose(located, year);
  if (choice.tied.length > 1) {
    // Columns the user gave can settle it: the one table whose block holds them all.
    const letters = Object.values(override?.columns ?? {}).filter((l): l is string => typeof l === 'string' && /^[A-Za-z]{1,3}$/.test(l));
    const holding = letters.length ? choice.tied.filter((l) => letters.every((x) => columnIndex(x) >= l.left && columnIndex(x) <= l.right)) : [];
    if (holding.length !== 1) {
      issues.push(ambiguityIssue(kind, choice));
      return { candidates };
    }
    choice.chosen = holding[0];
  }
  let cand = choice.chosen ? located.find((x) => x.loc === choice.chosen)!.cand : undefined;
  if (!cand) {
    if (!override?.columns) return { candidates };
    const sheet = snapshot.sheets.find((s) => s.name === sheetName) ?? snapshot.sheets.find(isDataSheet);
    if (!sheet) return { candidates };
    cand = forcedCandidate(kind, sheet, headerRow ?? sheet.top, range);
  }
  if (override?.columns) {
    cand = { ...cand, columns: { ...cand.columns }, headers: { ...cand.headers } };
    applyColumns(kind, cand, override.columns, issues);
    const cols = Object.values(cand.columns);
    const left = Math.min(cand.left, ...cols);
    const right = Math.max(cand.right, ...cols);
    if (range && (left < range.left || right > range.right)) {
      issues.push(mappingError(where, `列映射中指定的列超出了范围“${override.range}”，请更正列或范围。`, `A column in the mapping lies outside the range "${override.range}"; correct the column or the range.`));
      return { candidates };
    }
    // The user's columns make the table: its body is read across all of them.
    const body = scanBody(cand.sheet, { headerRow: cand.headerRow, headerRows: cand.headerRows, block: { left, right }, bottom: range?.bottom }, Object.values(TABLE_SPECS), cand.sheet.tables);
    cand = { ...cand, left, right, dataEnd: body.dataEnd, repeatedHeaderRows: body.repeatedHeaderRows, stray: body.stray };
  }
  if (!mappingIsValid(spec, cand)) {
    const specs = fieldSpecs(kind);
    const missing = spec.required.filter((f) => !(f in cand!.columns));
    const label = (f: string) => specs.find((s) => s.field === f)!.label;
    issues.push(
      mappingError(
        address(cand.sheet.name, cand.headerRow, cand.left),
        `${TABLE_SPECS[kind].label.zh}的列映射缺少：${missing.map((f) => label(f).zh).join('、') || '项目或日期列'}。请在列映射中指定这些列。`,
        `The ${TABLE_SPECS[kind].label.en} mapping lacks: ${missing.map((f) => label(f).en).join(', ') || 'a project or date column'}. Assign these columns in the column mapping.`,
      ),
    );
    return { candidates };
  }
  const loc = toLocation(kind, cand, overridden, override?.unit);
  if (choice.olderYears.length && choice.chosen) issues.push(olderYearsIssue(kind, loc, choice.olderYears));
  tableIssues(kind, cand, loc, issues);
  // The chosen table stands in the list as itself, so callers can tell it from the others by identity.
  const at = choice.chosen ? candidates.indexOf(choice.chosen) : -1;
  if (at >= 0) candidates[at] = loc;
  else candidates.unshift(loc);
  return { table: loc, candidates };
}

/** What the chosen table's header and surroundings say: duplicate columns, an assumed unit, a stray note below. */
function tableIssues(kind: TableKind, cand: Candidate, loc: TableLocation, issues: Issue[]): void {
  const specs = fieldSpecs(kind);
  for (const d of cand.duplicates) {
    if (cand.columns[d.field] !== d.kept) continue;
    const spec = specs.find((s) => s.field === d.field)!;
    issues.push(
      issue(
        'DUPLICATE_HEADER',
        'warning',
        address(cand.sheet.name, cand.headerRow, d.col),
        `此列与 ${columnLetters(d.kept)} 列都像“${spec.label.zh}”，已使用 ${columnLetters(d.kept)} 列。如不对，请在列映射中更正。`,
        `This column and column ${columnLetters(d.kept)} both look like "${spec.label.en}"; column ${columnLetters(d.kept)} is used. Correct the column mapping if that is wrong.`,
      ),
    );
  }
  if (loc.unitSource === 'assumed' && Object.keys(loc.columnUnits).length === 0 && specs.some((s) => s.amount)) {
    const unitZh = loc.unit === 'wan' ? '万元' : '元';
    issues.push(
      issue(
        'UNIT_ASSUMED',
        'info',
        address(loc.sheet, loc.headerRow, loc.left),
        `${TABLE_SPECS[kind].label.zh}未注明金额单位，按“${unitZh}”计算。如不是，请在表头上方写明“单位：万元”或“单位：元”。`,
        `The ${TABLE_SPECS[kind].label.en} does not state its unit; amounts are read as ${loc.unit === 'wan' ? '10,000 yuan (万元)' : 'yuan (元)'}. If that is wrong, write 单位：万元 or 单位：元 above the header.`,
      ),
    );
  }
  if (cand.stray) {
    issues.push(
      issue(
        'CONTENT_OUTSIDE_TABLE',
        'info',
        address(loc.sheet, cand.stray.row, cand.stray.col),
        `此处内容在${TABLE_SPECS[kind].label.zh}（${loc.range}）下方的空行之后，不像表格的行，未作为表格内容读取。如它属于表格，请删除中间的空行。`,
        `This content lies below the ${TABLE_SPECS[kind].label.en} (${loc.range}) after blank rows and does not look like a table row, so it is not read as part of the table. If it belongs to the table, delete the blank rows in between.`,
      ),
    );
  }
}

export interface DetectionContext {
  /** The fiscal year, when the settings give it (--year, or the as-of date's year). */
  fiscalYear?: number;
}

export function detectTables(snapshot: WorkbookSnapshot, override?: MappingOverride, context: DetectionContext = {}): DetectionResult {
  const issues: Issue[] = [];
  const funds = detectOne(snapshot, 'funds', override?.funds, context.fiscalYear, issues);
  if (!funds.table && !issues.some((i) => i.severity === 'error')) {
    const lf = describeLookedFor('funds');
    const first = snapshot.sheets.find(isDataSheet);
    issues.push(
      issue(
        'TABLE_NOT_FOUND',
        'error',
        first ? quoteSheetName(first.name) : '',
        `未找到项目资金表：${lf.zh}。请确认表头位于前${HEADER_SEARCH_ROWS}行内，或在列映射中指定工作表和表头行。`,
        `No funds table found: ${lf.en}. Make sure the header is within the first ${HEADER_SEARCH_ROWS} rows, or set the sheet and header row in the column mapping.`,
      ),
    );
  }
  // The payments of the funds table's year, when the settings do not say.
  const payments = detectOne(snapshot, 'payments', override?.payments, context.fiscalYear ?? funds.table?.year, issues);
  if (!payments.table && funds.table && !issues.some((i) => i.code === 'TABLE_AMBIGUOUS' || (i.code === 'MAPPING_INVALID' && i.severity === 'error'))) {
    const lp = describeLookedFor('payments');
    issues.push(
      issue(
        'PAYMENTS_NOT_FOUND',
        'info',
        quoteSheetName(funds.table.sheet),
        `未找到支付明细表（${lp.zh}），执行数只取自项目资金表。`,
        `No payments table found (${lp.en}); executed amounts come from the funds table only.`,
      ),
    );
  }
  return {
    funds: funds.table as FundsTable | undefined,
    payments: payments.table as PaymentsTable | undefined,
    candidates: { funds: funds.candidates as FundsTable[], payments: payments.candidates as PaymentsTable[] },
    issues,
  };
}
