/**
 * Reading the 绩效指标 table into indicator rows. The national form merges 项目名称, 一级指标 and 二级
 * 指标 down their rows, so a blank one of these cells takes the value above it (a new project starts its
 * levels afresh, a new 一级 its 二级). A row with no 三级指标, 年度指标值, 实际完成值 or 分值 only names
 * what the rows below belong to. 年度总体目标 (预期目标 / 实际完成情况) is read once per project from
 * its columns, wherever on the project's rows it stands.
 */
import { address } from '../address';
import { Issue, issue } from '../issues';
import { Model, Sourced } from '../model';
import { FOOTNOTE, TOTAL_LABEL } from '../read-cells';
import { CellValue, SheetSnapshot, cellAt, isBlank, isUncalculated } from '../snapshot';
import { cellText, clip, nameKey, toHalfWidth } from '../text';
import { IndicatorKind, IndicatorRow, IndicatorsTable, ProjectGoal } from './types';

/** The kind an 一级指标 (or, failing it, a 二级指标) names. 成本指标 counts with 产出, as the 2020 form places it. */
export function kindOf(level1: string, level2: string): IndicatorKind | undefined {
  const l1 = toHalfWidth(level1).replace(/\s+/g, '');
  if (/产出|成本/.test(l1)) return 'output';
  if (/效益|影响/.test(l1)) return 'benefit';
  if (/满意/.test(l1)) return 'satisfaction';
  if (l1 !== '') return undefined;
  const l2 = toHalfWidth(level2).replace(/\s+/g, '');
  if (/数量|质量|时效|成本/.test(l2)) return 'output';
  if (/经济|社会|生态|可持续/.test(l2)) return 'benefit';
  if (/满意/.test(l2)) return 'satisfaction';
  return undefined;
}

/** The 预算执行率 row some tables carry: its score comes from the funds table, not from this row. */
const EXECUTION_ROW = /预算执行率|^执行率$|资金执行率/;

export interface IndicatorsRead {
  rows: IndicatorRow[];
  /** Per project index: its 年度总体目标. */
  goals: Map<number, ProjectGoal>;
}

interface Carried {
  key: string;
  name: string;
  code: string;
  project?: number;
  level1: string;
  level2: string;
}

export function readIndicators(sheet: SheetSnapshot, table: IndicatorsTable, model: Model, issues: Issue[]): IndicatorsRead {
  const cols = table.columns;
  const text = (row: number, col: number | undefined) => (col === undefined ? '' : cellText(cellAt(sheet, row, col)));
  const raw = (row: number, col: number | undefined): CellValue => (col === undefined ? null : cellAt(sheet, row, col));
  const byCode = new Map<string, number>();
  const byName = new Map<string, number>();
  for (const p of model.projects) {
    if (p.code && !byCode.has(nameKey(p.code))) byCode.set(nameKey(p.code), p.index);
    if (p.name && !byName.has(nameKey(p.name))) byName.set(nameKey(p.name), p.index);
  }
  const repeated = new Set(table.repeatedHeaderRows);
  const rows: IndicatorRow[] = [];
  const goals = new Map<number, ProjectGoal>();
  const unknown = new Map<string, { cell: string; label: string; count: number }>();
  let carried: Carried | undefined;

  for (let r = table.dataStart; r <= table.dataEnd; r++) {
    if (repeated.has(r)) continue;
    let name = text(r, cols.name);
    let code = text(r, cols.code);
    const label = toHalfWidth(name || code).replace(/\s+/g, '');
    if (label && (TOTAL_LABEL.test(label) || FOOTNOTE.test(label))) continue;
    let level1 = text(r, cols.level1);
    let level2 = text(r, cols.level2);
    if (name || code) {
      const key = `${nameKey(code)}\u0000${nameKey(name)}`;
      if (!carried || key !== carried.key) {
        const project = (code ? byCode.get(nameKey(code)) : undefined) ?? (name ? byName.get(nameKey(name)) : undefined);
        carried = { key, name, code, project, level1: '', level2: '' };
      }
    } else if (carried) {
      name = carried.name;
      code = carried.code;
    }
    if (level1 && level1 !== carried?.level1) {
      if (carried) carried.level2 = '';
    } else if (!level1) level1 = carried?.level1 ?? '';
    if (!level2) level2 = carried?.level2 ?? '';
    if (carried) {
      carried.level1 = level1;
      carried.level2 = level2;
    }
    const project = carried?.project;
    const projectCol = cols.name ?? cols.code!;
    const firstProjectCell = () => address(sheet.name, r, name && cols.name !== undefined ? cols.name : projectCol);

    // 年度总体目标, once per project: on whichever of its rows it is written.
    for (const [field, col] of [['expected', cols.goalExpected], ['achieved', cols.goalActual]] as const) {
      const t = text(r, col);
      if (!t || project === undefined) continue;
      const goal = goals.get(project) ?? {};
      const prev = goal[field];
      if (!prev) goal[field] = { value: t, cell: address(sheet.name, r, col!) };
      else if (prev.value !== t && !prev.value.split('\n').includes(t)) prev.value += `\n${t}`;
      goals.set(project, goal);
    }

    const name3 = text(r, cols.level3);
    const hasValues = [cols.level3, cols.target, cols.actual, cols.weight].some((c) => c !== undefined && (!isBlank(raw(r, c)) || isUncalculated(sheet, r, c)));
    if (!hasValues) continue;
    if (EXECUTION_ROW.test(toHalfWidth(level1).replace(/\s+/g, '')) || EXECUTION_ROW.test(toHalfWidth(name3).replace(/\s+/g, ''))) continue;

    if (!carried || project === undefined) {
      const what = carried ? (carried.name || carried.code) : '';
      const k = carried?.key ?? '';
      const u = unknown.get(k) ?? { cell: carried ? firstProjectCell() : address(sheet.name, r, projectCol), label: what, count: 0 };
      u.count++;
      unknown.set(k, u);
      continue;
    }
    const cellOf = (col: number | undefined) => address(sheet.name, r, col ?? cols.level3!);
    const sourced = (col: number | undefined): Sourced<string> => ({ value: text(r, col), cell: cellOf(col) });
    rows.push({
      project,
      row: r,
      cell: cellOf(cols.level3),
      level1,
      level2,
      name: name3,
      kind: kindOf(level1, level2),
      level1Cell: cellOf(cols.level1 ?? cols.level2),
      target: sourced(cols.target),
      actual: sourced(cols.actual),
      targetValue: isUncalculated(sheet, r, cols.target!) ? null : raw(r, cols.target),
      actualValue: cols.actual !== undefined && !isUncalculated(sheet, r, cols.actual) ? raw(r, cols.actual) : null,
      measure: text(r, cols.measure),
      weight: readWeight(sheet, r, cols.weight, issues),
      deviation: text(r, cols.deviation) ? sourced(cols.deviation) : undefined,
    });
    if (!name3) {
      issues.push(
        issue(
          'INDICATOR_VALUE_MISSING',
          'warning',
          cellOf(cols.level3),
          `此行有指标值但没有填写三级指标名称，请填写指标名称。`,
          `This row has indicator values but no indicator name (三级指标); fill in the name.`,
        ),
      );
    }
  }
  for (const u of unknown.values()) {
    issues.push(
      u.label
        ? issue(
            'INDICATOR_UNKNOWN_PROJECT',
            'error',
            u.cell,
            `绩效指标表中的项目“${clip(u.label)}”在项目资金表中找不到，其${u.count}个指标未评分。请把项目名称（或编码）改为与项目资金表一致。`,
            `The indicators table's project "${clip(u.label)}" is not in the funds table; its ${u.count} indicator(s) are not scored. Make the project name (or code) match the funds table.`,
          )
        : issue(
            'INDICATOR_UNKNOWN_PROJECT',
            'error',
            u.cell,
            `此处的${u.count}个指标没有填写所属项目，未评分。请填写项目名称或项目编码。`,
            `These ${u.count} indicator(s) name no project and are not scored. Fill in the project name or code.`,
          ),
    );
  }
  return { rows, goals };
}

/** A 分值 cell, in hundredths: 10, "10分", "16.67". Anything else is reported and the default split applies. */
function readWeight(sheet: SheetSnapshot, row: number, col: number | undefined, issues: Issue[]): Sourced<number> | undefined {
  if (col === undefined) return undefined;
  const v = cellAt(sheet, row, col);
  if (isBlank(v)) return undefined;
  const cell = address(sheet.name, row, col);
  const t = toHalfWidth(cellText(v)).replace(/\s+/g, '').replace(/分$/, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (m) {
    const frac = (m[2] ?? '').padEnd(3, '0');
    let h = Number(m[1]) * 100 + Number(frac.slice(0, 2));
    if (Number(frac[2]) >= 5) h++;
    if (h <= 10000) return { value: h, cell };
  }
  issues.push(
    issue(
      'INDICATOR_WEIGHT_INVALID',
      'warning',
      cell,
      `分值“${clip(cellText(v))}”不是0到100之间的数，已按默认分值（产出50分、效益30分、满意度10分平均分配）计算。请填写分值（如 10）。`,
      `The weight "${clip(cellText(v))}" is not a number from 0 to 100; the default weights (output 50, benefit 30, satisfaction 10, split equally) are used. Type a weight (e.g. 10).`,
    ),
  );
  return undefined;
}
