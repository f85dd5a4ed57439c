/**
 * Scores by the national method (财预〔2020〕10号), in integer hundredths:
 * - 预算执行率: 10 × 执行率, never above 10.
 * - Without 分值 in the table, 产出 50, 效益 30, 满意度 10, split equally among the project's
 *   indicators of that kind; the hundredths that do not divide go one each to the first indicators in
 *   table order (50 over 3: 16.67, 16.67, 16.66), so a kind's weights always sum to its 分值 exactly.
 * - A numeric target: more-is-better scores 分值 × min(实际/目标, 1); less-is-better full marks when
 *   实际 ≤ 目标, else 分值 × 目标/实际. A qualitative one: 0, half or full by the actual's words.
 * - Every score is rounded half-up to hundredths once, from the exact fraction.
 * - 自评等级: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60.
 */
import { Issue, issue } from '../issues';
import { Fen, formatExact } from '../money';
import { Ratio } from '../rate';
import { CellValue } from '../snapshot';
import { clip } from '../text';
import { Judgement, Quantity, alignPercent, judge, readValue } from './measure';
import { EXECUTION_WEIGHT, Grade, IndicatorRow, IndicatorScore, ScoreMethod } from './types';

/** Hundredths as the form prints a score: 1667 → "16.67", 3000 → "30.00". */
export function formatScore(h: number): string {
  const neg = h < 0;
  const s = String(Math.abs(h)).padStart(3, '0');
  return `${neg ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Hundredths as a 分值 is written: 3000 → "30", 1667 → "16.67", 1650 → "16.5". */
export function formatWeight(h: number): string {
  return formatScore(h).replace(/\.?0+$/, '');
}

/** `total` hundredths split over n indicators: equal parts, the remainder one hundredth each to the first. */
export function splitWeight(total: number, n: number): number[] {
  if (n <= 0) return [];
  const base = Math.floor(total / n);
  const extra = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
}

/** weight × num/den in hundredths, rounded half-up (all terms non-negative). */
function times(weight: number, num: bigint, den: bigint): number {
  const w = BigInt(weight);
  return Number((2n * w * num + den) / (2n * den));
}

export function gradeOf(total: number): Grade {
  if (total >= 9000) return '优';
  if (total >= 8000) return '良';
  if (total >= 6000) return '中';
  return '差';
}

/** 预算执行率得分: 10 × min(执行数/预算数, 1), with its working in 万元. */
export function executionScoreOf(rate: Ratio | undefined, executed: Fen | undefined, budget: Fen | undefined): { score?: number; working: string } {
  if (!rate || executed === undefined || budget === undefined) return { working: '执行率未能计算，预算执行率未评分' };
  const capped = rate.num >= rate.den ? { num: 1n, den: 1n } : rate.num < 0n ? { num: 0n, den: 1n } : rate;
  const score = times(EXECUTION_WEIGHT, capped.num, capped.den);
  return { score, working: `${formatWeight(EXECUTION_WEIGHT)}×min(${formatExact(executed, 'wan')}/${formatExact(budget, 'wan')},1)=${formatScore(score)}` };
}

const JUDGED: Record<Judgement, { num: bigint; den: bigint; pct: string }> = {
  zero: { num: 0n, den: 1n, pct: '0' },
  half: { num: 1n, den: 2n, pct: '50%' },
  full: { num: 1n, den: 1n, pct: '100%' },
};

function qualitative(weight: number, actual: string, j: Judgement): { score: number; method: ScoreMethod; working: string } {
  const f = JUDGED[j];
  const score = times(weight, f.num, f.den);
  return { score, method: 'qualitative', working: `“${clip(actual, 16)}”：${formatWeight(weight)}×${f.pct}=${formatScore(score)}` };
}

function numeric(weight: number, direction: 'more' | 'less', t: Quantity, a: Quantity): { score: number; method: ScoreMethod; working: string } {
  const W = formatWeight(weight);
  if (direction === 'more') {
    // At or above target (or a target of 0): full marks.
    const reached = t.num === 0n || a.num * t.den >= t.num * a.den;
    const score = reached ? weight : times(weight, a.num * t.den, a.den * t.num);
    return { score, method: 'more-is-better', working: `${W}×min(${a.text}/${t.text},1)=${formatScore(score)}` };
  }
  if (a.num * t.den <= t.num * a.den) return { score: weight, method: 'less-is-better', working: `${W}（${a.text}≤${t.text}）=${formatScore(weight)}` };
  const score = times(weight, t.num * a.den, t.den * a.num);
  return { score, method: 'less-is-better', working: `${W}×${t.text}/${a.text}=${formatScore(score)}` };
}

/**
 * One indicator scored against its weight (hundredths). Whatever keeps it from being scored is an
 * issue naming the cell, and the score is left for the staff (the form shows a placeholder).
 */
export function scoreIndicator(row: IndicatorRow, weight: number, weightSource: 'table' | 'default', issues: Issue[]): IndicatorScore {
  const base = {
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    kind: row.kind,
    target: row.target.value,
    actual: row.actual.value,
    weight,
    weightSource,
    cell: row.cell,
    targetCell: row.target.cell,
    actualCell: row.actual.cell,
    deviation: row.deviation,
  };
  const notScored = (working: string): IndicatorScore => ({ ...base, method: 'not-scored', working });
  const label = clip(row.name || row.level2 || row.level1 || '该指标', 24);
  if (!row.kind) {
    issues.push(
      issue(
        'INDICATOR_LEVEL_UNKNOWN',
        'warning',
        row.level1Cell,
        `指标“${label}”的一级指标“${clip(row.level1)}”不是产出指标、效益指标或满意度指标，未评分。请填写一级指标。`,
        `The indicator "${label}" has level-1 "${clip(row.level1)}", which is none of 产出指标, 效益指标, 满意度指标; it is not scored. Fill in the level-1 indicator.`,
      ),
    );
    return notScored('一级指标无法识别，未评分');
  }
  const target = readValue(row.targetValue, row.measure);
  const actual = readValue(row.actualValue, row.measure);
  if (target.kind === 'empty' || actual.kind === 'empty') {
    const which = target.kind === 'empty' ? { cell: row.target.cell, zh: '年度指标值', en: 'target' } : { cell: row.actual.cell, zh: '实际完成值', en: 'actual value' };
    issues.push(
      issue(
        'INDICATOR_VALUE_MISSING',
        'warning',
        which.cell,
        `指标“${label}”没有填写${which.zh}，未评分。请填写${which.zh}。`,
        `The indicator "${label}" has no ${which.en}; it is not scored. Fill in the ${which.en}.`,
      ),
    );
    return notScored(`未填写${which.zh}，未评分`);
  }
  if (target.kind === 'unreadable') {
    issues.push(
      issue(
        'INDICATOR_TARGET_UNREADABLE',
        'warning',
        row.target.cell,
        `指标“${label}”的年度指标值“${clip(row.target.value)}”${target.zh}，无法评分。请写成如“≥90%”“不少于10个”或“按期完成”。`,
        `The target "${clip(row.target.value)}" of indicator "${label}" ${target.en} and cannot be scored. Write it like ≥90%, 不少于10个 or 按期完成.`,
      ),
    );
    return notScored('年度指标值无法识别，未评分');
  }
  if (target.kind === 'numeric' && actual.kind === 'numeric') {
    const t = alignPercent(row.targetValue, target.value, actual.value);
    const a = alignPercent(row.actualValue, actual.value, t);
    if (t.unit !== '' && a.unit !== '' && t.unit !== a.unit) {
      issues.push(
        issue(
          'INDICATOR_UNIT_MISMATCH',
          'warning',
          row.actual.cell,
          `指标“${label}”的实际完成值“${clip(row.actual.value)}”与年度指标值“${clip(row.target.value)}”单位不同（${a.unit}与${t.unit}），未评分。请用同一单位填写。`,
          `The actual value "${clip(row.actual.value)}" of indicator "${label}" is in another unit than its target "${clip(row.target.value)}" (${a.unit} vs ${t.unit}); it is not scored. Use the same unit for both.`,
        ),
      );
      return notScored(`单位不同（${a.unit}与${t.unit}），未评分`);
    }
    // A percentage cell is printed as Excel shows it (95%), not as the fraction it holds.
    const shown = (cell: CellValue, before: Quantity, after: Quantity, text: string) => (typeof cell === 'number' && before !== after ? `${after.text}%` : text);
    return { ...base, target: shown(row.targetValue, target.value, t, base.target), actual: shown(row.actualValue, actual.value, a, base.actual), ...numeric(weight, target.direction, t, a) };
  }
  // A qualitative target, or an actual in words: judged by what the actual says.
  const j = actual.kind === 'unreadable' ? undefined : judge(row.actual.value, row.target.value);
  if (j) return { ...base, ...qualitative(weight, row.actual.value, j) };
  issues.push(
    issue(
      'INDICATOR_NOT_SCORED',
      'warning',
      row.actual.cell,
      actual.kind === 'unreadable'
        ? `指标“${label}”的实际完成值${actual.zh}，未评分。请更正实际完成值，或在绩效自评表中填写得分。`
        : `指标“${label}”的实际完成值“${clip(row.actual.value)}”无法自动判断是否达到年度指标值“${clip(row.target.value)}”，未评分。请写明完成情况（如“已完成”“基本完成”“未完成”或数值），或在绩效自评表中填写得分。`,
      actual.kind === 'unreadable'
        ? `The actual value of indicator "${label}" ${actual.en}; it is not scored. Correct it, or fill in the score on the 绩效自评表.`
        : `Whether the actual value "${clip(row.actual.value)}" of indicator "${label}" meets its target "${clip(row.target.value)}" cannot be told; it is not scored. State it plainly (已完成, 基本完成, 未完成, or a number), or fill in the score on the 绩效自评表.`,
    ),
  );
  return notScored('无法自动判断完成情况，请填写得分');
}
