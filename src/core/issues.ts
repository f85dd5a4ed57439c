/**
 * Issues: every problem the core finds, with a stable code, a severity, the cell it concerns and a
 * message in Chinese (and English for the en-US UI) that says what is wrong and what to do.
 */

export type Severity = 'error' | 'warning' | 'info';

export type IssueCode =
  | 'TABLE_NOT_FOUND'
  | 'TABLE_AMBIGUOUS'
  | 'TABLE_CHOSEN_BY_YEAR'
  | 'CONTENT_OUTSIDE_TABLE'
  | 'FORMULA_NOT_CALCULATED'
  | 'TOTAL_NOT_CHECKED'
  | 'OUTPUT_CELL_MERGED'
  | 'PAYMENTS_NOT_FOUND'
  | 'NO_EXECUTED_SOURCE'
  | 'DUPLICATE_HEADER'
  | 'UNIT_ASSUMED'
  | 'MAPPING_INVALID'
  | 'FISCAL_YEAR_GUESSED'
  | 'MISSING_REQUIRED'
  | 'AMOUNT_NOT_NUMERIC'
  | 'AMOUNT_OUT_OF_RANGE'
  | 'AMOUNT_SUB_FEN'
  | 'FORMULA_ERROR'
  | 'NEGATIVE_AMOUNT'
  | 'DATE_INVALID'
  | 'FUNDS_SOURCE_SUM_MISMATCH'
  | 'DUPLICATE_PROJECT'
  | 'EXECUTED_EXCEEDS_BUDGET'
  | 'EXECUTED_MISMATCH_PAYMENTS'
  | 'EXECUTED_EMPTY'
  | 'TOTAL_ROW_MISMATCH'
  | 'PARTS_MISMATCH'
  | 'PARTS_SUMMED'
  | 'PARTS_ASSUMED'
  | 'PARTS_UNCLEAR'
  | 'PAYMENT_UNKNOWN_PROJECT'
  | 'PAYMENT_CODE_NAME_CONFLICT'
  | 'PAYMENT_OUTSIDE_YEAR'
  | 'PAYMENT_AFTER_AS_OF'
  | 'DUPLICATE_VOUCHER'
  | 'RATE_ROUNDS_TO_FULL'
  | 'REASON_MISSING'
  | 'ZERO_BUDGET'
  | 'CODE_AS_NUMBER'
  | 'NO_PROJECTS'
  // The 绩效指标 table (src/core/indicators): its problems keep an indicator, or a project's 总分, unscored.
  | 'INDICATOR_UNKNOWN_PROJECT'
  | 'INDICATOR_VALUE_MISSING'
  | 'INDICATOR_TARGET_UNREADABLE'
  | 'INDICATOR_UNIT_MISMATCH'
  | 'INDICATOR_NOT_SCORED'
  | 'INDICATOR_LEVEL_UNKNOWN'
  | 'INDICATOR_KIND_MISSING'
  | 'INDICATOR_WEIGHT_INVALID'
  | 'INDICATOR_WEIGHTS_TOTAL';

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** The cell it concerns, e.g. 支付明细!D17 (or a sheet name alone when no cell applies). */
  cell: string;
  /**
   * Every cell it concerns, when it groups several (FORMULA_NOT_CALCULATED names a column's cells in
   * one issue): each of their rows gets the 校验提示 mark. `cell` is the first.
   */
  cells?: string[];
  /** Chinese: what is wrong and what to do. */
  message: string;
  /** The same in English. */
  messageEn: string;
}

export function issue(code: IssueCode, severity: Severity, cell: string, message: string, messageEn: string): Issue {
  return { code, severity, cell, message, messageEn };
}

export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

export function countBySeverity(issues: readonly Issue[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return counts;
}

/** Issues in the order a person fixes them: errors first, then by sheet position. */
export function sortIssues(issues: Issue[]): Issue[] {
  const rank = (s: Severity) => SEVERITY_ORDER.indexOf(s);
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => rank(a.issue.severity) - rank(b.issue.severity) || a.i - b.i)
    .map((x) => x.issue);
}
