/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { App } from '../../src/taskpane/components/App';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { UserEvent } from '@testing-library/user-event';
import { callsTo, fakeApi, FakeApi } from './fake-api';
import { installBrowserShims, renderPane, retype } from './render';

beforeAll(installBrowserShims);

async function openSettings(user: UserEvent, api: FakeApi): Promise<HTMLElement> {
  renderPane(<App api={api} />);
  await waitFor(() => expect(screen.getByRole('button', { name: '重新计算执行率' })).toBeAvailable());
  await user.click(screen.getByRole('button', { name: '设置' }));
  return screen.getByTestId('settings');
}

test('the form shows the saved settings and the default threshold of 90%', async () => {
  const api = fakeApi();
  api.saved = { fiscalYear: 2023, rateDisplay: 'two-decimals' };
  const settings = await openSettings(userEvent.setup(), api);
  const form = within(settings);
  expect(form.getByRole('textbox', { name: /^年度/ })).toHaveValue('2023');
  expect(form.getByRole('radio', { name: '两位小数（27.78%）' })).toBeChecked();
  expect(form.getByRole('textbox', { name: /^偏差说明阈值/ })).toHaveValue('90');
  expect(settings).toHaveTextContent('上次保存：');
});

test('saving a mid-year as-of date turns the run into monitoring against 序时进度', async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  api.saved = { mapping: { funds: { columns: { executed: 'D' } } } };
  const form = within(await openSettings(user, api));
  await retype(user, form.getByRole('textbox', { name: /^年度/ }), '2023');
  // A date input has no ARIA role; it is found by its label.
  await retype(user, form.getByLabelText('截止日期'), '2023-07-31');
  await user.click(form.getByRole('radio', { name: '两位小数（27.78%）' }));
  await retype(user, form.getByRole('textbox', { name: /^偏差说明阈值/ }), '85');
  await user.click(form.getByRole('button', { name: '保存设置' }));
  await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('设置已保存。'));
  // The mapping the form does not show is kept.
  expect(callsTo(api, 'saveSettings')).toEqual([
    [{ mapping: { funds: { columns: { executed: 'D' } } }, fiscalYear: 2023, asOf: '2023-07-31', rateDisplay: 'two-decimals', reasonThreshold: 0.85 }],
  ]);
  // 31 July is day 212 of 365.
  expect(screen.getByTestId('summary')).toHaveTextContent('2023 年度，截至 2023-07-31（运行监控，序时进度 58.08%）');
});

test('a 报告日期 saved in the settings signs the report; cleared, the report asks for one', async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  const form = within(await openSettings(user, api));
  await retype(user, form.getByLabelText('报告日期'), '2024-01-20');
  await user.click(form.getByRole('button', { name: '保存设置' }));
  await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('设置已保存。'));
  expect(callsTo(api, 'saveSettings')[0][0]).toMatchObject({ reportDate: '2024-01-20' });
  await user.click(screen.getByRole('button', { name: '生成报告' }));
  await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent(/报告已写入/));
  expect(screen.getByTestId('checklist')).not.toHaveTextContent('报告日期');
  await retype(user, form.getByLabelText('报告日期'), '');
  await user.click(form.getByRole('button', { name: '保存设置' }));
  await waitFor(() => expect(callsTo(api, 'saveSettings')).toHaveLength(2));
  expect(callsTo(api, 'saveSettings')[1][0]).not.toHaveProperty('reportDate');
});

test('a bad year or threshold is pointed out and cannot be saved', async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  const settings = await openSettings(user, api);
  const form = within(settings);
  await retype(user, form.getByRole('textbox', { name: /^年度/ }), '23');
  // The same rule and words as a --config file's fiscalYear.
  expect(settings).toHaveTextContent('应为 1900–9999 之间的整数，如 2023，收到 23');
  expect(form.getByRole('button', { name: '保存设置' })).toBeUnavailable();
  await retype(user, form.getByRole('textbox', { name: /^年度/ }), '2023年');
  expect(settings).toHaveTextContent('收到 "2023年"');
  expect(form.getByRole('button', { name: '保存设置' })).toBeUnavailable();
  await retype(user, form.getByRole('textbox', { name: /^年度/ }), '');
  await retype(user, form.getByRole('textbox', { name: /^偏差说明阈值/ }), '120');
  expect(settings).toHaveTextContent('请输入 0 到 100 之间的数');
  expect(form.getByRole('button', { name: '保存设置' })).toBeUnavailable();
  expect(callsTo(api, 'saveSettings')).toHaveLength(0);
});

test('an as-of date outside the year comes back from the core as an issue on the list', async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  const form = within(await openSettings(user, api));
  await retype(user, form.getByRole('textbox', { name: /^年度/ }), '2023');
  await retype(user, form.getByLabelText('截止日期'), '2024-03-01');
  await user.click(form.getByRole('button', { name: '保存设置' }));
  await waitFor(() => expect(screen.getByTestId('issues-error')).toHaveTextContent('截止日期“2024-03-01”不在2023年度内'));
});

test('settings saved in the workbook that cannot be used are named, not used and not silently dropped', async () => {
  // A hand-edited (or older) saved value: {"fiscalYear":"abc","reasonThreshold":90,"rateDisplay":"two-decimals"}.
  const api = fakeApi();
  api.loadSavedSettings = async () => ({
    settings: { rateDisplay: 'two-decimals' },
    savedAt: '2024-01-10T08:00:00.000Z',
    problems: [
      { path: 'fiscalYear', zh: '应为 1900–9999 之间的整数，如 2023，收到 "abc"', en: 'must be a whole number from 1900 to 9999, e.g. 2023, not "abc"' },
      { path: 'reasonThreshold', zh: '应为 0 到 1 之间的数（90% 应写作 0.9），收到 90', en: 'must be a number from 0 to 1 (write 90% as 0.9), not 90' },
    ],
  });
  renderPane(<App api={api} />);
  const notice = await screen.findByTestId('notice');
  expect(notice).toHaveTextContent('本工作簿中保存的设置有不能使用的值，已按未设置处理：fiscalYear 应为 1900–9999 之间的整数，如 2023，收到 "abc"；reasonThreshold 应为 0 到 1 之间的数（90% 应写作 0.9），收到 90。请在“设置”中重新填写并保存。');
  expect(screen.getByTestId('summary')).not.toHaveTextContent('abc');
  expect(screen.getByTestId('summary')).toHaveTextContent('2023 年度');
});
