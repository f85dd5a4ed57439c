/**
 * What a project achieved, in the report's prose, from its indicators' 实际完成值 (issue 12 B.9):
 *   运维服务819次，视频会议保障35次，用户投诉0次。
 *   项目验收完成率为33%，未达到年度指标值（100%）。
 *   服务对象满意度达100%。
 * 产出指标 feed （2）项目实施情况, 效益指标 （3）产生的效益, 满意度指标 （4）受益对象满意度 — each only
 * where the staff wrote nothing in the funds table's own column for it (their words always win).
 * The indicator's name and actual are the staff's words, traced to their cells; only the joining
 * words (达, 为, 未达到年度指标值) are the report's.
 */
import { type IndicatorKind, type IndicatorScore, readValue } from '../indicators';
import { Inline } from './document';
import { asName, text } from './phrases';

/** The staff's words from the indicators table, traced to the indicator's and the actual's cells. */
function fromTable(value: string, s: IndicatorScore): Inline {
  return { text: value, kind: 'staff', cells: [s.cell, s.actualCell] };
}

/** A value as it reads in a sentence: trimmed, no closing punctuation. */
function clause(s: string): string {
  return asName(s.replace(/\s+/g, ' '));
}

/** The longest run of characters two strings share (for 已保障局域网正常运行 against 局域网正常运行). */
function commonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  }
  return best;
}

/**
 * A qualitative result as a clause. An actual that restates its indicator (已保障局域网正常运行 for
 * 局域网正常运行) is said alone; one that ends on the indicator's last word after 完成 (已完成终验 for
 * 项目终验) is shortened to 项目终验已完成; else the indicator and the actual side by side
 * (行政办公效率有效提升), with 于 before a date (项目验收于2023年6月完成).
 */
function qualitativeClause(name: string, actual: string, s: IndicatorScore): Inline[] {
  if (actual.includes(name) || commonRun(name, actual) >= 4) return [fromTable(actual, s)];
  let said = actual;
  const tail = name.slice(-2);
  if (name.length > 2 && said.endsWith(tail) && /完成$/.test(said.slice(0, -2))) said = said.slice(0, -2);
  return [fromTable(name, s), text(/^\d/.test(said) ? '于' : ''), fromTable(said, s)];
}

/** 运维服务次数 before 819次 reads 运维服务, 培训人次 before 520人次 培训: the figure's unit says it once. */
function withoutUnit(name: string, unit: string): string {
  if (!unit) return name;
  for (const end of [`${unit}数`, unit]) if (name.endsWith(end) && name.length - end.length >= 2) return name.slice(0, -end.length);
  return name;
}

/**
 * A numeric result as a clause: 运维服务次数819次; a percentage reached takes 达 (满意度达100%); one
 * short of its target says so (为33%，未达到年度指标值（100%）).
 */
function numericClause(name: string, actual: string, s: IndicatorScore): Inline[] {
  const t = readValue(s.target);
  const a = readValue(actual);
  // A bare number under a target with a unit carries the target's unit (819 under ≥800次).
  const unit = a.kind === 'numeric' && a.value.unit === '' && t.kind === 'numeric' ? t.value.unit : '';
  const shown = `${actual}${unit}`;
  const met = s.score !== undefined && s.score === s.weight && s.weight > 0;
  const short = s.score !== undefined && s.score < s.weight;
  if (short) return [fromTable(name, s), text('为'), fromTable(shown, s), text(`，未达到年度指标值（${clause(s.target)}）`)];
  const percent = a.kind === 'numeric' && a.value.unit === '%';
  return [fromTable(percent ? name : withoutUnit(name, a.kind === 'numeric' ? a.value.unit || unit : ''), s), text(met && percent && s.method === 'more-is-better' ? '达' : ''), fromTable(shown, s)];
}

/** One indicator's result as a clause of the sentence, or nothing when its 实际完成值 is blank. */
export function indicatorClause(s: IndicatorScore): Inline[] {
  const actual = clause(s.actual);
  if (!actual) return [];
  const name = clause(s.name || s.level2);
  if (!name) return [fromTable(actual, s)];
  if (s.method === 'more-is-better' || s.method === 'less-is-better') return numericClause(name, actual, s);
  const reading = readValue(actual);
  // Not scored (units differ, say) but a number all the same: the indicator and its figure.
  if (reading.kind === 'numeric') return [fromTable(name, s), fromTable(actual, s)];
  return qualitativeClause(name, actual, s);
}

/**
 * Whether a staff text already states an indicator's result (its figure, or its words), so the
 * sentence from the indicators does not say it twice after the 实际完成情况 that already did.
 */
export function alreadySaid(s: IndicatorScore, said: string): boolean {
  const actual = clause(s.actual);
  if (!actual) return true;
  const a = readValue(actual);
  if (a.kind === 'numeric') {
    const figure = `${a.value.text}${a.value.unit}`;
    return said.replace(/\s+/g, '').includes(figure);
  }
  return said.includes(actual.replace(/^已/, ''));
}

/** The indicators of one kind, as one sentence: 运维服务次数819次，视频会议保障35次。 — or [] when none has a result. */
export function achievementSentence(indicators: IndicatorScore[], kind: IndicatorKind, skip: (s: IndicatorScore) => boolean = () => false): Inline[] {
  const clauses = indicators.filter((s) => s.kind === kind && !skip(s)).map(indicatorClause).filter((c) => c.length);
  if (!clauses.length) return [];
  const runs: Inline[] = [];
  clauses.forEach((c, i) => runs.push(...(i ? [text('，')] : []), ...c));
  runs.push(text('。'));
  return runs.filter((r) => r.text !== '');
}
