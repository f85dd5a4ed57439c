/**
 * A workbook's kind from its content type, and the extension its computed copy must have (Excel
 * refuses a macro workbook saved as .xlsx and the reverse). Environment-neutral: the CLI and the
 * browser page name their output by the same rule; workbook-kind.ts adds the CLI's file-name checks.
 */
import { UsageError } from './cli-error';

export type WorkbookKind = 'xlsx' | 'xlsm' | 'xltx' | 'xltm' | 'xlam' | 'xlsb';

/** The workbook part's content type → kind. */
const MAIN_CONTENT_TYPES: Record<string, WorkbookKind> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'xlsx',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': 'xlsm',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': 'xltx',
  'application/vnd.ms-excel.template.macroEnabled.main+xml': 'xltm',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml': 'xlam',
  'application/vnd.ms-excel.sheet.binary.macroEnabled.main': 'xlsb',
};

export function kindOfContentType(contentType: string | undefined): WorkbookKind | undefined {
  return contentType ? MAIN_CONTENT_TYPES[contentType.trim()] : undefined;
}

/** The output extension a workbook of this kind must have, or why it cannot be written at all. */
export function outputExtension(kind: WorkbookKind, name: string): string {
  switch (kind) {
    case 'xlsx':
    case 'xlsm':
      return kind;
    case 'xltx':
    case 'xltm':
      throw new UsageError(
        `${name} 是 Excel 模板（.${kind}）：模板是新建工作簿的样板，结果不应写回模板。请在 Excel 中用此模板新建工作簿，另存为 .${kind === 'xltx' ? 'xlsx' : 'xlsm'} 后再运行。`,
        `${name} is an Excel template (.${kind}); results do not belong in a template. Create a workbook from it in Excel, save it as .${kind === 'xltx' ? 'xlsx' : 'xlsm'}, and run on that.`,
      );
    case 'xlam':
      throw new UsageError(`${name} 是 Excel 加载项（.xlam），不是预算工作簿。`, `${name} is an Excel add-in (.xlam), not a budget workbook.`);
    case 'xlsb':
      throw new UsageError(`${name} 是二进制工作簿（.xlsb），本工具无法改写。请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后重试。`, `${name} is a binary workbook (.xlsb), which this tool cannot rewrite. Save it as an Excel Workbook (*.xlsx) and try again.`);
  }
}

