/**
 * jixiao report IN.xlsx -o OUT.xlsx [--json SUMMARY.json] [--docx REPORT.docx] [--year 2023]
 *                       [--as-of 2023-07-31] [--map MAP.json] [--config FILE.json]
 *                       [--rate-display whole|two-decimals] [--amount-display source|two-decimals]
 *                       [--strict] [--lang zh|en]
 *
 * Reads IN (never modifies it), runs the core, writes OUT as a copy with rates, deviation notes and
 * check markers filled in and the narrative report in the sheet 自评报告; --docx writes the same
 * report as a Word document in the official format. Exit 0 when it ran; 1 with --strict when
 * error-level issues exist; 2 with a one-line reason when it could not run or write.
 * Options: options.ts; help: help.ts; paths checked before reading: output-paths.ts; outputs
 * written as one set: write-file.ts.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { Analysis, ReportDocument, Settings, WorkbookSnapshot, analyze, buildReport, countBySeverity, fatalIssue, formatIsoDate, formatRate } from '../core';
import { Lang, UsageError } from './cli-error';
import { Clock, systemClock } from './clock';
import { CliFs, nodeFs } from './file-system';
import { helpText, packageVersion, shortUsage } from './help';
import { NamedPath, checkInput, checkOutputs } from './output-paths';
import { checkLang, commandOf, inputOf, langOf, tokenize, wants } from './options';
import { settingsFrom } from './settings-args';
import { writeOutputs } from './write-file';
import { checkOutputContent, checkOutputNames, generatedSheets, keptSheetLines, produceOutputs } from './outputs';
import { checkInputName } from './workbook-kind';
import { formatIssues, formatProjectTable } from './print';
import { WorkbookReadError } from './xlsx-read';
import { readXlsx } from './xlsx-read/node';

export { UsageError };

export interface CliOptions {
  input: string;
  output?: string;
  json?: string;
  docx?: string;
  settings: Settings;
  strict: boolean;
  lang: Lang;
  /** Settings and mapping files the run reads (--config, --map FILE): no output may overwrite them either. */
  alsoReads?: NamedPath[];
}

/** What the command line touches outside itself: files, the clock, the platform's error conventions. Tests replace them. */
export interface CliDeps {
  fs: CliFs;
  clock: Clock;
  platform: NodeJS.Platform;
}

export const defaultDeps: CliDeps = { fs: nodeFs, clock: { now: () => systemClock.now() }, platform: process.platform };

export type Invocation = { kind: 'help'; lang: Lang } | { kind: 'version' } | { kind: 'usage'; lang: Lang } | { kind: 'report'; options: CliOptions };

/** argv → what to do; every option checked, each problem a UsageError naming its flag. */
export async function parseInvocation(argv: string[], deps: CliDeps = defaultDeps): Promise<Invocation> {
  if (wants(argv, 'help')) return { kind: 'help', lang: langOf(argv) };
  if (wants(argv, 'version')) return { kind: 'version' };
  if (argv.length === 0) return { kind: 'usage', lang: 'zh' };
  const t = tokenize(argv);
  const lang = checkLang(t.values.get('lang'));
  if (t.positionals.length === 0 && t.values.size + t.switches.size === (t.values.has('lang') ? 1 : 0)) return { kind: 'usage', lang };
  const { command, rest } = commandOf(t.positionals);
  if (command === 'help') return { kind: 'help', lang };
  const input = inputOf(rest);
  checkInputName(input);
  const outputs: Partial<Record<'output' | 'json' | 'docx', string>> = {};
  for (const key of ['output', 'json', 'docx'] as const) if (t.values.has(key)) outputs[key] = t.values.get(key);
  const settings = await settingsFrom(
    { config: t.values.get('config'), map: t.values.get('map'), year: t.values.get('year'), asOf: t.values.get('as-of'), reportDate: t.values.get('report-date'), rateDisplay: t.values.get('rate-display'), amountDisplay: t.values.get('amount-display') },
    deps.fs,
    deps.clock,
    deps.platform,
  );
  const alsoReads = (['config', 'map'] as const).flatMap((k) => {
    const v = t.values.get(k);
    return v !== undefined && !/^\s*[[{]/.test(v) ? [{ flag: `--${k}`, given: v }] : [];
  });
  return { kind: 'report', options: { input, ...outputs, settings, strict: t.switches.has('strict'), lang, alsoReads } };
}

export async function readInput(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch {
    throw new UsageError(`找不到输入文件：${file}`, `Input file not found: ${file}`);
  }
}

/** Read the workbook into the core's snapshot (for reading only: OUT is written by patching IN's package). */
export async function readSnapshot(bytes: Uint8Array, name: string): Promise<WorkbookSnapshot> {
  try {
    return await readXlsx(bytes);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new UsageError(`无法读取 ${name}：${e.zh}`, `Cannot read ${name}: ${e.en}`);
    throw e;
  }
}

export async function loadSnapshot(file: string): Promise<WorkbookSnapshot> {
  return readSnapshot(await readInput(file), path.basename(file));
}

export interface RunResult {
  analysis: Analysis;
  exitCode: number;
  stdout: string;
  /** Why the outputs were not written, when they were not (the table and issues are still in stdout). */
  stderr?: string;
}

/** The first line: the year (and where it came from when it was guessed), the period, the tables used. */
function periodLine(a: Analysis, lang: Lang): string {
  const p = a.period!;
  const asOf = formatIsoDate(p.asOf);
  const progress = formatRate(p.progress, 'two-decimals');
  const guessed =
    p.yearSource === 'today'
      ? { zh: '（工作簿中未写明年度，按今天的日期推定；请用 --year 指定）', en: ' (no year in the workbook: taken from today’s date; set it with --year)' }
      : p.yearSource === 'payments'
        ? { zh: '（标题中未写明年度，按支付日期推定；可用 --year 指定）', en: ' (no year in the title: taken from the payment dates; set it with --year)' }
        : { zh: '', en: '' };
  return lang === 'zh'
    ? `${p.fiscalYear}年度${guessed.zh}，${p.monitoring ? `截至${asOf}（序时进度${progress}）` : '年末'}；资金表：${a.funds!.sheet}；支付明细：${a.payments?.sheet ?? '无'}`
    : `Fiscal year ${p.fiscalYear}${guessed.en}, ${p.monitoring ? `as of ${asOf} (time elapsed ${progress})` : 'year end'}; funds: ${a.funds!.sheet}; payments: ${a.payments?.sheet ?? 'none'}`;
}

export async function runReport(opts: CliOptions, deps: CliDeps = defaultDeps): Promise<RunResult> {
  const outputs: NamedPath[] = [
    ...(opts.output ? [{ flag: '-o', given: opts.output }] : []),
    ...(opts.json ? [{ flag: '--json', given: opts.json }] : []),
    ...(opts.docx ? [{ flag: '--docx', given: opts.docx }] : []),
  ];
  // Nothing is read before the paths are known to be safe: an output that is the input is refused here.
  await checkInput(deps.fs, opts.input, deps.platform);
  await checkOutputs(deps.fs, opts.input, outputs, deps.platform, opts.alsoReads);
  checkOutputNames(opts);
  const input = await readInput(opts.input);
  const snapshot = await readSnapshot(input, path.basename(opts.input));
  releaseReaderGarbage();
  const analysis = analyze(snapshot, opts.settings);
  const fatal = fatalIssue(analysis);
  if (fatal) throw new UsageError(`${fatal.cell ? `${fatal.cell}：` : ''}${fatal.message}`, `${fatal.cell ? `${fatal.cell}: ` : ''}${fatal.messageEn}`);
  // A macro workbook's copy must be .xlsm (known by its content now): refused before anything is printed.
  if (opts.output) checkOutputContent(input, opts);
  const out: string[] = [periodLine(analysis, opts.lang), '', formatProjectTable(analysis, opts.lang), '', formatIssues(analysis.issues, opts.lang)];
  const report = opts.output || opts.docx ? buildReport(analysis, snapshot) : undefined;
  const sheets = opts.output ? generatedSheets(snapshot, Boolean(report?.forms?.length)) : undefined;
  if (report) out.push('', reportLine(report, opts.lang));
  if (report?.forms?.length && (sheets?.forms || opts.docx)) out.push(formsLine(report.forms.length, sheets?.forms?.sheetName, Boolean(opts.docx), opts.lang));
  if (sheets) out.push(...keptSheetLines(sheets, opts.lang));
  const errors = countBySeverity(analysis.issues).error;
  const exitCode = opts.strict && errors > 0 ? 1 : 0;
  if (!outputs.length) return { analysis, exitCode, stdout: out.join('\n') };

  // All outputs are made first and written as one set: a failure anywhere writes none of them.
  let failure: string | undefined;
  try {
    const files = await produceOutputs(input, analysis, report, opts, sheets);
    const written = await writeOutputs(files, deps.fs, deps.platform);
    out.push('');
    for (const dir of written.createdFolders) {
      // Said the way the outputs were named: out/, not /home/…/out/, for a folder under the current one.
      const rel = path.relative(process.cwd(), dir);
      const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) && outputs.every((o) => !path.isAbsolute(o.given)) ? rel : dir;
      out.push(opts.lang === 'zh' ? `已创建文件夹：${shown}` : `Created folder ${shown}`);
    }
    for (const f of files) out.push(opts.lang === 'zh' ? `已写出：${f.file}` : `Wrote ${f.file}`);
  } catch (e) {
    const reason = e instanceof UsageError ? e.text(opts.lang) : unexpected(e);
    failure = opts.lang === 'zh' ? `${reason}（本次未写出任何文件。）` : `${reason} (No file was written.)`;
  }
  return failure === undefined ? { analysis, exitCode, stdout: out.join('\n') } : { analysis, exitCode: 2, stdout: out.join('\n'), stderr: failure };
}

/**
 * Reading leaves the XML text it scanned behind as garbage, which V8 would collect only after the heap
 * had grown further; one full collection here lowers the run's peak memory (bin/jixiao.js exposes
 * `gc`; elsewhere, as in tests, this does nothing). Measured by `npm run bench` (peer: peak RSS).
 */
function releaseReaderGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** One line on the report: its paragraphs and what the staff still have to fill in or check (the 核对清单). */
function reportLine(doc: ReportDocument, lang: Lang): string {
  const fills = doc.checklist.filter((c) => c.kind === 'fill');
  const checks = doc.checklist.filter((c) => c.kind === 'check');
  const fields = [...new Set(doc.missing.filter((m) => !m.placeholder.startsWith('【请核对')).map((m) => m.field))];
  const zhParts = [...(fills.length ? [`待填写${fills.length}处（${fields.join('、')}）`] : []), ...(checks.length ? [`待核对${checks.length}处`] : [])];
  const enParts = [...(fills.length ? [`${fills.length} to fill in (${fields.join(', ')})`] : []), ...(checks.length ? [`${checks.length} figures to check`] : [])];
  const zh = `报告：${doc.title}，${doc.paragraphs.length}段；${zhParts.length ? `${zhParts.join('，')}，已用【】标出，清单见“核对清单”工作表` : '无待填写或核对的内容'}。`;
  const en = `Report: ${doc.paragraphs.length} paragraphs; ${enParts.length ? `${enParts.join(', ')}, marked with 【】 and listed in the sheet 核对清单` : 'nothing left to fill in or check'}.`;
  return [lang === 'zh' ? zh : en, ...doc.notes].join('\n');
}

/** Where the 项目支出绩效自评表 went: the sheet (with -o) and the .docx (with --docx). */
function formsLine(count: number, sheet: string | undefined, docx: boolean, lang: Lang): string {
  const zh = [sheet ? `写在“${sheet}”工作表` : '', docx ? '附在 Word 报告之后' : ''].filter(Boolean).join('，并');
  const en = [sheet ? `on sheet "${sheet}"` : '', docx ? 'after the report in the Word file' : ''].filter(Boolean).join(' and ');
  return lang === 'zh' ? `绩效自评表：${count}个项目，每项一页，${zh}。` : `Self-evaluation forms: ${count} projects, one a page, ${en}.`;
}

/** A failure nobody foresaw: its first line, and how to see the rest. */
function unexpected(e: unknown): string {
  const err = e as Error;
  if (process.env.JIXIAO_DEBUG) process.stderr.write(`${err?.stack}\n`);
  return `处理失败：${String(err?.message ?? e).split('\n')[0]}（如需详细信息，请设置环境变量 JIXIAO_DEBUG=1 后重试）`;
}

/** The process entry: returns the exit code; prints one line, never a stack trace, on failure. */
export async function main(argv: string[], deps: CliDeps = defaultDeps): Promise<number> {
  let lang = langOf(argv);
  try {
    const call = await parseInvocation(argv, deps);
    if (call.kind === 'help') {
      process.stdout.write(`${helpText(call.lang)}\n`);
      return 0;
    }
    if (call.kind === 'version') {
      process.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    if (call.kind === 'usage') {
      process.stderr.write(`${shortUsage(call.lang)}\n`);
      return 2;
    }
    lang = call.options.lang;
    const result = await runReport(call.options, deps);
    process.stdout.write(`${result.stdout}\n`);
    if (result.stderr) process.stderr.write(`jixiao: ${result.stderr}\n`);
    return result.exitCode;
  } catch (e) {
    process.stderr.write(`jixiao: ${e instanceof UsageError ? e.text(lang) : unexpected(e)}\n`);
    return 2;
  }
}
