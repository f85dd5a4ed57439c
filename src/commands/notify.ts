/**
 * Telling the user something from a ribbon command, which has no window of its own: a small Office
 * dialog (dialog.html) showing the message, closed by its 关闭 button. The promise settles when the
 * dialog is gone, so the command can keep its runtime alive until then and complete afterwards.
 */

export interface CommandMessage {
  title: string;
  message: string;
}

/** Shows a message; `waitMs` is how long the dialog may stay before it closes itself. */
export type Notify = (m: CommandMessage, waitMs?: number) => Promise<void>;

/** The message the dialog sends when its 关闭 button is clicked. */
export const CLOSE_MESSAGE = 'close';
/** A separate-runtime command is stopped five minutes after the click; the handlers pass what is left of them. */
export const DIALOG_WAIT_MS = 4 * 60 * 1000;

/** The dialog page's address with the message in its query (the page sets it as text, never as HTML). */
export function dialogUrl(base: string, m: CommandMessage, lang: 'zh' | 'en'): string {
  const query = new URLSearchParams({ lang, title: m.title, message: m.message }).toString();
  return `${base}?${query}`;
}

/**
 * Opens the dialog and waits until it is closed (by its button, by the user, or after `waitMs`).
 * If Office cannot open it (another dialog is open, the API is missing), the message goes to the
 * console as the last place left, and the command still completes.
 */
export function showDialog(office: typeof Office, url: string, waitMs = DIALOG_WAIT_MS): Promise<void> {
  return new Promise<void>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (dialog?: Office.Dialog) => {
      if (timer !== undefined) clearTimeout(timer);
      dialog?.close();
      resolve();
    };
    try {
      office.context.ui.displayDialogAsync(url, { height: 35, width: 30, displayInIframe: true }, (result) => {
        if (result.status !== office.AsyncResultStatus.Succeeded) {
          console.error(`绩效自评助手: could not open the message dialog (${result.error?.code}): ${decodeURIComponent(url.split('?')[1] ?? '')}`);
          resolve();
          return;
        }
        const dialog = result.value;
        timer = setTimeout(() => finish(dialog), waitMs);
        dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
          if ('message' in arg && arg.message === CLOSE_MESSAGE) finish(dialog);
        });
        // 12006: the user closed the dialog with its X; any other event also ends it.
        dialog.addEventHandler(office.EventType.DialogEventReceived, () => finish());
      });
    } catch (e) {
      console.error('绩效自评助手: the dialog API is not available', e);
      resolve();
    }
  });
}
