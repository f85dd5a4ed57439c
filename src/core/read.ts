/**
 * Reading the rows of a detected table into the model: projects, 小计/合计 rows, group headings,
 * payments. Every cell that cannot be read becomes an issue naming it; the row is still kept where
 * it can be, so one bad cell never stops the run.
 */
import { address } from './address';
import { parseDate } from './dates';
import { FundsTable, PaymentsTable } from './detect';
import { FundField } from './fields';
import { Issue } from './issues';
import { AMOUNT_FIELDS, AmountField, Model, Payment, PaymentCellField, PaymentLayout, Project, Sourced, TEXT_FIELDS, TotalRow, TotalScope, paymentCell } from './model';
import { Fen, MoneyUnit, parseAmount } from './money';
import { CellValue, SheetSnapshot, cellAt, isBlank } from './snapshot';
import { cellText, clip, toHalfWidth } from './text';

const FIELD_ZH: Record<AmountField | 'amount', string> = {
  initialBudget: '年初预算数',
  budget: '全年预算数',
  fiscal: '财政拨款',
  carryover: '上年结转',
  other: '其他资金',
  executed: '执行数',
  amount: '支付金额',
};
const FIELD_EN: Record<AmountField | 'amount', string> = {
  initialBudget: 'initial budget',
  budget: 'budget',
  fiscal: 'appropriation',
  carryover: 'carry-over',
  other: 'other funds',
  executed: 'executed amount',
  amount: 'payment amount',
};

function issue(code: Issue['code'], severity: Issue['severity'], cell: string, message: string, messageEn: string): Issue {
  return { code, severity, cell, message, messageEn };
}

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
  const cell = address(sheet, row, col);
  if (p.ok) {
    if (p.rounded) {
      issues.push(
        issue('AMOUNT_SUB_FEN', 'warning', cell, `${FIELD_ZH[field]}“${clip(p.unit === unit ? String(value) : String(value))}”精确到分以下，已四舍五入到分。请核对金额。`, `The ${FIELD_EN[field]} "${clip(String(value))}" is finer than one fen; it was rounded to the fen. Check the amount.`),
      );
    }
    if (p.fen < 0n) {
      issues.push(
        field === 'amount'
          ? issue('NEGATIVE_AMOUNT', negativeSeverity, cell, `支付金额为负数（${clip(String(value))}）。如是退款或冲销请在摘要中注明；否则请更正。负数已计入合计。`, `The payment amount is negative (${clip(String(value))}). If it is a refund or reversal, say so in the memo; otherwise correct it. It is included in the sums.`)
          : issue('NEGATIVE_AMOUNT', negativeSeverity, cell, `${FIELD_ZH[field]}为负数（${clip(String(value))}），请更正为正数。`, `The ${FIELD_EN[field]} is negative (${clip(String(value))}); correct it.`),
      );
    }
    return p.fen;
  }
  if (p.reason === 'empty') return undefined;
  if (p.reason === 'formula-error') {
    issues.push(issue('FORMULA_ERROR', 'error', cell, `${FIELD_ZH[field]}单元格是公式错误 ${p.text}，请修正公式或改填数字。`, `The ${FIELD_EN[field]} cell holds the formula error ${p.text}; fix the formula or type the number.`));
  } else if (p.reason === 'out-of-range') {
    issues.push(issue('AMOUNT_OUT_OF_RANGE', 'error', cell, `${FIELD_ZH[field]}“${clip(p.text)}”超出合理范围（超过一万亿元），请核对单位和数字。`, `The ${FIELD_EN[field]} "${clip(p.text)}" is out of range (over one trillion yuan); check the unit and the number.`));
  } else {
    issues.push(issue('AMOUNT_NOT_NUMERIC', 'error', cell, `${FIELD_ZH[field]}“${clip(p.text)}”不是数字，请填写金额（如 85.6），未定的请填 0 并在备注说明。`, `The ${FIELD_EN[field]} "${clip(p.text)}" is not a number; type an amount (e.g. 85.6), or 0 with a note if it is not settled.`));
  }
  return undefined;
}

const TOTAL_LABEL = /(小计|合计|总计|共计)[:：]?$|^(小计|合计|总计|共计)/;
const HEADING = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/;
const FOOTNOTE = /^(注|说明|备注|填报|制表|审核|单位负责人|负责人|联系人|填表|财务负责人)/;

function stripNumbering(s: string): string {
  return s.replace(/^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])\s*/, '').replace(/[:：]$/, '').trim();
}

function textOf(sheet: SheetSnapshot, row: number, col: number | undefined): string {
  return col === undefined ? '' : cellText(cellAt(sheet, row, col));
}

/** A text cell for the report: numbers in a satisfaction column read as percentages. */
function reportText(v: CellValue, field: string): string {
  if (typeof v === 'number' && field === 'satisfaction') {
    const pct = v <= 1 ? v * 100 : v;
    return `${Number(pct.toFixed(2))}%`;
  }
  return cellText(v);
}

export const DEFAULT_GROUP = '项目支出';

/**
 * A project code typed as a number: Excel keeps 15 significant digits, so an 18-digit budget code
 * is already damaged (522700230000000123 becomes 522700230000000000). Say so once per table.
 */
function checkNumericCode(v: CellValue, cell: string, issues: Issue[], seen: { done: boolean }): void {
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

export function readFunds(sheet: SheetSnapshot, table: FundsTable, issues: Issue[]): Pick<Model, 'projects' | 'totals' | 'fundRows' | 'groups'> {
  const cols = table.columns;
  const unitOf = (f: FundField) => table.columnUnits[f] ?? table.unit;
  const projects: Project[] = [];
  const totals: TotalRow[] = [];
  const fundRows: Model['fundRows'] = [];
  const groups: Model['groups'] = [];
  const labelCols = (['seq', 'group', 'subgroup', 'name', 'code'] as FundField[]).map((f) => cols[f]).filter((c): c is number => c !== undefined);
  const tableCols = Object.values(cols) as number[];
  let group = '';
  let subgroup: string | undefined;
  let headingGroup = '';
  let headingSubgroup: string | undefined;
  let sinceBoundary: number[] = [];
  const numericCode = { done: false };

  const noteGroup = (g: string, sg?: string) => {
    let entry = groups.find((x) => x.name === g);
    if (!entry) groups.push((entry = { name: g, subgroups: [] }));
    if (sg && !entry.subgroups.includes(sg)) entry.subgroups.push(sg);
  };

  for (let row = table.dataStart; row <= table.dataEnd; row++) {
    const values = sheet.values[row - sheet.top] ?? [];
    const allBlank = tableCols.every((c) => isBlank(values[c - sheet.left] ?? null)) && values.every((v) => isBlank(v));
    if (allBlank) {
      fundRows.push({ row, kind: 'blank' });
      continue;
    }
    const label = labelCols.map((c) => cellText(cellAt(sheet, row, c))).find((t) => t !== '') ?? cellText(values.find((v) => !isBlank(v)) ?? null);
    const labelKey = toHalfWidth(label).replace(/\s+/g, '');
    const amountCells = AMOUNT_FIELDS.filter((f) => cols[f] !== undefined && !isBlank(cellAt(sheet, row, cols[f]!)));
    const code = textOf(sheet, row, cols.code);
    const name = textOf(sheet, row, cols.name);

    if (TOTAL_LABEL.test(labelKey) && !code && labelKey.length <= 40) {
      const amounts = readAmounts(sheet, row, table, issues, unitOf);
      const base = labelKey.replace(TOTAL_LABEL, '').replace(/[:：]$/, '');
      let scope: TotalScope;
      const named = base ? groups.flatMap((g) => [{ group: g.name, subgroup: undefined as string | undefined }, ...g.subgroups.map((s) => ({ group: g.name, subgroup: s }))]).find((x) => (x.subgroup ?? x.group).replace(/\s+/g, '').includes(base) || base.includes((x.subgroup ?? x.group).replace(/\s+/g, ''))) : undefined;
      if (named) scope = { kind: 'group', group: named.group, subgroup: named.subgroup };
      else if (/^(合计|总计|共计)/.test(labelKey) && isLastTotal(sheet, table, row)) scope = { kind: 'all' };
      else scope = { kind: 'since', projects: sinceBoundary };
      totals.push({ sheet: sheet.name, row, cell: address(sheet.name, row, labelCols.find((c) => cellText(cellAt(sheet, row, c)) !== '') ?? sheet.left), label, scope, amounts });
      fundRows.push({ row, kind: 'total', ref: totals.length - 1 });
      sinceBoundary = [];
      continue;
    }
    if (amountCells.length === 0 && !code && FOOTNOTE.test(labelKey)) {
      fundRows.push({ row, kind: 'footnote' });
      continue;
    }
    if (amountCells.length === 0 && !code) {
      const heading = HEADING.exec(labelKey);
      const groupOnly = !name && cols.group !== undefined && textOf(sheet, row, cols.group) !== '';
      if (heading || groupOnly) {
        const text = stripNumbering(label);
        if (heading && heading[0].startsWith('(')) {
          headingSubgroup = text;
        } else {
          headingGroup = text;
          headingSubgroup = undefined;
        }
        group = '';
        subgroup = undefined;
        sinceBoundary = [];
        fundRows.push({ row, kind: 'heading' });
        continue;
      }
    }

    // A project row.
    if (cols.code !== undefined) checkNumericCode(cellAt(sheet, row, cols.code), address(sheet.name, row, cols.code), issues, numericCode);
    const groupCell = textOf(sheet, row, cols.group);
    const subCell = textOf(sheet, row, cols.subgroup);
    if (groupCell) {
      if (stripNumbering(groupCell) !== group) subgroup = undefined;
      group = stripNumbering(groupCell);
    }
    if (subCell) subgroup = stripNumbering(subCell);
    const g = group || headingGroup || DEFAULT_GROUP;
    const sg = subgroup ?? (group ? undefined : headingSubgroup);
    const index = projects.length;
    const nameCol = cols.name!;
    const project: Project = {
      index,
      sheet: sheet.name,
      row,
      cell: address(sheet.name, row, nameCol),
      name,
      code: code || undefined,
      group: g,
      subgroup: sg,
      amounts: readAmounts(sheet, row, table, issues, unitOf),
      unreadable: [],
      texts: {},
    };
    project.unreadable = AMOUNT_FIELDS.filter((f) => !project.amounts[f] && cols[f] !== undefined && !isBlank(cellAt(sheet, row, cols[f]!)));
    for (const f of TEXT_FIELDS) {
      const col = cols[f];
      if (col === undefined) continue;
      const t = reportText(cellAt(sheet, row, col), f);
      if (t) project.texts[f] = { value: t, cell: address(sheet.name, row, col) };
    }
    if (!name) {
      issues.push(issue('MISSING_REQUIRED', 'error', project.cell, `此行有金额但没有项目名称，请填写项目名称；如是合计行，请写明“小计”或“合计”。`, `This row has amounts but no project name; fill in the name, or label it 小计/合计 if it is a total row.`));
    }
    const budgetCol = cols.budget!;
    if (!project.amounts.budget && isBlank(cellAt(sheet, row, budgetCol))) {
      issues.push(issue('MISSING_REQUIRED', 'error', address(sheet.name, row, budgetCol), `项目“${clip(name || '（无名称）')}”没有填写全年预算数，无法计算执行率。请填写预算数。`, `Project "${clip(name || '(no name)')}" has no budget, so no rate can be computed. Fill in the budget.`));
    }
    projects.push(project);
    noteGroup(g, sg);
    sinceBoundary.push(index);
    fundRows.push({ row, kind: 'project', ref: index });
  }
  if (projects.length === 0) {
    issues.push(
      issue(
        'NO_PROJECTS',
        'warning',
        address(sheet.name, table.headerRow, table.columns.name!),
        `项目资金表只有表头，没有项目行。请在表头下方逐行填写项目。`,
        `The funds table has a header but no project rows. Add the projects below the header.`,
      ),
    );
  }
  return { projects, totals, fundRows, groups };
}

function isLastTotal(sheet: SheetSnapshot, table: FundsTable, row: number): boolean {
  const labelCols = (['seq', 'group', 'subgroup', 'name'] as FundField[]).map((f) => table.columns[f]).filter((c): c is number => c !== undefined);
  for (let r = row + 1; r <= table.dataEnd; r++) {
    for (const c of labelCols) {
      const t = toHalfWidth(cellText(cellAt(sheet, r, c))).replace(/\s+/g, '');
      if (t && TOTAL_LABEL.test(t)) return false;
      if (t && !FOOTNOTE.test(t)) return false;
    }
  }
  return true;
}

function readAmounts(sheet: SheetSnapshot, row: number, table: FundsTable, issues: Issue[], unitOf: (f: FundField) => MoneyUnit): Partial<Record<AmountField, Sourced<Fen>>> {
  const out: Partial<Record<AmountField, Sourced<Fen>>> = {};
  for (const f of AMOUNT_FIELDS) {
    const col = table.columns[f];
    if (col === undefined) continue;
    const fen = readAmount(sheet.name, row, col, cellAt(sheet, row, col), unitOf(f), f, issues, 'error');
    if (fen !== undefined) out[f] = { value: fen, cell: address(sheet.name, row, col) };
  }
  return out;
}

function firstFilled(a: CellValue, b: CellValue, c: CellValue, d: CellValue): CellValue {
  return !isBlank(a) ? a : !isBlank(b) ? b : !isBlank(c) ? c : d;
}

export interface PaymentTotalRow {
  row: number;
  cell: string;
  amount: Fen;
  /** Index of the first payment the total covers. */
  from: number;
}

export function readPayments(sheet: SheetSnapshot, table: PaymentsTable, issues: Issue[]): { payments: Payment[]; paymentRows: number[]; totals: PaymentTotalRow[]; layout: PaymentLayout } {
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
  const numericCode = { done: false };
  const mapped = (Object.values(cols) as number[]).filter((c) => c !== cols.check);
  for (let row = table.dataStart; row <= table.dataEnd; row++) {
    const values = sheet.values[row - sheet.top];
    if (!values) continue;
    // Blank means blank in the table's own columns: the add-in loads only those, and the CLI must agree.
    let blank = true;
    for (const c of mapped) {
      if (!isBlank(values[c - left] ?? null)) {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    const amountValue = get(values, cAmount);
    const labelValue = firstFilled(get(values, cCode), get(values, cName), get(values, cols.seq), get(values, cDate));
    // Every total label (小计/合计/总计/共计) has 计: a cheap test before the normalising one.
    if (typeof labelValue === 'string' && labelValue.includes('计')) {
      const labelKey = toHalfWidth(labelValue).replace(/\s+/g, '');
      if (TOTAL_LABEL.test(labelKey) && labelKey.length <= 20) {
        const amt = readAmount(sheet.name, row, cAmount, amountValue, unit, 'amount', issues, 'warning');
        if (amt !== undefined) totals.push({ row, cell: address(sheet.name, row, cAmount), amount: amt, from: lastTotalAt });
        lastTotalAt = payments.length;
        continue;
      }
    }
    if (isBlank(amountValue) && FOOTNOTE.test(toHalfWidth(cellText(labelValue)))) continue;
    // One object shape for every payment keeps V8's property access monomorphic.
    const p: Payment = { row, date: undefined, voucher: undefined, code: undefined, name: undefined, amount: undefined, payee: undefined, memo: undefined, project: undefined };
    if (cDate !== undefined) {
      const d = parseDate(get(values, cDate));
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
    if (isBlank(amountValue)) {
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
  return { payments, paymentRows, totals, layout };
}
