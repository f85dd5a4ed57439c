/**
 * The ribbon's two commands. Each runs in a fresh, separate runtime (manifest: no shared runtime), so
 * everything it needs — the saved settings, the undo store — comes from the workbook, never from
 * memory. Each tells Office it has finished in `finally`, whatever happened.
 */
import { Analysis, countBySeverity } from '../core';
import { ExcelHost, Lang, describeOfficeError, loadSavedSettings, recalculate, undoLastRun } from '../excel';
import type { CommandMessage, Notify } from './notify';

export interface CommandDeps {
  host: ExcelHost;
  notify: Notify;
  lang: () => Lang;
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

function summary(analysis: Analysis): Text | undefined {
  const errors = countBySeverity(analysis.issues).error;
  if (errors === 0) return undefined;
  const projects = analysis.model?.projects.length ?? 0;
  return {
    zh: `已计算${projects}个项目的执行率；发现${errors}个错误，请点击“打开绩效自评”查看。`,
    en: `Rates computed for ${projects} projects; ${errors} error(s) found. Click Open Self-Evaluation to review them.`,
  };
}

export function createCommandHandlers(deps: CommandDeps) {
  const { host, notify, lang } = deps;
  const tell = async (body: Text) => notify(message(lang(), body));
  const tellError = async (e: unknown) => notify({ title: TITLE[lang()], message: describeOfficeError(e, lang()) });

  /** 重新计算执行率: read → core → write with the saved mapping (or automatic detection when none). */
  async function recalculateRates(event: Office.AddinCommands.Event): Promise<void> {
    try {
      const saved = await loadSavedSettings(host);
      const { analysis } = await recalculate(host, saved?.settings ?? {});
      if (!analysis.ok) await tell(notFound(analysis, Boolean(saved?.settings.mapping)));
      else {
        const s = summary(analysis);
        if (s) await tell(s);
      }
    } catch (e) {
      await tellError(e);
    } finally {
      event.completed();
    }
  }

  /** 撤销上次计算: restore the cells the last run overwrote; say so when there is nothing to undo. */
  async function undoLast(event: Office.AddinCommands.Event): Promise<void> {
    try {
      const result = await undoLastRun(host);
      if (!result) await tell({ zh: '没有可撤销的计算。', en: 'There is no calculation to undo.' });
    } catch (e) {
      await tellError(e);
    } finally {
      event.completed();
    }
  }

  return { recalculateRates, undoLastRun: undoLast };
}
