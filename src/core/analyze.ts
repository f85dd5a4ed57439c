/**
 * The whole core in one call: snapshot → tables → model → period → payments matched → results →
 * issues → write plan. Shells call this once and apply the plan.
 */
import { parseAddress, quoteSheetName } from './address';
import { ComputeOptions, Results, computeResults } from './compute';
import { FundsTable, PaymentsTable, detectTables } from './detect';
import { Issue, sortIssues } from './issues';
import { matchPayments } from './match';
import { Model } from './model';
import { WritePlan, buildPlan } from './plan';
import { readFunds } from './read-funds';
import { readPayments } from './read-payments';
import { DEFAULT_SETTINGS, Period, Settings, resolvePeriod } from './settings';
import { WorkbookSnapshot } from './snapshot';
import { runRules } from './validate';
import { RateDisplay } from './rate';

export interface Analysis {
  /** False when no funds table was found: nothing can be computed (the issues say why). */
  ok: boolean;
  settings: Settings & { rateDisplay: RateDisplay; reasonThreshold: number };
  funds?: FundsTable;
  payments?: PaymentsTable;
  period?: Period;
  model?: Model;
  results?: Results;
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
  const detection = detectTables(snapshot, settings.mapping);
  const issues: Issue[] = [...detection.issues];
  const { funds, payments } = detection;
  const empty: WritePlan = { blocks: [], columns: [] };
  if (!funds) return { ok: false, settings: resolved, issues: sortIssues(issues), plan: empty };

  const fundsSheet = snapshot.sheets.find((s) => s.name === funds.sheet)!;
  const fundPart = readFunds(fundsSheet, funds, issues);
  const paymentsSheet = payments ? snapshot.sheets.find((s) => s.name === payments.sheet) : undefined;
  const payPart = payments && paymentsSheet ? readPayments(paymentsSheet, payments, issues) : { payments: [], paymentRows: [], totals: [], layout: undefined };
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
  const sorted = sortIssues(issues);
  const plan = buildPlan({ model, results, issues: sorted, funds, fundsSheet, payments, paymentsSheet, display: resolved.rateDisplay, parseAddress });
  return { ok: true, settings: resolved, funds, payments, period, model, results, issues: sorted, plan };
}

/** Whether a bad mapping or missing table makes the workbook unusable (the CLI exits 2). */
export function fatalIssue(a: Analysis): Issue | undefined {
  if (a.ok) return undefined;
  return a.issues.find((i) => i.severity === 'error') ?? a.issues[0];
}
