#!/usr/bin/env node
// Entry point of `npx jixiao`: runs the compiled command line (built by `npm run build:cli`, which
// `npm ci` runs through the prepare script).
require('../lib/src/cli/main.js').main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
