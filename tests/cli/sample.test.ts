import { readFileSync } from 'fs';
import * as path from 'path';
import { buildSample } from '../../scripts/make-sample';
import type { Summary } from '../../src/core';
import { SAMPLE, cli, readCell, readSnapshot, sha256 } from '../helpers/cli';
import { scratchDir } from './sim-fs';

describe('the reference report’s workbook through the command line', () => {
  const dir = scratchDir();
  const out = path.join(dir, 'out.xlsx');
  const json = path.join(dir, 'summary.json');
  let summary: Summary;
  let inputHash: string;
  let result: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    inputHash = sha256(SAMPLE);
    result = await cli(['report', SAMPLE, '-o', out, '--json', json]);
    summary = JSON.parse(readFileSync(json, 'utf8')) as Summary;
  });

  const project = (name: string) => summary.projects.find((p) => p.name === name)!;

  it('runs and exits 0, printing the table and the issues', () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('2022年省大数据发展专项资金(第二批项目)');
    expect(result.stdout).toMatch(/错误 \(1\)/);
  });

  it('computes 20 ÷ 72 → 28%, 124.2 ÷ 138 → 90%, 29.99 ÷ 30 → 100%', () => {
    expect(project('2022年省大数据发展专项资金(第二批项目)')).toMatchObject({ rateText: '28%', budgetYuan: 720000, executedYuan: 200000, cell: '项目资金!E5' });
    expect(project('2023年省大数据发展专项资金(第二批项目)')).toMatchObject({ rateText: '90%', rate: 0.9 });
    expect(project('黔南州数字中台数字乡村及数据治理项目工作经费')).toMatchObject({ rateText: '100%', executedYuan: 299900 });
    expect(project('兑现2021年大数据产业政策缺口经费').budgetYuan).toBe(528484.69);
  });

  it('flags 29.99 ÷ 30 as RATE_ROUNDS_TO_FULL and the 州委大楼网络运维 row as FUNDS_SOURCE_SUM_MISMATCH', () => {
    const cellOf = (code: string) => summary.issues.filter((i) => i.code === code).map((i) => i.cell);
    expect(cellOf('RATE_ROUNDS_TO_FULL')).toEqual(['项目资金!E30']);
    expect(cellOf('FUNDS_SOURCE_SUM_MISMATCH')).toEqual(['项目资金!G24']);
    expect(summary.issues.find((i) => i.code === 'FUNDS_SOURCE_SUM_MISMATCH')!.message).toContain('州委大楼网络运维外包服务经费');
    // The sample's payments add up to every 执行数 and its 小计/合计 rows are right.
    expect(cellOf('EXECUTED_MISMATCH_PAYMENTS')).toEqual([]);
    expect(cellOf('TOTAL_ROW_MISMATCH')).toEqual([]);
  });

  it('totals the 16 州本级 projects to 1565.61 万元 and the 14 大数据专项 projects to 1563.53 万元', () => {
    const local = summary.groups.find((g) => g.name === '州本级')!;
    expect(local.projectCount).toBe(16);
    expect(local.budgetYuan).toBe(15656104.69);
    const bigdata = local.children!.find((c) => c.subgroup === '大数据发展专项资金')!;
    expect(bigdata.projectCount).toBe(14);
    expect(bigdata.budgetYuan).toBe(15635304.69);
    expect(summary.groups.map((g) => g.name)).toEqual(['上级资金', '州本级', '其他运转类专项业务费']);
  });

  it('writes the rate into the table’s own 执行率 column as an exact value in percent format', async () => {
    const l5 = await readCell(out, '项目资金', 'L5');
    expect(l5.value).toBeCloseTo(20 / 72, 12);
    expect(l5.numFmt).toBe('0%');
    const q3 = await readCell(out, '项目资金', 'Q3');
    expect(q3.value).toBe('偏差说明');
    expect((await readCell(out, '项目资金', 'Q5')).value).toMatch(/^执行率28%，低于预算72个百分点；节余资金52万元。未完成原因：/);
    expect(String((await readCell(out, '项目资金', 'R24')).value)).toContain('G24：');
  });

  it('keeps the other sheets and the formulas of the input', async () => {
    const g27 = await readCell(out, '项目资金', 'G27');
    expect(g27.value).toMatchObject({ formula: 'SUM(G13:G26)' });
    expect((await readCell(out, '单位信息', 'B1')).value).toBe('黔南州大数据发展管理局');
    expect((await readCell(out, '支付明细', 'H2')).value).toBe('支付金额(元)');
  });

  it('leaves the input byte-identical', () => {
    expect(sha256(SAMPLE)).toBe(inputHash);
  });

  it('gives the same output when run on its own output', async () => {
    const again = path.join(dir, 'again.xlsx');
    expect((await cli(['report', out, '-o', again])).code).toBe(0);
    expect(await readSnapshot(again)).toEqual(await readSnapshot(out));
  });

  it('is rebuilt identically by the committed generator', async () => {
    const rebuilt = await buildSample(path.join(dir, 'rebuilt.xlsx'));
    expect(await readSnapshot(rebuilt)).toEqual(await readSnapshot(SAMPLE));
  });
});
