/**
 * Why a file cannot be read, as one line a finance officer can act on, in Chinese and English. The
 * reader throws only this; the CLI prints the line for its --lang and exits 2.
 */
export type ReadFailure =
  | 'not-a-workbook'
  | 'text-file'
  | 'truncated'
  | 'encrypted'
  | 'legacy-xls'
  | 'legacy-office'
  | 'xlsb'
  | 'ods'
  | 'other-office'
  | 'strict'
  | 'duplicate-entry'
  | 'unsafe-entry'
  | 'part-too-large'
  | 'bomb'
  | 'out-of-grid'
  | 'too-many-cells'
  | 'damaged'
  | 'missing-part'
  | 'unsupported';

export class WorkbookReadError extends Error {
  override name = 'WorkbookReadError';
  constructor(
    readonly failure: ReadFailure,
    readonly zh: string,
    readonly en: string,
  ) {
    super(zh);
  }
}

const RESAVE_ZH = '请在 Excel 中打开后另存为“Excel 工作簿 (*.xlsx)”再重试。';
const RESAVE_EN = 'Open it in Excel and save it as "Excel Workbook (*.xlsx)", then try again.';

/** The messages, one place: each says what the file is and what to do. */
export const fail = {
  notAWorkbook: () => new WorkbookReadError('not-a-workbook', `不是有效的 .xlsx 文件（既不是 zip 包，也不是 Excel 文件）。${RESAVE_ZH}`, `This is not a valid .xlsx file (neither a zip package nor an Excel file). ${RESAVE_EN}`),
  textFile: (what: string, whatEn: string) =>
    new WorkbookReadError('text-file', `不是有效的 .xlsx 文件：它是${what}，只是扩展名为 .xlsx。${RESAVE_ZH}`, `This is not a valid .xlsx file: it is ${whatEn} with an .xlsx name. ${RESAVE_EN}`),
  truncated: () =>
    new WorkbookReadError('truncated', '不是有效的 .xlsx 文件：文件不完整（zip 包的末尾缺失，可能下载或复制时被截断）。请重新获取完整的文件后重试。', 'This is not a valid .xlsx file: it is incomplete (the end of the zip package is missing, perhaps a download or copy was cut short). Get the whole file again and retry.'),
  encrypted: () =>
    new WorkbookReadError(
      'encrypted',
      '文件已用密码加密，无法读取。请在 Excel 中去掉密码（文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码）并保存后重试。',
      'This file is encrypted — remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it), save, and try again.',
    ),
  encryptedOrXls: () =>
    new WorkbookReadError(
      'encrypted',
      '文件已用密码加密，或是旧版 .xls 格式（文件结构无法进一步识别）。请在 Excel 中取消密码（文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码），或另存为“Excel 工作簿 (*.xlsx)”后重试。',
      'This file is encrypted or an old .xls (its structure cannot be told apart). Remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it), or save it as "Excel Workbook (*.xlsx)", and try again.',
    ),
  legacyXls: () => new WorkbookReadError('legacy-xls', `不是有效的 .xlsx 文件：它是旧版 Excel 97-2003 工作簿（.xls），只是扩展名为 .xlsx。${RESAVE_ZH}`, `This is not a valid .xlsx file: it is an old Excel 97-2003 workbook (.xls) with an .xlsx name. ${RESAVE_EN}`),
  legacyOffice: () => new WorkbookReadError('legacy-office', `不是有效的 .xlsx 文件：它是 Office 97-2003 格式的文件，不是 Excel 工作簿。${RESAVE_ZH}`, `This is not a valid .xlsx file: it is an Office 97-2003 file, not an Excel workbook. ${RESAVE_EN}`),
  xlsb: () => new WorkbookReadError('xlsb', `这是 Excel 二进制工作簿（.xlsb），本工具只能读取 .xlsx。${RESAVE_ZH}`, `This is an Excel binary workbook (.xlsb); only .xlsx can be read. ${RESAVE_EN}`),
  ods: () => new WorkbookReadError('ods', `这是 OpenDocument 表格（.ods），不是 .xlsx。请在 WPS、LibreOffice 或 Excel 中另存为“Excel 工作簿 (*.xlsx)”再重试。`, `This is an OpenDocument spreadsheet (.ods), not .xlsx. Save it as "Excel Workbook (*.xlsx)" in WPS, LibreOffice or Excel, then try again.`),
  otherOffice: (what: string, whatEn: string) => new WorkbookReadError('other-office', `不是 Excel 工作簿：它是${what}。请选择预算执行工作簿（.xlsx）。`, `This is not an Excel workbook: it is ${whatEn}. Choose the budget workbook (.xlsx).`),
  strict: () => new WorkbookReadError('strict', `此文件是“严格 Open XML（Strict）”格式，本工具只能读取常规 .xlsx。${RESAVE_ZH}`, `This file is in Strict Open XML format; only regular .xlsx can be read. ${RESAVE_EN}`),
  duplicateEntry: (name: string) =>
    new WorkbookReadError('duplicate-entry', `文件结构异常：zip 包中有两个同名部件“${name}”，无法确定该读哪一个。${RESAVE_ZH}`, `The file is malformed: its zip package holds two parts named "${name}", so it is unclear which to read. ${RESAVE_EN}`),
  unsafeEntry: (name: string) =>
    new WorkbookReadError('unsafe-entry', `文件结构异常：zip 包中的部件名“${name}”指向包外，已拒绝读取。${RESAVE_ZH}`, `The file is malformed: the zip entry name "${name}" points outside the package; it was refused. ${RESAVE_EN}`),
  partTooLarge: (part: string, limit: string) =>
    new WorkbookReadError('part-too-large', `文件中的“${part}”解压后超过 ${limit}，超出本工具的处理范围，已停止读取。请删去不需要的内容后重试。`, `The part "${part}" inflates to more than ${limit}, beyond what this tool reads; reading stopped. Remove what is not needed and try again.`),
  bomb: (part: string, ratio: number) =>
    new WorkbookReadError('bomb', `文件中的“${part}”压缩比超过 ${ratio} 倍，不像正常的工作簿（疑似“zip 炸弹”），已停止读取。`, `The part "${part}" expands more than ${ratio}-fold, which no normal workbook does (a suspected zip bomb); reading stopped.`),
  outOfGrid: (sheet: string, ref: string) =>
    new WorkbookReadError(
      'out-of-grid',
      `工作表“${sheet}”中有超出 Excel 范围的单元格（${ref}；最多 1,048,576 行、16,384 列），文件已损坏或不是 Excel 写出的。${RESAVE_ZH}`,
      `Sheet "${sheet}" has a cell beyond Excel's grid (${ref}; at most 1,048,576 rows and 16,384 columns): the file is damaged or was not written by Excel. ${RESAVE_EN}`,
    ),
  tooManyCells: (limit: number) =>
    new WorkbookReadError(
      'too-many-cells',
      `工作簿中有内容的单元格超过 ${limit.toLocaleString('en-US')} 个，超出本工具的处理范围。请删去不需要的工作表或行后重试。`,
      `The workbook has more than ${limit.toLocaleString('en-US')} cells with content, beyond what this tool reads. Remove sheets or rows that are not needed and try again.`,
    ),
  damaged: (part: string, why: string, whyEn: string) => new WorkbookReadError('damaged', `文件已损坏：“${part}”${why}。${RESAVE_ZH}`, `The file is damaged: "${part}" ${whyEn}. ${RESAVE_EN}`),
  missingPart: (part: string) => new WorkbookReadError('missing-part', `文件不完整：缺少“${part}”部件。${RESAVE_ZH}`, `The file is incomplete: the part "${part}" is missing. ${RESAVE_EN}`),
  unsupported: (part: string, what: string, whatEn: string) => new WorkbookReadError('unsupported', `无法读取“${part}”：${what}。${RESAVE_ZH}`, `Cannot read "${part}": ${whatEn}. ${RESAVE_EN}`),
};
