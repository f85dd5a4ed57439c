/**
 * The suites Stryker runs against each mutant (`npm run mutation`, see docs/mutation.md). Stryker's
 * jest runner loads every suite of the config for every mutant, so each part gets only the suites
 * that prove its rules with small fixtures: MUTATION_PART=report the report's document-model
 * suites, MUTATION_PART=cli the option suites, otherwise (the core's rules and table reading) the
 * core suites. Left out on purpose: the .xlsx reader/patcher, Excel-shell, task-pane, browser and
 * corpus/property suites — they run the whole pipeline on real workbooks and would cost seconds per
 * mutant on 2 shared cores. A rule is proven by its own fixture, or it counts as not proven.
 */
const base = require('./jest.config.js');

const SUITES = {
  core: ['<rootDir>/tests/core/**/*.test.ts'],
  report: ['<rootDir>/tests/report/{edge,numbering,render,sample,unit}.test.ts'],
  cli: ['options', 'valid-options', 'settings-schema', 'clock'].map((f) => `<rootDir>/tests/cli/${f}.test.ts`),
};
const part = process.env.MUTATION_PART;

module.exports = {
  ...base,
  roots: ['<rootDir>/tests'],
  testMatch: SUITES[part === 'report' || part === 'cli' ? part : 'core'],
  testSequencer: '<rootDir>/tests/setup/mutation-sequencer.js',
};
