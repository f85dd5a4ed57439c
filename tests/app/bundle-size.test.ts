/**
 * scripts/bundle-size.js on a small dist/: the browser page's worker is listed with the page, never as
 * one of the add-in's on-demand chunks, and the pane's budget counts only what taskpane.html loads.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'bundle-size.js');

let dist: string;

beforeAll(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-size-'));
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dist, name), text);
  write('taskpane.html', '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script><script src="vendors-1.aaaaaaaa.js"></script><script src="taskpane.bbbbbbbb.js"></script>');
  write('app.html', '<meta name="jixiao-worker" content="app-worker.cccccccc.js" /><script src="vendors-1.aaaaaaaa.js"></script><script src="app.dddddddd.js"></script>');
  for (const f of ['vendors-1.aaaaaaaa.js', 'taskpane.bbbbbbbb.js', 'app-worker.cccccccc.js', 'app.dddddddd.js', 'docx.eeeeeeee.js']) write(f, `/* ${f} */ var x = ${JSON.stringify(f.repeat(50))};`);
});

afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

test('the worker and the page are listed under the browser page; the add-in’s on-demand chunks are only what no page loads or starts', () => {
  const run = spawnSync(process.execPath, [SCRIPT, dist], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  const [pane, page] = run.stdout.split('Browser page JavaScript (dist/app.html; not loaded by the add-in):');
  const onDemand = pane.slice(pane.indexOf(' loaded on demand'));
  expect(onDemand).toContain('docx.eeeeeeee.js');
  expect(onDemand).not.toContain('app-worker');
  expect(onDemand).not.toContain('app.dddddddd.js');
  expect(pane.slice(0, pane.indexOf(' loaded on demand'))).not.toContain('app.dddddddd.js');
  expect(page).toMatch(/ page\n {2}vendors-1\.aaaaaaaa\.js[^\n]*\n {2}app\.dddddddd\.js/);
  expect(page).toMatch(/its Web Worker[^\n]*\n {2}app-worker\.cccccccc\.js/);
});
