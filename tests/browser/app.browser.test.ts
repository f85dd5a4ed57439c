/**
 * The browser page over a local workbook (issue 14), in headless Chromium: dist/app.html served, and
 * the single-file jixiao-app.html opened from disk. A workbook chosen through the file input; the
 * downloaded workbook compared part by part and cell by cell with `jixiao report` on the same file;
 * the .docx opened; the report copied; every request the page makes recorded — none after load.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { inflateRawSync } from 'zlib';
import type { Browser, Page } from 'playwright-core';
import { readCentralDirectory } from '../../src/cli/xlsx-read';
import { readXlsx } from '../../src/cli/xlsx-read/node';
import type { WorkbookSnapshot } from '../../src/core';
import { makeBenchWorkbook } from '../../bench/workbook';
import { cli } from '../helpers/cli';
import { launchChromium } from './browser-kit';
import { buildPaneSite, PaneServer, ROOT, SAMPLE_XLSX, servePaneSite } from './pane-site';

jest.setTimeout(240_000);

const HELD_OUT = path.join(ROOT, 'tests/fixtures/heldout/openpyxl-payment-matching.xlsx');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkDist } = require('../../scripts/browser-syntax') as { checkDist(dist: string): { file: string; feature: string }[] };

let site: string;
let server: PaneServer;
let browser: Browser;
let scratch: string;

beforeAll(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-app-'));
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-app-out-'));
  await buildPaneSite(site);
  server = await servePaneSite(site);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const dir of [site, scratch]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  /** Every request, any scheme, with whether the page had finished loading when it was made. */
  requests: { url: string; afterLoad: boolean }[];
  problems: string[];
}

async function openPage(url: string): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
  const requests: Opened['requests'] = [];
  const problems: string[] = [];
  let loaded = false;
  context.on('request', (r) => requests.push({ url: r.url(), afterLoad: loaded }));
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    document.addEventListener('copy', (e) => {
      w.__copied = { html: e.clipboardData?.getData('text/html') ?? '', text: e.clipboardData?.getData('text/plain') ?? '' };
    });
    document.addEventListener('securitypolicyviolation', (e) => ((w.__csp as string[]) ??= []).push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url, { waitUntil: 'load' });
  loaded = true;
  return { page, requests, problems };
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const notice = (page: Page, text: string | RegExp) => page.getByTestId('notice').filter({ hasText: text }).waitFor({ timeout: 120_000 });

async function chooseWorkbook(page: Page, file: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByTestId('opened').waitFor({ timeout: 120_000 });
  await page.getByTestId('status-line').waitFor({ timeout: 120_000 });
}

async function download(page: Page, label: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button(page, label).click()]);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

async function cliOutput(file: string): Promise<Buffer> {
  const out = path.join(scratch, `${path.basename(file)}-cli.xlsx`);
  const run = await cli(['report', file, '-o', out]);
  expect(run.code).toBe(0);
  return fs.readFileSync(out);
}

function inflatedParts(bytes: Uint8Array): [string, string][] {
  return readCentralDirectory(bytes).map((e) => [e.name, (e.method === 0 ? Buffer.from(e.data) : inflateRawSync(e.data)).toString('base64')]);
}

function cells(s: WorkbookSnapshot): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const sheet of s.sheets) sheet.values.forEach((row, i) => row?.forEach((v, j) => v !== '' && v !== null && out.set(`${sheet.name}!${sheet.top + i},${sheet.left + j}`, v)));
  return out;
}

async function expectSameWorkbookAsCli(downloaded: Buffer, input: string): Promise<void> {
  const fromCli = await cliOutput(input);
  expect(inflatedParts(downloaded)).toEqual(inflatedParts(fromCli));
  expect(cells(await readXlsx(downloaded))).toEqual(cells(await readXlsx(fromCli)));
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => ((window as unknown as { __csp?: string[] }).__csp ?? []).slice());
}

test('served app.html: the sample through the file input → issues → the computed workbook is the CLI’s → Word → copy, with no request after load', async () => {
  const { page, requests, problems } = await openPage(`${server.url}app.html`);
  await chooseWorkbook(page, SAMPLE_XLSX);
  expect(await page.getByTestId('opened').textContent()).toBe('当前工作簿：黔南州大数据局-2023预算执行.xlsx');

  // The issues name their cells; choosing one shows its row.
  const errors = page.getByTestId('issues-error');
  expect(await errors.getAttribute('aria-label')).toBe('错误 1');
  await errors.getByRole('button', { name: /^项目资金!G24 / }).click();
  await page.getByTestId('cell-view').filter({ hasText: '项目资金!G24 所在的行' }).waitFor();
  expect(await page.getByTestId('cell-view').textContent()).toContain('州委大楼网络运维外包服务经费');

  // 重新计算执行率 computes without touching the file; the download is the CLI's workbook.
  await button(page, '重新计算执行率').click();
  await notice(page, /已计算：下载的工作簿中将写入 \d+ 个单元格/);
  const workbook = await download(page, '下载计算后的工作簿');
  expect(workbook.name).toBe('黔南州大数据局-2023预算执行-计算后.xlsx');
  await notice(page, /已生成“黔南州大数据局-2023预算执行-计算后\.xlsx”：写入 \d+ 个单元格，另有“自评报告”工作表/);
  await expectSameWorkbookAsCli(workbook.bytes, SAMPLE_XLSX);
  const funds = (await readXlsx(workbook.bytes)).sheets.find((s) => s.name === '项目资金')!;
  expect(funds.values[4 - funds.top][11 - funds.left]).toBeCloseTo(20 / 72, 12); // L5: 28%

  // The report: generated, copied as rich text, downloaded as a .docx.
  await button(page, '生成报告').click();
  await notice(page, /报告已生成，共 \d+ 段；下载的工作簿中写在工作表“自评报告”，21 个项目的绩效自评表写在“绩效自评表”。/);
  await button(page, '复制报告').click();
  await notice(page, '报告已复制（带格式），可直接粘贴到 Word。');
  const copied = await page.evaluate(() => (window as unknown as { __copied?: { html: string; text: string } }).__copied);
  expect(copied?.text).toContain('黔南州大数据发展管理局2023年');
  expect(copied?.html).toContain('仿宋');
  const docx = await download(page, '下载 Word 文档');
  expect(docx.name).toMatch(/^黔南州大数据发展管理局2023年.*报告\.docx$/);
  const documentXml = readCentralDirectory(docx.bytes).find((e) => e.name === 'word/document.xml')!;
  expect(inflateRawSync(documentXml.data).toString('utf8')).toContain('州财政局：');

  // English, from the page's switch.
  await page.getByTestId('language').click();
  await page.getByRole('button', { name: 'Download the computed workbook', exact: true }).waitFor();

  // Nothing after load: no request of any kind (downloads are blob: URLs the page made itself).
  const late = requests.filter((r) => r.afterLoad && !r.url.startsWith('blob:') && !r.url.startsWith('data:'));
  expect(late).toEqual([]);
  expect(requests.filter((r) => !r.afterLoad).every((r) => r.url.startsWith(server.url))).toBe(true);
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('served app.html: a held-out workbook chosen through the file input downloads as the CLI writes it', async () => {
  const { page, requests, problems } = await openPage(`${server.url}app.html`);
  await chooseWorkbook(page, HELD_OUT);
  const workbook = await download(page, '下载计算后的工作簿');
  expect(workbook.name).toBe('openpyxl-payment-matching-计算后.xlsx');
  await expectSameWorkbookAsCli(workbook.bytes, HELD_OUT);
  expect(requests.filter((r) => r.afterLoad && !r.url.startsWith('blob:'))).toEqual([]);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('served app.html: a file that is not a workbook is refused with the reader’s reason, naming it', async () => {
  const { page } = await openPage(`${server.url}app.html`);
  await page.getByTestId('file-input').setInputFiles(path.join(ROOT, 'tests/fixtures/bad/not-an-xlsx.xlsx'));
  await page.getByTestId('open-error').waitFor();
  expect(await page.getByTestId('open-error').textContent()).toMatch(/^无法读取 not-an-xlsx\.xlsx：/);
  await page.context().close();
});

test('jixiao-app.html opened from disk (file://) is one file: no other request, and the same computed workbook', async () => {
  const dir = fs.mkdtempSync(path.join(scratch, 'single-'));
  const file = path.join(dir, 'jixiao-app.html');
  fs.copyFileSync(path.join(site, 'jixiao-app.html'), file);
  const html = fs.readFileSync(file, 'utf8');
  expect(html).not.toMatch(/<script[^>]+src=/);
  expect(html).toContain("connect-src 'none'");
  const url = `file://${file}`;
  const { page, requests, problems } = await openPage(url);
  await chooseWorkbook(page, SAMPLE_XLSX);
  const workbook = await download(page, '下载计算后的工作簿');
  await expectSameWorkbookAsCli(workbook.bytes, SAMPLE_XLSX);
  expect(requests.map((r) => r.url).filter((u) => u !== url && !u.startsWith('blob:'))).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('every script the built pages run parses in Chromium 86 (older 360 / 奇安信): no class static block or other newer syntax', () => {
  // The pages' bundles, the worker, and the single-file page's inlined scripts and worker source.
  expect(fs.readdirSync(site).filter((f) => /^app-worker\.[0-9a-f]{8}\.js$/.test(f))).toHaveLength(1);
  expect(checkDist(site)).toEqual([]);
});

test('served app.html answers clicks while its worker reads a big workbook (2,000 projects, 100,000 payments), and shows progress', async () => {
  const big = await makeBenchWorkbook();
  const { page, problems } = await openPage(`${server.url}app.html`);
  const opening = page.getByTestId('opening');
  const language = page.getByTestId('language');
  await page.getByTestId('file-input').setInputFiles(big);
  await opening.waitFor({ timeout: 60_000 });
  const fractions: number[] = [];
  const progress = async () => Number((await opening.getByRole('progressbar').getAttribute('aria-valuenow', { timeout: 5_000 }).catch(() => null)) ?? NaN);

  // The language switch, twice, while the worker works: each answered at once, the work still going on.
  const answered: number[] = [];
  for (const [label, caption] of [['中文', 'Opening bench-2000-100000-sst.xlsx…'], ['English', '正在打开 bench-2000-100000-sst.xlsx…']] as const) {
    fractions.push(await progress());
    const t0 = Date.now();
    await language.click({ timeout: 5_000 });
    await page.getByTestId('language').filter({ hasText: label }).waitFor({ timeout: 5_000 });
    answered.push(Date.now() - t0);
    expect(await opening.isVisible()).toBe(true);
    expect(await opening.textContent()).toContain(caption);
  }
  // The progress bar moves while the file is read (sampled between the clicks and until the read ends).
  while (await opening.isVisible()) {
    fractions.push(await progress());
    await page.waitForTimeout(200);
  }
  await page.getByTestId('opened').waitFor({ timeout: 300_000 });
  await page.getByTestId('status-line').waitFor({ timeout: 300_000 });
  const seen = fractions.filter((x) => Number.isFinite(x));
  expect(seen.length).toBeGreaterThanOrEqual(2);
  expect(Math.max(...seen)).toBeGreaterThan(Math.min(...seen));
  // Generous for a shared machine: a blocked main thread would take as long as the whole read.
  expect(Math.max(...answered)).toBeLessThan(2_000);
  fs.mkdirSync(path.join(ROOT, 'test-artifacts'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-artifacts', 'app-responsiveness.json'), JSON.stringify({ clickAnsweredMs: answered, progressSeen: seen }, null, 2));
  expect(problems).toEqual([]);
  await page.context().close();
});
