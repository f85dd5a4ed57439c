/**
 * The checks a careful reviewer makes (DOMAIN.md), each a small function over the model and the
 * computed results. Cell-level problems (unreadable amounts, bad dates) are found while reading;
 * these are the rules between cells and rows.
 */
import { address } from './address';
import { Results, totalMembers } from './compute';
import { FundsTable } from './detect';
import { Issue } from './issues';
import { AMOUNT_FIELDS, AMOUNT_WORDS, Model, Payment, Project, SOURCE_FIELDS, paymentCell } from './model';
import { Fen, TOLERANCE_FEN, absFen, formatExact } from './money';
import { wan } from './notes';
import { formatRate, percentScaled, printsAsFull, RateDisplay } from './rate';
import { Period } from './settings';
import { PaymentTotalRow } from './read-payments';
import { partsMismatch } from './parts-check';
import { clip, nameKey } from './text';

export interface RuleContext {
  model: Model;
  results: Results;
  period: Period;
  funds: FundsTable;
  hasPayments: boolean;
  display: RateDisplay;
  reasonThreshold: number;
  paymentTotals: PaymentTotalRow[];
}


const wanEn = (fen: Fen) => `${formatExact(fen, 'wan')} (10,000 yuan)`;

export function fundsSourceSum({ model }: RuleContext): Issue[] {
  const out: Issue[] = [];
  for (const p of model.projects) {
    const budget = p.amounts.budget;
    const parts = SOURCE_FIELDS.filter((f) => p.amounts[f]);
    if (!budget || parts.length === 0) continue;
    const sum = parts.reduce((s, f) => s + p.amounts[f]!.value, 0n);
    if (absFen(sum - budget.value) <= TOLERANCE_FEN) continue;
    const zh = parts.map((f) => `${AMOUNT_WORDS[f].zh}${wan(p.amounts[f]!.value)}`).join(' + ');
    const en = parts.map((f) => `${AMOUNT_WORDS[f].en} ${wanEn(p.amounts[f]!.value)}`).join(' + ');
    out.push({
      code: 'FUNDS_SOURCE_SUM_MISMATCH',
      severity: 'error',
      cell: budget.cell,
      message: `项目“${clip(p.name)}”的资金来源 ${zh} = ${wan(sum)}，与全年预算数${wan(budget.value)}不符（相差${wan(absFen(budget.value - sum))}）。请核对“其中”各列。`,
      messageEn: `Project "${clip(p.name)}": sources ${en} = ${wanEn(sum)}, which does not equal the budget of ${wanEn(budget.value)} (off by ${wanEn(absFen(budget.value - sum))}). Check the breakdown columns.`,
    });
  }
  return out;
}

export function duplicateProjects({ model }: RuleContext): Issue[] {
  const out: Issue[] = [];
  const seen = new Map<string, Project>();
  for (const p of model.projects) {
    if (!p.name && !p.code) continue;
    const key = p.code ? `code:${nameKey(p.code)}` : `name:${nameKey(p.name)}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, p);
      continue;
    }
    out.push({
      code: 'DUPLICATE_PROJECT',
      severity: 'warning',
      cell: p.cell,
      message: `项目“${clip(p.name)}”${p.code ? `（编码 ${p.code}）` : ''}与 ${first.cell} 重复。支付只计入第一个；如是两个项目，请改名或填写不同编码，否则请合并。`,
      messageEn: `Project "${clip(p.name)}"${p.code ? ` (code ${p.code})` : ''} repeats ${first.cell}. Payments go to the first; rename or give different codes if they are two projects, otherwise merge them.`,
    });
  }
  return out;
}

export function executedChecks({ model, results, hasPayments, funds }: RuleContext): Issue[] {
  const out: Issue[] = [];
  for (const p of model.projects) {
    const r = results.projects[p.index];
    const typed = p.amounts.executed;
    if (r.budget !== undefined && r.executed !== undefined && r.executed > r.budget) {
      out.push({
        code: 'EXECUTED_EXCEEDS_BUDGET',
        severity: 'error',
        cell: typed?.cell ?? p.cell,
        message: `项目“${clip(p.name)}”执行数${wan(r.executed)}超过全年预算数${wan(r.budget)}（超出${wan(r.executed - r.budget)}）。请核对执行数或调整后的预算数。`,
        messageEn: `Project "${clip(p.name)}": executed ${wanEn(r.executed)} exceeds the budget of ${wanEn(r.budget)} by ${wanEn(r.executed - r.budget)}. Check the executed amount or the adjusted budget.`,
      });
    }
    if (typed && hasPayments && r.uncalculatedPayments === 0 && absFen(typed.value - r.paymentsSum) > TOLERANCE_FEN) {
      out.push({
        code: 'EXECUTED_MISMATCH_PAYMENTS',
        severity: 'warning',
        cell: typed.cell,
        message: `项目“${clip(p.name)}”填写的执行数${wan(typed.value)}与支付明细合计${wan(r.paymentsSum)}（${r.paymentCount}笔）相差${wan(absFen(typed.value - r.paymentsSum))}。请核对执行数或补齐支付明细。`,
        messageEn: `Project "${clip(p.name)}": the typed executed amount ${wanEn(typed.value)} differs from its ${r.paymentCount} ${r.paymentCount === 1 ? 'payment' : 'payments'} totalling ${wanEn(r.paymentsSum)} by ${wanEn(absFen(typed.value - r.paymentsSum))}. Check the amount or complete the payments.`,
      });
    }
    const execCol = funds.columns.executed;
    if (!typed && !hasPayments && execCol !== undefined && !p.unreadable.includes('executed') && r.budget !== undefined) {
      out.push({
        code: 'EXECUTED_EMPTY',
        severity: 'warning',
        cell: address(p.sheet, p.row, execCol),
        message: `项目“${clip(p.name)}”的执行数为空，且没有支付明细，按0计算。如已支出，请填写执行数。`,
        messageEn: `Project "${clip(p.name)}" has no executed amount and there are no payments; it is counted as 0. Fill it in if money was spent.`,
      });
    }
  }
  return out;
}

/**
 * 小计/合计 rows against their projects. Budget columns are checked when every member's figure could
 * be read; the 执行数 column only when every member's executed amount is known — a total is never
 * compared with a sum that counts an unknown as 0 (an info issue says it was not checked, and why).
 * Figures that are formulas with no value are not checked (FORMULA_NOT_CALCULATED says so).
 */
export function totalRows({ model, results, paymentTotals }: RuleContext): Issue[] {
  const out: Issue[] = [];
  for (const t of model.totals) {
    const members = totalMembers(t, model);
    const which = t.scope.kind === 'below' ? `其下方${members.length}个项目` : `其所含${members.length}个项目`;
    const projectsEn = members.length === 1 ? '1 project' : `${members.length} projects`;
    const whichEn = t.scope.kind === 'below' ? `the ${projectsEn} below it` : `its ${projectsEn}`;
    if (!members.length) {
      const first = AMOUNT_FIELDS.map((f) => t.amounts[f]).find((a) => a);
      if (first) {
        out.push({
          code: 'TOTAL_NOT_CHECKED',
          severity: 'info',
          cell: t.cell,
          message: `“${clip(t.label)}”行看不出是哪些项目的合计（上下都没有紧邻的项目行），未核对。如它是合计行，请把它放在所合计的项目紧下方或紧上方。`,
          messageEn: `The "${clip(t.label)}" row does not show which projects it totals (no project rows right above or below it), so it is not checked. Place a total right below or above the projects it adds up.`,
        });
      }
      continue;
    }
    for (const f of AMOUNT_FIELDS) {
      const typed = t.amounts[f];
      if (!typed) continue;
      const unknown = members.filter((p) => (f === 'executed' ? results.projects[p.index].executed === undefined : p.unreadable.includes(f)));
      if (unknown.length) {
        const names = unknown.slice(0, 3).map((p) => `“${clip(p.name || p.cell)}”`).join('、') + (unknown.length > 3 ? `等${unknown.length}个项目` : '');
        const namesEn = unknown.slice(0, 3).map((p) => `"${clip(p.name || p.cell)}"`).join(', ') + (unknown.length > 3 ? ` and ${unknown.length - 3} more` : '');
        out.push({
          code: 'TOTAL_NOT_CHECKED',
          severity: 'info',
          cell: typed.cell,
          message: `“${clip(t.label)}”行的${AMOUNT_WORDS[f].zh}未核对：${which}中${names}的${AMOUNT_WORDS[f].zh}无法确定，不能按0相加。这些数字补齐后会再核对。`,
          messageEn: `The ${AMOUNT_WORDS[f].en} on the "${clip(t.label)}" row is not checked: among ${whichEn}, ${namesEn} ${unknown.length > 1 ? 'have' : 'has'} no known ${AMOUNT_WORDS[f].en}, which cannot be added as 0. It is checked once they are filled in.`,
        });
        continue;
      }
      let sum = 0n;
      for (const p of members) sum += f === 'executed' ? results.projects[p.index].executed! : p.amounts[f]?.value ?? 0n;
      if (absFen(typed.value - sum) <= TOLERANCE_FEN) continue;
      out.push({
        code: 'TOTAL_ROW_MISMATCH',
        severity: 'error',
        cell: typed.cell,
        message: `“${clip(t.label)}”行的${AMOUNT_WORDS[f].zh}${wan(typed.value)}与${which}之和${wan(sum)}不符（相差${wan(absFen(typed.value - sum))}）。请核对合计公式或范围。`,
        messageEn: `The ${AMOUNT_WORDS[f].en} on the "${clip(t.label)}" row, ${wanEn(typed.value)}, does not equal the sum of ${whichEn}, ${wanEn(sum)} (off by ${wanEn(absFen(typed.value - sum))}). Check the total's formula or range.`,
      });
    }
  }
  for (const t of paymentTotals) {
    let sum = 0n;
    let unknown = 0;
    for (let i = t.from; i < t.to; i++) {
      const pay = model.payments[i];
      if (pay.uncalculated && pay.amount === undefined) unknown++;
      sum += pay.amount ?? 0n;
    }
    const below = t.from < t.to && model.payments[t.from].row > t.row;
    if (unknown) {
      out.push({
        code: 'TOTAL_NOT_CHECKED',
        severity: 'info',
        cell: t.cell,
        message: `支付明细合计行未核对：${below ? '下方' : '上方'}有${unknown}笔支付的金额是未计算的公式，不能按0相加。`,
        messageEn: `The payments total is not checked: ${unknown === 1 ? '1 payment amount' : `${unknown} payment amounts`} ${below ? 'below' : 'above'} it ${unknown === 1 ? 'is a formula' : 'are formulas'} with no computed value, which cannot be added as 0.`,
      });
      continue;
    }
    if (absFen(t.amount - sum) <= 1n) continue;
    out.push({
      code: 'TOTAL_ROW_MISMATCH',
      severity: 'error',
      cell: t.cell,
      message: `支付明细合计行金额 ${formatExact(t.amount, 'yuan')} 元与${below ? '下方' : '上方'}各笔之和 ${formatExact(sum, 'yuan')} 元不符。请核对合计公式或范围。`,
      messageEn: `The payments total ${formatExact(t.amount, 'yuan')} yuan does not equal the sum of the payments ${below ? 'below' : 'above'} it, ${formatExact(sum, 'yuan')} yuan. Check the total's formula or range.`,
    });
  }
  return out;
}

const PLAIN_ASCII = /^[\x21-\x7e]+$/;

export function duplicateVouchers({ model }: RuleContext): Issue[] {
  const out: Issue[] = [];
  const seen = new Map<string, Payment>();
  const layout = model.paymentLayout!;
  for (const pay of model.payments) {
    if (!pay.voucher) continue;
    // Compared as nameKey compares them (half-width, no spaces, any case); a plain ASCII number needs only
    // lower-casing, which is all nameKey would do to it — the fast path of 100,000 payments.
    const key = PLAIN_ASCII.test(pay.voucher) ? pay.voucher.toLowerCase() : nameKey(pay.voucher);
    const firstPay = seen.get(key);
    if (firstPay === undefined) {
      seen.set(key, pay);
      continue;
    }
    const first = paymentCell(layout, firstPay, 'voucher');
    out.push({
      code: 'DUPLICATE_VOUCHER',
      severity: 'warning',
      cell: paymentCell(layout, pay, 'voucher'),
      message: `支付凭证号“${clip(pay.voucher)}”与 ${first} 重复，两笔都已计入。如是重复录入，请删除一行。`,
      messageEn: `Voucher number "${clip(pay.voucher)}" repeats ${first}; both payments are counted. Delete one if it was entered twice.`,
    });
  }
  return out;
}

export function rateRoundsToFull({ model, results, display }: RuleContext): Issue[] {
  const out: Issue[] = [];
  for (const p of model.projects) {
    const r = results.projects[p.index];
    if (!r.rate || r.unspent === undefined || r.unspent <= 0n || !printsAsFull(r.rate, display)) continue;
    const precise = formatRate(r.rate, 'two-decimals');
    out.push({
      code: 'RATE_ROUNDS_TO_FULL',
      severity: 'info',
      cell: p.cell,
      message: `项目“${clip(p.name)}”执行率显示为${r.rateText}，但仍有${wan(r.unspent)}未支付（实际${precise}）。报告中请说明或改用两位小数显示。`,
      messageEn: `Project "${clip(p.name)}" shows ${r.rateText} although ${wanEn(r.unspent)} is unspent (exactly ${precise}). Explain it in the report or show rates with two decimals.`,
    });
  }
  return out;
}

export function reasonMissing({ model, results, period, funds, display, reasonThreshold }: RuleContext): Issue[] {
  const out: Issue[] = [];
  const thresholdScaled = BigInt(Math.round(reasonThreshold * 10000));
  for (const p of model.projects) {
    const r = results.projects[p.index];
    if (!r.rate || p.texts.reason) continue;
    const behind = period.monitoring
      ? percentScaled(period.progress, 2) - percentScaled(r.rate, 2) > 10000n - thresholdScaled
      : percentScaled(r.rate, 2) < thresholdScaled;
    if (!behind) continue;
    const col = funds.columns.reason;
    const limit = formatRate({ num: thresholdScaled, den: 10000n }, display);
    // 89.99% prints as 90% in whole percents: the message gives the two decimals, never "执行率90%，低于90%".
    const shown = !period.monitoring && r.rateText === limit ? formatRate(r.rate, 'two-decimals') : r.rateText;
    out.push({
      code: 'REASON_MISSING',
      severity: 'warning',
      cell: col !== undefined ? address(p.sheet, p.row, col) : p.cell,
      message: `项目“${clip(p.name)}”执行率${shown}，${period.monitoring ? '明显低于序时进度' : `低于${limit}`}，但没有填写未完成原因。请在“未完成原因”列说明${col === undefined ? '（可在表中新增此列）' : ''}。`,
      messageEn: `Project "${clip(p.name)}" is at ${shown}, ${period.monitoring ? 'well behind the time elapsed' : `below ${limit}`}, with no reason given. Explain it in the 未完成原因 column${col === undefined ? ' (add the column to the table)' : ''}.`,
    });
  }
  return out;
}

export function zeroBudget({ model, results }: RuleContext): Issue[] {
  return model.projects
    .filter((p) => results.projects[p.index].budget === 0n)
    .map((p) => ({
      code: 'ZERO_BUDGET' as const,
      severity: 'info' as const,
      cell: p.amounts.budget!.cell,
      message: `项目“${clip(p.name)}”全年预算数为0，不计算执行率。如预算已调整，请填写调整后的预算数。`,
      messageEn: `Project "${clip(p.name)}" has a budget of 0, so no rate is computed. Fill in the adjusted budget if there is one.`,
    }));
}

/** A project's parts against the project (parts-check.ts). */
export function partsAgree({ model, funds }: RuleContext): Issue[] {
  return partsMismatch(model, funds);
}

export const RULES = [fundsSourceSum, duplicateProjects, executedChecks, totalRows, partsAgree, duplicateVouchers, rateRoundsToFull, reasonMissing, zeroBudget];

export function runRules(ctx: RuleContext): Issue[] {
  return RULES.flatMap((rule) => rule(ctx));
}
