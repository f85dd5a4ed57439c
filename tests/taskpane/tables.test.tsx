/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { App } from '../../src/taskpane/components/App';
import { click, getByRole, getByTestId, queryAllByText, selectOption, typeText, waitFor } from './dom';
import { callsTo, fakeApi, FakeApi, strangerBook } from './fake-api';
import { installBrowserShims, renderPane } from './render';
import { book, fundsSheet, sheet } from '../helpers/snap';

beforeAll(installBrowserShims);

async function openEditor(api: FakeApi, table = '更正项目资金表'): Promise<HTMLElement> {
  renderPane(<App api={api} />);
  await waitFor(() => expect(getByRole('button', '重新计算执行率')).toBeEnabled());
  await click(getByRole('button', table));
  return getByTestId(table === '更正项目资金表' ? 'mapping-funds' : 'mapping-payments');
}

function totalRow(): string[] {
  return [...getByRole('row', /^合计/, getByTestId('summary')).querySelectorAll('td')].map((td) => td.textContent ?? '');
}

test('the editor lists the header’s columns for each field, with the detected one as automatic', async () => {
  const editor = await openEditor(fakeApi());
  const executed = getByRole('combobox', '执行数', editor);
  const options = [...(executed as HTMLSelectElement).options].map((o) => o.text);
  expect(options).toEqual(['D · 执行数（自动）', '（不使用）', 'A · 项目名称', 'B · 全年预算数', 'C · 财政拨款', 'D · 执行数']);
  expect((getByRole('combobox', '项目编码', editor) as HTMLSelectElement).options[0].text).toBe('（自动：未找到）');
  expect(getByRole('button', '应用', editor)).toBeDisabled();
});

test('pointing 执行数 at another column saves the override, re-checks, and can be undone by resetting', async () => {
  const api = fakeApi();
  const editor = await openEditor(api);
  expect(totalRow()[2]).toBe('115.40');
  await selectOption(getByRole('combobox', '执行数', editor), 'C');
  await click(getByRole('button', '应用', editor));
  await waitFor(() => expect(getByTestId('notice')).toHaveTextContent('设置已保存。'));
  expect(api.saved).toEqual({ mapping: { funds: { columns: { executed: 'C' } } } });
  expect(getByTestId('table-funds')).toHaveTextContent('已手动更正');
  expect(totalRow()[2]).toBe('162.60'); // 72 + 85.6 + 5 from 财政拨款

  await click(getByRole('button', '恢复自动识别', getByTestId('mapping-funds')));
  await waitFor(() => expect(totalRow()[2]).toBe('115.40'));
  expect(api.saved).toEqual({});
  expect(queryAllByText('已手动更正')).toHaveLength(0);
});

test('a field can be switched off, and the header row must be a row number', async () => {
  const api = fakeApi();
  const editor = await openEditor(api);
  const headerRow = getByRole('textbox', '表头行（第几行）', editor);
  await typeText(headerRow, 'x3');
  expect(editor).toHaveTextContent('请输入 1 到 1048576 之间的行号');
  expect(getByRole('button', '应用', editor)).toBeDisabled();
  await typeText(headerRow, '3');
  await selectOption(getByRole('combobox', '财政拨款', editor), '-');
  await click(getByRole('button', '应用', editor));
  await waitFor(() => expect(callsTo(api, 'saveSettings')).toHaveLength(1));
  expect(api.saved).toEqual({ mapping: { funds: { headerRow: 3, columns: { fiscal: null } } } });
});

test('a table under an unusual header is found once the user names its sheet and header row', async () => {
  // The header words are unknown to the detector; the user maps the columns by hand.
  const odd = book(sheet('数据', [['说明'], ['名目', '额度', '已用'], ['网站运维', 10, 4]]));
  const api = fakeApi(odd);
  renderPane(<App api={api} />);
  await waitFor(() => expect(getByTestId('mapping-funds')).toBeInTheDocument());
  const editor = getByTestId('mapping-funds');
  await selectOption(getByRole('combobox', '工作表', editor), '数据');
  await typeText(getByRole('textbox', '表头行（第几行）', editor), '2');
  // The column choices follow the chosen header row.
  await selectOption(getByRole('combobox', '项目名称', editor), 'A');
  await selectOption(getByRole('combobox', '全年预算数', editor), 'B');
  await selectOption(getByRole('combobox', '执行数', editor), 'C');
  expect((getByRole('combobox', '执行数', editor) as HTMLSelectElement).selectedOptions[0].text).toBe('C · 已用');
  await click(getByRole('button', '应用', editor));
  await waitFor(() => expect(getByTestId('table-funds')).toHaveTextContent('数据 表头第 2 行，数据至第 3 行'));
  expect(totalRow()).toEqual(['合计（1个）', '10.00', '4.00', '40%']);
  expect(getByRole('button', '重新计算执行率')).toBeEnabled();
});

test('with no funds table the step explains what was looked for', async () => {
  renderPane(<App api={fakeApi(strangerBook())} />);
  await waitFor(() => expect(getByTestId('step-tables')).toHaveTextContent('未找到项目资金表'));
  expect(getByTestId('step-tables')).toHaveTextContent(/未找到项目资金表：在各工作表前20行中未找到/);
  expect(getByTestId('step-tables')).toHaveTextContent('请在下方“更正项目资金表”中指定工作表和表头行');
});

test('a funds table without payments says the executed amounts come from the table', async () => {
  renderPane(<App api={fakeApi(book(fundsSheet([['网站运维', 10, 4]])))} />);
  await waitFor(() => expect(getByTestId('step-tables')).toHaveTextContent('未找到支付明细表：执行数只取自项目资金表。'));
  expect(getByTestId('table-funds')).toHaveTextContent('金额单位：万元（项目资金!A2 注明）');
});
