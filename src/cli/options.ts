/**
 * The command line's options, each described once (the help text is printed from this table), and
 * argv read against them: an unknown option suggests the nearest one, a missing or repeated value
 * is refused, and every value is checked — the settings ones by the core's settings schema — with
 * a one-line message that names the flag.
 */
import type { Settings } from '../core';
import { Bilingual, ConfigurableSetting, SETTINGS_SCHEMA, SettingSpec, closestWord } from '../core/settings-schema';
import { Lang, UsageError } from './cli-error';

export interface OptionSpec {
  name: string;
  short?: string;
  /** The value's placeholder; none for a switch. */
  value?: Bilingual;
  /** The Settings field this option sets: its check and allowed values come from the schema. */
  setting?: ConfigurableSetting;
  description: Bilingual;
  example: string;
}

export const OPTIONS: OptionSpec[] = [
  {
    name: 'output',
    short: 'o',
    value: { zh: '输出.xlsx', en: 'OUT.xlsx' },
    description: { zh: '写出结果工作簿：输入的副本，填入执行率、偏差说明、校验提示，并加上“自评报告”工作表', en: 'write the result workbook: a copy of the input with rates, deviation notes, checks and the 自评报告 sheet' },
    example: '-o out/执行情况-计算后.xlsx',
  },
  {
    name: 'json',
    value: { zh: '摘要.json', en: 'SUMMARY.json' },
    description: { zh: '写出摘要：每个项目、分组和合计的金额与执行率，以及每条问题所在的单元格', en: 'write the summary: every project, group and total with its rate, and every issue with its cell' },
    example: '--json out/summary.json',
  },
  {
    name: 'docx',
    value: { zh: '报告.docx', en: 'REPORT.docx' },
    description: { zh: '写出 Word 格式的绩效自评报告（公文格式）', en: 'write the self-evaluation report as a Word document in the official format' },
    example: '--docx out/绩效自评报告.docx',
  },
  {
    name: 'year',
    value: { zh: '年份', en: 'YEAR' },
    setting: 'fiscalYear',
    description: { zh: '预算年度；不写时取自标题、截止日期或支付日期', en: 'the fiscal year; otherwise taken from a title, the as-of date or the payment dates' },
    example: '--year 2023',
  },
  {
    name: 'as-of',
    value: { zh: '日期', en: 'DATE' },
    setting: 'asOf',
    description: { zh: '截止日期（YYYY-MM-DD）：绩效运行监控，只计到该日的支付，执行率与序时进度比较', en: 'as-of date (YYYY-MM-DD): a monitoring run, payments up to that date, rates against the elapsed share of the year' },
    example: '--as-of 2023-07-31',
  },
  {
    name: 'report-date',
    value: { zh: '日期', en: 'DATE' },
    setting: 'reportDate',
    description: { zh: '报告日期（YYYY-MM-DD）：报告落款的成文日期；不写时留作【请填写：报告日期】', en: 'report date (YYYY-MM-DD) printed under the signature; without it the report leaves a 【请填写：报告日期】 placeholder' },
    example: '--report-date 2024-01-15',
  },
  {
    name: 'map',
    value: { zh: '映射.json', en: 'MAP.json' },
    setting: 'mapping',
    description: { zh: '更正识别出的表格位置（JSON 文字或文件）：工作表、表头行、字段对应的列字母', en: 'correct the detected tables (JSON text or a file): sheet, header row, column letter per field' },
    example: `--map '{"funds": {"headerRow": 3, "columns": {"budget": "G"}}}'`,
  },
  {
    name: 'config',
    value: { zh: '设置.json', en: 'SETTINGS.json' },
    description: { zh: '从 JSON 文件读取设置（字段见下文）；命令行选项优先于文件中的同一设置', en: 'read settings from a JSON file (fields below); command-line options win over the same setting in the file' },
    example: '--config 设置.json',
  },
  {
    name: 'rate-display',
    value: { zh: '显示方式', en: 'STYLE' },
    setting: 'rateDisplay',
    description: { zh: '执行率的显示：whole 整数（28%）或 two-decimals 两位小数（27.78%）', en: 'how rates print: whole (28%) or two-decimals (27.78%)' },
    example: '--rate-display two-decimals',
  },
  {
    name: 'amount-display',
    value: { zh: '显示方式', en: 'STYLE' },
    setting: 'amountDisplay',
    description: { zh: '报告中的金额：source 保留表格精度（52.848469 万元）或 two-decimals 两位小数（52.85 万元）', en: 'amounts in the report: source precision (52.848469) or two-decimals (52.85)' },
    example: '--amount-display two-decimals',
  },
  {
    name: 'strict',
    description: { zh: '发现错误级问题时以退出码 1 结束（用于批处理和自动检查）', en: 'exit with status 1 when an error-level issue is found (for scripts and automated checks)' },
    example: 'jixiao report 预算.xlsx --strict',
  },
  {
    name: 'lang',
    value: { zh: '语言', en: 'LANG' },
    description: { zh: '输出语言：zh 中文（默认）或 en 英文', en: 'language of the output: zh Chinese (default) or en English' },
    example: '--lang en',
  },
  { name: 'help', short: 'h', description: { zh: '显示本帮助', en: 'show this help' }, example: '--help' },
  { name: 'version', description: { zh: '显示版本号', en: 'show the version' }, example: '--version' },
];

export const LANGS = ['zh', 'en'] as const;
export const COMMANDS = ['report', 'help'] as const;

/** What argv asked for, each option's raw text (values still unchecked apart from their presence). */
export interface Tokens {
  positionals: string[];
  values: Map<string, string>;
  switches: Set<string>;
}

function flagOf(spec: OptionSpec): string {
  return `--${spec.name}`;
}

/** The language to speak while reading argv: --lang as given (valid or not), before anything else is checked. */
export function langOf(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    const m = /^--lang(?:=(.*))?$/.exec(argv[i]);
    if (m) return (m[1] ?? argv[i + 1]) === 'en' ? 'en' : 'zh';
  }
  return 'zh';
}

/** Whether argv asks for help or the version anywhere (they win over any other mistake). */
export function wants(argv: string[], name: 'help' | 'version'): boolean {
  const end = argv.indexOf('--');
  const args = end < 0 ? argv : argv.slice(0, end);
  return name === 'help' ? args.some((a) => a === '--help' || a === '-h') : args.includes('--version');
}

/** What a single-letter option a user tried most likely meant: -O is -o typed with Shift, -v and -V are --version elsewhere. */
const SHORT_GUESSES: Record<string, string> = { v: 'version', V: 'version', H: 'help' };

function unknownOption(arg: string): UsageError {
  const name = arg.replace(/^-+/, '').split('=')[0];
  const letter = /^-[A-Za-z]$/.test(arg.split('=')[0]) ? name : undefined;
  const byCase = letter ? OPTIONS.find((o) => o.short === letter.toLowerCase())?.name : undefined;
  const near = letter ? (byCase ?? SHORT_GUESSES[letter]) : closestWord(name, OPTIONS.map((o) => o.name));
  // "-名单.xlsx": a file whose name starts with a dash, not a mistyped option.
  const file = /^-[^-=][^=]*\.[^.=]+$/.test(arg);
  return new UsageError(
    `未知选项 ${arg.split('=')[0]}。${near ? `您是否想输入 --${near}？` : file ? `若这是文件名，请写作 ./${arg}，或写在 -- 之后（-- 之后的都当作文件名）。` : '可用的选项见 jixiao --help。'}`,
    `Unknown option ${arg.split('=')[0]}. ${near ? `Did you mean --${near}?` : file ? `If it is a file name, write ./${arg} or put it after -- (everything after -- is a file name).` : 'See jixiao --help for the options.'}`,
  );
}

export function tokenize(argv: string[]): Tokens {
  const t: Tokens = { positionals: [], values: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      t.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      t.positionals.push(arg);
      continue;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
      spec = OPTIONS.find((o) => o.name === name);
    } else {
      spec = OPTIONS.find((o) => o.short === arg[1]);
      // "-output": a long name typed with one dash reads as -o "utput"; say what was meant instead.
      const long = OPTIONS.find((o) => o.name === arg.slice(1).split('=')[0]);
      if (long) throw new UsageError(`选项 ${arg} 应以两个短横线开头：--${long.name}`, `Option ${arg} takes two dashes: --${long.name}`);
      if (spec && arg.length > 2) inline = arg.slice(2);
    }
    if (!spec) throw unknownOption(arg);
    const flag = flagOf(spec);
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`${flag} 不带值（收到“${arg}”）。`, `${flag} takes no value (got "${arg}").`);
      t.switches.add(spec.name);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      // "--json --docx r.docx": the next option is not a file name.
      if (next === undefined || (next.startsWith('-') && next !== '-' && next.length > 1)) {
        throw new UsageError(`${flag} 后缺少${spec.value.zh}，例：${spec.example}`, `${flag} needs a value (${spec.value.en}), e.g. ${spec.example}`);
      }
      value = next;
      i++;
    }
    if (value.trim() === '') throw new UsageError(`${flag} 的值为空，例：${spec.example}`, `${flag} is empty; e.g. ${spec.example}`);
    const prev = t.values.get(spec.name);
    if (prev !== undefined && prev !== value) {
      throw new UsageError(`${flag} 给了两次（“${prev}”和“${value}”），只能给一次。`, `${flag} was given twice ("${prev}" and "${value}"); give it once.`);
    }
    t.values.set(spec.name, value);
  }
  return t;
}

/** Checks a settings-backed option's value with the schema: `--as-of 2023-02-30` → "--as-of 2023-02-30 不是真实存在的日期". */
export function checkSettingOption<K extends ConfigurableSetting>(name: string, setting: K, raw: unknown): NonNullable<Settings[K]> {
  const spec = SETTINGS_SCHEMA[setting] as SettingSpec<NonNullable<Settings[K]>>;
  const r = spec.check(raw, '');
  if (r.ok) return r.value;
  const p = r.problems[0];
  const at = p.path ? `：${p.path} ` : ' ';
  const atEn = p.path ? `: ${p.path} ` : ' ';
  throw new UsageError(`--${name}${at}${p.zh}`, `--${name}${atEn}${p.en}`);
}

export function checkLang(raw: string | undefined): Lang {
  if (raw === undefined) return 'zh';
  if ((LANGS as readonly string[]).includes(raw)) return raw as Lang;
  throw new UsageError(`--lang 只能是 zh 或 en，收到“${raw}”`, `--lang must be zh or en, not "${raw}"`);
}

export function usageLine(lang: Lang): string {
  return lang === 'zh'
    ? '用法：jixiao report 输入.xlsx [-o 输出.xlsx] [--json 摘要.json] [--docx 报告.docx] [选项]'
    : 'Usage: jixiao report IN.xlsx [-o OUT.xlsx] [--json SUMMARY.json] [--docx REPORT.docx] [options]';
}

function withUsage(zh: string, en: string): UsageError {
  return new UsageError(`${zh} ${usageLine('zh')}`, `${en} ${usageLine('en')}`);
}

/** The command and the input file, or why they are missing. */
export function commandOf(positionals: string[]): { command: 'report' | 'help'; rest: string[] } {
  const [command, ...rest] = positionals;
  if (command === 'report' || command === 'help') return { command, rest };
  if (command === undefined) throw withUsage('缺少命令 report。', 'The command report is missing.');
  if (/\.(xls[xmbt]?|xlt[xm]|et|csv)$/i.test(command)) {
    throw withUsage(`缺少命令 report：请写 jixiao report ${command} …`, `The command report is missing: write jixiao report ${command} …`);
  }
  const near = closestWord(command, COMMANDS);
  throw withUsage(`未知命令 ${command}。${near ? `您是否想输入 ${near}？` : ''}`, `Unknown command ${command}.${near ? ` Did you mean ${near}?` : ''}`);
}

/** The input file after the command: exactly one. */
export function inputOf(rest: string[]): string {
  const [input, ...extra] = rest;
  if (!input) throw withUsage('缺少输入文件。', 'The input file is missing.');
  // A word starting with a dash is a positional only after "--": the user put options there.
  if (extra.some((a) => /^-./.test(a))) {
    throw new UsageError(
      `多余的参数：${extra.join(' ')}。-- 之后的都当作文件名，选项请写在 -- 之前。`,
      `Unexpected argument: ${extra.join(' ')}. Everything after -- is a file name; put the options before --.`,
    );
  }
  if (extra.length) {
    throw new UsageError(
      `多余的参数：${extra.join(' ')}。输出文件请用 -o 指定（如 -o ${extra[0]}）；含空格的路径请加引号。`,
      `Unexpected argument: ${extra.join(' ')}. Name the output with -o (e.g. -o ${extra[0]}); quote paths that contain spaces.`,
    );
  }
  return input;
}
