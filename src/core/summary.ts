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
            };
          })
        : [],
    groups: model && results ? results.groups.map((g) => groupSummary(g, model, results.projects)) : [],
    totals: model && results ? groupSummary(results.total, model, results.projects) : null,
    issues: a.issues.map((i) => ({ code: i.code, severity: i.severity, cell: i.cell, message: i.message, messageEn: i.messageEn })),
  };
}
