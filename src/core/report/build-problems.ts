/**
 * 三、存在的问题 and 四、下一步改进措施: the unit sheet's own text where it has some; otherwise
 * official prose generated from the facts — which projects lag, how much is left unspent and why,
 * what kinds of data must be corrected (never a cell address or a checker's message: those go to the
 * 【请核对】 marks and the 核对清单) — and the measures that answer them.
 */
import type { IssueCode } from '../issues';
import type { Sourced } from '../model';
import { clip } from '../text';
import { dataIssues } from './checks';
import { BuildContext, behindProjects, rateCells } from './context';
import { Inline, OutlineNode } from './document';
import { asName, asSentence, figure, lagPhrase, progressText, staff, text, total } from './phrases';

/** Lagging projects named in full; beyond this the sentence says 等N个项目. */
const MAX_NAMED_LAGGING = 20;

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
  for (const i of behindProjects(ctx)) {
    const p = ctx.model.projects[i];
    const r = ctx.results.projects[i];
    if (!r.rate || r.unspent === undefined) continue;
    const phrase = lagPhrase(r.rate, r.unspent, ctx.voice);
    if (phrase) out.push({ index: i, name: asName(p.name) || `第${i + 1}个项目`, phrase, cells: rateCells(p, ctx), behind: r.deviation ?? 0 });
  }
  return out.sort((a, b) => b.behind - a.behind || a.index - b.index);
}

/** The first clause of the staff's 未完成原因, to say why in one breath: 主要是项目正在启动验收程序. */
function reasonClause(ctx: BuildContext, index: number): Inline[] {
  const t = ctx.model.projects[index].texts.reason;
  const first = t?.value.trim().split(/[。；;！？\n]/u)[0].replace(/^(主要是|主要原因是|原因是|由于|因)/u, '').replace(/[，,、\s]+$/u, '');
  return t && first ? [text('，主要是'), staff(clip(first, 80), t.cell)] : [];
}

/** The kinds of data problem, in the words of a report: 资金来源分项合计与预算数不一致. */
const PROBLEM_KINDS: Partial<Record<IssueCode, string>> = {
  FUNDS_SOURCE_SUM_MISMATCH: '资金来源分项合计与预算数不一致',
  EXECUTED_EXCEEDS_BUDGET: '执行数超出预算数',
  EXECUTED_MISMATCH_PAYMENTS: '执行数与支付明细不一致',
  EXECUTED_EMPTY: '执行数未填列',
  TOTAL_ROW_MISMATCH: '合计数与明细不符',
  DUPLICATE_PROJECT: '项目重复列示',
  PAYMENT_UNKNOWN_PROJECT: '支付记录未对应到预算项目',
  PAYMENT_OUTSIDE_YEAR: '支付记录跨年度',
  DUPLICATE_VOUCHER: '支付凭证重复',
  PAYMENT_CODE_NAME_CONFLICT: '支付记录的项目编码与名称不一致',
};

function names(list: Lagging[]): string {
  const shown = list.slice(0, 3).map((l) => clip(l.name, 40));
  return list.length > 3 ? `${shown.join('、')}等${list.length}个项目` : shown.join('、');
}

/** Lagging projects: how many, how much is left, and for each its figures and (where given) why. */
function laggingItem(ctx: BuildContext, lagging: Lagging[]): OutlineNode {
  const v = ctx.voice;
  const unspent = lagging.reduce((sum, l) => sum + (ctx.results.projects[l.index].unspent ?? 0n), 0n);
  // One project needs no count and no total: its own figures say it.
  const single = lagging.length === 1;
  const head = v.period.monitoring
    ? `部分项目执行进度滞后。${single ? '' : `有${lagging.length}个项目执行率低于${progressText(v)}，尚未支付资金合计${total(unspent, v)}。`}`
    : `部分项目预算未全部执行。${single ? '' : `${ctx.year}年度有${lagging.length}个项目预算未全部执行，节余资金合计${total(unspent, v)}。`}`;
  const runs: Inline[] = [text(head)];
  const shown = lagging.slice(0, MAX_NAMED_LAGGING);
  shown.forEach((l, i) => {
    runs.push(text(i ? '；' : lagging.length > 1 ? '其中，' : ''), staff(l.name, ctx.model.projects[l.index].cell), figure(l.phrase, l.cells), ...reasonClause(ctx, l.index));
  });
  runs.push(text(lagging.length > MAX_NAMED_LAGGING ? `；另有${lagging.length - MAX_NAMED_LAGGING}个项目详见项目支出绩效自评情况。` : '。'));
  return { kind: 'item', runs };
}

/** Data that must be corrected, by kind and without cells: the marks in the text and the 核对清单 say where. */
function dataItem(ctx: BuildContext): OutlineNode | undefined {
  const issues = dataIssues(ctx.issues);
  if (!issues.length) return undefined;
  // The figures' own disagreements first, in PROBLEM_KINDS's order; unreadable amounts last.
  const order = Object.values(PROBLEM_KINDS);
  const rank = (k: string) => (order.indexOf(k) < 0 ? order.length : order.indexOf(k));
  const kinds = [...new Set(issues.map((i) => PROBLEM_KINDS[i.code] ?? '个别金额无法识别'))].sort((x, y) => rank(x) - rank(y));
  const shown = kinds.slice(0, 3).join('、');
  return { kind: 'item', runs: [text(`基础数据质量有待提高。自评中发现个别项目存在${shown}${kinds.length > 1 || issues.length > 1 ? '等' : ''}情况，需逐项核实更正，确保报送数据准确。`)] };
}

function problemItems(ctx: BuildContext, lagging: Lagging[]): OutlineNode[] {
  const items: OutlineNode[] = [];
  if (lagging.length) items.push(laggingItem(ctx, lagging));
  const data = dataItem(ctx);
  if (data) items.push(data);
  return items;
}

export function problemsSection(ctx: BuildContext): OutlineNode {
  const given = ctx.unit.problems;
  if (given.length) return { kind: 'heading', runs: [text('存在的问题')], children: staffList(given) };
  const items = problemItems(ctx, laggingProjects(ctx));
  const v = ctx.voice;
  // "各项目" only when every project's figures are known: never a clean bill for figures nobody has.
  const all = ctx.results.total;
  const known = all.rateProjects.length;
  const every = all.incomplete ? `执行数已知的${known}个项目` : '各项目';
  const none = all.incomplete && !known
    ? `经自评，${ctx.year}年度各项目执行数均无法确定，未能评价预算执行情况。`
    : v.period.monitoring
      ? `经自评，${every}执行率均不低于序时进度，未发现预算执行方面的问题。`
      : `经自评，${ctx.year}年度${every}预算均已全部执行，未发现预算执行方面的问题。`;
  return { kind: 'heading', runs: [text('存在的问题')], children: items.length ? items : [{ kind: 'body', runs: [text(none)] }] };
}

export function measuresSection(ctx: BuildContext): OutlineNode {
  const given = ctx.unit.measures;
  if (given.length) return { kind: 'heading', runs: [text('下一步改进措施')], children: staffList(given) };
  const lagging = laggingProjects(ctx);
  const issues = dataIssues(ctx.issues);
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
    items.push({ kind: 'item', runs: [text('加强基础数据管理。定期将预算执行台账与支付明细逐项核对，确保预算数、资金来源和执行数口径一致、账表相符。')] });
  }
  items.push({ kind: 'item', runs: [text('强化绩效目标管理和结果运用。进一步细化量化绩效目标，加强绩效运行监控，将自评结果作为以后年度预算安排和政策调整的重要依据。')] });
  return { kind: 'heading', runs: [text('下一步改进措施')], children: items };
}
