/**
 * jixiao report IN.xlsx -o OUT.xlsx [--json SUMMARY.json] [--docx REPORT.docx] [--year 2023]
 *                       [--as-of 2023-07-31] [--map MAP.json] [--config FILE.json]
 *                       [--rate-display whole|two-decimals] [--amount-display source|two-decimals]
 *                       [--strict] [--lang zh|en]
 *
 * Reads IN (never modifies it), runs the core, writes OUT as a copy with rates, deviation notes and
 * check markers filled in and the narrative report in the sheet 自评报告; --docx writes the same
 * report as a Word document in the official format. Exit 0 when it ran; 1 with --strict when
 * error-level issues exist; 2 with a one-line reason when the input is unusable.
 */
import { promises as fs, realpathSync } from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { Analysis, MappingOverride, ReportDocument, Settings, WorkbookSnapshot, analyze, buildReport, countBySeverity, fatalIssue, formatIsoDate, formatRate, renderReportSheet, toSummary } from '../core';
import { writeFileAtomically } from './write-file';
import { XlsxPatchError, patchWorkbook } from './xlsx-patch';
import { Lang, formatIssues, formatProjectTable } from './print';
import { WorkbookReadError } from './xlsx-read';
import { readXlsx } from './xlsx-read/node';

export class UsageError extends Error {}

const USAGE_ZH = `用法：jixiao report 输入.xlsx -o 输出.xlsx [--json 摘要.json] [--docx 报告.docx] [--year 2023] [--as-of 2023-07-31] [--map 映射.json] [--config 设置.json] [--rate-display whole|two-decimals] [--amount-display source|two-decimals] [--strict] [--lang zh|en]`;

interface CliOptions {
  input: string;
  output?: string;
  json?: string;
  docx?: string;
  settings: Settings;
  strict: boolean;
  lang: Lang;
}

async function readJsonArg(value: string, what: string): Promise<unknown> {
  const text = value.trim().startsWith('{') ? value : await fs.readFile(value, 'utf8').catch(() => {
    throw new UsageError(`找不到${what}文件：${value}`);
  });
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${what}不是有效的 JSON：${value}`);
  }
}

export async function parseCli(argv: string[]): Promise<CliOptions> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        json: { type: 'string' },
        docx: { type: 'string' },
        year: { type: 'string' },
        'as-of': { type: 'string' },
        map: { type: 'string' },
        config: { type: 'string' },
        'rate-display': { type: 'string' },
        'amount-display': { type: 'string' },
        strict: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'zh' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE_ZH}`);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError(USAGE_ZH);
  const [command, input, ...rest] = positionals;
  if (command !== 'report' || !input || rest.length) throw new UsageError(USAGE_ZH);
  const settings: Settings = {};
  if (values.config) Object.assign(settings, (await readJsonArg(values.config, '设置')) as Settings);
  if (values.year) {
    if (!/^\d{4}$/.test(values.year)) throw new UsageError(`--year 应为四位年份，如 2023（收到“${values.year}”）`);
    settings.fiscalYear = Number(values.year);
  }
  if (values['as-of']) settings.asOf = values['as-of'];
  if (values.map) settings.mapping = (await readJsonArg(values.map, '列映射')) as MappingOverride;
  const display = values['rate-display'];
  if (display) {
    if (display !== 'whole' && display !== 'two-decimals') throw new UsageError(`--rate-display 只能是 whole 或 two-decimals（收到“${display}”）`);
    settings.rateDisplay = display;
  }
  const amounts = values['amount-display'];
  if (amounts) {
    if (amounts !== 'source' && amounts !== 'two-decimals') throw new UsageError(`--amount-display 只能是 source 或 two-decimals（收到“${amounts}”）`);
    settings.amountDisplay = amounts;
  }
  settings.today ??= new Date().toISOString().slice(0, 10);
  const lang = values.lang === 'en' ? 'en' : 'zh';
  return { input, output: values.output, json: values.json, docx: values.docx, settings, strict: Boolean(values.strict), lang };
}

function sameFile(a: string, b: string): boolean {
  const resolve = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return resolve(a) === resolve(b);
}

export async function readInput(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch {
    throw new UsageError(`找不到输入文件：${file}`);
  }
}

/** Read the workbook into the core's snapshot (for reading only: OUT is written by patching IN's package). */
export async function readSnapshot(bytes: Uint8Array, name: string, lang: Lang = 'zh'): Promise<WorkbookSnapshot> {
  try {
    return await readXlsx(bytes);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new UsageError(lang === 'en' ? `Cannot read ${name}: ${e.en}` : `无法读取 ${name}：${e.zh}`);
    throw e;
  }
}

export async function loadSnapshot(file: string, lang: Lang = 'zh'): Promise<WorkbookSnapshot> {
  return readSnapshot(await readInput(file), path.basename(file), lang);
}

export interface RunResult {
  analysis: Analysis;
  exitCode: number;
  stdout: string;
}

export async function runReport(opts: CliOptions): Promise<RunResult> {
  if (opts.output && sameFile(opts.input, opts.output)) throw new UsageError('输出文件不能与输入文件相同：本工具从不改写输入文件，请用 -o 指定另一个文件名。');
  if (opts.docx && sameFile(opts.input, opts.docx)) throw new UsageError('--docx 不能指向输入文件。');
  const input = await readInput(opts.input);
  const snapshot = await readSnapshot(input, path.basename(opts.input), opts.lang);
  const analysis = analyze(snapshot, opts.settings);
  const fatal = fatalIssue(analysis);
  if (fatal) throw new UsageError(`${fatal.cell ? `${fatal.cell}：` : ''}${opts.lang === 'zh' ? fatal.message : fatal.messageEn}`);
  const out: string[] = [];
  const p = analysis.period!;
  const asOf = formatIsoDate(p.asOf);
  const progress = formatRate(p.progress, 'two-decimals');
  out.push(
    opts.lang === 'zh'
      ? `${p.fiscalYear}年度，${p.monitoring ? `截至${asOf}（序时进度${progress}）` : '年末'}；资金表：${analysis.funds!.sheet}；支付明细：${analysis.payments?.sheet ?? '无'}`
      : `Fiscal year ${p.fiscalYear}, ${p.monitoring ? `as of ${asOf} (time elapsed ${progress})` : 'year end'}; funds: ${analysis.funds!.sheet}; payments: ${analysis.payments?.sheet ?? 'none'}`,
  );
  out.push('', formatProjectTable(analysis, opts.lang), '', formatIssues(analysis.issues, opts.lang));
  const report = opts.output || opts.docx ? buildReport(analysis, snapshot) : undefined;
  if (report) out.push('', reportLine(report, opts.lang));
  if (opts.output) {
    let patched: Uint8Array;
    try {
      patched = await patchWorkbook(input, { plan: analysis.plan, reportSheet: renderReportSheet(report!) });
    } catch (e) {
      if (e instanceof XlsxPatchError) throw new UsageError(e.message);
      throw e;
    }
    await writeFileAtomically(opts.output, (tmp) => fs.writeFile(tmp, patched));
    out.push('', opts.lang === 'zh' ? `已写出：${opts.output}` : `Wrote ${opts.output}`);
  }
  if (opts.json) {
    await writeFileAtomically(opts.json, (tmp) => fs.writeFile(tmp, JSON.stringify(toSummary(analysis), null, 2)));
    out.push(opts.lang === 'zh' ? `已写出：${opts.json}` : `Wrote ${opts.json}`);
  }
  if (opts.docx) {
    // Loaded only when asked for: the docx library is the CLI's largest module.
    const { renderReportDocx } = await import('../report-docx');
    const bytes = await renderReportDocx(report!);
    await writeFileAtomically(opts.docx, (tmp) => fs.writeFile(tmp, bytes));
    out.push(opts.lang === 'zh' ? `已写出：${opts.docx}` : `Wrote ${opts.docx}`);
  }
  const errors = countBySeverity(analysis.issues).error;
  return { analysis, exitCode: opts.strict && errors > 0 ? 1 : 0, stdout: out.join('\n') };
}

/** One line on the report: its paragraphs and what the staff still have to fill in. */
function reportLine(doc: ReportDocument, lang: Lang): string {
  const fields = [...new Set(doc.missing.map((m) => m.field))];
  const zh = `报告：${doc.title}，${doc.paragraphs.length}段；${doc.missing.length ? `待填写或核对${doc.missing.length}处（${fields.join('、')}），已用【】标出` : '无待填写内容'}。`;
  const en = `Report: ${doc.paragraphs.length} paragraphs; ${doc.missing.length ? `${doc.missing.length} places to fill in or check (${fields.join(', ')}), marked with 【】` : 'nothing left to fill in'}.`;
  return [lang === 'zh' ? zh : en, ...doc.notes].join('\n');
}

/** The process entry: returns the exit code; prints one line, never a stack trace, on failure. */
export async function main(argv: string[]): Promise<number> {
  try {
    const opts = await parseCli(argv);
    const result = await runReport(opts);
    process.stdout.write(`${result.stdout}\n`);
    return result.exitCode;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`jixiao: ${e.message}\n`);
      return 2;
    }
    const err = e as Error;
    process.stderr.write(`jixiao: 处理失败：${err.message.split('\n')[0]}（如需详细信息，请设置环境变量 JIXIAO_DEBUG=1 后重试）\n`);
    if (process.env.JIXIAO_DEBUG) process.stderr.write(`${err.stack}\n`);
    return 2;
  }
}
