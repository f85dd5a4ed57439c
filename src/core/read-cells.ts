/**
 * Reading single cells of either table: amounts (with the issue that names a bad one), and the labels
 * that mark 小计/合计 rows and footnotes, which both tables recognise the same way.
 */
import { address } from './address';
import { Issue, issue } from './issues';
import { AMOUNT_WORDS, AmountField } from './model';
import { Fen, MoneyUnit, parseAmount } from './money';
import { CellValue } from './snapshot';
import { cellText, clip } from './text';

/** Read one amount cell; report what is wrong with it. */
export function readAmount(
  sheet: string,
  row: number,
  col: number,
  value: CellValue,
  unit: MoneyUnit,
  field: AmountField | 'amount',
  issues: Issue[],
  negativeSeverity: 'error' | 'warning',
): Fen | undefined {
  const p = parseAmount(value, unit);
  // The address is made only for an issue: 100,000 payments would otherwise make 100,000 strings for none.
  const cell = () => address(sheet, row, col);
  if (p.ok) {
    if (p.rounded) {
      issues.push(
        issue('AMOUNT_SUB_FEN', 'warning', cell(), `${AMOUNT_WORDS[field].zh}“${clip(String(value))}”精确到分以下，已四舍五入到分。请核对金额。`, `The ${AMOUNT_WORDS[field].en} "${clip(String(value))}" is finer than one fen; it was rounded to the fen. Check the amount.`),
      );
    }
    if (p.fen < 0n) {
      issues.push(
        field === 'amount'
          ? issue('NEGATIVE_AMOUNT', negativeSeverity, cell(), `支付金额为负数（${clip(String(value))}）。如是退款或冲销请在摘要中注明；否则请更正。负数已计入合计。`, `The payment amount is negative (${clip(String(value))}). If it is a refund or reversal, say so in the memo; otherwise correct it. It is included in the sums.`)
          : issue('NEGATIVE_AMOUNT', negativeSeverity, cell(), `${AMOUNT_WORDS[field].zh}为负数（${clip(String(value))}），请更正为正数。`, `The ${AMOUNT_WORDS[field].en} is negative (${clip(String(value))}); correct it.`),
      );
    }
    return p.fen;
  }
  if (p.reason === 'empty') return undefined;
  if (p.reason === 'formula-error') {
    issues.push(issue('FORMULA_ERROR', 'error', cell(), `${AMOUNT_WORDS[field].zh}单元格是公式错误 ${p.text}，请修正公式或改填数字。`, `The ${AMOUNT_WORDS[field].en} cell holds the formula error ${p.text}; fix the formula or type the number.`));
  } else if (p.reason === 'out-of-range') {
    issues.push(issue('AMOUNT_OUT_OF_RANGE', 'error', cell(), `${AMOUNT_WORDS[field].zh}“${clip(p.text)}”超出合理范围（超过一万亿元），请核对单位和数字。`, `The ${AMOUNT_WORDS[field].en} "${clip(p.text)}" is out of range (over one trillion yuan); check the unit and the number.`));
  } else {
    // Unknown, never 0: the figure is left out of rates and totals' bases until a number is typed.
    const paid = field === 'executed';
    const effect = field === 'amount' ? ['，该笔支付未计入', '; the payment is not counted'] : field === 'executed' || field === 'budget' ? ['，该项目不计算执行率', '; no rate is computed for the project'] : ['', ''];
    issues.push(
      issue(
        'AMOUNT_NOT_NUMERIC',
        'error',
        cell(),
        `${AMOUNT_WORDS[field].zh}“${clip(p.text)}”不是数字，不按0计算${effect[0]}。请填写金额（如 85.6）${paid ? '；确未支付的请填 0' : ''}。`,
        `The ${AMOUNT_WORDS[field].en} "${clip(p.text)}" is not a number and is not counted as 0${effect[1]}. Type an amount (e.g. 85.6)${paid ? ', or 0 if nothing was paid' : ''}.`,
      ),
    );
  }
  return undefined;
}

/**
 * 小计/合计/总计/共计 at the start or end of a label — at the end also as 合计数, 合计金额 or with its
 * unit, 合计(万元) (上级资金合计数 is a total, never a project); 累计 at its end (本年累计); 汇总 or
 * Total alone (the label Excel gives a table's totals row). Tested on the label with spaces removed
 * and made half-width.
 */
export const TOTAL_LABEL = /(小计|合计|总计|共计|累计)(数|金额|额)?(\([^)]*\))?[:：]?$|^(小计|合计|总计|共计)|^(汇总|total|subtotal|grandtotal)[:：]?$/i;
export const HEADING = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/;
/**
 * A printed export's page furniture: 过次页/转下页 carry a page's running sum to the next, 承前页/
 * 承上页 bring it in — counted again they would double the money — and 第1页 共3页 lines.
 * Tested on the label with spaces removed and full-width characters made half-width.
 */
export const PAGE_CARRY = /^(过次页|转次页|转下页|承前页|承上页|接上页|上页结转|结转下页)/;
export const PAGE_LINE = /^(第\d+页(共\d+页)?|共\d+页|-\d+-)$/;
/** A page's own total (本页合计): it covers the rows of its page only. */
export const PAGE_TOTAL = /^本页(合计|小计)/;

/** A note or a signature line under a table (export systems add 制单人：… and 打印时间：…). */
export const FOOTNOTE = /^(注|说明|备注|填报|制表|审核|单位负责人|负责人|联系人|填表|财务负责人)|^(制单人?|经办人?|复核人?|出纳|会计主管|打印日期|打印时间|导出日期|导出时间)[:：]/;

/**
 * A project code typed as a number: Excel keeps 15 significant digits, so an 18-digit budget code
 * is already damaged (522700230000000123 becomes 522700230000000000). Say so once per table.
 */
export function checkNumericCode(v: CellValue, cell: string, issues: Issue[], seen: { done: boolean }): void {
  if (seen.done || typeof v !== 'number' || Math.abs(v) < 1e15) return;
  seen.done = true;
  issues.push(
    issue(
      'CODE_AS_NUMBER',
      'warning',
      cell,
      `项目编码以数字保存（${cellText(v)}），超过15位的数字在 Excel 中会丢失末位，可能与支付明细对不上。请把编码列设为“文本”格式后重新输入编码。`,
      `The project code is stored as a number (${cellText(v)}); Excel keeps only 15 digits, so long codes lose their last digits and may not match the payments. Format the code column as Text and retype the codes.`,
    ),
  );
}

