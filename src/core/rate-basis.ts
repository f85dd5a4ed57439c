/**
 * What a total's rate stands on. Every project is in a total's budget; its rate is computed over the
 * projects whose budget and executed amount are both known, and the others are named:
 * 执行率按其余15个项目计算；大数据发展宣传项目执行数待定.
 */
import type { ProjectResult } from './compute';
import type { Model } from './model';
import { Fen } from './money';
import { clip } from './text';

/** A set of projects' sums: all budgets, all known executed amounts, and the rate's basis. */
export interface Figures {
  projects: number[];
  budget: Fen;
  executed: Fen;
  rateProjects: number[];
  rateBudget: Fen;
  rateExecuted: Fen;
  unknownExecuted: number[];
  unknownBudget: number[];
  incomplete: boolean;
  budgetCells: string[];
  executedCells: string[];
  /** Some executed figure is a sum of payments (the payments' amount column is then a source). */
  executedFromPayments: boolean;
}

/** The sums of some projects; `executedCellsOf` gives a project's executed cells (default: its 执行数 cell). */
export function sumFigures(indexes: number[], results: ProjectResult[], model?: Model, executedCellsOf?: (i: number) => string[]): Figures {
  const f: Figures = {
    projects: indexes,
    budget: 0n,
    executed: 0n,
    rateProjects: [],
    rateBudget: 0n,
    rateExecuted: 0n,
    unknownExecuted: [],
    unknownBudget: [],
    incomplete: false,
    budgetCells: [],
    executedCells: [],
    executedFromPayments: false,
  };
  for (const i of indexes) {
    const r = results[i];
    if (r.budget !== undefined) {
      f.budget += r.budget;
      const cell = model?.projects[i].amounts.budget?.cell;
      if (cell) f.budgetCells.push(cell);
    } else f.unknownBudget.push(i);
    if (r.executed !== undefined) {
      f.executed += r.executed;
      f.executedCells.push(...(executedCellsOf ? executedCellsOf(i) : r.executedCells));
      if (r.executedSource === 'payments') f.executedFromPayments = true;
    } else f.unknownExecuted.push(i);
    if (r.budget !== undefined && r.executed !== undefined) {
      f.rateProjects.push(i);
      f.rateBudget += r.budget;
      f.rateExecuted += r.executed;
    }
  }
  f.incomplete = f.unknownBudget.length + f.unknownExecuted.length > 0;
  return f;
}

/**
 * Whether a set of projects has an executed sum to state: some member's executed amount is known (or
 * the set is empty). When every member's 执行数 is unknown the sum is unknown too — never "已支付0元".
 */
export function executedSumKnown(f: Pick<Figures, 'projects' | 'unknownExecuted'>): boolean {
  return f.unknownExecuted.length === 0 || f.projects.length > f.unknownExecuted.length;
}

/** Projects named in full in a basis sentence; beyond this it says 等N个项目. */
const NAMED_UNKNOWN = 3;

/**
 * The sentence that says what a total's rate is computed over, when some figures are unknown:
 * 执行率按其余15个项目计算；大数据发展宣传项目执行数待定. Undefined when every figure is known.
 */
export function rateBasisSentence(f: Pick<Figures, 'rateProjects' | 'unknownExecuted' | 'unknownBudget'>, model: Model, results: ProjectResult[]): string | undefined {
  const unknown = [...new Set([...f.unknownBudget, ...f.unknownExecuted])].sort((a, b) => a - b);
  if (!unknown.length) return undefined;
  const head = f.rateProjects.length ? `执行率按其余${f.rateProjects.length}个项目计算` : '各项目的预算数或执行数均无法确定，未计算执行率';
  const what = (i: number) => {
    const r = results[i];
    const parts = [r.budgetUnknown !== undefined ? `预算数${r.budgetUnknown}` : '', r.executedUnknown !== undefined ? `执行数${r.executedUnknown}` : ''].filter(Boolean);
    return `${clip(model.projects[i].name || model.projects[i].cell, 40)}${parts.join('、') || '执行数无法确定'}`;
  };
  const named = unknown.slice(0, NAMED_UNKNOWN).map(what).join('，');
  return `${head}；${named}${unknown.length > NAMED_UNKNOWN ? `等${unknown.length}个项目的数字无法确定` : ''}`;
}
