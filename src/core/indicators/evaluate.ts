/**
 * Each project's evaluation for the national 项目支出绩效自评表: 预算执行率得分 always (when the rate is
 * known); with an indicators table, its indicators weighed and scored, the kinds it lacks warned of,
 * and 总分 and 自评等级 once every indicator is scored. A project the table does not list gets the
 * execution score only (the form then leaves its indicator rows to the staff).
 */
import { Results } from '../compute';
import { Issue, issue } from '../issues';
import { Model } from '../model';
import { SheetSnapshot } from '../snapshot';
import { clip } from '../text';
import { readIndicators } from './read';
import { executionScoreOf, formatWeight, gradeOf, scoreIndicator, splitWeight } from './score';
import {
  DEFAULT_KIND_WEIGHTS,
  EXECUTION_WEIGHT,
  Evaluation,
  INDICATOR_KINDS,
  IndicatorRow,
  IndicatorScore,
  IndicatorsTable,
  KIND_WORDS,
  KindScore,
  ProjectEvaluation,
} from './types';

export function evaluate(model: Model, results: Results, issues: Issue[], indicators?: { table: IndicatorsTable; sheet: SheetSnapshot }): Evaluation {
  const read = indicators ? readIndicators(indicators.sheet, indicators.table, model, issues) : undefined;
  const rowsOf = new Map<number, IndicatorRow[]>();
  for (const r of read?.rows ?? []) {
    const list = rowsOf.get(r.project!) ?? [];
    list.push(r);
    rowsOf.set(r.project!, list);
  }
  const projects = model.projects.map((p): ProjectEvaluation => {
    const pr = results.projects[p.index];
    const exec = executionScoreOf(pr.rate, pr.executed, pr.budget);
    const rows = rowsOf.get(p.index) ?? [];
    const scores = scoreProject(p.name || p.cell, rows, issues);
    const byKind: KindScore[] = INDICATOR_KINDS.map((kind) => {
      const mine = scores.filter((s) => s.kind === kind);
      return { kind, weight: mine.reduce((a, s) => a + s.weight, 0), score: mine.every((s) => s.score !== undefined) ? mine.reduce((a, s) => a + s.score!, 0) : undefined, count: mine.length };
    });
    const allScored = scores.length > 0 && scores.every((s) => s.score !== undefined);
    const indicatorScore = allScored ? scores.reduce((a, s) => a + s.score!, 0) : undefined;
    const total = indicatorScore !== undefined && exec.score !== undefined ? exec.score + indicatorScore : undefined;
    return {
      project: p.index,
      executionScore: exec.score,
      executionWorking: exec.working,
      indicators: scores,
      byKind,
      indicatorScore,
      total,
      grade: total !== undefined ? gradeOf(total) : undefined,
      goal: read?.goals.get(p.index) ?? {},
    };
  });
  return { table: indicators?.table, projects };
}

/** A project's indicators weighed (分值 from the table, else the kind's default split) and scored. */
function scoreProject(projectName: string, rows: IndicatorRow[], issues: Issue[]): IndicatorScore[] {
  if (rows.length === 0) return [];
  const weights = new Map<IndicatorRow, { weight: number; source: 'table' | 'default' }>();
  for (const r of rows) if (r.weight) weights.set(r, { weight: r.weight.value, source: 'table' });
  for (const kind of INDICATOR_KINDS) {
    const mine = rows.filter((r) => r.kind === kind);
    if (mine.length === 0) {
      issues.push(
        issue(
          'INDICATOR_KIND_MISSING',
          'warning',
          rows[0].level1Cell,
          `项目“${clip(projectName)}”没有${KIND_WORDS[kind].zh}，该项按0分计（满分${formatWeight(DEFAULT_KIND_WEIGHTS[kind])}分）。请补充${KIND_WORDS[kind].zh}。`,
          `The project "${clip(projectName)}" has no ${KIND_WORDS[kind].en}; they score 0 (of ${formatWeight(DEFAULT_KIND_WEIGHTS[kind])}). Add its ${KIND_WORDS[kind].en}.`,
        ),
      );
      continue;
    }
    // Indicators without 分值 share what the kind's default leaves after those with one.
    const given = mine.reduce((a, r) => a + (r.weight?.value ?? 0), 0);
    const open = mine.filter((r) => !r.weight);
    splitWeight(Math.max(DEFAULT_KIND_WEIGHTS[kind] - given, 0), open.length).forEach((w, i) => weights.set(open[i], { weight: w, source: 'default' }));
  }
  const firstGiven = rows.find((r) => r.weight);
  if (firstGiven) {
    const sum = EXECUTION_WEIGHT + rows.reduce((a, r) => a + (weights.get(r)?.weight ?? 0), 0);
    if (sum !== 10000) {
      issues.push(
        issue(
          'INDICATOR_WEIGHTS_TOTAL',
          'warning',
          firstGiven.weight!.cell,
          `项目“${clip(projectName)}”的分值合计为${formatWeight(sum)}分（含预算执行率10分），不是100分。请核对各指标的分值。`,
          `The weights of project "${clip(projectName)}" add up to ${formatWeight(sum)} (with 10 for the execution rate), not 100. Check the indicators' weights.`,
        ),
      );
    }
  }
  return rows.map((r) => {
    const w = weights.get(r) ?? { weight: 0, source: 'default' as const };
    return scoreIndicator(r, w.weight, w.source, issues);
  });
}
