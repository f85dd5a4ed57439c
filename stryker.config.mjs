/**
 * Mutation testing of the finance rules (docs/mutation.md): `npm run mutation [part…]` runs
 * scripts/mutation.mjs, which runs Stryker once per part with MUTATION_PART set. Each part has its
 * own mutated files, its own jest suites, and its own reports and incremental file in reports/mutation/.
 */
const RULES = '{validate,compute,rate,notes,rate-basis,settings,summary}';
const AMOUNTS = '{money,dates,match,read-payments,read-cells,text,cell-text,address,issues,analyze}';
const PARTS = {
  // The checks, rates, deviation notes, totals and period a finance officer signs.
  rules: { mutate: [`src/core/${RULES}.ts`], jest: 'jest.mutation.config.js' },
  // Amounts and dates as typed, payments matched to projects, the whole run put together.
  amounts: { mutate: [`src/core/${AMOUNTS}.ts`], jest: 'jest.mutation.config.js' },
  // Finding the tables and reading their rows; the write plan; the settings schema.
  reading: { mutate: ['src/core/*.ts', `!src/core/${RULES}.ts`, `!src/core/${AMOUNTS}.ts`], jest: 'jest.mutation.config.js' },
  // The report's document model and renderers (src/core/report).
  report: { mutate: ['src/core/report/**/*.ts'], jest: 'jest.mutation.config.js' },
  // The command line's option handling: malformed values refused, valid ones taking effect.
  cli: { mutate: ['src/cli/options.ts', 'src/cli/settings-args.ts'], jest: 'jest.mutation.config.js' },
};

const part = process.env.MUTATION_PART ?? 'rules';
const spec = PARTS[part];
if (!spec) throw new Error(`MUTATION_PART must be one of ${Object.keys(PARTS).join(', ')}`);

export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: spec.jest, enableFindRelatedTests: false },
  mutate: spec.mutate,
  // Issue and note wording is asserted by the rule tests where a user reads it; mutating every string
  // and regular expression would double the run for mutants no finance figure depends on.
  mutator: { excludedMutations: ['StringLiteral', 'Regex'] },
  // Module-level tables (issue codes, field synonyms, the settings schema) would rerun every test per mutant.
  ignoreStatic: true,
  ignorePatterns: ['lib', 'dist', 'out', 'coverage', 'reports', 'test-artifacts', '.stryker-tmp*', 'bench', 'assets'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // A mutant that loops forever is stopped after this much more than the tests' own time.
  timeoutMS: 10000,
  incremental: true,
  incrementalFile: `reports/mutation/${part}-incremental.json`,
  reporters: ['html', 'json', 'clear-text', 'progress-append-only'],
  htmlReporter: { fileName: `reports/mutation/${part}.html` },
  jsonReporter: { fileName: `reports/mutation/${part}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: `.stryker-tmp-${part}`,
  cleanTempDir: true,
};
