/**
 * Where the pane cannot run, it says so: the bundle made to fail (blocked, cut short, an engine too
 * old) leaves taskpane.html's static message on screen, readable; the ribbon's function file opens the
 * same message in a dialog instead of doing nothing; an Excel without ExcelApi 1.4 is told which
 * Excel works.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import type { FakeWorkbookData } from '../../src/testing/fake-excel';
import { axeViolations, docImage, launchChromium, openPane, screenshot } from './browser-kit';
import { buildPaneSite, COMMANDS_PAGE, PaneServer, sampleWorkbook, servePaneSite, TEST_PAGE } from './pane-site';

jest.setTimeout(120_000);

let site: string;
let server: PaneServer;
let browser: Browser;
let workbook: FakeWorkbookData;

beforeAll(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-fallback-'));
  [, workbook] = await Promise.all([buildPaneSite(site), sampleWorkbook()]);
  server = await servePaneSite(site);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

const OUR_BUNDLE = /\/(taskpane|vendors-[\w-]+|\d+)\.[0-9a-f]{8}\.js$/;

async function fallbackShown(page: Page): Promise<{ text: string; reason: string | null; fontPx: number; color: string; background: string }> {
  const box = page.locator('#startup-fallback');
  await box.waitFor({ state: 'visible', timeout: 5000 });
  return page.evaluate(() => {
    const el = document.getElementById('startup-fallback')!;
    const style = getComputedStyle(el);
    return { text: el.innerText, reason: document.documentElement.getAttribute('data-fallback-reason'), fontPx: parseFloat(style.fontSize), color: style.color, background: style.backgroundColor };
  });
}

function expectTheMessage(shown: { text: string; fontPx: number; color: string; background: string }) {
  expect(shown.text).toContain('绩效自评助手无法在这里启动');
  expect(shown.text).toContain('Microsoft 365、Office 2021 或更新版本的 Excel');
  expect(shown.text).toContain('网页版 Excel');
  expect(shown.text).toContain('npx jixiao report');
  expect(shown.text).toContain('Excel in Microsoft 365, Office 2021 or later');
  // Readable: body-size text, dark on white.
  expect(shown.fontPx).toBeGreaterThanOrEqual(14);
  expect(shown.color).toBe('rgb(36, 36, 36)');
  expect(shown.background).toBe('rgb(255, 255, 255)');
}

test('a blocked bundle leaves the static message on screen, in both languages, and nothing else', async () => {
  const pane = await openPane(browser, server.url, JSON.parse(JSON.stringify(workbook)), { viewport: { width: 320, height: 600 } });
  await pane.context.close();
  const context = await browser.newContext({ viewport: { width: 320, height: 600 } });
  const page = await context.newPage();
  await page.route(OUR_BUNDLE, (route) => route.abort('blockedbyclient'));
  await page.goto(server.url + TEST_PAGE);
  const shown = await fallbackShown(page);
  expectTheMessage(shown);
  expect(shown.reason).toBe('script-not-loaded');
  expect(await page.getByRole('button').count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, 'fallback-blocked');
  await docImage(page, 'taskpane-fallback');
  await context.close();
});

test('a bundle that arrives cut short (a syntax error) shows it too', async () => {
  const context = await browser.newContext({ viewport: { width: 350, height: 800 } });
  const page = await context.newPage();
  await page.route(/\/taskpane\.[0-9a-f]{8}\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: 'var pane = { ready: ' }));
  await page.goto(server.url + TEST_PAGE);
  const shown = await fallbackShown(page);
  expectTheMessage(shown);
  expect(shown.reason).toBe('script-error');
  await context.close();
});

test('a webview too old for the bundle (no BigInt, as in Internet Explorer 11) gets the message at once', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 600 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    delete (window as unknown as { BigInt?: unknown }).BigInt;
  });
  await page.goto(server.url + TEST_PAGE);
  const shown = await fallbackShown(page);
  expectTheMessage(shown);
  expect(shown.reason).toBe('old-webview');
  await context.close();
});

test('when the bundle runs, the message is gone and stays gone', async () => {
  const pane = await openPane(browser, server.url, JSON.parse(JSON.stringify(workbook)));
  await pane.page.getByRole('button', { name: '重新计算执行率', disabled: false }).waitFor();
  expect(await pane.page.locator('#startup-fallback').isVisible()).toBe(false);
  expect(await pane.page.locator('#startup-fallback').getAttribute('hidden')).toBe('');
  await pane.context.close();
});

test('an Excel without ExcelApi 1.4 (Office 2016) is told in plain words which Excel works', async () => {
  const pane = await openPane(browser, server.url, JSON.parse(JSON.stringify(workbook)), { excelApi: '1.1', viewport: { width: 320, height: 600 } });
  const status = pane.page.getByTestId('status');
  await status.waitFor();
  expect(await status.textContent()).toContain('需要 Microsoft 365、Office 2021 或更新版本的 Excel，或网页版 Excel。');
  expect(await axeViolations(pane.page)).toEqual([]);
  await screenshot(pane.page, 'old-excel');
  await pane.context.close();
});

describe('the ribbon commands', () => {
  async function commandsPage(block: boolean) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { __FAKE_EXCEL_OPTIONS__: unknown }).__FAKE_EXCEL_OPTIONS__ = { excelApi: '1.4', host: 'Excel', requirementSets: { DialogApi: '1.1' } };
    });
    if (block) await page.route(/\/commands\.[0-9a-f]{8}\.js$/, (route) => route.abort('blockedbyclient'));
    await page.goto(server.url + COMMANDS_PAGE);
    await page.waitForLoadState('load');
    return { context, page };
  }

  test('when their bundle cannot run, a click opens the message in a dialog and completes once it is closed', async () => {
    const { context, page } = await commandsPage(true);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-fallback-reason'))).toBe('script-not-loaded');
    const result = await page.evaluate(async () => {
      const w = window as unknown as Record<string, (event: { completed(): void }) => void>;
      let completed = 0;
      w.recalculateRates({ completed: () => completed++ });
      await new Promise((r) => setTimeout(r, 50));
      const dialog = window.__fakeExcel!.office.dialogs[0];
      const before = completed;
      dialog.sendEvent(12006); // the user closes the dialog
      return { url: dialog.url, before, after: completed, undoToo: typeof w.undoLastRun };
    });
    expect(result.url).toBe(`${server.url}unsupported.html`);
    expect(result.before).toBe(0); // kept open while the message shows
    expect(result.after).toBe(1);
    expect(result.undoToo).toBe('function');
    // The dialog's page: the same static message, no script at all.
    const dialog = await context.newPage();
    await dialog.goto(result.url);
    expectTheMessage(await fallbackShown(dialog));
    expect(await dialog.locator('script').count()).toBe(0);
    await context.close();
  });

  test('when their bundle runs, the fallback defines nothing and the bundle’s handlers are associated', async () => {
    const { context, page } = await commandsPage(false);
    await page.waitForFunction(() => window.__fakeExcel!.office.commands.size === 2);
    expect(await page.evaluate(() => [typeof (window as unknown as Record<string, unknown>).recalculateRates, document.documentElement.getAttribute('data-fallback-reason')])).toEqual(['undefined', null]);
    await context.close();
  });
});
