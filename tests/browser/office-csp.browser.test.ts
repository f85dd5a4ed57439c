/**
 * The built task pane under its own Content-Security-Policy, with office.js doing what its users
 * found it doing — loading MicrosoftAjax.js from ajax.aspnetcdn.com and its telemetry script from
 * browser.pipe.aria.microsoft.com (OfficeDev/office-js #1005, office-js-docs-pr #721), its host script
 * excel-web-16.00.js from appsforoffice.microsoft.com applying inline styles (office-js #1687) — and
 * then the simulated Excel in place of the real one. Microsoft's hosts are answered by the test (no
 * network); every request is recorded. The policy must let all of it run, and our own code must send
 * nothing anywhere. The same page with the policy this branch replaced shows the test can fail.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser-kit';
import { buildPaneSite, PaneServer, sampleWorkbook, servePaneSite } from './pane-site';

jest.setTimeout(180_000);

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const HOST_SCRIPT = 'https://appsforoffice.microsoft.com/lib/1/hosted/excel-web-16.00.js';
const MS_AJAX = 'https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js';
const TELEMETRY = 'https://browser.pipe.aria.microsoft.com/collector/1.0/telemetry.js';
/** The policy before issue 15: MicrosoftAjax.js by its exact path, no telemetry host. */
const OLD_SCRIPT_SRC = "script-src 'self' https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js;";

/** office.js as the sources describe it, then the simulated Excel (parser-inserted, so it runs before the pane). */
const SIMULATED = {
  [OFFICE_JS]: `
    window.__officeScripts = [];
    for (const src of [${JSON.stringify(MS_AJAX)}, ${JSON.stringify(HOST_SCRIPT)}, ${JSON.stringify(TELEMETRY)}]) {
      const s = document.createElement('script');
      s.src = src;
      document.head.appendChild(s);
    }
    document.write('<script src="fake-excel.js"><\\/script>');`,
  [HOST_SCRIPT]: `
    const style = document.createElement('style');
    style.textContent = '.excel-web-host { display: none }';
    document.head.appendChild(style);
    window.__officeScripts.push('excel-web-16.00.js');`,
  [MS_AJAX]: `window.__officeScripts.push('MicrosoftAjax.js');`,
  [TELEMETRY]: `window.__officeScripts.push('telemetry');`,
};

let site: string;
let server: PaneServer;
let browser: Browser;

beforeAll(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-csp-'));
  await buildPaneSite(site);
  const built = fs.readFileSync(path.join(site, 'taskpane.html'), 'utf8');
  if (!built.includes('https://browser.pipe.aria.microsoft.com')) throw new Error('the built taskpane.html does not carry this branch’s policy');
  fs.writeFileSync(path.join(site, 'taskpane-office.html'), built);
  fs.writeFileSync(path.join(site, 'taskpane-old-policy.html'), built.replace(/script-src [^;]*;/, OLD_SCRIPT_SRC));
  server = await servePaneSite(site);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

interface Loaded {
  context: BrowserContext;
  page: Page;
  requests: string[];
  violations: () => Promise<string[]>;
}

async function open(pageName: string): Promise<Loaded> {
  const context = await browser.newContext({ viewport: { width: 380, height: 700 }, locale: 'zh-CN' });
  const requests: string[] = [];
  context.on('request', (r) => {
    if (/^https?:/i.test(r.url())) requests.push(r.url());
  });
  await context.route(/^https:\/\/(?!127\.0\.0\.1)/, (route) => {
    const body = SIMULATED[route.request().url() as keyof typeof SIMULATED];
    return body === undefined ? route.abort() : route.fulfill({ status: 200, contentType: 'text/javascript', body });
  });
  const page = await context.newPage();
  await page.addInitScript((data) => {
    const w = window as unknown as Record<string, unknown>;
    w.__FAKE_WORKBOOK__ = data;
    w.__FAKE_EXCEL_OPTIONS__ = { excelApi: '1.4', displayLanguage: 'zh-CN', host: 'Excel' };
    document.addEventListener('securitypolicyviolation', (e) => ((w.__cspViolations as string[]) ??= []).push(`${e.violatedDirective} ${e.blockedURI}`));
  }, await sampleWorkbook());
  await page.goto(server.url + pageName);
  const violations = () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  return { context, page, requests, violations };
}

test('office.js loads everything it needs under the pages’ policy, the pane works, and only Office’s hosts are asked', async () => {
  const { context, page, requests, violations } = await open('taskpane-office.html');
  await page.getByRole('button', { name: '重新计算执行率', disabled: false }).waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => ((window as unknown as { __officeScripts?: string[] }).__officeScripts ?? []).length === 3);
  expect((await page.evaluate(() => (window as unknown as { __officeScripts: string[] }).__officeScripts)).sort()).toEqual(['MicrosoftAjax.js', 'excel-web-16.00.js', 'telemetry']);
  expect(await violations()).toEqual([]);
  const external = requests.filter((u) => new URL(u).hostname !== '127.0.0.1');
  expect(external.sort()).toEqual([HOST_SCRIPT, OFFICE_JS, MS_AJAX, TELEMETRY].sort());
  await context.close();
});

test('the policy this replaced would have blocked office.js’s telemetry script', async () => {
  const { context, page, violations } = await open('taskpane-old-policy.html');
  await page.getByRole('button', { name: '重新计算执行率', disabled: false }).waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => ((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).length > 0);
  expect(await violations()).toEqual([expect.stringContaining('browser.pipe.aria.microsoft.com')]);
  await context.close();
});
