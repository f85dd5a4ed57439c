/**
 * Data problems as the report shows them: a 【请核对：…】 mark where the affected figure is printed,
 * in plain words — no cell address, no "+ =" working, no instruction — and one item per problem in
 * the 核对清单 (which does name the cell, for the clerk). A report with no open 【】 mark has nothing
 * left to fix.
 */
import { parseAddress } from '../address';
import type { Issue, IssueCode } from '../issues';
import { AMOUNT_WORDS, type AmountField } from '../model';
import { sumFen } from '../money';
import type { BuildContext } from './context';
import { amount } from './phrases';

/** Issues about how the table was read, or about the draft itself: not problems of a printed figure. */
export const PROCESS_CODES: IssueCode[] = [
  'TABLE_NOT_FOUND',
  'TABLE_AMBIGUOUS',
  'TABLE_CHOSEN_BY_YEAR',
  'CONTENT_OUTSIDE_TABLE',
  'OUTPUT_CELL_MERGED',
  'PAYMENTS_NOT_FOUND',
  'NO_EXECUTED_SOURCE',
  'DUPLICATE_HEADER',
  'UNIT_ASSUMED',
  'MAPPING_INVALID',
  'FISCAL_YEAR_GUESSED',
  'REASON_MISSING',
  'TOTAL_NOT_CHECKED',
  'PARTS_SUMMED',
  'PARTS_ASSUMED',
  'RATE_ROUNDS_TO_FULL',
  'ZERO_BUDGET',
  'CODE_AS_NUMBER',
  'PAYMENT_AFTER_AS_OF',
];

/** Which printed figure a problem concerns. */
export type CheckAnchor = 'budget' | 'executed' | 'project' | 'overall';

export interface FigureCheck {
  /** The project's index, when the problem belongs to one. */
  project?: number;
  anchor: CheckAnchor;
  /** Plain words, as they read inside 【请核对：…】. */
  words: string;
  issues: Issue[];
}

/** The 绩效指标 table's problems: they concern the 绩效自评表's scores, not the budget figures the report prints. */
export function isIndicatorIssue(i: Pick<Issue, 'code'>): boolean {
  return i.code.startsWith('INDICATOR_');
}

/** The issues that concern the budget figures a report prints: errors and warnings, not the process ones. */
export function dataIssues(issues: readonly Issue[]): Issue[] {
  return issues.filter((i) => i.severity !== 'info' && !PROCESS_CODES.includes(i.code) && !isIndicatorIssue(i));
}

const BUDGET_FIELDS: AmountField[] = ['budget', 'initialBudget', 'fiscal', 'carryover', 'other'];

/** What an amount cell's problem is, in a few words: 财政拨款金额无法识别. */
const CELL_WORDS: Partial<Record<IssueCode, string>> = {
  AMOUNT_NOT_NUMERIC: '无法识别',
  AMOUNT_OUT_OF_RANGE: '超出合理范围',
  AMOUNT_SUB_FEN: '含不足1分的尾数',
  FORMULA_ERROR: '的公式计算出错',
  FORMULA_NOT_CALCULATED: '的公式未重新计算，数字可能不是最新的',
  NEGATIVE_AMOUNT: '为负数',
  MISSING_REQUIRED: '未填写',
  EXECUTED_EMPTY: '未填写',
};

/** A payment's problem, counted per project: 2笔支付记录日期不在本年度内. */
const PAYMENT_WORDS: Partial<Record<IssueCode, string>> = {
  PAYMENT_OUTSIDE_YEAR: '日期不在本年度内',
  DUPLICATE_VOUCHER: '凭证号重复',
  PAYMENT_CODE_NAME_CONFLICT: '项目编码与项目名称不一致',
  DATE_INVALID: '日期无法识别',
  AMOUNT_NOT_NUMERIC: '金额无法识别',
  AMOUNT_OUT_OF_RANGE: '金额超出合理范围',
  AMOUNT_SUB_FEN: '金额含不足1分的尾数',
  NEGATIVE_AMOUNT: '金额为负数',
  FORMULA_ERROR: '金额的公式计算出错',
  FORMULA_NOT_CALCULATED: '金额的公式未重新计算',
  MISSING_REQUIRED: '有必填项未填写',
};

function fieldAt(ctx: BuildContext, col: number): AmountField | undefined {
  const cols = ctx.funds.columns as Partial<Record<string, number>>;
  return (Object.keys(AMOUNT_WORDS) as AmountField[]).find((f) => cols[f] === col);
}

/** 执行数超出预算数1万元, from the figures the report prints. */
function exceeded(ctx: BuildContext, index: number): string {
  const unspent = ctx.results.projects[index].unspent;
  return unspent !== undefined && unspent < 0n ? `执行数超出预算数${amount(-unspent, ctx.voice)}` : '执行数超出预算数';
}

function fundsCheck(ctx: BuildContext, i: Issue, index: number, col: number): FigureCheck {
  const p = ctx.model.projects[index];
  const v = ctx.voice;
  const field = fieldAt(ctx, col);
  const anchor: CheckAnchor = field && BUDGET_FIELDS.includes(field) ? 'budget' : field === 'executed' ? 'executed' : 'project';
  let words: string;
  switch (i.code) {
    case 'FUNDS_SOURCE_SUM_MISMATCH': {
      const parts = (['fiscal', 'carryover', 'other'] as const).map((f) => p.amounts[f]?.value).filter((x): x is bigint => x !== undefined);
      const budget = p.amounts.budget?.value;
      words = budget === undefined ? '其中各项合计与预算数不符' : `其中各项合计${amount(sumFen(parts), v)}，与预算数${amount(budget, v)}不符`;
      return { project: index, anchor: 'budget', words, issues: [i] };
    }
    case 'EXECUTED_EXCEEDS_BUDGET':
      return { project: index, anchor: 'executed', words: exceeded(ctx, index), issues: [i] };
    case 'EXECUTED_MISMATCH_PAYMENTS':
      return { project: index, anchor: 'executed', words: '表中执行数与支付明细合计不一致', issues: [i] };
    case 'PARTS_MISMATCH':
      return { project: index, anchor, words: `本项目${field ? AMOUNT_WORDS[field].zh : '数字'}与所列分项之和不一致`, issues: [i] };
    case 'DUPLICATE_PROJECT':
      return { project: index, anchor: 'project', words: '本项目在预算表中重复列示', issues: [i] };
    default: {
      const what = field ? AMOUNT_WORDS[field].zh : '本行数据';
      words = `${what}${CELL_WORDS[i.code] ?? '有误'}`;
      return { project: index, anchor, words, issues: [i] };
    }
  }
}

/**
 * Each data issue placed at the figure it concerns: a project's budget or executed amount, the
 * project as a whole, or the overall figures when it belongs to no project (a payment of no known
 * project, a total row). Payments' problems are counted per project and kind.
 */
export function figureChecks(ctx: BuildContext): FigureCheck[] {
  const out: FigureCheck[] = [];
  const byRow = new Map<string, number>();
  for (const p of ctx.model.projects) byRow.set(`${p.sheet}\u0000${p.row}`, p.index);
  // A part's problem is its project's: the part is printed nowhere, its money is in the project's figures.
  const partByRow = new Map<string, number>();
  for (const p of ctx.model.parts) if (p.project !== undefined) partByRow.set(`${p.sheet}\u0000${p.row}`, p.index);
  const payments = new Map<number, number | undefined>();
  for (const pay of ctx.model.payments) payments.set(pay.row, pay.project);
  const paymentGroups = new Map<string, FigureCheck & { count: number }>();
  const overall = new Map<IssueCode, FigureCheck & { count: number }>();
  const addOverall = (i: Issue, words: (n: number) => string) => {
    const g = overall.get(i.code) ?? { anchor: 'overall' as const, words: '', issues: [], count: 0 };
    g.issues.push(i);
    g.count++;
    g.words = words(g.count);
    overall.set(i.code, g);
  };
  for (const i of dataIssues(ctx.issues)) {
    const at = parseAddress(i.cell);
    const index = at ? byRow.get(`${at.sheet}\u0000${at.row}`) : undefined;
    const part = at && index === undefined ? partByRow.get(`${at.sheet}\u0000${at.row}`) : undefined;
    if (at && part !== undefined) {
      const p = ctx.model.parts[part];
      const field = fieldAt(ctx, at.col);
      out.push({ project: p.project, anchor: 'project', words: `其分项“${p.name}”的${field ? AMOUNT_WORDS[field].zh : '数据'}${CELL_WORDS[i.code] ?? '有误'}`, issues: [i] });
      continue;
    }
    if (at && index !== undefined) {
      out.push(fundsCheck(ctx, i, index, at.col));
      continue;
    }
    if (at && at.sheet === ctx.model.paymentsSheet) {
      const project = payments.get(at.row);
      if (i.code === 'PAYMENT_UNKNOWN_PROJECT' || project === undefined) {
        addOverall(i, (n) => `支付明细中有${n}笔支付未能对应到预算项目，未计入执行数`);
        continue;
      }
      const kind = PAYMENT_WORDS[i.code] ?? '有误';
      const key = `${project}\u0000${kind}`;
      const g = paymentGroups.get(key) ?? { project, anchor: 'executed' as const, words: '', issues: [], count: 0 };
      g.issues.push(i);
      g.count++;
      g.words = `其中${g.count}笔支付记录${kind}`;
      paymentGroups.set(key, g);
      continue;
    }
    if (i.code === 'TOTAL_ROW_MISMATCH') addOverall(i, (n) => `预算表中有${n}处合计数与所列项目之和不一致`);
    else addOverall(i, (n) => `预算执行数据中另有${n}处有待核对`);
  }
  const strip = ({ count: _count, ...c }: FigureCheck & { count: number }): FigureCheck => c;
  return [...out, ...[...paymentGroups.values()].map(strip), ...[...overall.values()].map(strip)];
}
