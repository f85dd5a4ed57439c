/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { bootPane, BootState, OfficeLike } from '../../src/taskpane/boot';
import { StatusScreen } from '../../src/taskpane/components/StatusScreen';
import { screen } from '@testing-library/react';
import { installBrowserShims, renderPane } from './render';

beforeAll(installBrowserShims);

function office(info: Promise<{ host: string | null; platform: string | null }>, displayLanguage?: string, context: OfficeLike['context'] = {}): OfficeLike {
  return { onReady: () => info, context: { displayLanguage, ...context } };
}

async function boot(o: OfficeLike | undefined, browserLanguage = 'zh-CN'): Promise<BootState[]> {
  const shown: BootState[] = [];
  await bootPane(o, browserLanguage, (s) => shown.push(s), 50);
  return shown;
}

test('in Excel the pane opens in Office’s display language', async () => {
  expect(await boot(office(Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }), 'en-US'))).toEqual([
    { kind: 'loading', lang: 'zh' },
    { kind: 'excel', lang: 'en', platform: 'OfficeOnline', dark: false },
  ]);
  expect((await boot(office(Promise.resolve({ host: 'Excel', platform: 'PC' }), 'zh-CN')))[1]).toEqual({ kind: 'excel', lang: 'zh', platform: 'PC', dark: false });
});

test('Office’s dark theme (Black, Dark Gray) makes the pane dark; its flag first, else the body colour', async () => {
  const ready = () => Promise.resolve({ host: 'Excel', platform: 'PC' });
  const darkOf = async (officeTheme: NonNullable<OfficeLike['context']>['officeTheme']) => ((await boot(office(ready(), 'zh-CN', { officeTheme })))[1] as { dark: boolean }).dark;
  expect(await darkOf({ isDarkTheme: true, bodyBackgroundColor: '#ffffff' })).toBe(true);
  expect(await darkOf({ isDarkTheme: false, bodyBackgroundColor: '#262626' })).toBe(false);
  expect(await darkOf({ bodyBackgroundColor: '#262626' })).toBe(true); // a build without isDarkTheme
  expect(await darkOf({ bodyBackgroundColor: '#E6E6E6' })).toBe(false);
  expect(await darkOf(undefined)).toBe(false);
});

test('an Excel without ExcelApi 1.4 (Office 2016 without updates) is told in plain words which Excel works', async () => {
  const requirements = { isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && Number(version) <= 1.1 };
  const shown = await boot(office(Promise.resolve({ host: 'Excel', platform: 'PC' }), 'zh-CN', { requirements }));
  expect(shown[1]).toEqual({ kind: 'old-excel', lang: 'zh' });
  renderPane(<StatusScreen problem={{ kind: 'old-excel' }} />);
  expect(screen.getByTestId('status')).toHaveTextContent('需要 Microsoft 365、Office 2021 或更新版本的 Excel，或网页版 Excel');
  renderPane(<StatusScreen problem={{ kind: 'old-excel' }} />, 'en');
  expect(screen.getAllByTestId('status')[1]).toHaveTextContent('It needs Excel in Microsoft 365, Office 2021 or later, or Excel on the web.');
  // With ExcelApi 1.4 the same host opens the pane.
  const modern = { isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && Number(version) <= 1.4 };
  expect((await boot(office(Promise.resolve({ host: 'Excel', platform: 'PC' }), 'zh-CN', { requirements: modern })))[1]).toMatchObject({ kind: 'excel' });
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
  expect(shown[2]).toEqual({ kind: 'excel', lang: 'zh', platform: 'Mac', dark: false });
});

test('a rejected onReady is treated as Office missing', async () => {
  expect((await boot(office(Promise.reject(new Error('script error')))))[1]).toEqual({ kind: 'no-office', lang: 'zh' });
});
