/** Task pane entry: renders inside Office.onReady, with the real Excel API bound to this workbook. */
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { PaneProviders } from './components/PaneProviders';
import { LoadingScreen, StatusScreen } from './components/StatusScreen';
import { bootPane, BootState, OfficeLike } from './boot';
import { hideStartupFallback, showStartupFallback, startupFallbackShown } from './startup-fallback';
import { startInitialLoad } from './hooks/initial-load';
import { officeApi } from './office-api';

const container = document.getElementById('container');
if (!container) throw new Error('taskpane.html has no #container element');
// A render that throws leaves nothing on screen: show the page's static "cannot start" message instead.
const root = createRoot(container, { onUncaughtError: () => showStartupFallback(document) });

function paneFor(state: BootState) {
  if (state.kind === 'loading') return <LoadingScreen />;
  if (state.kind !== 'excel') return <StatusScreen problem={state} />;
  const api = officeApi(state.platform);
  // Started before React renders, so Excel reads the workbook while the pane draws itself.
  return <App api={api} initial={startInitialLoad(api)} />;
}

function show(state: BootState): void {
  document.documentElement.lang = state.lang === 'en' ? 'en-US' : 'zh-CN';
  const dark = state.kind === 'excel' && state.dark;
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  root.render(
    <PaneProviders lang={state.lang} dark={dark}>
      {paneFor(state)}
    </PaneProviders>,
  );
}

// The bundle runs: the static message for webviews that cannot run it is not needed — unless the
// fallback script already judged this webview too old, and then its message is the honest answer.
if (!startupFallbackShown(document)) {
  hideStartupFallback(document);
  // `typeof` first: if office.js failed to load, the name `Office` does not exist at all.
  const office: OfficeLike | undefined = typeof Office === 'undefined' ? undefined : (Office as unknown as OfficeLike);
  void bootPane(office, navigator.language, show);
}
