/**
 * 一、整体支出绩效自评情况: （一）单位职能概述 from the unit sheet, （二）年度工作目标完成情况 with the
 * overall figures, then per funding group its count, total, payments and rate and one line per
 * project, in the reference's words:
 *   2023年省大数据发展专项资金(第二批项目)138万元；已支付124.2万元，执行率90%。
 * and, after a group's list, one sentence naming its projects that are behind.
 */
import { executedSumKnown, rateBasisSentence } from '../rate-basis';
import { monthDay } from '../dates';
import type { Project } from '../model';
import { BuildContext, Figures, GroupSections, Section, behindProjects, groupSections, rateCells } from './context';
import { Inline, OutlineNode, checkMark, fillIn } from './document';
import { asName, asSentence, figure, placeholder, progressText, rate, staff, text, total } from './phrases';

function heading(runs: Inline[], children: OutlineNode[]): OutlineNode {
  return { kind: 'heading', runs, children };
}

/** （一）单位职能概述: the numbered list of the unit sheet, or a placeholder. */
function functionsSection(ctx: BuildContext): OutlineNode {
  const list = ctx.unit.functions;
  let children: OutlineNode[];
  if (!list.length) {
    const mark = fillIn('单位职能');
    ctx.missing.push({ field: '单位职能', placeholder: mark });
    children = [{ kind: 'body', runs: [placeholder(mark)] }];
  } else if (list.length === 1) {
    children = [{ kind: 'body', runs: [staff(asSentence(list[0].value), list[0].cell)] }];
  } else {
    children = list.map((f) => ({ kind: 'item', runs: [staff(asSentence(f.value), f.cell)] }));
  }
  return heading([text('单位职能概述。')], children);
}

/**
 * "项目总资金为1385.16万元，已支付1319.36万元，执行率95%" — a set of projects' figures. The period
 * (截至7月31日, 序时进度58%) and the projects whose figures are unknown are said once, in the overall
 * summary, not in every group's line.
 */
export function figureRuns(f: Figures, ctx: BuildContext, budgetWord = '项目总资金为', overall = false): Inline[] {
  const v = ctx.voice;
  const runs: Inline[] = [text(budgetWord), figure(total(f.budget, v), f.budgetCells)];
  // No executed amount known among them: what was paid is unknown, not 0 (the basis sentence says why).
  if (executedSumKnown(f)) runs.push(text('，已支付'), figure(total(f.executed, v), f.executedCells));
  if (f.rate) runs.push(text('，执行率'), figure(rate(f.rate, v), [...f.budgetCells, ...f.executedCells]));
  else if (f.rateProjects.length) runs.push(text('，预算数为0，不计算执行率'));
  if (overall && v.period.monitoring) runs.push(text(`，${progressText(v)}`));
  const basis = rateBasisSentence(f, ctx.model, ctx.results.projects);
  // The overall figures name the projects whose figures are unknown; a group's line only says its basis.
  if (basis) runs.push(text(`（${overall ? basis : basis.split('；')[0]}）`));
  return runs;
}

function projectName(p: Project, ctx: BuildContext): Inline {
  if (p.name) return staff(asName(p.name), p.cell);
  const mark = fillIn('项目名称');
  ctx.missing.push({ field: '项目名称', cell: p.cell, placeholder: mark });
  return placeholder(mark, [p.cell]);
}

/** One project's line: name, budget (rounded, as the reference's summary), paid, rate, and a pointer when it lags. */
function projectLine(index: number, ctx: BuildContext): Inline[] {
  const p = ctx.model.projects[index];
  const r = ctx.results.projects[index];
  const v = ctx.voice;
  const runs: Inline[] = [projectName(p, ctx)];
  const budgetCell = p.amounts.budget?.cell;
  if (r.budget === undefined) runs.push(text('，预算数无法识别'));
  else {
    runs.push(figure(total(r.budget, v), budgetCell ? [budgetCell] : []));
    const carry = p.amounts.carryover;
    // The reference marks money carried over from last year: 72万(上年结转).
    if (carry && carry.value > 0n) {
      if (carry.value === r.budget) runs.push(text('（上年结转）'));
      else runs.push(text('（含上年结转'), figure(total(carry.value, v), [carry.cell]), text('）'));
    }
  }
  // 待定 is said as the table says it, not as 无法识别.
  if (r.executed === undefined) runs.push(text(`；执行数${r.executedUnknown ?? '无法识别'}，未计算执行率。`));
  else {
    runs.push(text('；已支付'), figure(total(r.executed, v), ctx.executedCells(index)));
    if (r.rate) runs.push(text('，执行率'), figure(rate(r.rate, v), rateCells(p, ctx)), text('。'));
    else runs.push(text(r.budget === 0n ? '，预算数为0，不计算执行率。' : '，未计算执行率。'));
  }
  return runs;
}

function projectItems(s: Section, ctx: BuildContext): OutlineNode[] {
  return s.figures.projects.map((i) => ({ kind: 'item', runs: projectLine(i, ctx) }));
}

const MAX_NAMED_BEHIND = 5;

/**
 * After a group's list, once: which of its projects are behind. The first such note points to 二 for
 * the reasons; a later group's does not say so again.
 */
function behindNote(g: GroupSections, ctx: BuildContext, pointer: { said: boolean }): OutlineNode[] {
  const behind = behindProjects(ctx, g.group.projects);
  if (!behind.length) return [];
  const word = ctx.voice.period.monitoring ? '执行率低于序时进度' : '预算未全部执行';
  const all = behind.length === g.group.projects.length;
  // Up to five are named; more are counted, their names being in 二 anyway.
  const named = all ? (behind.length === 1 ? '该项目' : `以上${behind.length}个项目均`) : behind.length > MAX_NAMED_BEHIND ? `其中${behind.length}个项目` : '其中，';
  const runs: Inline[] = [text(named)];
  if (!all && behind.length <= MAX_NAMED_BEHIND) {
    behind.forEach((i, n) => {
      const p = ctx.model.projects[i];
      runs.push(text(n ? '、' : ''), p.name ? staff(asName(p.name), p.cell) : text(`第${n + 1}个项目`));
    });
  }
  runs.push(text(pointer.said ? `${word}。` : `${word}，偏差原因见项目支出绩效自评情况。`));
  pointer.said = true;
  return [{ kind: 'body', runs }];
}

/**
 * A group's paragraphs: its figures (unless they are the overall figures, said just above), its
 * sub-groups' figures, one line per project, and which are behind.
 */
function groupChildren(g: GroupSections, ctx: BuildContext, pointer: { said: boolean }, only: boolean): OutlineNode[] {
  const children: OutlineNode[] = only ? [] : [{ kind: 'body', runs: [text(`共${g.group.projects.length}个项目，`), ...figureRuns(g.group, ctx), text('。')] }];
  const single = g.sections.length === 1 && g.sections[0].subgroup === undefined && g.sections[0].figures === g.group;
  for (const s of g.sections) {
    if (!single) {
      children.push({ kind: 'body', runs: [text(`${s.shortName}${s.figures.projects.length}个，`), ...figureRuns(s.figures, ctx, '项目资金'), text('。项目为：')] });
    }
    children.push(...projectItems(s, ctx));
  }
  children.push(...behindNote(g, ctx, pointer));
  return children;
}

/** The overall figures; during the year the one place that names the period (截至7月31日). */
function overallSummary(ctx: BuildContext): Inline[] {
  const v = ctx.voice;
  const all = ctx.results.total;
  const behind = behindProjects(ctx).length;
  const head = v.period.monitoring ? `截至${monthDay(v.period.asOf)}，纳入绩效运行监控的项目共${all.projects.length}个，` : `${ctx.year}年度纳入绩效自评的项目共${all.projects.length}个，`;
  const runs: Inline[] = [text(head), ...figureRuns(all, ctx, '全年预算数', true)];
  // Problems that belong to no one project (a payment of no known project, a wrong total row).
  for (const c of ctx.checks.filter((x) => x.anchor === 'overall')) runs.push(placeholder(checkMark(c.words), c.issues.map((i) => i.cell)));
  runs.push(text('。'));
  // "各项目…" only when every project's figures are known; else it speaks of those whose rate is known.
  const known = all.rateProjects.length;
  const every = all.incomplete ? (known ? `执行数已知的${known}个项目` : '') : '各项目';
  if (behind) runs.push(text(v.period.monitoring ? `其中执行率低于序时进度的项目${behind}个。` : `其中预算未全部执行的项目${behind}个。`));
  else if (every) runs.push(text(v.period.monitoring ? `${every}执行率均不低于序时进度。` : `${every}预算均已全部执行。`));
  return runs;
}

export function overviewSection(ctx: BuildContext): OutlineNode {
  const groups = groupSections(ctx);
  const pointer = { said: false };
  const overall: OutlineNode = { kind: 'body', runs: overallSummary(ctx) };
  // One group is the whole: its figures are the overall ones, so its projects follow them directly.
  const body =
    groups.length === 1
      ? [overall, ...groupChildren(groups[0], ctx, pointer, true)]
      : [overall, ...groups.map((g) => heading([text(`${g.phrase}。`)], groupChildren(g, ctx, pointer, false)))];
  const goals = heading([text(`${ctx.year}年度工作目标完成情况。`)], body);
  return heading([text('整体支出绩效自评情况')], [functionsSection(ctx), goals]);
}
