#!/usr/bin/env node
/**
 * `npm run try`: the task pane in your own browser, without Excel. Builds the pane (or reuses a fresh
 * dist/), loads a workbook into the simulated Excel that the browser test uses, and serves it on
 * http://localhost:3001/. Changes stay in the page's memory; reload to start again.
 *
 *   npm run try                                  the sample workbook, in Chinese
 *   npm run try -- --lang en-US                  Office's display language English
 *   npm run try -- --workbook 我的预算.xlsx       your own workbook (read with exceljs, never modified)
 *   npm run try -- --platform Mac | --no-host    Excel for Mac (no downloads) / a plain browser
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

async function main() {
  const port = Number(option('port', '3001'));
  const workbookPath = option('workbook');
  const outDir = path.join(ROOT, 'out', 'try-pane');
  console.log('Building the task pane (production)…');
  const { reusedDist } = await buildPaneSite(outDir);
  console.log(reusedDist ? '  reused the fresh dist/ from `npm run build`' : '  built into out/try-pane/');
  const data = workbookPath
    ? await require('../src/testing/fake-excel/load-xlsx.ts').loadXlsxIntoFake(path.resolve(workbookPath))
    : await sampleWorkbook();
  const options = {
    excelApi: '1.4',
    displayLanguage: option('lang', 'zh-CN'),
    platform: option('platform', 'OfficeOnline'),
    host: process.argv.includes('--no-host') ? null : 'Excel',
  };
  // A same-origin script, not an inline one: the page keeps the pane's Content-Security-Policy.
  fs.writeFileSync(path.join(outDir, 'workbook.js'), `window.__FAKE_WORKBOOK__ = ${JSON.stringify(data)};\nwindow.__FAKE_EXCEL_OPTIONS__ = ${JSON.stringify(options)};\n`);
  writeTestPage(outDir, 'workbook.js');
  await servePaneSite(outDir, port, '127.0.0.1');
  console.log(`\nThe task pane with ${workbookPath ?? 'the sample workbook'} in a simulated Excel:\n\n  http://localhost:${port}/${TEST_PAGE}\n`);
  console.log('In the browser console, __fakeExcel.controls.values("项目资金", "K5:Q8") shows the cells the pane wrote. Ctrl+C stops.');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
