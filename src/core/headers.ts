/** Matching one header cell's text against the synonym table, and reading units out of headers and titles. */
import { FieldSpec } from './fields';
import { MoneyUnit } from './money';
import { toHalfWidth } from './text';

export interface HeaderMatch<F extends string> {
  field: F;
  /** 2: the whole header is a synonym; 1: the header contains a synonym of three or more characters. */
  quality: 1 | 2;
  synonymLength: number;
}

const UNIT_IN_BRACKETS = /[(（\[【]\s*(?:单位[:：]?)?\s*(万元|元)\s*[)）\]】]/;
const ANY_BRACKETS = /[(（\[【][^)）\]】]*[)）\]】]/g;

/** Header text as compared: half-width, no white space, no bracketed unit or note, no leading 其中. */
export function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/^其中[:：]?/, '')
    .replace(ANY_BRACKETS, '')
    .replace(/[:：*※]+$/, '');
}

/** The unit a header names, e.g. 支付金额(元) → 元, 预算数（万元） → 万元. */
export function unitInHeader(text: string): MoneyUnit | undefined {
  const m = UNIT_IN_BRACKETS.exec(toHalfWidth(text).replace(/\s+/g, ''));
  if (!m) return undefined;
  return m[1] === '元' ? 'yuan' : 'wan';
}

const UNIT_IN_TITLE = /(?:金额)?单位[:：]\s*(万元|元)/;

/** The unit a title or note cell declares: 单位：万元, 金额单位：元. */
export function unitInTitle(text: string): MoneyUnit | undefined {
  const m = UNIT_IN_TITLE.exec(toHalfWidth(text).replace(/\s+/g, ''));
  if (!m) return undefined;
  return m[1] === '元' ? 'yuan' : 'wan';
}

const NORMALISED = new WeakMap<FieldSpec<string>, string[]>();

/** A spec's synonyms in compared form, worked out once per spec rather than once per header cell. */
function normalisedSynonyms(spec: FieldSpec<string>): string[] {
  let list = NORMALISED.get(spec);
  if (!list) NORMALISED.set(spec, (list = spec.synonyms.map(normalizeHeader)));
  return list;
}

/**
 * Amount headers that only look like a budget or a spending column: a period's flow (本月支出, 本期
 * 支付数 — not what was spent to date) and a budget's change (调整预算数, 调增数 — not the budget).
 */
const PERIOD_FLOW = /^(本月|当月|上月|本期|当期|本季度?|本周)/;
const BUDGET_CHANGE = /^(调整(预算)?数|预算调整数|调增|调减)/;

export function matchHeader<F extends string>(text: string, specs: FieldSpec<F>[]): HeaderMatch<F> | undefined {
  const h = normalizeHeader(text);
  if (h === '') return undefined;
  let best: HeaderMatch<F> | undefined;
  for (const spec of specs) {
    if (spec.amount && (PERIOD_FLOW.test(h) || BUDGET_CHANGE.test(h))) continue;
    for (const s of normalisedSynonyms(spec)) {
      let quality: 0 | 1 | 2 = 0;
      if (h === s) quality = 2;
      else if (s.length >= 3 && h.includes(s)) quality = 1;
      if (quality === 0) continue;
      if (!best || quality > best.quality || (quality === best.quality && s.length > best.synonymLength)) {
        best = { field: spec.field, quality, synonymLength: s.length };
      }
    }
  }
  return best;
}
