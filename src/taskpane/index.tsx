/** Task pane entry: renders inside Office.onReady, with the real Excel API bound to this workbook. */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './components/App';
import { LoadingScreen, StatusScreen } from './components/StatusScreen';
import { bootPane, BootState, OfficeLike } from './boot';
import { I18nProvider } from './i18n';
import { startInitialLoad } from './hooks/initial-load';
import { officeApi } from './office-api';

const container = document.getElementById('container');
if (!container) throw new Error('taskpane.html has no #container element');
const root = createRoot(container);

function paneFor(state: BootState) {
  if (state.kind === 'loading') return <LoadingScreen />;
  if (state.kind !== 'excel') return <StatusScreen problem={state} />;
  const api = officeApi(state.platform);
  // Started before React renders, so Excel reads the workbook while the pane draws itself.
  return <App api={api} initial={startInitialLoad(api)} />;
}

function show(state: BootState): void {
  document.documentElement.lang = state.lang === 'en' ? 'en-US' : 'zh-CN';
  root.render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider lang={state.lang}>{paneFor(state)}</I18nProvider>
    </FluentProvider>,
  );
}

// `typeof` first: if office.js failed to load, the name `Office` does not exist at all.
const office: OfficeLike | undefined = typeof Office === 'undefined' ? undefined : (Office as unknown as OfficeLike);
void bootPane(office, navigator.language, show);
