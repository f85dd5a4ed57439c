/**
 * The red/yellow lights of the 预算管理一体化系统, for a rate: on track (达标), lagging (滞后: money
 * unspent at year end, or behind 序时进度 during the year), or lagging so far that a reason is expected
 * — the same test as the core's REASON_MISSING check, so a red bar and that warning always agree.
 */
import { percentScaled, ratioToNumber, type Analysis, type GroupResult, type Period, type ProjectResult, type Ratio } from '../core';

export type Light = 'ok' | 'behind' | 'far' | 'unknown';

/** How far behind counts as "a reason is expected" (Analysis.settings.reasonThreshold, default 0.9). */
export function lightOf(rate: Ratio | undefined, lagging: boolean, period: Period, reasonThreshold: number): Light {
  if (!rate) return 'unknown';
  if (!lagging) return 'ok';
  const thresholdScaled = BigInt(Math.round(reasonThreshold * 10000));
  const far = period.monitoring ? percentScaled(period.progress, 2) - percentScaled(rate, 2) > 10000n - thresholdScaled : percentScaled(rate, 2) < thresholdScaled;
  return far ? 'far' : 'behind';
}

/** A group lags as a project does: behind 序时进度 during the year, money unspent at year end. */
export function groupLagging(g: GroupResult, period: Period): boolean {
  if (!g.rate) return false;
  return period.monitoring ? g.rate.num * period.progress.den < period.progress.num * g.rate.den : g.unspent > 0n;
}

export interface RateRow {
  key: string;
  name: string;
  rateText: string;
  /** 0–1 for the bar's length (over 100% is drawn full). */
  fill: number;
  light: Light;
  /** Lagging far enough to need a reason, and its 未完成原因 is written: lagging (yellow), "已说明原因", not red. */
  explained?: boolean;
}

export function groupRow(key: string, name: string, g: GroupResult, a: Analysis): RateRow {
  const period = a.period!;
  return { key, name, rateText: g.rateText, fill: g.rate ? Math.min(1, Math.max(0, ratioToNumber(g.rate))) : 0, light: lightOf(g.rate, groupLagging(g, period), period, a.settings.reasonThreshold) };
}

export function projectRow(name: string, r: ProjectResult, a: Analysis): RateRow {
  const light = lightOf(r.rate, r.lagging, a.period!, a.settings.reasonThreshold);
  // Red means "a reason is expected" (the core's REASON_MISSING): a project whose reason is written is not asked again.
  const explained = light === 'far' && Boolean(a.model?.projects[r.index]?.texts.reason);
  return { key: `p${r.index}`, name, rateText: r.rateText, fill: r.rate ? Math.min(1, Math.max(0, ratioToNumber(r.rate))) : 0, light: explained ? 'behind' : light, ...(explained ? { explained } : {}) };
}

const ORDER: Record<Light, number> = { far: 0, behind: 1, unknown: 2, ok: 3 };

/** Projects lagging furthest first, then the rest in table order. */
export function projectRowsLaggingFirst(a: Analysis): RateRow[] {
  const rows = a.model!.projects.map((p) => projectRow(p.name, a.results!.projects[p.index], a));
  return rows.map((row, i) => ({ row, i })).sort((x, y) => ORDER[x.row.light] - ORDER[y.row.light] || (x.row.light === 'ok' ? 0 : x.row.fill - y.row.fill) || x.i - y.i).map((x) => x.row);
}
