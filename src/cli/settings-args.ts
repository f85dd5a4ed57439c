/**
 * The Settings a run uses, from a --config file, the options that override it, and today's local
 * date: JSON read from a file or typed inline, every field checked against the core's settings
 * schema, each problem reported with the flag, the file and the field.
 */
import { Checked, SettingProblem, checkMapping, checkSettings } from '../core/settings-schema';
import type { Settings } from '../core';
import { UsageError } from './cli-error';
import { Clock, today } from './clock';
import { CliFs, errnoCode } from './file-system';
import { describeFsError } from './fs-errors';
import { checkSettingOption } from './options';

/** Where in the JSON text a parse error points, as "第 3 行第 14 列". */
function where(text: string, message: string): { zh: string; en: string } {
  const m = /position (\d+)/.exec(message);
  if (!m) return { zh: '', en: '' };
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const col = Number(m[1]) - before.lastIndexOf('\n');
  return { zh: `（第 ${line} 行第 ${col} 列附近）`, en: ` (near line ${line}, column ${col})` };
}

/** JSON typed on the command line (it starts with { or [) or the name of a UTF-8 file holding it. */
export async function readJsonArg(fs: CliFs, flag: string, value: string, platform: NodeJS.Platform): Promise<{ json: unknown; source: string }> {
  const inline = /^\s*[[{]/.test(value);
  let text = value;
  const source = inline ? flag : `${flag} ${value}`;
  if (!inline) {
    let bytes: Uint8Array;
    try {
      const info = await fs.stat(value);
      if (info.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
      bytes = await fs.readFile(value);
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') throw new UsageError(`${flag}：找不到文件 ${value}`, `${flag}: file not found: ${value}`);
      const d = describeFsError(e, { action: 'read', file: value, platform });
      throw new UsageError(`${flag}：${d.zh}`, `${flag}: ${d.en}`);
    }
    text = Buffer.from(bytes).toString('utf8');
    // Notepad on Windows may save as GBK: Chinese sheet names would arrive garbled and match nothing.
    if (text.includes('\uFFFD')) throw new UsageError(`${source} 不是 UTF-8 编码。请在记事本中“另存为”并选择编码 UTF-8 后重试。`, `${source} is not UTF-8 encoded. Save it as UTF-8 and try again.`);
    text = text.replace(/^\uFEFF/, '');
  }
  try {
    return { json: JSON.parse(text), source };
  } catch (e) {
    const at = where(text, (e as Error).message);
    throw new UsageError(`${source} 不是有效的 JSON${at.zh}。请检查引号、逗号和括号。`, `${source} is not valid JSON${at.en}. Check the quotes, commas and brackets.`);
  }
}

function refuse(source: string, r: Checked<unknown>): never {
  if (r.ok) throw new Error('refuse() called on a valid value');
  const shown = r.problems.slice(0, 3);
  const more = r.problems.length - shown.length;
  const line = (lang: 'zh' | 'en') => shown.map((p: SettingProblem) => (p.path ? `${p.path} ${p[lang]}` : p[lang])).join(lang === 'zh' ? '；' : '; ');
  const [sepZh, sepEn] = shown[0].path ? ['：', ': '] : [' ', ' '];
  throw new UsageError(`${source}${sepZh}${line('zh')}${more > 0 ? `（另有 ${more} 处）` : ''}`, `${source}${sepEn}${line('en')}${more > 0 ? ` (and ${more} more)` : ''}`);
}

export interface SettingArgs {
  config?: string;
  map?: string;
  year?: string;
  asOf?: string;
  reportDate?: string;
  rateDisplay?: string;
  amountDisplay?: string;
}

export async function settingsFrom(args: SettingArgs, fs: CliFs, clock: Clock, platform: NodeJS.Platform): Promise<Settings> {
  const settings: Settings = {};
  let yearFrom = '';
  if (args.config) {
    const { json, source } = await readJsonArg(fs, '--config', args.config, platform);
    const r = checkSettings(json);
    if (!r.ok) refuse(source, r);
    Object.assign(settings, r.value);
    if (settings.fiscalYear !== undefined) yearFrom = `${source}（fiscalYear）`;
  }
  if (args.map) {
    const { json, source } = await readJsonArg(fs, '--map', args.map, platform);
    const r = checkMapping(json);
    if (!r.ok) refuse(source, r);
    settings.mapping = r.value;
  }
  if (args.year !== undefined) {
    settings.fiscalYear = checkSettingOption('year', 'fiscalYear', args.year);
    yearFrom = '--year';
  }
  if (args.asOf !== undefined) settings.asOf = checkSettingOption('as-of', 'asOf', args.asOf);
  if (args.reportDate !== undefined) settings.reportDate = checkSettingOption('report-date', 'reportDate', args.reportDate);
  if (args.rateDisplay !== undefined) settings.rateDisplay = checkSettingOption('rate-display', 'rateDisplay', args.rateDisplay);
  if (args.amountDisplay !== undefined) settings.amountDisplay = checkSettingOption('amount-display', 'amountDisplay', args.amountDisplay);
  // A year and an as-of date from different years would make the core fall back to year end.
  if (settings.fiscalYear !== undefined && settings.asOf && Number(settings.asOf.slice(0, 4)) !== settings.fiscalYear) {
    throw new UsageError(
      `截止日期 ${settings.asOf} 不在 ${yearFrom} 指定的 ${settings.fiscalYear} 年度内。请改为 ${settings.fiscalYear} 年内的日期，或更正年度。`,
      `The as-of date ${settings.asOf} is outside the fiscal year ${settings.fiscalYear} given by ${yearFrom}. Use a date within ${settings.fiscalYear}, or correct the year.`,
    );
  }
  settings.today = today(clock);
  return settings;
}
