/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { App } from '../../src/taskpane/components/App';
import { screen, waitFor } from '@testing-library/react';
import userEvent, { UserEvent } from '@testing-library/user-event';
import { budgetBook, callsTo, fakeApi, FakeApi } from './fake-api';
import { installBrowserShims, renderPane } from './render';

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

async function paneWithReport(user: UserEvent, api: FakeApi = fakeApi()): Promise<FakeApi> {
  renderPane(<App api={api} />);
  await waitFor(() => expect(screen.getByRole('button', { name: '生成报告' })).toBeEnabled());
  expect(screen.getByRole('button', { name: '复制报告' })).toBeDisabled();
  await user.click(screen.getByRole('button', { name: '生成报告' }));
  await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent(/报告已写入工作表“自评报告”，共 \d+ 段。/));
  return api;
}

test('generating the report says where it went and what is left to fill in', async () => {
  const user = userEvent.setup();
  const api = await paneWithReport(user);
  expect(callsTo(api, 'generateReport')).toHaveLength(1);
  expect(screen.getByTestId('report-missing')).toHaveTextContent(/有 \d+ 处需要填写或核对/);
  await user.click(screen.getByRole('button', { name: '打开报告工作表' }));
  expect(callsTo(api, 'selectCell')).toEqual([['自评报告!A1']]);
});

test('copy puts the report on the clipboard as HTML and as plain text', async () => {
  const user = userEvent.setup();
  await paneWithReport(user);
  const copy = stubExecCommand(true);
  await user.click(screen.getByRole('button', { name: '复制报告' }));
  expect(copy.clipboard?.['text/html']).toMatch(/<h1 style="[^"]*">一、整体支出绩效自评情况<\/h1>/);
  expect(copy.clipboard?.['text/plain']).toMatch(/^.*绩效.*报告\n/);
  expect(screen.getByTestId('notice')).toHaveTextContent('报告已复制（带格式），可直接粘贴到 Word。');
  // The placeholder element used for the copy is gone again.
  expect(document.querySelectorAll('[contenteditable]')).toHaveLength(0);
});

test('when the browser refuses to copy, the report range is selected in Excel with a Ctrl+C hint', async () => {
  const user = userEvent.setup();
  const api = await paneWithReport(user);
  stubExecCommand(false);
  await user.click(screen.getByRole('button', { name: '复制报告' }));
  await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent(/请按 Ctrl\+C 复制/));
  const [[range]] = callsTo(api, 'selectCell') as string[][];
  expect(range).toMatch(/^自评报告!A1:A\d+$/);
  expect(screen.getByTestId('notice')).toHaveTextContent(range);
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
    await user.click(screen.getByRole('button', { name: '下载 Word 文档' }));
    await waitFor(() => expect(screen.getByTestId('docx-link')).toBeInTheDocument());
    expect(callsTo(api, 'renderDocx')).toHaveLength(1);
    expect(created[0].type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(created[0].size).toBe(4);
    expect(clicks).toEqual([{ href: 'blob:test/1', download: expect.stringMatching(/报告\.docx$/) }]);
    const link = screen.getByTestId('docx-link');
    expect(link).toHaveAttribute('href', 'blob:test/1');
    expect(link).toHaveAttribute('download', clicks[0].download);
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
  expect(screen.getByRole('button', { name: '复制报告' })).toBeEnabled();
  expect(screen.queryByTestId('docx-link')).toBeNull();
});

test('on a Mac there is no download button; the pane points to copy and the report sheet instead', async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  api.platform = 'Mac';
  await paneWithReport(user, api);
  expect(screen.queryAllByRole('button', { name: '下载 Word 文档' })).toHaveLength(0);
  expect(screen.getByTestId('mac-download')).toHaveTextContent('Mac 版 Excel 的任务窗格不能下载文件。请用“复制报告”粘贴到 Word，或打开“自评报告”工作表复制。');
  expect(screen.getByRole('button', { name: '复制报告' })).toBeEnabled();
});

test('undo after a report removes the report sheet and the copy button goes back to waiting', async () => {
  const user = userEvent.setup();
  const api = fakeApi(budgetBook(), { undoLastRun: async () => ({ restoredCells: 0, removedSheet: '自评报告' }) });
  await paneWithReport(user, api);
  await user.click(screen.getByRole('button', { name: '撤销上次计算' }));
  await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已撤销：删除了工作表“自评报告”。'));
  expect(screen.getByRole('button', { name: '复制报告' })).toBeDisabled();
});

test('when Excel cannot write the report sheet, the error is shown and there is nothing to copy', async () => {
  const user = userEvent.setup();
  const api = fakeApi(budgetBook(), {
    generateReport: async () => {
      throw new Error('工作表“自评报告”受保护');
    },
  });
  renderPane(<App api={api} />);
  await waitFor(() => expect(screen.getByRole('button', { name: '生成报告' })).toBeEnabled());
  await user.click(screen.getByRole('button', { name: '生成报告' }));
  await waitFor(() => expect(screen.getByTestId('error')).toHaveTextContent('Excel 报错：工作表“自评报告”受保护'));
  expect(screen.getByRole('button', { name: '复制报告' })).toBeDisabled();
  expect(screen.getByRole('button', { name: '下载 Word 文档' })).toBeDisabled();
  expect(screen.queryByTestId('report-missing')).toBeNull();
});
