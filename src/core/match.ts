/**
 * Assigning payments to projects: by code when both sides have one, else by name after trimming
 * spaces and unifying full-/half-width characters. Payments dated outside the fiscal year, or after
 * the as-of date, are kept but not counted.
 */
import { formatChineseDate, formatIsoDate } from './dates';
import { Issue } from './issues';
import { Model, Payment, PaymentCellField, ProjectPart, paymentCell } from './model';
import { Fen, formatExact } from './money';
import { Period } from './settings';
import { clip, nameKey } from './text';

export interface PaymentTally {
  /** Per project: the sum of its counted payments and their number. */
  sums: Fen[];
  counts: number[];
  /** Per project: indexes (into Model.payments) of its counted payments, for tracing a figure. */
  paymentIndexes: number[][];
  /** Per project: payments whose amount or date is a formula with no value — the project's sum is unknown. */
  unknown: number[][];
}

export function matchPayments(model: Model, period: Period, issues: Issue[]): PaymentTally {
  const byCode = new Map<string, number>();
  const byName = new Map<string, number>();
  // The part a name stands for, when it is a part's: a clash of codes then names that row, not its project.
  const partByName = new Map<string, ProjectPart>();
  // Payment exports repeat a few thousand codes and names a hundred thousand times: normalise each once.
  const keys = new Map<string, string>();
  const key = (s: string) => {
    let k = keys.get(s);
    if (k === undefined) keys.set(s, (k = nameKey(s)));
    return k;
  };
  for (const p of model.projects) {
    if (p.code && !byCode.has(key(p.code))) byCode.set(key(p.code), p.index);
    if (p.name && !byName.has(key(p.name))) byName.set(key(p.name), p.index);
  }
  // A payment booked to a project's part (its code or name) is the project's money.
  for (const part of model.parts) {
    if (part.project === undefined) continue;
    if (part.code && !byCode.has(key(part.code))) byCode.set(key(part.code), part.project);
    if (part.name && !byName.has(key(part.name))) {
      byName.set(key(part.name), part.project);
      partByName.set(key(part.name), part);
    }
  }
  const layout = model.paymentLayout!;
  const cellOf = (pay: Payment, f: PaymentCellField) => paymentCell(layout, pay, f);
  const sums: Fen[] = model.projects.map(() => 0n);
  const counts: number[] = model.projects.map(() => 0);
  const paymentIndexes: number[][] = model.projects.map(() => []);
  const unknown: number[][] = model.projects.map(() => []);

  for (let i = 0; i < model.payments.length; i++) {
    const pay = model.payments[i];
    let project: number | undefined;
    const codeKey = pay.code ? key(pay.code) : undefined;
    const nameIdx = pay.name ? byName.get(key(pay.name)) : undefined;
    if (codeKey !== undefined && byCode.has(codeKey)) project = byCode.get(codeKey);
    else if (nameIdx !== undefined) {
      const candidate = model.projects[nameIdx];
      const part = partByName.get(key(pay.name!));
      // The row the name is: a part with its own code answers by it, one without by its project's.
      const row = part?.code ? { code: part.code, cell: part.cell } : { code: candidate.code, cell: candidate.cell };
      if (codeKey !== undefined && row.code) {
        // Both sides have a code and they differ: the name alone does not decide it.
        const who = !part ? `同名项目“${clip(candidate.name)}”` : part.code ? `同名分项“${clip(part.name)}”` : `同名分项“${clip(part.name)}”所属项目“${clip(candidate.name)}”`;
        const whoEn = !part ? 'the project of the same name' : part.code ? 'the part of the same name' : `project "${clip(candidate.name)}", whose part has the same name`;
        issues.push({
          code: 'PAYMENT_UNKNOWN_PROJECT',
          severity: 'error',
          cell: cellOf(pay, 'code'),
          message: `支付的项目编码“${clip(pay.code!)}”与${who}的编码“${row.code}”不一致（${row.cell}），该笔支付未计入。请核对编码。`,
          messageEn: `The payment's project code "${clip(pay.code!)}" differs from code "${row.code}" of ${whoEn} (${row.cell}); the payment is not counted. Check the code.`,
        });
        continue;
      }
      project = nameIdx;
    }
    if (project === undefined) {
      const what = [pay.code && `编码“${clip(pay.code)}”`, pay.name && `名称“${clip(pay.name)}”`].filter(Boolean).join('、');
      const whatEn = [pay.code && `code "${clip(pay.code)}"`, pay.name && `name "${clip(pay.name)}"`].filter(Boolean).join(', ');
      if (what) {
        issues.push({
          code: 'PAYMENT_UNKNOWN_PROJECT',
          severity: 'error',
          cell: cellOf(pay, pay.code ? 'code' : 'name'),
          message: `支付的项目${what}在项目资金表中找不到，该笔支付未计入。请更正为资金表中的项目，或在资金表中补上该项目。`,
          messageEn: `No project with ${whatEn} in the funds table; the payment is not counted. Correct it to a project of the funds table, or add the project there.`,
        });
      }
      continue;
    }
    pay.project = project;
    if (pay.uncalculated) {
      unknown[project].push(i);
      continue;
    }
    if (pay.amount === undefined) continue;
    if (pay.date !== undefined) {
      if (Number.isNaN(pay.date)) continue;
      if (pay.date < period.yearStart || pay.date > period.yearEnd) {
        issues.push({
          code: 'PAYMENT_OUTSIDE_YEAR',
          severity: 'warning',
          cell: cellOf(pay, 'date'),
          message: `支付日期 ${formatIsoDate(pay.date)} 不在${period.fiscalYear}年度内，该笔 ${formatExact(pay.amount, 'yuan')} 元未计入执行数。请核对日期或年度。`,
          messageEn: `The payment date ${formatIsoDate(pay.date)} is outside fiscal year ${period.fiscalYear}; its ${formatExact(pay.amount, 'yuan')} yuan are not counted. Check the date or the year.`,
        });
        continue;
      }
      if (pay.date > period.asOf) {
        issues.push({
          code: 'PAYMENT_AFTER_AS_OF',
          severity: 'info',
          cell: cellOf(pay, 'date'),
          message: `支付日期 ${formatIsoDate(pay.date)} 晚于截止日期${formatChineseDate(period.asOf)}，未计入本期执行数。`,
          messageEn: `The payment date ${formatIsoDate(pay.date)} is after the as-of date ${formatIsoDate(period.asOf)}; it is not counted in this period.`,
        });
        continue;
      }
    }
    sums[project] += pay.amount;
    counts[project]++;
    paymentIndexes[project].push(i);
  }
  return { sums, counts, paymentIndexes, unknown };
}
