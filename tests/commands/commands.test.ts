/**
 * The ribbon's 重新计算执行率 and 撤销上次计算, run as Excel runs them: the function file is loaded
 * fresh, associates the manifest's names once Office is ready, and every click ends with
 * event.completed() — after a success, a missing mapping or an error from Office alike.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { COMMAND_FUNCTIONS } from '../../src/commands/names';
import { generateReport, saveSettings } from '../../src/excel';
import { buildWorkbook, installFakeOffice, type FakeExcel, type FakeOfficeHost, type FakeWorkbookData } from '../../src/testing/fake-excel';
import { hostOf, sampleWorkbook, strictFake } from '../excel/helpers';

interface Click {
  completed: jest.Mock;
  /** The messages of the dialogs the command opened, in order. */
  messages: string[];
}

/** Clicks a ribbon button and closes any dialog it opens with its 关闭 button, as a user would. */
async function click(office: FakeOfficeHost, name: string): Promise<Click> {
  const completed = jest.fn();
  let settled = false;
  const done = office.invokeCommand(name, { completed, source: { id: name } }).finally(() => (settled = true));
  // A dialog is answered one turn after it appears: Office hands it to the command asynchronously.
  const seen = new Set<number>();
  const answered = new Set<number>();
  while (!settled) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    office.dialogs.forEach((d, i) => {
      if (!seen.has(i)) seen.add(i);
      else if (!answered.has(i)) {
        answered.add(i);
        d.sendMessage('close');
      }
    });
  }
  await done;
  const messages = office.dialogs.map((d) => new URL(d.url, 'https://localhost/').searchParams.get('message') ?? '');
  return { completed, messages };
}

/** Installs the simulated Office and loads the function file into it, as a fresh runtime. */
async function loadCommands(data: FakeWorkbookData, displayLanguage = 'zh-CN'): Promise<{ fake: FakeExcel; office: FakeOfficeHost }> {
  const fake = strictFake(data);
  const office = installFakeOffice(globalThis, fake, { displayLanguage, host: 'Excel' });
  jest.isolateModules(() => require('../../src/commands/commands'));
  await Office.onReady();
  return { fake, office };
}

/** Funds headers no synonym matches: automatic detection cannot find the table. */
function oddWorkbook(): FakeWorkbookData {
  return buildWorkbook({ 资金: [['名目', '额度', '已付'], ['系统运维', 100, 40], ['网络租赁', 50, 50]] });
}

describe('ribbon commands', () => {
  let office: FakeOfficeHost | undefined;
  afterEach(() => office?.uninstall());

  it('associates the manifest’s function names', async () => {
    ({ office } = await loadCommands(await sampleWorkbook()));
    expect([...office.commands.keys()].sort()).toEqual([COMMAND_FUNCTIONS.recalculate, COMMAND_FUNCTIONS.undo].sort());
    const manifest = readFileSync(path.join(__dirname, '..', '..', 'manifest.xml'), 'utf8');
    for (const name of Object.values(COMMAND_FUNCTIONS)) expect(manifest).toContain(`<FunctionName>${name}</FunctionName>`);
  });

  it('recalculates the sample, writes the rates, reports its error count, and completes', async () => {
    let fake: FakeExcel;
    ({ fake, office } = await loadCommands(await sampleWorkbook()));
    const { completed, messages } = await click(office, COMMAND_FUNCTIONS.recalculate);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.controls.cell('项目资金', 'L5')).toMatchObject({ value: 20 / 72, numberFormat: '0%' });
    expect(messages).toEqual([expect.stringMatching(/^已计算\d+个项目的执行率；发现1个错误，请点击“打开绩效自评”查看。$/)]);
  });

  it('shows nothing after a clean run, and completes', async () => {
    let fake: FakeExcel;
    ({ fake, office } = await loadCommands(buildWorkbook({ 项目资金: [['项目名称', '全年预算数', '执行数'], ['系统运维', 100, 100], ['网络租赁', 50, 50]] })));
    const { completed, messages } = await click(office, COMMAND_FUNCTIONS.recalculate);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(messages).toEqual([]);
    expect(fake.controls.cell('项目资金', 'D2')).toMatchObject({ value: 1, numberFormat: '0%' });
  });

  it('without a saved mapping and no table found, says where to set the mapping, writes nothing, and completes', async () => {
    let fake: FakeExcel;
    ({ fake, office } = await loadCommands(oddWorkbook()));
    const { completed, messages } = await click(office, COMMAND_FUNCTIONS.recalculate);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('未找到项目资金表');
    expect(messages[0]).toContain('在任务窗格中设置列映射');
    expect(fake.stats.cellsWritten).toBe(0);
  });

  it('uses the mapping saved by the task pane', async () => {
    let fake: FakeExcel;
    ({ fake, office } = await loadCommands(oddWorkbook()));
    await saveSettings(hostOf(fake), { mapping: { funds: { sheet: '资金', headerRow: 1, columns: { name: 'A', budget: 'B', executed: 'C' } } } });
    const { completed, messages } = await click(office, COMMAND_FUNCTIONS.recalculate);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(messages.every((m) => !m.includes('未找到'))).toBe(true);
    expect(fake.controls.cell('资金', 'D2')).toMatchObject({ value: 0.4, numberFormat: '0%' });
    expect(fake.controls.cell('资金', 'D1').value).toBe('执行率');
  });

  it('on an Office error (a protected sheet) shows the plain message and completes', async () => {
    let fake: FakeExcel;
    ({ fake, office } = await loadCommands(await sampleWorkbook()));
    fake.controls.setProtected('项目资金', true);
    const { completed, messages } = await click(office, COMMAND_FUNCTIONS.recalculate);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(messages).toEqual(['工作表“项目资金”受保护，未写入任何内容。请在“审阅”选项卡中点击“撤销工作表保护”后重试。']);
  });

  it('on a failed sync (cell-editing mode) shows what to do, in English for an English Office, and completes', async () => {
    let fake: FakeExcel;
    ({ fake, office } = await loadCommands(await sampleWorkbook(), 'en-US'));
    fake.controls.failNextSync('InvalidOperationInCellEditMode');
    const { completed, messages } = await click(office, COMMAND_FUNCTIONS.recalculate);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(messages).toEqual(['Excel is editing a cell. Press Enter or Esc to finish editing, then try again.']);
  });

  it('completes even when the message dialog cannot open', async () => {
    ({ office } = await loadCommands(oddWorkbook()));
    office.failNextDialog(12007, 'A dialog is already open.');
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { completed } = await click(office, COMMAND_FUNCTIONS.recalculate);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('撤销上次计算 restores the cells, then says there is nothing left to undo; it completes each time', async () => {
    let fake: FakeExcel;
    ({ fake, office } = await loadCommands(await sampleWorkbook()));
    await click(office, COMMAND_FUNCTIONS.recalculate);
    const first = await click(office, COMMAND_FUNCTIONS.undo);
    expect(first.completed).toHaveBeenCalledTimes(1);
    expect(fake.controls.cell('项目资金', 'L5').value).toBe('');
    const second = await click(office, COMMAND_FUNCTIONS.undo);
    expect(second.completed).toHaveBeenCalledTimes(1);
    expect(second.messages.at(-1)).toBe('没有可撤销的计算。');
  });

  it('撤销上次计算 after 生成报告 says which sheets it removed and that the calculation is kept', async () => {
    let fake: FakeExcel;
    ({ fake, office } = await loadCommands(await sampleWorkbook()));
    await click(office, COMMAND_FUNCTIONS.recalculate);
    const rate = fake.controls.cell('项目资金', 'L5').value;
    expect(rate).not.toBe('');
    await generateReport(hostOf(fake), { today: '2024-01-15' });
    const undo = await click(office, COMMAND_FUNCTIONS.undo);
    expect(undo.completed).toHaveBeenCalledTimes(1);
    expect(undo.messages.at(-1)).toEqual('已撤销生成报告：删除了本次生成的工作表“自评报告”、“核对清单”、“绩效自评表”；表格中的数据和已写入的执行率、偏差说明都没有改动。');
    expect(fake.controls.data().sheets.map((s) => s.name)).not.toContain('自评报告');
    expect(fake.controls.data().sheets.map((s) => s.name)).not.toContain('核对清单');
    expect(fake.controls.cell('项目资金', 'L5').value).toBe(rate);
  });

  it('undoing a calculation from the ribbon stays quiet: the cells coming back say it', async () => {
    let fake: FakeExcel;
    ({ fake, office } = await loadCommands(await sampleWorkbook()));
    const run = await click(office, COMMAND_FUNCTIONS.recalculate);
    const undo = await click(office, COMMAND_FUNCTIONS.undo);
    expect(undo.completed).toHaveBeenCalledTimes(1);
    // The dialogs are Office's, counted over the session: the undo opened none.
    expect(undo.messages).toEqual(run.messages);
    expect(fake.controls.cell('项目资金', 'L5').value).toBe('');
  });

  it('merged cells over the output: the refused cells are named, and undo says which it could not write back', async () => {
    let fake: FakeExcel;
    const data = buildWorkbook([{ name: '项目资金', rows: [['项目名称', '全年预算数', '执行数'], ['系统运维', 100, 40], ['网络租赁', 50, 50]], merges: ['D2:E3'] }]);
    ({ fake, office } = await loadCommands(data));
    const run = await click(office, COMMAND_FUNCTIONS.recalculate);
    expect(run.messages).toEqual([expect.stringContaining('Excel 拒绝写入 项目资金!D2:D3（常见原因是其中有合并单元格）')]);
    const undo = await click(office, COMMAND_FUNCTIONS.undo);
    expect(undo.completed).toHaveBeenCalledTimes(1);
    // The run's record holds D1:F3 (three output columns: the header and two projects); the four merged cells Excel refused are not counted as restored.
    expect(undo.messages.at(-1)).toBe('已撤销上次计算：恢复了 5 个单元格；Excel 拒绝写回 项目资金!D2:D3、项目资金!E2:E3（其中有合并单元格）；上次计算也没能写入这些单元格，它们保持原样。');
    expect(fake.controls.cell('项目资金', 'D1').value).toBe('');
  });
});
