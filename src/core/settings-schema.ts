/**
 * The settings a user may give — a `--config` file, the command line's options, the task pane's form —
 * described once: each field's type, allowed values and meaning in Chinese and English, and the check
 * that turns what a person wrote into a Settings value or a sentence saying what is wrong and where.
 * The CLI validates with it, the README's table is generated from it (a test keeps them equal), and the
 * pane can label its controls from it. Adding a setting is one entry in SETTINGS_SCHEMA.
 */
import { columnIndex } from './address';
import { validYmd } from './dates';
import { TableKind, fieldSpecs } from './fields';
import type { Settings } from './settings';
import type { MappingOverride, TableOverride } from './table-location';
import { parseRangeOverride } from './table-choice';

export interface Bilingual {
  zh: string;
  en: string;
}

/** What is wrong with one value: `path` names the field (`mapping.funds.headerRow`), zh/en say what to write instead. */
export interface SettingProblem extends Bilingual {
  path: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: SettingProblem[] };

export interface SettingSpec<T> {
  /** The type and allowed values, as the docs print them. */
  type: Bilingual;
  description: Bilingual;
  /** A valid value, as JSON. */
  example: string;
  /** The command-line option that sets the same field, if any. */
  flag?: string;
  /** Allowed values of an enumeration (for help texts and suggestions). */
  values?: readonly string[];
  check(value: unknown, path: string): Checked<T>;
}

/** `today` is the shell's, read from the clock where the user is; a file never sets it. */
export type ConfigurableSetting = Exclude<keyof Settings, 'today'>;

/** A value as a person would recognise it in a message: `"abc"`, `12`, `[1,2]`, cut short if long. */
export function shownValue(value: unknown): string {
  let s: string;
  try {
    s = value === undefined ? 'undefined' : JSON.stringify(value);
  } catch {
    s = String(value);
  }
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

function problem(path: string, zh: string, en: string): { ok: false; problems: SettingProblem[] } {
  return { ok: false, problems: [{ path, zh, en }] };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Optimal-string-alignment distance: a swapped pair of letters (dispaly → display) counts once. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The candidate nearest to a mistyped word, if it is near enough to be what was meant. */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (!best || d < best.d) best = { c, d };
  }
  // Up to a third of the word may be wrong (at least 1, at most 3 edits): "yaer" → year, not "xyz" → year.
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  return best && best.d <= limit ? best.c : undefined;
}

function unknownKey(path: string, key: string, known: readonly string[]): SettingProblem {
  const near = closestWord(key, known);
  const at = path ? `${path}.${key}` : key;
  return {
    path: at,
    zh: `不是可用的字段${near ? `，您是否想写 ${near}？` : `（可用：${known.join('、')}）`}`,
    en: `is not a known field${near ? `; did you mean ${near}?` : ` (known: ${known.join(', ')})`}`,
  };
}

/** Checks an object's keys against the known ones, then each known value with its own check. */
function checkObject<T extends object>(value: unknown, path: string, checks: { [K in keyof T]-?: (v: unknown, p: string) => Checked<T[K]> }, what: Bilingual): Checked<T> {
  if (!isPlainObject(value)) return problem(path, `应为 JSON 对象（${what.zh}），收到 ${shownValue(value)}`, `must be a JSON object (${what.en}), not ${shownValue(value)}`);
  const known = Object.keys(checks);
  const problems: SettingProblem[] = [];
  const out: Partial<T> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!known.includes(key)) {
      problems.push(unknownKey(path, key, known));
      continue;
    }
    const r = checks[key as keyof T](v, path ? `${path}.${key}` : key);
    if (r.ok) out[key as keyof T] = r.value;
    else problems.push(...r.problems);
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: out as T };
}

// ——— field types ———

function integerSpec(min: number, max: number, type: Bilingual, example?: string): Pick<SettingSpec<number>, 'type' | 'check'> {
  return {
    type,
    check(value, path) {
      // "2023" typed as a string in a hand-written file is still plainly the year 2023.
      const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
        const eg = example ? `，如 ${example}` : '';
        return problem(path, `应为 ${min}–${max} 之间的整数${eg}，收到 ${shownValue(value)}`, `must be a whole number from ${min} to ${max}${example ? `, e.g. ${example}` : ''}, not ${shownValue(value)}`);
      }
      return { ok: true, value: n };
    },
  };
}

function enumSpec<T extends string>(values: readonly T[]): Pick<SettingSpec<T>, 'type' | 'check' | 'values'> {
  return {
    type: { zh: values.join(' | '), en: values.join(' | ') },
    values,
    check(value, path) {
      if (typeof value === 'string' && (values as readonly string[]).includes(value)) return { ok: true, value: value as T };
      const near = typeof value === 'string' ? closestWord(value, values) : undefined;
      return problem(
        path,
        `只能是 ${values.join(' 或 ')}，收到 ${shownValue(value)}${near ? `（您是否想写 ${near}？）` : ''}`,
        `must be ${values.join(' or ')}, not ${shownValue(value)}${near ? ` (did you mean ${near}?)` : ''}`,
      );
    },
  };
}

/** A calendar date written YYYY-MM-DD that exists (2023-02-30 does not). */
export function checkIsoDate(value: unknown, path: string): Checked<string> {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return problem(path, `应为 YYYY-MM-DD 格式的日期，如 2023-07-31，收到 ${shownValue(value)}`, `must be a date written YYYY-MM-DD, e.g. 2023-07-31, not ${shownValue(value)}`);
  if (!validYmd(+m[1], +m[2], +m[3])) return problem(path, `${value} 不是真实存在的日期`, `${value} is not a real date`);
  return { ok: true, value: value as string };
}

const dateSpec: Pick<SettingSpec<string>, 'type' | 'check'> = { type: { zh: '日期 YYYY-MM-DD', en: 'date YYYY-MM-DD' }, check: checkIsoDate };

const fractionSpec: Pick<SettingSpec<number>, 'type' | 'check'> = {
  type: { zh: '0 到 1 之间的数', en: 'number from 0 to 1' },
  check(value, path) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      const hint = typeof value === 'number' && value > 1 && value <= 100 ? `（${value}% 应写作 ${value / 100}）` : '（如 0.9 表示 90%）';
      const hintEn = typeof value === 'number' && value > 1 && value <= 100 ? ` (write ${value}% as ${value / 100})` : ' (e.g. 0.9 for 90%)';
      return problem(path, `应为 0 到 1 之间的数${hint}，收到 ${shownValue(value)}`, `must be a number from 0 to 1${hintEn}, not ${shownValue(value)}`);
    }
    return { ok: true, value };
  },
};

// ——— the column mapping ———

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function checkColumns(kind: TableKind) {
  const fields = fieldSpecs(kind).map((s) => s.field);
  return (value: unknown, path: string): Checked<Record<string, string | null>> => {
    if (!isPlainObject(value)) return problem(path, `应为 JSON 对象（字段 → 列字母，如 {"budget": "G"}），收到 ${shownValue(value)}`, `must be a JSON object (field → column letter, e.g. {"budget": "G"}), not ${shownValue(value)}`);
    const problems: SettingProblem[] = [];
    const out: Record<string, string | null> = {};
    for (const [field, letters] of Object.entries(value)) {
      const at = `${path}.${field}`;
      if (!fields.includes(field)) problems.push(unknownKey(path, field, fields));
      else if (letters === null) out[field] = null;
      else if (typeof letters !== 'string' || !/^[A-Za-z]{1,3}$/.test(letters) || columnIndex(letters.toUpperCase()) >= MAX_COL) {
        problems.push({ path: at, zh: `应为列字母（A–XFD，如 "G"）或 null（忽略此列），收到 ${shownValue(letters)}`, en: `must be a column letter (A–XFD, e.g. "G") or null (ignore the column), not ${shownValue(letters)}` });
      } else out[field] = letters.toUpperCase();
    }
    return problems.length ? { ok: false, problems } : { ok: true, value: out };
  };
}

function checkTable(kind: TableKind) {
  return (value: unknown, path: string): Checked<TableOverride> =>
    checkObject<TableOverride>(
      value,
      path,
      {
        sheet: (v, p) => (typeof v === 'string' && v.trim() !== '' ? { ok: true, value: v } : problem(p, `应为工作表名称（文字），收到 ${shownValue(v)}`, `must be a sheet name (text), not ${shownValue(v)}`)),
        headerRow: integerSpec(1, MAX_ROW, { zh: '', en: '' }, '3').check,
        range: (v, p) =>
          typeof v === 'string' && parseRangeOverride(v)
            ? { ok: true, value: v.trim().toUpperCase() }
            : problem(p, `应为表格所占的列（如 "J:Q"）或单元格区域（如 "J3:Q40"），收到 ${shownValue(v)}`, `must be the table's columns (e.g. "J:Q") or its cells (e.g. "J3:Q40"), not ${shownValue(v)}`),
        columns: checkColumns(kind),
        unit: enumSpec(['yuan', 'wan'] as const).check,
      },
      { zh: 'sheet、headerRow、range、columns、unit', en: 'sheet, headerRow, range, columns, unit' },
    );
}

/** A column mapping as the user writes it: `{"funds": {"sheet": "项目资金", "headerRow": 3, "columns": {"budget": "G"}}}`. */
export function checkMapping(value: unknown, path = ''): Checked<MappingOverride> {
  return checkObject<MappingOverride>(
    value,
    path,
    { funds: checkTable('funds'), payments: checkTable('payments'), indicators: checkTable('indicators') },
    { zh: '可含 funds、payments 和 indicators', en: 'with funds, payments and/or indicators' },
  );
}

// ——— the schema ———

export const SETTINGS_SCHEMA: { [K in ConfigurableSetting]-?: SettingSpec<NonNullable<Settings[K]>> } = {
  fiscalYear: {
    ...integerSpec(1900, 9999, { zh: '整数（年份）', en: 'integer (year)' }, '2023'),
    description: {
      zh: '预算年度。不写时取自 asOf、表格标题（如“2023年…”）或支付日期，都没有时按当前日期推定并提示。',
      en: 'The fiscal year. When absent: from asOf, a title cell (2023年…) or the payment dates; failing those, from today’s date, with a note saying so.',
    },
    example: '2023',
    flag: '--year',
  },
  asOf: {
    ...dateSpec,
    description: {
      zh: '截止日期。早于年末时为绩效运行监控：只计到该日的支付，执行率与序时进度比较。',
      en: 'The as-of date. Before the year end it makes a monitoring run: payments count up to that date and rates are compared with the share of the year elapsed.',
    },
    example: '"2023-07-31"',
    flag: '--as-of',
  },
  reportDate: {
    ...dateSpec,
    description: {
      zh: '报告日期：报告落款处的成文日期。不写时落款日期留作【请填写：报告日期】，不取电脑当天的日期。',
      en: 'The report date printed under the signature. When absent the report shows a 【请填写：报告日期】 placeholder; the computer’s date is never used.',
    },
    example: '"2024-01-15"',
    flag: '--report-date',
  },
  rateDisplay: {
    ...enumSpec(['whole', 'two-decimals'] as const),
    description: { zh: '执行率的显示：whole 为整数百分比（28%），two-decimals 为两位小数（27.78%）。默认 whole。', en: 'How rates print: whole percents (28%) or two decimals (27.78%). Default whole.' },
    example: '"two-decimals"',
    flag: '--rate-display',
  },
  amountDisplay: {
    ...enumSpec(['source', 'two-decimals'] as const),
    description: {
      zh: '报告中金额的写法：source 保留表格原有精度、去掉末尾的 0（52.848469 万元），two-decimals 为两位小数（52.85 万元）。合计总是两位小数。默认 source。',
      en: 'How the report writes amounts: the table’s own precision without trailing zeros (52.848469), or two decimals (52.85). Totals always use two. Default source.',
    },
    example: '"two-decimals"',
    flag: '--amount-display',
  },
  progressMethod: {
    ...enumSpec(['days', 'months'] as const),
    description: { zh: '序时进度的算法：days 为已过天数 ÷ 全年天数，months 为已过完的月数 ÷ 12。默认 days。', en: 'Share of the year elapsed: days elapsed ÷ days in the year, or completed months ÷ 12. Default days.' },
    example: '"months"',
  },
  reasonThreshold: {
    ...fractionSpec,
    description: {
      zh: '执行率低于此值的项目须填写未完成原因；监控时为落后序时进度超过 1 减此值（0.9 即 10 个百分点）的项目。默认 0.9（90%）。',
      en: 'Projects whose rate is below this need a written reason; when monitoring, those more than 1 minus this behind the elapsed share of the year (10 points for 0.9). Default 0.9 (90%).',
    },
    example: '0.9',
  },
  mapping: {
    type: { zh: 'JSON 对象', en: 'JSON object' },
    check: checkMapping,
    description: {
      zh: '更正自动识别的表格位置：funds（项目资金表）、payments（支付明细）、indicators（绩效指标表）各可指定 sheet、headerRow（表头行号）、range（一张工作表上有两张表时选其一，如 "J:Q" 或 "J3:Q40"）、columns（字段 → 列字母，null 为忽略）、unit（yuan | wan）。字段名见 src/core/fields.ts。',
      en: 'Corrects the detected tables: funds, payments and indicators each take sheet, headerRow, range (which of two tables on a sheet: "J:Q" or "J3:Q40"), columns (field → column letter, null to ignore) and unit (yuan | wan). Field names are in src/core/fields.ts.',
    },
    example: '{"funds": {"headerRow": 3, "columns": {"budget": "G"}}}',
    flag: '--map',
  },
};

export const CONFIGURABLE_SETTINGS = Object.keys(SETTINGS_SCHEMA) as ConfigurableSetting[];

/** A settings object from a parsed JSON file: every field checked, unknown fields refused (a typo would otherwise be silently ignored). */
export function checkSettings(value: unknown): Checked<Settings> {
  const checks = Object.fromEntries(CONFIGURABLE_SETTINGS.map((k) => [k, (v: unknown, p: string) => SETTINGS_SCHEMA[k].check(v, p)]));
  return checkObject<Settings>(value, '', checks as never, { zh: '键为设置字段名', en: 'keyed by setting name' });
}

/**
 * Settings kept in a workbook (saved by an earlier version, or edited by hand): the fields that check
 * out, and a problem for each one that does not. The shell uses the first and tells the user the
 * second — a bad saved year must neither title a report "abc年度" nor vanish without a word.
 */
export function usableSettings(value: unknown): { settings: Settings; problems: SettingProblem[] } {
  if (!isPlainObject(value)) {
    const r = checkSettings(value);
    return { settings: {}, problems: r.ok ? [] : r.problems };
  }
  const settings: Record<string, unknown> = {};
  const problems: SettingProblem[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (key === 'today') continue; // the clock's business, never the workbook's
    const r = checkSettings({ [key]: v });
    if (r.ok) Object.assign(settings, r.value);
    else problems.push(...r.problems);
  }
  return { settings: settings as Settings, problems };
}
