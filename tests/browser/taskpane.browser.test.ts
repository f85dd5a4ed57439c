/**
 * The built task pane in headless Chromium, against the strict simulated Excel in place of office.js:
 * the whole flow a finance officer follows, asserted on the pane and on the workbook's cells, with a
 * screenshot of every step in test-artifacts/taskpane/.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import type { FakeWorkbookData } from '../../src/testing/fake-excel';
import {
  announced,
  axeViolations,
  cellValue,
  DARK_THEME,
  focusedControl,
  externalRequests,
  fakeSelection,
  launchChromium,
  openPane,
  OpenedPane,
  rangeValues,
  savedSettings,
  docImage,
  screenshot,
  sheetNames,
  ARTIFACTS,
} from './browser-kit';
import { buildPaneSite, NO_OFFICE_PAGE, PaneServer, sampleWorkbook, servePaneSite } from './pane-site';

jest.setTimeout(180_000);

let site: string;
let server: PaneServer;
let browser: Browser;
let workbook: FakeWorkbookData;

beforeAll(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-pane-'));
  const [built, data] = await Promise.all([buildPaneSite(site), sampleWorkbook()]);
  workbook = data;
  console.log(built.reusedDist ? 'browser test: using the fresh dist/ from `npm run build`' : 'browser test: built the pane into a temporary folder');
  server = await servePaneSite(site);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const notice = (page: Page, text: string | RegExp) => page.getByTestId('notice').filter({ hasText: text }).waitFor();
const clone = (d: FakeWorkbookData): FakeWorkbookData => JSON.parse(JSON.stringify(d)) as FakeWorkbookData;

function expectCleanRun(pane: OpenedPane) {
  expect(externalRequests(pane.requests)).toEqual([]);
  expect(pane.problems).toEqual([]);
}

test('detect → correct a mapping → validate → select an issue → recalculate → undo → report → copy → download → undo', async () => {
  const pane = await openPane(browser, server.url, clone(workbook));
  const { page } = pane;

  // 1. Detect: the pane opens on its own and shows what it found.
  await page.getByRole('button', { name: '重新计算执行率', disabled: false }).waitFor();
  await page.getByTestId('table-funds').filter({ hasText: '项目资金 表头第 3–4 行，数据至第 33 行' }).waitFor();
  await page.getByTestId('table-payments').filter({ hasText: '支付明细 表头第 2 行' }).waitFor();
  const total = page.getByTestId('summary').getByRole('row', { name: /^合计/ });
  expect(await total.locator('td').allTextContents()).toEqual(['合计（21个）', '3002.25', '2936.44', '98%']);
  await screenshot(page, 'detect');

  // 2. Correct a mapping: 执行数 from 年初预算数 (F) instead of K, saved in the workbook; then back.
  await button(page, '更正项目资金表').click();
  const editor = page.getByTestId('mapping-funds');
  await editor.getByRole('combobox', { name: '执行数', exact: true }).selectOption('F');
  await editor.getByRole('button', { name: '应用' }).click();
  await notice(page, '设置已保存。');
  expect(JSON.parse(String(await savedSettings(page)))).toMatchObject({ settings: { mapping: { funds: { columns: { executed: 'F' } } } } });
  await page.getByTestId('table-funds').filter({ hasText: '已手动更正' }).waitFor();
  expect(await total.locator('td').nth(2).textContent()).toBe('3002.25');
  await screenshot(page, 'mapping-corrected');
  await docImage(page, 'taskpane-mapping', page.getByTestId('step-tables'));
  await editor.getByRole('button', { name: '恢复自动识别' }).click();
  await notice(page, '设置已保存。');
  expect(await total.locator('td').nth(2).textContent()).toBe('2936.44');
  expect(JSON.parse(String(await savedSettings(page))).settings).toEqual({});
  await button(page, '更正项目资金表').click();

  // 3. Validate: issues grouped with counts.
  const errors = page.getByTestId('issues-error');
  expect(await errors.getAttribute('aria-label')).toBe('错误 1');
  expect(await page.getByTestId('issues-info').getAttribute('aria-label')).toBe('提示 1');
  expect(await page.getByTestId('issues-warning').count()).toBe(0);
  await screenshot(page, 'validate');
  await docImage(page, 'taskpane-checks');

  // 4. Click an issue: Excel selects its cell.
  await errors.getByRole('button', { name: /^项目资金!G24 / }).click();
  await page.waitForFunction(() => window.__fakeExcel!.controls.data().selection?.address === 'G24');
  expect(await fakeSelection(page)).toEqual({ sheet: '项目资金', address: 'G24' });
  await screenshot(page, 'issue-selected');

  // 5. Recalculate: 执行率 in L, the deviation note in the first free column after the table.
  expect(await cellValue(page, '项目资金', 'L5')).toBe('');
  await button(page, '重新计算执行率').click();
  await notice(page, /已写入 \d+ 个单元格。/);
  expect(await cellValue(page, '项目资金', 'L5')).toBeCloseTo(20 / 72, 4);
  const [top] = await rangeValues(page, '项目资金', 'A3:Z3');
  expect(top.indexOf('偏差说明')).toBe(16); // column Q, the first free one after 未完成原因 (P)
  expect(String(await cellValue(page, '项目资金', 'Q5'))).toMatch(/执行率28%/);
  await screenshot(page, 'recalculated');
  await docImage(page, 'taskpane-recalculated', page.getByTestId('step-calculate'));

  // 6. Undo the recalculation: the cells are as they were.
  await button(page, '撤销上次计算').click();
  await notice(page, /已撤销上次计算：恢复了 \d+ 个单元格。/);
  expect(await cellValue(page, '项目资金', 'L5')).toBe('');
  expect(await cellValue(page, '项目资金', 'Q5')).toBe('');
  expect(await cellValue(page, '项目资金', 'Q3')).toBe('');
  await page.getByRole('button', { name: '撤销上次计算', disabled: true }).waitFor();
  await screenshot(page, 'undo-recalculation');

  // 7. Generate the report: the Word-ready sheet, one paragraph a row.
  await button(page, '重新计算执行率').click();
  await notice(page, /已写入/);
  await button(page, '生成报告').click();
  await notice(page, /报告已写入工作表“自评报告”，共 \d+ 段；21 个项目的绩效自评表写入“绩效自评表”。/);
  expect(await sheetNames(page)).toContain('自评报告');
  expect(await sheetNames(page)).toContain('绩效自评表');
  expect(await cellValue(page, '自评报告', 'A1')).toBe('黔南州大数据发展管理局2023年绩效运行日常监控自评情况报告');
  expect(await cellValue(page, '自评报告', 'A2')).toBe('州财政局：');
  const column = (await rangeValues(page, '自评报告', 'A1:A400')).map((r) => String(r[0]));
  expect(column).toContain('　　一、整体支出绩效自评情况'); // indented two full-width spaces, as in Word
  await screenshot(page, 'report');

  // 8. Copy: HTML with the official formatting and plain text, through the copy event.
  await button(page, '复制报告').click();
  await notice(page, '报告已复制（带格式），可直接粘贴到 Word。');
  const copied = await page.evaluate(() => (window as unknown as { __copied?: { html: string; text: string } }).__copied);
  expect(copied?.html).toContain('黔南州大数据发展管理局2023年绩效运行日常监控自评情况报告');
  expect(copied?.html).toMatch(/<h1 style="[^"]*mso-outline-level:1[^"]*">一、整体支出绩效自评情况<\/h1>/);
  expect(copied?.text.split('\n')[0]).toBe('黔南州大数据发展管理局2023年绩效运行日常监控自评情况报告');
  await screenshot(page, 'copied');

  // 9. Download: the docx library arrives on demand, under the page's CSP, and makes a real .docx.
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, '下载 Word 文档').click()]);
  expect(download.suggestedFilename()).toBe('黔南州大数据发展管理局2023年绩效运行日常监控自评情况报告.docx');
  const bytes = fs.readFileSync(await download.path());
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  await page.getByTestId('docx-link').waitFor();
  expect(pane.requests.some((u) => /report-docx\.[0-9a-f]+\.js$/.test(u))).toBe(true);
  await screenshot(page, 'download');
  await docImage(page, 'taskpane-report', page.getByTestId('step-report'));

  // 10. Undo the report: its sheet goes, the rates written before stay.
  await button(page, '撤销上次计算').click();
  await notice(page, /已撤销生成报告：删除了本次生成的工作表“自评报告”/);
  expect(await sheetNames(page)).not.toContain('自评报告');
  expect(await cellValue(page, '项目资金', 'L5')).toBeCloseTo(20 / 72, 4);
  await page.getByTestId('report-status').filter({ hasText: '报告尚未生成' }).waitFor();
  await screenshot(page, 'undo-report');

  const violations = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  expect(violations).toEqual([]);
  expectCleanRun(pane);
  await pane.context.close();
});

test('keyboard only: Tab reaches an issue, Shift+Tab the action bar’s recalculate button, Enter and Space use them', async () => {
  const pane = await openPane(browser, server.url, clone(workbook));
  const { page } = pane;
  await page.getByRole('button', { name: '重新计算执行率', disabled: false }).waitFor();
  const tabTo = async (pattern: RegExp, key = 'Tab') => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press(key);
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (pattern.test(focused)) return;
    }
    throw new Error(`Tab never reached ${pattern}`);
  };
  await tabTo(/^项目资金!G24 /);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__fakeExcel!.controls.data().selection?.address === 'G24');
  await tabTo(/^重新计算执行率$/, 'Shift+Tab'); // back up to the action bar
  await page.keyboard.press('Space');
  await notice(page, /已写入 \d+ 个单元格。/);
  expect(await cellValue(page, '项目资金', 'L5')).toBeCloseTo(20 / 72, 4);
  expectCleanRun(pane);
  await pane.context.close();
});

test('load time: from navigation to the first enabled button (measured and reported, not asserted)', async () => {
  const runs: { interactiveMs: number; observedMs: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const pane = await openPane(browser, server.url, clone(workbook));
    await pane.page.getByRole('button', { name: '重新计算执行率', disabled: false }).waitFor();
    const observedMs = await pane.page.evaluate(() => performance.now());
    // Marked by the pane when the first analysis is on screen and its buttons are enabled.
    const interactiveMs = await pane.page.evaluate(() => performance.getEntriesByName('jixiao:interactive')[0]?.startTime ?? NaN);
    runs.push({ interactiveMs: Math.round(interactiveMs), observedMs: Math.round(observedMs) });
    expectCleanRun(pane);
    await pane.context.close();
  }
  const median = [...runs].sort((a, b) => a.interactiveMs - b.interactiveMs)[1].interactiveMs;
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, 'timings.json'), JSON.stringify({ runs, medianInteractiveMs: median }, null, 2));
  console.log(`task pane interactive after ${runs.map((r) => r.interactiveMs).join(' / ')} ms (median ${median} ms; a fresh browser context each load)`);
  expect(runs.every((r) => Number.isFinite(r.interactiveMs))).toBe(true);
});

test('outside Office (onReady reports no host) the pane says to open it in Excel', async () => {
  const pane = await openPane(browser, server.url, clone(workbook), { host: null });
  await pane.page.getByTestId('status').filter({ hasText: '请在 Excel 中打开' }).waitFor({ timeout: 5000 });
  await screenshot(pane.page, 'no-host');
  expect(await pane.page.getByRole('button').count()).toBe(0);
  expectCleanRun(pane);
  await pane.context.close();
});

test('when office.js did not load at all, the pane says so instead of waiting', async () => {
  const context = await browser.newContext({ viewport: { width: 380, height: 600 }, locale: 'zh-CN' }); // no Office: the browser's language decides
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url + NO_OFFICE_PAGE);
  await page.getByTestId('status').filter({ hasText: 'Office 脚本未能加载' }).waitFor({ timeout: 5000 });
  expect(await page.getByTestId('status').textContent()).toContain('appsforoffice.microsoft.com');
  await screenshot(page, 'no-office-js');
  expect(problems).toEqual([]);
  await context.close();
});

test('with English as Office’s display language the pane speaks English', async () => {
  const pane = await openPane(browser, server.url, clone(workbook), { displayLanguage: 'en-US' });
  await pane.page.getByRole('button', { name: 'Recalculate execution rates', disabled: false }).waitFor();
  expect(await pane.page.getByRole('heading', { name: '1. Tables found' }).count()).toBe(1);
  expect(await pane.page.locator('html').getAttribute('lang')).toBe('en-US');
  await screenshot(pane.page, 'english');
  expectCleanRun(pane);
  await pane.context.close();
});

const copiedHtml = (page: Page) => page.evaluate(() => (window as unknown as { __copied?: { html: string } }).__copied?.html ?? '');

test('never stale: generate (98%), correct the mapping (100%), copy — the clipboard and the sheet carry 100%, not 98%', async () => {
  const pane = await openPane(browser, server.url, clone(workbook), { viewport: { width: 350, height: 800 } });
  const { page } = pane;
  await button(page, '生成报告').click();
  await notice(page, /报告已写入工作表“自评报告”/);
  const before = (await rangeValues(page, '自评报告', 'A1:A40')).map((r) => String(r[0])).join('\n');
  expect(before).toMatch(/执行率98%/);

  // 执行数 from 年初预算数 (F): every project now reads as fully spent.
  await button(page, '更正项目资金表').click();
  await page.getByTestId('mapping-funds').getByRole('combobox', { name: '执行数', exact: true }).selectOption('F');
  await page.getByTestId('mapping-funds').getByRole('button', { name: '应用' }).click();
  await notice(page, '设置已保存。');
  expect(await focusedControl(page)).toBe('应用');
  const total = page.getByTestId('summary').getByRole('row', { name: /^合计/ });
  expect(await total.locator('td').nth(3).textContent()).toBe('100%');
  await page.getByTestId('report-status').filter({ hasText: '报告已过期：复制或下载时会先重新生成' }).waitFor();
  await page.getByTestId('report-stale').filter({ hasText: '生成报告后更改了设置或列映射。' }).waitFor();
  await screenshot(page, 'report-stale');

  await button(page, '复制报告').click();
  await notice(page, /^数据已更改：报告已按当前数据重新生成/);
  const html = await copiedHtml(page);
  expect(html).toMatch(/执行率100%/);
  expect(html).not.toMatch(/执行率98%/);
  const after = (await rangeValues(page, '自评报告', 'A1:A40')).map((r) => String(r[0])).join('\n');
  expect(after).toMatch(/执行率100%/);
  expect(after).not.toMatch(/执行率98%/);
  expect(await focusedControl(page)).toBe('复制报告');
  await page.getByTestId('report-status').filter({ hasText: '报告已是最新' }).waitFor();
  expectCleanRun(pane);
  await pane.context.close();
});

test('when the webview refuses to copy, the whole report range is selected in Excel — every row, as the message says', async () => {
  const pane = await openPane(browser, server.url, clone(workbook));
  const { page } = pane;
  // A webview that refuses execCommand('copy'), as some Office hosts do.
  await page.evaluate(() => {
    document.execCommand = () => false;
  });
  await button(page, '生成并复制报告').click();
  await page.getByTestId('notice').filter({ hasText: /请按 Ctrl\+C 复制/ }).waitFor();
  const text = (await page.getByTestId('notice').textContent()) ?? '';
  const [, rows, range] = /全部 (\d+) 行（(自评报告!A1:A\d+)）/.exec(text) ?? [];
  expect(range).toBe(`自评报告!A1:A${rows}`);
  // What Excel selected is that range, and it holds the whole report: the last paragraph, nothing after it.
  expect(await fakeSelection(page)).toEqual({ sheet: '自评报告', address: `A1:A${rows}` });
  const column = (await rangeValues(page, '自评报告', `A1:A${Number(rows) + 5}`)).map((r) => String(r[0]));
  expect(column[Number(rows) - 1]).not.toBe('');
  expect(column.slice(Number(rows))).toEqual(['', '', '', '', '']);
  await screenshot(page, 'copy-fallback');
  expectCleanRun(pane);
  await pane.context.close();
});

test('focus stays on the control used, results and errors are announced, the progress figure only moves forward', async () => {
  const pane = await openPane(browser, server.url, clone(workbook));
  const { page } = pane;
  await page.getByRole('button', { name: '重新计算执行率', disabled: false }).waitFor();
  // Every value the progress bar shows during a recalculation and an undo.
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { __progress: string[] }).__progress = []);
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      const v = bar?.getAttribute('aria-valuenow');
      if (v !== null && v !== undefined && seen[seen.length - 1] !== v) seen.push(v);
    }).observe(document.body, { subtree: true, attributes: true, childList: true });
  });
  const progress = () => page.evaluate(() => (window as unknown as { __progress: string[] }).__progress.splice(0));
  await page.keyboard.press('Tab'); // the first control is the action bar's 重新计算执行率
  expect(await focusedControl(page)).toBe('重新计算执行率');
  await page.keyboard.press('Enter');
  await notice(page, /已写入 \d+ 个单元格。/);
  expect(await focusedControl(page)).toBe('重新计算执行率');
  const recalc = (await progress()).map(Number);
  expect(recalc.length).toBeGreaterThan(1);
  expect(recalc).toEqual([...recalc].sort((a, b) => a - b));
  expect(recalc.every(Number.isFinite)).toBe(true);

  await button(page, '撤销上次计算').focus();
  await page.keyboard.press('Enter');
  await notice(page, /已撤销上次计算：恢复了 \d+ 个单元格。/);
  expect(await focusedControl(page)).toBe('撤销上次计算');
  const undo = (await progress()).map(Number);
  expect(undo.every(Number.isFinite)).toBe(true);
  expect(undo).toEqual([...undo].sort((a, b) => a - b));
  expect(await page.locator('[role="progressbar"]').count()).toBe(0);

  const heard = await announced(page);
  expect(heard).toContain('正在重新计算执行率');
  expect(heard.some((m) => /^已写入 \d+ 个单元格。$/.test(m))).toBe(true);
  expect(heard.some((m) => /^已撤销上次计算：恢复了 \d+ 个单元格。$/.test(m))).toBe(true);

  // An error is announced too: Excel refuses the next write.
  await page.evaluate(() => window.__fakeExcel!.controls.failNextSync('AccessDenied'));
  await button(page, '生成报告').click();
  await page.getByTestId('error').waitFor();
  expect((await announced(page)).some((m) => /工作表或工作簿受保护/.test(m))).toBe(true);
  expectCleanRun(pane);
  await pane.context.close();
});

describe('axe finds nothing to fix', () => {
  test.each([
    ['zh-CN', '重新计算执行率', '更正项目资金表', '设置', '生成报告'],
    ['en-US', 'Recalculate execution rates', 'Correct: Funds table', 'Settings', 'Generate report'],
  ])('in %s, with the mapping editor, the settings, the report and its out-of-date warning open', async (lang, recalc, mapping, settings, generate) => {
    const pane = await openPane(browser, server.url, clone(workbook), { displayLanguage: lang, viewport: { width: 320, height: 600 } });
    const { page } = pane;
    await button(page, recalc).waitFor();
    await page.getByRole('button', { name: recalc, disabled: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await button(page, generate).click();
    await page.getByTestId('notice').waitFor();
    await button(page, mapping).click();
    await button(page, settings).click();
    await page.getByTestId('settings').getByRole('radio').nth(1).click();
    await page.getByTestId('settings').getByRole('button').last().click();
    await page.getByTestId('report-stale').waitFor();
    // Checked once the run is over: greyed-out buttons that wait for Excel are exempt from contrast rules.
    await page.getByTestId('notice').filter({ hasText: /设置已保存。|Settings saved\./ }).waitFor();
    await page.getByRole('button', { name: recalc, disabled: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expectCleanRun(pane);
    await pane.context.close();
  });

  test('in Office’s dark theme', async () => {
    const pane = await openPane(browser, server.url, clone(workbook), { officeTheme: DARK_THEME, viewport: { width: 350, height: 800 } });
    const { page } = pane;
    await page.getByRole('button', { name: '重新计算执行率', disabled: false }).waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor);
    expect(background).toBe('rgb(41, 41, 41)'); // webDarkTheme's colorNeutralBackground1
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'dark');
    await docImage(page, 'taskpane-dark');
    expectCleanRun(pane);
    await pane.context.close();
  });
});

describe('as a user sees it: the two jobs in view without scrolling, nothing cut off sideways', () => {
  const SIZES = [
    { name: '320x600', viewport: { width: 320, height: 600 }, deviceScaleFactor: 1 },
    { name: '350x800', viewport: { width: 350, height: 800 }, deviceScaleFactor: 1 },
    { name: '320x600@1.5x', viewport: { width: 320, height: 600 }, deviceScaleFactor: 1.5 },
  ];
  test.each(SIZES.flatMap((size) => (['zh-CN', 'en-US'] as const).map((lang) => ({ ...size, lang }))))('$name, $lang', async ({ name, viewport, deviceScaleFactor, lang }) => {
    const pane = await openPane(browser, server.url, clone(workbook), { viewport, deviceScaleFactor, displayLanguage: lang });
    const { page } = pane;
    const [recalc, generate] = lang === 'en-US' ? ['Recalculate execution rates', 'Generate and copy report'] : ['重新计算执行率', '生成并复制报告'];
    await page.getByRole('button', { name: recalc, disabled: false }).waitFor();
    for (const label of [recalc, generate]) {
      const box = (await button(page, label).boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await page.screenshot({ path: path.join(ARTIFACTS, `view-${name}-${lang}.png`) });
    if (name === '350x800') await docImage(page, lang === 'en-US' ? 'taskpane-top-en' : 'taskpane-top');
    expectCleanRun(pane);
    await pane.context.close();
  });
});
