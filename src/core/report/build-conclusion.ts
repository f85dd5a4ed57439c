/**
 * 自评结论, the report's closing section (issue 12 B.9): the scores of the national 项目支出绩效自评表
 * summed up — how many projects were scored and their grades, each funding group's score and grade,
 * the department's, and which projects are not scored and why.
 *
 * A group's (and the department's) score is the average of its scored projects' 总分 weighted by
 * their 全年预算数: a project spending 1175万元 weighs more than one spending 1万元, as the money
 * does. Only projects with a 总分 count (indicators all scored, rate known); the others are named.
 * Exact: Σ(总分 × 预算数) ÷ Σ预算数 in hundredths of a point, rounded half-up once.
 */
import type { IndicatorScore, ProjectEvaluation } from '../indicators';
import { formatScore, gradeOf } from '../indicators';
import type { Grade } from '../indicators';
import { BuildContext, groupSections } from './context';
import { Inline, OutlineNode, checkMark } from './document';
import { asName, placeholder, staff, text } from './phrases';

export interface GroupScore {
  /** Scored projects' indexes, in table order. */
  scored: number[];
  /** Budget-weighted average 总分 in hundredths; undefined when no project is scored. */
  score?: number;
  grade?: Grade;
}

/** The budget-weighted average 总分 of the projects that have one. */
export function groupScore(indexes: number[], ctx: Pick<BuildContext, 'evaluation' | 'results'>): GroupScore {
  let weighted = 0n;
  let budgets = 0n;
  const scored: number[] = [];
  for (const i of indexes) {
    const total = ctx.evaluation?.projects[i]?.total;
    const budget = ctx.results.projects[i].budget;
    // A 总分 needs a known rate, so a positive budget; the guard keeps a zero weight out all the same.
    if (total === undefined || budget === undefined || budget <= 0n) continue;
    scored.push(i);
    weighted += BigInt(total) * budget;
    budgets += budget;
  }
  if (!budgets) return { scored };
  const score = Number((2n * weighted + budgets) / (2n * budgets));
  return { scored, score, grade: gradeOf(score) };
}

/** Why a project has no 总分, in the report's words. */
function whyNotScored(e: ProjectEvaluation): 'no-indicators' | 'unscored' | 'no-rate' {
  if (!e.indicators.length) return 'no-indicators';
  if (e.executionScore === undefined) return 'no-rate';
  return 'unscored';
}

function names(indexes: number[], ctx: BuildContext): Inline[] {
  const shown = indexes.slice(0, 3);
  const runs: Inline[] = [];
  shown.forEach((i, n) => {
    const p = ctx.model.projects[i];
    runs.push(...(n ? [text('、')] : []), p.name ? staff(asName(p.name), p.cell) : text(`第${i + 1}个项目`));
  });
  if (indexes.length > shown.length) runs.push(text(`等${indexes.length}个项目`));
  return runs;
}

/** The cell to correct so an unscored indicator can be scored, by what kept it from a score. */
function unscoredCell(s: IndicatorScore): { cell: string; field: string } {
  if (s.working.includes('年度指标值')) return { cell: s.targetCell, field: '年度指标值' };
  if (s.working.includes('一级指标')) return { cell: s.cell, field: '一级指标' };
  return { cell: s.actualCell, field: '实际完成值' };
}

/** "XX、YY未设置绩效指标；ZZ部分指标有待评分【请核对…】" — the projects without a 总分, by reason. */
function notScoredRuns(unscored: number[], ctx: BuildContext): Inline[] {
  const by = { 'no-indicators': [] as number[], unscored: [] as number[], 'no-rate': [] as number[] };
  for (const i of unscored) by[whyNotScored(ctx.evaluation!.projects[i])].push(i);
  const parts: Inline[][] = [];
  if (by['no-indicators'].length) parts.push([...names(by['no-indicators'], ctx), text('未设置绩效指标')]);
  if (by['no-rate'].length) parts.push([...names(by['no-rate'], ctx), text('执行率无法计算')]);
  if (by.unscored.length) {
    // Indicators the rules cannot judge are the staff's to settle: a mark for each project, pointing at
    // the cell that keeps its first such indicator from a score (a target unreadable, an actual in words).
    const marks = by.unscored.map((i) => {
      const first = ctx.evaluation!.projects[i].indicators.find((s) => s.score === undefined)!;
      const fix = unscoredCell(first);
      const name = asName(ctx.model.projects[i].name) || ctx.model.projects[i].cell;
      const mark = checkMark(`${by.unscored.length > 1 ? name : ''}有指标未能自动评分`);
      ctx.missing.push({ field: fix.field, project: name, cell: fix.cell, placeholder: mark });
      return placeholder(mark, [fix.cell]);
    });
    parts.push([...names(by.unscored, ctx), text('部分绩效指标有待评分'), ...marks]);
  }
  const runs: Inline[] = [];
  parts.forEach((p, i) => runs.push(...(i ? [text('；')] : []), ...p));
  runs.push(text('，未计入平均得分。'));
  return runs;
}

/** "其中自评等级为优的18个、良的1个、中的1个" over the scored projects. */
function gradeCounts(scored: number[], ctx: BuildContext): string {
  const counts = new Map<Grade, number>();
  for (const i of scored) {
    const g = ctx.evaluation!.projects[i].grade!;
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const order: Grade[] = ['优', '良', '中', '差'];
  const present = order.filter((g) => counts.has(g));
  if (present.length === 1) return `，自评等级均为${present[0]}`;
  return `，自评等级为${present.map((g) => `${g}的${counts.get(g)}个`).join('、')}`;
}

/** The projects graded 中 or 差, named with their scores: what the 财政局 will ask about. */
function weakRuns(scored: number[], ctx: BuildContext): Inline[] {
  const weak = scored.filter((i) => ctx.evaluation!.projects[i].total! < 8000);
  if (!weak.length) return [];
  const runs: Inline[] = [];
  weak.slice(0, 5).forEach((i, n) => {
    const p = ctx.model.projects[i];
    const e = ctx.evaluation!.projects[i];
    runs.push(text(n ? '；' : ''), p.name ? staff(asName(p.name), p.cell) : text(`第${i + 1}个项目`), text(`得分${formatScore(e.total!)}分，自评等级为${e.grade}`));
  });
  if (weak.length > 5) runs.push(text(`；另有${weak.length - 5}个项目自评等级为中或差`));
  runs.push(text('。'));
  return runs;
}

function scoreText(s: GroupScore): string {
  return `${formatScore(s.score!)}分，自评等级为${s.grade}`;
}

/** 五、自评结论 — only when the workbook has an indicators table that gives some project indicators. */
export function conclusionSection(ctx: BuildContext): OutlineNode | undefined {
  const e = ctx.evaluation;
  if (!e?.table || !e.projects.some((p) => p.indicators.length)) return undefined;
  const all = ctx.results.projects.map((_, i) => i);
  const overall = groupScore(all, ctx);
  const unscored = all.filter((i) => !overall.scored.includes(i));
  const children: OutlineNode[] = [];

  const method = '按照《项目支出绩效评价管理办法》（财预〔2020〕10号）的评分标准（预算执行率10分，产出指标50分，效益指标30分，满意度指标10分），';
  const head: Inline[] = [text(`${method}对纳入自评的${all.length}个项目逐项评分`)];
  if (overall.scored.length === all.length) head.push(text(`${gradeCounts(overall.scored, ctx)}。`));
  else if (overall.scored.length) head.push(text(`，其中${overall.scored.length}个项目已得出总分${gradeCounts(overall.scored, ctx)}。`));
  else head.push(text('，均未得出总分。'));
  head.push(...weakRuns(overall.scored, ctx));
  if (unscored.length) head.push(...notScoredRuns(unscored, ctx));
  if (ctx.voice.period.monitoring) head.push(text('监控期内预算执行率得分按当期执行进度计算，年末将随执行数更新。'));
  children.push({ kind: 'body', runs: head });

  if (overall.score !== undefined) {
    // Each group's score, weighted by budget as the department's is; a group of one scored project is that project's score.
    const groups = groupSections(ctx).map((g) => ({ phrase: g.phrase, count: g.group.projects.length, s: groupScore(g.group.projects, ctx) }));
    const runs: Inline[] = [text('按项目全年预算数加权平均，')];
    if (groups.length > 1) {
      groups.forEach((g, i) => {
        runs.push(text(i ? '；' : ''));
        if (g.s.score === undefined) runs.push(text(`${g.phrase}${g.count}个，均未得出总分`));
        else runs.push(text(`${g.phrase}${g.count === g.s.scored.length ? '' : `中已评分的${g.s.scored.length}个`}得分${scoreText(g.s)}`));
      });
      runs.push(text('。'));
    }
    const u = ctx.unit.unitName;
    runs.push(text(groups.length > 1 ? '综上，' : ''), u ? staff(asName(u.value), u.cell) : text('本单位'), text(`${ctx.year}年度项目支出绩效自评得分${scoreText(overall)}。`));
    children.push({ kind: 'body', runs });
  }
  return { kind: 'heading', runs: [text('自评结论')], children };
}
