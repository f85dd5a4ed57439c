/**
 * The README's command-line section stays true to the code: the settings-file table is the one the
 * schema generates, and every option of the help text is mentioned.
 */
import { readFileSync } from 'fs';
import { OPTIONS } from '../../src/cli/options';
import { BEGIN, END, README, settingsTable, withSettingsTable } from '../../scripts/settings-doc';

const readme = readFileSync(README, 'utf8');

it('has the settings table generated from src/core/settings-schema.ts (npm run docs:settings rewrites it)', () => {
  expect(readme).toContain(`${BEGIN}\n${settingsTable()}\n${END}`);
  expect(withSettingsTable(readme)).toBe(readme);
  for (const field of ['fiscalYear', 'asOf', 'rateDisplay', 'amountDisplay', 'progressMethod', 'reasonThreshold', 'mapping']) expect(settingsTable()).toContain(`| \`${field}\` |`);
});

it('mentions every option of the command line', () => {
  const section = readme.slice(readme.indexOf('## The command line'), readme.indexOf('## The Excel add-in'));
  for (const o of OPTIONS) expect(section).toContain(`--${o.name}`);
});
