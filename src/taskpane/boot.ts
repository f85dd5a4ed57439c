/**
 * Starting the pane: wait for Office.onReady and decide what to show — the pane in Excel, a clear
 * message outside Excel or when office.js did not load, and never an endless spinner.
 */
import { Lang, pickLanguage } from './i18n';
import type { BootProblem } from './components/StatusScreen';

/** The slice of the `Office` global the boot needs (so tests can hand in their own). */
export interface OfficeLike {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  context?: { displayLanguage?: string };
}

export type BootState =
  | { kind: 'loading'; lang: Lang }
  | { kind: 'excel'; lang: Lang; platform?: string }
  | (BootProblem & { lang: Lang });

/** Office desktop can take several seconds to start a pane; after this we say something is wrong. */
export const BOOT_TIMEOUT_MS = 15_000;

/**
 * Calls `show` with 'loading' now, then with the outcome. A timeout shows a message but keeps
 * waiting: if Office turns up late, the pane still opens.
 */
export function bootPane(office: OfficeLike | undefined, browserLanguage: string | undefined, show: (state: BootState) => void, timeoutMs = BOOT_TIMEOUT_MS): Promise<void> {
  const fallback = pickLanguage(browserLanguage);
  if (!office) {
    show({ kind: 'no-office', lang: fallback });
    return Promise.resolve();
  }
  show({ kind: 'loading', lang: fallback });
  const timer = setTimeout(() => show({ kind: 'timeout', seconds: Math.round(timeoutMs / 1000), lang: fallback }), timeoutMs);
  return office.onReady().then(
    (info) => {
      clearTimeout(timer);
      const lang = pickLanguage(office.context?.displayLanguage ?? browserLanguage);
      if (!info.host) show({ kind: 'no-host', lang: fallback });
      else if (info.host !== 'Excel') show({ kind: 'wrong-host', host: info.host, lang });
      else show({ kind: 'excel', lang, platform: info.platform ?? undefined });
    },
    () => {
      clearTimeout(timer);
      show({ kind: 'no-office', lang: fallback });
    },
  );
}
