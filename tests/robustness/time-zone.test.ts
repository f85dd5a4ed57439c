/**
 * No result depends on the time zone of the machine that runs the tool or the tests: the same
 * workbook, at the same injected instant, gives the same figures, issues and dates whether the
 * process runs in UTC, Los Angeles (UTC−8), Shanghai (UTC+8) or Kiritimati (UTC+14). Only "today"
 * follows a zone — the user's (given, or the machine's own when none is given, as on a clerk's PC).
 */
import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';
import { localDate } from '../../src/cli/clock';
import type { Summary } from '../../src/core';
import { SAMPLE } from '../helpers/cli';
import { cleanBook, scratchDir } from '../cli/sim-fs';

const ROOT = path.join(__dirname, '..', '..');
/** 07:30 on 15 January 2024 in China; UTC still says the 14th. */
const INSTANT = '2024-01-14T23:30:00Z';
const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati'];
const dir = scratchDir('jixiao-tz-');

interface ZoneRun {
  offset: number;
  today: string;
  addinToday: string;
  runs: { code: number; printed: string; summary: Summary }[];
}

/** The command line on the sample and on a year-end workbook, in a process whose TZ is `zone`. */
async function inZone(zone: string, yearEnd: string): Promise<ZoneRun> {
  const tag = zone.replace(/\W/g, '-');
  const jobs = [
    { args: ['report', SAMPLE], json: path.join(dir, `${tag}-sample.json`) },
    { args: ['report', yearEnd, '--as-of', '2023-12-31'], json: path.join(dir, `${tag}-year-end.json`) },
  ];
  const { stdout } = await promisify(execFile)(process.execPath, ['-r', path.join(ROOT, 'scripts', 'ts-require.js'), path.join(__dirname, 'tz-child.ts'), JSON.stringify({ instant: INSTANT, jobs })], {
    cwd: ROOT,
    env: { ...process.env, TZ: zone },
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as ZoneRun;
}

describe('the same results in every time zone', () => {
  const byZone = new Map<string, ZoneRun>();
  beforeAll(async () => {
    const yearEnd = await cleanBook(path.join(dir, 'year-end.xlsx'), {
      extra: (wb) =>
        wb.addWorksheet('支付').addRows([
          ['支付日期', '凭证号', '项目名称', '金额'],
          [new Date(Date.UTC(2023, 11, 31)), 'V1', '网站运维', 200000],
          [new Date(Date.UTC(2024, 0, 1)), 'V2', '网站运维', 100000],
          [new Date(Date.UTC(2023, 0, 1)), 'V3', '数据中台', 1242000],
        ]),
    });
    for (const zone of ZONES) byZone.set(zone, await inZone(zone, yearEnd));
  }, 120_000);

  it('each child really ran in its zone', () => {
    expect(ZONES.map((z) => byZone.get(z)!.offset)).toEqual([0, 480, -480, -840]);
  });

  it('the sample: figures, issues and the printed table are identical', () => {
    const [first, ...rest] = ZONES.map((z) => byZone.get(z)!.runs[0]);
    expect(first.code).toBe(0);
    expect(first.summary.projects[0].rateText).toBe('28%');
    for (const r of rest) {
      expect(r.summary).toEqual(first.summary);
      expect(r.printed).toBe(first.printed);
    }
  });

  it('payments dated 31 December and 1 January fall on the same side of the year in every zone', () => {
    for (const zone of ZONES) {
      const { summary } = byZone.get(zone)!.runs[1];
      expect({ zone, outside: summary.issues.filter((i) => i.code === 'PAYMENT_OUTSIDE_YEAR').map((i) => i.cell) }).toEqual({ zone, outside: ['支付!A3'] });
      expect({ zone, executed: summary.projects.map((p) => p.executedYuan) }).toEqual({ zone, executed: [200000, 1242000, 300000] });
      expect(summary).toMatchObject({ fiscalYear: 2023, asOf: '2023-12-31', monitoring: false });
    }
  });

  it('"today" without a zone given is the machine’s own day: a clerk’s PC in China says the 15th, one in Los Angeles the 14th', () => {
    expect(ZONES.map((z) => [z, byZone.get(z)!.today, byZone.get(z)!.addinToday])).toEqual([
      ['UTC', '2024-01-14', '2024-01-14'],
      ['America/Los_Angeles', '2024-01-14', '2024-01-14'],
      ['Asia/Shanghai', '2024-01-15', '2024-01-15'],
      ['Pacific/Kiritimati', '2024-01-15', '2024-01-15'],
    ]);
  });
});

it('a zone given wins over the machine’s', () => {
  expect(localDate(new Date(INSTANT), 'Asia/Shanghai')).toBe('2024-01-15');
  expect(localDate(new Date(INSTANT), 'America/Los_Angeles')).toBe('2024-01-14');
  expect(localDate(new Date(INSTANT), 'Pacific/Kiritimati')).toBe('2024-01-15');
});
