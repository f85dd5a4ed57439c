/**
 * The one error the patcher throws for a workbook it cannot safely edit. The message is for the user:
 * it says, in Chinese, what is wrong with the file and what to do about it.
 */
export class XlsxPatchError extends Error {
  override name = 'XlsxPatchError';
}

/** The advice every "this file is unusual" message ends with. */
export const RESAVE_ADVICE = '请在 Excel 中打开后另存为“Excel 工作簿 (*.xlsx)”再重试。';
