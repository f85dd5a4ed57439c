#!/usr/bin/env node
/**
 * Prints the task pane's JavaScript weight after `npm run build`: the initial chunks (the <script>s
 * of dist/taskpane.html) and the chunks loaded on demand (docx …), gzipped. Exits 1 when the initial
 * JavaScript exceeds the budget — the pane loads over the department's network on every open.
 * The browser page (dist/app.html) is listed on its own: its scripts and its Web Worker, which the
 * add-in never loads (the budget is the pane's; the page is opened once per session or from disk).
 *
 *   node scripts/bundle-size.js [distDir]
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const BUDGET_BYTES = 300 * 1000; // 300 kB gzipped

/** Local script files a page loads at start (office.js from Microsoft's CDN is not ours to count). */
function initialScripts(html) {
  const out = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/gi)) {
    const src = m[1] ?? m[2] ?? m[3];
    if (!/^[a-z]+:|^\/\//i.test(src)) out.push(src.replace(/^\.?\//, ''));
  }
  return out;
}

/** The Web Worker a page starts (app.html names its bundle in <meta name="jixiao-worker">). */
function workerScripts(html) {
  return [...html.matchAll(/<meta\b[^>]*\bname="?jixiao-worker"?[^>]*\bcontent="?([^"\s>]+)"?/gi)].map((m) => m[1].replace(/^\.?\//, ''));
}

function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

function main() {
  const dist = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist'));
  const pane = path.join(dist, 'taskpane.html');
  if (!fs.existsSync(pane)) {
    console.error(`bundle-size: ${pane} not found; run \`npm run build\` first.`);
    process.exit(2);
  }
  const pages = fs.readdirSync(dist).filter((f) => f.endsWith('.html'));
  const html = (p) => fs.readFileSync(path.join(dist, p), 'utf8');
  const initialOfAnyPage = new Set(pages.flatMap((p) => initialScripts(html(p))));
  const workers = new Set(pages.flatMap((p) => workerScripts(html(p))));
  const initial = initialScripts(html('taskpane.html'));
  // A chunk no page loads at start, and no page starts as its worker, is loaded on demand (import()), by the pane or by a command.
  const lazy = fs.readdirSync(dist).filter((f) => f.endsWith('.js') && !initialOfAnyPage.has(f) && !workers.has(f));

  const rows = (files) => files.map((f) => ({ file: f, raw: fs.statSync(path.join(dist, f)).size, gz: gzipSize(path.join(dist, f)) }));
  const initialRows = rows(initial);
  const lazyRows = rows(lazy);
  const total = initialRows.reduce((n, r) => n + r.gz, 0);
  const print = (r) => console.log(`  ${r.file.padEnd(34)} ${kb(r.raw).padStart(10)} raw ${kb(r.gz).padStart(10)} gzipped`);

  console.log('Task pane JavaScript (dist/taskpane.html):');
  console.log(' initial');
  initialRows.forEach(print);
  console.log(` initial total: ${kb(total)} gzipped (budget ${kb(BUDGET_BYTES)})`);
  console.log(' loaded on demand');
  lazyRows.forEach(print);
  console.log(` on-demand total: ${kb(lazyRows.reduce((n, r) => n + r.gz, 0))} gzipped`);
  if (pages.includes('app.html')) {
    const appRows = rows(initialScripts(html('app.html')));
    const workerRows = rows(workerScripts(html('app.html')));
    console.log('Browser page JavaScript (dist/app.html; not loaded by the add-in):');
    console.log(' page');
    appRows.forEach(print);
    console.log(' its Web Worker (reader, core, patcher, Word)');
    workerRows.forEach(print);
    console.log(` page total: ${kb([...appRows, ...workerRows].reduce((n, r) => n + r.gz, 0))} gzipped`);
  }
  if (total > BUDGET_BYTES) {
    console.error(`bundle-size: initial task-pane JavaScript is ${kb(total)} gzipped, over the ${kb(BUDGET_BYTES)} budget.`);
    process.exit(1);
  }
}

if (require.main === module) main();
module.exports = { initialScripts, workerScripts, BUDGET_BYTES };
