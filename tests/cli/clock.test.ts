/**
 * "Today" is the user's calendar day, not UTC's: in China (UTC+8) the UTC date is still yesterday's
 * until 08:00. A workbook that names no year anywhere takes its fiscal year from it — saying so. The
 * report's signature is never dated by the clock: a 2023 report is not signed on the day it is run. The clock and the time zone are injected; nothing here depends on
 * the machine's own.
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { localDate } from '../../src/cli/clock';
import type { Summary } from '../../src/core';
import { SAMPLE, cli } from '../helpers/cli';
import { docxParagraphs } from '../helpers/report';
import { cleanBook, scratchDir } from './sim-fs';

const CHINA = 'Asia/Shanghai';
const at = (iso: string, timeZone = CHINA) => ({ clock: { now: () => new Date(iso), timeZone } });

describe('the local calendar day', () => {
  it('on both sides of midnight in China, and of 08:00 when UTC turns', () => {
    expect(localDate(new Date('2024-01-14T15:59:59Z'), CHINA)).toBe('2024-01-14'); // 23:59:59 in China
    expect(localDate(new Date('2024-01-14T16:00:00Z'), CHINA)).toBe('2024-01-15'); // 00:00 in China, UTC still the 14th
    expect(localDate(new Date('2024-01-14T23:59:59Z'), CHINA)).toBe('2024-01-15'); // 07:59:59 in China
    expect(localDate(new Date('2024-01-14T23:59:59Z'), 'UTC')).toBe('2024-01-14');
    expect(localDate(new Date('2024-02-29T16:00:00Z'), CHINA)).toBe('2024-03-01');
  });

  it('in the machine’s own zone (no zone given) is the day Intl gives for that zone, on either side of its midnight', () => {
    const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    for (const iso of ['2024-01-14T15:59:59Z', '2024-01-14T16:00:00Z', '2024-01-14T23:59:59Z', '2023-12-31T23:30:00Z', '2024-02-29T16:00:00Z']) {
      expect(localDate(new Date(iso))).toBe(localDate(new Date(iso), zone));
    }
  });

  it('a command run in China at 07:30 on 1 January (TZ=Asia/Shanghai) is dated 1 January, though UTC is still 31 December', () => {
    // A time zone is fixed when a process starts: the source is compiled here and run in a child started with TZ set.
    const js = ts.transpileModule(readFileSync(path.join(__dirname, '../../src/cli/clock.ts'), 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
    const code = `const m = { exports: {} }; new Function('exports', 'module', ${JSON.stringify(js)})(m.exports, m); process.stdout.write(m.exports.localDate(new Date('2023-12-31T23:30:00Z')));`;
    const out = execFileSync(process.execPath, ['-e', code], { env: { ...process.env, TZ: CHINA }, encoding: 'utf8' });
    expect(out).toBe('2024-01-01');
  });
});

describe('a workbook that names no year takes today’s, where the user is, and says so', () => {
  const dir = scratchDir('jixiao-clock-');
  let input: string;
  beforeAll(async () => (input = await cleanBook(path.join(dir, 'noyear.xlsx'), { title: '项目支出预算执行情况表' })));

  async function yearAt(iso: string, timeZone?: string): Promise<{ summary: Summary; firstLine: string }> {
    const json = path.join(dir, `${iso.replace(/\W/g, '')}${timeZone ?? ''}.json`);
    const r = await cli(['report', input, '--json', json], at(iso, timeZone));
    expect(r.code).toBe(0);
    return { summary: JSON.parse(readFileSync(json, 'utf8')) as Summary, firstLine: r.stdout.split('\n')[0] };
  }

  it('00:30 on 1 January 2024 in China is 2024, though UTC still says 2023', async () => {
    const r = await yearAt('2023-12-31T16:30:00Z');
    expect(r.summary.fiscalYear).toBe(2024);
    expect(r.firstLine).toBe('2024年度（工作簿中未写明年度，按今天的日期推定；请用 --year 指定），年末；资金表：项目资金；支付明细：无');
    expect(r.summary.issues.find((i) => i.code === 'FISCAL_YEAR_GUESSED')!.message).toContain('按当前日期推定为2024年');
  });

  it('23:59 on 31 December 2023 in China is 2023', async () => {
    expect((await yearAt('2023-12-31T15:59:59Z')).summary.fiscalYear).toBe(2023);
  });

  it('the same instant in London is still 2023', async () => {
    expect((await yearAt('2023-12-31T16:30:00Z', 'Europe/London')).summary.fiscalYear).toBe(2023);
  });

  it('--year says which, and then nothing is guessed', async () => {
    const json = path.join(dir, 'set.json');
    const r = await cli(['report', input, '--year', '2023', '--json', json], at('2023-12-31T16:30:00Z'));
    expect(r.stdout.split('\n')[0]).toBe('2023年度，年末；资金表：项目资金；支付明细：无');
    expect((JSON.parse(readFileSync(json, 'utf8')) as Summary).issues.map((i) => i.code)).not.toContain('FISCAL_YEAR_GUESSED');
  });
});

describe('the report is dated by --report-date, never by the clock', () => {
  it('run on 15 January 2024 in China, a 2023 report without --report-date leaves the date to fill in', async () => {
    const docx = path.join(scratchDir('jixiao-clock-'), '报告.docx');
    expect((await cli(['report', SAMPLE, '--docx', docx], at('2024-01-14T23:30:00Z'))).code).toBe(0);
    const paragraphs = await docxParagraphs(readFileSync(docx));
    expect(paragraphs[paragraphs.length - 1]).toBe('【请填写：报告日期】');
  });

  it('--report-date 2024-01-20 signs 2024年1月20日 whatever the day; a date that does not exist is refused', async () => {
    const docx = path.join(scratchDir('jixiao-clock-'), '报告.docx');
    expect((await cli(['report', SAMPLE, '--docx', docx, '--report-date', '2024-01-20'], at('2026-12-01T02:00:00Z'))).code).toBe(0);
    const paragraphs = await docxParagraphs(readFileSync(docx));
    expect(paragraphs[paragraphs.length - 1]).toBe('2024年1月20日');
    const bad = await cli(['report', SAMPLE, '--docx', docx, '--report-date', '2024-02-30'], at('2026-12-01T02:00:00Z'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--report-date');
  });
});
