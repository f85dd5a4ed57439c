/**
 * The unit sheet (单位信息): found by its labels, never by its name. A label sits in a cell and its
 * value in the next non-empty cell to its right ("单位名称：…" in one cell works too). A list
 * (单位职能, 存在的问题, 下一步措施) continues on the rows below while the label column stays empty,
 * or sits in one cell as (1)…(2)…; its own numbering is dropped, since the report numbers it again.
 */
import { address } from '../address';
import { isDataSheet } from '../detect';
import { Sourced } from '../model';
import { CellValue, SheetSnapshot, WorkbookSnapshot, cellAt, isBlank, lastCol, lastRow } from '../snapshot';
import { cellText, toHalfWidth } from '../text';
import { UnitInfo } from './document';

type UnitField = 'unitName' | 'year' | 'addressee' | 'title' | 'opening' | 'policy' | 'functions' | 'problems' | 'measures';

/** Label words, compared after removing spaces, colons and full-width forms. */
const LABELS: Record<UnitField, string[]> = {
  unitName: ['单位名称', '单位', '部门名称', '部门', '单位全称'],
  year: ['年度', '年份', '预算年度', '报告年度'],
  addressee: ['报送对象', '主送机关', '主送单位', '报送单位'],
  title: ['报告标题', '标题', '报告名称'],
  opening: ['开篇', '前言', '开头', '引言', '开篇段落'],
  policy: ['政策依据', '依据'],
  functions: ['单位职能', '部门职能', '主要职能', '职能', '单位职责', '部门职责', '主要职责', '职能职责'],
  problems: ['存在的问题', '存在问题', '主要问题'],
  measures: ['下一步措施', '下一步改进措施', '改进措施', '下一步工作', '整改措施', '下一步工作措施'],
};

const LIST_FIELDS: UnitField[] = ['functions', 'problems', 'measures'];

/** Labels are looked for in the first columns and rows of a sheet. */
const LABEL_COLUMNS = 4;
const SEARCH_ROWS = 300;

function labelKey(s: string): string {
  return toHalfWidth(s).replace(/[\s:：*※]+/g, '');
}

const LABEL_INDEX = new Map<string, UnitField>();
for (const [field, words] of Object.entries(LABELS) as [UnitField, string[]][]) for (const w of words) LABEL_INDEX.set(labelKey(w), field);

interface LabelHit {
  field: UnitField;
  row: number;
  col: number;
  /** The value written in the label's own cell after a colon ("单位名称：黔南州…"). */
  inline?: string;
}

function labelAt(v: CellValue): { field: UnitField; inline?: string } | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  const whole = LABEL_INDEX.get(labelKey(t));
  if (whole) return { field: whole };
  const m = /^([^:：]{1,10})[:：]\s*(.+)$/s.exec(t);
  const field = m ? LABEL_INDEX.get(labelKey(m[1])) : undefined;
  // 单位：万元 is a table's money unit, not the unit's name.
  if (!field || (field === 'unitName' && /^(万元|元)$/.test(m![2].trim()))) return undefined;
  return { field, inline: m![2].trim() };
}

function findLabels(sheet: SheetSnapshot): LabelHit[] {
  const hits: LabelHit[] = [];
  const bottom = Math.min(lastRow(sheet), sheet.top + SEARCH_ROWS);
  const right = Math.min(lastCol(sheet), sheet.left + LABEL_COLUMNS - 1);
  for (let row = sheet.top; row <= bottom; row++) {
    for (let col = sheet.left; col <= right; col++) {
      const hit = labelAt(cellAt(sheet, row, col));
      if (hit) {
        hits.push({ ...hit, row, col });
        break;
      }
    }
  }
  return hits;
}

/** The sheet with the most distinct unit labels (at least two), skipping the data tables and the report. */
export function findUnitSheet(snapshot: WorkbookSnapshot, skip: string[] = []): { sheet: SheetSnapshot; hits: LabelHit[] } | undefined {
  let best: { sheet: SheetSnapshot; hits: LabelHit[]; score: number } | undefined;
  for (const sheet of snapshot.sheets) {
    if (!isDataSheet(sheet) || skip.includes(sheet.name)) continue;
    const hits = findLabels(sheet);
    const score = new Set(hits.map((h) => h.field)).size;
    if (score >= 2 && (!best || score > best.score)) best = { sheet, hits, score };
  }
  return best && { sheet: best.sheet, hits: best.hits };
}

/** The first non-empty cell right of the label, on the label's row. */
function valueRight(sheet: SheetSnapshot, row: number, col: number): Sourced<string> | undefined {
  for (let c = col + 1; c <= lastCol(sheet); c++) {
    const v = cellAt(sheet, row, c);
    if (!isBlank(v)) return { value: cellText(v), cell: address(sheet.name, row, c) };
  }
  return undefined;
}

const ITEM_NUMBER = /^\s*(?:[（(]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]|\d{1,3}\s*[.、．](?!\d)|[一二三四五六七八九十]{1,3}\s*[、.．]|[①-⑳])\s*/u;
/** A (2) or 2、 that starts a new item inside one cell: at the start, after a line break or a 。；. */
const ITEM_SPLIT = /(?:^|\n|(?<=[。；;]))\s*(?=[（(]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]|\d{1,3}\s*[、．](?!\d)|[①-⑳])/u;

/** One cell's text as list items: split at (1)(2) / 1、2、 markers or line breaks, numbering removed. */
export function splitItems(value: string): string[] {
  const lines = value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const parts = lines.length > 1 ? lines : value.split(ITEM_SPLIT);
  return parts.map((p) => p.replace(ITEM_NUMBER, '').trim()).filter((p) => p !== '');
}

function readList(sheet: SheetSnapshot, hit: LabelHit, stopRows: Set<number>): Sourced<string>[] {
  const out: Sourced<string>[] = [];
  const push = (value: string, cell: string) => {
    for (const item of splitItems(value)) out.push({ value: item, cell });
  };
  if (hit.inline) push(hit.inline, address(sheet.name, hit.row, hit.col));
  for (let row = hit.row; row <= lastRow(sheet); row++) {
    if (row > hit.row && (stopRows.has(row) || !isBlank(cellAt(sheet, row, hit.col)))) break;
    const v = valueRight(sheet, row, hit.col);
    if (v) push(v.value, v.cell);
    else if (row > hit.row) break;
  }
  return out;
}

/** The unit sheet read into UnitInfo; an empty UnitInfo when the workbook has none. */
export function readUnitInfo(snapshot: WorkbookSnapshot, skip: string[] = []): UnitInfo {
  const info: UnitInfo = { functions: [], problems: [], measures: [] };
  const found = findUnitSheet(snapshot, skip);
  if (!found) return info;
  const { sheet, hits } = found;
  info.sheet = sheet.name;
  const stopRows = new Set(hits.map((h) => h.row));
  for (const hit of hits) {
    if (LIST_FIELDS.includes(hit.field)) {
      const list = readList(sheet, hit, stopRows);
      const field = hit.field as 'functions' | 'problems' | 'measures';
      if (list.length && !info[field].length) info[field] = list;
      continue;
    }
    const v = hit.inline ? { value: hit.inline, cell: address(sheet.name, hit.row, hit.col) } : valueRight(sheet, hit.row, hit.col);
    if (!v || v.value === '') continue;
    if (hit.field === 'year') {
      const m = /(19|20)\d{2}/.exec(toHalfWidth(v.value));
      if (m && !info.year) info.year = { value: Number(m[0]), cell: v.cell };
    } else if (hit.field === 'opening' || hit.field === 'policy') {
      info.opening ??= { ...v, kind: hit.field === 'policy' ? 'policy' : 'opening' };
    } else if (hit.field === 'unitName' || hit.field === 'addressee' || hit.field === 'title') {
      info[hit.field] ??= v;
    }
  }
  return info;
}

/** 填报单位：黔南州大数据发展管理局 in the funds table's title rows, when there is no unit sheet. */
export function unitNameFromTitles(titles: string[]): string | undefined {
  for (const t of titles) {
    const m = /(?:填报单位|单位名称|编制单位)[:：]\s*([^\s:：]+)/.exec(t);
    if (m) return m[1];
  }
  return undefined;
}
