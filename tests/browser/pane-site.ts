/**
 * The task pane as a local web site running against the simulated Excel: the production build of the
 * pane, the fake's browser bundle in place of office.js, and a tiny static server on 127.0.0.1.
 * Used by the browser test and by `npm run try` (scripts/try-pane.js).
 */
import fs from 'fs';
import http from 'http';
import path from 'path';
import webpack, { Configuration } from 'webpack';
import type { FakeWorkbookData } from '../../src/testing/fake-excel';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SAMPLE_XLSX = path.join(ROOT, 'samples', '黔南州大数据局-2023预算执行.xlsx');
/** The page name the site serves the pane under (taskpane.html itself stays as built). */
export const TEST_PAGE = 'taskpane-fake.html';
export const NO_OFFICE_PAGE = 'taskpane-no-office.html';
export const COMMANDS_PAGE = 'commands-fake.html';

type MakeConfig = (env: Record<string, unknown>, argv: { mode: string }) => Promise<Configuration>;

function compile(configs: Configuration[]): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(configs, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true, errorDetails: true })));
      resolve();
    });
  });
}

// One cache per runtime: webpack loaded inside jest's module registry cannot read a cache written by plain node.
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'jixiao-pane-site', process.env.JEST_WORKER_ID ? 'jest' : 'node');

/** Newest modification time of the files a build depends on. */
function newestInput(): number {
  let newest = 0;
  const visit = (p: string) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) fs.readdirSync(p).forEach((f) => visit(path.join(p, f)));
    else newest = Math.max(newest, st.mtimeMs);
  };
  ['src', 'assets', 'webpack.config.js', 'scripts/single-file-page.js', 'package.json', 'package-lock.json'].map((f) => path.join(ROOT, f)).filter(fs.existsSync).forEach(visit);
  return newest;
}

/** dist/ from `npm run build` (production: hashed file names) that is newer than every input. */
export function freshProductionDist(dist = path.join(ROOT, 'dist')): boolean {
  const page = path.join(dist, 'taskpane.html');
  if (!fs.existsSync(page)) return false;
  const hashed = /taskpane\.[0-9a-f]{8}\.js/.test(fs.readFileSync(page, 'utf8'));
  return hashed && fs.statSync(page).mtimeMs >= newestInput();
}

/**
 * The production pane and the fake Excel's browser bundle in `outDir`. `npm test` has just run
 * `npm run build`, so a fresh dist/ is copied instead of built twice; otherwise the pane is built
 * here (with webpack's file cache, so a second run is quick).
 */
export async function buildPaneSite(outDir: string): Promise<{ reusedDist: boolean }> {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  // Several browser test files build the same site: the first keeps a copy, stamped with its inputs' time.
  const stamp = String(newestInput());
  const kept = path.join(CACHE_DIR, 'site');
  if (fs.existsSync(path.join(kept, 'STAMP')) && fs.readFileSync(path.join(kept, 'STAMP'), 'utf8') === stamp) {
    fs.cpSync(kept, outDir, { recursive: true });
    fs.rmSync(path.join(outDir, 'STAMP'));
    writeTestPage(outDir);
    return { reusedDist: false };
  }
  const built = await buildInto(outDir);
  // Written aside and renamed, so a test file starting in parallel never copies half a site.
  const fresh = `${kept}.${process.pid}`;
  fs.cpSync(outDir, fresh, { recursive: true });
  fs.writeFileSync(path.join(fresh, 'STAMP'), stamp);
  fs.rmSync(kept, { recursive: true, force: true });
  fs.renameSync(fresh, kept);
  writeTestPage(outDir);
  return built;
}

async function buildInto(outDir: string): Promise<{ reusedDist: boolean }> {
  // The project's own webpack config, a CommonJS module exporting a function.
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as MakeConfig;
  // The checked test flavour (npm run build:test): a production build that needs no ADDIN_URL.
  const pane = await makeConfig({ flavour: 'test' }, { mode: 'production' });
  const fake: Configuration = {
    name: 'fake-excel',
    mode: 'production',
    context: ROOT,
    devtool: false,
    entry: { 'fake-excel': path.join(ROOT, 'src/testing/fake-excel/browser-entry.ts') },
    output: { path: outDir, filename: '[name].js', clean: false },
    resolve: pane.resolve,
    module: pane.module,
    performance: false,
  };
  const reusedDist = freshProductionDist();
  if (reusedDist) {
    fs.cpSync(path.join(ROOT, 'dist'), outDir, { recursive: true });
    await compile([fake]);
  } else {
    pane.name = 'pane';
    pane.mode = 'production';
    pane.context = ROOT;
    // Every page as built (the ribbon's function file too: its ES5 fallback is tested here).
    pane.output = { ...pane.output, path: outDir, clean: false };
    pane.performance = false;
    pane.cache = { type: 'filesystem', cacheDirectory: CACHE_DIR, buildDependencies: { config: [path.join(ROOT, 'webpack.config.js'), path.join(ROOT, 'scripts/single-file-page.js')] } };
    await compile([pane, fake]);
  }
  return { reusedDist };
}

/**
 * The built taskpane.html with office.js swapped for the fake (and, for `npm run try`, a script that
 * sets the workbook first). Everything else — the CSP, the pane's scripts — stays as built.
 */
export function writeTestPage(outDir: string, dataScript?: string): void {
  const html = fs.readFileSync(path.join(outDir, 'taskpane.html'), 'utf8');
  const officeJs = /<script[^>]*src="?https:\/\/appsforoffice\.microsoft\.com\/[^>]*><\/script>/;
  if (!officeJs.test(html)) throw new Error('taskpane.html no longer loads office.js from appsforoffice.microsoft.com; update writeTestPage');
  const fakeScripts = `${dataScript ? `<script src="${dataScript}"></script>` : ''}<script src="fake-excel.js"></script>`;
  fs.writeFileSync(path.join(outDir, TEST_PAGE), html.replace(officeJs, fakeScripts));
  // As if office.js had failed to load (no route to Microsoft's CDN): no Office global at all.
  fs.writeFileSync(path.join(outDir, NO_OFFICE_PAGE), html.replace(officeJs, ''));
  // The ribbon's function file, on the fake too (its ES5 fallback is tested in Chromium).
  const commands = path.join(outDir, 'commands.html');
  if (fs.existsSync(commands)) fs.writeFileSync(path.join(outDir, COMMANDS_PAGE), fs.readFileSync(commands, 'utf8').replace(officeJs, fakeScripts));
}

/** The sample workbook as the fake's data (Node only: it reads the .xlsx with exceljs). */
export async function sampleWorkbook(): Promise<FakeWorkbookData> {
  const { loadXlsxIntoFake } = await import('../../src/testing/fake-excel/load-xlsx');
  return loadXlsxIntoFake(SAMPLE_XLSX);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json',
  '.xml': 'application/xml',
};

export interface PaneServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` read-only on `host`:`port`, or on the next free port when it is taken (`port` 0 = any free port). */
export async function servePaneSite(dir: string, port = 0, host = '127.0.0.1', tries = 20): Promise<PaneServer> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await listenOn(dir, port === 0 ? 0 : port + attempt, host);
    } catch (e) {
      const taken = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!taken || port === 0 || attempt + 1 >= tries) throw e;
    }
  }
}

function listenOn(dir: string, port: number, host: string): Promise<PaneServer> {
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || TEST_PAGE;
    const file = path.resolve(dir, name);
    if (!file.startsWith(path.resolve(dir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host === '127.0.0.1' ? '127.0.0.1' : host}:${actual}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
