/**
 * The check that keeps the page parseable in Chromium 86 (older 360 / 奇安信 builds): what it reports
 * and what it lets through. The built site itself is checked in tests/browser/app.browser.test.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { syntaxNewerThanChromium86, inlineScripts } = require('../../scripts/browser-syntax') as {
  syntaxNewerThanChromium86(source: string): { feature: string; line: number; column: number }[];
  inlineScripts(html: string): string[];
};

const features = (source: string) => syntaxNewerThanChromium86(source).map((f) => f.feature);

test('a class static block — what tabster ships — is reported with its line and column', () => {
  const found = syntaxNewerThanChromium86('var a = 1;\nclass Focus { static { this.ready = true; } }');
  expect(found).toEqual([{ feature: 'class static block `static { … }` (Chromium 94)', line: 2, column: 14 }]);
});

test('the other ES2022 syntax Chromium 86 lacks is reported: #x in obj, the /d flag', () => {
  expect(features('class A { #x = 1; static is(o) { return #x in o; } }')).toEqual(['private brand check `#x in obj` (Chromium 91)']);
  expect(features('var m = /a(b)/d.exec("ab");')).toEqual(['RegExp match-indices flag /…/d (Chromium 90)']);
});

test('syntax newer than ES2022, or a module’s top-level await in a classic script, does not parse and is reported as such', () => {
  expect(features('await Promise.resolve(1);')[0]).toMatch(/^does not parse as ES2022: /);
  expect(features('var s = /[\\p{L}--[a-z]]/v;')[0]).toMatch(/^does not parse as ES2022: /);
});

test('what Chromium 86 does run passes: class fields, private methods, ?. ??, ??=, numeric separators, async', () => {
  const ok = `
    class Pane { count = 0; #secret = 1; static version = 2; #tick() { return this.#secret; } get n() { return this.#tick(); } }
    var o = { a: { b: null } }; var x = o?.a?.b ?? 3; x ||= 4; x &&= 5; x ??= 6; var big = 1_000_000n;
    async function* f() { for await (const v of []) yield v; }
    try { JSON.parse('x'); } catch { }
  `;
  expect(syntaxNewerThanChromium86(ok)).toEqual([]);
});

test('a page’s scripts that run are checked — classic scripts and the single-file page’s worker source — not JSON or src=', () => {
  const html = `<head><script type="application/json">{"static": 1}</script><script src="app.js"></script></head>
    <body><script type="text/plain" id="jixiao-worker-source">class W { static { } }</script><script>var a = 1;</script></body>`;
  expect(inlineScripts(html)).toEqual(['class W { static { } }', 'var a = 1;']);
});
