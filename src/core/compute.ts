/**
 * Computing what the report and the table need: each project's executed amount (the typed 执行数,
 * or the sum of its counted payments), 执行率, 偏差 and deviation note, and the same totals per
 * funding group, per sub-group and overall.
 */
import { PaymentTally } from './match';
import { Model, Project, ProjectPart, TotalRow } from './model';
import { rangeAddress } from './address';
import { Fen } from './money';
import { deviationNote } from './notes';
import { FULL, Ratio, RateDisplay, executionScore, formatRate, pointsBetween, ratio } from './rate';
import { Period } from './settings';
import { rateBasisSentence, sumFigures } from './rate-basis';

export interface ProjectResult {
  index: number;
  budget?: Fen;
  /** Undefined when it cannot be known (an unreadable 执行数 cell, a formula with no value, such a payment). */
  executed?: Fen;
  /** Why the budget or the executed amount is unknown, as a sentence ends it: 待定, 为未计算的公式. */
  budgetUnknown?: string;
  executedUnknown?: string;
  executedSource: 'table' | 'payments' | 'none';
  /** The 执行数 cell the executed figure comes from (empty when it is the sum of payments). */
  executedCells: string[];
  /** Indexes (into Model.payments) of the payments summed, when the figure comes from them; see paymentSourceCells. */
  paymentIndexes: number[];
  paymentsSum: Fen;
  paymentCount: number;
  /** Its payments whose amount or date is a formula with no value (their money is unknown). */
  uncalculatedPayments: number;
  rate?: Ratio;
  rateText: string;
  /** Percentage points short of the target (100% or 序时进度), as printed; negative when ahead. */
  deviationPoints?: string;
  /** Target minus rate, as a fraction (for JSON). */
  deviation?: number;
  unspent?: Fen;
  score?: number;
  /** Whether money is unspent at year end, or the rate is behind 序时进度 during the year. */
  lagging: boolean;
  note: string;
}

/**
 * A set of projects' figures (a funding group, a sub-group, a 小计/合计 row, the whole table). Every
 * project is in `budget`, however its 执行数 reads; the rate is computed over the projects whose
 * budget and executed amount are both known (its basis), and the others are named.
 */
export interface GroupResult {
  name: string;
  subgroup?: string;
  projects: number[];
  /** Sum of every project's budget (those with an unknown budget are in unknownBudget). */
  budget: Fen;
  /** Sum of every known executed amount. */
  executed: Fen;
  /** The rate's basis: the projects whose budget and executed amount are both known, and their sums. */
  rateProjects: number[];
  rateBudget: Fen;
  rateExecuted: Fen;
  /** Projects (indexes) whose executed amount is unknown (待定, a formula with no value …). */
  unknownExecuted: number[];
  /** Projects whose budget is unknown (empty or unreadable): not in `budget`. */
  unknownBudget: number[];
  /** True when some project's budget or executed amount is unknown: the rate is over the basis only. */
  incomplete: boolean;
  /** rateExecuted ÷ rateBudget. */
  rate?: Ratio;
  rateText: string;
  deviationPoints?: string;
  deviation?: number;
  /** rateBudget − rateExecuted: what is unspent among the projects whose figures are known. */
  unspent: Fen;
  /** The budget cells summed, so a total can be traced to its rows. */
  budgetCells: string[];
  /** The typed 执行数 cells summed, plus the payments' amount column when some projects' figures are sums of payments. */
  executedCells: string[];
  note: string;
  children: GroupResult[];
}

/**
 * A project's part (1.1, (1), 其中…): its own rate from its own row's figures, for the row; it is in
 * no total (its money is in its project's row already).
 */
export interface PartResult {
  index: number;
  budget?: Fen;
  executed?: Fen;
  rate?: Ratio;
  rateText: string;
  note: string;
}

export interface Results {
  projects: ProjectResult[];
  /** Parallel to Model.parts. */
  parts: PartResult[];
  groups: GroupResult[];
  total: GroupResult;
  /** The figures each 小计/合计 row of the table stands for, parallel to Model.totals. */
  totalRows: GroupResult[];
}

/** The projects a 小计/合计 row stands for. */
export function totalMembers(t: TotalRow, model: Model): Project[] {
  const s = t.scope;
  if (s.kind === 'all') return model.projects;
  if (s.kind === 'group') return model.projects.filter((p) => p.group === s.group && (s.subgroup === undefined || p.subgroup === s.subgroup));
  return s.projects.map((i) => model.projects[i]);
}

export interface ComputeOptions {
  rateDisplay: RateDisplay;
  hasExecutedColumn: boolean;
  hasPayments: boolean;
}

function target(period: Period): Ratio {
  return period.monitoring ? period.progress : FULL;
}

function rateFields(budget: Fen | undefined, executed: Fen | undefined, period: Period, display: RateDisplay) {
  const r = budget !== undefined && executed !== undefined ? ratio(executed, budget) : undefined;
  if (!r) return { rate: undefined, rateText: '—', deviationPoints: undefined, deviation: undefined };
  const t = target(period);
  const pts = pointsBetween(t, r, display);
  return {
    rate: r,
    rateText: formatRate(r, display),
    deviationPoints: pts.points < 0n ? `-${pts.text}` : pts.text,
    deviation: Number(t.num) / Number(t.den) - Number(r.num) / Number(r.den),
  };
}

export function computeResults(model: Model, tally: PaymentTally, period: Period, opts: ComputeOptions): Results {
  const projects = model.projects.map((p): ProjectResult => computeProject(p, tally, period, opts));
  const paymentColumn = paymentAmountColumn(model);

  const makeGroup = (name: string, subgroup: string | undefined, members: Project[]): GroupResult => {
    const f = sumFigures(members.map((p) => p.index), projects, model);
    if (f.executedFromPayments && paymentColumn) f.executedCells.push(paymentColumn);
    const rf = rateFields(f.rateBudget, f.rateProjects.length ? f.rateExecuted : undefined, period, opts.rateDisplay);
    const basis = rateBasisSentence(f, model, projects);
    const note = rf.rate ? deviationNote({ budget: f.rateBudget, executed: f.rateExecuted, rate: rf.rate, period, display: opts.rateDisplay }) : '';
    return {
      name,
      subgroup,
      projects: f.projects,
      budget: f.budget,
      executed: f.executed,
      rateProjects: f.rateProjects,
      rateBudget: f.rateBudget,
      rateExecuted: f.rateExecuted,
      unknownExecuted: f.unknownExecuted,
      unknownBudget: f.unknownBudget,
      incomplete: f.incomplete,
      ...rf,
      unspent: f.rateBudget - f.rateExecuted,
      budgetCells: f.budgetCells,
      executedCells: f.executedCells,
      note: basis ? `${note}${basis}。` : note,
      children: [],
    };
  };

  const groups = model.groups.map((g) => {
    const members = model.projects.filter((p) => p.group === g.name);
    const group = makeGroup(g.name, undefined, members);
    group.children = g.subgroups.map((sg) => makeGroup(g.name, sg, members.filter((p) => p.subgroup === sg)));
    return group;
  });
  const total = makeGroup('合计', undefined, model.projects);
  const totalRows = model.totals.map((t) => makeGroup(t.label, undefined, totalMembers(t, model)));
  const parts = model.parts.map((p): PartResult => computePart(p, model, opts.rateDisplay));
  return { projects, parts, groups, total, totalRows };
}

function computePart(p: ProjectPart, model: Model, display: RateDisplay): PartResult {
  const budget = p.amounts.budget?.value;
  const executed = p.amounts.executed?.value;
  const rate = budget !== undefined && executed !== undefined ? ratio(executed, budget) : undefined;
  const parent = p.parent.kind === 'total' ? `“${model.totals[p.parent.index].label}”行` : `“${p.parent.kind === 'project' ? model.projects[p.parent.index].name : model.parts[p.parent.index].name}”`;
  const whose = p.parent.kind === 'total' ? `${parent}的其中项` : `${parent}的${p.how === 'qizhong' ? '其中项' : '分项'}`;
  return {
    index: p.index,
    budget,
    executed,
    rate,
    rateText: rate ? formatRate(rate, display) : '—',
    note: `${whose}，已含在${p.parent.kind === 'total' ? '该行' : '其'}数字中，不另计入合计。`,
  };
}

function computeProject(p: Project, tally: PaymentTally, period: Period, opts: ComputeOptions): ProjectResult {
  const budget = p.amounts.budget?.value;
  const typed = p.amounts.executed;
  const paymentsSum = tally.sums[p.index] ?? 0n;
  const paymentCount = tally.counts[p.index] ?? 0;
  let executed: Fen | undefined;
  let executedSource: ProjectResult['executedSource'] = 'none';
  let executedCells: string[] = [];
  let paymentIndexes: number[] = [];
  let executedUnknown: string | undefined;
  const budgetUnknown = budget !== undefined ? undefined : p.unreadable.includes('budget') ? (p.unknownWhy.budget ?? '无法识别') : '未填写';
  if (typed) {
    executed = typed.value;
    executedSource = 'table';
    executedCells = [typed.cell];
  } else if (p.unreadable.includes('executed')) {
    // Unknown stays unknown: the payments' sum is never put in its place (its issue says what they show).
    executed = undefined;
    executedUnknown = p.unknownWhy.executed ?? '无法识别';
  } else if (opts.hasPayments && (tally.unknown[p.index]?.length ?? 0) > 0) {
    executed = undefined;
    executedUnknown = `无法确定（支付明细中${tally.unknown[p.index].length}笔支付的金额或日期是未计算的公式）`;
  } else if (opts.hasPayments) {
    executed = paymentsSum;
    executedSource = 'payments';
    paymentIndexes = tally.paymentIndexes[p.index] ?? [];
  } else if (opts.hasExecutedColumn) {
    // The 执行数 cell is empty and there are no payments: nothing has been paid as far as the table says.
    executed = 0n;
    executedSource = 'table';
  }
  const rf = rateFields(budget, executed, period, opts.rateDisplay);
  const unspent = budget !== undefined && executed !== undefined ? budget - executed : undefined;
  const lagging = rf.rate !== undefined && (period.monitoring ? rf.rate.num * period.progress.den < period.progress.num * rf.rate.den : executed! < budget!);
  return {
    index: p.index,
    budget,
    executed,
    budgetUnknown,
    executedUnknown,
    executedSource,
    executedCells,
    paymentIndexes,
    paymentsSum,
    paymentCount,
    uncalculatedPayments: tally.unknown[p.index]?.length ?? 0,
    ...rf,
    unspent,
    score: rf.rate ? executionScore(rf.rate) : undefined,
    lagging,
    note:
      budget === undefined
        ? `预算数${budgetUnknown}，未计算执行率。`
        : budget === 0n
          ? '预算数为0，不计算执行率。'
          : executed === undefined || !rf.rate
            ? `执行数${executedUnknown ?? '无法识别'}，未计算执行率。`
            : deviationNote({ budget, executed, rate: rf.rate, period, display: opts.rateDisplay, reason: p.texts.reason?.value }),
  };
}

/** The payments table's amount column over its data rows, e.g. 支付明细!H3:H40. */
function paymentAmountColumn(model: Model): string | undefined {
  const layout = model.paymentLayout;
  const col = layout?.columns.amount;
  if (!layout || col === undefined || model.paymentRows.length === 0) return undefined;
  return rangeAddress(layout.sheet, model.paymentRows[0], col, model.paymentRows[model.paymentRows.length - 1], col);
}

/**
 * The cells a project's executed figure comes from, built on demand: its 执行数 cell, or the amount
 * cells of the payments summed, consecutive rows merged into ranges (支付明细!H3:H5).
 */
export function executedSourceCells(model: Model, r: ProjectResult): string[] {
  if (r.executedSource !== 'payments') return r.executedCells;
  const layout = model.paymentLayout;
  const col = layout?.columns.amount;
  if (!layout || col === undefined) return [];
  const rows = r.paymentIndexes.map((i) => model.payments[i].row).sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    out.push(rangeAddress(layout.sheet, rows[i], col, rows[j], col));
    i = j + 1;
  }
  return out;
}
