/**
 * A project's parts. Offices list a project and then its parts under it: numbered 1.1/1.2 under 1,
 * (1)/(2), （1）/（2） or ①② under a numbered project, rows labelled 其中：…, or rows merely indented
 * under it. A part's money is already in its parent's row; read as a project it would be counted twice
 * in every total. This pass finds them among the rows `classify` calls projects:
 * - numbered parts belong to the nearest row numbered one level up (1.1 to 1, 1.1.1 to 1.1, (1) to the
 *   last 1 or 1.1, ① to the last (1) or 1); (1) under a row with no number stays a project (a list may
 *   be numbered (1), (2) from the start);
 * - a 其中 row belongs to the row above it (a project, a part, or a 小计/合计 row), and so do indented
 *   rows right under a 其中 row;
 * - indented rows with no number (or the flat running number of every row) are parts only when their
 *   budgets add up to the row above them (PARTS_ASSUMED); otherwise they stay projects and
 *   PARTS_UNCLEAR says they may be parts; items typed plainly under a bare 其中： label are parts as far
 *   as their budgets reach the parent's;
 * - a parent with no amounts at all is a title: it becomes a sub-heading and its parts are projects.
 */
import { address } from './address';
import { FundsTable } from './detect';
import { FundField } from './fields';
import { Issue } from './issues';
import { AMOUNT_FIELDS, PartHow } from './model';
import { Fen, MoneyUnit, TOLERANCE_FEN, absFen, parseAmount } from './money';
import { wan } from './notes';
import type { RowClass } from './fund-rows';
import { CellValue, SheetSnapshot, cellAt, isBlank, isUncalculated } from './snapshot';
import { cellText, clip, toHalfWidth } from './text';

export type Numbering =
  | { style: 'top' | 'dotted'; path: number[] }
  | { style: 'paren' | 'circled'; n: number }
  | { style: 'qizhong' }
  | { style: 'none' };

const QIZHONG = /^其中/;
/** 1.1, 1.2.3, or with hyphens 1-1 (full-width １－１ made half-width first). */
const DOTTED = /^(\d{1,3}(?:[.-]\d{1,3})+)\.?(?!\d)/;
const PAREN = /^\((\d{1,3})\)/;
const CIRCLED = /^[\u2460-\u2473]/;
/** A project's own number: 1, 1、 1. or 1．, alone in the 序号 column or before the name. */
const TOP_ALONE = /^(\d{1,3})[.、]?$/;
const TOP_BEFORE_NAME = /^(\d{1,3})(?:[.、,]|\s)/;

/** How a label is numbered. `alone`: the cell is a 序号 cell (a bare 1 is a number, not the start of a name). */
export function numberingOf(v: CellValue, alone: boolean): Numbering {
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v <= 0) return { style: 'none' };
    if (Number.isInteger(v)) return v < 1000 ? { style: 'top', path: [v] } : { style: 'none' };
    const m = /^(\d{1,3})\.(\d{1,3})$/.exec(String(v));
    return m && alone ? { style: 'dotted', path: [Number(m[1]), Number(m[2])] } : { style: 'none' };
  }
  const t = toHalfWidth(cellText(v)).replace(/^\s+/, '');
  if (!t) return { style: 'none' };
  if (QIZHONG.test(t)) return { style: 'qizhong' };
  let m = DOTTED.exec(t);
  if (m) return { style: 'dotted', path: m[1].split(/[.-]/).map(Number) };
  m = PAREN.exec(t);
  if (m) return { style: 'paren', n: Number(m[1]) };
  if (CIRCLED.test(t)) return { style: 'circled', n: t.charCodeAt(0) - 0x2460 + 1 };
  m = (alone ? TOP_ALONE : TOP_BEFORE_NAME).exec(t) ?? (alone ? TOP_BEFORE_NAME.exec(t) : null);
  if (m) return { style: 'top', path: [Number(m[1])] };
  return { style: 'none' };
}

/** A name typed with leading spaces (half- or full-width): the clerk's way of indenting a row. */
export function isIndented(v: CellValue): boolean {
  return indentOf(v) >= 2;
}

/** How deep a name is indented, in half-width spaces (a full-width space is two, a tab four). */
export function indentOf(v: CellValue): number {
  if (typeof v !== 'string' || !/\S/.test(v)) return 0;
  let n = 0;
  for (const ch of /^[\s\u3000]*/.exec(v)![0]) n += ch === '\u3000' ? 2 : ch === '\t' ? 4 : 1;
  return n;
}

interface Open {
  i: number;
  num: Numbering;
}

const samePath = (a: number[], b: number[]) => a.length === b.length && a.every((x, k) => x === b[k]);

/**
 * Marks the parts among `classes` (turning their 'project' into 'part', and a parent with no amounts
 * into a sub-heading). Indented rows read as parts by their sums get PARTS_ASSUMED (info);
 * those it cannot settle get PARTS_UNCLEAR (a warning: they may be parts counted twice).
 */
export function markParts(sheet: SheetSnapshot, table: FundsTable, classes: RowClass[], unitOf: (f: FundField) => MoneyUnit, issues: Issue[]): void {
  const cols = table.columns;
  const rowOf = (i: number) => table.dataStart + i;
  const seqCell = (i: number) => (cols.seq !== undefined ? cellAt(sheet, rowOf(i), cols.seq) : null);
  const nameCell = (i: number) => (cols.name !== undefined ? cellAt(sheet, rowOf(i), cols.name) : null);
  const numbering = (i: number): Numbering => {
    const seq = seqCell(i);
    const own = isBlank(seq) ? { style: 'none' as const } : numberingOf(seq, true);
    if (own.style !== 'none') return own;
    const byName = numberingOf(nameCell(i), false);
    return byName;
  };
  const hasAmounts = (i: number) => AMOUNT_FIELDS.some((f) => cols[f] !== undefined && (!isBlank(cellAt(sheet, rowOf(i), cols[f]!)) || isUncalculated(sheet, rowOf(i), cols[f]!)));
  const links = new Map<number, { parent: number; how: PartHow }>();
  const nums = new Map<number, Numbering>();

  let stack: Open[] = [];
  /** A 小计/合计 row (or a heading carrying sums) right above: 其中 rows under it break it down. */
  let totalAbove: number | undefined;
  for (let i = 0; i < classes.length; i++) {
    const c = classes[i];
    if (c.kind === 'blank' || c.kind === 'header-repeat') continue;
    if (c.kind !== 'project') {
      stack = [];
      totalAbove = c.kind === 'total' || (c.kind === 'heading' && c.withAmounts) ? i : undefined;
      continue;
    }
    const num = numbering(i);
    nums.set(i, num);
    const indented = isIndented(nameCell(i));
    if (num.style === 'qizhong') {
      const parent = [...stack].reverse().find((o) => !isQizhong(links, o.i));
      if (parent) links.set(i, { parent: parent.i, how: 'qizhong' });
      else if (totalAbove !== undefined) links.set(i, { parent: totalAbove, how: 'qizhong' });
      if (links.has(i)) stack.push({ i, num });
      else stack = [{ i, num }];
      continue;
    }
    const top = stack[stack.length - 1];
    if (indented && num.style === 'none' && top && isQizhong(links, top.i)) {
      // An indented row right under a 其中 row goes on with it: 其中：平台运维 / 　　数据治理.
      links.set(i, { parent: links.get(top.i)!.parent, how: 'qizhong' });
      stack.push({ i, num });
      continue;
    }
    totalAbove = undefined;
    if (num.style === 'dotted') {
      const up = num.path.slice(0, -1);
      const at = findLast(stack, (o) => (o.num.style === 'top' || o.num.style === 'dotted') && samePath(o.num.path, up));
      if (at >= 0) {
        links.set(i, { parent: stack[at].i, how: 'numbered' });
        stack = [...stack.slice(0, at + 1), { i, num }];
      } else stack = [{ i, num }];
      continue;
    }
    if (num.style === 'paren' || num.style === 'circled') {
      const inner = num.style === 'paren' ? ['paren', 'circled', 'qizhong', 'none'] : ['circled', 'qizhong', 'none'];
      let at = stack.length - 1;
      while (at >= 0 && inner.includes(stack[at].num.style)) at--;
      if (at >= 0) {
        links.set(i, { parent: stack[at].i, how: 'numbered' });
        stack = [...stack.slice(0, at + 1), { i, num }];
      } else stack = [{ i, num }];
      continue;
    }
    stack = [{ i, num }];
  }

  const budgetOf = (i: number): Fen | undefined => {
    if (cols.budget === undefined) return undefined;
    const p = parseAmount(cellAt(sheet, rowOf(i), cols.budget), unitOf('budget'));
    return p.ok ? p.fen : undefined;
  };
  bareQizhong(classes, links, nums, hasAmounts, budgetOf, (label, parent) => issues.push(unclearUnderLabel(sheet, table, label, parent, (i) => cellText(nameCell(i)) || cellText(seqCell(i)))));
  indentedRuns(classes, links, nums, {
    indent: (i) => indentOf(nameCell(i)),
    hasAmounts,
    budget: budgetOf,
    issue: (parent, run, read) => issues.push(indentedIssue(sheet, table, parent, run, read, (i) => cellText(nameCell(i)))),
  });

  // A parent with no amounts at all is a title over its parts: a sub-heading, its parts projects.
  const parents = new Set([...links.values()].map((l) => l.parent));
  for (const p of parents) {
    if (classes[p].kind !== 'project' || hasAmounts(p)) continue;
    const label = cellText(nameCell(p)) || cellText(seqCell(p));
    let until = p;
    while (until + 1 < classes.length && descends(links, until + 1, p)) until++;
    classes[p] = { kind: 'heading', text: label.replace(/^\s*(\d{1,3}(?:[.．]\d{1,3})*[.、．]?|[（(]\d{1,3}[)）])\s*/, ''), sub: true, withAmounts: false, until };
    for (const [child, l] of links) if (l.parent === p) links.delete(child);
  }
  for (const [i, l] of links) classes[i] = { kind: 'part', parent: l.parent, how: l.how };
}

/** Whether row i is a part of p, or a part of one of its parts. */
function descends(links: Map<number, { parent: number }>, i: number, p: number): boolean {
  for (let at = links.get(i); at; at = links.get(at.parent)) if (at.parent === p) return true;
  return false;
}

function isQizhong(links: Map<number, { how: PartHow }>, i: number): boolean {
  return links.get(i)?.how === 'qizhong';
}

function findLast<T>(xs: T[], f: (x: T) => boolean): number {
  for (let k = xs.length - 1; k >= 0; k--) if (f(xs[k])) return k;
  return -1;
}

/**
 * A 其中： row with no amounts is a label over the items that follow it, typed without indent or
 * number: they are its parent's parts as far as their budgets reach the parent's exactly. When no run
 * of them does, they are counted as projects, and PARTS_UNCLEAR says they may be parts.
 */
function bareQizhong(
  classes: RowClass[],
  links: Map<number, { parent: number; how: PartHow }>,
  nums: Map<number, Numbering>,
  hasAmounts: (i: number) => boolean,
  budget: (i: number) => Fen | undefined,
  unclear: (label: number, parent: number) => void,
): void {
  for (const [label, link] of [...links]) {
    if (link.how !== 'qizhong' || nums.get(label)?.style !== 'qizhong' || hasAmounts(label)) continue;
    if (links.has(label + 1) || label + 1 >= classes.length || classes[label + 1].kind !== 'project') continue;
    const target = budget(link.parent);
    const run: number[] = [];
    let sum = 0n;
    let reached = false;
    for (let j = label + 1; j < classes.length && target !== undefined; j++) {
      const style = nums.get(j)?.style ?? 'none';
      const b = budget(j);
      if (classes[j].kind !== 'project' || links.has(j) || !['none', 'top'].includes(style) || b === undefined) break;
      run.push(j);
      sum += b;
      if (absFen(sum - target) <= TOLERANCE_FEN) {
        reached = true;
        break;
      }
      if (sum > target + TOLERANCE_FEN) break;
    }
    if (reached) for (const j of run) links.set(j, { parent: link.parent, how: 'qizhong' });
    else unclear(label, link.parent);
  }
}

function unclearUnderLabel(sheet: SheetSnapshot, table: FundsTable, label: number, parent: number, name: (i: number) => string): Issue {
  const row = (i: number) => table.dataStart + i;
  const cell = address(sheet.name, row(label), table.columns.name ?? table.left);
  const who = clip(name(parent));
  return {
    code: 'PARTS_UNCLEAR',
    severity: 'warning',
    cell,
    message: `“其中：”行下方各行看不出哪些属于“${who}”（没有缩进或编号，预算数之和也凑不成该行的预算数），已按独立项目计入合计。如它们是“${who}”的组成部分，请在序号列写 1.1、1.2 或把名称缩进，否则合计会重复计算。`,
    messageEn: `The rows under the 其中： row do not show which belong to "${who}" (no indent, no number, and no run of their budgets adds up to its budget), so they are counted as projects of their own. If they are parts of "${who}", number them 1.1, 1.2 or indent their names, or the totals count that money twice.`,
  };
}

/** Indentation that is meant: two spaces or one full-width space (a single stray space is a typo). */
const MIN_INDENT = 2;

interface RunAccess {
  indent: (i: number) => number;
  hasAmounts: (i: number) => boolean;
  budget: (i: number) => Fen | undefined;
  issue: (parent: number, run: number[], read: boolean) => void;
}

/**
 * Indented rows right under a row that is not indented: parts when their budgets add up to that row's
 * budget (then an info issue says they were read so); projects otherwise, with a warning — the table
 * does not say, and a part read as a project counts its money twice. Under a row with no amounts
 * (a title) they are simply projects.
 */
function indentedRuns(classes: RowClass[], links: Map<number, { parent: number; how: PartHow }>, nums: Map<number, Numbering>, at: RunAccess): void {
  const free = (i: number) => classes[i].kind === 'project' && !links.has(i) && ['none', 'top'].includes(nums.get(i)?.style ?? 'none');
  for (let p = 0; p < classes.length; p++) {
    if (classes[p].kind !== 'project' || links.has(p)) continue;
    const depth = at.indent(p);
    const run: number[] = [];
    for (let j = p + 1; j < classes.length && free(j) && at.indent(j) >= depth + MIN_INDENT; j++) run.push(j);
    if (!run.length) continue;
    if (!at.hasAmounts(p)) {
      // A title over indented projects: they are the projects (the title becomes a heading below).
      for (const j of run) links.set(j, { parent: p, how: 'indented' });
      continue;
    }
    const parentBudget = at.budget(p);
    const budgets = run.map(at.budget);
    const adds = parentBudget !== undefined && budgets.every((b) => b !== undefined) && absFen(budgets.reduce<Fen>((s, b) => s + b!, 0n) - parentBudget) <= TOLERANCE_FEN;
    if (adds) for (const j of run) links.set(j, { parent: p, how: 'indented' });
    at.issue(p, run, adds);
    p = run[run.length - 1];
  }
}

function indentedIssue(sheet: SheetSnapshot, table: FundsTable, parent: number, run: number[], read: boolean, name: (i: number) => string): Issue {
  const row = (i: number) => table.dataStart + i;
  const cell = address(sheet.name, row(parent), table.columns.name!);
  const first = row(run[0]) + 1;
  const last = row(run[run.length - 1]) + 1;
  const rows = first === last ? `第${first}行` : `第${first}–${last}行`;
  const rowsEn = first === last ? `row ${first}` : `rows ${first}–${last}`;
  const who = clip(name(parent));
  if (read) {
    const budget = table.columns.budget !== undefined ? parseAmount(cellAt(sheet, row(parent), table.columns.budget), table.columnUnits.budget ?? table.unit) : undefined;
    const amount = budget?.ok ? wan(budget.fen) : '';
    return {
      code: 'PARTS_ASSUMED',
      severity: 'info',
      cell,
      cells: [cell, ...run.map((i) => address(sheet.name, row(i), table.columns.name!))],
      message: `${rows}缩进列在“${who}”之下，预算数之和等于该项目的${amount}，按该项目的组成部分处理：只核对、不另计入合计。如它们是独立的项目，请取消缩进并核对“${who}”的预算数。`,
      messageEn: `${rowsEn[0].toUpperCase()}${rowsEn.slice(1)} are indented under "${who}" and their budgets add up to its budget, so they are read as its parts: checked, not added to the totals again. If they are projects of their own, remove the indent and check the budget of "${who}".`,
    };
  }
  return {
    code: 'PARTS_UNCLEAR',
    severity: 'warning',
    cell,
    cells: [cell, ...run.map((i) => address(sheet.name, row(i), table.columns.name!))],
    message: `${rows}缩进列在“${who}”之下，但预算数之和不等于该项目的预算数，已按独立项目计入合计。如它们是“${who}”的组成部分，请在序号列写 1.1、1.2（或在名称前写“其中：”），否则合计会重复计算。`,
    messageEn: `${rowsEn[0].toUpperCase()}${rowsEn.slice(1)} are indented under "${who}" but their budgets do not add up to its budget, so they are counted as projects of their own. If they are parts of "${who}", number them 1.1, 1.2 (or start their names with 其中：), or the totals count that money twice.`,
  };
}
