/**
 * Excel's limit on a cell's text: 32,767 characters. What the engine writes (偏差说明 quoting a long
 * 未完成原因, 校验提示 listing many issues, a report paragraph) is shortened to fit, ending with "…"
 * and, where it fits, a pointer to where the full text is.
 */

/** The most characters (UTF-16 code units, as Excel counts them) one cell can hold. */
export const EXCEL_CELL_MAX_CHARS = 32_767;

/**
 * The text as it may be written into one cell: unchanged when it fits; otherwise cut (never inside a
 * surrogate pair) and ended with "…" plus `where` — e.g. "（未完成原因全文见项目资金!P5）" — when
 * that fits too.
 */
export function fitCellText(text: string, where = '', max = EXCEL_CELL_MAX_CHARS): string {
  if (text.length <= max) return text;
  const tail = `…${where}`.length <= max / 2 ? `…${where}` : '…';
  let cut = max - tail.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return text.slice(0, cut) + tail;
}
