/**
 * Driving the pane in headless Chromium against the simulated Excel: launch, open the test page with a
 * workbook injected, read the fake workbook back, and keep evidence (screenshots, requests, errors).
 */
import fs from 'fs';
import path from 'path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import type { CellValue, FakeWorkbookData } from '../../src/testing/fake-excel';
import { ROOT, TEST_PAGE } from './pane-site';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'taskpane');

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    // Not a skip: this test is part of `npm test`, and CI installs the browser (.ci/run).
    throw new Error(`Chromium not found at ${CHROMIUM}. Install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH; .ci/run installs it.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface OpenedPane {
  context: BrowserContext;
  page: Page;
  /** Every http(s) request the page made. */
  requests: string[];
  /** Uncaught errors, console errors and CSP violations. */
  problems: string[];
}

export interface FakeOptions {
  host?: 'Excel' | null;
  displayLanguage?: string;
  platform?: 'PC' | 'OfficeOnline' | 'Mac';
  excelApi?: string;
  officeTheme?: { isDarkTheme?: boolean; bodyBackgroundColor?: string };
  /** Task-pane sizes: 350×800 (Excel's default), 320×600 (the narrowest), 380×860 by default. */
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
}

export const DARK_THEME = { isDarkTheme: true, bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#333333', controlForegroundColor: '#FFFFFF' };

/** Opens the test page with `workbook` loaded into the fake Excel (before any page script runs). */
export async function openPane(browser: Browser, baseUrl: string, workbook: FakeWorkbookData, options: FakeOptions = {}): Promise<OpenedPane> {
  const { viewport = { width: 380, height: 860 }, deviceScaleFactor = 1, ...fakeOptions } = options;
  const context = await browser.newContext({ viewport, deviceScaleFactor, locale: 'zh-CN', acceptDownloads: true });
  const requests: string[] = [];
  const problems: string[] = [];
  context.on('request', (r) => {
    if (/^https?:/i.test(r.url())) requests.push(r.url());
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.addInitScript(
    ({ data, opts }) => {
      const w = window as unknown as Record<string, unknown>;
      w.__FAKE_WORKBOOK__ = data;
      w.__FAKE_EXCEL_OPTIONS__ = opts;
      // What the pane's copy handler put on the clipboard, read while the event is still live.
      document.addEventListener('copy', (e) => {
        w.__copied = { html: e.clipboardData?.getData('text/html') ?? '', text: e.clipboardData?.getData('text/plain') ?? '' };
      });
      document.addEventListener('securitypolicyviolation', (e) => {
        ((w.__cspViolations as string[]) ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
      });
      // What a screen reader is told: Fluent's announcer calls document.ariaNotify where Chromium has it.
      const heard: string[] = (w.__announced = []);
      const proto = Document.prototype as unknown as { ariaNotify?: (m: string, o?: unknown) => void };
      const original = proto.ariaNotify;
      if (original) {
        proto.ariaNotify = function (this: Document, message: string, opts?: unknown) {
          heard.push(message);
          return original.call(this, message, opts);
        };
      } else {
        // Without it, the announcer writes into an aria-live element.
        new MutationObserver(() => {
          document.querySelectorAll('[aria-live]').forEach((el) => {
            const text = el.textContent?.trim();
            if (text && heard[heard.length - 1] !== text) heard.push(text);
          });
        }).observe(document, { subtree: true, childList: true, characterData: true });
      }
    },
    { data: workbook, opts: { excelApi: '1.4', displayLanguage: 'zh-CN', host: 'Excel' as const, ...fakeOptions } },
  );
  await page.goto(baseUrl + TEST_PAGE);
  return { context, page, requests, problems };
}

export function cellValue(page: Page, sheet: string, address: string): Promise<CellValue> {
  return page.evaluate(([s, a]) => window.__fakeExcel!.controls.cell(s, a).value, [sheet, address] as const);
}

export function rangeValues(page: Page, sheet: string, address: string): Promise<CellValue[][]> {
  return page.evaluate(([s, a]) => window.__fakeExcel!.controls.values(s, a), [sheet, address] as const);
}

export function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__fakeExcel!.controls.data().sheets.map((s) => s.name));
}

export function fakeSelection(page: Page): Promise<{ sheet: string; address: string } | undefined> {
  return page.evaluate(() => window.__fakeExcel!.controls.data().selection);
}

export function savedSettings(page: Page): Promise<unknown> {
  return page.evaluate(() => window.__fakeExcel!.controls.data().settings['jixiao.settings'] ?? null);
}

let shot = 0;
/** Saves test-artifacts/taskpane/NN-step.png (full pane, scrolled content included). */
export async function screenshot(page: Page, step: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${String(++shot).padStart(2, '0')}-${step}.png`);
  await page.evaluate(() => window.scrollTo(0, 0)); // the sticky status bar then sits where it belongs
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * With JIXIAO_DOC_IMAGES=1, also saves the element (or the top of the pane) as docs/images/<name>.png —
 * the screenshots docs/taskpane.md shows, regenerated from this same run.
 */
export async function docImage(page: Page, name: string, element?: Locator): Promise<void> {
  if (!process.env.JIXIAO_DOC_IMAGES) return;
  const file = path.join(ROOT, 'docs', 'images', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // The sticky status bar would sit over a scrolled-to element: let it scroll away for the picture.
  if (element) await element.screenshot({ path: file, style: '[data-testid="status-bar"] { position: static !important; }' });
  else {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: file });
  }
}

/** Requests to anything but this machine (the pane must work offline against the fake). */
export function externalRequests(requests: string[]): string[] {
  return requests.filter((u) => !['127.0.0.1', 'localhost'].includes(new URL(u).hostname));
}

/** Everything announced to screen readers so far (see openPane). */
export function announced(page: Page): Promise<string[]> {
  return page.evaluate(() => ((window as unknown as { __announced?: string[] }).__announced ?? []).slice());
}

/** The accessible text of the focused element (a button's label), or its tag when it has none. */
export function focusedControl(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '(the page)';
    return (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim();
  });
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.1 A/AA checks on the page as it is, as "rule: target" lines. Injected through
 * the DevTools protocol, not a <script>, so the page's Content-Security-Policy stays as shipped.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}
