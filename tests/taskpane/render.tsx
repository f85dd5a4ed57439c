/** Rendering pane components the way index.tsx does: inside Fluent's provider and a language. */
import { ReactElement } from 'react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { I18nProvider, Lang } from '../../src/taskpane/i18n';
import { mount } from './dom';

export function renderPane(ui: ReactElement, lang: Lang = 'zh'): HTMLElement {
  return mount(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider lang={lang}>{ui}</I18nProvider>
    </FluentProvider>,
  );
}

/** jsdom lacks a few browser APIs that Fluent's motion uses. */
export function installBrowserShims(): void {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
  }
}
