/**
 * Choosing among the candidates of one kind, and the issues that say how it was chosen or why it could
 * not be: a visible sheet first, the best score, the year named by the settings, else the latest year
 * (TABLE_CHOSEN_BY_YEAR), else the user must choose (TABLE_AMBIGUOUS). And the range a user types to
 * choose a table ("J:Q", "J3:Q40").
 */
import { address, columnIndex, columnLetters } from './address';
import { TABLE_SPECS, TableKind } from './fields';
import { Issue, issue } from './issues';
import { isVisible } from './table-candidates';
import { Candidate, TableLocation } from './table-location';

/** A range the user typed for a table: "J:Q" or "J3:Q40" (rows optional). */
export interface RangeOverride {
  left: number;
  right: number;
  top?: number;
  bottom?: number;
}

const RANGE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})?\s*:\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})?$/;

export function parseRangeOverride(text: string): RangeOverride | undefined {
  const m = RANGE.exec(text.trim());
  if (!m) return undefined;
  const left = columnIndex(m[1]);
  const right = columnIndex(m[3]);
  const top = m[2] ? Number(m[2]) - 1 : undefined;
  const bottom = m[4] ? Number(m[4]) - 1 : undefined;
  if (left > right || right > 16383 || (top !== undefined && top < 0) || (bottom !== undefined && (bottom < 0 || bottom > 1_048_575))) return undefined;
  if (top !== undefined && bottom !== undefined && top > bottom) return undefined;
  if ((m[2] === undefined) !== (m[4] === undefined) && m[4] !== undefined) return undefined;
  return { left, right, top, bottom };
}

/** How a message tells the user to pick a table: the pane's mapping, or --map on the command line. */
function howToChoose(kind: TableKind, loc: TableLocation): { zh: string; en: string } {
  const range = `${columnLetters(loc.left)}${loc.headerRow + 1}:${columnLetters(loc.right)}${loc.dataEnd + 1}`;
  const map = JSON.stringify({ [kind]: { sheet: loc.sheet, range } });
  return {
    zh: `请在列映射中选择要用的表（命令行：--map '${map}'）`,
    en: `choose the table in the column mapping (command line: --map '${map}')`,
  };
}

export interface Choice {
  chosen?: TableLocation;
  /** The equally good tables when none could be chosen. */
  tied: TableLocation[];
  /** Tables left aside because the chosen one names a later year (no year was set). */
  olderYears: TableLocation[];
  /** The year was set but no tied table names it. */
  yearUnnamed?: number;
}

export function choose(locations: { loc: TableLocation; cand: Candidate }[], year: number | undefined): Choice {
  if (!locations.length) return { tied: [], olderYears: [] };
  const visible = locations.filter((x) => isVisible(x.cand.sheet));
  const pool = visible.length ? visible : locations;
  const named = year === undefined ? [] : pool.filter((x) => x.loc.year === year);
  const field = named.length ? named : pool;
  const best = Math.max(...field.map((x) => x.cand.score));
  const tied = field.filter((x) => x.cand.score === best);
  if (tied.length === 1) return { chosen: tied[0].loc, tied: [], olderYears: [] };
  if (year === undefined) {
    const years = tied.map((x) => x.loc.year);
    const latest = Math.max(...years.map((y) => y ?? -1));
    if (years.every((y) => y !== undefined) && years.filter((y) => y === latest).length === 1) {
      const chosen = tied.find((x) => x.loc.year === latest)!.loc;
      return { chosen, tied: [], olderYears: tied.map((x) => x.loc).filter((l) => l !== chosen) };
    }
  }
  return { tied: tied.map((x) => x.loc), olderYears: [], yearUnnamed: year !== undefined && !named.length ? year : undefined };
}

export function ambiguityIssue(kind: TableKind, choice: Choice): Issue {
  const [first] = choice.tied;
  const list = choice.tied.map((l) => `${l.range}${l.year ? `（${l.year}年）` : ''}`).join('、');
  const listEn = choice.tied.map((l) => `${l.range}${l.year ? ` (${l.year})` : ''}`).join(', ');
  const how = howToChoose(kind, choice.tied[1] ?? first);
  const year = choice.yearUnnamed;
  return issue(
    'TABLE_AMBIGUOUS',
    'error',
    address(first.sheet, first.headerRow, first.left),
    `找到${choice.tied.length}个同样可能的${TABLE_SPECS[kind].label.zh}：${list}${year ? `，都没有写明${year}年` : ''}，无法确定使用哪一个。${how.zh}${year ? '，或核对年度设置' : '，或指定年度（--year）'}。`,
    `Found ${choice.tied.length} equally likely ${TABLE_SPECS[kind].label.en}s: ${listEn}${year ? `, none of them naming ${year}` : ''}; cannot tell which to use. ${how.en.charAt(0).toUpperCase()}${how.en.slice(1)}${year ? ', or check the year setting' : ', or set the year (--year)'}.`,
  );
}

export function olderYearsIssue(kind: TableKind, chosen: TableLocation, others: TableLocation[]): Issue {
  const how = howToChoose(kind, others[0]);
  return issue(
    'TABLE_CHOSEN_BY_YEAR',
    'warning',
    address(chosen.sheet, chosen.headerRow, chosen.left),
    `工作簿中有${others.length + 1}个同样的${TABLE_SPECS[kind].label.zh}，未指定年度，已使用年份最晚的 ${chosen.range}（${chosen.year}年）；${others.map((o) => `${o.range}（${o.year}年）`).join('、')}未使用。如要使用另一个，${how.zh}，或指定年度（--year）。`,
    `The workbook has ${others.length + 1} equally good ${TABLE_SPECS[kind].label.en}s and no year was set: the latest, ${chosen.range} (${chosen.year}), is used; ${others.map((o) => `${o.range} (${o.year})`).join(', ')} not. To use another, ${how.en}, or set the year (--year).`,
  );
}

