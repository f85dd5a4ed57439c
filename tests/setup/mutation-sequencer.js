/**
 * Used only by jest.mutation.config.js. Stryker's jest runner runs every suite of the config for
 * every mutant, filtered by test name (testNamePattern = the tests that cover the mutant); loading
 * each suite costs more than its tests. This sequencer keeps only the suites that hold a covering
 * test, from the map of test names to suites that scripts/mutation.mjs writes before each part
 * (MUTATION_TEST_MAP). A suite missing from the map is always kept, and if nothing would be kept
 * every suite runs: a mutant is never judged on fewer tests than cover it.
 */
const fs = require('fs');
const path = require('path');
const Sequencer = require('@jest/test-sequencer').default;

let map;

class MutationSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.config = options.globalConfig;
  }

  sort(tests) {
    const sorted = super.sort(tests);
    const pattern = this.config.testNamePattern;
    const file = process.env.MUTATION_TEST_MAP;
    if (!pattern || !file || !fs.existsSync(file)) return sorted;
    map ??= JSON.parse(fs.readFileSync(file, 'utf8'));
    const re = new RegExp(pattern, 'i');
    const kept = sorted.filter((t) => {
      const names = map[path.relative(this.config.rootDir, t.path).split(path.sep).join('/')];
      return !names || names.some((n) => re.test(n));
    });
    return kept.length ? kept : sorted;
  }
}

module.exports = MutationSequencer;
