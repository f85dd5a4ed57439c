/**
 * Office's errors as plain sentences that say what to do. Every failure of the shell leaves it as an
 * OfficeActionError, so the task pane and the ribbon command show the same words in either language.
 */
import type { Lang } from './host';

export class OfficeActionError extends Error {
  override name = 'OfficeActionError';

  constructor(
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    override readonly cause?: unknown,
  ) {
    super(messageZh);
  }

  text(lang: Lang): string {
    return lang === 'en' ? this.messageEn : this.messageZh;
  }
}

type Sentence = { zh: string; en: string };

const RETRY_OR_TELL = { zh: '请重试；如仍失败，请把这条消息告知维护人员。', en: 'Try again; if it keeps failing, send this message to the maintainers.' };

/** OfficeExtension.Error codes (Excel's, plus the ones Office.js raises itself). */
const BY_CODE: Record<string, Sentence> = {
  AccessDenied: {
    zh: '工作表或工作簿受保护，Excel 拒绝了修改。请在“审阅”选项卡中点击“撤销工作表保护”；如工作簿结构受保护，再点击“保护工作簿”撤销工作簿保护，然后重试。',
    en: 'The sheet or the workbook is protected, so Excel refused the change. Unprotect the sheet (Review › Unprotect Sheet) and, if the workbook structure is protected, the workbook too (Review › Protect Workbook), then try again.',
  },
  InvalidOperationInCellEditMode: {
    zh: 'Excel 正在编辑某个单元格。请按 Enter 或 Esc 结束编辑后重试。',
    en: 'Excel is editing a cell. Press Enter or Esc to finish editing, then try again.',
  },
  EditModeCannotAuthor: {
    zh: 'Excel 正在编辑某个单元格。请按 Enter 或 Esc 结束编辑后重试。',
    en: 'Excel is editing a cell. Press Enter or Esc to finish editing, then try again.',
  },
  InvalidArgument: {
    zh: 'Excel 拒绝了要写入的内容（参数无效）。请检查结果列是否有合并单元格或数组公式，取消后重试。',
    en: 'Excel refused the data to be written (invalid argument). Check the result columns for merged cells or array formulas, remove them and try again.',
  },
  RequestPayloadSizeLimitExceeded: {
    zh: '一次传给 Excel 的数据超过了 5 MB 的上限（Excel 网页版的限制）。请在 Excel 桌面版中运行，或把支付明细拆成较小的表后重试。',
    en: 'More than 5 MB had to go to Excel in one request (the limit of Excel on the web). Run it in Excel desktop, or split the payments table, and try again.',
  },
  ResponsePayloadSizeLimitExceeded: {
    zh: '一次从 Excel 读取的数据超过了 5 MB 的上限（Excel 网页版的限制）。请在 Excel 桌面版中运行，或删除工作表中不用的内容后重试。',
    en: 'More than 5 MB had to come from Excel in one response (the limit of Excel on the web). Run it in Excel desktop, or remove unused content from the sheets, and try again.',
  },
  RangeExceedsLimit: {
    zh: '要处理的单元格超过了 Excel 单次 500 万个的上限。请删除表格下方或右侧多余的内容后重试。',
    en: 'More cells than Excel handles at once (5 million). Delete stray content below or to the right of the tables and try again.',
  },
  ItemNotFound: {
    zh: '要读写的工作表或单元格已不存在（可能刚被重命名或删除）。请重新“检查”后再试。',
    en: 'A sheet or cell to be read or written no longer exists (it may have just been renamed or deleted). Run the check again and retry.',
  },
  ItemAlreadyExists: {
    zh: '已有同名的工作表。请重命名或删除它后重试。',
    en: 'A sheet with that name already exists. Rename or delete it and try again.',
  },
  ApiNotFound: {
    zh: '这个版本的 Excel 缺少所需的功能（至少需要 ExcelApi 1.4）。请更新 Office，或改用 Excel 网页版。',
    en: 'This version of Excel lacks a feature the add-in needs (ExcelApi 1.4 or later). Update Office, or use Excel on the web.',
  },
  NotImplemented: {
    zh: '这个版本的 Excel 不支持该操作。请更新 Office，或改用 Excel 网页版。',
    en: 'This version of Excel does not support the operation. Update Office, or use Excel on the web.',
  },
  UnsupportedOperation: {
    zh: '这个版本的 Excel 不支持该操作。请更新 Office，或改用 Excel 网页版。',
    en: 'This version of Excel does not support the operation. Update Office, or use Excel on the web.',
  },
  InvalidOperation: {
    zh: 'Excel 当前不允许这个操作（例如工作表被隐藏，或只剩一个可见工作表）。请检查后重试。',
    en: 'Excel does not allow the operation right now (a hidden sheet, or the last visible sheet). Check and try again.',
  },
  Unauthenticated: {
    zh: 'Office 登录已失效。请重新登录 Office 后重试。',
    en: 'Your Office sign-in has expired. Sign in again and retry.',
  },
  ActivityLimitReached: {
    zh: 'Excel 暂时繁忙（操作次数达到上限）。请稍等片刻后重试。',
    en: 'Excel is busy (activity limit reached). Wait a moment and try again.',
  },
  ConnectionFailure: {
    zh: '与 Excel 的连接中断。请检查网络后重试。',
    en: 'The connection to Excel was lost. Check the network and try again.',
  },
  GeneralException: {
    zh: 'Excel 内部出错。请保存工作簿后重试；如仍失败，请关闭并重新打开工作簿。',
    en: 'Excel hit an internal error. Save the workbook and try again; if it keeps failing, close and reopen the workbook.',
  },
};

/** Mistakes of the add-in itself rather than of the workbook: the user can only retry and tell us. */
const ADDIN_BUGS = new Set(['InvalidObjectPath', 'InvalidRequestContext', 'PropertyNotLoaded', 'ValueNotLoaded', 'RunMustReturnPromise', 'InvalidReference']);

function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

/** Any thrown value as an OfficeActionError with a sentence in both languages. */
export function toActionError(e: unknown): OfficeActionError {
  if (e instanceof OfficeActionError) return e;
  const code = codeOf(e) ?? 'Unexpected';
  const known = BY_CODE[code];
  if (known) return new OfficeActionError(code, known.zh, known.en, e);
  const detail = e instanceof Error ? e.message : String(e);
  if (ADDIN_BUGS.has(code)) {
    return new OfficeActionError(code, `加载项内部出错（${code}）。${RETRY_OR_TELL.zh}`, `The add-in made an internal error (${code}). ${RETRY_OR_TELL.en}`, e);
  }
  return new OfficeActionError(code, `出现意外错误：${detail}。${RETRY_OR_TELL.zh}`, `Unexpected error: ${detail}. ${RETRY_OR_TELL.en}`, e);
}

/** A plain sentence with what to do, for a message bar or a dialog. */
export function describeOfficeError(e: unknown, lang: Lang): string {
  return toActionError(e).text(lang);
}

/** Protected sheets are found before anything is written, so the message can name them. */
export function protectedSheetError(sheets: string[]): OfficeActionError {
  const zh = sheets.map((s) => `“${s}”`).join('、');
  const en = sheets.map((s) => `"${s}"`).join(', ');
  return new OfficeActionError(
    'SheetProtected',
    `工作表${zh}受保护，未写入任何内容。请在“审阅”选项卡中点击“撤销工作表保护”后重试。`,
    `Sheet ${en} is protected; nothing was written. Unprotect it (Review › Unprotect Sheet) and try again.`,
  );
}

/**
 * Workbook structure protection (审阅 › 保护工作簿): the add-in cannot add its undo sheet or the
 * report sheet, nor remove a replaced one. Found before anything is written.
 */
export function workbookProtectedError(cause?: unknown): OfficeActionError {
  return new OfficeActionError(
    'WorkbookProtected',
    '工作簿的结构受保护（审阅 › 保护工作簿），加载项无法添加或删除它需要的工作表，未写入任何内容。请在“审阅”选项卡中点击“保护工作簿”，撤销工作簿保护后重试。',
    "The workbook's structure is protected (Review › Protect Workbook), so the add-in cannot add or remove the sheets it needs; nothing was written. Unprotect the workbook (Review › Protect Workbook) and try again.",
    cause,
  );
}

/** Output cells the plan would write lie in merged areas: refused before anything is written. */
export function mergedOutputError(cells: { block: string; merge: string }[]): OfficeActionError {
  const zh = cells.map((c) => `${c.block}（合并单元格 ${c.merge}）`).join('、');
  const en = cells.map((c) => `${c.block} (merged cells ${c.merge})`).join(', ');
  return new OfficeActionError(
    'MergedOutputCells',
    `结果要写入的单元格 ${zh} 位于合并单元格中，Excel 无法只改写合并区域的一部分，未写入任何内容。请选中这些单元格，在“开始”选项卡中点击“合并后居中”取消合并后重试。`,
    `The result cells ${en} lie in merged cells, and Excel cannot change part of a merged area; nothing was written. Select them, unmerge them (Home › Merge & Center) and try again.`,
  );
}

/** A block Excel refused to write when merged areas could not be read (ExcelApi below 1.13). */
export function refusedBlockError(block: string, cause: unknown): OfficeActionError {
  const base = toActionError(cause);
  return new OfficeActionError(
    base.code,
    `Excel 拒绝写入 ${block}（常见原因是其中有合并单元格）。请检查这些单元格，取消合并（开始 › 合并后居中）后重试。`,
    `Excel refused to write ${block} (merged cells there are the usual reason). Check those cells, unmerge them (Home › Merge & Center) and try again.`,
    cause,
  );
}

/** A failure after the undo store was saved: some cells may hold new values, and undo can put them back. */
export function partialWriteError(e: unknown): OfficeActionError {
  const base = toActionError(e);
  return new OfficeActionError(
    base.code,
    `${base.messageZh}部分单元格可能已经写入；点击“撤销上次计算”可恢复原样。`,
    `${base.messageEn} Some cells may already hold new values; click Undo last run to put them back.`,
    base.cause ?? e,
  );
}
