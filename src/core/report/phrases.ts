/**
 * The report's small vocabulary: amounts in 万元 (the source's precision or two decimals), rates,
 * group names turned into phrases (上级资金安排的项目, 州本级资金安排的人才项目), sentence endings,
 * and runs of text that carry their cells.
 */
import { Fen, formatExact, formatRounded } from '../money';
import { Ratio, RateDisplay, formatRate, pointsBetween, printsAsFull } from '../rate';
import { DEFAULT_GROUP } from '../read-funds';
import { AmountDisplay, Period } from '../settings';
import { Inline } from './document';

export interface Voice {
  amountDisplay: AmountDisplay;
  rateDisplay: RateDisplay;
  period: Period;
}

export const text = (t: string): Inline => ({ text: t, kind: 'text' });
export const figure = (t: string, cells: string[] = []): Inline => ({ text: t, kind: 'figure', cells });
export const placeholder = (t: string, cells?: string[]): Inline => ({ text: t, kind: 'placeholder', cells });

/** The staff's own words, as written, traced to their cell. */
export function staff(value: string, cell: string): Inline {
  return { text: value, kind: 'staff', cells: [cell] };
}

/** Every amount in 万元, zero too: 其他资金0万元 among 万元, not the reference's mixed 0元. */
function wanText(digits: string): string {
  return `${digits}万元`;
}

/** A project's own amount: 52.848469万元 ('source') or 52.85万元 ('two-decimals'). */
export function amount(fen: Fen, v: Voice): string {
  return wanText(v.amountDisplay === 'source' ? formatExact(fen, 'wan') : formatRounded(fen, 'wan', 2, false));
}

/** A total or summary figure, rounded to two decimals as the reference's summaries are (2.588 → 2.59). */
export function total(fen: Fen, v: Voice): string {
  return wanText(formatRounded(fen, 'wan', 2, v.amountDisplay === 'source'));
}

export function rate(r: Ratio, v: Voice): string {
  return formatRate(r, v.rateDisplay);
}

/** "序时进度58%" during the year. */
export function progressText(v: Voice): string {
  return `序时进度${formatRate(v.period.progress, v.rateDisplay)}`;
}

/** How far a rate lags, in the reference's words, or undefined when it does not. */
export function lagPhrase(r: Ratio, unspent: Fen, v: Voice): string | undefined {
  if (unspent <= 0n && !v.period.monitoring) return undefined;
  if (v.period.monitoring) {
    const { points, text: pts } = pointsBetween(v.period.progress, r, v.rateDisplay);
    if (points <= 0n) return undefined;
    return `执行率${rate(r, v)}，低于序时进度${pts}个百分点，尚未支付${total(unspent, v)}`;
  }
  if (printsAsFull(r, v.rateDisplay)) return `执行率${rate(r, v)}，尚余${total(unspent, v)}未支付`;
  const { text: pts } = pointsBetween({ num: 1n, den: 1n }, r, v.rateDisplay);
  return `执行率${rate(r, v)}，低于预算${pts}个百分点，节余资金${total(unspent, v)}`;
}

/** 州本级 → 州本级资金, 上级资金 → 上级资金, 其他运转类专项业务费 → as is: the money a group names. */
function funding(group: string): string {
  return /(资金|基金|经费|费|款|预算)$/.test(group) ? group : `${group}资金`;
}

/** 人才项目 → 人才项目, 大数据发展专项资金 → 大数据发展专项资金项目. */
export function projectNoun(name: string): string {
  return /项目$/.test(name) ? name : `${name}项目`;
}

/** 上级资金安排的项目; the table's default group (no 资金类别 column) reads 纳入自评的项目. */
export function groupPhrase(group: string): string {
  return group === DEFAULT_GROUP ? '纳入自评的项目' : `${funding(group)}安排的项目`;
}

/** 州本级资金安排的人才项目. */
export function subgroupPhrase(group: string, subgroup: string): string {
  return group === DEFAULT_GROUP ? projectNoun(subgroup) : `${funding(group)}安排的${projectNoun(subgroup)}`;
}

const TERMINAL = /[。！？!?]$/;

/** Staff text as a sentence of the report: trimmed, trailing ；，、 dropped, a 。 added when it has none. */
export function asSentence(s: string): string {
  const t = s.trim().replace(/[；;，,、\s]+$/u, '');
  return t === '' || TERMINAL.test(t) ? t : `${t}。`;
}

/** Staff text as a heading or an item name: trimmed, no closing punctuation. */
export function asName(s: string): string {
  return s.trim().replace(/[。；;，,、:：\s]+$/u, '');
}
