/**
 * Numbering, generated from the outline's shape so it can never repeat or skip (the reference has two
 * (4) under one project): 一、 at level 1, （一） at level 2, 1. at level 3, （1） at level 4 and for
 * list items. Each parent counts its numbered children from one.
 */
import { Inline, OutlineNode, ReportParagraph } from './document';
import type { ParagraphStyle } from './sheet-plan';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/** 1 → 一, 10 → 十, 15 → 十五, 21 → 二十一, 105 → 一百零五, 1010 → 一千零一十. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10000) return String(n);
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    // 十五, not 一十五, when 十 leads.
    out += d === 1 && unit === '十' && out === '' ? unit : DIGITS[d] + unit;
  });
  return out;
}

/** The label of the n-th heading at a level. */
export function headingLabel(level: number, n: number): string {
  if (level === 1) return `${chineseNumeral(n)}、`;
  if (level === 2) return `（${chineseNumeral(n)}）`;
  if (level === 3) return `${n}.`;
  return `（${n}）`;
}

/** The label of the n-th list item, whatever its depth (the reference numbers 单位职能 (1)…(15)). */
export function itemLabel(n: number): string {
  return `（${n}）`;
}

const HEADING_STYLES: ParagraphStyle[] = ['heading1', 'heading2', 'heading3', 'heading4'];

export function runsText(runs: Inline[]): string {
  let s = '';
  for (const r of runs) s += r.text;
  return s;
}

export function runsSources(runs: Inline[]): string[] {
  const cited = runs.filter((r) => r.cells && r.cells.length);
  // Most paragraphs cite one list (a text's cell, a project's figures): no need to merge.
  if (cited.length === 1) return cited[0].cells!.slice();
  const seen = new Set<string>();
  for (const r of cited) for (const c of r.cells!) seen.add(c);
  return Array.from(seen);
}

export function paragraph(style: ParagraphStyle, runs: Inline[], label = '', level = 0): ReportParagraph {
  return { style, level, label, runs, text: label + runsText(runs), sources: runsSources(runs) };
}

/**
 * The outline flattened into paragraphs, every heading and item numbered within its parent, as a
 * person numbers: a heading that is its parent's only heading gets no number (no lone "1." or
 * "（一）"), a list restarts at （1） after a paragraph that is not one of its items, and a list of one
 * item is an ordinary paragraph.
 */
export function numberOutline(nodes: OutlineNode[], depth = 1, out: ReportParagraph[] = []): ReportParagraph[] {
  const headings = nodes.filter((n) => n.kind === 'heading').length;
  let h = 0;
  let item = 0;
  nodes.forEach((node, i) => {
    if (node.kind === 'body') {
      item = 0;
      out.push(paragraph('body', node.runs));
    } else if (node.kind === 'item') {
      const alone = item === 0 && nodes[i + 1]?.kind !== 'item';
      out.push(alone ? paragraph('body', node.runs) : paragraph('listItem', node.runs, itemLabel(++item)));
    } else {
      item = 0;
      // Below level 4 there is no official style: deeper headings keep level 4's look.
      const level = Math.min(depth, 4);
      ++h;
      out.push(paragraph(HEADING_STYLES[level - 1], node.runs, headings > 1 ? headingLabel(level, h) : '', level));
      numberOutline(node.children, depth + 1, out);
    }
  });
  return out;
}
