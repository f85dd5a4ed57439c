#!/usr/bin/env node
/**
 * `npm run try`: the task pane in your own browser, without Excel. Builds the pane (or reuses a fresh
 * dist/), loads a workbook into the simulated Excel that the browser test uses, and serves it on
 * http://localhost:3001/ — or on the next free port when 3001 is taken. Changes stay in the page's
 * memory; reload to start again.
 *
 *   npm run try                                  the sample workbook, in Chinese
 *   npm run try -- --lang en-US                  Office's display language English
 *   npm run try -- --theme dark                  Office's dark theme
 *   npm run try -- --workbook 我的预算.xlsx       your own workbook (read with exceljs, never modified)
 *   npm run try -- --platform Mac | --no-host    Excel for Mac (no downloads) / a plain browser
 *   npm run try -- --excel-api 1.1               an Excel too old for the pane (Office 2016)
 *   npm run try -- --port 3005
 */
require('./ts-require');
const fs = require('fs');
const path = require('path');
const { buildPaneSite, sampleWorkbook, servePaneSite, writeTestPage, ROOT, TEST_PAGE } = require('../tests/browser/pane-site.ts');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** A mistake the person can fix, said in one line (no stack trace). */
class Refusal extends Error {}

async function main() {
  const wanted = Number(option('port', '3001'));
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > 65535) throw new Refusal(`--port must be a port number (1–65535), not "${option('port')}".`);
  const workbookPath = option('workbook');
  if (workbookPath && !fs.existsSync(workbookPath)) throw new Refusal(`the workbook ${workbookPath} does not exist.`);
  const outDir = path.join(ROOT, 'out', 'try-pane');
  console.log('Building the task pane (production)…');
  const { reusedDist } = await buildPaneSite(outDir);
  console.log(reusedDist ? '  reused the fresh dist/ from `npm run build`' : '  built into out/try-pane/');
  let data;
  try {
    data = workbookPath ? await require('../src/testing/fake-excel/load-xlsx.ts').loadXlsxIntoFake(path.resolve(workbookPath)) : await sampleWorkbook();
  } catch (e) {
    throw new Refusal(`could not read ${workbookPath ?? 'the sample workbook'} as an .xlsx file (${e instanceof Error ? e.message : e}).`);
  }
  const dark = option('theme', 'light') === 'dark';
  const options = {
    excelApi: option('excel-api', '1.4'),
    displayLanguage: option('lang', 'zh-CN'),
    platform: option('platform', 'OfficeOnline'),
    host: process.argv.includes('--no-host') ? null : 'Excel',
    officeTheme: dark ? { isDarkTheme: true, bodyBackgroundColor: '#262626', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#333333', controlForegroundColor: '#ffffff' } : undefined,
  };
  // A same-origin script, not an inline one: the page keeps the pane's Content-Security-Policy.
  fs.writeFileSync(path.join(outDir, 'workbook.js'), `window.__FAKE_WORKBOOK__ = ${JSON.stringify(data)};\nwindow.__FAKE_EXCEL_OPTIONS__ = ${JSON.stringify(options)};\n`);
  writeTestPage(outDir, 'workbook.js');
  const server = await servePaneSite(outDir, wanted, '127.0.0.1');
  const port = new URL(server.url).port;
  if (Number(port) !== wanted) console.log(`\nPort ${wanted} is in use; using ${port} instead.`);
  console.log(`\nThe task pane with ${workbookPath ?? 'the sample workbook'} in a simulated Excel:\n\n  http://localhost:${port}/${TEST_PAGE}\n`);
  console.log('In the browser console, __fakeExcel.controls.values("项目资金", "K5:Q8") shows the cells the pane wrote. Ctrl+C stops.');
}

main().catch((e) => {
  if (e instanceof Refusal) console.error(`npm run try: ${e.message}`);
  else if (e && e.code === 'EADDRINUSE') console.error('npm run try: no free port found near the one asked for; pass another with --port 3005.');
  else console.error(`npm run try: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
