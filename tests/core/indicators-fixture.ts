/**
 * Tiny workbooks with a 绩效指标 sheet beside a funds table, and what a user reads of the result:
 * each indicator's 分值 and 得分 as the form prints them, the project's 总分 and 自评等级, and the
 * issues by cell.
 */
import type { Analysis, CellValue, IndicatorScore, ProjectEvaluation, Settings } from '../../src/core';
import { formatScore } from '../../src/core';
import { book, fundsSheet, run, sheet } from '../helpers/snap';

export const INDICATOR_HEADER: CellValue[] = ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值'];

/** Funds: 运维项目 72 万元 with 72 paid (execution 10.00), 宣传项目 30 with 15 paid (5.00). */
export function fundsOf(rows: CellValue[][] = [['运维项目', 72, 72], ['宣传项目', 30, 15]]) {
  return fundsSheet(rows);
}

export function runIndicators(rows: CellValue[][], opts: { header?: CellValue[]; funds?: CellValue[][]; settings?: Settings; title?: CellValue[][] } = {}): Analysis {
  const indicators = sheet('绩效指标', [...(opts.title ?? [['2023年项目绩效指标完成情况表']]), opts.header ?? INDICATOR_HEADER, ...rows]);
  return run(book(fundsOf(opts.funds), indicators), opts.settings);
}

export function evaluationOf(a: Analysis, project: string): ProjectEvaluation {
  const p = a.model!.projects.find((x) => x.name === project);
  if (!p) throw new Error(`no project ${project}`);
  return a.evaluation!.projects[p.index];
}

/** One indicator as the form prints it: "满意度 | ≥90% | 95% | 10 | 10.00"; the score "—" when not scored. */
export function printed(s: IndicatorScore): string {
  return `${s.name} | ${s.target} | ${s.actual} | ${formatScore(s.weight)} | ${s.score === undefined ? '—' : formatScore(s.score)}`;
}

export function issueCells(a: Analysis, prefix = 'INDICATOR_'): string[] {
  return a.issues.filter((i) => i.code.startsWith(prefix)).map((i) => `${i.code} ${i.cell}`);
}
