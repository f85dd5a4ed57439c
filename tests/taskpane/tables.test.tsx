/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { App } from '../../src/taskpane/components/App';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { UserEvent } from '@testing-library/user-event';
import { callsTo, fakeApi, FakeApi, strangerBook } from './fake-api';
import { installBrowserShims, renderPane, retype } from './render';
import { book, fundsSheet, sheet } from '../helpers/snap';

beforeAll(installBrowserShims);

async function openEditor(user: UserEvent, api: FakeApi, table = '更正项目资金表'): Promise<HTMLElement> {
  renderPane(<App api={api} />);
  await waitFor(() => expect(screen.getByRole('button', { name: '重新计算执行率' })).toBeAvailable());
  await user.click(screen.getByRole('button', { name: table }));
  return screen.getByTestId(table === '更正项目资金表' ? 'mapping-funds' : 'mapping-payments');
}

function totalRow(): string[] {
  const row = within(screen.getByTestId('summary')).getByRole('row', { name: /^合计/ });
  return within(row).getAllByRole('cell').map((td) => td.textContent ?? '');
}

test('the editor lists the header’s columns for each field, with the detected one as automatic', async () => {
  const editor = within(await openEditor(userEvent.setup(), fakeApi()));
  const executed = editor.getByRole('combobox', { name: '执行数' });
  const options = within(executed).getAllByRole('option').map((o) => o.textContent);
  expect(options).toEqual(['D · 执行数（自动）', '（不使用）', 'A · 项目名称', 'B · 全年预算数', 'C · 财政拨款', 'D · 执行数']);
  expect(within(editor.getByRole('combobox', { name: '项目编码' })).getAllByRole('option')[0].textContent).toBe('（自动：未找到）');
  expect(editor.getByRole('button', { name: '应用' })).toBeUnavailable();
});

test('pointing 执行数 at another column saves the override, re-checks, and can be undone by resetting', async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  const editor = within(await openEditor(user, api));
  expect(totalRow()[2]).toBe('115.40');
  await user.selectOptions(editor.getByRole('combobox', { name: '执行数' }), 'C');
  await user.click(editor.getByRole('button', { name: '应用' }));
  await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('设置已保存。'));
  // A mapping lives in the workbook's settings, which Excel keeps only when the workbook is saved.
  expect(screen.getByTestId('notice')).toHaveTextContent('请保存工作簿（Ctrl+S），否则关闭后设置会丢失，下次打开和功能区的“重新计算执行率”按钮都用不上。');
  expect(api.saved).toEqual({ mapping: { funds: { columns: { executed: 'C' } } } });
  expect(screen.getByTestId('table-funds')).toHaveTextContent('已手动更正');
  expect(totalRow()[2]).toBe('162.60'); // 72 + 85.6 + 5 from 财政拨款

  await user.click(within(screen.getByTestId('mapping-funds')).getByRole('button', { name: '恢复自动识别' }));
  await waitFor(() => expect(totalRow()[2]).toBe('115.40'));
  expect(api.saved).toEqual({});
  expect(screen.queryAllByText('已手动更正')).toHaveLength(0);
});

test('a field can be switched off, and the header row must be a row number', async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  const panel = await openEditor(user, api);
  const editor = within(panel);
  const headerRow = editor.getByRole('textbox', { name: '表头行（第几行）' });
  await retype(user, headerRow, 'x3');
  expect(panel).toHaveTextContent('请输入 1 到 1048576 之间的行号');
  expect(editor.getByRole('button', { name: '应用' })).toBeUnavailable();
  await retype(user, headerRow, '3');
  await user.selectOptions(editor.getByRole('combobox', { name: '财政拨款' }), '-');
  await user.click(editor.getByRole('button', { name: '应用' }));
  await waitFor(() => expect(callsTo(api, 'saveSettings')).toHaveLength(1));
  expect(api.saved).toEqual({ mapping: { funds: { headerRow: 3, columns: { fiscal: null } } } });
});

test('a table under an unusual header is found once the user names its sheet and header row', async () => {
  // The header words are unknown to the detector; the user maps the columns by hand.
  const user = userEvent.setup();
  const odd = book(sheet('数据', [['说明'], ['名目', '额度', '已用'], ['网站运维', 10, 4]]));
  const api = fakeApi(odd);
  renderPane(<App api={api} />);
  const editor = within(await screen.findByTestId('mapping-funds'));
  await user.selectOptions(editor.getByRole('combobox', { name: '工作表' }), '数据');
  await retype(user, editor.getByRole('textbox', { name: '表头行（第几行）' }), '2');
  // The column choices follow the chosen header row.
  await user.selectOptions(editor.getByRole('combobox', { name: '项目名称' }), 'A');
  await user.selectOptions(editor.getByRole('combobox', { name: '全年预算数' }), 'B');
  await user.selectOptions(editor.getByRole('combobox', { name: '执行数' }), 'C');
  expect(editor.getByRole('combobox', { name: '执行数' })).toHaveDisplayValue('C · 已用');
  await user.click(editor.getByRole('button', { name: '应用' }));
  await waitFor(() => expect(screen.getByTestId('table-funds')).toHaveTextContent('数据 表头第 2 行，数据至第 3 行'));
  expect(totalRow()).toEqual(['合计（1个）', '10.00', '4.00', '40%']);
  expect(screen.getByRole('button', { name: '重新计算执行率' })).toBeAvailable();
});

test('with no funds table the step explains what was looked for', async () => {
  renderPane(<App api={fakeApi(strangerBook())} />);
  await waitFor(() => expect(screen.getByTestId('step-tables')).toHaveTextContent('未找到项目资金表'));
  expect(screen.getByTestId('step-tables')).toHaveTextContent(/未找到项目资金表：在各工作表前20行中未找到/);
  expect(screen.getByTestId('step-tables')).toHaveTextContent('请在下方“更正项目资金表”中指定工作表和表头行');
});

test('a funds table without payments says the executed amounts come from the table', async () => {
  renderPane(<App api={fakeApi(book(fundsSheet([['网站运维', 10, 4]])))} />);
  await waitFor(() => expect(screen.getByTestId('step-tables')).toHaveTextContent('未找到支付明细表：执行数只取自项目资金表。'));
  expect(screen.getByTestId('table-funds')).toHaveTextContent('金额单位：万元（项目资金!A2 注明）');
});

describe('two equally likely funds tables side by side (TABLE_AMBIGUOUS)', () => {
  // This year's and a draft copy beside it, neither naming a year: the pane must not pick one.
  const header = ['项目名称', '全年预算数', '执行数'];
  const left: (string | number)[][] = [header, ['网站运维', 10, 4], ['数据中台', 20, 20]];
  const right: (string | number)[][] = [header, ['网站运维', 12, 6], ['数据中台', 30, 15]];
  const twoTables = () => book(sheet('项目资金', left.map((row, i) => [...row, '', ...right[i]])));

  test('the step asks which table, the editor opens offering both, and choosing one computes from it alone', async () => {
    const user = userEvent.setup();
    const api = fakeApi(twoTables());
    renderPane(<App api={api} />);
    const warning = await screen.findByTestId('ambiguous-funds');
    expect(warning).toHaveTextContent('请选择要用的项目资金表');
    expect(warning).toHaveTextContent('项目资金!A1:C3、项目资金!E1:G3');
    expect(screen.getByTestId('step-tables')).not.toHaveTextContent('未找到项目资金表');
    // The editor is already open, offering both tables and no automatic pick.
    const editor = within(screen.getByTestId('mapping-funds'));
    const which = editor.getByRole('combobox', { name: '使用哪个表' });
    expect(within(which).getAllByRole('option').map((o) => o.textContent)).toEqual(['（请选择）', '项目资金!A1:C3', '项目资金!E1:G3']);
    expect(screen.queryByTestId('summary')).toBeNull();

    await user.selectOptions(which, '项目资金!E1:G3');
    // Only the chosen table's columns are offered for its fields.
    const budget = editor.getByRole('combobox', { name: '全年预算数' });
    expect(within(budget).getAllByRole('option').map((o) => o.textContent)).toEqual(['F · 全年预算数（自动）', '（不使用）', 'E · 项目名称', 'F · 全年预算数', 'G · 执行数']);
    await user.click(editor.getByRole('button', { name: '应用' }));
    await waitFor(() => expect(api.saved).toEqual({ mapping: { funds: { sheet: '项目资金', range: 'E1:G3' } } }));
    await waitFor(() => expect(totalRow()).toEqual(['合计（2个）', '42.00', '21.00', '50%']));
    expect(screen.queryByTestId('ambiguous-funds')).toBeNull();
  });

  test('in English the question and the choice read in English', async () => {
    renderPane(<App api={fakeApi(twoTables())} />, 'en');
    const warning = await screen.findByTestId('ambiguous-funds');
    expect(warning).toHaveTextContent('Choose the Funds table to use');
    expect(warning).toHaveTextContent('Several equally likely tables were found');
    expect(within(screen.getByTestId('mapping-funds')).getByRole('combobox', { name: 'Which table' })).toBeInTheDocument();
  });
});
