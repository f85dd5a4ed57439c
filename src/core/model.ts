/** The model: what the funds and payments tables say, parsed and exact, each value with its cell. */
import { address } from './address';
import { Fen, MoneyUnit } from './money';

/** An amount and the cell it came from, so every figure can be traced back. */
export interface Sourced<T> {
  value: T;
  cell: string;
}

export type AmountField = 'initialBudget' | 'budget' | 'fiscal' | 'carryover' | 'other' | 'executed';
export const AMOUNT_FIELDS: AmountField[] = ['initialBudget', 'budget', 'fiscal', 'carryover', 'other', 'executed'];
export const SOURCE_FIELDS: AmountField[] = ['fiscal', 'carryover', 'other'];

/** How messages name an amount column mid-sentence, in Chinese and English. */
export const AMOUNT_WORDS: Record<AmountField | 'amount', { zh: string; en: string }> = {
  initialBudget: { zh: '年初预算数', en: 'initial budget' },
  budget: { zh: '全年预算数', en: 'budget' },
  fiscal: { zh: '财政拨款', en: 'appropriation' },
  carryover: { zh: '上年结转', en: 'carry-over' },
  other: { zh: '其他资金', en: 'other funds' },
  executed: { zh: '执行数', en: 'executed amount' },
  amount: { zh: '支付金额', en: 'payment amount' },
};

export type TextField = 'implementation' | 'benefit' | 'satisfaction' | 'reason';
export const TEXT_FIELDS: TextField[] = ['implementation', 'benefit', 'satisfaction', 'reason'];

export interface Project {
  /** Position in Model.projects. */
  index: number;
  sheet: string;
  /** 0-based sheet row. */
  row: number;
  /** The project-name cell: how issues and the JSON summary point at a project. */
  cell: string;
  name: string;
  code?: string;
  group: string;
  subgroup?: string;
  /** Parsed amounts present in the row (an unparseable or empty cell is simply absent). */
  amounts: Partial<Record<AmountField, Sourced<Fen>>>;
  /** Amount cells that hold something but could not be read (an issue names each), formulas without a value included. */
  unreadable: AmountField[];
  /** Of those, the formulas with no computed value (FORMULA_NOT_CALCULATED): never read as 0. */
  uncalculated: AmountField[];
  /** Why each unreadable amount is unknown, as a sentence ends it: 待定 (the cell's own word), 为未计算的公式. */
  unknownWhy: Partial<Record<AmountField, string>>;
  /** The staff's own words, kept for the report. */
  texts: Partial<Record<TextField, Sourced<string>>>;
  /**
   * Amounts left empty in the project's row and taken as the sum of its numbered parts (PARTS_SUMMED
   * says so); their `cell` is the project's own empty cell.
   */
  fromParts?: AmountField[];
}

/**
 * A row an office lists under a project to break it down — numbered 1.1/1.2 under 1, (1)/（1）/① under
 * a numbered project, labelled 其中：…, or indented under it with budgets adding up to its budget. It
 * is part of its parent, never a project: its money is already in the parent's row, so it is in no
 * total and no payment count of its own; its figures are checked against the parent's (PARTS_MISMATCH).
 */
export interface ProjectPart {
  /** Position in Model.parts. */
  index: number;
  sheet: string;
  row: number;
  /** The name cell. */
  cell: string;
  name: string;
  code?: string;
  /** What it breaks down: a project, another part (1.1.1 under 1.1), or a 小计/合计 row (其中： under 合计). */
  parent: { kind: 'project' | 'part' | 'total'; index: number };
  /** The project it belongs to in the end (its parent's project); undefined under a total. */
  project?: number;
  /**
   * How it was known: numbered (1.1, (1), ①) or indented parts add up to their parent; 其中 rows may list
   * only some of the parent's money, so they may add up to less, never to more.
   */
  how: PartHow;
  amounts: Partial<Record<AmountField, Sourced<Fen>>>;
  unreadable: AmountField[];
  uncalculated: AmountField[];
}

export type PartHow = 'numbered' | 'qizhong' | 'indented';

/**
 * The projects a 小计/合计 row stands for: all of them, a named group, the projects above it since the
 * last boundary ('since'), or — a total placed above its projects, right under the header or a heading
 * — the projects below it up to the next heading or total ('below').
 */
export type TotalScope =
  | { kind: 'all' }
  | { kind: 'group'; group: string; subgroup?: string }
  | { kind: 'since'; projects: number[] }
  | { kind: 'below'; projects: number[] };

export interface TotalRow {
  sheet: string;
  row: number;
  /** The label cell (小计 / 州本级合计 / 总计). */
  cell: string;
  label: string;
  scope: TotalScope;
  amounts: Partial<Record<AmountField, Sourced<Fen>>>;
  /** Amount cells that are formulas with no computed value: those figures are not checked. */
  uncalculated: AmountField[];
  /** The totals row of an Excel table (ListObject): Excel's own cells, never written. */
  listObjectTotals?: boolean;
}

export type PaymentCellField = 'date' | 'voucher' | 'code' | 'name' | 'amount';

/** Where the payments table keeps each field, so a payment's cells can be named when needed. */
export interface PaymentLayout {
  sheet: string;
  columns: Partial<Record<PaymentCellField, number>>;
}

export interface Payment {
  /** 0-based sheet row; cell addresses come from `paymentCell` (built only when an issue needs one). */
  row: number;
  date?: number;
  voucher?: string;
  code?: string;
  name?: string;
  amount?: Fen;
  payee?: string;
  memo?: string;
  /** Index of the matched project, when it matched one. */
  project?: number;
  /** The amount or date is a formula with no computed value: the payment's money is unknown. */
  uncalculated: boolean;
}

/** What each data row of the funds table is; 'header-repeat' is the header printed again inside the body. */
export type FundRowKind = 'project' | 'part' | 'total' | 'heading' | 'blank' | 'footnote' | 'header-repeat';

export interface Model {
  fundsSheet: string;
  paymentsSheet?: string;
  /** The funds table's unit (the report prints 万元 whatever the table uses). */
  fundsUnit: MoneyUnit;
  projects: Project[];
  /** The projects' parts (and 其中 rows under totals), in sheet order: in no total. */
  parts: ProjectPart[];
  totals: TotalRow[];
  payments: Payment[];
  paymentLayout?: PaymentLayout;
  /** Every data row of the funds table and what it is (the write plan fills project and total rows). */
  fundRows: { row: number; kind: FundRowKind; ref?: number }[];
  /** Group order as it appears in the table, with sub-groups in order. */
  groups: { name: string; subgroups: string[] }[];
  /** Payment data rows in order (for the payments check column). */
  paymentRows: number[];
}

/** A payment's cell for a field, e.g. 支付明细!A42; the first present column when the field has none. */
export function paymentCell(layout: PaymentLayout, pay: Payment, field: PaymentCellField): string {
  const col = layout.columns[field] ?? layout.columns.date ?? layout.columns.voucher ?? layout.columns.code ?? layout.columns.name ?? layout.columns.amount ?? 0;
  return address(layout.sheet, pay.row, col);
}
