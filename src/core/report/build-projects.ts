/**
 * 二、项目支出绩效自评情况: per group (or sub-group), per project, the reference's four paragraphs —
 * （1）资金使用情况 with the budget split into its sources, 执行数 and 执行率; （2）项目实施情况;
 * （3）产生的效益; （4）受益对象（服务对象）满意度 (the staff's words, else the indicators' results) — and （5）未完成原因 only where the printed rate is
 * behind (below 100% at year end, below 序时进度 during the year; see isBehind).
 */
import { address } from '../address';
import type { ProjectResult } from '../compute';
import type { Project, TextField } from '../model';
import { formatRate, printsAsFull } from '../rate';
import type { IndicatorKind } from '../indicators';
import { achievementSentence, alreadySaid } from './achievements';
import type { CheckAnchor } from './checks';
import { BuildContext, Section, groupSections, isBehind, rateCells } from './context';
import { Inline, OutlineNode, checkMark, fillIn } from './document';
import { amount, asName, asSentence, figure, lagPhrase, placeholder, rate, staff, text, total } from './phrases';

const TEXT_LABELS: Record<Exclude<TextField, 'reason'>, string> = {
  implementation: '项目实施情况',
  benefit: '产生的效益',
  satisfaction: '受益对象（服务对象）满意度',
};

/** The short name a placeholder uses: 满意度 rather than the paragraph's long label. */
const FIELD_NAMES: Record<TextField, string> = { implementation: '项目实施情况', benefit: '产生的效益', satisfaction: '受益对象满意度', reason: '未完成原因' };

function runIn(runs: Inline[]): OutlineNode {
  return { kind: 'heading', runs, children: [] };
}

/** "2023年度预算数116.36万元（其中：财政拨款资金116.36万元，其他资金0万元）" */
function budgetRuns(p: Project, r: ProjectResult, ctx: BuildContext): Inline[] {
  const v = ctx.voice;
  const a = p.amounts;
  const runs: Inline[] = [];
  if (r.budget === undefined) {
    const cell = a.budget?.cell ?? (ctx.funds.columns.budget !== undefined ? address(p.sheet, p.row, ctx.funds.columns.budget) : p.cell);
    // The budget cell's own problem (未填写, 无法识别) says it best; failing one, a plain mark.
    const marks = checkRuns(p.index, ['budget'], ctx);
    if (marks.length) return [text(`${ctx.year}年度预算数`), ...marks];
    const mark = checkMark('预算数无法识别');
    ctx.missing.push({ field: '预算数', project: p.name, cell, placeholder: mark });
    return [text(`${ctx.year}年度预算数`), placeholder(mark, [cell])];
  }
  if (a.initialBudget && a.initialBudget.value !== r.budget) {
    runs.push(text(`${ctx.year}年初预算数`), figure(amount(a.initialBudget.value, v), [a.initialBudget.cell]), text('，全年预算数'));
  } else runs.push(text(`${ctx.year}年度预算数`));
  runs.push(figure(amount(r.budget, v), a.budget ? [a.budget.cell] : []));
  const parts: Inline[][] = [];
  if (a.fiscal) parts.push([text('财政拨款资金'), figure(amount(a.fiscal.value, v), [a.fiscal.cell])]);
  // 上年结转 is named only when there is some, as the reference does; 财政拨款 and 其他资金 always.
  if (a.carryover && a.carryover.value !== 0n) parts.push([text('上年结转资金'), figure(amount(a.carryover.value, v), [a.carryover.cell])]);
  if (a.other) parts.push([text('其他资金'), figure(amount(a.other.value, v), [a.other.cell])]);
  if (parts.length) {
    runs.push(text('（其中：'));
    parts.forEach((part, i) => runs.push(...(i ? [text('，')] : []), ...part));
    runs.push(text('）'));
  }
  return runs;
}

/** The marks of a project's data problems at one figure: 【请核对：执行数超出预算数1万元】. */
function checkRuns(index: number, anchors: CheckAnchor[], ctx: BuildContext): Inline[] {
  return ctx.checks
    .filter((c) => c.project === index && anchors.includes(c.anchor))
    .map((c) => placeholder(checkMark(c.words), c.issues.map((i) => i.cell)));
}

/** （1）资金使用情况：… 执行数116.36万元，执行率100%。 Data problems marked at the figure they concern. */
function fundsParagraph(p: Project, r: ProjectResult, ctx: BuildContext): OutlineNode {
  const v = ctx.voice;
  const runs: Inline[] = [text('资金使用情况：'), ...budgetRuns(p, r, ctx)];
  if (r.budget !== undefined) runs.push(...checkRuns(p.index, ['budget'], ctx));
  if (r.executed === undefined) {
    runs.push(text('，执行数无法识别'), ...checkRuns(p.index, ['executed', 'project'], ctx), text('，未计算执行率。'));
    return runIn(runs);
  }
  runs.push(text('，执行数'), figure(amount(r.executed, v), ctx.executedCells(p.index)), ...checkRuns(p.index, ['executed'], ctx));
  if (!r.rate) {
    runs.push(text(r.budget === 0n ? '，预算数为0，不计算执行率' : '，未计算执行率'), ...checkRuns(p.index, ['project'], ctx), text('。'));
    return runIn(runs);
  }
  runs.push(text('，执行率'), figure(rate(r.rate, v), rateCells(p, ctx)));
  const unspent = r.unspent ?? 0n;
  if (!v.period.monitoring && unspent > 0n && printsAsFull(r.rate, v.rateDisplay)) {
    // 29.99 ÷ 30 prints as 100%: say what is really left, as DOMAIN.md asks.
    const exact = v.rateDisplay === 'whole' ? `实际${formatRate(r.rate, 'two-decimals')}，` : '';
    runs.push(text(`（${exact}尚余`), figure(amount(unspent, v), rateCells(p, ctx)), text('未支付）'));
  }
  // During the year only a project behind 序时进度 says so; the period itself is named once, in 一.
  if (v.period.monitoring && isBehind(r, v)) runs.push(text('，低于序时进度'));
  runs.push(...checkRuns(p.index, ['project'], ctx), text('。'));
  return runIn(runs);
}

/** Which indicators speak for which paragraph: 产出 for 实施情况, 效益 for 效益, 满意度 for 满意度. */
const KIND_OF_FIELD: Record<Exclude<TextField, 'reason'>, IndicatorKind> = { implementation: 'output', benefit: 'benefit', satisfaction: 'satisfaction' };

/**
 * （2）–（4）: the staff's own text in the funds table, as written; where they wrote none, the
 * indicators' results (and, for 实施情况, the 年度总体目标's 实际完成情况 before them); a placeholder
 * naming the cell to fill in only where nothing at all is known.
 */
function textParagraph(p: Project, field: Exclude<TextField, 'reason'>, ctx: BuildContext): OutlineNode {
  const label = `${TEXT_LABELS[field]}：`;
  const t = p.texts[field];
  if (t && asSentence(t.value)) return runIn([text(label), staff(asSentence(t.value), t.cell)]);
  const e = ctx.evaluation?.projects[p.index];
  const achieved = field === 'implementation' ? e?.goal.achieved : undefined;
  const account = achieved && asSentence(achieved.value) ? [staff(asSentence(achieved.value), achieved.cell)] : [];
  const results = e ? achievementSentence(e.indicators, KIND_OF_FIELD[field], (s) => (achieved ? alreadySaid(s, achieved.value) : false)) : [];
  if (account.length || results.length) return runIn([text(label), ...account, ...results]);
  return runIn([text(label), missingText(p, field, ctx)]);
}

function missingText(p: Project, field: TextField, ctx: BuildContext): Inline {
  const col = ctx.funds.columns[field];
  const cell = col !== undefined ? address(p.sheet, p.row, col) : undefined;
  const mark = fillIn(FIELD_NAMES[field]);
  ctx.missing.push({ field: FIELD_NAMES[field], project: p.name || p.cell, cell, placeholder: mark });
  return placeholder(mark, cell ? [cell] : undefined);
}

/** （5）未完成原因: the staff's reason, or a placeholder followed by the computed deviation. */
function reasonParagraph(p: Project, r: ProjectResult, ctx: BuildContext): OutlineNode {
  const t = p.texts.reason;
  if (t && asSentence(t.value)) return runIn([text('未完成原因：'), staff(asSentence(t.value), t.cell)]);
  const runs: Inline[] = [text('未完成原因：')];
  const lag = r.rate && r.unspent !== undefined ? lagPhrase(r.rate, r.unspent, ctx.voice) : undefined;
  // The figures first, then what only the staff can say: 执行率28%，低于预算72个百分点，节余资金52万元，主要原因是【请填写】。
  if (lag) runs.push(figure(lag, rateCells(p, ctx)), text('，主要原因是'));
  runs.push(missingText(p, 'reason', ctx), text('。'));
  return runIn(runs);
}

function projectNode(index: number, ctx: BuildContext): OutlineNode {
  const p = ctx.model.projects[index];
  const r = ctx.results.projects[index];
  const children = [fundsParagraph(p, r, ctx), textParagraph(p, 'implementation', ctx), textParagraph(p, 'benefit', ctx), textParagraph(p, 'satisfaction', ctx)];
  if (isBehind(r, ctx.voice)) children.push(reasonParagraph(p, r, ctx));
  let name: Inline;
  if (p.name) name = staff(asName(p.name), p.cell);
  else {
    const mark = fillIn('项目名称');
    ctx.missing.push({ field: '项目名称', cell: p.cell, placeholder: mark });
    name = placeholder(mark, [p.cell]);
  }
  return { kind: 'heading', runs: [name], children };
}

/** （三）州本级资金安排的大数据发展专项资金项目14个，1563.53万元。 */
function sectionNode(s: Section, ctx: BuildContext): OutlineNode {
  const f = s.figures;
  return {
    kind: 'heading',
    runs: [text(`${s.phrase}${f.projects.length}个，`), figure(total(f.budget, ctx.voice), f.budgetCells), text('。')],
    children: f.projects.map((i) => projectNode(i, ctx)),
  };
}

export function projectsSection(ctx: BuildContext): OutlineNode {
  const sections = groupSections(ctx).flatMap((g) => g.sections);
  return { kind: 'heading', runs: [text('项目支出绩效自评情况')], children: sections.map((s) => sectionNode(s, ctx)) };
}
