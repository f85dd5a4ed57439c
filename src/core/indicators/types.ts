/**
 * The national 项目支出绩效自评表's data, as the core computes it: each project's indicators with
 * their 分值 and 得分, the 预算执行率 score, 总分 and 自评等级 — what the 绩效自评表 sheet, the .docx
 * form, the narrative and the JSON all print. Scores are integer hundredths (16.67 is 1667), so a
 * sum never drifts.
 */
import { Sourced } from '../model';
import { TableLocation } from '../table-location';
import { IndicatorField } from '../fields';

export type IndicatorsTable = TableLocation<IndicatorField>;

/** 产出指标, 效益指标, 满意度指标 — the three kinds the national form weighs 50/30/10. */
export type IndicatorKind = 'output' | 'benefit' | 'satisfaction';

export const INDICATOR_KINDS: IndicatorKind[] = ['output', 'benefit', 'satisfaction'];

export const KIND_WORDS: Record<IndicatorKind, { zh: string; en: string }> = {
  output: { zh: '产出指标', en: 'output indicators' },
  benefit: { zh: '效益指标', en: 'benefit indicators' },
  satisfaction: { zh: '满意度指标', en: 'satisfaction indicators' },
};

/** The weight each kind has when the table gives no 分值, in hundredths: 50, 30 and 10 分. */
export const DEFAULT_KIND_WEIGHTS: Record<IndicatorKind, number> = { output: 5000, benefit: 3000, satisfaction: 1000 };

/** 预算执行率's 分值 on the form: 10 分. */
export const EXECUTION_WEIGHT = 1000;

/** One indicator row as the table states it (merged or blank 项目名称, 一级, 二级 cells filled from above). */
export interface IndicatorRow {
  /** Index into Model.projects; undefined when the row names no known project (an issue says so). */
  project?: number;
  /** 0-based sheet row. */
  row: number;
  /** The 三级指标 cell: how the form, the JSON and the issues point at the indicator. */
  cell: string;
  level1: string;
  level2: string;
  name: string;
  kind?: IndicatorKind;
  /** The 一级指标 cell of the row (blank when merged from above). */
  level1Cell: string;
  target: Sourced<string>;
  actual: Sourced<string>;
  /** The cells' values as read (a number cell stays a number: 0.95 may be 95%). */
  targetValue: string | number | boolean | null;
  actualValue: string | number | boolean | null;
  /** The row's 计量单位, when the table has that column. */
  measure: string;
  /** 分值 given in the table, in hundredths. */
  weight?: Sourced<number>;
  /** 偏差原因分析及改进措施, as the staff wrote it. */
  deviation?: Sourced<string>;
}

/** How an indicator was scored, for the form's working and for tests. */
export type ScoreMethod = 'more-is-better' | 'less-is-better' | 'qualitative' | 'not-scored';

export interface IndicatorScore {
  level1: string;
  level2: string;
  name: string;
  kind?: IndicatorKind;
  target: string;
  actual: string;
  /** 分值 in hundredths, from the table or the kind's default split. */
  weight: number;
  weightSource: 'table' | 'default';
  /** 得分 in hundredths; undefined when it could not be scored (the form leaves a placeholder). */
  score?: number;
  method: ScoreMethod;
  /** The score's working as the form may print it: 30×min(819/800,1)=30.00. */
  working: string;
  /** The 三级指标 cell. */
  cell: string;
  targetCell: string;
  actualCell: string;
  deviation?: Sourced<string>;
}

export type Grade = '优' | '良' | '中' | '差';

/** 年度总体目标: 预期目标 and 实际完成情况, each with its cell. */
export interface ProjectGoal {
  expected?: Sourced<string>;
  achieved?: Sourced<string>;
}

export interface KindScore {
  kind: IndicatorKind;
  /** The kind's weight (sum of its indicators' 分值) and score, in hundredths; score undefined if any is unscored. */
  weight: number;
  score?: number;
  count: number;
}

export interface ProjectEvaluation {
  project: number;
  /** 预算执行率 得分 in hundredths (10 × 执行率, never above 10); undefined when the rate is unknown. */
  executionScore?: number;
  /** 10×min(20/72,1)=2.78 — amounts in 万元. */
  executionWorking: string;
  indicators: IndicatorScore[];
  byKind: KindScore[];
  /** Sum of the indicators' scores, when the project has indicators and every one is scored. */
  indicatorScore?: number;
  /** 总分 and 自评等级: only when the project has indicators, all are scored and the rate is known. */
  total?: number;
  grade?: Grade;
  goal: ProjectGoal;
}

export interface Evaluation {
  /** The indicators table read, when the workbook has one. */
  table?: IndicatorsTable;
  /** One per project, parallel to Model.projects. */
  projects: ProjectEvaluation[];
}
