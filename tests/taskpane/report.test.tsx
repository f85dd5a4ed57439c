/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { App } from '../../src/taskpane/components/App';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { UserEvent } from '@testing-library/user-event';
import { analyze, buildReport, renderReportSheet } from '../../src/core';
import { budgetBook, callsTo, fakeApi, FakeApi, TODAY, undoResult } from './fake-api';
import { installBrowserShims, renderPane } from './render';
import { book, fundsSheet, paymentsSheet, sheet } from '../helpers/snap';

beforeAll(installBrowserShims);

/** What a `copy` listener put on the clipboard, or null when the browser refused the copy. */
function stubExecCommand(works: boolean): { clipboard: Record<string, string> | null } {
  const result: { clipboard: Record<string, string> | null } = { clipboard: null };
  document.execCommand = ((command: string) => {
    if (command !== 'copy' || !works) return false;
    const data: Record<string, string> = {};
    const event = new Event('copy', { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(event, 'clipboardData', { value: { setData: (type: string, value: string) => (data[type] = value) } });
    document.dispatchEvent(event);
    result.clipboard = data;
    return true;
  }) as typeof document.execCommand;
  return result;
}

const notice = () => screen.getByTestId('notice');
const reportStatus = () => screen.getByTestId('report-status');

async function openPane(api: FakeApi = fakeApi()): Promise<FakeApi> {
  renderPane(<App api={api} />);
  await waitFor(() => expect(screen.getByRole('button', { name: '生成报告' })).toBeAvailable());
  return api;
}

async function paneWithReport(user: UserEvent, api: FakeApi = fakeApi()): Promise<FakeApi> {
  await openPane(api);
  expect(reportStatus()).toHaveTextContent('报告尚未生成');
  await user.click(screen.getByRole('button', { name: '生成报告' }));
  await waitFor(() => expect(notice()).toHaveTextContent(/报告已写入工作表“自评报告”，共 \d+ 段。/));
  return api;
}

/** Changes the rate display in 设置 (28% → 27.78%) and saves. */
async function showTwoDecimals(user: UserEvent): Promise<void> {
  await user.click(screen.getByRole('button', { name: '设置' }));
  const form = within(screen.getByTestId('settings'));
  await user.click(form.getByRole('radio', { name: '两位小数（27.78%）' }));
  await user.click(form.getByRole('button', { name: '保存设置' }));
  await waitFor(() => expect(notice()).toHaveTextContent('设置已保存。'));
}

test('generating the report says where it went and lists what is left to fill in or check, with its cell', async () => {
  const user = userEvent.setup();
  const api = await paneWithReport(user);
  expect(callsTo(api, 'generateReport')).toHaveLength(1);
  const checklist = within(screen.getByTestId('checklist'));
  expect(screen.getByTestId('checklist')).toHaveTextContent(/核对清单\s*有 \d+ 处需要填写或核对/);
  // The data problem first, in the report's plain words, with the cell to fix it in.
  const first = screen.getAllByTestId('checklist-item')[0];
  expect(first).toHaveTextContent('请核对（州委大楼网络运维）：【请核对：其中各项合计5万元，与预算数9.8万元不符】 项目资金!B6');
  expect(reportStatus()).toHaveTextContent(/^报告已是最新（\d\d:\d\d 生成）$/);
  await user.click(within(first).getByRole('button', { name: '项目资金!B6' }));
  await user.click(checklist.getByRole('button', { name: '打开核对清单工作表' }));
  await user.click(screen.getByRole('button', { name: '打开报告工作表' }));
  expect(callsTo(api, 'selectCell')).toEqual([['项目资金!B6'], ['核对清单!A1'], ['自评报告!A1']]);
});

test('a report with nothing open says there is nothing left to fix', async () => {
  const user = userEvent.setup();
  const clean = book(fundsSheet([['网站运维项目', 85.6, 85.6]]));
  const api = fakeApi(clean);
  api.saved = { reportDate: '2024-01-20' };
  await openPane(api);
  await user.click(screen.getByRole('button', { name: '生成报告' }));
  await waitFor(() => expect(notice()).toHaveTextContent(/报告已写入工作表“自评报告”/));
  const doc = buildReport(analyze(clean, { reportDate: '2024-01-20' }), clean);
  expect(doc.checklist.length).toBeGreaterThan(0); // 单位名称 and the like are still to fill in
  expect(screen.getByTestId('checklist')).toHaveTextContent('请填写：【请填写：单位名称】');
});

test('when a person changed the report sheet, the pane says it was kept and where the new one went', async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  const real = api.generateReport.bind(api);
  api.generateReport = async (settings, onProgress) => ({ ...(await real(settings, onProgress)), sheetName: '自评报告 (2)', kept: ['自评报告'] });
  await openPane(api);
  await user.click(screen.getByRole('button', { name: '生成报告' }));
  await waitFor(() => expect(notice()).toHaveTextContent(/^工作表“自评报告”在生成后有改动（或不是本工具生成的），已原样保留；新报告写在工作表“自评报告 \(2\)”（\d+ 段），核对清单写在“核对清单”。$/));
  await user.click(screen.getByRole('button', { name: '打开报告工作表' }));
  expect(callsTo(api, 'selectCell')).toEqual([["'自评报告 (2)'!A1"]]);
});

test('copy puts the report on the clipboard as HTML and as plain text', async () => {
  const user = userEvent.setup();
  const api = await paneWithReport(user);
  const copy = stubExecCommand(true);
  await user.click(screen.getByRole('button', { name: '复制报告' }));
  expect(copy.clipboard?.['text/html']).toMatch(/<h1 style="[^"]*">一、整体支出绩效自评情况<\/h1>/);
  expect(copy.clipboard?.['text/plain']).toMatch(/^.*绩效.*报告\n/);
  expect(notice()).toHaveTextContent('报告已复制（带格式），可直接粘贴到 Word。');
  // An up-to-date report is copied as it is, not generated again; the placeholder element is gone.
  expect(callsTo(api, 'generateReport')).toHaveLength(1);
  expect(document.querySelectorAll('[contenteditable]')).toHaveLength(0);
});

test('when the browser refuses to copy, every row of the report is selected in Excel with a Ctrl+C hint', async () => {
  const user = userEvent.setup();
  const api = await paneWithReport(user);
  stubExecCommand(false);
  await user.click(screen.getByRole('button', { name: '复制报告' }));
  await waitFor(() => expect(notice()).toHaveTextContent(/请按 Ctrl\+C 复制/));
  // The report sheet holds one row per line of the rendered sheet plan — all of them are selected.
  const rows = renderReportSheet(buildReport(analyze(budgetBook(), { today: TODAY }), budgetBook())).rows.length;
  expect(rows).toBeGreaterThan(10);
  expect(callsTo(api, 'selectCell')).toEqual([[`自评报告!A1:A${rows}`]]);
  expect(notice()).toHaveTextContent(`已在 Excel 中选中报告的全部 ${rows} 行（自评报告!A1:A${rows}），请按 Ctrl+C 复制。`);
});

test('download renders the .docx and offers it as a file link', async () => {
  const user = userEvent.setup();
  const created: Blob[] = [];
  URL.createObjectURL = (blob: Blob) => (created.push(blob), `blob:test/${created.length}`);
  URL.revokeObjectURL = () => undefined;
  const clicks: { href: string; download: string }[] = [];
  const spy = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ href: this.getAttribute('href') ?? '', download: this.download });
  });
  try {
    const api = await paneWithReport(user);
    const download = screen.getByRole('button', { name: '下载 Word 文档' });
    await user.click(download);
    await waitFor(() => expect(screen.getByTestId('docx-link')).toBeInTheDocument());
    expect(callsTo(api, 'renderDocx')).toHaveLength(1);
    expect(callsTo(api, 'generateReport')).toHaveLength(1);
    expect(created[0].type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(created[0].size).toBe(4);
    expect(clicks).toEqual([{ href: 'blob:test/1', download: expect.stringMatching(/报告\.docx$/) }]);
    const link = screen.getByTestId('docx-link');
    expect(link).toHaveAttribute('href', 'blob:test/1');
    expect(link).toHaveAttribute('download', clicks[0].download);
    // The focus stays on the button that was pressed, not on the page.
    expect(document.activeElement).toBe(download);
  } finally {
    spy.mockRestore();
  }
});

test('a failed .docx is reported, and the pane stays usable', async () => {
  const user = userEvent.setup();
  await paneWithReport(
    user,
    fakeApi(budgetBook(), {
      renderDocx: async () => {
        throw new Error('ChunkLoadError');
      },
    }),
  );
  await user.click(screen.getByRole('button', { name: '下载 Word 文档' }));
  await waitFor(() => expect(screen.getByTestId('error')).toHaveTextContent('ChunkLoadError'));
  expect(screen.getByRole('button', { name: '复制报告' })).toBeAvailable();
  expect(screen.queryByTestId('docx-link')).toBeNull();
});

test('on a Mac there is no download button; the pane points to copy and the report sheet instead', async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  api.platform = 'Mac';
  await paneWithReport(user, api);
  expect(screen.queryAllByRole('button', { name: '下载 Word 文档' })).toHaveLength(0);
  expect(screen.getByTestId('mac-download')).toHaveTextContent('Mac 版 Excel 的任务窗格不能下载文件。请用“复制报告”粘贴到 Word，或打开“自评报告”工作表复制。');
  expect(screen.getByRole('button', { name: '复制报告' })).toBeAvailable();
});

test('undo after a report removes the report sheet; the pane then has no report to hand over', async () => {
  const user = userEvent.setup();
  const api = fakeApi(budgetBook(), { undoLastRun: async () => undoResult({ kind: 'report', removedSheets: ['自评报告', '核对清单'] }) });
  await paneWithReport(user, api);
  const undo = screen.getByRole('button', { name: '撤销上次计算' });
  await user.click(undo);
  await waitFor(() => expect(notice()).toHaveTextContent('已撤销生成报告：删除了本次生成的工作表“自评报告”、“核对清单”；表格中的数据和已写入的执行率、偏差说明都没有改动。'));
  expect(reportStatus()).toHaveTextContent('报告尚未生成');
  expect(screen.queryByTestId('report-missing')).toBeNull();
  expect(document.activeElement).toBe(undo);
  // Copy now makes the report first.
  const copy = stubExecCommand(true);
  await user.click(screen.getByRole('button', { name: '复制报告' }));
  await waitFor(() => expect(copy.clipboard?.['text/plain']).toMatch(/报告/));
  expect(callsTo(api, 'generateReport')).toHaveLength(2);
});

test('when Excel cannot write the report sheet, the error is shown and there is no report', async () => {
  const user = userEvent.setup();
  const api = fakeApi(budgetBook(), {
    generateReport: async () => {
      throw new Error('工作表“自评报告”受保护');
    },
  });
  await openPane(api);
  await user.click(screen.getByRole('button', { name: '生成报告' }));
  await waitFor(() => expect(screen.getByTestId('error')).toHaveTextContent('Excel 报错：工作表“自评报告”受保护'));
  expect(reportStatus()).toHaveTextContent('报告尚未生成');
  expect(screen.queryByTestId('report-missing')).toBeNull();
  // Copy tries to generate it, fails the same way, and copies nothing.
  const copy = stubExecCommand(true);
  await user.click(screen.getByRole('button', { name: '复制报告' }));
  await waitFor(() => expect(screen.getByTestId('error')).toHaveTextContent('受保护'));
  expect(copy.clipboard).toBeNull();
});

describe('the report is never stale', () => {
  test('generate, change the rate display, copy: the copied report carries the new figures (68.94%), never the old (69%)', async () => {
    const user = userEvent.setup();
    const api = await paneWithReport(user);
    await showTwoDecimals(user);
    // The pane says the report is out of date, and why, before anyone copies it.
    expect(reportStatus()).toHaveTextContent('报告已过期：复制或下载时会先重新生成');
    expect(screen.getByTestId('report-stale')).toHaveTextContent('生成报告后更改了设置或列映射。“复制报告”和“下载 Word 文档”会先按当前数据重新生成报告，并重写“自评报告”工作表。');
    expect(screen.queryByTestId('report-missing')).toBeNull();
    const copy = stubExecCommand(true);
    await user.click(screen.getByRole('button', { name: '复制报告' }));
    await waitFor(() => expect(notice()).toHaveTextContent('数据已更改：报告已按当前数据重新生成（工作表“自评报告”）并复制（带格式），可直接粘贴到 Word。'));
    expect(callsTo(api, 'generateReport')).toEqual([[{}], [{ rateDisplay: 'two-decimals', reasonThreshold: 0.9 }]]);
    expect(copy.clipboard?.['text/plain']).toContain('执行率68.94%');
    expect(copy.clipboard?.['text/html']).toContain('执行率68.94%');
    expect(copy.clipboard?.['text/html']).not.toContain('执行率69%');
    expect(screen.queryByTestId('report-stale')).toBeNull();
    expect(reportStatus()).toHaveTextContent('报告已是最新');
  });

  test('a new mapping marks it out of date; download generates it again before making the .docx', async () => {
    const user = userEvent.setup();
    URL.createObjectURL = () => 'blob:test/x';
    URL.revokeObjectURL = () => undefined;
    const spy = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    try {
      const api = await paneWithReport(user);
      await user.click(screen.getByRole('button', { name: '更正项目资金表' }));
      const editor = within(screen.getByTestId('mapping-funds'));
      await user.selectOptions(editor.getByRole('combobox', { name: '执行数' }), 'B'); // 全年预算数: everything spent
      const apply = editor.getByRole('button', { name: '应用' });
      await user.click(apply);
      await waitFor(() => expect(notice()).toHaveTextContent('设置已保存。'));
      expect(document.activeElement).toBe(apply);
      expect(screen.getByTestId('report-stale')).toHaveTextContent('生成报告后更改了设置或列映射。');
      await user.click(screen.getByRole('button', { name: '下载 Word 文档' }));
      await waitFor(() => expect(notice()).toHaveTextContent('数据已更改：已按当前数据重新生成报告和 Word 文档。'));
      expect(callsTo(api, 'generateReport')).toHaveLength(2);
      expect(callsTo(api, 'generateReport')[1][0]).toEqual({ mapping: { funds: { columns: { executed: 'B' } } } });
      expect(callsTo(api, 'renderDocx')).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  test('recalculating marks it out of date; a re-check that finds nothing changed does not', async () => {
    const user = userEvent.setup();
    await paneWithReport(user);
    await user.click(screen.getByRole('button', { name: '重新检查' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '重新检查' })).toBeAvailable());
    expect(screen.queryByTestId('report-stale')).toBeNull();
    await user.click(screen.getByRole('button', { name: '重新计算执行率' }));
    await waitFor(() => expect(notice()).toHaveTextContent(/已写入/));
    expect(screen.getByTestId('report-stale')).toHaveTextContent('生成报告后重新计算了执行率。');
  });

  test('a re-check that finds changed cells marks it out of date', async () => {
    const user = userEvent.setup();
    const api = await paneWithReport(user);
    // Someone types a new 执行数 in Excel, then checks again.
    api.snapshot = book(
      fundsSheet(
        [
          ['数据中台项目', 72, 72, 72],
          ['网站运维项目', 85.6, 85.6, 85.6],
          ['州委大楼网络运维', 9.8, 5, 9.8],
        ],
        ['项目名称', '全年预算数', '财政拨款', '执行数'],
      ),
      paymentsSheet([[45000, 'ZF001', '数据中台项目', 200000]]),
    );
    await user.click(screen.getByRole('button', { name: '重新检查' }));
    await waitFor(() => expect(screen.getByTestId('report-stale')).toHaveTextContent('重新检查发现工作簿中的数据已更改。'));
  });

  test('with an indicators table, 生成报告 says where the 绩效自评表 went, and 复制报告 copies the forms after the report', async () => {
    const user = userEvent.setup();
    const indicators = sheet('绩效指标', [
      ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值'],
      ['数据中台项目', '产出指标', '数量指标', '接入系统数', '≥10个', '12个'],
      ['网站运维项目', '满意度指标', '服务对象满意度', '网民满意度', '≥90%', '95%'],
    ]);
    await openPane(fakeApi(book(...budgetBook().sheets, indicators)));
    await user.click(screen.getByRole('button', { name: '生成报告' }));
    await waitFor(() => expect(notice()).toHaveTextContent(/^报告已写入工作表“自评报告”，共 \d+ 段；3 个项目的绩效自评表写入“绩效自评表”。$/));
    const copy = stubExecCommand(true);
    await user.click(screen.getByRole('button', { name: '复制报告' }));
    await waitFor(() => expect(copy.clipboard).not.toBeNull());
    const html = copy.clipboard!['text/html'];
    expect(html.match(/<table/g)).toHaveLength(3);
    // 20 of 72: 28% and 2.78 in the first project's money block.
    expect(copy.clipboard!['text/plain']).toContain('\t年度资金总额\t\t\t72\t20\t10\t28%\t2.78');
  });

  test('生成并复制报告 generates the report afresh and copies it in one click', async () => {
    const user = userEvent.setup();
    const api = await openPane();
    const copy = stubExecCommand(true);
    const button = screen.getByRole('button', { name: '生成并复制报告' });
    await user.click(button);
    await waitFor(() => expect(notice()).toHaveTextContent('报告已写入工作表“自评报告”并已复制（带格式），可直接粘贴到 Word。'));
    expect(callsTo(api, 'generateReport')).toHaveLength(1);
    expect(copy.clipboard?.['text/plain']).toContain('执行率69%');
    expect(document.activeElement).toBe(button);
    // Again: generated again (the workbook may have changed in Excel), copied again.
    await user.click(button);
    await waitFor(() => expect(callsTo(api, 'generateReport')).toHaveLength(2));
  });

  test('when the browser will not copy after generating, the whole report is selected and the pane says so', async () => {
    const user = userEvent.setup();
    const api = await paneWithReport(user);
    await showTwoDecimals(user);
    stubExecCommand(false);
    await user.click(screen.getByRole('button', { name: '复制报告' }));
    await waitFor(() => expect(notice()).toHaveTextContent('报告已按当前数据重新生成。浏览器不允许在生成后自动复制：已在 Excel 中选中报告的全部'));
    const [[range]] = callsTo(api, 'selectCell') as string[][];
    expect(range).toMatch(/^自评报告!A1:A\d+$/);
    expect(notice()).toHaveTextContent(`（${range}），请按 Ctrl+C 复制，或再点一次“复制报告”。`);
  });
});

test('results and errors reach screen readers: the start of a run, its outcome, a failure', async () => {
  // Fluent's AriaLiveAnnouncer speaks through document.ariaNotify where the browser has it (Chromium
  // does; jsdom has no innerText for the live-region fallback), so that is where a test listens.
  const heard: { message: string; priority?: string }[] = [];
  const doc = document as Document & { ariaNotify?: (message: string, options?: { priority?: string }) => void };
  doc.ariaNotify = (message, options) => void heard.push({ message, priority: options?.priority });
  try {
    const user = userEvent.setup();
    await paneWithReport(user, fakeApi(budgetBook(), { renderDocx: async () => Promise.reject(new Error('ChunkLoadError')) }));
    await waitFor(() => expect(heard.map((h) => h.message)).toContainEqual(expect.stringMatching(/^报告已写入工作表“自评报告”，共 \d+ 段。$/)));
    expect(heard.map((h) => h.message)).toContain('正在生成报告');
    await user.click(screen.getByRole('button', { name: '下载 Word 文档' }));
    // An error interrupts (high priority): it is read at once, not after whatever was being said.
    await waitFor(() => expect(heard).toContainEqual({ message: expect.stringMatching(/^操作未完成.*ChunkLoadError/), priority: 'high' }));
  } finally {
    delete doc.ariaNotify;
  }
});
