// Placeholder until the Excel shell lands: the task pane work replaces this file.
import { createRoot } from 'react-dom/client';
import { FluentProvider, Spinner, webLightTheme } from '@fluentui/react-components';

Office.onReady(() => {
  const container = document.getElementById('container');
  if (!container) throw new Error('taskpane.html has no #container element');
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Spinner label="加载中…" />
    </FluentProvider>,
  );
});
