/**
 * The held-out corpus (tests/fixtures/heldout/, `npm run corpus:heldout`) and its hand-written answer
 * keys: what a user must read for each file — which table, each project's budget and executed amount
 * in 分, the group and total sums, the issues at their cells. `mismatches` lists every difference as
 * a readable line, so a failing file shows all of what is wrong at once.
 */
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import type { Summary, SummaryGroup } from '../../src/core';

export const HELDOUT_DIR = path.join(__dirname, '..', 'fixtures', 'heldout');

export interface KeyProject {
  name: string;
  cell: string;
  budgetFen: number;
  executedFen: number | null;
  rateText: string;
}

export interface KeyFigures {
  name?: string;
  budgetFen: number;
  executedFen: number | null;
  rateProjects: number;
  rateText: string;
  unknownExecuted?: string[];
}

export interface KeyFindings {
  projects: KeyProject[];
  groups?: KeyFigures[];
  total: KeyFigures;
  /** For each code: exactly the cells it must be raised at ([] = never raised). */
  issues: Record<string, string[]>;
  /** Cell → text its issue's message must contain. */
  messages?: Record<string, string>;
}

export interface AnswerKey extends KeyFindings {
  producer: string;
  trap: string;
  tables: { funds: string; payments: string | null };
  /** Command-line options the file is run with (e.g. --as-of 2023-06-30); the Excel shell gets the same settings. */
  args?: string[];
  /** The command line stops with one line instead (exit code and what the line must say). */
  refused?: { exit: number; says: string[] };
  /** What Excel shows where it differs from the file as saved (it calculates formulas on opening). */
  excel?: KeyFindings;
}

/** The settings `args` stand for, as the pane would set them. */
export function keySettings(key: AnswerKey): { asOf?: string; fiscalYear?: number } {
  const a = key.args ?? [];
  const at = (flag: string) => (a.includes(flag) ? a[a.indexOf(flag) + 1] : undefined);
  const year = at('--year');
  return { ...(at('--as-of') ? { asOf: at('--as-of') } : {}), ...(year ? { fiscalYear: Number(year) } : {}) };
}

export function heldoutFiles(): string[] {
  return readdirSync(HELDOUT_DIR).filter((f) => f.endsWith('.xlsx')).sort();
}

export function answerKey(file: string): AnswerKey {
  return JSON.parse(readFileSync(path.join(HELDOUT_DIR, file.replace(/\.xlsx$/, '.answer.json')), 'utf8')) as AnswerKey;
}

const fen = (yuan: number | null) => (yuan === null ? null : Math.round(yuan * 100));

function figures(where: string, got: SummaryGroup | undefined, want: KeyFigures, out: string[]): void {
  if (!got) {
    out.push(`${where}: missing`);
    return;
  }
  const pairs: [string, unknown, unknown][] = [
    ['budget (分)', fen(got.budgetYuan), want.budgetFen],
    ['executed (分)', fen(got.executedYuan), want.executedFen],
    ['projects in the rate', got.rateBasisProjectCount, want.rateProjects],
    ['rate', got.rateText, want.rateText],
  ];
  if (want.unknownExecuted) pairs.push(['unknown executed', JSON.stringify(got.unknownExecuted), JSON.stringify(want.unknownExecuted)]);
  for (const [what, g, w] of pairs) if (g !== w) out.push(`${where} ${what}: got ${String(g)}, want ${String(w)}`);
}

/** Every way `s` differs from the key, one line each; [] when it matches. */
export function mismatches(s: Summary, key: KeyFindings): string[] {
  const out: string[] = [];
  const names = s.projects.map((p) => p.name);
  const wanted = key.projects.map((p) => p.name);
  if (JSON.stringify(names) !== JSON.stringify(wanted)) out.push(`projects: got ${JSON.stringify(names)}, want ${JSON.stringify(wanted)}`);
  for (const want of key.projects) {
    const got = s.projects.find((p) => p.name === want.name);
    if (!got) continue;
    const pairs: [string, unknown, unknown][] = [
      ['cell', got.cell, want.cell],
      ['budget (分)', fen(got.budgetYuan), want.budgetFen],
      ['executed (分)', fen(got.executedYuan), want.executedFen],
      ['rate', got.rateText, want.rateText],
    ];
    for (const [what, g, w] of pairs) if (g !== w) out.push(`${want.name} ${what}: got ${String(g)}, want ${String(w)}`);
  }
  for (const g of key.groups ?? []) figures(`group ${g.name}`, s.groups.find((x) => x.name === g.name), g, out);
  figures('total', s.totals ?? undefined, key.total, out);
  for (const [code, cells] of Object.entries(key.issues)) {
    const got = s.issues.filter((i) => i.code === code).map((i) => i.cell);
    if (JSON.stringify([...got].sort()) !== JSON.stringify([...cells].sort())) out.push(`${code}: got ${JSON.stringify(got)}, want ${JSON.stringify(cells)}`);
  }
  for (const [cell, text] of Object.entries(key.messages ?? {})) {
    if (!s.issues.some((i) => i.cell === cell && i.message.includes(text))) out.push(`no issue at ${cell} saying “${text}”`);
  }
  return out;
}
