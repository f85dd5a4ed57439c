/**
 * The columns the core understands and the header words that name them — the one synonym table.
 * Offices word their headers differently (全年预算数 / 预算批复数 / 调整后预算数 …); add a synonym
 * here and every part of the project recognises it.
 */

export type FundField =
  | 'seq'
  | 'group'
  | 'subgroup'
  | 'name'
  | 'code'
  | 'initialBudget'
  | 'budget'
  | 'fiscal'
  | 'carryover'
  | 'other'
  | 'executed'
  | 'rate'
  | 'note'
  | 'check'
  | 'implementation'
  | 'benefit'
  | 'satisfaction'
  | 'reason';

export type PaymentField = 'seq' | 'date' | 'voucher' | 'code' | 'name' | 'amount' | 'payee' | 'memo' | 'check';

/**
 * The 绩效指标 table (a 绩效目标申报表 / 绩效监控表 kept beside the budget): one row per indicator, keyed
 * by 项目名称 or 项目编码. 年度总体目标 (预期目标 / 实际完成情况) may stand in two more columns, written
 * once per project (merged down its rows, or on its first row).
 */
export type IndicatorField =
  | 'name'
  | 'code'
  | 'level1'
  | 'level2'
  | 'level3'
  | 'target'
  | 'actual'
  | 'measure'
  | 'weight'
  | 'deviation'
  | 'goalExpected'
  | 'goalActual';

export type TableKind = 'funds' | 'payments' | 'indicators';

export interface FieldSpec<F extends string> {
  field: F;
  /** Header words, most specific first. Matched after removing spaces, units and full-width forms. */
  synonyms: string[];
  /** Holds money (parsed with the table's unit). */
  amount?: boolean;
  /** Written by the add-in: the only columns it may overwrite. */
  output?: boolean;
  label: { zh: string; en: string };
}

export const FUND_FIELDS: FieldSpec<FundField>[] = [
  { field: 'seq', synonyms: ['序号', '编号', '行次'], label: { zh: '序号', en: 'No.' } },
  { field: 'group', synonyms: ['资金类别', '资金类型', '资金分类', '资金来源类别', '类别'], label: { zh: '资金类别', en: 'Funding group' } },
  { field: 'subgroup', synonyms: ['项目类别', '项目类型', '项目分类', '资金子类', '二级类别'], label: { zh: '项目类别', en: 'Sub-group' } },
  { field: 'name', synonyms: ['预算项目名称', '项目名称', '项目'], label: { zh: '项目名称', en: 'Project' } },
  { field: 'code', synonyms: ['预算项目编码', '项目编码', '项目代码', '项目编号'], label: { zh: '项目编码', en: 'Project code' } },
  { field: 'initialBudget', synonyms: ['年初预算数', '年初预算', '年初批复数', '年初预算批复数'], amount: true, label: { zh: '年初预算数', en: 'Initial budget' } },
  {
    field: 'budget',
    synonyms: ['全年预算数', '调整后预算数', '预算批复数', '全年预算', '预算数', '预算金额', '批复数', '预算下达数', '下达预算数'],
    amount: true,
    label: { zh: '全年预算数', en: 'Budget' },
  },
  { field: 'fiscal', synonyms: ['当年财政拨款', '财政拨款资金', '财政拨款'], amount: true, label: { zh: '财政拨款', en: 'Appropriation' } },
  { field: 'carryover', synonyms: ['上年结转资金', '上年结转', '结转资金'], amount: true, label: { zh: '上年结转', en: 'Carried over' } },
  { field: 'other', synonyms: ['其他资金'], amount: true, label: { zh: '其他资金', en: 'Other funds' } },
  {
    field: 'executed',
    synonyms: ['全年执行数', '实际支出数', '执行数', '支付数', '已支付金额', '已支付', '支出数', '实际支出', '累计支出数', '累计支出', '累计支付数', '累计支付', '累计执行数', '累计已支付'],
    amount: true,
    label: { zh: '执行数', en: 'Executed' },
  },
  { field: 'rate', synonyms: ['预算执行率', '支出执行率', '执行率'], output: true, label: { zh: '执行率', en: 'Execution rate' } },
  { field: 'note', synonyms: ['偏差说明', '偏差情况说明', '执行偏差说明'], output: true, label: { zh: '偏差说明', en: 'Deviation note' } },
  { field: 'check', synonyms: ['校验提示'], output: true, label: { zh: '校验提示', en: 'Check' } },
  { field: 'implementation', synonyms: ['项目实施情况', '实施情况'], label: { zh: '项目实施情况', en: 'Implementation' } },
  { field: 'benefit', synonyms: ['产生的效益', '项目效益', '效益'], label: { zh: '产生的效益', en: 'Benefits' } },
  {
    field: 'satisfaction',
    synonyms: ['受益对象(服务对象)满意度', '受益对象满意度', '服务对象满意度', '满意度'],
    label: { zh: '满意度', en: 'Satisfaction' },
  },
  { field: 'reason', synonyms: ['未完成原因', '偏差原因', '未执行原因'], label: { zh: '未完成原因', en: 'Reason for shortfall' } },
];

export const PAYMENT_FIELDS: FieldSpec<PaymentField>[] = [
  { field: 'seq', synonyms: ['序号', '行次'], label: { zh: '序号', en: 'No.' } },
  { field: 'date', synonyms: ['支付日期', '支付时间', '付款日期', '凭证日期', '日期'], label: { zh: '支付日期', en: 'Date' } },
  { field: 'voucher', synonyms: ['支付凭证号', '凭证号', '凭证编号', '支付凭证编号'], label: { zh: '支付凭证号', en: 'Voucher' } },
  { field: 'code', synonyms: ['预算项目编码', '项目编码', '项目代码'], label: { zh: '预算项目编码', en: 'Project code' } },
  { field: 'name', synonyms: ['预算项目名称', '项目名称', '项目'], label: { zh: '预算项目名称', en: 'Project' } },
  { field: 'amount', synonyms: ['支付金额', '实际支付金额', '付款金额', '金额'], amount: true, label: { zh: '支付金额', en: 'Amount' } },
  { field: 'payee', synonyms: ['收款人全称', '收款人名称', '收款人', '收款单位'], label: { zh: '收款人全称', en: 'Payee' } },
  { field: 'memo', synonyms: ['摘要', '用途'], label: { zh: '摘要', en: 'Memo' } },
  { field: 'check', synonyms: ['校验提示'], output: true, label: { zh: '校验提示', en: 'Check' } },
];

export const INDICATOR_FIELDS: FieldSpec<IndicatorField>[] = [
  { field: 'name', synonyms: ['预算项目名称', '项目名称', '项目'], label: { zh: '项目名称', en: 'Project' } },
  { field: 'code', synonyms: ['预算项目编码', '项目编码', '项目代码', '项目编号'], label: { zh: '项目编码', en: 'Project code' } },
  { field: 'level1', synonyms: ['一级指标'], label: { zh: '一级指标', en: 'Level-1 indicator' } },
  { field: 'level2', synonyms: ['二级指标'], label: { zh: '二级指标', en: 'Level-2 indicator' } },
  { field: 'level3', synonyms: ['三级指标', '指标名称', '绩效指标名称', '具体指标'], label: { zh: '三级指标', en: 'Indicator' } },
  { field: 'target', synonyms: ['年度指标值', '全年指标值', '年度目标值', '预期指标值', '指标值', '目标值'], label: { zh: '年度指标值', en: 'Target' } },
  { field: 'actual', synonyms: ['实际完成值', '全年实际完成值', '实际完成指标值', '全年完成值', '完成值', '实际值'], label: { zh: '实际完成值', en: 'Actual' } },
  { field: 'measure', synonyms: ['计量单位', '度量单位', '单位'], label: { zh: '计量单位', en: 'Unit' } },
  { field: 'weight', synonyms: ['分值', '指标分值', '权重分值'], label: { zh: '分值', en: 'Weight' } },
  {
    field: 'deviation',
    synonyms: ['偏差原因分析及改进措施', '偏差原因分析', '偏差原因及改进措施', '偏差原因', '未完成原因分析'],
    label: { zh: '偏差原因分析及改进措施', en: 'Deviation and remedy' },
  },
  { field: 'goalExpected', synonyms: ['年度总体目标', '预期目标', '年度目标', '总体目标'], label: { zh: '预期目标', en: 'Overall goal' } },
  { field: 'goalActual', synonyms: ['实际完成情况', '总体目标完成情况', '目标完成情况', '全年实际完成情况'], label: { zh: '实际完成情况', en: 'Goal achieved' } },
];

export function fieldSpecs(kind: 'funds'): FieldSpec<FundField>[];
export function fieldSpecs(kind: 'payments'): FieldSpec<PaymentField>[];
export function fieldSpecs(kind: 'indicators'): FieldSpec<IndicatorField>[];
export function fieldSpecs(kind: TableKind): FieldSpec<string>[];
export function fieldSpecs(kind: TableKind): FieldSpec<string>[] {
  return TABLE_SPECS[kind].fields;
}

/** Fields a table must have to be recognised at all. */
export const REQUIRED_FIELDS: { funds: FundField[]; payments: PaymentField[]; indicators: IndicatorField[] } = {
  funds: ['name', 'budget'],
  payments: ['amount'],
  indicators: ['level3', 'target'],
};

/**
 * What the table finder needs to know about one kind of table: its columns, which of them it must
 * have, and any further test of a header row. Every kind in TABLE_SPECS is looked for on every sheet,
 * so a table of one kind ends where a table of another kind starts below it. To add a kind (e.g. the
 * 绩效指标 table): add it to TableKind, give it a spec here, and call findTableCandidates with it.
 */
export interface TableSpec<F extends string = string> {
  kind: TableKind;
  fields: FieldSpec<F>[];
  required: F[];
  /** A further test of a header row's columns (payments: a project and a date or voucher). */
  accepts?: (columns: Partial<Record<F, number>>) => boolean;
  /** How messages name the table. */
  label: { zh: string; en: string };
}

export const TABLE_SPECS: Record<TableKind, TableSpec> = {
  funds: { kind: 'funds', fields: FUND_FIELDS, required: REQUIRED_FIELDS.funds, label: { zh: '项目资金表', en: 'funds table' } },
  payments: {
    kind: 'payments',
    fields: PAYMENT_FIELDS,
    required: REQUIRED_FIELDS.payments,
    // A payments table has the paid amount and something that names the project and the payment.
    accepts: (c) => ('code' in c || 'name' in c) && ('date' in c || 'voucher' in c),
    label: { zh: '支付明细表', en: 'payments table' },
  },
  indicators: {
    kind: 'indicators',
    fields: INDICATOR_FIELDS,
    required: REQUIRED_FIELDS.indicators,
    // An indicators table names the project each indicator belongs to, and its 一级 or 二级 level.
    accepts: (c) => ('code' in c || 'name' in c) && ('level1' in c || 'level2' in c),
    label: { zh: '绩效指标表', en: 'indicators table' },
  },
};
