/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { App } from '../../src/taskpane/components/App';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { budgetBook, callsTo, fakeApi, FakeApi, strangerBook } from './fake-api';
import { installBrowserShims, renderPane } from './render';

beforeAll(installBrowserShims);

/** jest-dom's own check (a non-empty accessible name), asked per element so a failure lists every unnamed control. */
function hasAccessibleName(el: HTMLElement): boolean {
  try {
    expect(el).toHaveAccessibleName();
    return true;
  } catch {
    return false;
  }
}

async function openPane(api: FakeApi = fakeApi(), lang: 'zh' | 'en' = 'zh'): Promise<FakeApi> {
  renderPane(<App api={api} />, lang);
  await waitFor(() => expect(screen.getByRole('button', { name: lang === 'zh' ? '重新计算执行率' : 'Recalculate execution rates' })).toBeAvailable());
  return api;
}

describe('opening the pane', () => {
  test('reads the saved settings, analyses the workbook and shows the tables, the issues and the figures', async () => {
    const api = fakeApi();
    api.saved = { fiscalYear: 2023, rateDisplay: 'two-decimals' };
    await openPane(api);
    expect(callsTo(api, 'analyzeWorkbook')[0][0]).toEqual({ fiscalYear: 2023, rateDisplay: 'two-decimals' });
    expect(screen.getByTestId('table-funds')).toHaveTextContent('项目资金 表头第 3 行，数据至第 6 行');
    expect(screen.getByTestId('table-payments')).toHaveTextContent('支付明细 表头第 1 行');
    // 财政拨款 5 ≠ 预算 9.8 in 州委大楼网络运维: the error names its cell.
    expect(within(screen.getByTestId('issues-error')).getByRole('button', { name: /^项目资金!B6/ })).toBeInTheDocument();
    // 115.4 of 167.4 万元, printed with two decimals as saved.
    const total = within(screen.getByTestId('summary')).getByRole('row', { name: /^合计（3个）/ });
    expect(within(total).getAllByRole('cell').map((td) => td.textContent)).toEqual(['合计（3个）', '167.40', '115.40', '68.94%']);
  });

  test('without a funds table it says so, opens the mapping editor and offers nothing to calculate', async () => {
    renderPane(<App api={fakeApi(strangerBook())} />);
    expect(await screen.findByText('未找到项目资金表')).toBeInTheDocument();
    expect(screen.getByTestId('mapping-funds')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '重新计算执行率' })).toBeUnavailable();
    expect(screen.getByRole('button', { name: '生成报告' })).toBeUnavailable();
    expect(screen.queryByTestId('summary')).toBeNull();
  });

  test('a failure while reading shows Office’s error in the pane, not an endless spinner', async () => {
    const api = fakeApi(budgetBook(), {
      analyzeWorkbook: async () => {
        throw new Error('工作簿正在编辑单元格');
      },
    });
    const user = userEvent.setup();
    renderPane(<App api={api} />);
    await waitFor(() => expect(screen.getByTestId('error')).toHaveTextContent('Excel 报错：工作簿正在编辑单元格'));
    expect(screen.queryAllByText('正在加载…')).toHaveLength(0);
    await user.click(within(screen.getByTestId('error')).getByRole('button', { name: '关闭' }));
    expect(screen.queryByTestId('error')).toBeNull();
  });

  test('follows Office’s display language: English labels and the core’s English issue messages', async () => {
    await openPane(fakeApi(), 'en');
    expect(screen.getByRole('heading', { name: '1. Tables found' })).toBeInTheDocument();
    expect(within(screen.getByTestId('issues-error')).getByRole('button', { name: /^项目资金!B6 .*does not equal the budget/ })).toBeInTheDocument();
    expect(screen.queryAllByText('重新计算执行率')).toHaveLength(0);
  });
});

test('every control has a name a screen reader can announce, and the steps are headed regions', async () => {
  const user = userEvent.setup();
  await openPane();
  await user.click(screen.getByRole('button', { name: '更正项目资金表' }));
  await user.click(screen.getByRole('button', { name: '更正支付明细表' }));
  await user.click(screen.getByRole('button', { name: '设置' }));
  // Every control by tag, whatever its role (a date input has none), so none escapes the check.
  const controls = [...document.querySelectorAll<HTMLElement>('button, select, input, textarea, a[href]')];
  expect(controls.length).toBeGreaterThan(40);
  const unnamed = controls.filter((el) => !hasAccessibleName(el)).map((el) => el.outerHTML.slice(0, 80));
  expect(unnamed).toEqual([]);
  expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['绩效自评助手']);
  const regions = screen.getAllByRole('region');
  const steps = ['常用操作', '1. 识别的表格', '2. 检查结果', '3. 计算执行率', '4. 自评报告'];
  expect(regions).toHaveLength(steps.length);
  regions.forEach((region, i) => expect(region).toHaveAccessibleName(steps[i]));
});

describe('step 2: issues', () => {
  test('clicking an issue selects its cell in Excel', async () => {
    const user = userEvent.setup();
    const api = await openPane();
    await user.click(within(screen.getByTestId('issues-error')).getByRole('button', { name: /^项目资金!B6/ }));
    expect(callsTo(api, 'selectCell')).toEqual([['项目资金!B6']]);
  });

  test('when Excel cannot select the cell, the pane says why', async () => {
    const user = userEvent.setup();
    await openPane(
      fakeApi(budgetBook(), {
        selectCell: async () => {
          throw new Error('ItemNotFound');
        },
      }),
    );
    await user.click(within(screen.getByTestId('issues-error')).getByRole('button', { name: /^项目资金!B6/ }));
    await waitFor(() => expect(screen.getByTestId('error')).toHaveTextContent('ItemNotFound'));
  });
});

describe('step 3: recalculate and undo', () => {
  test('recalculating reports the cells written and enables undo; undo restores and re-checks', async () => {
    const user = userEvent.setup();
    const api = await openPane();
    const undo = screen.getByRole('button', { name: '撤销上次计算' });
    expect(undo).toBeUnavailable();
    await user.click(screen.getByRole('button', { name: '重新计算执行率' }));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent(/已写入 \d+ 个单元格/));
    await waitFor(() => expect(undo).toBeAvailable());

    const analysesBefore = callsTo(api, 'analyzeWorkbook').length;
    await user.click(undo);
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已撤销上次计算：恢复了 6 个单元格。'));
    expect(callsTo(api, 'analyzeWorkbook').length).toBe(analysesBefore + 1);
    await waitFor(() => expect(undo).toBeUnavailable());
  });

  test('a run shows its progress and makes the buttons wait until it ends', async () => {
    const user = userEvent.setup();
    let finish!: () => void;
    const api = fakeApi();
    const real = api.recalculate;
    api.recalculate = (settings, onProgress) =>
      new Promise((resolve) => {
        onProgress?.('writing', 0.5);
        finish = () => void real(settings).then(resolve);
      });
    await openPane(api);
    await user.click(screen.getByRole('button', { name: '重新计算执行率' }));
    const progress = screen.getByTestId('progress');
    expect(progress).toHaveTextContent('正在重新计算执行率');
    expect(progress).toHaveTextContent('正在写入工作表…');
    // Writing is the last stretch of a recalculation (60–98% of the bar): half written reads 79%.
    expect(within(progress).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0.79');
    expect(within(progress).getByRole('progressbar')).toHaveAttribute('aria-valuetext', '79%');
    expect(progress).toHaveTextContent('正在写入工作表… 79%');
    expect(screen.getByRole('button', { name: '生成报告' })).toBeUnavailable();
    expect(screen.getByRole('button', { name: /^项目资金!B6/ })).toBeUnavailable();
    finish();
    await waitFor(() => expect(screen.getByRole('button', { name: '生成报告' })).toBeAvailable());
    // The bar gives its place back to the status line.
    expect(screen.queryByTestId('progress')).toBeNull();
    expect(screen.getByTestId('status-line')).toHaveTextContent('1 个错误 · 1 个警告 · 0 条提示');
  });

  test('an Office error during the write is shown in the UI language', async () => {
    const user = userEvent.setup();
    const api = await openPane(
      fakeApi(budgetBook(), {
        recalculate: async () => {
          throw new Error('AccessDenied');
        },
      }),
      'en',
    );
    await user.click(screen.getByRole('button', { name: 'Recalculate execution rates' }));
    await waitFor(() => expect(screen.getByTestId('error')).toHaveTextContent('Excel said: AccessDenied'));
    expect(screen.getByRole('button', { name: 'Undo last run' })).toBeUnavailable();
    expect(callsTo(api, 'hasUndo')).toHaveLength(1);
  });

  test('nothing to undo is said plainly', async () => {
    const user = userEvent.setup();
    await openPane(fakeApi(budgetBook(), { undoLastRun: async () => null, hasUndo: async () => true }));
    await user.click(screen.getByRole('button', { name: '撤销上次计算' }));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('没有可撤销的计算。'));
  });
});
