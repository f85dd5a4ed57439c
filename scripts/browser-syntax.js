#!/usr/bin/env node
/**
 * Which built scripts use JavaScript syntax an old Chromium cannot parse. The page promises Chromium 86
 * and newer (older 360 / 奇安信 builds); one class static block anywhere in a bundle and the whole script
 * fails to parse there, so the page stays blank. webpack.config.js transpiles node_modules for that
 * floor; this is the check that it did.
 *
 *   node scripts/browser-syntax.js [distDir]     lists every finding, exits 1 if there is one
 *
 * Each script is parsed with acorn as ES2022 (a classic script, as the pages and the worker load it),
 * then searched for the ES2022 syntax Chromium 86 lacks. Syntax newer than ES2022 does not parse at all
 * and is reported as such. Chromium 86 has everything up to ES2021 and ES2022's class fields and
 * private methods (74/84); it lacks:
 */
const fs = require('fs');
const path = require('path');
const acorn = require('acorn');

/** ES2022 syntax Chromium 86 cannot parse, and the first Chromium that can. */
const TOO_NEW = {
  StaticBlock: 'class static block `static { … }` (Chromium 94)',
  PrivateIn: 'private brand check `#x in obj` (Chromium 91)',
  RegExpIndices: 'RegExp match-indices flag /…/d (Chromium 90)',
};

/** Every node of an ESTree, depth first. */
function* nodes(node) {
  if (!node || typeof node.type !== 'string') return;
  yield node;
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'start' || key === 'end') continue;
    const value = node[key];
    if (Array.isArray(value)) for (const v of value) yield* nodes(v);
    else if (value && typeof value === 'object' && typeof value.type === 'string') yield* nodes(value);
  }
}

/**
 * The syntax in `source` that Chromium 86 cannot parse: [{ feature, line, column }], empty when it parses there.
 */
function syntaxNewerThanChromium86(source) {
  let ast;
  try {
    ast = acorn.parse(source, { ecmaVersion: 2022, sourceType: 'script', locations: true, allowHashBang: false });
  } catch (e) {
    // Anything newer than ES2022 (or a module's top-level await in a classic script) does not parse at all.
    return [{ feature: `does not parse as ES2022: ${e.message}`, line: e.loc?.line ?? 0, column: e.loc?.column ?? 0 }];
  }
  const found = [];
  const at = (n, feature) => found.push({ feature, line: n.loc.start.line, column: n.loc.start.column });
  for (const n of nodes(ast)) {
    if (n.type === 'StaticBlock') at(n, TOO_NEW.StaticBlock);
    else if (n.type === 'BinaryExpression' && n.operator === 'in' && n.left.type === 'PrivateIdentifier') at(n, TOO_NEW.PrivateIn);
    else if (n.type === 'Literal' && n.regex && n.regex.flags.includes('d')) at(n, TOO_NEW.RegExpIndices);
  }
  return found;
}

/** The inline scripts of an HTML page that run as JavaScript: classic scripts, and the single-file page's worker source. */
function inlineScripts(html) {
  const out = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1];
    if (/\bsrc\s*=/i.test(attrs)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    const workerSource = /\bid\s*=\s*["']?jixiao-worker-source\b/i.test(attrs);
    if (type && type !== 'text/javascript' && type !== 'application/javascript' && !workerSource) continue;
    if (m[2].trim()) out.push(m[2]);
  }
  return out;
}

/** Every finding in dist/: each .js file, and each page's inline scripts. */
function checkDist(dist) {
  const findings = [];
  for (const f of fs.readdirSync(dist).sort()) {
    const file = path.join(dist, f);
    if (f.endsWith('.js')) {
      for (const x of syntaxNewerThanChromium86(fs.readFileSync(file, 'utf8'))) findings.push({ file: f, ...x });
    } else if (f.endsWith('.html')) {
      inlineScripts(fs.readFileSync(file, 'utf8')).forEach((src, i) => {
        for (const x of syntaxNewerThanChromium86(src)) findings.push({ file: `${f} <script> #${i + 1}`, ...x });
      });
    }
  }
  return findings;
}

function main() {
  const dist = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist'));
  const findings = checkDist(dist);
  for (const f of findings) console.log(`${f.file}:${f.line}:${f.column}  ${f.feature}`);
  if (findings.length) {
    console.error(`browser-syntax: ${findings.length} place(s) in ${dist} that Chromium 86 cannot parse.`);
    process.exit(1);
  }
  console.log(`browser-syntax: every script in ${dist} parses in Chromium 86.`);
}

if (require.main === module) main();
module.exports = { syntaxNewerThanChromium86, inlineScripts, checkDist, TOO_NEW };
