/**
 * Starting the pane: wait for Office.onReady and decide what to show — the pane in Excel, a clear
 * message outside Excel or when office.js did not load, and never an endless spinner.
 */
import { MIN_EXCEL_API } from '../excel/host';
import { Lang, pickLanguage } from './i18n';
import type { BootProblem } from './components/StatusScreen';

/** The slice of the `Office` global the boot needs (so tests can hand in their own). */
export interface OfficeLike {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  context?: {
    displayLanguage?: string;
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
    /** Excel on every platform has it; Office's own types mark isDarkTheme as absent in older builds. */
    officeTheme?: { isDarkTheme?: boolean; bodyBackgroundColor?: string };
  };
}



export type BootState =
  | { kind: 'loading'; lang: Lang }
  | { kind: 'excel'; lang: Lang; platform?: string; dark: boolean }
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
      // Office 2016 without updates has ExcelApi 1.1 only: say which Excel works instead of failing mid-run.
      else if (office.context?.requirements && !office.context.requirements.isSetSupported('ExcelApi', MIN_EXCEL_API)) show({ kind: 'old-excel', lang });
      else show({ kind: 'excel', lang, platform: info.platform ?? undefined, dark: officeIsDark(office.context?.officeTheme) });
    },
    () => {
      clearTimeout(timer);
      show({ kind: 'no-office', lang: fallback });
    },
  );
}

/** Office's theme is dark (Black, Dark Gray): its own flag, or else a dark body background. */
export function officeIsDark(theme: { isDarkTheme?: boolean; bodyBackgroundColor?: string } | undefined): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme;
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(theme.bodyBackgroundColor ?? '');
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
