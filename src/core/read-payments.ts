/**
 * Reading the payments table (支付明细, usually exported from the 预算管理一体化系统) into the
 * model. Built for 100,000 rows: cell addresses are made only when an issue needs one.
 */
import { address } from './address';
import { parseDate } from './dates';
import { PaymentsTable } from './detect';
import { Issue, issue } from './issues';
import { Payment, PaymentCellField, PaymentLayout, paymentCell } from './model';
import { Fen } from './money';
import { FOOTNOTE, PAGE_CARRY, PAGE_LINE, PAGE_TOTAL, TOTAL_LABEL, checkNumericCode, readAmount } from './read-cells';
import { CellValue, SheetSnapshot, isBlank, isUncalculated } from './snapshot';
import { cellText, clip, toHalfWidth } from './text';
import { UncalculatedCells } from './uncalculated';

function firstFilled(a: CellValue, b: CellValue, c: CellValue, d: CellValue): CellValue {
  return !isBlank(a) ? a : !isBlank(b) ? b : !isBlank(c) ? c : d;
}

export interface PaymentTotalRow {
  row: number;
  cell: string;
  amount: Fen;
  /** The payments the total covers: indexes from (inclusive) to (exclusive) — those above it, or, for a 合计 placed first, those below. */
  from: number;
  to: number;
}

export interface PaymentReadOptions {
  /** The workbook's date system: 1904-system serials are 1,462 days smaller than the 1900 ones the core counts in. */
  dateSystem?: 1900 | 1904;
  uncalculated?: UncalculatedCells;
}

export function readPayments(
  sheet: SheetSnapshot,
  table: PaymentsTable,
  issues: Issue[],
  options: PaymentReadOptions = {},
): { payments: Payment[]; paymentRows: number[]; totals: PaymentTotalRow[]; layout: PaymentLayout } {
  const dateSystem = options.dateSystem ?? 1900;
  const uncalculated = options.uncalculated ?? new UncalculatedCells();
  const repeated = new Set(table.repeatedHeaderRows);
  const loTotals = new Set((sheet.tables ?? []).filter((t) => t.totalsRow && t.rect.left <= table.right && t.rect.right >= table.left).map((t) => t.rect.bottom));
  // Only a file written without Excel has formulas with no value: most sheets skip the per-cell test.
  const mayBeUncalculated = (sheet.uncalculated?.length ?? 0) > 0;
  const cols = table.columns;
  const unit = table.columnUnits.amount ?? table.unit;
  const layout: PaymentLayout = { sheet: sheet.name, columns: { date: cols.date, voucher: cols.voucher, code: cols.code, name: cols.name, amount: cols.amount } };
  const payments: Payment[] = [];
  const paymentRows: number[] = [];
  const totals: PaymentTotalRow[] = [];
  const left = sheet.left;
  const cDate = cols.date, cVoucher = cols.voucher, cCode = cols.code, cName = cols.name, cAmount = cols.amount!, cPayee = cols.payee, cMemo = cols.memo;
  const get = (values: CellValue[], c: number | undefined): CellValue => (c === undefined ? null : values[c - left] ?? null);
  const cellOf = (p: Payment, f: PaymentCellField) => paymentCell(layout, p, f);
  let lastTotalAt = 0;
  // Where the current printed page's payments start (for 本页合计).
  let pageStart = 0;
  const numericCode = { done: false };
  const mapped = (Object.values(cols) as number[]).filter((c) => c !== cols.check);
  /**
   * A total row (合计, 本页合计, an Excel table's totals row) covering the payments from `from` to those read
   * so far; one whose amount is a formula with no value is named as not checked instead.
   */
  const addTotal = (row: number, value: CellValue, uncalculatedAmount: boolean, from: number) => {
    if (uncalculatedAmount) {
      uncalculated.add(sheet.name, row, cAmount, 'amount', true);
      return;
    }
    const amount = readAmount(sheet.name, row, cAmount, value, unit, 'amount', issues, 'warning');
    if (amount !== undefined) totals.push({ row, cell: address(sheet.name, row, cAmount), amount, from, to: payments.length });
  };
  for (let row = table.dataStart; row <= table.dataEnd; row++) {
    const values = sheet.values[row - sheet.top];
    // The header printed again inside the export (every page): neither a payment nor a total.
    if (!values || repeated.has(row)) continue;
    // Blank means blank in the table's own columns: the add-in loads only those, and the CLI must agree.
    let blank = true;
    for (const c of mapped) {
      if (!isBlank(values[c - left] ?? null)) {
        blank = false;
        break;
      }
    }
    const amountUncalculated = mayBeUncalculated && isUncalculated(sheet, row, cAmount);
    const dateUncalculated = mayBeUncalculated && cDate !== undefined && isUncalculated(sheet, row, cDate);
    if (blank && !amountUncalculated && !dateUncalculated) continue;
    const amountValue = get(values, cAmount);
    const labelValue = firstFilled(get(values, cCode), get(values, cName), get(values, cols.seq), get(values, cDate));
    // Every page label has 页 or a dash, every total label 计, 汇 or a t (total), in either width: cheap
    // tests before the normalising ones. An Excel table's totals row (汇总, Total, or no label) is a
    // total whatever it says.
    const listObjectTotal = loTotals.has(row);
    if (typeof labelValue === 'string' && (labelValue.includes('页') || labelValue.includes('-') || labelValue.includes('－'))) {
      const pageKey = toHalfWidth(labelValue).replace(/\s+/g, '');
      if (PAGE_CARRY.test(pageKey) || PAGE_LINE.test(pageKey)) {
        pageStart = payments.length;
        continue;
      }
      if (PAGE_TOTAL.test(pageKey)) {
        addTotal(row, amountValue, amountUncalculated, pageStart);
        pageStart = payments.length;
        continue;
      }
    }
    if (listObjectTotal || (typeof labelValue === 'string' && /[计汇tｔ]/i.test(labelValue))) {
      const labelKey = toHalfWidth(cellText(labelValue)).replace(/\s+/g, '');
      if (listObjectTotal || (TOTAL_LABEL.test(labelKey) && labelKey.length <= 20)) {
        // 累计 (本年累计, or 累计 under each page's 本页合计) is the running sum: every payment above it —
        // except 本月累计, the month's own, as 本月合计 is.
        const running = labelKey.includes('累计') && !labelKey.startsWith('本月');
        addTotal(row, amountValue, amountUncalculated, running ? 0 : lastTotalAt);
        lastTotalAt = payments.length;
        pageStart = payments.length;
        continue;
      }
    }
    if (isBlank(amountValue) && FOOTNOTE.test(toHalfWidth(cellText(labelValue)))) continue;
    // One object shape for every payment keeps V8's property access monomorphic.
    const p: Payment = { row, date: undefined, voucher: undefined, code: undefined, name: undefined, amount: undefined, payee: undefined, memo: undefined, project: undefined, uncalculated: false };
    if (dateUncalculated) {
      uncalculated.add(sheet.name, row, cDate!, 'date');
      p.uncalculated = true;
    } else if (cDate !== undefined) {
      const d = parseDate(get(values, cDate), dateSystem);
      if (d.ok) p.date = d.serial;
      else if (d.reason === 'empty') {
        issues.push(issue('MISSING_REQUIRED', 'warning', cellOf(p, 'date'), `支付日期为空，无法判断是否属于本年度，已按本年度计入。请补填日期。`, `The payment date is empty, so it cannot be placed in the fiscal year; it is counted. Fill in the date.`));
      } else if (d.reason === 'formula-error') {
        issues.push(issue('FORMULA_ERROR', 'error', cellOf(p, 'date'), `支付日期单元格是公式错误 ${d.text}，该笔支付未计入。请修正。`, `The payment date holds the formula error ${d.text}; the payment is not counted. Fix it.`));
        p.date = Number.NaN;
      } else {
        issues.push(
          issue(
            'DATE_INVALID',
            'error',
            cellOf(p, 'date'),
            d.reason === 'no-such-date' ? `支付日期“${clip(d.text)}”不存在，该笔支付未计入。请更正日期。` : `支付日期“${clip(d.text)}”无法识别，该笔支付未计入。请写成 2023-10-09 或 2023年10月9日 的形式。`,
            d.reason === 'no-such-date' ? `The payment date "${clip(d.text)}" does not exist; the payment is not counted. Correct the date.` : `The payment date "${clip(d.text)}" cannot be read; the payment is not counted. Write it as 2023-10-09.`,
          ),
        );
        p.date = Number.NaN;
      }
    }
    if (cVoucher !== undefined) p.voucher = cellText(get(values, cVoucher)) || undefined;
    if (cCode !== undefined) {
      const codeValue = get(values, cCode);
      if (typeof codeValue === 'number') checkNumericCode(codeValue, cellOf(p, 'code'), issues, numericCode);
      p.code = cellText(codeValue) || undefined;
    }
    if (cName !== undefined) p.name = cellText(get(values, cName)) || undefined;
    if (amountUncalculated) {
      uncalculated.add(sheet.name, row, cAmount, 'amount');
      p.uncalculated = true;
    } else if (isBlank(amountValue)) {
      issues.push(issue('MISSING_REQUIRED', 'error', cellOf(p, 'amount'), `此笔支付没有金额，请填写支付金额或删除该行。`, `This payment has no amount; fill it in or delete the row.`));
    } else {
      p.amount = readAmount(sheet.name, row, cAmount, amountValue, unit, 'amount', issues, 'warning');
    }
    if (cPayee !== undefined) p.payee = cellText(get(values, cPayee)) || undefined;
    if (cMemo !== undefined) p.memo = cellText(get(values, cMemo)) || undefined;
    if (!p.code && !p.name) {
      issues.push(issue('MISSING_REQUIRED', 'error', cellOf(p, cCode !== undefined ? 'code' : 'name'), `此笔支付没有项目编码或项目名称，无法归入项目。请填写。`, `This payment has neither a project code nor a project name, so it cannot be assigned. Fill one in.`));
    }
    payments.push(p);
    paymentRows.push(row);
  }
  // A total with no payment above it since the last one (合计 as the export's first row) covers those below it;
  // one right under another total with none below it either (总计 under 合计) covers every payment above it.
  totals.forEach((t, i) => {
    if (t.from < t.to) return;
    t.to = i + 1 < totals.length ? totals[i + 1].to : payments.length;
    if (t.from === t.to) t.from = 0;
  });
  return { payments, paymentRows, totals, layout };
}
