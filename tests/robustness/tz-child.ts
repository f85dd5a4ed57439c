/**
 * Run by tests/robustness/time-zone.test.ts in a child process whose TZ is the zone under test (jest
 * gives each test file its own copy of process.env, so TZ cannot be changed inside a test): runs the
 * command line on each workbook named at a fixed instant and prints, as JSON, what it printed and
 * wrote, and what "today" is without a zone given.
 */
import { readFileSync } from 'fs';
import { today } from '../../src/cli/clock';
import { defaultDeps, main } from '../../src/cli/main';
import { localToday } from '../../src/excel/host';

interface Job {
  args: string[];
  json: string;
}

async function go(): Promise<void> {
  const { instant, jobs } = JSON.parse(process.argv[2]) as { instant: string; jobs: Job[] };
  const now = () => new Date(instant);
  const write = process.stdout.write.bind(process.stdout);
  const runs = [];
  for (const job of jobs) {
    let printed = '';
    process.stdout.write = ((s: string | Uint8Array) => ((printed += String(s)), true)) as typeof process.stdout.write;
    let code: number;
    try {
      code = await main([...job.args, '--json', job.json], { ...defaultDeps, clock: { now, timeZone: 'Asia/Shanghai' } });
    } finally {
      process.stdout.write = write;
    }
    runs.push({ code, printed: printed.split(job.json).join('JSON'), summary: JSON.parse(readFileSync(job.json, 'utf8')) });
  }
  write(JSON.stringify({ offset: new Date(instant).getTimezoneOffset(), today: today({ now }), addinToday: localToday(now()), runs }));
}

void go();
