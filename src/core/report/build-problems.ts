/**
 * 三、存在的问题 and 四、下一步改进措施: the unit sheet's own text where it has some; otherwise
 * sentences generated from the facts — which projects lag and by how much, which rows failed the
 * checks — and the measures that answer them.
 */
import { formatChineseDate } from '../dates';
import type { Issue, IssueCode } from '../issues';
import type { Sourced } from '../model';
import { clip } from '../text';
import { BuildContext, rateCells } from './context';
import { Inline, OutlineNode } from './document';
import { asName, asSentence, figure, lagPhrase, progressText, staff, text } from './phrases';

/** Lagging projects named in full; beyond this the sentence says 等N个项目. */
const MAX_NAMED_LAGGING = 20;
const MAX_NAMED_ISSUES = 10;

/** Issues about how the table was read, or about the draft itself: not problems of the unit's budget. */
const PROCESS_CODES: IssueCode[] = ['TABLE_NOT_FOUND', 'PAYMENTS_NOT_FOUND', 'NO_EXECUTED_SOURCE', 'DUPLICATE_HEADER', 'UNIT_ASSUMED', 'MAPPING_INVALID', 'FISCAL_YEAR_GUESSED', 'REASON_MISSING'];

function staffList(list: Sourced<string>[]): OutlineNode[] {
  if (list.length === 1) return [{ kind: 'body', runs: [staff(asSentence(list[0].value), list[0].cell)] }];
  return list.map((x) => ({ kind: 'item', runs: [staff(asSentence(x.value), x.cell)] }));
}

interface Lagging {
  index: number;
  name: string;
  phrase: string;
  cells: string[];
  /** Percentage points behind, for the order (most behind first). */
  behind: number;
}

function laggingProjects(ctx: BuildContext): Lagging[] {
  const out: Lagging[] = [];
  for (const p of ctx.model.projects) {
    const r = ctx.results.projects[p.index];
    if (!r.lagging || !r.rate || r.unspent === undefined) continue;
    const phrase = lagPhrase(r.rate, r.unspent, ctx.voice);
    if (phrase) out.push({ index: p.index, name: asName(p.name) || p.cell, phrase, cells: rateCells(p, ctx), behind: r.deviation ?? 0 });
  }
  return out.sort((a, b) => b.behind - a.behind || a.index - b.index);
}

/** The issues worth a sentence in the report: errors and warnings about the figures themselves. */
function dataIssues(ctx: BuildContext): Issue[] {
  return ctx.issues.filter((i) => i.severity !== 'info' && !PROCESS_CODES.includes(i.code));
}

/** An issue's finding without its instruction to the user ("请核对…"), which a report does not address. */
export function findingOf(message: string): string {
  const sentences = message.split(/(?<=。)/).map((s) => s.trim()).filter((s) => s && !/^(请|如|可)/.test(s));
  return (sentences.join('') || message).replace(/[。；\s]+$/u, '');
}

function names(list: Lagging[]): string {
  const shown = list.slice(0, 3).map((l) => clip(l.name, 40));
  return list.length > 3 ? `${shown.join('、')}等${list.length}个项目` : shown.join('、');
}

function problemItems(ctx: BuildContext, lagging: Lagging[], issues: Issue[]): OutlineNode[] {
  const v = ctx.voice;
  const items: OutlineNode[] = [];
  if (lagging.length) {
    const head = v.period.monitoring
      ? `部分项目执行进度滞后于序时进度。截至${formatChineseDate(v.period.asOf)}（${progressText(v)}），共有${lagging.length}个项目执行率低于序时进度：`
      : `部分项目预算未全部执行。${ctx.year}年度共有${lagging.length}个项目预算未全部执行：`;
    const runs: Inline[] = [text(head)];
    lagging.slice(0, MAX_NAMED_LAGGING).forEach((l, i) => runs.push(text(`${i ? '；' : ''}${l.name}`), figure(l.phrase, l.cells)));
    runs.push(text(lagging.length > MAX_NAMED_LAGGING ? `；等${lagging.length}个项目（详见项目支出绩效自评情况）。` : '。'));
    items.push({ kind: 'item', runs });
  }
  if (issues.length) {
    const runs: Inline[] = [text(`部分基础数据有待核实。经校验，预算执行数据中有${issues.length}处问题：`)];
    issues.slice(0, MAX_NAMED_ISSUES).forEach((i, n) => runs.push(text(n ? '；' : ''), figure(`${i.cell ? `${i.cell}，` : ''}${findingOf(i.message)}`, i.cell ? [i.cell] : [])));
    runs.push(text(issues.length > MAX_NAMED_ISSUES ? `；等${issues.length}处。` : '。'));
    items.push({ kind: 'item', runs });
  }
  return items;
}

export function problemsSection(ctx: BuildContext): OutlineNode {
  const given = ctx.unit.problems;
  if (given.length) return { kind: 'heading', runs: [text('存在的问题')], children: staffList(given) };
  const items = problemItems(ctx, laggingProjects(ctx), dataIssues(ctx));
  const v = ctx.voice;
  // "各项目" only when every project's figures are known: never a clean bill for figures nobody has.
  const all = ctx.results.total;
  const known = all.rateProjects.length;
  const every = all.incomplete ? `执行数已知的${known}个项目` : '各项目';
  const none = all.incomplete && !known
    ? `经自评，${ctx.year}年度各项目执行数均无法确定，未能评价预算执行情况，请补齐执行数后重新计算。`
    : v.period.monitoring
      ? `经自评，截至${formatChineseDate(v.period.asOf)}${every}执行率均不低于序时进度，未发现预算执行方面的问题。`
      : `经自评，${ctx.year}年度${every}预算均已全部执行，未发现预算执行方面的问题。`;
  return { kind: 'heading', runs: [text('存在的问题')], children: items.length ? items : [{ kind: 'body', runs: [text(none)] }] };
}

export function measuresSection(ctx: BuildContext): OutlineNode {
  const given = ctx.unit.measures;
  if (given.length) return { kind: 'heading', runs: [text('下一步改进措施')], children: staffList(given) };
  const lagging = laggingProjects(ctx);
  const issues = dataIssues(ctx);
  const items: OutlineNode[] = [];
  if (lagging.length) {
    // The names trace to the projects' name cells; their figures are traced in 三、存在的问题.
    const cells = lagging.map((l) => ctx.model.projects[l.index].cell);
    items.push({
      kind: 'item',
      runs: ctx.voice.period.monitoring
        ? [text('加快项目实施和资金支付进度。对执行率低于序时进度的'), figure(names(lagging), cells), text('，逐项分析滞后原因，督促加快实施和支付进度，确保年底前完成预算执行目标。')]
        : [text('加快项目实施和资金支付进度。对预算未全部执行的'), figure(names(lagging), cells), text('，督促项目实施单位加快建设进度，按合同约定及时组织验收、办理支付；确实无法支出的资金按规定交回财政统筹使用。')],
    });
  }
  if (issues.length) {
    items.push({ kind: 'item', runs: [text(`加强基础数据核对。对校验发现的${issues.length}处数据问题逐项核实更正，确保预算数、资金来源和执行数口径一致、账表相符。`)] });
  }
  items.push({ kind: 'item', runs: [text('强化绩效目标管理和结果运用。进一步细化量化绩效目标，加强绩效运行监控，将自评结果作为以后年度预算安排和政策调整的重要依据。')] });
  return { kind: 'heading', runs: [text('下一步改进措施')], children: items };
}
