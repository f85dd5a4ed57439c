/**
 * Reading the rows of the funds table into the model: projects, 小计/合计 rows and group headings.
 * Only the table's own columns are read. Every cell that cannot be read becomes an issue naming it;
 * the row is still kept where it can be, so one bad cell never stops the run. A total may stand below
 * its projects (the usual way) or above them (合计 right under the header, a heading row carrying its
 * group's sums); either way it is checked against the projects it covers.
 */
import { address } from './address';
import { FundsTable } from './detect';
import { FundField } from './fields';
import { Issue, issue } from './issues';
import { AMOUNT_FIELDS, AmountField, Model, Project, ProjectPart, Sourced, TEXT_FIELDS, TotalRow, TotalScope } from './model';
import { Fen, MoneyUnit } from './money';
import { markParts } from './parts';
import { partsSummed } from './parts-check';
import { RowClass, classify, isLastTotal, labelColumn, stripNumbering, textOf } from './fund-rows';
import { TOTAL_LABEL, checkNumericCode, readAmount } from './read-cells';
import { CellValue, SheetSnapshot, cellAt, isBlank, isUncalculated } from './snapshot';
import { cellText, clip, isFormulaError } from './text';
import { UncalculatedCells } from './uncalculated';

/** A text cell for the report: numbers in a satisfaction column read as percentages. */
function reportText(v: CellValue, field: string): string {
  if (typeof v === 'number' && field === 'satisfaction') {
    const pct = v <= 1 ? v * 100 : v;
    return `${Number(pct.toFixed(2))}%`;
  }
  return cellText(v);
}

export const DEFAULT_GROUP = '项目支出';

/** A label that totals the whole table when nothing names a group: 合计, 总计, 共计, 汇总, Total. */
const GRAND_TOTAL = /^(合计|总计|共计|汇总|total|grandtotal)/i;

/** A clerk's status word typed in an amount cell (待定, 见附件): quoted as it is in sentences. */
const STATUS_WORD = /^[\u4e00-\u9fa5]{1,6}$/;

/** Why an unreadable amount is unknown, as the end of a sentence: 执行数待定, 执行数为未计算的公式. */
function unknownWhy(v: CellValue, uncalculated: boolean): string {
  if (uncalculated) return '为未计算的公式';
  const t = cellText(v);
  if (isFormulaError(t)) return `为公式错误${t}`;
  if (STATUS_WORD.test(t)) return t;
  return `“${clip(t, 12)}”无法识别`;
}

interface OpenTotal {
  ref: number;
  /** 1: a group heading's sums, 2: a sub-group heading's, 3: a 小计/合计 row above its projects. */
  level: 1 | 2 | 3;
  projects: number[];
}

export function readFunds(
  sheet: SheetSnapshot,
  table: FundsTable,
  issues: Issue[],
  uncalculated: UncalculatedCells = new UncalculatedCells(),
): Pick<Model, 'projects' | 'parts' | 'totals' | 'fundRows' | 'groups'> {
  const cols = table.columns;
  const unitOf = (f: FundField) => table.columnUnits[f] ?? table.unit;
  const projects: Project[] = [];
  const parts: ProjectPart[] = [];
  const totals: TotalRow[] = [];
  const fundRows: Model['fundRows'] = [];
  const groups: Model['groups'] = [];
  const numericCode = { done: false };
  const classes = classify(sheet, table);
  markParts(sheet, table, classes, unitOf, issues);
  /** What each row became in the model, by class index: where a part finds its parent. */
  const entity = new Map<number, ProjectPart['parent']>();
  const withParts = new Set(classes.flatMap((c) => (c.kind === 'part' ? [c.parent] : [])));
  /** Projects with parts and no budget: their MISSING_REQUIRED waits until the parts may have given one. */
  const budgetLater: Project[] = [];
  // The groups the project rows name, so a 小计 beside a group cell can be known for that group's total.
  const named = new Set<string>();
  classes.forEach((c, i) => {
    if (c.kind !== 'project') return;
    const g = stripNumbering(textOf(sheet, table.dataStart + i, cols.group));
    const sg = stripNumbering(textOf(sheet, table.dataStart + i, cols.subgroup));
    if (g) named.add(g);
    if (g && sg) named.add(`${g}\u0000${sg}`);
  });
  const projectsOfGroup = (g: string, sg?: string) => (named.has(sg ? `${g}\u0000${sg}` : g) ? 1 : 0);

  let group = '';
  let subgroup: string | undefined;
  let headingGroup = '';
  let headingSubgroup: string | undefined;
  /** The last row a title over its parts heads (past it, its sub-group ends). */
  let headingUntil = Infinity;
  let titleOuter: string | undefined;
  let sinceBoundary: number[] = [];
  let sinceHeading: number[] = [];
  let open: OpenTotal[] = [];
  /** What the last row that was not blank or a repeated header was: where a total above its projects starts. */
  let previous = 'start' as 'start' | 'heading' | 'above' | 'other';

  const noteGroup = (g: string, sg?: string) => {
    let entry = groups.find((x) => x.name === g);
    if (!entry) groups.push((entry = { name: g, subgroups: [] }));
    if (sg && !entry.subgroups.includes(sg)) entry.subgroups.push(sg);
  };
  const close = (level: number) => {
    open = open.filter((o) => {
      if (o.level < level) return true;
      (totals[o.ref].scope as { projects: number[] }).projects = o.projects;
      return false;
    });
  };
  /** What follows a total, past blanks, repeated headers and further totals (总计 over 小计 over projects). */
  const nextKind = (i: number): RowClass['kind'] | 'end' => {
    for (let j = i + 1; j < classes.length; j++) {
      const k = classes[j].kind;
      if (k !== 'blank' && k !== 'header-repeat' && k !== 'total' && k !== 'part') return k;
    }
    return 'end';
  };
  const addTotal = (row: number, label: string, labelCol: number, scope: TotalScope, listObject: boolean): number => {
    const read = readAmounts(sheet, row, table, issues, unitOf, uncalculated, true);
    totals.push({ sheet: sheet.name, row, cell: address(sheet.name, row, labelCol), label, scope, amounts: read.amounts, uncalculated: read.uncalculated, ...(listObject ? { listObjectTotals: true } : {}) });
    fundRows.push({ row, kind: 'total', ref: totals.length - 1 });
    return totals.length - 1;
  };

  for (let i = 0; i < classes.length; i++) {
    const row = table.dataStart + i;
    const c = classes[i];
    if (c.kind === 'blank' || c.kind === 'header-repeat' || c.kind === 'footnote') {
      // A note line (注：…, 承前页) ends nothing: a 合计 under it may still stand above its projects.
      fundRows.push({ row, kind: c.kind });
      continue;
    }
    if (c.kind === 'total') {
      let scope: TotalScope;
      const next = nextKind(i);
      const above: boolean = !c.listObject && sinceBoundary.length === 0 && previous !== 'other' && (next === 'project' || next === 'heading');
      const base = c.labelKey.replace(TOTAL_LABEL, '').replace(/[:：]$/, '');
      const groupCell = c.groupCell;
      if (groupCell && projectsOfGroup(groupCell.group, groupCell.subgroup) > 0) {
        // 上级资金 | 小计: the group cell says which projects it stands for, above or below it.
        scope = { kind: 'group', group: groupCell.group, subgroup: groupCell.subgroup };
      } else if (c.listObject) {
        const lo = c.listObject;
        scope = { kind: 'since', projects: projects.filter((p) => p.row > lo.top && p.row < row).map((p) => p.index) };
      } else if (above) {
        // 合计 right under the header covers the whole table; any other total above its projects, those up to the next heading or total.
        scope = previous === 'start' && GRAND_TOTAL.test(c.labelKey) ? { kind: 'all' } : { kind: 'below', projects: [] };
      } else {
        const named = base ? groups.flatMap((g) => [{ group: g.name, subgroup: undefined as string | undefined }, ...g.subgroups.map((s) => ({ group: g.name, subgroup: s }))]).find((x) => (x.subgroup ?? x.group).replace(/\s+/g, '').includes(base) || base.includes((x.subgroup ?? x.group).replace(/\s+/g, ''))) : undefined;
        if (named) scope = { kind: 'group', group: named.group, subgroup: named.subgroup };
        else if (GRAND_TOTAL.test(c.labelKey) && isLastTotal(classes, i)) scope = { kind: 'all' };
        else scope = { kind: 'since', projects: sinceBoundary.length ? sinceBoundary : [...sinceHeading] };
      }
      close(3);
      const ref = addTotal(row, c.label, c.labelCol, scope, Boolean(c.listObject));
      entity.set(i, { kind: 'total', index: ref });
      if (scope.kind === 'below') open.push({ ref, level: 3, projects: [] });
      sinceBoundary = [];
      previous = above ? 'above' : 'other';
      continue;
    }
    if (c.kind === 'heading' && c.until !== undefined) {
      // A title over its parts (1 大数据专项 with no amounts, its parts 1.1, 1.2): it names their
      // sub-group and is otherwise a project row — no boundary for totals, no end of a heading's sums.
      titleOuter = headingSubgroup;
      headingSubgroup = c.text;
      headingUntil = c.until;
      fundRows.push({ row, kind: 'heading' });
      continue;
    }
    if (c.kind === 'heading') {
      if (c.sub) headingSubgroup = c.text;
      else {
        headingGroup = c.text;
        headingSubgroup = undefined;
      }
      close(c.sub ? 2 : 1);
      if (c.withAmounts) {
        // A heading row carrying its group's sums: a total over the projects under it.
        const ref = addTotal(row, c.text, labelColumn(sheet, table, row), { kind: 'below', projects: [] }, false);
        open.push({ ref, level: c.sub ? 2 : 1, projects: [] });
        entity.set(i, { kind: 'total', index: ref });
      } else fundRows.push({ row, kind: 'heading' });
      group = '';
      subgroup = undefined;
      sinceBoundary = [];
      sinceHeading = [];
      previous = 'heading';
      continue;
    }

    if (c.kind === 'part') {
      // Its money is in its parent's row already: read and checked, never added to a total.
      const parent = entity.get(c.parent)!;
      const read = readAmounts(sheet, row, table, issues, unitOf, uncalculated, false);
      const unreadable = AMOUNT_FIELDS.filter((f) => table.columns[f] !== undefined && !read.amounts[f] && (read.uncalculated.includes(f) || !isBlank(cellAt(sheet, row, table.columns[f]!))));
      const name = textOf(sheet, row, cols.name);
      const code = textOf(sheet, row, cols.code);
      parts.push({
        index: parts.length,
        sheet: sheet.name,
        row,
        cell: address(sheet.name, row, cols.name!),
        name: name.replace(/^其中\s*[:：,，、]?\s*/, '') || name,
        code: code || undefined,
        parent,
        project: parent.kind === 'project' ? parent.index : parent.kind === 'part' ? parts[parent.index].project : undefined,
        how: c.how,
        amounts: read.amounts,
        unreadable,
        uncalculated: read.uncalculated,
      });
      entity.set(i, { kind: 'part', index: parts.length - 1 });
      fundRows.push({ row, kind: 'part', ref: parts.length - 1 });
      continue;
    }

    // A project row.
    if (i > headingUntil) {
      headingSubgroup = titleOuter;
      headingUntil = Infinity;
    }
    if (cols.code !== undefined) checkNumericCode(cellAt(sheet, row, cols.code), address(sheet.name, row, cols.code), issues, numericCode);
    const code = textOf(sheet, row, cols.code);
    const name = textOf(sheet, row, cols.name);
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
    const read = readAmounts(sheet, row, table, issues, unitOf, uncalculated, false);
    const project: Project = {
      index,
      sheet: sheet.name,
      row,
      cell: address(sheet.name, row, nameCol),
      name,
      code: code || undefined,
      group: g,
      subgroup: sg,
      amounts: read.amounts,
      unreadable: [],
      uncalculated: read.uncalculated,
      unknownWhy: {},
      texts: {},
    };
    for (const f of AMOUNT_FIELDS) {
      const col = cols[f];
      if (col === undefined || project.amounts[f]) continue;
      const v = cellAt(sheet, row, col);
      const calc = read.uncalculated.includes(f);
      if (!calc && isBlank(v)) continue;
      project.unreadable.push(f);
      project.unknownWhy[f] = unknownWhy(v, calc);
    }
    for (const f of TEXT_FIELDS) {
      const col = cols[f];
      if (col === undefined) continue;
      const t = reportText(cellAt(sheet, row, col), f);
      if (t) project.texts[f] = { value: t, cell: address(sheet.name, row, col) };
    }
    if (!name) {
      issues.push(issue('MISSING_REQUIRED', 'error', project.cell, `此行有金额但没有项目名称，请填写项目名称；如是合计行，请写明“小计”或“合计”。`, `This row has amounts but no project name; fill in the name, or label it 小计/合计 if it is a total row.`));
    }
    if (!project.amounts.budget && !project.unreadable.includes('budget')) {
      if (withParts.has(i)) budgetLater.push(project);
      else issues.push(missingBudget(project, cols.budget!));
    }
    projects.push(project);
    entity.set(i, { kind: 'project', index });
    noteGroup(g, sg);
    sinceBoundary.push(index);
    sinceHeading.push(index);
    for (const o of open) o.projects.push(index);
    fundRows.push({ row, kind: 'project', ref: index });
    previous = 'other';
  }
  close(0);
  // A project whose row leaves an amount empty and whose numbered parts all give it: their sum.
  issues.push(...partsSummed(projects, parts, table));
  for (const p of budgetLater) if (!p.amounts.budget) issues.push(missingBudget(p, cols.budget!));
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
  return { projects, parts, totals, fundRows, groups };
}

function missingBudget(project: Project, budgetCol: number): Issue {
  const name = project.name;
  return issue('MISSING_REQUIRED', 'error', address(project.sheet, project.row, budgetCol), `项目“${clip(name || '（无名称）')}”没有填写全年预算数，无法计算执行率。请填写预算数。`, `Project "${clip(name || '(no name)')}" has no budget, so no rate can be computed. Fill in the budget.`);
}

function readAmounts(
  sheet: SheetSnapshot,
  row: number,
  table: FundsTable,
  issues: Issue[],
  unitOf: (f: FundField) => MoneyUnit,
  uncalculated: UncalculatedCells,
  total: boolean,
): { amounts: Partial<Record<AmountField, Sourced<Fen>>>; uncalculated: AmountField[] } {
  const amounts: Partial<Record<AmountField, Sourced<Fen>>> = {};
  const missing: AmountField[] = [];
  for (const f of AMOUNT_FIELDS) {
    const col = table.columns[f];
    if (col === undefined) continue;
    if (isUncalculated(sheet, row, col)) {
      // A formula with no computed value: unknown, never 0 (one issue per column, made at the end).
      uncalculated.add(sheet.name, row, col, f, total);
      missing.push(f);
      continue;
    }
    const fen = readAmount(sheet.name, row, col, cellAt(sheet, row, col), unitOf(f), f, issues, 'error');
    if (fen !== undefined) amounts[f] = { value: fen, cell: address(sheet.name, row, col) };
  }
  return { amounts, uncalculated: missing };
}
