/**
 * Lets a plain `node` script require the repository's TypeScript (tests/browser/pane-site.ts and what
 * it imports), compiled on the fly by swc — the same compiler jest and webpack use here.
 */
const fs = require('fs');
const path = require('path');
const { transformSync } = require('@swc/core');

const nodeModules = `${path.sep}node_modules${path.sep}`;

function compileTs(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    swcrc: false,
    jsc: { parser: { syntax: 'typescript', tsx: filename.endsWith('.tsx') }, target: 'es2022', transform: { react: { runtime: 'automatic' } } },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
}

for (const ext of ['.ts', '.tsx']) {
  const previous = require.extensions[ext];
  require.extensions[ext] = (module, filename) => (filename.includes(nodeModules) && previous ? previous(module, filename) : compileTs(module, filename));
}
