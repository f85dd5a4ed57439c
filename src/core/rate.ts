/**
 * Rates as exact fractions of two amounts (执行数 ÷ 全年预算数), rounded half-up only when printed:
 * 20 ÷ 72 → 28%, 29.99 ÷ 30 → 100% (or 99.97% with two decimals).
 */

export interface Ratio {
  num: bigint;
  den: bigint;
}

export type RateDisplay = 'whole' | 'two-decimals';

export function ratio(num: bigint, den: bigint): Ratio | undefined {
  if (den <= 0n) return undefined;
  return { num, den };
}

export function ratioToNumber(r: Ratio): number {
  return Number(r.num) / Number(r.den);
}

function decimalsOf(display: RateDisplay): number {
  return display === 'whole' ? 0 : 2;
}

/** The percentage scaled by 10^decimals and rounded half-up (away from zero): 27.777…% → 28 or 2778. */
export function percentScaled(r: Ratio, decimals: number): bigint {
  const scale = 100n * 10n ** BigInt(decimals);
  const n = r.num * scale;
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const q = (abs * 2n + r.den) / (2n * r.den);
  return neg ? -q : q;
}

/** A scaled percentage as text without the % sign: 2778 with 2 decimals → "27.78". */
export function scaledToText(v: bigint, decimals: number): string {
  const neg = v < 0n;
  const s = (neg ? -v : v).toString().padStart(decimals + 1, '0');
  const body = decimals === 0 ? s : `${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}`;
  return `${neg ? '-' : ''}${body}`;
}

/** "28%" or "27.78%". */
export function formatRate(r: Ratio, display: RateDisplay): string {
  const d = decimalsOf(display);
  return `${scaledToText(percentScaled(r, d), d)}%`;
}

/** Percentage points between two printed rates, as printed: target 100%, rate 28% → "72". */
export function pointsBetween(target: Ratio, r: Ratio, display: RateDisplay): { points: bigint; text: string } {
  const d = decimalsOf(display);
  const points = percentScaled(target, d) - percentScaled(r, d);
  return { points, text: scaledToText(points < 0n ? -points : points, d) };
}

/** Whether the printed rate reads as exactly 100% (or more). */
export function printsAsFull(r: Ratio, display: RateDisplay): boolean {
  const d = decimalsOf(display);
  return percentScaled(r, d) >= 100n * 10n ** BigInt(d);
}

export const FULL: Ratio = { num: 1n, den: 1n };

/** The execution score of the national form: 分值 × 执行率, never above 分值 (10 by default). */
export function executionScore(r: Ratio, weight = 10): number {
  const capped = r.num >= r.den ? { num: 1n, den: 1n } : r.num < 0n ? { num: 0n, den: 1n } : r;
  // Two decimals, half-up, computed exactly.
  const hundredths = (capped.num * BigInt(weight) * 100n * 2n + capped.den) / (2n * capped.den);
  return Number(hundredths) / 100;
}
