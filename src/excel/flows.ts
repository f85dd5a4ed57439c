/**
 * What the task pane and the ribbon ask of Excel, each in one Excel.run: read → core (→ save undo →
 * write). Every failure leaves here as an OfficeActionError with a sentence for the user.
 */
import { Analysis, ReportDocument, Settings, WorkbookSnapshot, analyze, buildReport, cellRef, fatalIssue, parseAddress, renderReportSheet, unquoteSheetName } from '../core';
import { OfficeActionError, partialWriteError, toActionError } from './errors';
import { Capabilities, ExcelHost, capabilities, localToday, runBatch } from './host';
import { readSnapshot } from './read';
import { capturePlan } from './capture';
import { findExistingReport, reportUndo, writeReportSheet } from './report-sheet';
import { emptyRecord } from './undo-record';
import { hasUndoRecord, saveUndoRecord } from './undo-store';
import { undoRecorded } from './undo';
import { applyPlan, planLooks } from './write';

export type Stage = 'reading' | 'computing' | 'saving-undo' | 'writing' | 'done';
/**
 * Called at each stage; a caller that returns a promise is awaited at stage boundaries, so a task
 * pane can let the browser paint its progress bar and answer clicks between the long synchronous steps.
 */
export type Progress = (stage: Stage, fraction: number) => void | Promise<unknown>;

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

async function readAndAnalyze(context: Excel.RequestContext, settings: Settings, onProgress?: Progress): Promise<{ snapshot: WorkbookSnapshot; analysis: Analysis }> {
  await onProgress?.('reading', 0);
  const snapshot = await readSnapshot(context, settings, (f) => void onProgress?.('reading', f));
  await onProgress?.('computing', 0);
  const analysis = analyze(snapshot, settings);
  await onProgress?.('computing', 0.6);
  return { snapshot, analysis };
}

export function readWorkbook(host: ExcelHost, settings: Settings, onProgress?: Progress): Promise<WorkbookSnapshot> {
  return guarded(() => runBatch(host, (context) => readSnapshot(context, withToday(settings), (f) => void onProgress?.('reading', f))));
}

/** Read + core, no writes: the pane's 检查 step. */
export function analyzeWorkbook(host: ExcelHost, settings: Settings, onProgress?: Progress): Promise<{ snapshot: WorkbookSnapshot; analysis: Analysis }> {
  return guarded(async () => {
    const result = await runBatch(host, (context) => readAndAnalyze(context, withToday(settings), onProgress));
    onProgress?.('done', 1);
    return result;
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

async function recalculateIn(context: Excel.RequestContext, settings: Settings, caps: Capabilities, onProgress?: Progress): Promise<{ analysis: Analysis; cellsWritten: number }> {
  const { snapshot, analysis } = await readAndAnalyze(context, settings, onProgress);
  if (!analysis.ok || analysis.plan.blocks.length === 0) {
    onProgress?.('done', 1);
    return { analysis, cellsWritten: 0 };
  }
  await onProgress?.('saving-undo', 0);
  const capture = await capturePlan(context, analysis.plan, snapshot, new Date(), (f) => void onProgress?.('saving-undo', f * 0.8));
  const looks = planLooks(capture.appended, capture.record);
  await saveUndoRecord(context, capture.record, snapshot.sheets.map((s) => s.name));
  await onProgress?.('writing', 0);
  let cellsWritten: number;
  try {
    cellsWritten = await applyPlan(context, analysis.plan, capture, looks, caps, (f) => void onProgress?.('writing', f));
  } catch (e) {
    throw partialWriteError(e);
  }
  onProgress?.('done', 1);
  return { analysis, cellsWritten };
}

/** Read → core → save undo → apply the plan. Nothing is written when the tables are not found. */
export function recalculate(host: ExcelHost, settings: Settings, onProgress?: Progress): Promise<{ analysis: Analysis; cellsWritten: number }> {
  const caps = capabilities(host);
  return guarded(() => runBatch(host, (context) => recalculateIn(context, withToday(settings), caps, onProgress), true));
}

/** What 生成报告 made, with the snapshot it read (so the pane knows which workbook state the report shows). */
export interface GeneratedReport {
  analysis: Analysis;
  document: ReportDocument;
  sheetName: string;
  snapshot: WorkbookSnapshot;
}

async function reportIn(context: Excel.RequestContext, settings: Settings, caps: Capabilities, onProgress?: Progress): Promise<GeneratedReport> {
  const { snapshot, analysis } = await readAndAnalyze(context, settings, onProgress);
  if (!analysis.ok) throw notAnalyzable(analysis);
  const document = buildReport(analysis, snapshot, { date: settings.today });
  await onProgress?.('computing', 0.85);
  const plan = renderReportSheet(document);
  await onProgress?.('saving-undo', 0);
  const existing = await findExistingReport(context, plan.sheetName);
  const record = emptyRecord('report', new Date());
  reportUndo(record, plan, existing);
  await saveUndoRecord(context, record, snapshot.sheets.map((s) => s.name));
  await onProgress?.('writing', 0);
  try {
    await writeReportSheet(context, plan, existing, caps, (f) => void onProgress?.('writing', f));
  } catch (e) {
    throw partialWriteError(e);
  }
  onProgress?.('done', 1);
  return { analysis, document, sheetName: plan.sheetName, snapshot };
}

/** Read → core → buildReport → save undo → write the 自评报告 sheet and bring it to the front. */
export function generateReport(host: ExcelHost, settings: Settings, onProgress?: Progress): Promise<GeneratedReport> {
  const caps = capabilities(host);
  return guarded(() => runBatch(host, (context) => reportIn(context, withToday(settings), caps, onProgress), true));
}

/** null when there is nothing to undo. */
export function undoLastRun(host: ExcelHost, onProgress?: Progress): Promise<{ restoredCells: number; removedSheet?: string } | null> {
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
