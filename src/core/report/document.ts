/**
 * The narrative report (绩效自评报告) as one declarative document: numbered paragraphs made of runs,
 * each figure carrying the cells it came from. Rendered three ways (sheet rows, clipboard HTML,
 * .docx) from this one value, so the three can never disagree.
 */
import type { Sourced } from '../model';
import type { RateDisplay } from '../rate';
import type { AmountDisplay } from '../settings';
import type { ParagraphStyle } from './sheet-plan';
import type { ProjectForm } from './form';

/** What a run of text is: a computed figure, the staff's own words, or something still to fill in. */
export type InlineKind = 'text' | 'figure' | 'staff' | 'placeholder';

export interface Inline {
  text: string;
  kind: InlineKind;
  /** The workbook cells a figure or a staff text came from ("项目资金!G13"). */
  cells?: string[];
}

/**
 * The builder's outline, before numbering: headings nest, items are numbered （1）（2）… within their
 * parent, body paragraphs are not numbered. Labels are given only by `numberOutline`.
 */
export type OutlineNode =
  | { kind: 'heading'; runs: Inline[]; children: OutlineNode[] }
  | { kind: 'item'; runs: Inline[] }
  | { kind: 'body'; runs: Inline[] };

export interface ReportParagraph {
  style: ParagraphStyle;
  /** 1–4 for headings (一、 / （一） / 1. / （1）), 0 for everything else. */
  level: number;
  /** The generated number with its punctuation: "一、", "（二）", "3.", "（4）"; "" when unnumbered. */
  label: string;
  runs: Inline[];
  /** label + runs, as a reader sees the paragraph. */
  text: string;
  /** Every cell behind the paragraph's figures and texts, in order of appearance, without repeats. */
  sources: string[];
}

/** Something the report could not fill from the workbook, so the staff know what to add. */
export interface MissingItem {
  /** What is missing: 单位职能, 项目实施情况, 未完成原因 … */
  field: string;
  /** The project it belongs to, when it belongs to one. */
  project?: string;
  /** Where to fill it in, when the workbook has a place for it. */
  cell?: string;
  /** The placeholder as it reads in the report. */
  placeholder: string;
  /** What the 核对清单 says about it, when more than "fill in the field at the cell" (a 绩效自评表 score). */
  detail?: string;
}

/** One open item of the 核对清单: what the clerk must fill in or check before the report goes out. */
export interface ChecklistItem {
  /** 请填写: words only the staff can write; 请核对: a figure the data put in doubt. */
  kind: 'fill' | 'check';
  /** The project it belongs to, when it belongs to one. */
  project?: string;
  /** Where to fix it: the workbook cell, when there is one. */
  cell?: string;
  /** The mark as it reads in the report: 【请核对：其中各项合计5万元，与预算数9.8万元不符】. */
  mark: string;
  /** The finding in full, with its cell and what to do (the message), for the clerk. */
  detail: string;
}

export interface ReportDocument {
  /** All paragraphs in reading order, title first. */
  paragraphs: ReportParagraph[];
  title: string;
  unitName?: string;
  fiscalYear: number;
  monitoring: boolean;
  /** The unit sheet the report read, when one was found. */
  unitSheet?: string;
  missing: MissingItem[];
  /** Every open 【】 mark with the cell to fix it in: the 核对清单. Empty when nothing is left to fix. */
  checklist: ChecklistItem[];
  /** The national 项目支出绩效自评表, one per project, printed after the report (only with an indicators table). */
  forms?: ProjectForm[];
  /** Things the staff should know about the report itself (a 年度 that disagrees with the table …). */
  notes: string[];
}

/** What the unit sheet (单位信息) says, each value with its cell. */
export interface UnitInfo {
  sheet?: string;
  unitName?: Sourced<string>;
  year?: Sourced<number>;
  addressee?: Sourced<string>;
  title?: Sourced<string>;
  /** 开篇/前言 text is used as written; a 政策依据 is wrapped into an opening sentence. */
  opening?: Sourced<string> & { kind: 'opening' | 'policy' };
  functions: Sourced<string>[];
  problems: Sourced<string>[];
  measures: Sourced<string>[];
}

export interface ReportOptions {
  /** 'source': the table's precision, trailing zeros dropped (52.848469); 'two-decimals': 52.85, 85.60. */
  amountDisplay?: AmountDisplay;
  /** Defaults to the analysis's rate display. */
  rateDisplay?: RateDisplay;
  /** The date under the signature (报告日期), 'YYYY-MM-DD'; defaults to the reportDate setting, else a placeholder. */
  date?: string;
  /** A unit sheet already read (the add-in may cache it); otherwise it is found in the snapshot. */
  unit?: UnitInfo;
}

/** The placeholder for something the staff must write: 【请填写：单位职能】. */
export function fillIn(what: string): string {
  return `【请填写：${what}】`;
}

/** The placeholder for a figure the staff must check: 【请核对：执行数超出预算1万元】. */
export function checkMark(what: string): string {
  return `【请核对：${what}】`;
}
