/**
 * Deviation notes (偏差说明) in the reference report's voice:
 *   执行率28%，低于预算72个百分点；节余资金52万元。未完成原因：…
 *   截至2023年7月31日执行率45%，序时进度58%，低于序时进度13个百分点；尚未支付55万元。
 */
import { formatChineseDate } from './dates';
import { Fen, formatExact } from './money';
import { Ratio, RateDisplay, formatRate, pointsBetween, printsAsFull } from './rate';
import { Period } from './settings';

export interface NoteInput {
  budget: Fen;
  executed: Fen;
  rate: Ratio;
  period: Period;
  display: RateDisplay;
  /** The staff's own 未完成原因, quoted at the end when money is unspent. */
  reason?: string;
}

/** 万元 with the source's precision and trailing zeros dropped, as the reference prints amounts. */
export function wan(fen: Fen): string {
  return `${formatExact(fen, 'wan')}万元`;
}

export function deviationNote({ budget, executed, rate, period, display, reason }: NoteInput): string {
  const rateText = formatRate(rate, display);
  const unspent = budget - executed;
  const withReason = (s: string) => (reason ? `${s}未完成原因：${reason.replace(/[。；;\s]+$/, '')}。` : s);
  if (executed > budget) return `执行率${rateText}，执行数超出预算${wan(executed - budget)}，请核对执行数。`;
  if (period.monitoring) {
    const progressText = formatRate(period.progress, display);
    const head = `截至${formatChineseDate(period.asOf)}执行率${rateText}，序时进度${progressText}`;
    const { points, text } = pointsBetween(period.progress, rate, display);
    if (points > 0n) return withReason(`${head}，低于序时进度${text}个百分点；尚未支付${wan(unspent)}。`);
    if (points < 0n) return `${head}，快于序时进度${text}个百分点。`;
    return `${head}，与序时进度持平。`;
  }
  if (unspent === 0n) return `执行率${rateText}，预算已全部执行。`;
  if (printsAsFull(rate, display)) return withReason(`执行率${rateText}，尚余${wan(unspent)}未支付。`);
  const { text } = pointsBetween({ num: 1n, den: 1n }, rate, display);
  return withReason(`执行率${rateText}，低于预算${text}个百分点；节余资金${wan(unspent)}。`);
}
