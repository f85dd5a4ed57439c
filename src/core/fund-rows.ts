/**
 * What each row of the funds table is, before groups and scopes are worked out: a project, a
 * 小计/合计 row (an Excel table's totals row included), a group heading (with or without its
 * group's sums), a footnote, a blank, or the header printed again.
 */
import { FundsTable } from './detect';
import { FundField } from './fields';
import { AMOUNT_FIELDS, PartHow } from './model';
import { FOOTNOTE, HEADING, PAGE_CARRY, PAGE_LINE, TOTAL_LABEL } from './read-cells';
import { CellRect, CellValue, SheetSnapshot, cellAt, isBlank, isUncalculated, rowAt } from './snapshot';
import { cellText, toHalfWidth } from './text';

export function stripNumbering(s: string): string {
  return s.replace(/^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])\s*/, '').replace(/[:：]$/, '').trim();
}

export function textOf(sheet: SheetSnapshot, row: number, col: number | undefined): string {
  return col === undefined ? '' : cellText(cellAt(sheet, row, col));
}

export type RowClass =
  | { kind: 'blank' | 'header-repeat' | 'footnote' | 'project' }
  | { kind: 'total'; label: string; labelKey: string; labelCol: number; listObject?: CellRect; groupCell?: { group: string; subgroup?: string } }
  /** `until`: a title over its parts (parts.ts) heads the rows up to this class index only. */
  | { kind: 'heading'; text: string; sub: boolean; withAmounts: boolean; until?: number }
  /** A project's part (parts.ts): `parent` is the class index of the row it breaks down. */
  | { kind: 'part'; parent: number; how: PartHow };

const LABEL_FIELDS: FundField[] = ['seq', 'group', 'subgroup', 'name', 'code'];

export function labelColumn(sheet: SheetSnapshot, table: FundsTable, row: number): number {
  for (const f of LABEL_FIELDS) {
    const c = table.columns[f];
    if (c !== undefined && cellText(cellAt(sheet, row, c)) !== '') return c;
  }
  return table.columns.name ?? table.left;
}

/** The totals rows of the Excel tables (ListObjects) over this table's columns. */
function listObjectTotals(sheet: SheetSnapshot, table: FundsTable): Map<number, CellRect> {
  const out = new Map<number, CellRect>();
  for (const t of sheet.tables ?? []) {
    if (t.totalsRow && t.rect.left <= table.right && t.rect.right >= table.left) out.set(t.rect.bottom, t.rect);
  }
  return out;
}

/** What each row of the body is, before groups and scopes are worked out. */
export function classify(sheet: SheetSnapshot, table: FundsTable): RowClass[] {
  const cols = table.columns;
  const repeated = new Set(table.repeatedHeaderRows);
  const loTotals = listObjectTotals(sheet, table);
  const labelCols = LABEL_FIELDS.map((f) => cols[f]).filter((c): c is number => c !== undefined);
  const out: RowClass[] = [];
  for (let row = table.dataStart; row <= table.dataEnd; row++) {
    if (repeated.has(row)) {
      out.push({ kind: 'header-repeat' });
      continue;
    }
    const values = rowAt(sheet, row);
    let first: CellValue = null;
    let firstCol = -1;
    if (values) {
      const end = Math.min(table.right, sheet.left + values.length - 1);
      for (let c = table.left; c <= end; c++) {
        const v = values[c - sheet.left];
        if (!isBlank(v ?? null)) {
          first = v;
          firstCol = c;
          break;
        }
      }
    }
    const amountCells = AMOUNT_FIELDS.filter((f) => cols[f] !== undefined && (!isBlank(cellAt(sheet, row, cols[f]!)) || isUncalculated(sheet, row, cols[f]!)));
    const listObject = loTotals.get(row);
    if (firstCol < 0 && amountCells.length === 0 && !listObject) {
      out.push({ kind: 'blank' });
      continue;
    }
    const labelCol = labelCols.find((c) => cellText(cellAt(sheet, row, c)) !== '');
    const label = labelCol !== undefined ? cellText(cellAt(sheet, row, labelCol)) : cellText(first);
    const labelKey = toHalfWidth(label).replace(/\s+/g, '');
    // 过次页/承前页 carry a printed page's sums (never a project: they would count its money twice); 第1页 共2页.
    if (PAGE_CARRY.test(labelKey) || PAGE_LINE.test(labelKey)) {
      out.push({ kind: 'footnote' });
      continue;
    }
    const code = textOf(sheet, row, cols.code);
    const name = textOf(sheet, row, cols.name);
    // 小计 in the name column beside a group cell (上级资金 | 小计) is a total as much as a 小计 in the first column.
    const nameKey = toHalfWidth(name).replace(/\s+/g, '');
    const totalKey = TOTAL_LABEL.test(labelKey) ? labelKey : nameKey && TOTAL_LABEL.test(nameKey) ? nameKey : undefined;
    // An export puts 合计 (and its signature line) in the first column, which may be the code column:
    // a "code" that is the row's own label is no code.
    const labelIsCode = labelCol === cols.code || (labelCol === undefined && firstCol === cols.code);
    const realCode = labelIsCode && (TOTAL_LABEL.test(labelKey) || FOOTNOTE.test(labelKey)) ? '' : code;
    if (listObject || (totalKey !== undefined && !realCode && totalKey.length <= 40)) {
      const key = totalKey ?? labelKey;
      const inName = totalKey === nameKey && totalKey !== labelKey;
      // A group (and sub-group) cell beside the 小计 names the group it totals.
      const group = inName ? stripNumbering(textOf(sheet, row, cols.group)) : '';
      const subgroup = inName ? stripNumbering(textOf(sheet, row, cols.subgroup)) : '';
      out.push({
        kind: 'total',
        label: inName ? name : label,
        labelKey: key,
        labelCol: inName ? cols.name! : labelCol ?? (firstCol >= 0 ? firstCol : table.left),
        listObject,
        groupCell: group ? { group, subgroup: subgroup || undefined } : undefined,
      });
      continue;
    }
    // A signature line (制单人：张三 … 打印时间：2024-01-05) may spill into the amount columns: as text, not money.
    const footnoteAmounts = amountCells.every((f) => FOOTNOTE.test(toHalfWidth(cellText(cellAt(sheet, row, cols[f]!))).replace(/\s+/g, '')));
    if (footnoteAmounts && !realCode && FOOTNOTE.test(labelKey)) {
      out.push({ kind: 'footnote' });
      continue;
    }
    const heading = code ? null : HEADING.exec(labelKey);
    const groupOnly = !code && !name && cols.group !== undefined && textOf(sheet, row, cols.group) !== '';
    if (amountCells.length === 0 && (heading || groupOnly)) {
      out.push({ kind: 'heading', text: headingText(sheet, row, labelCols, label), sub: Boolean(heading && heading[0].startsWith('(')), withAmounts: false });
      continue;
    }
    if (heading && amountCells.length > 0) {
      out.push({ kind: 'heading', text: headingText(sheet, row, labelCols, label), sub: heading[0].startsWith('('), withAmounts: true });
      continue;
    }
    out.push({ kind: 'project' });
  }
  // A numbered heading with sums is a project when the next row is numbered alike (一、 二、 …): a list, not a group.
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c.kind !== 'heading' || !c.withAmounts) continue;
    let j = i + 1;
    while (j < out.length && (out[j].kind === 'blank' || out[j].kind === 'header-repeat')) j++;
    const n = out[j];
    if (!n || n.kind === 'total' || (n.kind === 'heading' && n.sub === c.sub)) out[i] = { kind: 'project' };
  }
  return out;
}

/** A heading's text without its numbering; when the numbering stands alone (序号 一、), the next label cell's text. */
function headingText(sheet: SheetSnapshot, row: number, labelCols: number[], label: string): string {
  const own = stripNumbering(label);
  if (own) return own;
  for (const c of labelCols) {
    const t = stripNumbering(cellText(cellAt(sheet, row, c)));
    if (t) return t;
  }
  return label;
}

export function isLastTotal(classes: RowClass[], i: number): boolean {
  for (let j = i + 1; j < classes.length; j++) {
    const k = classes[j].kind;
    if (k !== 'blank' && k !== 'footnote' && k !== 'header-repeat' && k !== 'part') return false;
  }
  return true;
}

