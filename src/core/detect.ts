/**
 * Finding the funds table and the payments table by their header words — never by sheet name or
 * column position. Handles title rows above the header, a two-row header under a merged 其中, and
 * units declared in a title cell or in the header text. The user can override any part of it.
 */
import { address, columnIndex, columnLetters, quoteSheetName } from './address';
import { FieldSpec, fieldSpecs, REQUIRED_FIELDS, TableKind } from './fields';
import { matchHeader, normalizeHeader } from './headers';
import { Issue, issue } from './issues';
import { SheetSnapshot, WorkbookSnapshot, cellAt, lastCol, lastRow } from './snapshot';
import {
  Candidate,
  DetectionResult,
  FundsTable,
  HEADER_SEARCH_ROWS,
  MappingOverride,
  PaymentsTable,
  REPORT_SHEET_NAME,
  RESERVED_SHEET_PREFIX,
  TableLocation,
  TableOverride,
  toLocation,
} from './table-location';
import { cellText } from './text';

export * from './table-location';

export function isDataSheet(sheet: SheetSnapshot): boolean {
  return !sheet.name.startsWith(RESERVED_SHEET_PREFIX) && sheet.name !== REPORT_SHEET_NAME;
}

/** Map one header row (plus, for blank cells, the row below) to fields. */
function mapHeaderRow(sheet: SheetSnapshot, row: number, specs: FieldSpec<string>[]): Candidate {
  const right = lastCol(sheet);
  type Best = { col: number; quality: number; len: number; text: string };
  const best = new Map<string, Best>();
  const duplicates: Candidate['duplicates'] = [];
  let usedSecondRow = false;
  let ownMatches = 0;
  for (let col = sheet.left; col <= right; col++) {
    const top = cellText(cellAt(sheet, row, col));
    let text = top;
    let match = top ? matchHeader(top, specs) : undefined;
    const topIsSpan = top === '' || normalizeHeader(top) === '';
    if ((!match || topIsSpan) && row + 1 <= lastRow(sheet)) {
      const below = cellText(cellAt(sheet, row + 1, col));
      const m2 = below ? matchHeader(below, specs) : undefined;
      if (m2 && m2.quality === 2 && (topIsSpan || /^其中/.test(top))) {
        match = m2;
        text = below;
        usedSecondRow = true;
      }
    }
    if (!match) continue;
    if (text === top) ownMatches++;
    const prev = best.get(match.field);
    const cand = { col, quality: match.quality, len: match.synonymLength, text };
    if (!prev) best.set(match.field, cand);
    else if (cand.quality > prev.quality || (cand.quality === prev.quality && cand.len > prev.len)) {
      duplicates.push({ field: match.field, col: prev.col, kept: col });
      best.set(match.field, cand);
    } else duplicates.push({ field: match.field, col, kept: prev.col });
  }
  const columns: Record<string, number> = {};
  const headers: Record<string, string> = {};
  let score = 0;
  for (const [field, b] of best) {
    columns[field] = b.col;
    headers[field] = b.text;
    score += b.quality;
  }
  // A row with no header words of its own is a title or a blank above the header, not the header.
  if (ownMatches === 0) score = 0;
  return { sheet, headerRow: row, headerRows: usedSecondRow ? 2 : 1, columns, headers, duplicates, score };
}

function isValid(kind: TableKind, c: Candidate): boolean {
  if (c.score === 0) return false;
  if (!REQUIRED_FIELDS[kind].every((f) => f in c.columns)) return false;
  if (kind === 'payments') {
    // A payments table has the paid amount and something that names the project and the payment.
    const names = 'code' in c.columns || 'name' in c.columns;
    const ids = 'date' in c.columns || 'voucher' in c.columns;
    return names && ids && !('budget' in c.columns);
  }
  return true;
}

/** The best-scoring valid header row in any sheet; on a tie the first sheet (in tab order) wins. */
function scan(snapshot: WorkbookSnapshot, kind: TableKind): Candidate | undefined {
  const specs = fieldSpecs(kind);
  let best: Candidate | undefined;
  const sheets = snapshot.sheets.filter(isDataSheet);
  // Visible sheets first: a hidden copy of last year's table must not win over the one on screen.
  const ordered = [...sheets.filter((s) => s.visibility !== 'hidden' && s.visibility !== 'veryHidden'), ...sheets.filter((s) => s.visibility === 'hidden' || s.visibility === 'veryHidden')];
  for (const sheet of ordered) {
    const last = Math.min(HEADER_SEARCH_ROWS - 1, lastRow(sheet));
    for (let row = sheet.top; row <= last; row++) {
      const c = mapHeaderRow(sheet, row, specs);
      if (!isValid(kind, c)) continue;
      if (!best || c.score > best.score) best = c;
    }
  }
  return best;
}


const KIND_ZH: Record<TableKind, string> = { funds: '项目资金表', payments: '支付明细表' };
const KIND_EN: Record<TableKind, string> = { funds: 'funds table', payments: 'payments table' };

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

function detectOne(snapshot: WorkbookSnapshot, kind: TableKind, override: TableOverride | undefined, issues: Issue[]): TableLocation | undefined {
  const specs = fieldSpecs(kind);
  let cand: Candidate | undefined;
  if (override?.sheet && !snapshot.sheets.some((s) => s.name === override.sheet)) {
    issues.push(
      issue('MAPPING_INVALID', 'error', override.sheet, `列映射指定的工作表“${override.sheet}”不存在，请在列映射中改选现有的工作表。`, `The mapping names sheet "${override.sheet}", which does not exist; choose an existing sheet in the column mapping.`),
    );
    return undefined;
  }
  const headerRow = override?.headerRow !== undefined ? override.headerRow - 1 : undefined;
  if (override?.sheet || headerRow !== undefined) {
    const sheets = snapshot.sheets.filter((s) => !override?.sheet || s.name === override.sheet);
    for (const sheet of sheets) {
      if (headerRow !== undefined) {
        const c = mapHeaderRow(sheet, headerRow, specs);
        if (!cand || c.score > cand.score) cand = c;
      } else {
        const c = scan({ sheets: [sheet] }, kind);
        if (c && (!cand || c.score > cand.score)) cand = c;
      }
    }
  } else {
    cand = scan(snapshot, kind);
  }
  if (!cand) {
    if (!override?.columns) return undefined;
    const sheet = snapshot.sheets.find((s) => s.name === override.sheet) ?? snapshot.sheets.find(isDataSheet);
    if (!sheet) return undefined;
    cand = { sheet, headerRow: headerRow ?? sheet.top, headerRows: 1, columns: {}, headers: {}, duplicates: [], score: 0 };
  }
  if (override?.columns) {
    for (const [field, letters] of Object.entries(override.columns)) {
      if (!specs.some((s) => s.field === field)) {
        issues.push(
          issue('MAPPING_INVALID', 'warning', cand.sheet.name, `列映射中的字段“${field}”无法识别，已忽略。`, `The mapping names an unknown field "${field}"; it was ignored.`),
        );
        continue;
      }
      if (letters === null) {
        delete cand.columns[field];
        delete cand.headers[field];
        continue;
      }
      if (!/^[A-Za-z]{1,3}$/.test(letters)) {
        issues.push(
          issue('MAPPING_INVALID', 'error', cand.sheet.name, `列映射中“${field}”的列“${letters}”不是列字母（如 F），请更正。`, `The mapping gives "${letters}" for "${field}", which is not a column letter (e.g. F); correct it.`),
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
  if (!isValid(kind, cand)) {
    const missing = REQUIRED_FIELDS[kind].filter((f) => !(f in cand!.columns));
    const label = (f: string) => specs.find((s) => s.field === f)!.label;
    issues.push(
      issue(
        'MAPPING_INVALID',
        'error',
        address(cand.sheet.name, cand.headerRow, cand.sheet.left),
        `${KIND_ZH[kind]}的列映射缺少：${missing.map((f) => label(f).zh).join('、') || '项目或日期列'}。请在列映射中指定这些列。`,
        `The ${KIND_EN[kind]} mapping lacks: ${missing.map((f) => label(f).en).join(', ') || 'a project or date column'}. Assign these columns in the column mapping.`,
      ),
    );
    return undefined;
  }
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
  const loc = toLocation(kind, cand, Boolean(override && (override.sheet || override.headerRow || override.columns || override.unit)), override?.unit);
  if (loc.unitSource === 'assumed' && Object.keys(loc.columnUnits).length === 0) {
    const unitZh = loc.unit === 'wan' ? '万元' : '元';
    issues.push(
      issue(
        'UNIT_ASSUMED',
        'info',
        address(loc.sheet, loc.headerRow, loc.sheet === cand.sheet.name ? cand.sheet.left : 0),
        `${KIND_ZH[kind]}未注明金额单位，按“${unitZh}”计算。如不是，请在表头上方写明“单位：万元”或“单位：元”。`,
        `The ${KIND_EN[kind]} does not state its unit; amounts are read as ${loc.unit === 'wan' ? '10,000 yuan (万元)' : 'yuan (元)'}. If that is wrong, write 单位：万元 or 单位：元 above the header.`,
      ),
    );
  }
  return loc;
}

export function detectTables(snapshot: WorkbookSnapshot, override?: MappingOverride): DetectionResult {
  const issues: Issue[] = [];
  const funds = detectOne(snapshot, 'funds', override?.funds, issues) as FundsTable | undefined;
  if (!funds && !issues.some((i) => i.severity === 'error')) {
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
  const payments = detectOne(snapshot, 'payments', override?.payments, issues) as PaymentsTable | undefined;
  if (!payments && funds) {
    const lp = describeLookedFor('payments');
    issues.push(
      issue(
        'PAYMENTS_NOT_FOUND',
        'info',
        quoteSheetName(funds.sheet),
        `未找到支付明细表（${lp.zh}），执行数只取自项目资金表。`,
        `No payments table found (${lp.en}); executed amounts come from the funds table only.`,
      ),
    );
  }
  return { funds, payments, issues };
}
