/**
 * The outputs of a run: their names checked against what they will hold (.xlsx, .xlsm for a macro
 * workbook, .json, .docx) and their contents made in memory, so that nothing touches the disk until
 * every one of them exists (write-file.ts then writes them as one set).
 */
import type { Analysis, ReportDocument } from '../core';
import { renderReportSheet, toSummary } from '../core';
import { UsageError } from './cli-error';
import type { CliOptions } from './main';
import { WorkbookKind, checkOutputKind, kindOfContentType, kindOfName } from './workbook-kind';
import type { OutputFile } from './write-file';
import { XlsxPatchError, patchWorkbook, workbookContentType } from './xlsx-patch';

const OUTPUT_EXTENSIONS: Record<'output' | 'json' | 'docx', { flag: string; ext: RegExp; zh: string; en: string }> = {
  output: { flag: '-o', ext: /\.xls[xm]$/i, zh: '.xlsx 文件（启用宏的工作簿为 .xlsm）', en: '.xlsx (.xlsm for a macro-enabled workbook)' },
  json: { flag: '--json', ext: /\.json$/i, zh: '.json 文件', en: '.json' },
  docx: { flag: '--docx', ext: /\.docx$/i, zh: '.docx 文件', en: '.docx' },
};

/** Each output's extension says what it holds; an -o for a macro workbook must be .xlsm (by its name here, by its content later). */
export function checkOutputNames(opts: CliOptions): void {
  for (const key of ['output', 'json', 'docx'] as const) {
    const value = opts[key];
    const rule = OUTPUT_EXTENSIONS[key];
    if (value !== undefined && !rule.ext.test(value)) throw new UsageError(`${rule.flag} 应为 ${rule.zh}，收到“${value}”`, `${rule.flag} must name a ${rule.en} file, not "${value}"`);
  }
  const named = kindOfName(opts.input);
  if (opts.output && named) checkOutputKind(named, opts.input, opts.output, 'name');
}

/** The output workbook keeps the input's content type, so its extension must match it (macros need .xlsm). */
export function checkOutputContent(input: Uint8Array, opts: CliOptions): void {
  let kind: WorkbookKind | undefined;
  try {
    kind = kindOfContentType(workbookContentType(input));
  } catch (e) {
    if (e instanceof XlsxPatchError) throw new UsageError(e.message);
    throw e;
  }
  if (kind) checkOutputKind(kind, opts.input, opts.output!, 'content');
}

/** Every output in memory, in the order they are named; nothing touches the disk here. */
export async function produceOutputs(input: Uint8Array, analysis: Analysis, report: ReportDocument | undefined, opts: CliOptions): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  if (opts.output) {
    try {
      files.push({ flag: '-o', file: opts.output, content: await patchWorkbook(input, { plan: analysis.plan, reportSheet: renderReportSheet(report!) }) });
    } catch (e) {
      if (e instanceof XlsxPatchError) throw new UsageError(e.message);
      throw e;
    }
  }
  if (opts.json) files.push({ flag: '--json', file: opts.json, content: JSON.stringify(toSummary(analysis), null, 2) });
  if (opts.docx) {
    // Loaded only when asked for: the docx library is the CLI's largest module (about 9 MiB at start-up).
    const { renderReportDocx } = await import('../report-docx');
    files.push({ flag: '--docx', file: opts.docx, content: await renderReportDocx(report!) });
  }
  return files;
}

