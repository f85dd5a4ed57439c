/**
 * What every pane screen sits in: Fluent's theme (dark when Office's theme is), the live region that
 * carries message bars and announcements to screen readers, and the pane's language.
 */
import type { ReactNode } from 'react';
import { AriaLiveAnnouncer, FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { I18nProvider, Lang, type MessageOverrides } from '../i18n';

export function PaneProviders({ lang, dark = false, overrides, children }: { lang: Lang; dark?: boolean; overrides?: MessageOverrides; children: ReactNode }) {
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
      <AriaLiveAnnouncer>
        <I18nProvider lang={lang} overrides={overrides}>
          {children}
        </I18nProvider>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
