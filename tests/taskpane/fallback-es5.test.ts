/**
 * The pages' first scripts must run where our bundles cannot (Internet Explorer 11, the old Edge of
 * volume-licensed Office 2016/2019): they must parse as ECMAScript 5. acorn, set to ES5, is the judge.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { parse } from 'acorn';

const ROOT = path.join(__dirname, '..', '..');
const FALLBACKS = ['src/static/taskpane-fallback.js', 'src/static/commands-fallback.js'];

const parsesAsEs5 = (code: string) => () => parse(code, { ecmaVersion: 5, sourceType: 'script' });

test.each(FALLBACKS)('%s parses as ECMAScript 5', (file) => {
  expect(parsesAsEs5(readFileSync(path.join(ROOT, file), 'utf8'))).not.toThrow();
});

test('the ES5 parser refuses what our bundles are made of, so the check above means something', () => {
  expect(parsesAsEs5('var big = 10n;')).toThrow();
  expect(parsesAsEs5('var f = () => 1;')).toThrow();
  expect(parsesAsEs5('const x = 1;')).toThrow();
  expect(parsesAsEs5('var s = `a`;')).toThrow();
  expect(parsesAsEs5('var o = { ...p };')).toThrow();
  expect(parsesAsEs5('var x = 1; function f() { return x; }')).not.toThrow();
});

test('each page loads its fallback first, before office.js and before any bundle', () => {
  for (const [page, script] of [
    ['src/taskpane/taskpane.html', 'taskpane-fallback.js'],
    ['src/commands/commands.html', 'commands-fallback.js'],
  ]) {
    const html = readFileSync(path.join(ROOT, page), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts[0]).toBe(script);
    expect(scripts[1]).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  }
});

test('taskpane.html carries the message itself, in both languages, with which Excel works and what to do instead', () => {
  const html = readFileSync(path.join(ROOT, 'src/taskpane/taskpane.html'), 'utf8');
  const block = /<div id="startup-fallback"[\s\S]*?<!-- \/startup-fallback -->/.exec(html)?.[0] ?? '';
  const text = block.replace(/<[^>]+>/g, '');
  expect(text).toContain('Microsoft 365、Office 2021 或更新版本的 Excel');
  expect(text).toContain('网页版 Excel');
  expect(text).toContain('npx jixiao report');
  expect(text).toContain('Microsoft 365, Office 2021 or later');
  expect(text).toContain('Excel on the web');
});
