/**
 * A project's parts against the project (parts.ts finds them). Numbered and indented parts add up to
 * their parent — its budget, its executed amount, every amount column they fill in; 其中 rows may
 * name only some of the parent's money, so they must not add up to more. A disagreement is
 * PARTS_MISMATCH, naming the parent's cell and the parts' cells; the totals keep the parent's figure.
 * An amount the parent's row leaves empty while every numbered part gives it is the parts' sum
 * (PARTS_SUMMED says so).
 */
import { address } from './address';
import { FundsTable } from './detect';
import { Issue } from './issues';
import { AMOUNT_FIELDS, AMOUNT_WORDS, AmountField, Model, Project, ProjectPart, Sourced } from './model';
import { Fen, TOLERANCE_FEN, absFen, formatExact } from './money';
import { wan } from './notes';
import { clip } from './text';

const wanEn = (fen: Fen) => `${formatExact(fen, 'wan')} (10,000 yuan)`;

/** The parts directly under each parent, keyed 'project:3', 'part:0', 'total:1'. */
export function partsByParent(parts: readonly ProjectPart[]): Map<string, ProjectPart[]> {
  const out = new Map<string, ProjectPart[]>();
  for (const p of parts) {
    const key = `${p.parent.kind}:${p.parent.index}`;
    const list = out.get(key) ?? [];
    list.push(p);
    out.set(key, list);
  }
  return out;
}

/** The parts' cells of one column, consecutive rows as a range: 项目资金!C5:C6, or 项目资金!C5、C8. */
export function partCells(parts: readonly ProjectPart[], col: number): string {
  const rows = parts.map((p) => p.row);
  const sheet = parts[0].sheet;
  const consecutive = rows.every((r, k) => k === 0 || r === rows[k - 1] + 1);
  if (consecutive) return rows.length === 1 ? address(sheet, rows[0], col) : `${address(sheet, rows[0], col)}:${address(sheet, rows[rows.length - 1], col).split('!')[1]}`;
  return [address(sheet, rows[0], col), ...rows.slice(1).map((r) => address(sheet, r, col).split('!')[1])].join('、');
}

/** Whether a part leaves a column alone (empty, not merely unreadable). */
const leaves = (p: ProjectPart, f: AmountField) => !p.amounts[f] && !p.unreadable.includes(f);

/** Amounts a project's row leaves empty, taken from its numbered or indented parts when every one gives it. */
export function partsSummed(projects: Project[], parts: readonly ProjectPart[], table: FundsTable): Issue[] {
  const out: Issue[] = [];
  const byParent = partsByParent(parts);
  for (const p of projects) {
    const kids = byParent.get(`project:${p.index}`);
    if (!kids || kids.some((k) => k.how === 'qizhong')) continue;
    for (const f of AMOUNT_FIELDS) {
      const col = table.columns[f];
      if (col === undefined || p.amounts[f] || p.unreadable.includes(f) || p.uncalculated.includes(f)) continue;
      if (!kids.every((k) => k.amounts[f])) continue;
      const sum = kids.reduce<Fen>((s, k) => s + k.amounts[f]!.value, 0n);
      const cell = address(p.sheet, p.row, col);
      p.amounts[f] = { value: sum, cell };
      (p.fromParts ??= []).push(f);
      const where = partCells(kids, col);
      out.push({
        code: 'PARTS_SUMMED',
        severity: 'info',
        cell,
        message: `项目“${clip(p.name)}”的${AMOUNT_WORDS[f].zh}未填写，按其下${kids.length}个分项（${where}）之和${wan(sum)}计算。如不对，请在本格填写该项目的${AMOUNT_WORDS[f].zh}。`,
        messageEn: `Project "${clip(p.name)}" leaves its ${AMOUNT_WORDS[f].en} empty; the sum of its ${kids.length} parts (${where}), ${wanEn(sum)}, is used. If that is wrong, type the project's ${AMOUNT_WORDS[f].en} here.`,
      });
    }
  }
  return out;
}

interface Parent {
  name: string;
  /** How messages call it: 项目“X” / 分项“X” / “合计”行. */
  zh: string;
  en: string;
  amounts: Partial<Record<AmountField, Sourced<Fen>>>;
  fromParts: AmountField[];
}

function parentOf(model: Model, key: string): Parent | undefined {
  const [kind, i] = key.split(':');
  const n = Number(i);
  if (kind === 'project') {
    const p = model.projects[n];
    return { name: p.name, zh: `项目“${clip(p.name)}”`, en: `Project "${clip(p.name)}"`, amounts: p.amounts, fromParts: p.fromParts ?? [] };
  }
  if (kind === 'part') {
    const p = model.parts[n];
    return { name: p.name, zh: `分项“${clip(p.name)}”`, en: `Part "${clip(p.name)}"`, amounts: p.amounts, fromParts: [] };
  }
  const t = model.totals[n];
  return t ? { name: t.label, zh: `“${clip(t.label)}”行`, en: `The "${clip(t.label)}" row`, amounts: t.amounts, fromParts: [] } : undefined;
}

/** PARTS_MISMATCH: parts that do not add up to their parent (其中 rows: that add up to more). */
export function partsMismatch(model: Model, table: FundsTable): Issue[] {
  const out: Issue[] = [];
  for (const [key, kids] of partsByParent(model.parts)) {
    const parent = parentOf(model, key);
    if (!parent) continue;
    const partial = kids.every((k) => k.how === 'qizhong');
    for (const f of AMOUNT_FIELDS) {
      const typed = parent.amounts[f];
      const col = table.columns[f];
      if (!typed || col === undefined || parent.fromParts.includes(f)) continue;
      // Parts that leave a column empty do not break it down; an unreadable part is its own issue.
      if (kids.every((k) => leaves(k, f)) || kids.some((k) => k.unreadable.includes(f))) continue;
      const sum = kids.reduce<Fen>((s, k) => s + (k.amounts[f]?.value ?? 0n), 0n);
      const off = sum - typed.value;
      if (partial ? off <= TOLERANCE_FEN : absFen(off) <= TOLERANCE_FEN) continue;
      const where = partCells(kids, col);
      const n = kids.length;
      const word = AMOUNT_WORDS[f];
      const kidsZh = partial ? `其中所列${n}项（${where}）` : `其下${n}个分项（${where}）`;
      const kidsEn = partial ? `the ${n} item${n > 1 ? 's' : ''} listed under 其中 (${where})` : `its ${n} part${n > 1 ? 's' : ''} (${where})`;
      out.push({
        code: 'PARTS_MISMATCH',
        severity: 'error',
        cell: typed.cell,
        cells: [typed.cell, ...kids.map((k) => address(k.sheet, k.row, col))],
        message: partial
          ? `${parent.zh}的${word.zh}${wan(typed.value)}小于${kidsZh}之和${wan(sum)}（多出${wan(off)}）。“其中”各项是本行的一部分，不能超过本行；合计按本行的${wan(typed.value)}计算。请核对本行或“其中”各项。`
          : `${parent.zh}的${word.zh}${wan(typed.value)}与${kidsZh}之和${wan(sum)}不符（相差${wan(absFen(off))}）。分项不另计入合计，合计按本行的${wan(typed.value)}计算。请核对本行或各分项。`,
        messageEn: partial
          ? `${parent.en}: its ${word.en}, ${wanEn(typed.value)}, is less than the sum of ${kidsEn}, ${wanEn(sum)} (by ${wanEn(off)}). Items under 其中 are part of the row and cannot exceed it; the totals use the row's ${wanEn(typed.value)}. Check the row or the items.`
          : `${parent.en}: its ${word.en}, ${wanEn(typed.value)}, does not equal the sum of ${kidsEn}, ${wanEn(sum)} (off by ${wanEn(absFen(off))}). Parts are not added to the totals again; the totals use the row's ${wanEn(typed.value)}. Check the row or its parts.`,
      });
    }
  }
  return out;
}
