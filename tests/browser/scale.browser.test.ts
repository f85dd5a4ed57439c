/**
 * A real-sized workbook — 2,000 projects, 20,000 payments, hundreds of issues — in the narrowest pane
 * (320×600): the two jobs stay in view, the page does not grow with the workbook, and long work lets
 * the progress bar move. Page heights and main-thread stalls are measured and written to
 * test-artifacts/taskpane/responsiveness.json. The longest freeze is bounded against the page's own
 * measured speed, so a busy shared machine does not fail it but a report built in one block would.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import type { FakeWorkbookData } from '../../src/testing/fake-excel';
import { generatedWorkbook } from '../excel/generated';
import { ARTIFACTS, axeViolations, docImage, launchChromium, openPane, screenshot } from './browser-kit';
import { buildPaneSite, PaneServer, sampleWorkbook, servePaneSite } from './pane-site';

jest.setTimeout(300_000);

let site: string;
let server: PaneServer;
let browser: Browser;
let sample: FakeWorkbookData;

beforeAll(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-scale-'));
  [, sample] = await Promise.all([buildPaneSite(site), sampleWorkbook()]);
  server = await servePaneSite(site);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

/** 2,000 projects; every tenth one's 财政拨款 does not add up to its budget (200 errors, beside the generated warnings). */
function bigWorkbook(): FakeWorkbookData {
  const data = generatedWorkbook(2000, 20_000);
  const funds = data.sheets.find((s) => s.name === '项目资金')!;
  for (let i = 0; i < 2000; i += 10) {
    const row = funds.values[3 + i]!;
    row[5] = Number(row[4]) + 1;
  }
  return data;
}

/**
 * The longest main-thread task of 生成并复制报告 for 2,000 projects, in calibrations (one copy of the
 * whole simulated workbook through JSON, 2.2–2.4 s there): measured 1.5 and 1.9 (longest tasks 3.7 s and
 * 4.2 s, with ~6 other jobs on the 2 cores); twice the worst is allowed. The whole report in one task
 * (the sum of its tasks, 12–17 s) would be 5–7.
 */
const LONGEST_TASK_CALIBRATIONS = 4;

const NARROW = { width: 320, height: 600 };

/** Records long tasks and the gaps between animation frames from the first script on. */
async function watchMainThread(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[]; __gaps: number[]; __progress: string[] };
    w.__long = [];
    w.__gaps = [];
    w.__progress = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
    let last = 0;
    const frame = (t: number) => {
      if (last) w.__gaps.push(Math.round(t - last));
      last = t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    new MutationObserver(() => {
      const v = document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow');
      if (v && w.__progress[w.__progress.length - 1] !== v) w.__progress.push(v);
    }).observe(document, { subtree: true, attributes: true, childList: true });
  });
}

async function takeMeasures(page: Page): Promise<{ longTasks: number[]; maxFrameGapMs: number; progress: number[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __gaps: number[]; __progress: string[] };
    const out = { longTasks: w.__long.splice(0), maxFrameGapMs: Math.max(0, ...w.__gaps.splice(0)), progress: w.__progress.splice(0).map(Number) };
    return out;
  });
}

/**
 * How fast this page's main thread is right now: the median time of a fixed piece of work of the kind
 * the pane does (copying the simulated workbook's cells through JSON: strings, objects, garbage). A long
 * task is judged against it, so a machine that is slow or busy (2 cores shared by several jobs) moves
 * both figures together rather than failing the test.
 */
async function calibrate(page: Page): Promise<number> {
  return page.evaluate(() => {
    const data = (window as unknown as { __FAKE_WORKBOOK__: unknown }).__FAKE_WORKBOOK__;
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      JSON.parse(JSON.stringify(data));
      times.push(performance.now() - t0);
    }
    return Math.round(times.sort((a, b) => a - b)[1]);
  });
}

const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

async function actionBarInView(page: Page): Promise<boolean> {
  for (const name of ['重新计算执行率', '生成并复制报告']) {
    const box = await page.getByRole('button', { name, exact: true }).boundingBox();
    if (!box || box.y < 0 || box.y + box.height > NARROW.height) return false;
  }
  return true;
}

test('2,000 projects at 320×600: the two jobs in view, a bounded page, a bar that moves during long work', async () => {
  const figures: Record<string, unknown> = {};

  const small = await openPane(browser, server.url, JSON.parse(JSON.stringify(sample)), { viewport: NARROW });
  await small.page.getByTestId('status-line').waitFor();
  figures.sampleHeightPx = await pageHeight(small.page);
  await small.context.close();

  const big = await openPane(browser, server.url, bigWorkbook(), { viewport: NARROW });
  const { page } = big;
  await watchMainThread(page);
  await page.reload();
  await page.getByTestId('status-line').waitFor({ timeout: 120_000 });
  figures.load = await takeMeasures(page);
  const statusLine = (await page.getByTestId('status-line').textContent()) ?? '';
  expect(statusLine).toMatch(/^200 个错误 · \d+ 个警告/);
  figures.bigHeightPx = await pageHeight(page);
  expect(await actionBarInView(page)).toBe(true);
  await screenshot(page, 'big-narrow-top');

  // Everything opened: all issues, 60 projects' bars. The lists scroll inside their boxes.
  await page.getByRole('button', { name: /^展开全部 \d+ 条$/ }).click();
  await page.getByRole('button', { name: /^再显示 50 个项目$/ }).click();
  figures.bigExpandedHeightPx = await pageHeight(page);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await actionBarInView(page)).toBe(true); // sticky: still there at the bottom of the page
  expect(await axeViolations(page)).toEqual([]);

  // The status line leads to the checks.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('button', { name: /^查看检查结果：/ }).click();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('2. 检查结果');
  const headingTop = (await page.getByRole('heading', { name: '2. 检查结果' }).boundingBox())!.y;
  const barBottom = await page.getByTestId('action-bar').evaluate((el) => el.getBoundingClientRect().bottom);
  expect(headingTop).toBeGreaterThanOrEqual(barBottom - 1);
  expect(headingTop).toBeLessThan(NARROW.height);

  // Long work: generate and copy the report for 2,000 projects.
  const before = await calibrate(page);
  await takeMeasures(page);
  await page.getByRole('button', { name: '生成并复制报告' }).click();
  await page.getByTestId('notice').waitFor({ timeout: 180_000 });
  figures.report = await takeMeasures(page);
  figures.calibrationMs = Math.max(before, await calibrate(page));
  const longest = Math.max(0, ...(figures.report as { longTasks: number[] }).longTasks);
  figures.longestTaskPerCalibration = +(longest / (figures.calibrationMs as number)).toFixed(1);

  console.log(`task pane at scale: ${JSON.stringify(figures)}`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, 'responsiveness.json'), JSON.stringify(figures, null, 2));

  // The page does not grow with the workbook: 2,000 projects are about as tall as 21.
  expect(figures.bigHeightPx as number).toBeLessThan((figures.sampleHeightPx as number) + 400);
  expect(figures.bigExpandedHeightPx as number).toBeLessThan((figures.bigHeightPx as number) + 900);
  // The bar moved through the run (several distinct values, only forward), and nothing froze for long.
  const { progress } = figures.report as { progress: number[] };
  expect(progress.length).toBeGreaterThanOrEqual(4);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  // The longest freeze, against the page's own speed (calibrate; LONGEST_TASK_CALIBRATIONS says what was measured).
  expect(longest).toBeLessThan(LONGEST_TASK_CALIBRATIONS * (figures.calibrationMs as number));
  expect(big.problems).toEqual([]);
  await big.context.close();
});

test('the rates at a glance: bars with the target mark, lagging ones striped, in words too (screenshot)', async () => {
  const pane = await openPane(browser, server.url, JSON.parse(JSON.stringify(sample)), { viewport: { width: 350, height: 800 } });
  const { page } = pane;
  const rates = page.getByTestId('rates');
  await rates.waitFor();
  const groups = await page.getByTestId('rates-groups').locator('li').allInnerTexts();
  expect(groups[0].replace(/\s+/g, ' ')).toBe('上级资金 95%滞后');
  expect(groups[groups.length - 1].replace(/\s+/g, ' ')).toBe('合计 98%滞后');
  const first = (await page.getByTestId('rates-projects').locator('li').first().innerText()).replace(/\s+/g, ' ');
  // The sample's 28% project has its 未完成原因 written: lagging (yellow) and said to be explained, not red.
  expect(first).toMatch(/28%滞后，已说明原因$/);
  // Without colour: lagging bars carry a stripe pattern, on-track bars are solid.
  const fills = await page.getByTestId('rates-projects').locator('li').evaluateAll((items) =>
    items.map((li) => ({ light: li.getAttribute('data-light'), image: getComputedStyle(li.querySelector('[aria-hidden] > span')!).backgroundImage })),
  );
  expect(fills.filter((f) => f.light !== 'ok').every((f) => f.image.startsWith('repeating-linear-gradient'))).toBe(true);
  expect(fills.filter((f) => f.light === 'ok').every((f) => f.image === 'none')).toBe(true);
  await docImage(page, 'taskpane-rates', rates);
  await rates.screenshot({ path: path.join(ARTIFACTS, 'rates.png') });
  await pane.context.close();
});
