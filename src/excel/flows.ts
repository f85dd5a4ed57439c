/**
 * What the task pane and the ribbon ask of Excel, each in one Excel.run: read → core (→ check → save
 * undo → write). Every failure leaves here as an OfficeActionError with a sentence for the user.
 */
import { Analysis, CHECKLIST_SHEET_NAME, FORM_SHEET_NAME, REPORT_SHEET_NAME, ReportDocument, Settings, WorkbookSnapshot, analyze, buildReport, cellRef, chooseGeneratedSheet, fatalIssue, isGeneratedSheetName, parseAddress, rangeAddress, renderChecklistSheet, renderFormSheet, renderReportSheet, unquoteSheetName } from '../core';
import { OfficeActionError, partialWriteError, refusedBlockError, toActionError, workbookProtectedError } from './errors';
import { assertNoMergedOutput, assertPlanInsideRead, queueStructureCheck } from './guards';
import { Capabilities, ExcelHost, capabilities, localToday, runBatch } from './host';
import { WorkbookRead, readWorkbookState } from './read';
import { capturePlan } from './capture';
import { checklistUndo, writeChecklistSheet } from './checklist-sheet';
import { formsUndo, writeFormSheet } from './form-sheet';
import { findExistingReport, readGeneratedSheets, reportUndo, writeReportSheet } from './report-sheet';
import { TimeBudget, countSyncs } from './time-budget';
import { emptyRecord } from './undo-record';
import { hasUndoRecord, queueClearStore, saveUndoRecord, storeNeedsStructure } from './undo-store';
import { UndoResult, undoRecorded } from './undo';
import { applyPlan, planLooks } from './write';

export type Stage = 'reading' | 'computing' | 'saving-undo' | 'writing' | 'done';
/**
 * Called at each stage; a caller that returns a promise is awaited at stage boundaries, so a task
 * pane can let the browser paint its progress bar and answer clicks between the long synchronous steps.
 */
export type Progress = (stage: Stage, fraction: number) => void | Promise<unknown>;

/** What a caller may add to a run that writes: a ribbon command's time limit. */
export interface RunOptions {
  budget?: TimeBudget;
}

/** The shell supplies today's date from the clock; a caller may fix it (tests, a report dated ahead). */
function withToday(settings: Settings): Settings {
  return settings.today ? settings : { ...settings, today: localToday() };
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw toActionError(e);
  }
}

async function readAndAnalyze(context: Excel.RequestContext, settings: Settings, caps: Capabilities, onProgress?: Progress): Promise<WorkbookRead & { analysis: Analysis }> {
  await onProgress?.('reading', 0);
  const read = await readWorkbookState(context, settings, caps, (f) => void onProgress?.('reading', f));
  await onProgress?.('computing', 0);
  const analysis = analyze(read.snapshot, settings);
  await onProgress?.('computing', 0.6);
  return { ...read, analysis };
}

export function readWorkbook(host: ExcelHost, settings: Settings, onProgress?: Progress): Promise<WorkbookSnapshot> {
  const caps = capabilities(host);
  return guarded(() => runBatch(host, async (context) => (await readWorkbookState(context, withToday(settings), caps, (f) => void onProgress?.('reading', f))).snapshot));
}

/** Read + core, no writes: the pane's 检查 step. */
export function analyzeWorkbook(host: ExcelHost, settings: Settings, onProgress?: Progress): Promise<{ snapshot: WorkbookSnapshot; analysis: Analysis }> {
  const caps = capabilities(host);
  return guarded(async () => {
    const { snapshot, analysis } = await runBatch(host, (context) => readAndAnalyze(context, withToday(settings), caps, onProgress));
    onProgress?.('done', 1);
    return { snapshot, analysis };
  });
}

/**
 * The first error that stops the core, as the message to show (tables not found, a bad mapping),
 * led by the sheet or cell it concerns as the command line prints it ("Sheet1：未找到项目资金表：…").
 */
export function notAnalyzable(analysis: Analysis): OfficeActionError {
  const issue = fatalIssue(analysis);
  const where = issue?.cell ? `${issue.cell}：` : '';
  return new OfficeActionError(
    issue?.code ?? 'TABLE_NOT_FOUND',
    issue ? `${where}${issue.message}` : '未找到项目资金表。请在任务窗格中设置列映射。',
    issue ? `${where}${issue.messageEn}` : 'No funds table was found. Set the column mapping in the task pane.',
  );
}

/** Codes Excel may give for a write it will not do to some cells (merged areas among them). */
const REFUSED_WRITE = new Set(['InvalidOperation', 'InvalidArgument']);

async function recalculateIn(context: Excel.RequestContext, settings: Settings, caps: Capabilities, options: RunOptions, onProgress?: Progress): Promise<{ analysis: Analysis; cellsWritten: number }> {
  const syncs = options.budget ? countSyncs(context) : () => 0;
  const { snapshot, analysis, unread } = await readAndAnalyze(context, settings, caps, onProgress);
  if (!analysis.ok || analysis.plan.blocks.length === 0) {
    onProgress?.('done', 1);
    return { analysis, cellsWritten: 0 };
  }
  const plan = analysis.plan;
  assertPlanInsideRead(plan, unread);
  assertNoMergedOutput(plan, snapshot);
  options.budget?.assertRoomToWrite(plan, syncs());
  await onProgress?.('saving-undo', 0);
  const names = snapshot.sheets.map((s) => s.name);
  const capture = await capturePlan(context, plan, snapshot, new Date(), caps, storeNeedsStructure(names), (f) => void onProgress?.('saving-undo', f * 0.8));
  const looks = planLooks(capture.appended, capture.record);
  await saveUndoRecord(context, capture.record, names);
  await onProgress?.('writing', 0);
  // Without getMergedAreasOrNullObject (ExcelApi 1.13) merged cells are unknown: a block Excel refuses
  // is found by sending the failed sync again block by block, and named.
  const unknownMerges = new Set(plan.blocks.map((b) => b.sheet).filter((name) => !snapshot.sheets.find((s) => s.name === name)?.merges));
  let cellsWritten: number;
  try {
    cellsWritten = await applyPlan(context, plan, capture, looks, caps, (f) => void onProgress?.('writing', f), {
      when: (e) => unknownMerges.size > 0 && REFUSED_WRITE.has(String((e as { code?: unknown } | null)?.code)),
      blame: (piece, top, rows, e) => refusedBlockError(rangeAddress(piece.sheet, top, piece.left, top + rows - 1, piece.left + piece.cols - 1), e),
    });
  } catch (e) {
    throw partialWriteError(e);
  }
  onProgress?.('done', 1);
  return { analysis, cellsWritten };
}

/** Read → core → checks → save undo → apply the plan. Nothing is written when the tables are not found. */
export function recalculate(host: ExcelHost, settings: Settings, onProgress?: Progress, options: RunOptions = {}): Promise<{ analysis: Analysis; cellsWritten: number }> {
  const caps = capabilities(host);
  return guarded(() => runBatch(host, (context) => recalculateIn(context, withToday(settings), caps, options, onProgress), true));
}

/** What 生成报告 made, with the snapshot it read (so the pane knows which workbook state the report shows). */
export interface GeneratedReport {
  analysis: Analysis;
  document: ReportDocument;
  /** 自评报告, or 自评报告 (2) when the one there was changed since it was generated. */
  sheetName: string;
  /** The 核对清单 written beside it. */
  checklistSheetName: string;
  /** The 绩效自评表 written beside them, when the workbook has an indicators table. */
  formSheetName?: string;
  /** Sheets kept as they were because a person changed them since they were generated. */
  kept: string[];
  snapshot: WorkbookSnapshot;
}

async function reportIn(context: Excel.RequestContext, settings: Settings, caps: Capabilities, onProgress?: Progress): Promise<GeneratedReport> {
  const { snapshot, analysis } = await readAndAnalyze(context, settings, caps, onProgress);
  if (!analysis.ok) throw notAnalyzable(analysis);
  // Signed with the 报告日期 setting or a placeholder: never with the day the button is pressed.
  const document = buildReport(analysis, snapshot);
  await onProgress?.('computing', 0.85);
  // The report sheet is added (and a previous one renamed): refused under structure protection. The
  // check rides on the sync that reads the sheets generated before.
  const checkStructure = queueStructureCheck(context, caps);
  const withForms = Boolean(document.forms?.length);
  const generated = await readGeneratedSheets(context, (name) => isGeneratedSheetName(name, [REPORT_SHEET_NAME, CHECKLIST_SHEET_NAME, ...(withForms ? [FORM_SHEET_NAME] : [])]));
  checkStructure();
  const sheetOf = (name: string) => generated.sheets.find((s) => s.name === name);
  // A sheet a person changed since it was generated is kept; the new one goes beside it.
  const reportTarget = chooseGeneratedSheet(REPORT_SHEET_NAME, generated.names, sheetOf);
  const checklistTarget = chooseGeneratedSheet(CHECKLIST_SHEET_NAME, generated.names, sheetOf);
  const formsTarget = withForms ? chooseGeneratedSheet(FORM_SHEET_NAME, generated.names, sheetOf) : undefined;
  const plan = { ...renderReportSheet(document), sheetName: reportTarget.sheetName };
  const checklist = { ...renderChecklistSheet(document), sheetName: checklistTarget.sheetName };
  const forms = formsTarget && document.forms ? { ...renderFormSheet(document.forms), sheetName: formsTarget.sheetName } : undefined;
  await onProgress?.('saving-undo', 0);
  const existing = reportTarget.replaces ? await findExistingReport(context, plan.sheetName) : undefined;
  const existingChecklist = checklistTarget.replaces ? await findExistingReport(context, checklist.sheetName) : undefined;
  const existingForms = forms && formsTarget?.replaces ? await findExistingReport(context, forms.sheetName) : undefined;
  const record = emptyRecord('report', new Date());
  reportUndo(record, plan, existing);
  checklistUndo(record, checklist, existingChecklist);
  if (forms) formsUndo(record, forms, existingForms);
  const kept = [...reportTarget.kept, ...checklistTarget.kept, ...(formsTarget?.kept ?? [])];
  if (kept.length) record.kept = kept;
  await saveUndoRecord(context, record, snapshot.sheets.map((s) => s.name));
  await onProgress?.('writing', 0);
  let wrote = false;
  try {
    await writeReportSheet(context, plan, existing, caps, (f) => {
      wrote = true;
      void onProgress?.('writing', f * 0.9);
    });
    await writeChecklistSheet(context, checklist, existingChecklist, caps);
    if (forms) await writeFormSheet(context, forms, existingForms, caps);
  } catch (e) {
    // Without ExcelApi 1.7 the protection shows only now, in the first sync: nothing of the report was
    // written, so the record just saved must not be undone (it would delete the old report sheet).
    if (!wrote && (e as { code?: unknown } | null)?.code === 'AccessDenied') {
      queueClearStore(context);
      await context.sync().catch(() => undefined);
      throw workbookProtectedError(e);
    }
    throw partialWriteError(e);
  }
  onProgress?.('done', 1);
  return { analysis, document, sheetName: plan.sheetName, checklistSheetName: checklist.sheetName, ...(forms ? { formSheetName: forms.sheetName } : {}), kept, snapshot };
}

/** Read → core → buildReport → save undo → write the 自评报告 sheet and bring it to the front. */
export function generateReport(host: ExcelHost, settings: Settings, onProgress?: Progress): Promise<GeneratedReport> {
  const caps = capabilities(host);
  return guarded(() => runBatch(host, (context) => reportIn(context, withToday(settings), caps, onProgress), true));
}

/** null when there is nothing to undo. */
export function undoLastRun(host: ExcelHost, onProgress?: Progress): Promise<UndoResult | null> {
  const caps = capabilities(host);
  return guarded(() => runBatch(host, (context) => undoRecorded(context, caps, (f) => void onProgress?.('writing', f)), true));
}

export function hasUndo(host: ExcelHost): Promise<boolean> {
  return guarded(() => runBatch(host, (context) => hasUndoRecord(context)));
}

/** "D17" or "A1:A173" after the sheet name; anything else falls back to the first cell parseAddress found. */
const LOCAL_RANGE = /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/;

/** Brings an issue's cell into view: activates its sheet and selects the cell or range ("项目资金!D17", "自评报告!A1:A173", or a sheet alone). */
export function selectCell(host: ExcelHost, address: string): Promise<void> {
  const parsed = parseAddress(address);
  const sheetName = parsed?.sheet ?? unquoteSheetName(address);
  if (!sheetName) return Promise.resolve();
  return guarded(() =>
    runBatch(host, async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName).load('visibility');
      await context.sync();
      if (sheet.isNullObject) {
        throw new OfficeActionError('ItemNotFound', `工作表“${sheetName}”已不存在（可能已改名或删除）。请重新检查。`, `Sheet "${sheetName}" no longer exists (renamed or deleted). Run the check again.`);
      }
      if (sheet.visibility !== 'Visible') {
        throw new OfficeActionError('SheetHidden', `工作表“${sheetName}”已隐藏。请右键单击工作表标签，选择“取消隐藏”后再试。`, `Sheet "${sheetName}" is hidden. Right-click a sheet tab, choose Unhide, and try again.`);
      }
      sheet.activate();
      const local = address.slice(address.lastIndexOf('!') + 1);
      if (parsed) sheet.getRange(LOCAL_RANGE.test(local) ? local.replace(/\$/g, '') : cellRef(parsed.row, parsed.col)).select();
      await context.sync();
    }),
  );
}
