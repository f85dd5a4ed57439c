/**
 * What every section builder needs: the analysis's model and results, the voice (how amounts and
 * rates print), the unit sheet, and the lists of what is missing. Also the report's sections — one
 * per funding group, or per sub-group where a group has them — with their figures.
 */
import type { Analysis } from '../analyze';
import { executedSourceCells, type GroupResult, type ProjectResult } from '../compute';
import { sumFigures } from '../rate-basis';
import type { FundsTable } from '../detect';
import type { Model, Project } from '../model';
import { Fen } from '../money';
import { Ratio, pointsBetween, printsAsFull, ratio } from '../rate';
import type { Evaluation } from '../indicators';
import type { FigureCheck } from './checks';
import { MissingItem, UnitInfo } from './document';
import { markCompact } from './sources';
import { Voice, groupPhrase, projectNoun, subgroupPhrase } from './phrases';

export interface BuildContext {
  model: Model;
  results: { projects: ProjectResult[]; groups: GroupResult[]; total: GroupResult };
  funds: FundsTable;
  issues: Analysis['issues'];
  voice: Voice;
  unit: UnitInfo;
  year: number;
  /** A year the workbook states that the user's choice (--year) replaces in the unit's title and opening. */
  replaceYear?: number;
  missing: MissingItem[];
  /** Data problems placed at the figures they concern (see checks.ts). */
  checks: FigureCheck[];
  /**
   * Each project's indicators and scores (the indicators table, when the workbook has one): their
   * 实际完成值 write （2）–（4） where the staff wrote nothing, and 自评结论 states the scores.
   */
  evaluation?: Evaluation;
  /** A project's executed cells (its 执行数 cell or its payments' amount cells), built once. */
  executedCells: (index: number) => string[];
  /** Its budget cell and executed cells: what its 执行率 comes from, built once. */
  rateCells: (index: number) => string[];
}

/**
 * Per-project cell lists built once and shared by every run that cites them, so the sheet renderer
 * can compress each list once (a project's payments are cited in three or four paragraphs).
 */
export function cellCaches(model: Model, projects: ProjectResult[]): Pick<BuildContext, 'executedCells' | 'rateCells'> {
  const executed = new Map<number, string[]>();
  const rates = new Map<number, string[]>();
  const executedCells = (i: number): string[] => {
    let cells = executed.get(i);
    // executedSourceCells merges consecutive payment rows into ranges as it builds them.
    if (!cells) executed.set(i, (cells = markCompact(executedSourceCells(model, projects[i]))));
    return cells;
  };
  const rateCells = (i: number): string[] => {
    let cells = rates.get(i);
    if (!cells) {
      const budget = model.projects[i].amounts.budget;
      // The budget cell sits in its own column, so adding it keeps the list compact.
      rates.set(i, (cells = budget ? markCompact([budget.cell, ...executedCells(i)]) : executedCells(i)));
    }
    return cells;
  };
  return { executedCells, rateCells };
}

/**
 * The one rule for "not fully executed", read off the printed rates so that every count and list
 * agrees with them: at year end a rate that prints below 100% (29.99 ÷ 30 prints 100% and is not
 * behind; its remainder gets a note instead); during the year a rate that prints below 序时进度.
 */
export function isBehind(r: ProjectResult, v: Voice): boolean {
  if (!r.lagging || !r.rate) return false;
  if (v.period.monitoring) return pointsBetween(v.period.progress, r.rate, v.rateDisplay).points > 0n;
  return !printsAsFull(r.rate, v.rateDisplay);
}

/** The indexes of the projects behind, in table order. */
export function behindProjects(ctx: BuildContext, indexes: number[] = ctx.results.projects.map((_, i) => i)): number[] {
  return indexes.filter((i) => isBehind(ctx.results.projects[i], ctx.voice));
}

/** The figures of a set of projects, as GroupResult has them (a sub-group's leftovers get their own). */
export interface Figures {
  projects: number[];
  budget: Fen;
  executed: Fen;
  /** executed of rateProjects ÷ their budget: the other projects' figures are unknown (see rateBasisSentence). */
  rate?: Ratio;
  incomplete: boolean;
  rateProjects: number[];
  unknownExecuted: number[];
  unknownBudget: number[];
  budgetCells: string[];
  executedCells: string[];
}

export interface Section {
  group: string;
  subgroup?: string;
  /** 上级资金安排的项目 / 州本级资金安排的人才项目. */
  phrase: string;
  /** A short name inside a group's list: 人才项目, 其他项目. */
  shortName: string;
  figures: Figures;
}

function figuresOf(projects: Project[], results: ProjectResult[], model: Model, cellsOf: (i: number) => string[]): Figures {
  const f = sumFigures(projects.map((p) => p.index), results, model, cellsOf);
  return { ...f, rate: ratio(f.rateExecuted, f.rateBudget) };
}

export interface GroupSections {
  group: GroupResult;
  phrase: string;
  /** One section for a group without sub-groups; else one per sub-group (and one for projects in none). */
  sections: Section[];
}

export function groupSections(ctx: BuildContext): GroupSections[] {
  const { model, results } = ctx;
  return results.groups.map((g) => {
    const members = model.projects.filter((p) => p.group === g.name);
    const phrase = groupPhrase(g.name);
    if (!g.children.length) return { group: g, phrase, sections: [{ group: g.name, phrase, shortName: phrase, figures: g }] };
    const sections: Section[] = g.children.map((c) => ({
      group: g.name,
      subgroup: c.subgroup,
      phrase: subgroupPhrase(g.name, c.subgroup!),
      shortName: projectNoun(c.subgroup!),
      figures: c,
    }));
    const loose = members.filter((p) => p.subgroup === undefined);
    if (loose.length) {
      sections.unshift({ group: g.name, phrase: `${phrase.replace(/项目$/, '')}其他项目`, shortName: '其他项目', figures: figuresOf(loose, results.projects, model, ctx.executedCells) });
    }
    return { group: g, phrase, sections };
  });
}

/** The cells a project's rate comes from: its budget cell and its executed cells. */
export function rateCells(p: Project, ctx: BuildContext): string[] {
  return ctx.rateCells(p.index);
}
