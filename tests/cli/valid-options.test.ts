/**
 * Each valid option changes what the user reads: a --map, --year or --rate-display that were
 * silently ignored would pass every test of malformed values, so each is proven here against the
 * same workbook run without it.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'fs';
import * as path from 'path';
import type { Summary } from '../../src/core';
import { SAMPLE, cli, readCell } from '../helpers/cli';
import { docxParagraphs } from '../helpers/report';
import { cleanBook, scratchDir } from './sim-fs';

const dir = scratchDir('jixiao-valid-');
let n = 0;

/** Runs with --json and returns the summary with what was printed. */
async function run(input: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string; summary: Summary; json: string }> {
  const json = path.join(dir, `run-${++n}.json`);
  const r = await cli(['report', input, '--json', json, ...args]);
  expect(r.stderr).toBe('');
  return { ...r, json, summary: JSON.parse(readFileSync(json, 'utf8')) as Summary };
}

/** The printed table's line for a project. */
function tableLine(stdout: string, project: string): string {
  return stdout.split('\n').find((l) => l.startsWith(project))!;
}

describe('--map moves the column read', () => {
  let input: string;
  beforeAll(async () => {
    input = await cleanBook(path.join(dir, 'map.xlsx'), {
      extra: (wb) => {
        // A second amount column the detector does not take: 调整后 figures under an unrecognised header.
        const ws = wb.getWorksheet('项目资金')!;
        ws.getCell('F3').value = '备用数';
        [40, 150, 60].forEach((v, i) => (ws.getCell(4 + i, 6).value = v));
      },
    });
  });

  it('reads 全年预算数 from C by default and from F with {"funds":{"columns":{"budget":"F"}}}', async () => {
    const plain = await run(input);
    expect(plain.summary.projects.map((p) => [p.budgetYuan, p.rateText])).toEqual([
      [720000, '28%'],
      [1380000, '90%'],
      [300000, '100%'],
    ]);
    const mapped = await run(input, '--map', '{"funds":{"columns":{"budget":"F"}}}');
    expect(mapped.summary.projects.map((p) => [p.budgetYuan, p.rateText])).toEqual([
      [400000, '50%'],
      [1500000, '83%'],
      [600000, '50%'],
    ]);
    expect(tableLine(mapped.stdout, '网站运维')).toMatch(/\s40\.00\s+20\.00\s+50%/);
  });

  it('from a file too, and null ignores a column the detector picked', async () => {
    const file = path.join(dir, '映射.json');
    require('fs').writeFileSync(file, JSON.stringify({ funds: { columns: { executed: null } } }));
    const r = await run(input, '--map', file);
    expect(r.summary.projects.map((p) => [p.executedYuan, p.rateText])).toEqual([
      [null, '—'],
      [null, '—'],
      [null, '—'],
    ]);
    expect(r.summary.issues.map((i) => i.code)).toContain('NO_EXECUTED_SOURCE');
  });
});

describe('--year changes the fiscal year used', () => {
  let input: string;
  beforeAll(async () => {
    input = await cleanBook(path.join(dir, 'year.xlsx'), {
      title: '项目支出预算执行情况表',
      extra: (wb) =>
        wb.addWorksheet('支付').addRows([
          ['支付日期', '凭证号', '项目名称', '金额'],
          [new Date(Date.UTC(2023, 2, 1)), 'V1', '网站运维', 200000],
          [new Date(Date.UTC(2023, 5, 1)), 'V2', '数据中台', 1242000],
          [new Date(Date.UTC(2023, 8, 1)), 'V3', '电子政务外网', 300000],
        ]),
    });
  });

  it('guesses 2023 from the payment dates and says so; --year 2024 makes it 2024 and the 2023 payments fall outside', async () => {
    const guessed = await run(input);
    expect(guessed.summary.fiscalYear).toBe(2023);
    expect(guessed.stdout.split('\n')[0]).toBe('2023年度（标题中未写明年度，按支付日期推定；可用 --year 指定），年末；资金表：项目资金；支付明细：支付');
    const set = await run(input, '--year', '2024');
    expect(set.summary.fiscalYear).toBe(2024);
    expect(set.stdout.split('\n')[0]).toBe('2024年度，年末；资金表：项目资金；支付明细：支付');
    expect(set.summary.issues.filter((i) => i.code === 'PAYMENT_OUTSIDE_YEAR').map((i) => i.cell)).toEqual(['支付!A2', '支付!A3', '支付!A4']);
  });
});

describe('--as-of makes a monitoring run', () => {
  it('year end without it; compared with 序时进度 with it', async () => {
    const input = await cleanBook(path.join(dir, 'asof.xlsx'));
    const end = await run(input);
    expect(end.summary).toMatchObject({ monitoring: false, asOf: '2023-12-31' });
    expect(end.stdout.split('\n')[0]).toContain('2023年度，年末');
    const july = await run(input, '--as-of', '2023-07-31');
    expect(july.summary).toMatchObject({ monitoring: true, asOf: '2023-07-31' });
    expect(july.stdout.split('\n')[0]).toContain('截至2023-07-31（序时进度58.08%）');
    expect(july.summary.projects[0].rateText).toBe('28%');
  });
});

describe('--rate-display, --amount-display and --lang change what is printed and written', () => {
  it('two decimals: 27.78% printed, and written as 0.00% into the table', async () => {
    const whole = await run(SAMPLE, '-o', path.join(dir, 'whole.xlsx'));
    expect(tableLine(whole.stdout, '2022年省大数据发展专项资金')).toMatch(/\s28%\s/);
    expect((await readCell(path.join(dir, 'whole.xlsx'), '项目资金', 'L5')).numFmt).toBe('0%');
    const two = await run(SAMPLE, '--rate-display', 'two-decimals', '-o', path.join(dir, 'two.xlsx'));
    expect(tableLine(two.stdout, '2022年省大数据发展专项资金')).toMatch(/\s27\.78%\s/);
    expect(two.summary.projects[0].rateText).toBe('27.78%');
    expect((await readCell(path.join(dir, 'two.xlsx'), '项目资金', 'L5')).numFmt).toBe('0.00%');
  });

  it('--amount-display two-decimals writes 52.85 万元 where the source precision is 52.848469', async () => {
    const src = path.join(dir, 'src.docx');
    const two = path.join(dir, 'two.docx');
    await run(SAMPLE, '--docx', src);
    await run(SAMPLE, '--amount-display', 'two-decimals', '--docx', two);
    const text = async (f: string) => (await docxParagraphs(readFileSync(f))).join('\n');
    // The report's own sentence; the staff's 项目实施情况 text quoting 52.848469万元 is theirs and stays.
    expect(await text(src)).toContain('2023年度预算数52.848469万元');
    expect(await text(two)).not.toContain('预算数52.848469万元');
    expect(await text(two)).toContain('2023年度预算数52.85万元');
  });

  it('--lang en prints the table and the issues in English', async () => {
    const zh = await run(SAMPLE);
    const en = await run(SAMPLE, '--lang', 'en');
    expect(zh.stdout).toContain('项目');
    expect(zh.stdout).toMatch(/错误 \(1\)/);
    expect(en.stdout.split('\n')[0]).toBe('Fiscal year 2023, year end; funds: 项目资金; payments: 支付明细');
    expect(en.stdout).toContain('Budget (10k)');
    expect(en.stdout).toContain('Errors (1)');
    expect(en.stdout).not.toContain('错误');
  });
});

describe('--config changes the settings; an option on the command line wins over it', () => {
  const config = (name: string, settings: object) => {
    const file = path.join(dir, name);
    require('fs').writeFileSync(file, JSON.stringify(settings));
    return file;
  };

  it('rateDisplay from the file, and --rate-display over it', async () => {
    const file = config('two.json', { rateDisplay: 'two-decimals' });
    expect((await run(SAMPLE, '--config', file)).summary.projects[0].rateText).toBe('27.78%');
    expect((await run(SAMPLE, '--config', file, '--rate-display', 'whole')).summary.projects[0].rateText).toBe('28%');
  });

  it('progressMethod months makes 序时进度 7 ÷ 12 at 2023-07-31', async () => {
    const input = await cleanBook(path.join(dir, 'months.xlsx'));
    const r = await run(input, '--config', config('months.json', { asOf: '2023-07-31', progressMethod: 'months' }));
    expect(r.stdout.split('\n')[0]).toContain('截至2023-07-31（序时进度58.33%）');
  });

  it('reasonThreshold 0.95 asks a reason of the project at 90%', async () => {
    const input = await cleanBook(path.join(dir, 'threshold.xlsx'));
    const reasons = (s: Summary) => s.issues.filter((i) => i.code === 'REASON_MISSING').map((i) => i.cell);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    wb.getWorksheet('项目资金')!.getCell('E5').value = null;
    await wb.xlsx.writeFile(input);
    expect(reasons((await run(input)).summary)).toEqual([]);
    expect(reasons((await run(input, '--config', config('strict.json', { reasonThreshold: 0.95 }))).summary)).toEqual(['项目资金!E5']);
  });

  it('fiscalYear, asOf and mapping from the file each take effect; --year and --map on the command line win', async () => {
    const input = await cleanBook(path.join(dir, 'config-all.xlsx'), {
      title: '项目支出预算执行情况表',
      extra: (wb) => {
        const ws = wb.getWorksheet('项目资金')!;
        ws.getCell('F3').value = '备用数';
        [40, 150, 60].forEach((v, i) => (ws.getCell(4 + i, 6).value = v));
      },
    });
    const file = config('all.json', { fiscalYear: 2022, asOf: '2022-06-30', progressMethod: 'months', mapping: { funds: { columns: { budget: 'F' } } } });
    const r = await run(input, '--config', file);
    expect(r.stdout.split('\n')[0]).toBe('2022年度，截至2022-06-30（序时进度50.00%）；资金表：项目资金；支付明细：无');
    expect(r.summary).toMatchObject({ fiscalYear: 2022, asOf: '2022-06-30', monitoring: true, progress: 0.5 });
    expect(r.summary.projects.map((p) => [p.budgetYuan, p.rateText])).toEqual([
      [400000, '50%'],
      [1500000, '83%'],
      [600000, '50%'],
    ]);
    const over = await run(input, '--config', file, '--map', '{"funds":{"columns":{"budget":"C"}}}', '--year', '2022');
    expect(over.summary.projects.map((p) => p.budgetYuan)).toEqual([720000, 1380000, 300000]);
    // A year from the file and an as-of date from the command line that disagree are refused, naming both.
    const clash = await cli(['report', input, '--config', config('year.json', { fiscalYear: 2023 }), '--as-of', '2024-03-31']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain(`截止日期 2024-03-31 不在 --config ${path.join(dir, 'year.json')}（fiscalYear） 指定的 2023 年度内`);
  });

  it('amountDisplay from the file writes the report’s amounts with two decimals', async () => {
    const docx = path.join(dir, 'config-two.docx');
    await run(SAMPLE, '--config', config('amounts.json', { amountDisplay: 'two-decimals' }), '--docx', docx);
    const text = (await docxParagraphs(readFileSync(docx))).join('\n');
    expect(text).toContain('2023年度预算数52.85万元');
    expect(text).not.toContain('预算数52.848469万元');
  });
});

describe('how argv is written: --, a value attached to -o, an option repeated', () => {
  /** Runs `jixiao …args` from inside `folder`, as a user there types relative names. */
  async function cliIn(folder: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const was = process.cwd();
    process.chdir(folder);
    try {
      return await cli(args);
    } finally {
      process.chdir(was);
    }
  }

  it('a workbook named -名单.xlsx is read after --, or as ./-名单.xlsx', async () => {
    const folder = path.join(dir, 'dashed');
    mkdirSync(folder);
    copyFileSync(await cleanBook(path.join(dir, 'dashed.xlsx')), path.join(folder, '-名单.xlsx'));
    const ended = await cliIn(folder, ['report', '-o', '结果.xlsx', '--json', 'a.json', '--', '-名单.xlsx']);
    expect(ended.stderr).toBe('');
    expect(ended.code).toBe(0);
    expect(tableLine(ended.stdout, '网站运维')).toMatch(/\s72\.00\s+20\.00\s+28%/);
    expect((await readCell(path.join(folder, '结果.xlsx'), '项目资金', 'B4')).value).toBe('网站运维');
    const dotted = await cliIn(folder, ['report', './-名单.xlsx', '--json', 'b.json']);
    expect(dotted.code).toBe(0);
    expect(readFileSync(path.join(folder, 'b.json'), 'utf8')).toBe(readFileSync(path.join(folder, 'a.json'), 'utf8'));
  });

  it('-o结果.xlsx (the value attached to the short option) writes 结果.xlsx', async () => {
    const out = path.join(dir, 'attached.xlsx');
    const r = await run(SAMPLE, `-o${out}`);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect((await readCell(out, '项目资金', 'L5')).numFmt).toBe('0%');
  });

  it('an option given twice with the same value is taken once; --year 2024 twice is 2024', async () => {
    const out = path.join(dir, 'twice.xlsx');
    const r = await run(SAMPLE, '--year', '2024', '-o', out, '--year', '2024', '--output', out);
    expect(r.code).toBe(0);
    expect(r.summary.fiscalYear).toBe(2024);
    expect(existsSync(out)).toBe(true);
  });
});

describe('--strict', () => {
  it('exits 0 on a workbook without errors and 1 on one with an error, printing the same either way', async () => {
    const clean = await cleanBook(path.join(dir, 'clean.xlsx'));
    const ok = await run(clean, '--strict');
    expect(ok.summary.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(ok.code).toBe(0);
    const bad = await run(SAMPLE, '--strict');
    expect(bad.summary.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['FUNDS_SOURCE_SUM_MISMATCH']);
    expect(bad.code).toBe(1);
    const lax = await run(SAMPLE);
    expect(lax.code).toBe(0);
    expect(lax.stdout.replace(/run-\d+/g, '')).toBe(bad.stdout.replace(/run-\d+/g, ''));
  });
  it('warnings alone do not fail it: a missing 未完成原因 is printed and the exit is still 0', async () => {
    const input = await cleanBook(path.join(dir, 'warned.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    wb.getWorksheet('项目资金')!.getCell('E4').value = null;
    await wb.xlsx.writeFile(input);
    const r = await run(input, '--strict');
    expect(r.summary.issues.filter((i) => i.severity !== 'info').map((i) => `${i.severity} ${i.code} ${i.cell}`)).toEqual(['warning REASON_MISSING 项目资金!E4']);
    expect(r.stdout).toContain('警告 (1)');
    expect(r.code).toBe(0);
  });
});
