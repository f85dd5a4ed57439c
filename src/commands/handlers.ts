/**
 * The ribbon's two commands. Each runs in a fresh, separate runtime (manifest: no shared runtime), so
 * everything it needs — the saved settings, the undo store — comes from the workbook, never from
 * memory. Each tells Office it has finished in `finally`, whatever happened. Office stops the runtime
 * five minutes after the click (time-budget.ts), so the clock starts at the click: the work stops
 * before writing when it would not fit, and the message dialog closes itself before the end.
 */
import { Analysis, countBySeverity } from '../core';
import { ExcelHost, Lang, UndoResult, commandBudget, describeOfficeError, describeUndo, loadSavedSettings, recalculate, undoLastRun } from '../excel';
import type { CommandMessage, Notify } from './notify';

export interface CommandDeps {
  host: ExcelHost;
  notify: Notify;
  lang: () => Lang;
  /** Milliseconds now (Date.now by default; tests drive their own clock). */
  now?: () => number;
}

type Text = { zh: string; en: string };

const TITLE: Text = { zh: '绩效自评助手', en: 'Performance Self-Evaluation' };

function message(lang: Lang, body: Text): CommandMessage {
  return { title: TITLE[lang], message: body[lang] };
}

/** Why nothing was computed: the core's own words, and where to fix it. */
function notFound(analysis: Analysis, hadMapping: boolean): Text {
  const issue = analysis.issues.find((i) => i.severity === 'error');
  const where = issue?.cell ? `${issue.cell}：` : '';
  const zhWhy = issue ? `${where}${issue.message}` : '未找到项目资金表。';
  const enWhy = issue ? `${where}${issue.messageEn}` : 'No funds table was found.';
  return hadMapping
    ? { zh: `${zhWhy}\n已保存的列映射不适用于此工作簿。请点击“打开绩效自评”，在任务窗格中更正列映射后再试。`, en: `${enWhy}\nThe saved column mapping does not fit this workbook. Click Open Self-Evaluation and correct the mapping in the task pane, then try again.` }
    : { zh: `${zhWhy}\n请点击“打开绩效自评”，在任务窗格中设置列映射后再试。`, en: `${enWhy}\nClick Open Self-Evaluation and set the column mapping in the task pane, then try again.` };
}

/** How long the message dialog may stay: until a few seconds before Office stops the command. */
export function dialogWait(budget: { remaining(): number }): number {
  return Math.max(0, budget.remaining() - DIALOG_CLOSE_MARGIN_MS);
}

/** The dialog closes this long before the runtime's end, so its close reaches Office. */
const DIALOG_CLOSE_MARGIN_MS = 10 * 1000;

function summary(analysis: Analysis): Text | undefined {
  const errors = countBySeverity(analysis.issues).error;
  if (errors === 0) return undefined;
  const projects = analysis.model?.projects.length ?? 0;
  return {
    zh: `已计算${projects}个项目的执行率；发现${errors}个错误，请点击“打开绩效自评”查看。`,
    en: `Rates computed for ${projects} projects; ${errors} error(s) found. Click Open Self-Evaluation to review them.`,
  };
}

/** Whether an undo did more than put cells back as they were (which the user sees in the sheet). */
function worthSaying(r: UndoResult): boolean {
  return r.kind === 'report' || [r.removedSheets, r.restoredSheets, r.lostSheets, r.missingSheets].some((s) => s.length > 0) || Boolean(r.notRestored?.length);
}

export function createCommandHandlers(deps: CommandDeps) {
  const { host, notify, lang } = deps;
  const now = deps.now ?? (() => Date.now());
  const clicked = (): ReturnType<typeof commandBudget> => commandBudget(now(), now);

  /** The dialog is given what is left of the five minutes, so it is gone before Office stops the runtime. */
  const tell = async (budget: ReturnType<typeof commandBudget>, body: Text) => notify(message(lang(), body), dialogWait(budget));
  const tellError = async (budget: ReturnType<typeof commandBudget>, e: unknown) => notify({ title: TITLE[lang()], message: describeOfficeError(e, lang()) }, dialogWait(budget));

  /** 重新计算执行率: read → core → write with the saved mapping (or automatic detection when none). */
  async function recalculateRates(event: Office.AddinCommands.Event): Promise<void> {
    const budget = clicked();
    try {
      const saved = await loadSavedSettings(host);
      const { analysis } = await recalculate(host, saved?.settings ?? {}, undefined, { budget });
      if (!analysis.ok) await tell(budget, notFound(analysis, Boolean(saved?.settings.mapping)));
      else {
        const s = summary(analysis);
        if (s) await tell(budget, s);
      }
    } catch (e) {
      await tellError(budget, e);
    } finally {
      event.completed();
    }
  }

  /**
   * 撤销上次计算: restore what the last run overwrote. Cells coming back speak for themselves; sheets
   * removed or put back, a report's kept sheets and cells Excel refused are said, in the pane's words.
   */
  async function undoLast(event: Office.AddinCommands.Event): Promise<void> {
    const budget = clicked();
    try {
      const result = await undoLastRun(host);
      if (!result) await tell(budget, { zh: '没有可撤销的计算。', en: 'There is no calculation to undo.' });
      else if (worthSaying(result)) await tell(budget, { zh: describeUndo(result, 'zh'), en: describeUndo(result, 'en') });
    } catch (e) {
      await tellError(budget, e);
    } finally {
      event.completed();
    }
  }

  return { recalculateRates, undoLastRun: undoLast };
}
