/**
 * The national 项目支出绩效自评表 (财预〔2020〕10号 附件), one per project, as a grid of cells with
 * their spans — the one model the 绩效自评表 sheet, the .docx and the clipboard all render. Nine
 * columns, laid out as the form is printed:
 *
 *   项目名称 | name
 *   主管部门 | unit              | 实施单位 | unit
 *   项目资金（万元） | (blank) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
 *                  | 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金
 *   年度总体目标 | 预期目标 | 实际完成情况
 *   绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
 *   总分 | 100 | total;   自评等级 | grade
 *
 * A cell the data cannot fill carries the report's highlighted 【请填写：…】 placeholder, and each is
 * listed for the 核对清单; a figure the data put in doubt carries the report's 【请核对：…】 mark.
 */
import { parseAddress, address } from '../address';
import { EXECUTION_WEIGHT, Evaluation, IndicatorScore, ProjectEvaluation, formatScore, formatWeight } from '../indicators';
import { AmountField } from '../model';
import { Fen, formatExact, formatRounded } from '../money';
import { formatRate, ratio } from '../rate';
import { periodName } from '../dates';
import type { BuildContext } from './context';
import { Inline, MissingItem, checkMark, fillIn } from './document';
import { asName, placeholder, staff, text } from './phrases';

/** How a cell looks: the form's title lines, a header label, a centred value, or running text. */
export type FormCellStyle = 'title' | 'subtitle' | 'label' | 'value' | 'text';

export interface FormCell {
  /** 0-based row and column within the form's grid. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  runs: Inline[];
  /** The runs' text, as a reader sees the cell. */
  text: string;
  style: FormCellStyle;
}

export interface ProjectForm {
  /** Index into Model.projects. */
  project: number;
  name: string;
  /** Rows of the grid; rows 0 and 1 are the title lines above the bordered table. */
  rows: number;
  /** Every grid position is covered by exactly one cell, in row-major order of their top-left corners. */
  cells: FormCell[];
  /** First row of the bordered table (below the title lines). */
  tableTop: number;
}

/** Columns of the grid: 绩效指标's nine (the label, 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因). */
export const FORM_COLUMNS = 9;
export const FORM_TITLE = '项目支出绩效自评表';

const SOURCE_ROWS: { field: AmountField; label: string }[] = [
  { field: 'fiscal', label: '其中：当年财政拨款' },
  { field: 'carryover', label: '上年结转资金' },
  { field: 'other', label: '其他资金' },
];

class Grid {
  readonly cells: FormCell[] = [];
  row = 0;
  put(col: number, colSpan: number, runs: Inline[], style: FormCellStyle, rowSpan = 1): void {
    this.cells.push({ row: this.row, col, rowSpan, colSpan, runs, text: runs.map((r) => r.text).join(''), style });
  }
  next(): void {
    this.row++;
  }
}

const label = (t: string): Inline[] => [text(t)];

/** A project's form; `missing` collects the placeholders it left, for the 核对清单. */
function projectForm(ctx: BuildContext, evaluation: Evaluation, e: ProjectEvaluation, unit: Inline[], missing: MissingItem[]): ProjectForm {
  const p = ctx.model.projects[e.project];
  const name = asName(p.name) || p.cell;
  const fill = (field: string, what: string, detail: string, cell?: string): Inline => {
    const mark = fillIn(what);
    missing.push({ field, project: name, placeholder: mark, detail, ...(cell ? { cell } : {}) });
    return placeholder(mark, cell ? [cell] : undefined);
  };
  const g = new Grid();
  const period = ctx.voice.period;
  g.put(0, FORM_COLUMNS, label(FORM_TITLE), 'title');
  g.next();
  g.put(0, FORM_COLUMNS, label(`（${ctx.year}年${period.monitoring ? periodName(period.asOf) : '度'}）`), 'subtitle');
  g.next();
  const tableTop = g.row;
  const checks = ctx.checks.filter((c) => c.project === e.project);
  // A figure in doubt keeps the report's mark, on a line of its own under the figure.
  const marks = (anchor: string): Inline[] => checks.filter((c) => c.anchor === anchor).flatMap((c) => [text('\n'), placeholder(checkMark(c.words))]);

  g.put(0, 2, label('项目名称'), 'label');
  g.put(2, FORM_COLUMNS - 2, [staff(name, p.cell), ...marks('project')], 'text');
  g.next();
  g.put(0, 2, label('主管部门'), 'label');
  g.put(2, 3, unit, 'text');
  g.put(5, 2, label('实施单位'), 'label');
  g.put(7, 2, unit, 'text');
  g.next();

  moneyBlock(ctx, g, e, marks, fill);
  goalBlock(ctx, g, e, name, fill);
  indicatorBlock(g, evaluation, e, name, fill);

  const weight = EXECUTION_WEIGHT + e.indicators.reduce((a, s) => a + s.weight, 0);
  g.put(0, 6, label('总分'), 'label');
  g.put(6, 1, [text(formatWeight(e.indicators.length ? weight : 10000))], 'value');
  g.put(7, 2, e.total !== undefined ? [text(formatScore(e.total))] : [fill('总分', '总分', `项目“${name}”的总分在各项得分齐全后合计（预算执行率得分加各指标得分）。请在绩效自评表中填写。`)], 'value');
  g.next();
  g.put(0, 6, label('自评等级'), 'label');
  g.put(6, 3, e.grade ? [text(e.grade)] : [fill('自评等级', '自评等级', `项目“${name}”的自评等级按总分评定：90分及以上为优，80至89分为良，60至79分为中，60分以下为差。请在绩效自评表中填写。`)], 'value');
  g.next();
  return { project: e.project, name, rows: g.row, cells: g.cells, tableTop };
}

type Fill = (field: string, what: string, detail: string, cell?: string) => Inline;

/** 万元 as the report prints a project's own amounts, without the unit (the block's heading names it). */
function wanDigits(ctx: BuildContext, fen: Fen): string {
  return ctx.voice.amountDisplay === 'source' ? formatExact(fen, 'wan') : formatRounded(fen, 'wan', 2, false);
}

/**
 * The money block. The funds table gives 其中 only for 全年预算数; a source's 全年执行数 (and 年初预算数,
 * when the budget was not adjusted) is known only when one source carries the whole budget: the others
 * are 0, and it has all of it. Otherwise those cells stay blank for the staff.
 */
function moneyBlock(ctx: BuildContext, g: Grid, e: ProjectEvaluation, marks: (anchor: string) => Inline[], fill: Fill): void {
  const p = ctx.model.projects[e.project];
  const r = ctx.results.projects[e.project];
  const fig = (fen: Fen | undefined, cells: string[] = []): Inline[] => (fen === undefined ? [] : [{ text: wanDigits(ctx, fen), kind: 'figure', cells }]);
  const budget = p.amounts.budget?.value;
  const initial = p.amounts.initialBudget?.value;
  g.put(0, 1, label('项目资金（万元）'), 'label', 5);
  g.put(1, 2, [], 'label');
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) => g.put(3 + i, 1, label(h), 'label'));
  g.next();
  g.put(1, 2, label('年度资金总额'), 'label');
  g.put(3, 1, fig(initial, p.amounts.initialBudget ? [p.amounts.initialBudget.cell] : []), 'value');
  g.put(4, 1, [...fig(budget, p.amounts.budget ? [p.amounts.budget.cell] : []), ...marks('budget')], 'value');
  g.put(5, 1, [...fig(r.executed, ctx.executedCells(e.project)), ...marks('executed')], 'value');
  g.put(6, 1, [text(formatWeight(EXECUTION_WEIGHT))], 'value');
  g.put(7, 1, r.rate ? [{ text: formatRate(r.rate, ctx.voice.rateDisplay), kind: 'figure', cells: ctx.rateCells(e.project) }] : [], 'value');
  const name = asName(p.name) || p.cell;
  g.put(8, 1, e.executionScore !== undefined ? [text(formatScore(e.executionScore))] : [fill('预算执行率得分', '得分', `项目“${name}”的执行率未能计算（${e.executionWorking}），预算执行率未评分。请核对预算数和执行数，或在绩效自评表中填写得分。`)], 'value');
  g.next();
  const columns = ctx.funds.columns as Partial<Record<AmountField, number>>;
  // An empty source cell is 0; a column the table lacks, or a cell that cannot be read, is unknown.
  const sourceOf = (f: AmountField): Fen | undefined => p.amounts[f]?.value ?? (columns[f] !== undefined && !p.unreadable.includes(f) ? 0n : undefined);
  const sources = SOURCE_ROWS.map((s) => sourceOf(s.field));
  const carrying = sources.filter((v) => v !== undefined && v !== 0n);
  const single = budget !== undefined && sources.every((v) => v !== undefined) && carrying.length === 1 && carrying[0] === budget;
  for (const [i, s] of SOURCE_ROWS.entries()) {
    const own = p.amounts[s.field];
    const value = sources[i];
    const whole = single && value === budget;
    const executed = single ? (whole ? r.executed : 0n) : undefined;
    const start = single && initial !== undefined && initial === budget ? (whole ? initial : 0n) : undefined;
    g.put(1, 2, label(s.label), 'label');
    g.put(3, 1, fig(start), 'value');
    g.put(4, 1, own ? fig(own.value, [own.cell]) : [], 'value');
    g.put(5, 1, fig(executed), 'value');
    g.put(6, 1, [text('—')], 'value');
    const rate = whole && executed !== undefined && value ? ratio(executed, value) : undefined;
    g.put(7, 1, rate ? [text(formatRate(rate, ctx.voice.rateDisplay))] : [], 'value');
    g.put(8, 1, [text('—')], 'value');
    g.next();
  }
}

/** 年度总体目标: the indicators table's 预期目标 / 实际完成情况; the latter falls back on the funds table's 项目实施情况. */
function goalBlock(ctx: BuildContext, g: Grid, e: ProjectEvaluation, name: string, fill: Fill): void {
  const p = ctx.model.projects[e.project];
  g.put(0, 1, label('年度总体目标'), 'label', 2);
  g.put(1, 4, label('预期目标'), 'label');
  g.put(5, 4, label('实际完成情况'), 'label');
  g.next();
  const expected = e.goal.expected;
  const achieved = e.goal.achieved ?? p.texts.implementation;
  g.put(1, 4, expected ? [staff(expected.value, expected.cell)] : [fill('年度总体目标（预期目标）', '预期目标', `绩效指标表中没有项目“${name}”的年度总体目标。请在绩效指标表的“预期目标”列填写，或在绩效自评表中填写。`)], 'text');
  g.put(5, 4, achieved ? [staff(achieved.value, achieved.cell)] : [fill('年度总体目标（实际完成情况）', '实际完成情况', `项目“${name}”没有实际完成情况。请在绩效指标表的“实际完成情况”列或项目资金表的“项目实施情况”列填写，或在绩效自评表中填写。`)], 'text');
  g.next();
}

/** Consecutive rows sharing a key, as [first, count]: the form merges such 一级/二级 cells down. */
function runsOf(items: IndicatorScore[], key: (s: IndicatorScore) => string): [number, number][] {
  const out: [number, number][] = [];
  items.forEach((s, i) => {
    const last = out[out.length - 1];
    if (last && key(items[last[0]]) === key(s)) last[1]++;
    else out.push([i, 1]);
  });
  return out;
}

function indicatorBlock(g: Grid, evaluation: Evaluation, e: ProjectEvaluation, name: string, fill: Fill): void {
  const list = e.indicators;
  g.put(0, 1, label('绩效指标'), 'label', Math.max(list.length, 1) + 1);
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].forEach((h, i) => g.put(1 + i, 1, label(h), 'label'));
  g.next();
  if (!list.length) {
    g.put(1, FORM_COLUMNS - 1, [fill('绩效指标', '绩效指标', `绩效指标表中没有项目“${name}”的指标。请在绩效指标表中补充其产出、效益和满意度指标，或在绩效自评表中填写。`)], 'text');
    g.next();
    return;
  }
  const level1Runs = new Map(runsOf(list, (s) => s.level1).map(([first, n]) => [first, n]));
  const level2Runs = new Map(runsOf(list, (s) => `${s.level1}\u0000${s.level2}`).map(([first, n]) => [first, n]));
  const deviationCol = evaluation.table?.columns.deviation;
  list.forEach((s, i) => {
    const l1 = level1Runs.get(i);
    if (l1) g.put(1, 1, label(s.level1), 'value', l1);
    const l2 = level2Runs.get(i);
    if (l2) g.put(2, 1, label(s.level2), 'value', l2);
    g.put(3, 1, [staff(s.name, s.cell)], 'text');
    g.put(4, 1, [staff(s.target, s.targetCell)], 'value');
    g.put(5, 1, [staff(s.actual, s.actualCell)], 'value');
    g.put(6, 1, [text(formatWeight(s.weight))], 'value');
    const label3 = s.name || s.level2 || s.level1;
    g.put(7, 1, s.score !== undefined ? [text(formatScore(s.score))] : [fill('指标得分', '得分', `指标“${label3}”未能自动评分（${s.working}）。请更正${s.actualCell}的实际完成值，或在绩效自评表中填写得分。`, s.actualCell)], 'value');
    const at = parseAddress(s.cell);
    const deviationCell = at && deviationCol !== undefined ? address(at.sheet, at.row, deviationCol) : undefined;
    let deviation: Inline[] = [];
    if (s.deviation?.value.trim()) deviation = [staff(s.deviation.value.trim(), s.deviation.cell)];
    else if (s.score !== undefined && s.score < s.weight) {
      const where = deviationCell ? `请在${deviationCell}填写` : '请在绩效指标表中增加“偏差原因分析及改进措施”列填写';
      deviation = [fill('偏差原因分析及改进措施', '偏差原因', `指标“${label3}”得分${formatScore(s.score)}，低于分值${formatWeight(s.weight)}。${where}，或在绩效自评表中填写。`, deviationCell)];
    }
    g.put(8, 1, deviation, 'text');
    g.next();
  });
}

/**
 * Every project's form, when the workbook has an indicators table (without one the forms would be
 * placeholders but for their money blocks: the report alone is written). `unit` names the 主管部门 and
 * 实施单位 — the department both administers and carries out its own projects.
 */
export function buildForms(ctx: BuildContext, evaluation: Evaluation | undefined, unit: Inline[]): { forms: ProjectForm[]; missing: MissingItem[] } {
  const missing: MissingItem[] = [];
  if (!evaluation?.table) return { forms: [], missing };
  const forms = evaluation.projects.map((e) => projectForm(ctx, evaluation, e, unit, missing));
  return { forms, missing };
}
