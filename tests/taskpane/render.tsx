/** Rendering pane components the way index.tsx does: inside Fluent's provider and a language. */
import { ReactElement, ReactNode } from 'react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { configure, render, RenderResult } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { I18nProvider, Lang } from '../../src/taskpane/i18n';

// The pane analyses a workbook on open; in jsdom that can take longer than Testing Library's default 1 s.
configure({ asyncUtilTimeout: 3000 });

export function renderPane(ui: ReactElement, lang: Lang = 'zh'): RenderResult {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <FluentProvider theme={webLightTheme}>
      <I18nProvider lang={lang}>{children}</I18nProvider>
    </FluentProvider>
  );
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
