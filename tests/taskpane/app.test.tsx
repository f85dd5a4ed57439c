/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { App } from '../../src/taskpane/components/App';
import { computeAccessibleName } from 'dom-accessibility-api';
import { click, getByRole, getByTestId, getByText, queryAllByRole, queryAllByText, queryByTestId, waitFor } from './dom';
import { budgetBook, callsTo, fakeApi, FakeApi, strangerBook } from './fake-api';
import { installBrowserShims, renderPane } from './render';

beforeAll(installBrowserShims);

async function openPane(api: FakeApi = fakeApi(), lang: 'zh' | 'en' = 'zh'): Promise<FakeApi> {
  renderPane(<App api={api} />, lang);
  await waitFor(() => expect(getByRole('button', lang === 'zh' ? '重新计算执行率' : 'Recalculate execution rates')).toBeEnabled());
  return api;
}

describe('opening the pane', () => {
  test('reads the saved settings, analyses the workbook and shows the tables, the issues and the figures', async () => {
    const api = fakeApi();
    api.saved = { fiscalYear: 2023, rateDisplay: 'two-decimals' };
    await openPane(api);
    expect(callsTo(api, 'analyzeWorkbook')[0][0]).toEqual({ fiscalYear: 2023, rateDisplay: 'two-decimals' });
    expect(getByTestId('table-funds')).toHaveTextContent('项目资金 表头第 3 行，数据至第 6 行');
    expect(getByTestId('table-payments')).toHaveTextContent('支付明细 表头第 1 行');
    // 财政拨款 5 ≠ 预算 9.8 in 州委大楼网络运维: the error names its cell.
    expect(getByRole('button', /^项目资金!B6/, getByTestId('issues-error'))).toBeInTheDocument();
    // 115.4 of 167.4 万元, printed with two decimals as saved.
    const total = getByRole('row', /^合计（3个）/, getByTestId('summary'));
    expect([...total.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['合计（3个）', '167.40', '115.40', '68.94%']);
  });

  test('without a funds table it says so, opens the mapping editor and offers nothing to calculate', async () => {
    renderPane(<App api={fakeApi(strangerBook())} />);
    await waitFor(() => expect(getByText('未找到项目资金表')).toBeInTheDocument());
    expect(getByTestId('mapping-funds')).toBeInTheDocument();
    expect(getByRole('button', '重新计算执行率')).toBeDisabled();
    expect(getByRole('button', '生成报告')).toBeDisabled();
    expect(queryByTestId('summary')).toBeNull();
  });

  test('a failure while reading shows Office’s error in the pane, not an endless spinner', async () => {
    const api = fakeApi(budgetBook(), {
      analyzeWorkbook: async () => {
        throw new Error('工作簿正在编辑单元格');
      },
    });
    renderPane(<App api={api} />);
    await waitFor(() => expect(getByTestId('error')).toHaveTextContent('Excel 报错：工作簿正在编辑单元格'));
    expect(queryAllByText('正在加载…')).toHaveLength(0);
    await click(getByRole('button', '关闭', getByTestId('error')));
    expect(queryByTestId('error')).toBeNull();
  });

  test('follows Office’s display language: English labels and the core’s English issue messages', async () => {
    await openPane(fakeApi(), 'en');
    expect(getByRole('heading', '1. Tables found')).toBeInTheDocument();
    expect(getByRole('button', /^项目资金!B6 .*does not equal the budget/, getByTestId('issues-error'))).toBeInTheDocument();
    expect(queryAllByText('重新计算执行率')).toHaveLength(0);
  });
});

test('every control has a name a screen reader can announce, and the steps are headed regions', async () => {
  await openPane();
  await click(getByRole('button', '更正项目资金表'));
  await click(getByRole('button', '更正支付明细表'));
  await click(getByRole('button', '设置'));
  const controls = [...document.querySelectorAll<HTMLElement>('button, select, input, textarea, a[href]')];
  expect(controls.length).toBeGreaterThan(40);
  const unnamed = controls.filter((el) => computeAccessibleName(el).trim() === '').map((el) => el.outerHTML.slice(0, 80));
  expect(unnamed).toEqual([]);
  expect(queryAllByRole('heading').filter((h) => h.tagName === 'H1').map((h) => h.textContent)).toEqual(['绩效自评助手']);
  expect(queryAllByRole('region').map((r) => computeAccessibleName(r))).toEqual(['1. 识别的表格', '2. 检查结果', '3. 计算执行率', '4. 自评报告']);
});

describe('step 2: issues', () => {
  test('clicking an issue selects its cell in Excel', async () => {
    const api = await openPane();
    await click(getByRole('button', /^项目资金!B6/, getByTestId('issues-error')));
    expect(callsTo(api, 'selectCell')).toEqual([['项目资金!B6']]);
  });

  test('when Excel cannot select the cell, the pane says why', async () => {
    await openPane(
      fakeApi(budgetBook(), {
        selectCell: async () => {
          throw new Error('ItemNotFound');
        },
      }),
    );
    await click(getByRole('button', /^项目资金!B6/, getByTestId('issues-error')));
    await waitFor(() => expect(getByTestId('error')).toHaveTextContent('ItemNotFound'));
  });
});

describe('step 3: recalculate and undo', () => {
  test('recalculating reports the cells written and enables undo; undo restores and re-checks', async () => {
    const api = await openPane();
    const undo = getByRole('button', '撤销上次计算');
    expect(undo).toBeDisabled();
    await click(getByRole('button', '重新计算执行率'));
    await waitFor(() => expect(getByTestId('notice')).toHaveTextContent(/已写入 \d+ 个单元格/));
    await waitFor(() => expect(undo).toBeEnabled());

    const analysesBefore = callsTo(api, 'analyzeWorkbook').length;
    await click(undo);
    await waitFor(() => expect(getByTestId('notice')).toHaveTextContent('已撤销：恢复了 6 个单元格。'));
    expect(callsTo(api, 'analyzeWorkbook').length).toBe(analysesBefore + 1);
    await waitFor(() => expect(undo).toBeDisabled());
  });

  test('a run shows its progress and disables the buttons until it ends', async () => {
    let finish!: () => void;
    const api = fakeApi();
    const real = api.recalculate;
    api.recalculate = (settings, onProgress) =>
      new Promise((resolve) => {
        onProgress?.('writing', 0.5);
        finish = () => void real(settings).then(resolve);
      });
    await openPane(api);
    await click(getByRole('button', '重新计算执行率'));
    const progress = getByTestId('progress');
    expect(progress).toHaveTextContent('正在重新计算执行率');
    expect(progress).toHaveTextContent('正在写入工作表…');
    expect(getByRole('progressbar', undefined, progress)).toHaveAttribute('aria-valuenow', '0.5');
    expect(getByRole('button', '生成报告')).toBeDisabled();
    expect(getByRole('button', /^项目资金!B6/)).toBeDisabled();
    finish();
    await waitFor(() => expect(getByRole('button', '生成报告')).toBeEnabled());
    expect(getByTestId('progress')).toBeEmptyDOMElement();
  });

  test('an Office error during the write is shown in the UI language', async () => {
    const api = await openPane(
      fakeApi(budgetBook(), {
        recalculate: async () => {
          throw new Error('AccessDenied');
        },
      }),
      'en',
    );
    await click(getByRole('button', 'Recalculate execution rates'));
    await waitFor(() => expect(getByTestId('error')).toHaveTextContent('Excel said: AccessDenied'));
    expect(getByRole('button', 'Undo last run')).toBeDisabled();
    expect(callsTo(api, 'hasUndo')).toHaveLength(1);
  });

  test('nothing to undo is said plainly', async () => {
    await openPane(fakeApi(budgetBook(), { undoLastRun: async () => null, hasUndo: async () => true }));
    await click(getByRole('button', '撤销上次计算'));
    await waitFor(() => expect(getByTestId('notice')).toHaveTextContent('没有可撤销的计算。'));
  });
});
