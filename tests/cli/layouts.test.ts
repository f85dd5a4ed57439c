/**
 * The layout corpus (tests/fixtures/layouts/, `npm run corpus:layouts`) through `jixiao report`, each
 * asserting what a user reads: the figures in the JSON, the issue at its cell, the cell written in
 * OUT (read back from the file) and the one-line reason when the run must stop.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import * as path from 'path';
import { LAYOUTS, LAYOUTS_DIR } from '../../scripts/make-layout-corpus';
import type { Summary } from '../../src/core';
import { cli, readCell, readSnapshot, sha256, tempDir } from '../helpers/cli';

const file = (name: string) => path.join(LAYOUTS_DIR, name);

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  summary: Summary;
  out: string;
}

async function report(name: string, ...args: string[]): Promise<Ran> {
  const dir = tempDir('jixiao-layouts-');
  const out = path.join(dir, 'out.xlsx');
  const json = path.join(dir, 'summary.json');
  const before = sha256(file(name));
  const r = await cli(['report', file(name), '-o', out, '--json', json, ...args]);
  // IN is never written, whatever happens.
  expect(sha256(file(name))).toBe(before);
  const summary = r.code === 0 || r.code === 1 ? (JSON.parse(readFileSync(json, 'utf8')) as Summary) : (undefined as unknown as Summary);
  return { ...r, summary, out };
}

const issueCells = (s: Summary, code: string) => s.issues.filter((i) => i.code === code).map((i) => i.cell);
const value = async (out: string, sheet: string, addr: string) => (await readCell(out, sheet, addr)).value;

it('the corpus folder holds exactly the generated layouts', () => {
  const { readdirSync } = jest.requireActual<typeof import('fs')>('fs');
  expect(readdirSync(LAYOUTS_DIR).sort()).toEqual(Object.keys(LAYOUTS).sort());
});

describe('last year’s table beside this year’s', () => {
  it('side-by-side-years.xlsx: the 2023 table (A:H) is used, its rates go into its own 执行率 column, 2022’s J:Q is untouched', async () => {
    const r = await report('side-by-side-years.xlsx');
    expect(r.code).toBe(0);
    expect(r.summary.projects.map((p) => p.name)).toEqual(['网站运维', '大数据宣传', '数字乡村平台', '政务云资源']);
    expect(r.summary.totals).toMatchObject({ budgetYuan: 2_556_000, executedYuan: 2_056_000, rateText: '80%' });
    expect(issueCells(r.summary, 'TABLE_CHOSEN_BY_YEAR')).toEqual(['项目资金!A3']);
    expect(r.stdout).toContain('项目资金!J3:Q9（2022年）未使用');
    expect(await value(r.out, '项目资金', 'F5')).toBe(0.5);
    expect(await value(r.out, '项目资金', 'F8')).toBeCloseTo(205.6 / 255.6, 12);
    for (const cell of ['I4', 'O4', 'O5', 'P4', 'R4', 'S4']) expect(await value(r.out, '项目资金', cell)).toBeNull();
  });

  it('side-by-side-years.xlsx --year 2022: the 2022 table, its rates into O', async () => {
    const r = await report('side-by-side-years.xlsx', '--year', '2022');
    expect(r.summary.totals).toMatchObject({ budgetYuan: 6_000_000, executedYuan: 3_000_000, rateText: '50%' });
    expect(await value(r.out, '项目资金', 'O4')).toBe(0.5);
    expect(await value(r.out, '项目资金', 'F4')).toBeNull();
  });

  it('side-by-side-years.xlsx --map range J:Q: the user’s choice', async () => {
    const r = await report('side-by-side-years.xlsx', '--map', '{"funds":{"sheet":"项目资金","range":"J:Q"}}');
    expect(r.summary.projects[0].cell).toBe('项目资金!L4');
    expect(r.summary.totals!.budgetYuan).toBe(6_000_000);
  });

  it('side-by-side-no-gap.xlsx: with no blank column between them the two are still two', async () => {
    const r = await report('side-by-side-no-gap.xlsx');
    expect(r.summary.totals).toMatchObject({ budgetYuan: 2_556_000, rateText: '80%' });
    expect(issueCells(r.summary, 'DUPLICATE_HEADER')).toEqual([]);
    expect(r.stdout).toContain('项目资金!I3:P9（2022年）未使用');
    expect(await value(r.out, '项目资金', 'F5')).toBe(0.5);
    expect(await value(r.out, '项目资金', 'N4')).toBeNull();
  });

  it('stacked-years.xlsx: 2023’s 20 projects only; 2022’s table under its title, below row 20, is not read into them', async () => {
    const r = await report('stacked-years.xlsx');
    expect(r.summary.projects).toHaveLength(20);
    expect(r.summary.projects.every((p) => p.name.startsWith('2023年'))).toBe(true);
    expect(r.summary.totals).toMatchObject({ budgetYuan: 2_000_000, executedYuan: 1_500_000, rateText: '75%' });
    expect(issueCells(r.summary, 'TOTAL_ROW_MISMATCH')).toEqual([]);
    expect(r.stdout).toContain('项目资金!A28:H35（2022年）未使用');
    // The 2022 rows get nothing written.
    expect(await value(r.out, '项目资金', 'F31')).toBeNull();
  });
});

describe('hidden backups and equal copies', () => {
  it('hidden-backup.xlsx: the visible 2023 sheet is used although hidden 2022 and 2021 copies score higher', async () => {
    const r = await report('hidden-backup.xlsx');
    expect(r.summary.projects.map((p) => p.cell)).toEqual(['项目资金!A4', '项目资金!A5']);
    expect(r.summary.totals!.budgetYuan).toBe(1_056_000);
  });

  it('equal-candidates.xlsx: exits 2 with one line naming both tables and how to choose', async () => {
    const r = await report('equal-candidates.xlsx');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const line = r.stderr.trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain("项目资金!A3:D5（2023年）、'项目资金 (2)'!A3:D5（2023年）");
    expect(line).toContain('--map');
  });

  it('equal-candidates.xlsx with the sheet chosen: runs on that copy', async () => {
    const r = await report('equal-candidates.xlsx', '--map', '{"funds":{"sheet":"项目资金 (2)"}}');
    expect(r.code).toBe(0);
    expect(r.summary.projects[1]).toMatchObject({ cell: "'项目资金 (2)'!B5", executedYuan: 150_000 });
  });
});

describe('rows that are not projects', () => {
  it('header-repeated.xlsx: 45 projects and 120 payments; the headers printed on each page are skipped', async () => {
    const r = await report('header-repeated.xlsx');
    expect(r.summary.projects).toHaveLength(45);
    expect(r.summary.projects.some((p) => p.name === '项目名称')).toBe(false);
    expect(issueCells(r.summary, 'PAYMENT_UNKNOWN_PROJECT')).toEqual([]);
    expect(issueCells(r.summary, 'MISSING_REQUIRED')).toEqual([]);
    expect(issueCells(r.summary, 'TOTAL_ROW_MISMATCH')).toEqual([]);
    // 120 payments of 1.5 万元 = 180 万元, as 45 × 4 typed.
    expect(r.summary.totals).toMatchObject({ budgetYuan: 4_500_000, executedYuan: 1_800_000 });
    expect(await value(r.out, '项目资金', 'F24')).toBeNull(); // the repeated header row
    expect(await value(r.out, '项目资金', 'F25')).toBe(0.4);
  });

  it('total-above.xlsx: 合计 right under the header and each group’s sums on its heading row are checked against the rows below', async () => {
    const r = await report('total-above.xlsx');
    expect(r.summary.groups.map((g) => [g.name, g.projectCount, g.budgetYuan])).toEqual([
      ['上级资金', 2, 1_056_000],
      ['州本级', 2, 1_500_000],
    ]);
    expect(issueCells(r.summary, 'TOTAL_ROW_MISMATCH')).toEqual(['项目资金!D8']);
    expect(r.summary.issues.find((i) => i.code === 'TOTAL_ROW_MISMATCH')!.message).toContain('“州本级”行的执行数170万元与其下方2个项目之和110万元不符');
    expect(await value(r.out, '项目资金', 'E4')).toBeCloseTo(205.6 / 255.6, 12);
    expect(await value(r.out, '项目资金', 'E8')).toBeCloseTo(110 / 150, 12);
  });

  it('subtotal-above.xlsx: 总计 first and each 小计 beside its group cell, above the projects: all check out', async () => {
    const r = await report('subtotal-above.xlsx');
    expect(issueCells(r.summary, 'TOTAL_ROW_MISMATCH')).toEqual([]);
    expect(r.summary.projects).toHaveLength(4);
    expect(await value(r.out, '项目资金', 'E5')).toBeCloseTo(95.6 / 105.6, 12);
  });

  it('excel-table-totals.xlsx: the ListObject’s 汇总 row is a total, not a project; its cell in 执行率 is left to Excel', async () => {
    const r = await report('excel-table-totals.xlsx');
    expect(r.summary.projects.map((p) => p.name)).toEqual(['网站运维', '大数据宣传', '数字乡村平台']);
    expect(issueCells(r.summary, 'TOTAL_ROW_MISMATCH')).toEqual([]);
    expect(await value(r.out, '项目资金', 'E4')).toBe(0.5);
    expect(await value(r.out, '项目资金', 'E6')).toBe(0.6);
    expect(await value(r.out, '项目资金', 'E7')).toBeNull();
  });

  it('stray-notes.xlsx: a note far below is no project (an info names it); one right of a row widens nothing', async () => {
    const r = await report('stray-notes.xlsx');
    expect(r.summary.projects).toHaveLength(3);
    expect(issueCells(r.summary, 'CONTENT_OUTSIDE_TABLE')).toEqual(['项目资金!A37']);
    expect(issueCells(r.summary, 'MISSING_REQUIRED')).toEqual([]);
    expect(await value(r.out, '项目资金', 'D4')).toBe(0.5);
    expect(await value(r.out, '项目资金', 'H5')).toBe('张三3月核对');
  });

  it('funds-and-payments-one-sheet.xlsx: both tables found side by side, the payments’ cells untouched', async () => {
    const r = await report('funds-and-payments-one-sheet.xlsx');
    expect(r.summary.projects.map((p) => p.rateText)).toEqual(['50%', '100%']);
    expect(await value(r.out, '预算执行', 'D4')).toBe(0.5);
    expect(await value(r.out, '预算执行', 'J5')).toBe(150000);
    expect(await value(r.out, '预算执行', 'E4')).toBeNull();
  });

  it('another-province.xlsx: other words, full-width digits, text amounts and dates', async () => {
    const r = await report('another-province.xlsx');
    expect(r.summary.projects.map((p) => [p.name, p.budgetYuan, p.executedYuan, p.rateText])).toEqual([
      ['州级政务云服务', 12_005_000, 9_604_000, '80%'],
      ['网络安全运维', 800_000, 800_000, '100%'],
    ]);
    expect(issueCells(r.summary, 'EXECUTED_MISMATCH_PAYMENTS')).toEqual([]);
  });
});

describe('every project in every total', () => {
  it('tbd-executed.xlsx: 州本级 totals 1565.61 万元, its rate over 15 projects, 大数据发展宣传项目 named', async () => {
    const r = await report('tbd-executed.xlsx', '--rate-display', 'two-decimals');
    const local = r.summary.groups.find((g) => g.name === '州本级')!;
    expect(local).toMatchObject({
      projectCount: 16,
      budgetYuan: 15_656_104.69,
      rateBasisYuan: 15_606_104.69,
      rateBasisProjectCount: 15,
      rate: 1,
      rateText: '100.00%', // 1560.61 ÷ 1560.61 — not 1560.61 ÷ 1565.61 = 99.68%
      incomplete: true,
      unknownExecuted: ['大数据发展宣传项目'],
      rateBasis: '执行率按其余15个项目计算；大数据发展宣传项目执行数待定',
    });
    const bad = r.summary.issues.find((i) => i.code === 'AMOUNT_NOT_NUMERIC')!;
    expect(bad.cell).toBe('项目资金!G16');
    expect(bad.message).toContain('支付明细中该项目已支付5万元（1笔）');
    expect(issueCells(r.summary, 'TOTAL_NOT_CHECKED')).toEqual(['项目资金!G20']);
    expect(issueCells(r.summary, 'TOTAL_ROW_MISMATCH')).toEqual([]);
    // The console says it too, under the table: a 100.00% beside 1565.61 | 1560.61 is explained.
    const table = r.stdout.split('\n');
    expect(table.find((l) => l.startsWith('州本级（16个）'))).toMatch(/1565\.61\s+1560\.61\s+100\.00%/);
    expect(table).toContain('州本级：执行率按其余15个项目计算；大数据发展宣传项目执行数待定。');
    expect(table).toContain('合计：执行率按其余15个项目计算；大数据发展宣传项目执行数待定。');
    // The report sheet states the corrected total and the basis.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.out);
    const text: string[] = [];
    wb.getWorksheet('自评报告')!.eachRow((row) => text.push(String(row.getCell(1).value ?? '')));
    const all = text.join('\n');
    expect(all).toContain('全年预算数1565.61万元');
    expect(all).toContain('执行率按其余15个项目计算；大数据发展宣传项目执行数待定');
    expect(all).not.toContain('1560.61万元，已支付');
    // The 偏差说明 of the 州本级合计 row says it too.
    expect(String(await value(r.out, '项目资金', 'I20'))).toContain('执行率按其余15个项目计算；大数据发展宣传项目执行数待定');
  });
});

describe('formulas without values, 1904 dates', () => {
  it('uncalculated-formulas.xlsx: no rate from an uncalculated cell, one issue per column, every row marked', async () => {
    const r = await report('uncalculated-formulas.xlsx');
    expect(r.code).toBe(0);
    expect(r.summary.projects.map((p) => [p.name, p.rateText])).toEqual([
      ['网站运维', '80%'],
      ['宣传', '—'],
      ['培训', '—'],
      ['会议', '—'],
    ]);
    expect(issueCells(r.summary, 'FORMULA_NOT_CALCULATED')).toEqual(['项目资金!D5', '项目资金!C8', '支付明细!E5', '支付明细!A6']);
    expect(r.summary.issues.find((i) => i.cell === '项目资金!D5')!.message).toContain('在 Excel 中打开并保存一次后重试');
    expect(issueCells(r.summary, 'TOTAL_ROW_MISMATCH')).toEqual([]);
    expect(r.summary.totals).toMatchObject({ budgetYuan: 250_000, rateBasisYuan: 100_000, rateText: '80%' });
    for (const addr of ['G5', 'G7', 'G8']) expect(String(await value(r.out, '项目资金', addr))).toContain('没有计算结果的公式');
    for (const addr of ['F5', 'F6']) expect(String(await value(r.out, '支付明细', addr))).toContain('没有计算结果的公式');
    expect(await value(r.out, '项目资金', 'E5')).toBeNull(); // no rate where the 执行数 is unknown
    expect((await report('uncalculated-formulas.xlsx', '--strict')).code).toBe(1);
  });

  it('the file shell’s snapshot lists the uncalculated cells and keeps a cached 0 a 0', async () => {
    const s = await readSnapshot(file('uncalculated-formulas.xlsx'));
    expect(s.sheets[0].uncalculated).toEqual([
      { row: 4, col: 3 },
      { row: 6, col: 3 },
      { row: 7, col: 2 },
      { row: 7, col: 3 },
    ]);
    const sample = await readSnapshot(path.join(__dirname, '..', '..', 'samples', '黔南州大数据局-2023预算执行.xlsx'));
    // 项目资金!J8 is =SUM(J5:J7) saved with the value 0.
    expect(sample.sheets[0].values[7][9]).toBe(0);
    expect(sample.sheets[0].uncalculated).toEqual([]);
  });

  it('date1904.xlsx: the snapshot carries 1904 serials; a payment on 2023-12-30 counts in 2023, 2024-01-02 does not', async () => {
    const s = await readSnapshot(file('date1904.xlsx'));
    expect(s.dateSystem).toBe(1904);
    expect(s.sheets[1].values[2][0]).toBe(43828);
    const r = await report('date1904.xlsx');
    expect(r.summary.fiscalYear).toBe(2023);
    expect(r.summary.projects[0]).toMatchObject({ executedYuan: 50_000, rateText: '50%' });
    expect(issueCells(r.summary, 'PAYMENT_OUTSIDE_YEAR')).toEqual(['支付明细!A4']);
    expect(r.summary.issues.find((i) => i.code === 'PAYMENT_OUTSIDE_YEAR')!.message).toContain('2024-01-02');
  });
});

describe('what is written fits Excel', () => {
  it('long-reason.xlsx: the 偏差说明 quoting a 40,000-character reason is cut to 32,767 and says where the rest is', async () => {
    const r = await report('long-reason.xlsx');
    const note = String(await value(r.out, '项目资金', 'F4'));
    expect(note.length).toBeLessThanOrEqual(32_767);
    expect(note.startsWith('执行率50%，低于预算50个百分点；节余资金5万元。未完成原因：')).toBe(true);
    expect(note.endsWith('…（未完成原因全文见项目资金!D4）')).toBe(true);
    expect(String(await value(r.out, '项目资金', 'D4'))).toHaveLength(40_000);
  });

  it('merged-append.xlsx: 执行率 is appended past the empty merged box D3:E7', async () => {
    const r = await report('merged-append.xlsx');
    expect(await value(r.out, '项目资金', 'F3')).toBe('执行率');
    expect(await value(r.out, '项目资金', 'F4')).toBe(0.5);
    expect(await value(r.out, '项目资金', 'G3')).toBe('偏差说明');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.out);
    const ws = wb.getWorksheet('项目资金')!;
    expect(Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges).map((m) => m.range)).toEqual(['D3:E7']);
    expect(ws.getCell('D4').value).toBeNull();
  });

  it('merged-rate-cell.xlsx: the merged 执行率 cell D5 is not written and a warning names it', async () => {
    const r = await report('merged-rate-cell.xlsx');
    expect(issueCells(r.summary, 'OUTPUT_CELL_MERGED')).toEqual(['项目资金!D5', '项目资金!E5']);
    expect(await value(r.out, '项目资金', 'D4')).toBe(0.5);
    expect(await value(r.out, '项目资金', 'D5')).toBe('见说明');
    expect(await value(r.out, '项目资金', 'D6')).toBe(0.6);
  });
});
