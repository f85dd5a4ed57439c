/**
 * Which kind of workbook a file is, and the rule that the output's extension matches its content:
 * Excel refuses to open a macro-enabled workbook saved under .xlsx (and the reverse). The output keeps
 * the input's content type (its macros are copied untouched), so a macro workbook goes out as .xlsm;
 * templates, add-ins and binary workbooks are refused with the reason, never converted silently.
 */
import * as path from 'path';
import { UsageError } from './cli-error';
import { type WorkbookKind, kindOfContentType, outputExtension } from './workbook-content';

export { kindOfContentType };
export type { WorkbookKind };

function extOf(file: string): string {
  return path.extname(file).toLowerCase().slice(1);
}

/** Files the input cannot be, known by their extension before anything is read. */
export function checkInputName(file: string): void {
  const ext = extOf(file);
  const name = path.basename(file);
  switch (ext) {
    case 'xlsb':
      throw new UsageError(`${name} 是二进制工作簿（.xlsb），本工具无法读取。请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后重试。`, `${name} is a binary workbook (.xlsb), which this tool cannot read. Save it as an Excel Workbook (*.xlsx) in Excel and try again.`);
    case 'xls':
    case 'xlt':
      throw new UsageError(`${name} 是旧版 Excel 97-2003 格式（.${ext}），本工具无法读取。请在 Excel 或 WPS 中另存为“Excel 工作簿 (*.xlsx)”后重试。`, `${name} is in the old Excel 97-2003 format (.${ext}). Save it as an Excel Workbook (*.xlsx) and try again.`);
    case 'et':
    case 'ett':
      throw new UsageError(`${name} 是 WPS 表格格式（.${ext}），本工具无法读取。请在 WPS 中另存为“Excel 工作簿 (*.xlsx)”后重试。`, `${name} is a WPS Spreadsheets file (.${ext}). Save it as an Excel Workbook (*.xlsx) in WPS and try again.`);
    case 'csv':
    case 'txt':
    case 'ods':
    case 'numbers':
      throw new UsageError(`${name} 不是 Excel 工作簿（.${ext}），本工具只能读取 .xlsx 和 .xlsm。请在表格程序中另存为“Excel 工作簿 (*.xlsx)”后重试。`, `${name} is not an Excel workbook (.${ext}); this tool reads .xlsx and .xlsm. Save it as an Excel Workbook (*.xlsx) and try again.`);
    default:
  }
}

/** The output extension a workbook of this kind must have, or why it cannot be written at all. */
function requiredExtension(kind: WorkbookKind, input: string): string {
  return outputExtension(kind, path.basename(input));
}

/**
 * Refuses an -o whose extension would not match what is written into it. Called with the kind the
 * input's name promises (before reading) and again with the kind its content declares.
 */
export function checkOutputKind(kind: WorkbookKind, input: string, output: string, known: 'name' | 'content'): void {
  const want = requiredExtension(kind, input);
  const got = extOf(output);
  if (got === want) return;
  const fixed = path.join(path.dirname(output), `${path.basename(output, path.extname(output))}.${want}`);
  const how = known === 'content' && extOf(input) !== kind ? `（文件名虽为 .${extOf(input) || '无扩展名'}，内容是 .${kind}）` : '';
  const howEn = known === 'content' && extOf(input) !== kind ? ` (its name says .${extOf(input) || 'nothing'}, its content is .${kind})` : '';
  if (want === 'xlsm') {
    throw new UsageError(
      `${path.basename(input)} 是启用宏的工作簿${how}，输出须保存为 .xlsm 才能保留宏并被 Excel 打开：请改用 -o ${fixed}`,
      `${path.basename(input)} is a macro-enabled workbook${howEn}; the output must be .xlsm to keep its macros and open in Excel: use -o ${fixed}`,
    );
  }
  throw new UsageError(
    `${path.basename(input)} 是普通工作簿（不含宏）${how}，输出应为 .xlsx，否则 Excel 无法打开：请改用 -o ${fixed}`,
    `${path.basename(input)} is a workbook without macros${howEn}; the output must be .xlsx or Excel will not open it: use -o ${fixed}`,
  );
}

/** The kind an input's name promises, when it promises one. */
export function kindOfName(file: string): WorkbookKind | undefined {
  const ext = extOf(file);
  return (['xlsx', 'xlsm', 'xltx', 'xltm', 'xlam', 'xlsb'] as const).find((k) => k === ext);
}
