/**
 * The user's settings and column mapping, kept in the workbook itself (Workbook.settings, ExcelApi
 * 1.4) so the ribbon command — a separate runtime with no memory — and the next session find them.
 */
import type { Settings } from '../core';
import { SettingProblem, usableSettings } from '../core/settings-schema';
import { ExcelHost, runBatch } from './host';
import { toActionError } from './errors';

export const SETTINGS_KEY = 'jixiao.settings';

export interface SavedSettings {
  settings: Settings;
  savedAt: string;
  /** Saved fields that were not usable (left out of `settings`), for the pane to name. */
  problems?: SettingProblem[];
}

interface Stored {
  version: 1;
  settings: Settings;
  savedAt: string;
}

/** What is worth keeping: `today` is the clock's business, not the workbook's. */
function persistable(settings: Settings): Settings {
  const { today: _today, ...rest } = settings;
  return JSON.parse(JSON.stringify(rest)) as Settings;
}

/** A stored value back as settings; anything unreadable counts as nothing saved. */
export function parseStored(value: unknown): SavedSettings | null {
  let data: unknown = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch {
      return null; // a hand-edited or truncated value: the pane offers to set the mapping again
    }
  }
  const stored = data as Partial<Stored> | null;
  if (!stored || typeof stored !== 'object' || typeof stored.settings !== 'object' || stored.settings === null) return null;
  const { settings, problems } = usableSettings(persistable(stored.settings));
  const savedAt = typeof stored.savedAt === 'string' ? stored.savedAt : '';
  return problems.length ? { settings, savedAt, problems } : { settings, savedAt };
}

/** Queues the load of the saved settings on a context; read `.value` after the next sync. */
export function queueSettingsLoad(context: Excel.RequestContext): Excel.Setting {
  return context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load('value');
}

export function settingsFrom(item: Excel.Setting): SavedSettings | null {
  return item.isNullObject ? null : parseStored(item.value);
}

export async function loadSavedSettings(host: ExcelHost): Promise<SavedSettings | null> {
  try {
    return await runBatch(host, async (context) => {
      const item = queueSettingsLoad(context);
      await context.sync();
      return settingsFrom(item);
    });
  } catch (e) {
    throw toActionError(e);
  }
}

export async function saveSettings(host: ExcelHost, settings: Settings, now: Date = new Date()): Promise<void> {
  const stored: Stored = { version: 1, settings: persistable(settings), savedAt: now.toISOString() };
  try {
    await runBatch(host, async (context) => {
      // A string, not an object: every Office host round-trips strings the same way.
      context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(stored));
      await context.sync();
    });
  } catch (e) {
    throw toActionError(e);
  }
}
