/**
 * The layout corpus through the Excel shell on the strict simulated Excel: for each workbook the add-in
 * finds what the command line finds — the same tables, rates, totals, issues and write plan — and
 * 重新计算执行率 leaves every planned value in its cell.
 *
 * date1904.xlsx, excel-table-totals.xlsx (a ListObject with its totals row) and the merged files are
 * in it: the merged ones on ExcelApi 1.13, where the shell can ask for merged areas (below it, Excel
 * refuses the write and the shell names the block — merges-and-tables.test.ts).
 * uncalculated-formulas.xlsx has its own test: Excel calculates on opening what the file lacks.
 */
import * as path from 'path';
import { LAYOUTS, LAYOUTS_DIR } from '../../scripts/make-layout-corpus';
import { analyze, cellRef, toSummary, type Summary, type WritePlan } from '../../src/core';
import { OfficeActionError, analyzeWorkbook, generateReport, recalculate } from '../../src/excel';
import { loadXlsxIntoFake } from '../../src/testing/fake-excel/load-xlsx';
import { TODAY, cliSnapshot, hostOf, strictFake } from './helpers';

const settings = { today: TODAY };
const OWN_TEST = ['uncalculated-formulas.xlsx'];
/** Files whose output columns meet merged areas: the shell reads merges from ExcelApi 1.13. */
const MERGED = ['merged-append.xlsx', 'merged-rate-cell.xlsx'];
const STOPS = ['equal-candidates.xlsx'];
const SAME = Object.keys(LAYOUTS).filter((n) => !OWN_TEST.includes(n) && !STOPS.includes(n));

function plannedCells(plan: WritePlan): { sheet: string; address: string; value: string | number }[] {
  return plan.blocks.flatMap((b) => b.values.flatMap((row, i) => row.map((value, j) => ({ sheet: b.sheet, address: cellRef(b.top + i, b.left + j), value }))));
}

async function both(name: string, extra = {}): Promise<{ excel: Summary; cli: Summary; plan: WritePlan; excelPlan: WritePlan; fake: ReturnType<typeof strictFake> }> {
  const file = path.join(LAYOUTS_DIR, name);
  const onCli = analyze(await cliSnapshot(file), { ...settings, ...extra });
  const fake = strictFake(await loadXlsxIntoFake(file), MERGED.includes(name) ? { excelApi: '1.13' } : {});
  const { analysis } = await analyzeWorkbook(hostOf(fake), { ...settings, ...extra });
  return { excel: toSummary(analysis), cli: toSummary(onCli), plan: onCli.plan, excelPlan: analysis.plan, fake };
}

describe.each(SAME)('%s in Excel as on the command line', (name) => {
  it('the same tables, figures, issues and write plan; every planned value lands in its cell', async () => {
    const { excel, cli, plan, excelPlan, fake } = await both(name);
    expect(excel).toEqual(cli);
    expect(excelPlan).toEqual(plan);
    const host = hostOf(fake);
    const cells = plannedCells(plan);
    expect((await recalculate(host, settings)).cellsWritten).toBe(cells.length);
    for (const c of cells) expect({ ...c, got: fake.controls.cell(c.sheet, c.address).value }).toEqual({ ...c, got: c.value });
  });
});

it('side-by-side-years.xlsx with the year set to 2022: the 2022 table in Excel too', async () => {
  const { excel, cli } = await both('side-by-side-years.xlsx', { fiscalYear: 2022 });
  expect(excel).toEqual(cli);
  expect(excel.totals!.budgetYuan).toBe(6_000_000);
});

it('tbd-executed.xlsx: 1565.61 万元 and the rate over 15 projects in Excel too', async () => {
  const { excel } = await both('tbd-executed.xlsx');
  const local = excel.groups.find((g) => g.name === '州本级')!;
  expect([local.budgetYuan, local.rateBasisProjectCount, local.unknownExecuted]).toEqual([15_656_104.69, 15, ['大数据发展宣传项目']]);
});

it('equal-candidates.xlsx: the add-in stops with the command line’s sentence, naming both tables', async () => {
  const file = path.join(LAYOUTS_DIR, 'equal-candidates.xlsx');
  const onCli = analyze(await cliSnapshot(file), settings);
  const fake = strictFake(await loadXlsxIntoFake(file));
  const host = hostOf(fake);
  const { analysis } = await analyzeWorkbook(host, settings);
  expect(analysis.ok).toBe(false);
  expect(analysis.issues).toEqual(onCli.issues);
  expect(analysis.candidates.funds.map((c) => c.range)).toEqual(['项目资金!A3:D5', "'项目资金 (2)'!A3:D5"]);
  const error = (await generateReport(host, settings).catch((e: unknown) => e)) as OfficeActionError;
  expect(error).toBeInstanceOf(OfficeActionError);
  expect(error.code).toBe('TABLE_AMBIGUOUS');
  expect(error.messageZh).toContain("项目资金!A3:D5（2023年）、'项目资金 (2)'!A3:D5（2023年）");
  expect(fake.stats.cellsWritten).toBe(0);
});

it('uncalculated-formulas.xlsx: Excel shows the calculated values, so the add-in computes every rate the command line could not', async () => {
  const { excel, cli } = await both('uncalculated-formulas.xlsx');
  expect(cli.issues.filter((i) => i.code === 'FORMULA_NOT_CALCULATED').length).toBeGreaterThan(0);
  expect(excel.issues.filter((i) => i.code === 'FORMULA_NOT_CALCULATED')).toEqual([]);
  expect(excel.projects.every((p) => p.executedYuan !== null && p.rateText !== '—')).toBe(true);
  expect(excel.totals!.budgetYuan).toBe(cli.totals!.budgetYuan);
});
