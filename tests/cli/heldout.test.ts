/**
 * The held-out corpus through `jixiao report`: workbooks made by other programs and odd hands
 * (openpyxl, LibreOffice, hand-written SpreadsheetML in the Open XML SDK's and export systems' ways),
 * each checked against its hand-written answer key — the table used, every project's budget and
 * executed amount in 分, the group and total sums and rates, the issues at their cells.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Summary } from '../../src/core';
import { loadXlsxIntoFake } from '../../src/testing/fake-excel/load-xlsx';
import { cli, sha256, tempDir } from '../helpers/cli';
import { HELDOUT_DIR, answerKey, heldoutFiles, mismatches } from '../helpers/heldout';

it('the corpus holds 15–40 workbooks, each with its answer key', () => {
  const files = heldoutFiles();
  expect(files.length).toBeGreaterThanOrEqual(15);
  expect(files.length).toBeLessThanOrEqual(40);
  for (const f of files) expect(answerKey(f).trap.length).toBeGreaterThan(0);
});

describe.each(heldoutFiles())('%s on the command line', (name) => {
  it('reads what its answer key says, and never writes the input', async () => {
    const key = answerKey(name);
    const input = path.join(HELDOUT_DIR, name);
    const before = sha256(input);
    const dir = tempDir('jixiao-heldout-');
    const json = path.join(dir, 'summary.json');
    const r = await cli(['report', input, '-o', path.join(dir, 'out.xlsx'), '--json', json, ...(key.args ?? [])]);
    expect(sha256(input)).toBe(before);
    if (key.refused) {
      expect({ code: r.code, stdout: r.stdout, lines: r.stderr.trim().split('\n').length }).toEqual({ code: key.refused.exit, stdout: '', lines: 1 });
      for (const text of key.refused.says) expect(r.stderr).toContain(text);
      return;
    }
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout.split('\n')[0]).toContain(`资金表：${key.tables.funds}；支付明细：${key.tables.payments ?? '无'}`);
    const summary = JSON.parse(readFileSync(json, 'utf8')) as Summary;
    expect(mismatches(summary, key)).toEqual([]);
    // OUT, read back by another reader (exceljs, through the simulated Excel's loader): each project's row holds its rate under 执行率.
    expect(await ratesInOut(path.join(dir, 'out.xlsx'), key.tables.funds, summary)).toEqual(summary.projects.map((p) => [p.name, p.rate]));
  });
});

/** [name, the 执行率 cell's value in the project's row] for each project, from the written copy. */
async function ratesInOut(out: string, sheet: string, s: Summary): Promise<[string, number | null][]> {
  const values = (await loadXlsxIntoFake(out)).sheets.find((x) => x.name === sheet)!.values;
  const rowOf = (cell: string) => Number(/(\d+)$/.exec(cell)![1]) - 1;
  const first = Math.min(...s.projects.map((p) => rowOf(p.cell)));
  let col = -1;
  for (let r = first - 1; r >= 0 && col < 0; r--) col = (values[r] ?? []).findIndex((v) => String(v).trim() === '执行率');
  return s.projects.map((p) => {
    const v = values[rowOf(p.cell)]?.[col] ?? null;
    return [p.name, typeof v === 'number' ? v : v === '' ? null : (v as never)];
  });
}
