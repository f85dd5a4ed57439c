#!/usr/bin/env node
/**
 * `npm run mutation [part…]`: mutation testing of the finance rules, one Stryker run per part
 * (stryker.config.mjs: rules, amounts, reading, report, cli; all of them when none is named), each niced so the
 * machine stays usable, then the score of every part that has a report in reports/mutation/.
 * `npm run mutation -- --score` only prints the scores. Slow (tens of minutes a part); not in CI.
 * Other `--name=value` options go to Stryker as they are: on a busy machine
 * `npm run mutation -- rules --concurrency=1 --timeoutMS=30000` keeps a slow run from being counted as a timeout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PARTS = ['rules', 'amounts', 'reading', 'report', 'cli'];
const args = process.argv.slice(2);
const scoreOnly = args.includes('--score');
const chosen = args.filter((a) => !a.startsWith('--'));
const strykerOptions = args.filter((a) => a.startsWith('--') && a !== '--score');
for (const o of strykerOptions) if (!/^--[A-Za-z.]+=\S+$/.test(o)) throw new Error(`Give Stryker options as --name=value (got "${o}").`);
for (const p of chosen) if (!PARTS.includes(p)) throw new Error(`Unknown part "${p}": choose from ${PARTS.join(', ')}.`);

/**
 * Which suite holds which test (by jest's full test name), for tests/setup/mutation-sequencer.js:
 * a mutant then loads only the suites holding the tests that cover it.
 */
function writeTestMap(part) {
  const results = path.resolve(`reports/mutation/${part}-tests.json`);
  const env = { ...process.env, MUTATION_PART: part };
  const r = spawnSync('nice', ['-n', '10', 'npx', 'jest', '-c', 'jest.mutation.config.js', '--json', `--outputFile=${results}`], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (r.status !== 0) throw new Error(`The ${part} suites fail without any mutant: fix them before mutation testing.`);
  const map = {};
  for (const suite of JSON.parse(readFileSync(results, 'utf8')).testResults) {
    map[path.relative(process.cwd(), suite.name).split(path.sep).join('/')] = suite.assertionResults.map((a) => a.fullName);
  }
  const file = path.resolve(`reports/mutation/${part}-test-map.json`);
  writeFileSync(file, JSON.stringify(map));
  return file;
}

if (!scoreOnly) {
  mkdirSync('reports/mutation', { recursive: true });
  for (const part of chosen.length ? chosen : PARTS) {
    const env = { ...process.env, MUTATION_PART: part, MUTATION_TEST_MAP: writeTestMap(part) };
    const r = spawnSync('nice', ['-n', '10', 'npx', 'stryker', 'run', 'stryker.config.mjs', ...strykerOptions], { stdio: 'inherit', env });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

/** Killed ÷ (killed + survived + no coverage), as Stryker's "mutation score" counts it; timeouts count as killed. */
function score(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const n = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, CompileError: 0, RuntimeError: 0 };
  for (const f of Object.values(report.files)) for (const m of f.mutants) n[m.status] = (n[m.status] ?? 0) + 1;
  const valid = n.Killed + n.Timeout + n.Survived + n.NoCoverage;
  return { ...n, valid, score: valid ? (100 * (n.Killed + n.Timeout)) / valid : 0 };
}

console.log('part      score   killed  survived  no-cov  (ignored)');
for (const part of PARTS) {
  const file = `reports/mutation/${part}.json`;
  if (!existsSync(file)) continue;
  const s = score(file);
  console.log(`${part.padEnd(9)} ${s.score.toFixed(2).padStart(6)}%  ${String(s.Killed + s.Timeout).padStart(6)}  ${String(s.Survived).padStart(8)}  ${String(s.NoCoverage).padStart(6)}  (${s.Ignored})`);
}
