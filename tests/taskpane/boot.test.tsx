/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { bootPane, BootState, OfficeLike } from '../../src/taskpane/boot';
import { StatusScreen } from '../../src/taskpane/components/StatusScreen';
import { screen } from '@testing-library/react';
import { installBrowserShims, renderPane } from './render';

beforeAll(installBrowserShims);

function office(info: Promise<{ host: string | null; platform: string | null }>, displayLanguage?: string): OfficeLike {
  return { onReady: () => info, context: { displayLanguage } };
}

async function boot(o: OfficeLike | undefined, browserLanguage = 'zh-CN'): Promise<BootState[]> {
  const shown: BootState[] = [];
  await bootPane(o, browserLanguage, (s) => shown.push(s), 50);
  return shown;
}

test('in Excel the pane opens in Office’s display language', async () => {
  expect(await boot(office(Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }), 'en-US'))).toEqual([
    { kind: 'loading', lang: 'zh' },
    { kind: 'excel', lang: 'en', platform: 'OfficeOnline' },
  ]);
  expect((await boot(office(Promise.resolve({ host: 'Excel', platform: 'PC' }), 'zh-CN')))[1]).toEqual({ kind: 'excel', lang: 'zh', platform: 'PC' });
});

test('outside Office (onReady reports no host) the pane says to open it in Excel', async () => {
  const shown = await boot(office(Promise.resolve({ host: null, platform: null })), 'en-GB');
  expect(shown[1]).toEqual({ kind: 'no-host', lang: 'en' });
  renderPane(<StatusScreen problem={{ kind: 'no-host' }} />);
  expect(screen.getByTestId('status')).toHaveTextContent('请在 Excel 中打开');
  expect(screen.getByTestId('status')).toHaveTextContent('在 Excel 的“开始”选项卡上点击“打开绩效自评”');
});

test('when office.js did not load at all, the pane says so at once', async () => {
  expect(await boot(undefined)).toEqual([{ kind: 'no-office', lang: 'zh' }]);
  renderPane(<StatusScreen problem={{ kind: 'no-office' }} />, 'en');
  expect(screen.getByTestId('status')).toHaveTextContent('Office scripts did not load');
  expect(screen.getByTestId('status')).toHaveTextContent('appsforoffice.microsoft.com');
});

test('in Word the pane says it works in Excel only', async () => {
  const shown = await boot(office(Promise.resolve({ host: 'Word', platform: 'PC' })));
  expect(shown[1]).toEqual({ kind: 'wrong-host', host: 'Word', lang: 'zh' });
  renderPane(<StatusScreen problem={{ kind: 'wrong-host', host: 'Word' }} />);
  expect(screen.getByTestId('status')).toHaveTextContent('此加载项只能在 Excel 中使用（当前为 Word）。');
});

test('if Office never answers, a message replaces the spinner — and a late answer still opens the pane', async () => {
  let ready!: (info: { host: string; platform: string }) => void;
  const late = new Promise<{ host: string | null; platform: string | null }>((resolve) => (ready = resolve));
  const shown: BootState[] = [];
  const done = bootPane(office(late, 'zh-CN'), 'zh-CN', (s) => shown.push(s), 20);
  await new Promise((r) => setTimeout(r, 60));
  expect(shown).toEqual([
    { kind: 'loading', lang: 'zh' },
    { kind: 'timeout', seconds: 0, lang: 'zh' },
  ]);
  ready({ host: 'Excel', platform: 'Mac' });
  await done;
  expect(shown[2]).toEqual({ kind: 'excel', lang: 'zh', platform: 'Mac' });
});

test('a rejected onReady is treated as Office missing', async () => {
  expect((await boot(office(Promise.reject(new Error('script error')))))[1]).toEqual({ kind: 'no-office', lang: 'zh' });
});
