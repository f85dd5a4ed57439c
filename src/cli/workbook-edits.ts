/**
 * What the computed workbook gets besides the plan: the 自评报告 and 核对清单 sheets, named so that a
 * sheet a person changed since it was generated is kept and the new one goes beside it. One function
 * for every shell that writes a file copy — the CLI and the browser page — so both apply the same
 * edits to the same package. Environment-neutral: core and the patcher's types only.
 */
import type { Analysis, GeneratedTarget, ReportDocument, WorkbookSnapshot } from '../core';
import { CHECKLIST_SHEET_NAME, FORM_SHEET_NAME, REPORT_SHEET_NAME, chooseGeneratedSheet, renderChecklistSheet, renderFormSheet, renderReportSheet } from '../core';
import type { WorkbookEdits } from './xlsx-patch';

export interface GeneratedSheets {
  report: GeneratedTarget;
  checklist: GeneratedTarget;
  /** The 绩效自评表, when the report has forms (the workbook has an indicators table). */
  forms?: GeneratedTarget;
}

/**
 * Where the report and its 核对清单 go in the output: over the sheets of those names when they are
 * as we generated them, else — a person changed them since — beside them, in 自评报告 (2).
 */
export function generatedSheets(snapshot: WorkbookSnapshot, withForms: boolean): GeneratedSheets {
  const names = snapshot.sheets.map((s) => s.name);
  const sheetOf = (name: string) => snapshot.sheets.find((s) => s.name === name);
  return {
    report: chooseGeneratedSheet(REPORT_SHEET_NAME, names, sheetOf),
    checklist: chooseGeneratedSheet(CHECKLIST_SHEET_NAME, names, sheetOf),
    ...(withForms ? { forms: chooseGeneratedSheet(FORM_SHEET_NAME, names, sheetOf) } : {}),
  };
}

/** The plan, the report sheet, the 核对清单 and (with forms) the 绩效自评表, as the patcher applies them. */
export function workbookEdits(analysis: Analysis, report: ReportDocument, sheets?: GeneratedSheets): WorkbookEdits {
  const reportSheet = { ...renderReportSheet(report), ...(sheets ? { sheetName: sheets.report.sheetName } : {}) };
  const checklistSheet = { ...renderChecklistSheet(report), ...(sheets ? { sheetName: sheets.checklist.sheetName } : {}) };
  const formSheet = report.forms?.length ? { ...renderFormSheet(report.forms), ...(sheets?.forms ? { sheetName: sheets.forms.sheetName } : {}) } : undefined;
  return { plan: analysis.plan, reportSheet, checklistSheet, ...(formSheet ? { formSheet } : {}) };
}
