/**
 * Reading an indicator's 年度指标值 and 实际完成值 the way the national form means them: a number with
 * its unit and a direction (≥90%, 不少于800次, ≤30分钟, 10个), or a qualitative target (达标, 按期完成,
 * 有效提升) judged by the words of the actual (未完成 → 0, 基本完成 → half, 已完成 → full).
 */
import { CellValue } from '../snapshot';
import { isFormulaError, toHalfWidth } from '../text';

/** An exact decimal as a fraction: 37.2 is 372/10. */
export interface Quantity {
  num: bigint;
  den: bigint;
  /** The number as the working prints it: 819, 37.2, 90. */
  text: string;
  /** The unit after the number, normalised (%, 次, 个, 万元, 分钟); '' when none is written. */
  unit: string;
}

/** More is better (≥, 不低于, 不少于, 以上, 达到, =, a bare number) or less is better (≤, 不高于, 不超过, 以内, 以下). */
export type Direction = 'more' | 'less';

export type Reading =
  | { kind: 'numeric'; direction: Direction; value: Quantity }
  | { kind: 'qualitative'; text: string }
  | { kind: 'empty' }
  | { kind: 'unreadable'; zh: string; en: string };

/** Direction words, longest first so 不超过 is read before 超过 and 不低于 before 低于. */
const DIRECTION_WORDS: [string, Direction][] = (
  [
    ['不低于', 'more'],
    ['不少于', 'more'],
    ['不小于', 'more'],
    ['不高于', 'less'],
    ['不超过', 'less'],
    ['不多于', 'less'],
    ['不大于', 'less'],
    ['以上', 'more'],
    ['达到', 'more'],
    ['大于', 'more'],
    ['高于', 'more'],
    ['超过', 'more'],
    ['至少', 'more'],
    ['以内', 'less'],
    ['以下', 'less'],
    ['低于', 'less'],
    ['小于', 'less'],
    ['少于', 'less'],
    ['至多', 'less'],
    ['>=', 'more'],
    ['=>', 'more'],
    ['<=', 'less'],
    ['=<', 'less'],
    ['≥', 'more'],
    ['≧', 'more'],
    ['≤', 'less'],
    ['≦', 'less'],
    ['>', 'more'],
    ['<', 'less'],
    ['=', 'more'],
  ] as [string, Direction][]
).sort((a, b) => b[0].length - a[0].length);

/** Words that are only a symbol: without a number they say nothing (a target of "≥" alone). */
const SYMBOLS = /[≥≧≤≦<>=]/;

const NUMBER = /\d+(?:,\d{3})*(?:\.\d+)?/g;

/** A number followed by 年, 月, 日 or 时 is a date or a time of day (12月底前完成): no quantity. */
const DATE_UNIT = /^(年|月|日|号|时|点|季度)/;

function normalise(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/％/g, '%')
    .replace(/[（(][^）)]*[）)]/g, '');
}

/** Units of more than one character, longest first: 819次运维 is 次, 30亿元以上 is 亿元. */
const LONG_UNITS = ['个百分点', '万千瓦时', '平方公里', '平方米', '立方米', '工作日', '百分点', '个月', '人次', '户次', '万人', '万元', '亿元', '千元', '万户', '小时', '分钟', '公里', '千米', '秒钟'];

/** The unit a value's number is followed by: %, a known unit, else its first character (次, 个, 家, 篇 …). */
function leadingUnit(after: string): string {
  if (after.startsWith('%') || after.startsWith('‰')) return after[0];
  const known = LONG_UNITS.find((u) => after.startsWith(u));
  if (known) return known;
  const first = after.charAt(0);
  return /[\u4e00-\u9fa5A-Za-z]/.test(first) && first !== '及' ? first.toLowerCase() : '';
}

/** A unit as compared: 及 (及以上) and trailing punctuation dropped, 人次 kept whole. */
function normaliseUnit(unit: string): string {
  return unit.replace(/^及/, '').replace(/[及,.;:，。；：、]+$/g, '').replace(/及$/, '').toLowerCase();
}

function decimal(text: string): { num: bigint; den: bigint } {
  const plain = text.replace(/,/g, '');
  const [int, frac = ''] = plain.split('.');
  return { num: BigInt(int + frac), den: 10n ** BigInt(frac.length) };
}

/** A number cell as the decimal a person typed (15 significant digits, as Excel keeps them). */
function numberText(n: number): string {
  const s = Number(n.toPrecision(15)).toString();
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * An indicator value cell, read. `measure` is the table's 计量单位 for the row (a bare number then
 * carries it). A number cell is a bare number: Excel keeps 95% as 0.95, which `alignPercent` settles
 * against the other value.
 */
export function readValue(value: CellValue, measure = ''): Reading {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'qualitative', text: value ? '是' : '否' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return { kind: 'unreadable', zh: `“${value}”不是有效的数值`, en: `"${value}" is not a valid number` };
    const text = numberText(value);
    return { kind: 'numeric', direction: 'more', value: { ...decimal(text), text, unit: normaliseUnit(normalise(measure)) } };
  }
  if (isFormulaError(value)) return { kind: 'unreadable', zh: `是公式错误 ${value.trim()}`, en: `is the formula error ${value.trim()}` };
  let rest = normalise(value);
  const directions = new Set<Direction>();
  for (const [word, dir] of DIRECTION_WORDS) {
    if (!rest.includes(word)) continue;
    directions.add(dir);
    rest = rest.split(word).join(' ');
  }
  const numbers = [...rest.matchAll(NUMBER)];
  const quantities = numbers.filter((m) => !DATE_UNIT.test(rest.slice(m.index! + m[0].length)));
  if (quantities.length > 1 && directions.size > 0 && numbers.length === quantities.length) {
    return { kind: 'unreadable', zh: '写了不止一个数值（如一个区间），无法确定目标', en: 'states more than one number (a range?), so the target is unclear' };
  }
  if (numbers.length === 0 || quantities.length !== 1 || numbers.length !== quantities.length) {
    if (numbers.length === 0 && SYMBOLS.test(normalise(value))) return { kind: 'unreadable', zh: '只有比较符号，没有数值', en: 'has a comparison sign but no number' };
    return { kind: 'qualitative', text: value.trim() };
  }
  if (directions.size > 1) return { kind: 'unreadable', zh: '同时写了“不低于”和“不高于”两种方向', en: 'states both an at-least and an at-most direction' };
  const m = quantities[0];
  let unit = leadingUnit(rest.slice(m.index! + m[0].length).replace(/^ +/, ''));
  if (unit === '') unit = normaliseUnit(normalise(measure));
  const direction: Direction = directions.has('less') ? 'less' : 'more';
  return { kind: 'numeric', direction, value: { ...decimal(m[0]), text: m[0].replace(/,/g, ''), unit } };
}

/**
 * A percentage cell is stored as a fraction (95% as 0.95): a number cell without a unit, set against
 * a percentage above 1%, is that fraction. Returns the value in the other's terms.
 */
export function alignPercent(cell: CellValue, q: Quantity, other: Quantity): Quantity {
  if (typeof cell !== 'number' || q.unit !== '' || other.unit !== '%') return q;
  const otherAboveOne = other.num > other.den;
  if (!otherAboveOne || q.num > q.den) return q;
  const num = q.num * 100n;
  const text = trimDecimal(num, q.den);
  return { num, den: q.den, text, unit: '%' };
}

function trimDecimal(num: bigint, den: bigint): string {
  // den is a power of ten: print num/den exactly.
  const places = den.toString().length - 1;
  const s = num.toString().padStart(places + 1, '0');
  const int = places ? s.slice(0, s.length - places) : s;
  const frac = places ? s.slice(s.length - places).replace(/0+$/, '') : '';
  return frac ? `${int}.${frac}` : int;
}

export type Judgement = 'zero' | 'half' | 'full';

/** Absence of something bad is no shortfall: 未收到投诉, 未发生安全事故. */
const GOOD_NEGATIONS = /(未|没有)(发生|出现|收到|接到|造成)/g;
const ZERO = /未|没有|否|不(是|达|合格|及格|满意|符合|满足|到位|能)|无法/;
const HALF = /基本|部分/;
const FULL = /达到|完成|达标|合格|是|已|实现|按期|按时|符合|满足|到位|通过/;

/**
 * A qualitative actual, judged in this order: a shortfall (未, 没有, 否) scores 0; 基本/部分 half; a
 * statement that it was met (达到, 完成, 达标, 合格, 是, 已 …) full; else undefined — the staff score it.
 * An actual written exactly as its target (有效提升 / 有效提升) was met.
 */
export function judge(actual: string, target?: string): Judgement | undefined {
  const a = normalise(actual);
  if (target !== undefined && a !== '' && a === normalise(target)) return 'full';
  const words = a.replace(GOOD_NEGATIONS, '');
  if (ZERO.test(words)) return 'zero';
  if (HALF.test(words)) return 'half';
  if (FULL.test(words)) return 'full';
  return undefined;
}
