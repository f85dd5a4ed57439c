/**
 * Reading the rows of the funds table into the model: projects, 小计/合计 rows and group headings.
 * Every cell that cannot be read becomes an issue naming it; the row is still kept where it can be,
 * so one bad cell never stops the run.
 */
import { address } from './address';
import { FundsTable } from './detect';
import { FundField } from './fields';
import { Issue, issue } from './issues';
import { AMOUNT_FIELDS, AmountField, Model, Project, Sourced, TEXT_FIELDS, TotalRow, TotalScope } from './model';
import { Fen, MoneyUnit } from './money';
import { FOOTNOTE, HEADING, TOTAL_LABEL, checkNumericCode, readAmount } from './read-cells';
import { CellValue, SheetSnapshot, cellAt, isBlank } from './snapshot';
import { cellText, clip, toHalfWidth } from './text';

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

  // A row missing from a sparse snapshot is blank, and visiting a million of them (one stray cell in
  // XFD1048576) would cost what sparseness saves — the body's closures make each visit an allocation.
  const present: number[] = [];
  for (let r = table.dataStart; r <= table.dataEnd; r++) if (sheet.values[r - sheet.top]) present.push(r);
  for (const row of present) {
    const values = sheet.values[row - sheet.top];
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
    if (!sheet.values[r - sheet.top]) continue; // a missing row of a sparse snapshot: nothing below
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

