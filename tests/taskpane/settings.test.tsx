/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { App } from '../../src/taskpane/components/App';
import { click, getByRole, getByTestId, typeText, waitFor } from './dom';
import { callsTo, fakeApi, FakeApi } from './fake-api';
import { installBrowserShims, renderPane } from './render';

beforeAll(installBrowserShims);

async function openSettings(api: FakeApi): Promise<HTMLElement> {
  renderPane(<App api={api} />);
  await waitFor(() => expect(getByRole('button', '重新计算执行率')).toBeEnabled());
  await click(getByRole('button', '设置'));
  return getByTestId('settings');
}

test('the form shows the saved settings and the default threshold of 90%', async () => {
  const api = fakeApi();
  api.saved = { fiscalYear: 2023, rateDisplay: 'two-decimals' };
  const form = await openSettings(api);
  expect(getByRole('textbox', /^年度/, form)).toHaveValue('2023');
  expect(getByRole('radio', '两位小数（27.78%）', form)).toBeChecked();
  expect(getByRole('textbox', /^偏差说明阈值/, form)).toHaveValue('90');
  expect(form).toHaveTextContent('上次保存：');
});

test('saving a mid-year as-of date turns the run into monitoring against 序时进度', async () => {
  const api = fakeApi();
  api.saved = { mapping: { funds: { columns: { executed: 'D' } } } };
  const form = await openSettings(api);
  await typeText(getByRole('textbox', /^年度/, form), '2023');
  await typeText(form.querySelector('input[type="date"]') as HTMLElement, '2023-07-31');
  await click(getByRole('radio', '两位小数（27.78%）', form));
  await typeText(getByRole('textbox', /^偏差说明阈值/, form), '85');
  await click(getByRole('button', '保存设置', form));
  await waitFor(() => expect(getByTestId('notice')).toHaveTextContent('设置已保存。'));
  // The mapping the form does not show is kept.
  expect(callsTo(api, 'saveSettings')).toEqual([
    [{ mapping: { funds: { columns: { executed: 'D' } } }, fiscalYear: 2023, asOf: '2023-07-31', rateDisplay: 'two-decimals', reasonThreshold: 0.85 }],
  ]);
  // 31 July is day 212 of 365.
  expect(getByTestId('summary')).toHaveTextContent('2023 年度，截至 2023-07-31（运行监控，序时进度 58.08%）');
});

test('a bad year or threshold is pointed out and cannot be saved', async () => {
  const api = fakeApi();
  const form = await openSettings(api);
  await typeText(getByRole('textbox', /^年度/, form), '23');
  expect(form).toHaveTextContent('请输入四位年份，如 2023');
  expect(getByRole('button', '保存设置', form)).toBeDisabled();
  await typeText(getByRole('textbox', /^年度/, form), '');
  await typeText(getByRole('textbox', /^偏差说明阈值/, form), '120');
  expect(form).toHaveTextContent('请输入 0 到 100 之间的数');
  expect(getByRole('button', '保存设置', form)).toBeDisabled();
  expect(callsTo(api, 'saveSettings')).toHaveLength(0);
});

test('an as-of date outside the year comes back from the core as an issue on the list', async () => {
  const api = fakeApi();
  const form = await openSettings(api);
  await typeText(getByRole('textbox', /^年度/, form), '2023');
  await typeText(form.querySelector('input[type="date"]') as HTMLElement, '2024-03-01');
  await click(getByRole('button', '保存设置', form));
  await waitFor(() => expect(getByTestId('issues-error')).toHaveTextContent('截止日期“2024-03-01”不在2023年度内'));
});
