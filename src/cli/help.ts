/**
 * What `jixiao --help` prints (and the short usage a bare `jixiao` gets), from the option table
 * and the settings schema, in Chinese or English; and the version from package.json.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { CONFIGURABLE_SETTINGS, SETTINGS_SCHEMA } from '../core/settings-schema';
import type { Lang } from './cli-error';
import { OPTIONS, OptionSpec, usageLine } from './options';
import { displayWidth } from './print';

/** package.json's version, found above this file whether it runs from src/ (tests) or lib/ (npx). */
export function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'jixiao' && pkg.version) return pkg.version;
    } catch {
      // not here: look one folder up
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

/** Two lines for a bare `jixiao` or a wrong command: how to call it and where the rest is. */
export function shortUsage(lang: Lang): string {
  return `${usageLine(lang)}\n${lang === 'zh' ? '完整说明：jixiao --help（英文：jixiao --help --lang en）' : 'More: jixiao --help'}`;
}

function optionHead(o: OptionSpec, lang: Lang): string {
  const flags = o.short ? `-${o.short}, --${o.name}` : `    --${o.name}`;
  const values = o.setting && SETTINGS_SCHEMA[o.setting].values;
  const value = values ? values.join('|') : o.value?.[lang];
  return value ? `${flags} ${value}` : flags;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(1, width - displayWidth(s)));
}

export function helpText(lang: Lang): string {
  const zh = lang === 'zh';
  const heads = OPTIONS.map((o) => optionHead(o, lang));
  const width = 26;
  const options = OPTIONS.flatMap((o, i) => {
    const head = heads[i];
    const line = `  ${displayWidth(head) + 2 > width ? `${head}\n  ${' '.repeat(width)}` : pad(head, width)}${o.description[lang]}`;
    // "--help" as its own example says nothing.
    return o.example === `--${o.name}` ? [line] : [line, `  ${' '.repeat(width)}${zh ? '例：' : 'e.g. '}${o.example}`];
  });
  const settings = CONFIGURABLE_SETTINGS.map((k) => `  ${pad(k, 18)}${SETTINGS_SCHEMA[k].type[lang]}`);
  return [
    zh ? `jixiao ${packageVersion()} — 绩效自评助手（命令行）` : `jixiao ${packageVersion()} — the 绩效自评 (performance self-evaluation) assistant, command line`,
    '',
    zh
      ? '读取单位的预算执行工作簿（项目资金表和支付明细），逐行核对并指出有问题的单元格，计算执行率和偏差说明，\n写出填好结果的工作簿副本、摘要 JSON 和公文格式的绩效自评报告（.docx）。输入文件从不被修改。'
      : 'Reads a department’s budget workbook (funds table and payments), checks every row and names each bad cell,\ncomputes execution rates and deviation notes, and writes a copy of the workbook with the results, a JSON summary\nand the self-evaluation report as a .docx in the official format. The input file is never modified.',
    '',
    usageLine(lang),
    zh ? '      jixiao --help | --version' : '       jixiao --help | --version',
    '',
    zh ? '选项：' : 'Options:',
    ...options,
    '',
    zh ? '设置文件（--config）的字段（说明见 README“设置文件”）：' : 'Fields of the settings file (--config; described in the README):',
    ...settings,
    '',
    zh ? '示例：' : 'Examples:',
    '  jixiao report 预算执行.xlsx -o 结果.xlsx --docx 报告.docx',
    '  jixiao report 预算执行.xlsx --as-of 2023-07-31 --json 监控.json',
    '',
    zh
      ? '退出码：0 运行完成（发现问题也是 0）；1 使用 --strict 且有错误级问题；2 无法运行或无法写出（原因见一行说明）。'
      : 'Exit status: 0 when it ran (issues or not); 1 with --strict when an error-level issue exists; 2 when it could not run or write (a one-line reason says why).',
  ].join('\n');
}
