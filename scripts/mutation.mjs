#!/usr/bin/env node
/**
 * `npm run mutation [part…]`: mutation testing of the finance rules, one Stryker run per part
 * (stryker.config.mjs: rules, reading, report, cli; all four when none is named), each niced so the
 * machine stays usable, then the score of every part that has a report in reports/mutation/.
 * `npm run mutation -- --score` only prints the scores. Slow (tens of minutes a part); not in CI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const PARTS = ['rules', 'reading', 'report', 'cli'];
const args = process.argv.slice(2);
const scoreOnly = args.includes('--score');
const chosen = args.filter((a) => !a.startsWith('--'));
for (const p of chosen) if (!PARTS.includes(p)) throw new Error(`Unknown part "${p}": choose from ${PARTS.join(', ')}.`);

if (!scoreOnly) {
  for (const part of chosen.length ? chosen : PARTS) {
    const r = spawnSync('nice', ['-n', '10', 'npx', 'stryker', 'run', 'stryker.config.mjs'], { stdio: 'inherit', env: { ...process.env, MUTATION_PART: part } });
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
