/** Rendering pane components the way index.tsx does: inside PaneProviders (theme, live region, language). */
import { ReactElement, ReactNode } from 'react';
import { configure, render, RenderResult } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { PaneProviders } from '../../src/taskpane/components/PaneProviders';
import type { Lang } from '../../src/taskpane/i18n';

// The pane analyses a workbook on open; in jsdom that can take longer than Testing Library's default 1 s.
configure({ asyncUtilTimeout: 3000 });

export function renderPane(ui: ReactElement, lang: Lang = 'zh'): RenderResult {
  const wrapper = ({ children }: { children: ReactNode }) => <PaneProviders lang={lang}>{children}</PaneProviders>;
  return render(ui, { wrapper });
}

/** Replaces a field's text as a user does: clears it, then types the new text. */
export async function retype(user: UserEvent, input: HTMLElement, text: string): Promise<void> {
  await user.clear(input);
  if (text) await user.type(input, text);
}

/** jsdom lacks a few browser APIs that Fluent's motion uses. */
export function installBrowserShims(): void {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
  }
}

/**
 * Whether a person can use a control, by mouse or keyboard. The pane's buttons wait with
 * `disabledFocusable` (aria-disabled, still focusable, so the focus stays where it was), which
 * jest-dom's toBeDisabled does not count.
 */
function unavailable(el: HTMLElement): boolean {
  return el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true';
}

expect.extend({
  toBeUnavailable(el: HTMLElement) {
    const pass = unavailable(el);
    return { pass, message: () => `expected ${el.outerHTML.slice(0, 120)} ${pass ? 'to be usable' : 'to be unavailable (disabled or aria-disabled)'}` };
  },
  toBeAvailable(el: HTMLElement) {
    const pass = !unavailable(el);
    return { pass, message: () => `expected ${el.outerHTML.slice(0, 120)} ${pass ? 'to be unavailable' : 'to be usable (neither disabled nor aria-disabled)'}` };
  },
});

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toBeUnavailable(): R;
      toBeAvailable(): R;
    }
  }
}
