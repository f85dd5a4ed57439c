/**
 * The whole core in one call: snapshot → tables → model → period → payments matched → results →
 * issues → write plan. Shells call this once and apply the plan.
 */
import { address, parseAddress, quoteSheetName } from './address';
import { parseDate, serialToYmd } from './dates';
import { formatExact } from './money';
import { wan } from './notes';
import { UncalculatedCells } from './uncalculated';
import { ComputeOptions, Results, computeResults } from './compute';
import { FundsTable, PaymentsTable, detectTable, detectTables } from './detect';
import { Evaluation, IndicatorsTable, evaluate } from './indicators';
import { Issue, sortIssues } from './issues';
import { PaymentTally, matchPayments } from './match';
import { Model } from './model';
import { WritePlan, buildPlan } from './plan';
import { readFunds } from './read-funds';
import { readPayments } from './read-payments';
import { DEFAULT_SETTINGS, Period, Settings, resolvePeriod } from './settings';
import { WorkbookSnapshot } from './snapshot';
import { runRules } from './validate';
import { RateDisplay } from './rate';

export interface Analysis {
  /** False when no funds table was found, or two were equally likely (TABLE_AMBIGUOUS): nothing is computed (the issues say why). */
  ok: boolean;
  settings: Settings & { rateDisplay: RateDisplay; reasonThreshold: number };
  funds?: FundsTable;
  payments?: PaymentsTable;
  /**
   * Every table of each kind found in the workbook, the chosen one included: what the mapping editor
   * offers (choosing one sets TableOverride.sheet and .range, e.g. {sheet: '项目资金', range: 'J3:Q40'}).
   */
  candidates: { funds: FundsTable[]; payments: PaymentsTable[] };
  period?: Period;
  model?: Model;
  results?: Results;
  /** The 绩效指标 table, when the workbook has one (optional: without it nothing about it is said). */
  indicators?: IndicatorsTable;
  /** Every project's 预算执行率得分, and with an indicators table its indicator scores, 总分 and 自评等级. */
  evaluation?: Evaluation;
  /** Errors first, then warnings, then notes, each in sheet order. */
  issues: Issue[];
  plan: WritePlan;
}

export function analyze(snapshot: WorkbookSnapshot, settings: Settings = {}): Analysis {
  const resolved = {
    ...settings,
    rateDisplay: settings.rateDisplay ?? DEFAULT_SETTINGS.rateDisplay,
    reasonThreshold: settings.reasonThreshold ?? DEFAULT_SETTINGS.reasonThreshold,
  };
  const detection = detectTables(snapshot, settings.mapping, { fiscalYear: settingsYear(settings) });
  const issues: Issue[] = [...detection.issues];
  const { funds, payments, candidates } = detection;
  const empty: WritePlan = { blocks: [], columns: [] };
  // An ambiguous payments table stops the run as a missing funds table does: a silent pick is a wrong figure.
  if (!funds || issues.some((i) => i.code === 'TABLE_AMBIGUOUS')) return { ok: false, settings: resolved, candidates, issues: sortIssues(issues), plan: empty };

  const uncalculated = new UncalculatedCells();
  const fundsSheet = snapshot.sheets.find((s) => s.name === funds.sheet)!;
  const fundPart = readFunds(fundsSheet, funds, issues, uncalculated);
  const paymentsSheet = payments ? snapshot.sheets.find((s) => s.name === payments.sheet) : undefined;
  const payPart =
    payments && paymentsSheet ? readPayments(paymentsSheet, payments, issues, { dateSystem: snapshot.dateSystem, uncalculated }) : { payments: [], paymentRows: [], totals: [], layout: undefined };
  issues.push(...uncalculated.issues());
  const model: Model = {
    fundsSheet: funds.sheet,
    paymentsSheet: payments?.sheet,
    fundsUnit: funds.unit,
    ...fundPart,
    payments: payPart.payments,
    paymentLayout: payPart.layout,
    paymentRows: payPart.paymentRows,
  };
  const dates = () => model.payments.flatMap((p) => (p.date !== undefined && !Number.isNaN(p.date) ? [p.date] : []));
  const period = resolvePeriod(settings, funds.titleTexts, dates, issues);
  const tally = matchPayments(model, period, issues);
  if (payments && funds.columns.executed !== undefined) notePaymentsOfUnknown(model, tally, funds.columns.executed, issues);

  const hasExecutedColumn = funds.columns.executed !== undefined;
  const hasPayments = Boolean(payments);
  if (!hasExecutedColumn && !hasPayments) {
    issues.push({
      code: 'NO_EXECUTED_SOURCE',
      severity: 'error',
      cell: quoteSheetName(funds.sheet),
      message: '项目资金表没有“执行数”列，工作簿中也没有支付明细表，无法计算执行率。请增加“执行数”列，或加入支付明细表。',
      messageEn: 'The funds table has no executed-amount column and the workbook has no payments table, so no rate can be computed. Add an 执行数 column or a payments table.',
    });
  }
  const opts: ComputeOptions = { rateDisplay: resolved.rateDisplay, hasExecutedColumn, hasPayments };
  const results = computeResults(model, tally, period, opts);
  issues.push(
    ...runRules({
      model,
      results,
      period,
      funds,
      hasPayments,
      display: resolved.rateDisplay,
      reasonThreshold: resolved.reasonThreshold,
      paymentTotals: payPart.totals,
    }),
  );
  // The indicators table is optional: absent, nothing is said; ambiguous or mis-mapped, the issue says so and the run goes on.
  const found = detectTable(snapshot, 'indicators', settings.mapping?.indicators, settingsYear(settings) ?? funds.year);
  issues.push(...found.issues);
  const indicators = found.table as IndicatorsTable | undefined;
  const indicatorsSheet = indicators ? snapshot.sheets.find((s) => s.name === indicators.sheet) : undefined;
  const evaluation = evaluate(model, results, issues, indicators && indicatorsSheet ? { table: indicators, sheet: indicatorsSheet } : undefined);
  const planWarnings: Issue[] = [];
  const otherTables = [...candidates.funds, ...candidates.payments, ...found.candidates].filter((t) => t !== funds && t !== payments);
  const plan = buildPlan({
    model,
    results,
    issues: sortIssues(issues),
    funds,
    fundsSheet,
    payments,
    paymentsSheet,
    display: resolved.rateDisplay,
    parseAddress,
    otherTables,
    warnings: planWarnings,
  });
  const sorted = sortIssues([...issues, ...planWarnings]);
  return { ok: true, settings: resolved, funds, payments, candidates, period, model, results, indicators, evaluation, issues: sorted, plan };
}

/**
 * The fiscal year the settings give: the year itself, or the as-of date's year. Table detection is
 * handed it (a shell that detects tables before reading them must hand it the same year).
 */
export function settingsYear(settings: Settings): number | undefined {
  if (settings.fiscalYear) return settings.fiscalYear;
  const asOf = settings.asOf ? parseDate(settings.asOf) : undefined;
  return asOf?.ok ? serialToYmd(asOf.serial).y : undefined;
}

/** The executed-amount cell that cannot be read says what the payments table shows for its project. */
function notePaymentsOfUnknown(model: Model, tally: PaymentTally, executedCol: number, issues: Issue[]): void {
  const byCell = new Map<string, Issue>();
  for (const i of issues) if (READ_FAILURES.includes(i.code)) byCell.set(i.cell, i);
  for (const p of model.projects) {
    if (!p.unreadable.includes('executed') || p.uncalculated.includes('executed')) continue;
    const target = byCell.get(address(p.sheet, p.row, executedCol));
    if (!target) continue;
    const n = tally.counts[p.index] ?? 0;
    const sum = tally.sums[p.index] ?? 0n;
    const unknown = tally.unknown[p.index]?.length ?? 0;
    target.message += n
      ? `支付明细中该项目已支付${wan(sum)}（${n}笔）${unknown ? `，另有${unknown}笔金额或日期未计算` : ''}，执行数未按此计算。`
      : unknown
        ? `支付明细中该项目有${unknown}笔支付的金额或日期是未计算的公式。`
        : '支付明细中没有该项目的支付。';
    target.messageEn += n
      ? ` The payments table shows ${formatExact(sum, 'wan')} (10k yuan) paid for this project (${n} payment${n > 1 ? 's' : ''})${unknown ? `, and ${unknown} more not calculated` : ''}; the executed amount is not taken from it.`
      : unknown
        ? ` The payments table has ${unknown} payment(s) for this project whose amount or date is not calculated.`
        : ' The payments table has no payments for this project.';
  }
}

const READ_FAILURES: Issue['code'][] = ['AMOUNT_NOT_NUMERIC', 'FORMULA_ERROR', 'AMOUNT_OUT_OF_RANGE'];

/** Whether a bad mapping or missing table makes the workbook unusable (the CLI exits 2). */
export function fatalIssue(a: Analysis): Issue | undefined {
  if (a.ok) return undefined;
  return a.issues.find((i) => i.severity === 'error') ?? a.issues[0];
}
