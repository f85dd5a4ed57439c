/**
 * 二、项目支出绩效自评情况: per group (or sub-group), per project, the reference's four paragraphs —
 * （1）资金使用情况 with the budget split into its sources, 执行数 and 执行率; （2）项目实施情况;
 * （3）产生的效益; （4）受益对象（服务对象）满意度 — and （5）未完成原因 only where money is unspent
 * (or, during the year, where the rate is behind 序时进度).
 */
import { formatChineseDate } from '../dates';
import { address } from '../address';
import type { ProjectResult } from '../compute';
import type { Project, TextField } from '../model';
import { formatRate, printsAsFull } from '../rate';
import { BuildContext, Section, groupSections, rateCells } from './context';
import { Inline, OutlineNode, checkMark, fillIn } from './document';
import { amount, asName, asSentence, figure, lagPhrase, placeholder, progressText, rate, staff, text, total } from './phrases';

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

/** "2023年度预算数116.36万元（其中：财政拨款资金116.36万元，其他资金0元）" */
function budgetRuns(p: Project, r: ProjectResult, ctx: BuildContext): Inline[] {
  const v = ctx.voice;
  const a = p.amounts;
  const runs: Inline[] = [];
  if (r.budget === undefined) {
    const cell = a.budget?.cell ?? (ctx.funds.columns.budget !== undefined ? address(p.sheet, p.row, ctx.funds.columns.budget) : p.cell);
    const mark = checkMark(`${ctx.year}年度预算数无法识别（${cell}）`);
    ctx.missing.push({ field: '预算数', project: p.name, cell, placeholder: mark });
    return [placeholder(mark, [cell])];
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

/** （1）资金使用情况：… 执行数116.36万元，执行率100%。 */
function fundsParagraph(p: Project, r: ProjectResult, ctx: BuildContext): OutlineNode {
  const v = ctx.voice;
  const runs: Inline[] = [text('资金使用情况：'), ...budgetRuns(p, r, ctx)];
  if (r.executed === undefined) {
    runs.push(text('，执行数无法识别，未计算执行率。'));
    return runIn(runs);
  }
  runs.push(text(`，${v.period.monitoring ? `截至${formatChineseDate(v.period.asOf)}` : ''}执行数`), figure(amount(r.executed, v), ctx.executedCells(p.index)));
  if (!r.rate) {
    runs.push(text(r.budget === 0n ? '，预算数为0，不计算执行率。' : '，未计算执行率。'));
    return runIn(runs);
  }
  runs.push(text('，执行率'), figure(rate(r.rate, v), rateCells(p, ctx)));
  const unspent = r.unspent ?? 0n;
  if (v.rateDisplay === 'whole' && unspent > 0n && printsAsFull(r.rate, v.rateDisplay)) {
    // 29.99 ÷ 30 prints as 100%: say what is really left, as DOMAIN.md asks.
    runs.push(text(`（实际${formatRate(r.rate, 'two-decimals')}，尚余`), figure(amount(unspent, v), rateCells(p, ctx)), text('未支付）'));
  }
  if (unspent < 0n) {
    const mark = checkMark(`执行数超出预算${amount(-unspent, v)}`);
    ctx.missing.push({ field: '执行数', project: p.name, cell: ctx.executedCells(p.index)[0] ?? p.cell, placeholder: mark });
    runs.push(placeholder(mark, rateCells(p, ctx)));
  }
  if (v.period.monitoring) runs.push(text(`，${progressText(v)}`));
  runs.push(text('。'));
  return runIn(runs);
}

/** （2）–（4）: the staff's text, or a placeholder naming the cell to fill in. */
function textParagraph(p: Project, field: Exclude<TextField, 'reason'>, ctx: BuildContext): OutlineNode {
  const label = `${TEXT_LABELS[field]}：`;
  const t = p.texts[field];
  if (t && asSentence(t.value)) return runIn([text(label), staff(asSentence(t.value), t.cell)]);
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
  const runs: Inline[] = [text('未完成原因：'), missingText(p, 'reason', ctx)];
  const lag = r.rate && r.unspent !== undefined ? lagPhrase(r.rate, r.unspent, ctx.voice) : undefined;
  if (lag) runs.push(figure(`${lag}。`, rateCells(p, ctx)));
  return runIn(runs);
}

function projectNode(index: number, ctx: BuildContext): OutlineNode {
  const p = ctx.model.projects[index];
  const r = ctx.results.projects[index];
  const children = [fundsParagraph(p, r, ctx), textParagraph(p, 'implementation', ctx), textParagraph(p, 'benefit', ctx), textParagraph(p, 'satisfaction', ctx)];
  if (r.lagging) children.push(reasonParagraph(p, r, ctx));
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
