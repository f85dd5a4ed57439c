/**
 * Money is integer 分 held in a bigint, from parsing to printing: 52.848469 万元 is 52848469 分 and
 * stays that, however many payments are summed. Floats appear only where a shell needs a number
 * (a rate for Excel's percent format, 元 in the JSON summary).
 */
import { toHalfWidth, isFormulaError } from './text';

export type Fen = bigint;

/** 万元 (the budget tables' and the report's unit) or 元 (payment exports). */
export type MoneyUnit = 'yuan' | 'wan';

/** Decimal places of 分 in one unit: 1 元 = 10² 分, 1 万元 = 10⁶ 分. */
const SCALE: Record<MoneyUnit, number> = { yuan: 2, wan: 6 };

/** Amounts beyond one trillion 元 are not a department's budget: a typo or a broken cell. */
export const MAX_ABS_FEN = 10n ** 14n;

export type AmountParse =
  | { ok: true; fen: Fen; /** finer than 1 分 in the source, rounded half-up */ rounded: boolean; unit: MoneyUnit }
  | { ok: false; reason: 'empty' | 'text' | 'formula-error' | 'out-of-range'; text: string };

const AMOUNT_TEXT = /^([+-]?)[¥￥]?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(万元|万|元)?$/;

/**
 * Parse an amount cell: numbers, text with thousands separators, full-width digits, a trailing 元 or
 * 万元, parentheses or a minus for negatives. `unit` is what the table declares; a unit written in
 * the cell itself wins.
 */
export function parseAmount(value: unknown, unit: MoneyUnit): AmountParse {
  if (value === null || value === undefined) return { ok: false, reason: 'empty', text: '' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: 'text', text: String(value) };
    const fast = wholeFen(value, unit);
    if (fast !== undefined) return { ok: true, fen: fast, rounded: false, unit };
    return decimalToFen(numberToDecimal(value), unit, String(value));
  }
  if (typeof value === 'boolean') return { ok: false, reason: 'text', text: String(value) };
  const raw = String(value);
  const t = toHalfWidth(raw).replace(/[\s\u200b]+/g, '');
  if (t === '') return { ok: false, reason: 'empty', text: raw };
  if (isFormulaError(t)) return { ok: false, reason: 'formula-error', text: raw };
  let body = t;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(body);
  if (paren) {
    body = paren[1];
    negative = true;
  }
  const m = AMOUNT_TEXT.exec(body);
  if (!m || (m[2] === undefined && m[3] === undefined)) return { ok: false, reason: 'text', text: raw };
  if (m[1] === '-') {
    if (negative) return { ok: false, reason: 'text', text: raw };
    negative = true;
  }
  const cellUnit: MoneyUnit = m[4] === '元' ? 'yuan' : m[4] ? 'wan' : unit;
  const intPart = (m[2] ?? '0').replace(/,/g, '');
  const parsed = decimalToFen({ negative, intPart, fracPart: m[3] ?? '' }, cellUnit, raw);
  return parsed;
}

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

/**
 * The common case, fast: a double that is exactly the nearest double to a whole number of 分
 * (1234.56 元, 52.848469 万元). If r/10^scale rounds back to the same double, the decimal a person
 * typed was r分 — the slow path through 15 significant digits would find the same.
 */
function wholeFen(v: number, unit: MoneyUnit): Fen | undefined {
  const p = POW10[SCALE[unit]];
  const r = Math.round(v * p);
  if (!Number.isSafeInteger(r) || r / p !== v || Math.abs(r) > Number(MAX_ABS_FEN)) return undefined;
  return BigInt(r);
}

interface DecimalParts {
  negative: boolean;
  intPart: string;
  fracPart: string;
}

/** A double as the decimal a person typed: 15 significant digits, as Excel itself keeps. */
function numberToDecimal(n: number): DecimalParts {
  // -0 is no negative amount: it reads as 0, unsigned.
  const negative = n < 0;
  const s = Math.abs(n).toPrecision(15);
  const [mant, expText] = s.split('e');
  const exp = expText ? Number(expText) : 0;
  const [i, f = ''] = mant.split('.');
  let digits = i + f;
  let point = i.length + exp;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  return { negative, intPart: digits.slice(0, point) || '0', fracPart: digits.slice(point).replace(/0+$/, '') };
}

function decimalToFen(d: DecimalParts, unit: MoneyUnit, text: string): AmountParse {
  const scale = SCALE[unit];
  const frac = d.fracPart;
  const kept = (frac + '0'.repeat(scale)).slice(0, scale);
  const rest = frac.slice(scale);
  let fen = BigInt((d.intPart.replace(/^0+/, '') || '0') + kept);
  const rounded = /[1-9]/.test(rest);
  if (rest !== '' && rest.charCodeAt(0) >= 53 /* '5' */) fen += 1n;
  if (fen > MAX_ABS_FEN) return { ok: false, reason: 'out-of-range', text };
  if (d.negative) fen = -fen;
  return { ok: true, fen, rounded, unit };
}

/** The amount in a unit as an exact decimal string, trailing zeros dropped: 52.848469, 85.6, 72. */
export function formatExact(fen: Fen, unit: MoneyUnit): string {
  const scale = SCALE[unit];
  const neg = fen < 0n;
  const abs = (neg ? -fen : fen).toString().padStart(scale + 1, '0');
  const int = abs.slice(0, abs.length - scale);
  const frac = abs.slice(abs.length - scale).replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** Rounded half-up to `decimals` places of the unit; `trim` drops trailing zeros (2.588 → 2.59, 85.60 → 85.6). */
export function formatRounded(fen: Fen, unit: MoneyUnit, decimals: number, trim = true): string {
  const scale = SCALE[unit];
  const neg = fen < 0n;
  let abs = neg ? -fen : fen;
  if (decimals < scale) {
    const div = 10n ** BigInt(scale - decimals);
    abs = (abs + div / 2n) / div;
  } else {
    abs = abs * 10n ** BigInt(decimals - scale);
  }
  const s = abs.toString().padStart(decimals + 1, '0');
  const int = s.slice(0, s.length - decimals);
  let frac = s.slice(s.length - decimals);
  if (trim) frac = frac.replace(/0+$/, '');
  const body = `${int}${frac ? `.${frac}` : ''}`;
  return `${neg && body.replace(/[0.]/g, '') !== '' ? '-' : ''}${body}`;
}

/** 元 as a number with at most two decimals, for JSON. Exact for any amount under 2^53 分. */
export function fenToYuanNumber(fen: Fen): number {
  return Number(formatExact(fen, 'yuan'));
}

export function sumFen(values: Iterable<Fen>): Fen {
  let s = 0n;
  for (const v of values) s += v;
  return s;
}

export function absFen(v: Fen): Fen {
  return v < 0n ? -v : v;
}

/** 0.01 万元 — the tolerance the checks use between figures that should agree (rounding in 万元). */
export const TOLERANCE_FEN = 10_000n;
