/**
 * The ribbon's function file (commands.html): associates the manifest's function names with the
 * handlers once Office is ready. Nothing is kept between clicks: each runs in a new runtime.
 */
import { displayLang, officeHost } from '../excel';
import { createCommandHandlers } from './handlers';
import { COMMAND_FUNCTIONS } from './names';
import { dialogUrl, showDialog } from './notify';

/** dialog.html sits beside this page wherever the add-in is hosted. */
function dialogBase(): string {
  const here = (globalThis as { location?: { href: string } }).location?.href;
  return here ? new URL('dialog.html', here).href : 'dialog.html';
}

export function registerCommands(): void {
  const handlers = createCommandHandlers({
    host: officeHost(),
    lang: displayLang,
    notify: (m, waitMs) => showDialog(Office, dialogUrl(dialogBase(), m, displayLang()), waitMs),
  });
  Office.actions.associate(COMMAND_FUNCTIONS.recalculate, handlers.recalculateRates);
  Office.actions.associate(COMMAND_FUNCTIONS.undo, handlers.undoLastRun);
}

void Office.onReady(() => registerCommands());
