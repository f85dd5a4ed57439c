/**
 * Formulas with no computed value (a file written by a script or an export system and never opened
 * in Excel): every such cell the core reads becomes an unknown, and the cells of one column become
 * one FORMULA_NOT_CALCULATED issue that names them all — its cell the first, its `cells` every one,
 * so each affected row still gets its 校验提示 mark.
 */
import { columnLetters, quoteSheetName } from './address';
import { Issue } from './issues';

/** What the formula would have given, as messages name it. */
export type UncalculatedField = 'initialBudget' | 'budget' | 'fiscal' | 'carryover' | 'other' | 'executed' | 'amount' | 'date';

const WORDS: Record<UncalculatedField, { zh: string; en: string }> = {
  initialBudget: { zh: '年初预算数', en: 'initial budget' },
  budget: { zh: '全年预算数', en: 'budget' },
  fiscal: { zh: '财政拨款', en: 'appropriation' },
  carryover: { zh: '上年结转', en: 'carry-over' },
  other: { zh: '其他资金', en: 'other funds' },
  executed: { zh: '执行数', en: 'executed amount' },
  amount: { zh: '支付金额', en: 'payment amount' },
  date: { zh: '支付日期', en: 'payment date' },
};

/** At most this many cells or ranges are listed in a message; the rest are counted. */
const LISTED = 10;

interface Column {
  sheet: string;
  col: number;
  field: UncalculatedField;
  rows: number[];
  totalRows: number[];
}

/** Consecutive rows as ranges: K5, K7:K9. */
function ranges(col: number, rows: number[]): string[] {
  const sorted = [...rows].sort((a, b) => a - b);
  const out: string[] = [];
  const letters = columnLetters(col);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(i === j ? `${letters}${sorted[i] + 1}` : `${letters}${sorted[i] + 1}:${letters}${sorted[j] + 1}`);
    i = j + 1;
  }
  return out;
}

/** A column's cells as a message lists them: K5、K7:K9, at most ten parts. */
export function describeCells(col: number, rows: number[]): { zh: string; en: string } {
  const parts = ranges(col, rows);
  const shown = parts.slice(0, LISTED);
  const more = parts.length > LISTED;
  return { zh: `${shown.join('、')}${more ? `等${rows.length}个单元格` : ''}`, en: `${shown.join(', ')}${more ? ` and more (${rows.length} cells)` : ''}` };
}

export class UncalculatedCells {
  private readonly columns = new Map<string, Column>();

  /** A formula cell with no value, on a project or payment row (`total` for a 小计/合计 row). */
  add(sheet: string, row: number, col: number, field: UncalculatedField, total = false): void {
    const key = `${sheet}\u0000${col}`;
    let c = this.columns.get(key);
    if (!c) this.columns.set(key, (c = { sheet, col, field, rows: [], totalRows: [] }));
    // One column can be read as two fields (a 年初预算 column mapped as the budget too): each cell is
    // listed once, and the column is named by the field the rate depends on.
    if (field === 'budget' || field === 'executed') c.field = field;
    const rows = total ? c.totalRows : c.rows;
    if (!rows.includes(row)) rows.push(row);
  }

  get size(): number {
    return this.columns.size;
  }

  issues(): Issue[] {
    const out: Issue[] = [];
    for (const c of this.columns.values()) {
      const all = [...c.rows, ...c.totalRows].sort((a, b) => a - b);
      const prefix = `${quoteSheetName(c.sheet)}!`;
      const w = WORDS[c.field];
      const payment = c.field === 'amount' || c.field === 'date';
      const rows = c.rows.length ? describeCells(c.col, c.rows) : undefined;
      const totals = c.totalRows.length ? describeCells(c.col, c.totalRows) : undefined;
      const consequence = payment ? '这些支付不计入，所属项目的执行数按未知处理、不计算执行率' : c.field === 'executed' || c.field === 'budget' ? '这些项目的执行率不计算' : '这些金额按未知处理';
      const consequenceEn = payment ? 'these payments are not counted and their projects’ executed amounts are unknown, so no rate is computed' : c.field === 'executed' || c.field === 'budget' ? 'no rate is computed for these projects' : 'these amounts are unknown';
      const zh = [
        `${w.zh}单元格 ${prefix}${describeCells(c.col, all).zh} 是没有计算结果的公式（文件保存时未经 Excel 计算，常见于系统导出或程序生成的文件），不能按0读取。`,
        rows ? `${consequence}（${rows.zh}）。` : '',
        totals ? `合计行 ${totals.zh} 未核对。` : '',
        '请在 Excel 中打开并保存一次后重试。',
      ].join('');
      const en = [
        `The ${w.en} cells ${prefix}${describeCells(c.col, all).en} are formulas with no computed value (the file was saved without Excel calculating it, as exports and generated files often are); they cannot be read as 0.`,
        rows ? ` ${consequenceEn.charAt(0).toUpperCase()}${consequenceEn.slice(1)} (${rows.en}).` : '',
        totals ? ` The total rows ${totals.en} are not checked.` : '',
        ' Open the file in Excel, save it once, and try again.',
      ].join('');
      out.push({ code: 'FORMULA_NOT_CALCULATED', severity: 'error', cell: `${prefix}${columnLetters(c.col)}${all[0] + 1}`, cells: all.map((r) => `${prefix}${columnLetters(c.col)}${r + 1}`), message: zh, messageEn: en });
    }
    return out;
  }
}
