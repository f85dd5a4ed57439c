/**
 * The JSON summary (`jixiao report --json`): amounts in 元 as numbers with at most two decimals,
 * rates and 序时进度 as fractions, each project pointed at by its name cell.
 */
import { Analysis } from './analyze';
import { GroupResult, ProjectResult } from './compute';
import { executedSumKnown, rateBasisSentence } from './rate-basis';
import { Model } from './model';
import { formatIsoDate } from './dates';
import { fenToYuanNumber } from './money';
import { ratioToNumber } from './rate';
import { Grade, IndicatorKind, ProjectEvaluation } from './indicators';

/** One indicator as the 绩效自评表 prints it: 分值 and 得分 in points with two decimals (得分 null when not scored). */
export interface SummaryIndicator {
  level1: string;
  level2: string;
  name: string;
  kind: IndicatorKind | null;
  target: string;
  actual: string;
  weight: number;
  weightSource: 'table' | 'default';
  score: number | null;
  /** How it was scored: 30×min(819/800,1)=30.00, “基本完成”：10×50%=5.00, or why it was not. */
  working: string;
  /** The 三级指标 cell. */
  cell: string;
  deviation: string | null;
}

/**
 * A project's self-evaluation (项目支出绩效自评表). Every project has one: 预算执行率's score (null when
 * the rate is unknown) and its indicators ([] when the workbook has no indicators table or does not
 * list the project). `total` and `grade` are present only when the project has indicators, every one
 * of them is scored and the rate is known; `indicatorScore` is null otherwise.
 */
export interface SummaryEvaluation {
  executionScore: number | null;
  executionWorking: string;
  indicatorScore: number | null;
  total?: number;
  grade?: Grade;
  goal: { expected: string | null; achieved: string | null };
  indicators: SummaryIndicator[];
}

export interface SummaryProject {
  name: string;
  code: string | null;
  group: string;
  subgroup: string | null;
  cell: string;
  budgetYuan: number | null;
  executedYuan: number | null;
  executedSource: 'table' | 'payments' | 'none';
  rate: number | null;
  rateText: string;
  deviation: number | null;
  score: number | null;
  note: string;
  /** Its parts (1.1, (1), 其中…), when it has any: checked against it, in no total. */
  parts?: SummaryPart[];
  evaluation: SummaryEvaluation;
}

export interface SummaryPart {
  name: string;
  cell: string;
  /** numbered (1.1, (1), ①), qizhong (其中…) or indented. */
  how: string;
  budgetYuan: number | null;
  executedYuan: number | null;
  rate: number | null;
  rateText: string;
  parts?: SummaryPart[];
}

export interface SummaryGroup {
  name: string;
  subgroup: string | null;
  projectCount: number;
  /** Every project's budget (those whose budget cannot be read are named in unknownBudget). */
  budgetYuan: number;
  /** Every known executed amount; null when no member's executed amount is known. */
  executedYuan: number | null;
  /** The rate's basis: the budget and executed sums of the projects whose figures are both known. */
  rateBasisYuan: number;
  rateBasisExecutedYuan: number;
  rateBasisProjectCount: number;
  rate: number | null;
  rateText: string;
  deviation: number | null;
  /** True when some project's budget or executed amount is unknown (named below). */
  incomplete: boolean;
  unknownExecuted: string[];
  unknownBudget: string[];
  /** "执行率按其余15个项目计算；大数据发展宣传项目执行数待定" when incomplete, else null. */
  rateBasis: string | null;
  children?: SummaryGroup[];
}

export interface Summary {
  fiscalYear: number | null;
  asOf: string | null;
  monitoring: boolean;
  progress: number | null;
  projects: SummaryProject[];
  groups: SummaryGroup[];
  totals: SummaryGroup | null;
  /** The 绩效指标 table read (e.g. 绩效指标!A2:H40), or null when the workbook has none. */
  indicatorsTable: string | null;
  issues: { code: string; severity: string; cell: string; message: string; messageEn: string }[];
}

function groupSummary(g: GroupResult, model: Model, projects: ProjectResult[]): SummaryGroup {
  const name = (i: number) => model.projects[i].name || model.projects[i].cell;
  const out: SummaryGroup = {
    name: g.name,
    subgroup: g.subgroup ?? null,
    projectCount: g.projects.length,
    budgetYuan: fenToYuanNumber(g.budget),
    executedYuan: executedSumKnown(g) ? fenToYuanNumber(g.executed) : null,
    rateBasisYuan: fenToYuanNumber(g.rateBudget),
    rateBasisExecutedYuan: fenToYuanNumber(g.rateExecuted),
    rateBasisProjectCount: g.rateProjects.length,
    rate: g.rate ? ratioToNumber(g.rate) : null,
    rateText: g.rateText,
    deviation: g.deviation ?? null,
    incomplete: g.incomplete,
    unknownExecuted: g.unknownExecuted.map(name),
    unknownBudget: g.unknownBudget.map(name),
    rateBasis: rateBasisSentence(g, model, projects) ?? null,
  };
  if (g.children.length) out.children = g.children.map((c) => groupSummary(c, model, projects));
  return out;
}

function partsOf(model: Model, results: Analysis['results'] & object, kind: 'project' | 'part', index: number): SummaryPart[] | undefined {
  const list = model.parts.filter((p) => p.parent.kind === kind && p.parent.index === index);
  if (!list.length) return undefined;
  return list.map((p) => {
    const r = results.parts[p.index];
    const sub = partsOf(model, results, 'part', p.index);
    return {
      name: p.name,
      cell: p.cell,
      how: p.how,
      budgetYuan: r.budget !== undefined ? fenToYuanNumber(r.budget) : null,
      executedYuan: r.executed !== undefined ? fenToYuanNumber(r.executed) : null,
      rate: r.rate ? ratioToNumber(r.rate) : null,
      rateText: r.rateText,
      ...(sub ? { parts: sub } : {}),
    };
  });
}

export function toSummary(a: Analysis): Summary {
  const { model, results, period } = a;
  const parts = (i: number) => (model && results ? partsOf(model, results, 'project', i) : undefined);
  return {
    fiscalYear: period?.fiscalYear ?? null,
    asOf: period ? formatIsoDate(period.asOf) : null,
    monitoring: period?.monitoring ?? false,
    progress: period ? ratioToNumber(period.progress) : null,
    projects:
      model && results
        ? model.projects.map((p) => {
            const r = results.projects[p.index];
            return {
              name: p.name,
              code: p.code ?? null,
              group: p.group,
              subgroup: p.subgroup ?? null,
              cell: p.cell,
              budgetYuan: r.budget !== undefined ? fenToYuanNumber(r.budget) : null,
              executedYuan: r.executed !== undefined ? fenToYuanNumber(r.executed) : null,
              executedSource: r.executedSource,
              rate: r.rate ? ratioToNumber(r.rate) : null,
              rateText: r.rateText,
              deviation: r.deviation ?? null,
              score: r.score ?? null,
              note: r.note,
              ...(parts(p.index) ? { parts: parts(p.index) } : {}),
              evaluation: evaluationSummary(a.evaluation!.projects[p.index]),
            };
          })
        : [],
    groups: model && results ? results.groups.map((g) => groupSummary(g, model, results.projects)) : [],
    totals: model && results ? groupSummary(results.total, model, results.projects) : null,
    indicatorsTable: a.indicators?.range ?? null,
    issues: a.issues.map((i) => ({ code: i.code, severity: i.severity, cell: i.cell, message: i.message, messageEn: i.messageEn })),
  };
}

const points = (h: number | undefined): number | null => (h === undefined ? null : h / 100);

function evaluationSummary(e: ProjectEvaluation): SummaryEvaluation {
  return {
    executionScore: points(e.executionScore),
    executionWorking: e.executionWorking,
    indicatorScore: points(e.indicatorScore),
    ...(e.total !== undefined ? { total: e.total / 100, grade: e.grade } : {}),
    goal: { expected: e.goal.expected?.value ?? null, achieved: e.goal.achieved?.value ?? null },
    indicators: e.indicators.map((s) => ({
      level1: s.level1,
      level2: s.level2,
      name: s.name,
      kind: s.kind ?? null,
      target: s.target,
      actual: s.actual,
      weight: s.weight / 100,
      weightSource: s.weightSource,
      score: points(s.score),
      working: s.working,
      cell: s.cell,
      deviation: s.deviation?.value ?? null,
    })),
  };
}
