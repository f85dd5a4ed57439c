/**
 * npm run bench:app — the browser page (dist/app.html) on the big workbook (2,000 projects, 100,000
 * payments) against `jixiao report` on the same file, in the same run (issue 14: within 2× the CLI).
 *
 *   npm run build:test && npm run bench:app            (any build of dist/ will do: build, build:test)
 *   BENCH_RUNS=5 CHROMIUM_PATH=/usr/bin/chromium npm run bench:app
 *
 * Each run, CLI and page alternate, so a busy shared machine slows both alike; medians are reported.
 *   CLI:  `node bin/jixiao.js report big.xlsx -o out.xlsx` as a user runs it, process start to exit.
 *   page: dist/app.html already loaded in headless Chromium; from choosing the file in the file input
 *         to the computed workbook's download — read, analyzed, patched and written in its Web Worker.
 * Then the page worker's two inflaters — the browser's own DecompressionStream('deflate-raw') and fflate,
 * its fallback — on the workbook's two largest parts, in a Web Worker of the same Chromium.
 */
import { spawnSync } from 'child_process';
import { promises as fs, readFileSync } from 'fs';
import http from 'http';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';
import { readCentralDirectory } from '../src/cli/xlsx-read/zip';
import { projectRoot } from '../scripts/project-root';
import { BENCH_DIR, makeBenchWorkbook } from './workbook';

const ROOT = projectRoot();
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** dist/ and, for the inflate comparison, the page fflate runs in and the parts it inflates. */
function serve(dist: string, extra: Map<string, { type: string; body: Buffer | string }>): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const own = extra.get(name);
    if (own) return void res.writeHead(200, { 'content-type': own.type }).end(own.body);
    const file = path.resolve(dist, name);
    if (!file.startsWith(path.resolve(dist) + path.sep)) return void res.writeHead(404).end();
    fs.readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

function timeCli(file: string, out: string): number {
  const t0 = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/jixiao.js'), 'report', file, '-o', out], { encoding: 'utf8' });
  const took = Number(process.hrtime.bigint() - t0) / 1e6;
  // Exit 1 only means the workbook has issues (the bench workbook has warnings); anything else is a failure.
  if (run.status !== 0 && run.status !== 1) throw new Error(`jixiao report exited ${run.status}: ${run.stderr}`);
  return took;
}

/** One page run: { opened: file chosen → tables, issues and results shown; total: … → download started }. */
async function timePage(browser: Browser, url: string, file: string): Promise<{ opened: number; total: number; bytes: number; stallMax: number }> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  try {
    const page = await context.newPage();
    await page.goto(`${url}app.html`, { waitUntil: 'load' });
    // The longest the page's main thread was busy in one go while the worker worked (clicks wait that long).
    await page.evaluate(() => {
      const w = globalThis as unknown as { __stall: number };
      w.__stall = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.__stall = Math.max(w.__stall, e.duration)))).observe({ type: 'longtask' as never, buffered: true });
    });
    await page.getByTestId('file-input').waitFor({ state: 'attached' });
    const t0 = Date.now();
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('opened').waitFor({ timeout: 600_000 });
    await page.getByTestId('status-line').waitFor({ timeout: 600_000 });
    const opened = Date.now() - t0;
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 600_000 }),
      page.getByRole('button', { name: '下载计算后的工作簿', exact: true }).click(),
    ]);
    const total = Date.now() - t0;
    const bytes = (await fs.stat(await download.path())).size;
    const stallMax = await page.evaluate(() => (globalThis as unknown as { __stall: number }).__stall);
    return { opened, total, bytes, stallMax };
  } finally {
    await context.close();
  }
}

/**
 * The two inflaters the page's worker can use, in a Web Worker as the page runs them, on the same
 * compressed parts: fflate's streaming Inflate fed 256 KB at a time (js-codec.ts, for browsers without
 * raw DEFLATE streams) and DecompressionStream('deflate-raw') read chunk by chunk (stream-codec.ts, what
 * the page uses where it can). The first run is a fresh worker's, as a user's first file is; then the median.
 */
async function inflateComparison(browser: Browser, url: string, parts: { name: string; size: number }[]): Promise<{ name: string; size: number; fflate: [number, number]; stream: [number, number] }[]> {
  const page = await browser.newPage();
  try {
    await page.goto(`${url}inflate.html`);
    return await page.evaluate(
      async ({ parts, runs }) => {
        // In the page (no DOM types in this compilation): the worker's source, run from a blob —
        // fflate's UMD build, then the two loops the codecs run.
        const g = globalThis as unknown as {
          location: { href: string };
          Worker: new (url: string) => { onmessage: (e: { data: unknown }) => void; onerror: (e: { message: string }) => void; postMessage(m: unknown): void };
        };
        const source = `importScripts(${JSON.stringify(new URL('fflate.js', g.location.href).href)});
          const median = (xs) => xs.slice(1).sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? xs[0];
          onmessage = async ({ data: { parts, runs } }) => { try {
            const out = [];
            for (const [i, part] of parts.entries()) {
              const data = new Uint8Array(await (await fetch(${JSON.stringify(g.location.href)}.replace(/[^/]*$/, 'part-' + i))).arrayBuffer());
              const a = [], b = [];
              for (let r = 0; r < runs + 1; r++) {
                let t = performance.now(), n = 0;
                const inflater = new fflate.Inflate((piece) => { n += piece.length; });
                for (let at = 0; at < data.length; at += 262144) inflater.push(data.subarray(at, Math.min(data.length, at + 262144)), at + 262144 >= data.length);
                a.push(performance.now() - t);
                if (n !== part.size) throw new Error(part.name + ': fflate gave ' + n + ' bytes');
                t = performance.now(); n = 0;
                const stream = new DecompressionStream('deflate-raw'), writer = stream.writable.getWriter(), reader = stream.readable.getReader();
                const written = (async () => { for (let at = 0; at < data.length; at += 262144) await writer.write(data.subarray(at, Math.min(data.length, at + 262144))); await writer.close(); })();
                for (;;) { const { done, value } = await reader.read(); if (done) break; n += value.length; }
                await written;
                b.push(performance.now() - t);
                if (n !== part.size) throw new Error(part.name + ': DecompressionStream gave ' + n + ' bytes');
              }
              out.push({ ...part, fflate: [a[0], median(a)], stream: [b[0], median(b)] });
            }
            postMessage({ out });
          } catch (e) { postMessage({ error: String(e && e.message || e) }); } };`;
        const worker = new g.Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
        return await new Promise<{ name: string; size: number; fflate: [number, number]; stream: [number, number] }[]>((resolve, reject) => {
          worker.onmessage = (e) => {
            const answer = e.data as { out?: never; error?: string };
            if (answer.error) reject(new Error(answer.error));
            else resolve(answer.out!);
          };
          worker.onerror = (e) => reject(new Error(e.message ?? 'the inflate worker failed'));
          worker.postMessage({ parts, runs });
        });
      },
      { parts, runs: RUNS },
    );
  } finally {
    await page.close();
  }
}

export async function main(): Promise<void> {
  const dist = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
  if (!(await fs.stat(path.join(dist, 'app.html')).catch(() => null))) throw new Error(`${dist}/app.html not found; run npm run build:test (or npm run build) first`);
  const file = await makeBenchWorkbook();
  const out = path.join(BENCH_DIR, 'bench-app-cli.xlsx');
  const bytes = readFileSync(file);
  const largest = readCentralDirectory(bytes)
    .filter((e) => e.method === 8)
    .sort((a, b) => b.size - a.size)
    .slice(0, 2);
  const extra = new Map<string, { type: string; body: Buffer | string }>([
    ['inflate.html', { type: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><script src="fflate.js"></script>' }],
    ['fflate.js', { type: 'text/javascript', body: readFileSync(path.join(ROOT, 'node_modules/fflate/umd/index.js')) }],
    ...largest.map((e, i): [string, { type: string; body: Buffer }] => [`part-${i}`, { type: 'application/octet-stream', body: Buffer.from(e.data) }]),
  ]);
  const server = await serve(dist, extra);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    console.log(`workbook: ${path.relative(process.cwd(), file)} (${(bytes.length / 1e6).toFixed(1)} MB); ${RUNS} run(s) each, alternating`);
    const cli: number[] = [];
    const page: Awaited<ReturnType<typeof timePage>>[] = [];
    for (let r = 0; r < RUNS; r++) {
      cli.push(timeCli(file, out));
      page.push(await timePage(browser, server.url, file));
      console.log(`  run ${r + 1}: CLI ${ms(cli[r])}, page ${ms(page[r].total)} (opened in ${ms(page[r].opened)}; longest main-thread task ${ms(page[r].stallMax)})`);
    }
    const cliMs = medianOf(cli);
    const pageMs = medianOf(page.map((p) => p.total));
    const cliBytes = (await fs.stat(out)).size;
    console.log(`${'CLI: jixiao report, process start to exit'.padEnd(64)} ${ms(cliMs)}`);
    console.log(`${'page: file chosen → tables, issues, results shown'.padEnd(64)} ${ms(medianOf(page.map((p) => p.opened)))}`);
    console.log(`${'page: file chosen → computed workbook downloaded'.padEnd(64)} ${ms(pageMs)}`);
    console.log(`${'page / CLI'.padEnd(64)} ${(pageMs / cliMs).toFixed(2)}×  (target ≤ 2×: ${pageMs <= 2 * cliMs ? 'met' : 'MISSED'})`);
    console.log(`${'page: longest main-thread task during a run (median)'.padEnd(64)} ${ms(medianOf(page.map((p) => p.stallMax)))}`);
    console.log(`${'downloaded workbook / CLI output, bytes'.padEnd(64)} ${page[0].bytes.toLocaleString('en-US')} / ${cliBytes.toLocaleString('en-US')}`);
    for (const r of await inflateComparison(browser, server.url, largest.map((e) => ({ name: e.name, size: e.size })))) {
      console.log(`${`inflate ${r.name} (${(r.size / 1e6).toFixed(1)} MB), first / median: fflate`.padEnd(64)} ${ms(r.fflate[0])} / ${ms(r.fflate[1])}`);
      console.log(`${`  DecompressionStream (the page's worker uses it where it can)`.padEnd(64)} ${ms(r.stream[0])} / ${ms(r.stream[1])}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (require.main === module) {
  main().catch((e: Error) => {
    console.error(`bench:app failed: ${e.message}`);
    process.exitCode = 1;
  });
}
