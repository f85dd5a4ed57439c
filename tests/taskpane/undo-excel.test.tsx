/** @jest-environment jsdom */
/**
 * The task pane over the simulated Excel — the real src/excel flows, not a stand-in — as the finance
 * officer uses it: 重新计算, 生成报告, edit the report, 生成报告 again, 撤销上次计算. Each undo is checked
 * twice: the words the pane shows (issue 11.8) and the workbook they describe.
 */
import '@testing-library/jest-dom';
import { screen, waitFor } from '@testing-library/react';
import userEvent, { UserEvent } from '@testing-library/user-event';
import { App } from '../../src/taskpane/components/App';
import { officeApi } from '../../src/taskpane/office-api';
import { REPORT_BACKUP_SHEET, UNDO_SHEET, type ExcelHost } from '../../src/excel';
import { buildWorkbook, createFakeExcel, type FakeExcel } from '../../src/testing/fake-excel';
import { installBrowserShims, renderPane } from './render';
import type { Lang } from '../../src/taskpane/i18n';

beforeAll(installBrowserShims);
jest.setTimeout(120_000);

/** Each click runs the real flows (read, core, write) on a simulated Excel: seconds on a busy machine. */
const PATIENCE = 30_000;

/** The funds table in 万元 (数据中台 lags at 28%) and its payments, as a department keeps them. */
function budgetWorkbook(): FakeExcel {
  const data = buildWorkbook({
    项目资金: [
      ['2023年项目支出预算执行情况表'],
      ['单位：万元'],
      ['项目名称', '全年预算数', '财政拨款', '执行数'],
      ['数据中台项目', 72, 72, 20],
      ['网站运维项目', 85.6, 85.6, 85.6],
      ['州委大楼网络运维', 9.8, 9.8, 9.8],
    ],
    支付明细: [
      ['支付日期', '支付凭证号', '预算项目名称', '支付金额(元)'],
      [45000, 'ZF001', '数据中台项目', 200000],
      [45100, 'ZF002', '网站运维项目', 856000],
      [45200, 'ZF003', '州委大楼网络运维', 98000],
    ],
  });
  return createFakeExcel(data, { excelApi: '1.4' });
}

function hostOf(fake: FakeExcel): ExcelHost {
  return { run: fake.Excel.run, isSetSupported: (name, version) => fake.isSetSupported(name, version) };
}

const WORDS: Record<Lang, { generate: string; recalculate: string; undo: string }> = {
  zh: { generate: '生成报告', recalculate: '重新计算执行率', undo: '撤销上次计算' },
  en: { generate: 'Generate report', recalculate: 'Recalculate execution rates', undo: 'Undo last run' },
};

interface Pane {
  fake: FakeExcel;
  user: UserEvent;
  lang: Lang;
}

async function openPane(lang: Lang = 'zh', fake = budgetWorkbook()): Promise<Pane> {
  renderPane(<App api={officeApi('OfficeOnline', hostOf(fake))} />, lang);
  await waitFor(() => expect(screen.getByRole('button', { name: WORDS[lang].generate })).toBeAvailable(), { timeout: PATIENCE });
  return { fake, user: userEvent.setup(), lang };
}

const notice = () => screen.getByTestId('notice');

/** Clicks a button and waits for the notice that ends the action. */
async function press(pane: Pane, button: 'generate' | 'recalculate' | 'undo', expected: RegExp): Promise<string> {
  const before = screen.queryByTestId('notice');
  await pane.user.click(screen.getByRole('button', { name: WORDS[pane.lang][button] }));
  await waitFor(() => {
    expect(screen.queryByTestId('error')).toBeNull();
    expect(notice()).not.toBe(before);
    expect(notice()).toHaveTextContent(expected);
  }, { timeout: PATIENCE });
  return notice().textContent ?? '';
}

/** The sheets a person sees in the tab bar, in order (the add-in's very hidden ones left out). */
const visibleSheets = (fake: FakeExcel) => fake.controls.data().sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name);
const allSheets = (fake: FakeExcel) => fake.controls.data().sheets.map((s) => s.name);

/** A sheet's cells as a person sees them: rows without their trailing empty cells (a cleared cell reads ""). */
function seen(fake: FakeExcel, sheet: string): string {
  return JSON.stringify(fake.controls.sheet(sheet).values.map((row) => {
    const cells = [...(row ?? [])];
    while (cells.length && (cells[cells.length - 1] === '' || cells[cells.length - 1] === null || cells[cells.length - 1] === undefined)) cells.pop();
    return cells;
  }));
}

/** Column A of a sheet, as the paragraphs a person reads. */
const paragraphs = (fake: FakeExcel, sheet: string) => fake.controls.sheet(sheet).values.map((row) => String(row?.[0] ?? ''));

/** The rate column the calculation appends to 项目资金, read as a person sees it. */
function rateColumn(fake: FakeExcel): string[] {
  const header = fake.controls.sheet('项目资金').values[2] ?? [];
  const col = header.findIndex((v) => v === '执行率');
  return col < 0 ? [] : [3, 4, 5].map((r) => String(fake.controls.sheet('项目资金').values[r]?.[col] ?? ''));
}

/** Does what a person does in Excel: types into a cell, or deletes a sheet. */
async function byHand(fake: FakeExcel, act: (wb: Excel.Workbook) => void): Promise<void> {
  await fake.Excel.run(async (context) => {
    act(context.workbook);
    await context.sync();
  });
}

test('undo after a report-only run removes the two sheets it created, says so, and leaves the table alone', async () => {
  const pane = await openPane();
  const { fake } = pane;
  const before = seen(fake, '项目资金');
  await press(pane, 'generate', /^报告已写入工作表“自评报告”/);
  expect(visibleSheets(fake)).toEqual(['项目资金', '支付明细', '自评报告', '核对清单']);
  const text = await press(pane, 'undo', /^已撤销/);
  expect(text).toBe('已撤销生成报告：删除了本次生成的工作表“自评报告”、“核对清单”；表格中的数据和已写入的执行率、偏差说明都没有改动。');
  expect(allSheets(fake)).toEqual(['项目资金', '支付明细', UNDO_SHEET]);
  expect(seen(fake, '项目资金')).toBe(before);
  expect(screen.getByTestId('report-status')).toHaveTextContent('报告尚未生成');
  expect(screen.getByRole('button', { name: '撤销上次计算' })).toBeUnavailable();
});

test('a calculation, then a report, then undo: only the report goes, the written rates stay — as the notice says', async () => {
  const pane = await openPane();
  const { fake } = pane;
  await press(pane, 'recalculate', /^已写入 \d+ 个单元格。$/);
  const rates = rateColumn(fake);
  expect(rates[0]).not.toBe(''); // 20 ÷ 72
  await press(pane, 'generate', /^报告已写入工作表“自评报告”/);
  const text = await press(pane, 'undo', /^已撤销/);
  expect(text).toBe('已撤销生成报告：删除了本次生成的工作表“自评报告”、“核对清单”；表格中的数据和已写入的执行率、偏差说明都没有改动。');
  expect(rateColumn(fake)).toEqual(rates);
  expect(visibleSheets(fake)).toEqual(['项目资金', '支付明细']);
});

test('undo of a calculation puts the cells back and says how many', async () => {
  const pane = await openPane();
  const { fake } = pane;
  const before = seen(fake, '项目资金');
  const written = Number((await press(pane, 'recalculate', /^已写入 \d+ 个单元格。$/)).match(/\d+/)![0]);
  expect(written).toBeGreaterThan(3);
  const text = await press(pane, 'undo', /^已撤销/);
  expect(text).toBe(`已撤销上次计算：恢复了 ${written} 个单元格。`);
  expect(seen(fake, '项目资金')).toBe(before);
  expect(notice()).toHaveAttribute('data-intent', 'success');
});

test('a second report over an unchanged one replaces it; undo says the earlier versions are back, and they are', async () => {
  const pane = await openPane();
  const { fake } = pane;
  await press(pane, 'generate', /^报告已写入工作表“自评报告”/);
  const first = paragraphs(fake, '自评报告');
  const firstChecklist = paragraphs(fake, '核对清单');
  // A one-cell change to the data: the second report differs from the first.
  await byHand(fake, (wb) => (wb.worksheets.getItem('项目资金').getRange('D4').values = [[30]]));
  await press(pane, 'generate', /^报告已写入工作表“自评报告”/);
  expect(paragraphs(fake, '自评报告')).not.toEqual(first);
  expect(visibleSheets(fake)).toEqual(['项目资金', '支付明细', '自评报告', '核对清单']);
  const text = await press(pane, 'undo', /^已撤销/);
  expect(text).toBe('已撤销生成报告：工作表“自评报告”、“核对清单”已恢复为生成报告前的内容；表格中的数据和已写入的执行率、偏差说明都没有改动。');
  expect(paragraphs(fake, '自评报告')).toEqual(first);
  expect(paragraphs(fake, '核对清单')).toEqual(firstChecklist);
  expect(visibleSheets(fake)).toEqual(['项目资金', '支付明细', '自评报告', '核对清单']);
  expect(allSheets(fake)).not.toContain(REPORT_BACKUP_SHEET);
  // The pane no longer claims a report of its own: the one there is the earlier one.
  expect(screen.getByTestId('report-status')).toHaveTextContent('报告尚未生成');
});

test('issue 11.7 in the pane: an edited report is kept, the new one goes to 自评报告 (2), and undo removes only that', async () => {
  const pane = await openPane();
  const { fake } = pane;
  await press(pane, 'generate', /^报告已写入工作表“自评报告”/);
  const row = paragraphs(fake, '自评报告').findIndex((p) => p.includes('【请填写：报告日期】'));
  expect(row).toBeGreaterThan(0);
  // The officer fills in the date in the sheet, before copying it.
  await byHand(fake, (wb) => (wb.worksheets.getItem('自评报告').getRange(`A${row + 1}`).values = [['2024年1月20日']]));
  const edited = paragraphs(fake, '自评报告');
  const checklist = paragraphs(fake, '核对清单');
  const said = await press(pane, 'generate', /^工作表“自评报告”在生成后有改动/);
  expect(said).toMatch(/^工作表“自评报告”在生成后有改动（或不是本工具生成的），已原样保留；新报告写在工作表“自评报告 \(2\)”（\d+ 段），核对清单写在“核对清单”。$/);
  expect(paragraphs(fake, '自评报告')).toEqual(edited);
  expect(paragraphs(fake, '自评报告 (2)')[row]).toContain('【请填写：报告日期】');
  expect(visibleSheets(fake)).toEqual(['项目资金', '支付明细', '自评报告', '核对清单', '自评报告 (2)']);

  const text = await press(pane, 'undo', /^已撤销/);
  expect(text).toBe(
    '已撤销生成报告：删除了本次生成的工作表“自评报告 (2)”；工作表“核对清单”已恢复为生成报告前的内容；生成报告时保留下来的工作表“自评报告”没有改动；表格中的数据和已写入的执行率、偏差说明都没有改动。',
  );
  expect(visibleSheets(fake)).toEqual(['项目资金', '支付明细', '自评报告', '核对清单']);
  expect(paragraphs(fake, '自评报告')).toEqual(edited);
  expect(paragraphs(fake, '核对清单')).toEqual(checklist);
});

test('in English: the same undo, the same facts', async () => {
  const pane = await openPane('en');
  const { fake } = pane;
  await press(pane, 'generate', /^The report is on sheet “自评报告”/);
  const row = paragraphs(fake, '自评报告').findIndex((p) => p.includes('【请填写：报告日期】'));
  await byHand(fake, (wb) => (wb.worksheets.getItem('自评报告').getRange(`A${row + 1}`).values = [['2024年1月20日']]));
  const said = await press(pane, 'generate', /kept as it is/);
  expect(said).toMatch(/^Sheet “自评报告” was changed since it was generated \(or was not generated by this tool\) and is kept as it is; the new report is on sheet “自评报告 \(2\)” \(\d+ paragraphs\), the checklist on “核对清单”\.$/);
  const text = await press(pane, 'undo', /undone/);
  expect(text).toBe(
    'Report undone: the sheet “自评报告 (2)” it created was removed; sheet “核对清单” is back as before the report; the sheet “自评报告” kept when the report was generated is unchanged; the tables’ data and the rates and notes written into them are unchanged.',
  );
  expect(visibleSheets(fake)).toEqual(['项目资金', '支付明细', '自评报告', '核对清单']);
});

test('a report sheet the officer deleted before undoing is not claimed as removed', async () => {
  const pane = await openPane();
  const { fake } = pane;
  await press(pane, 'generate', /^报告已写入工作表“自评报告”/);
  await byHand(fake, (wb) => wb.worksheets.getItem('自评报告').delete());
  const text = await press(pane, 'undo', /^已撤销/);
  expect(text).toBe('已撤销生成报告：删除了本次生成的工作表“核对清单”；本次写入的工作表“自评报告”已不在工作簿中（已删除或改名），无需删除；表格中的数据和已写入的执行率、偏差说明都没有改动。');
  expect(visibleSheets(fake)).toEqual(['项目资金', '支付明细']);
});

test('an earlier version that cannot be found is said as lost, with a warning, not as put back', async () => {
  const pane = await openPane();
  const { fake } = pane;
  await press(pane, 'generate', /^报告已写入工作表“自评报告”/);
  await press(pane, 'generate', /^报告已写入工作表“自评报告”/);
  // Something outside the add-in (a macro, another tool) removed the hidden copy of the earlier report.
  await byHand(fake, (wb) => {
    const backup = wb.worksheets.getItem(REPORT_BACKUP_SHEET);
    backup.visibility = 'Hidden';
    backup.delete();
  });
  const text = await press(pane, 'undo', /^已撤销/);
  expect(text).toBe(
    '已撤销生成报告：工作表“核对清单”已恢复为生成报告前的内容；删除了本次写入的工作表“自评报告”，但之前的版本已找不到，未能恢复；表格中的数据和已写入的执行率、偏差说明都没有改动。',
  );
  expect(notice()).toHaveAttribute('data-intent', 'warning');
  expect(visibleSheets(fake)).toEqual(['项目资金', '支付明细', '核对清单']);
});
