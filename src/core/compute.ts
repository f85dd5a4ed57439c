/**
 * Computing what the report and the table need: each project's executed amount (the typed 执行数,
 * or the sum of its counted payments), 执行率, 偏差 and deviation note, and the same totals per
 * funding group, per sub-group and overall.
 */
import { PaymentTally } from './match';
import { Model, Project, TotalRow } from './model';
import { rangeAddress } from './address';
import { Fen } from './money';
import { deviationNote } from './notes';
import { FULL, Ratio, RateDisplay, executionScore, formatRate, pointsBetween, ratio } from './rate';
import { Period } from './settings';

export interface ProjectResult {
  index: number;
  budget?: Fen;
  /** Undefined when it cannot be known (unreadable 执行数 cell and no payments table). */
  executed?: Fen;
  executedSource: 'table' | 'payments' | 'none';
  /** The 执行数 cell the executed figure comes from (empty when it is the sum of payments). */
  executedCells: string[];
  /** Indexes (into Model.payments) of the payments summed, when the figure comes from them; see paymentSourceCells. */
  paymentIndexes: number[];
  paymentsSum: Fen;
  paymentCount: number;
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

export interface GroupResult {
  name: string;
  subgroup?: string;
  projects: number[];
  budget: Fen;
  executed: Fen;
  /** True when a project's budget or executed amount could not be read: the total leaves it out. */
  incomplete: boolean;
  rate?: Ratio;
  rateText: string;
  deviationPoints?: string;
  deviation?: number;
  unspent: Fen;
  /** The budget cells summed, so a total can be traced to its rows. */
  budgetCells: string[];
  /** The typed 执行数 cells summed, plus the payments' amount column when some projects' figures are sums of payments. */
  executedCells: string[];
  note: string;
  children: GroupResult[];
}

export interface Results {
  projects: ProjectResult[];
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
    let budget = 0n;
    let executed = 0n;
    let incomplete = false;
    const budgetCells: string[] = [];
    const executedCells: string[] = [];
    let fromPayments = false;
    for (const p of members) {
      const r = projects[p.index];
      if (r.budget === undefined || r.executed === undefined) {
        incomplete = true;
        continue;
      }
      budget += r.budget;
      executed += r.executed;
      if (p.amounts.budget) budgetCells.push(p.amounts.budget.cell);
      executedCells.push(...r.executedCells);
      if (r.executedSource === 'payments') fromPayments = true;
    }
    if (fromPayments && paymentColumn) executedCells.push(paymentColumn);
    const rf = rateFields(budget, executed, period, opts.rateDisplay);
    return {
      name,
      subgroup,
      projects: members.map((p) => p.index),
      budget,
      executed,
      incomplete,
      ...rf,
      unspent: budget - executed,
      budgetCells,
      executedCells,
      note: rf.rate ? deviationNote({ budget, executed, rate: rf.rate, period, display: opts.rateDisplay }) : '',
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
  return { projects, groups, total, totalRows };
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
  if (typed) {
    executed = typed.value;
    executedSource = 'table';
    executedCells = [typed.cell];
  } else if (p.unreadable.includes('executed')) {
    executed = undefined;
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
    executedSource,
    executedCells,
    paymentIndexes,
    paymentsSum,
    paymentCount,
    ...rf,
    unspent,
    score: rf.rate ? executionScore(rf.rate) : undefined,
    lagging,
    note:
      budget === undefined
        ? '预算数缺失或无法识别，未计算执行率。'
        : budget === 0n
          ? '预算数为0，不计算执行率。'
          : executed === undefined || !rf.rate
            ? '执行数无法识别，未计算执行率。'
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
