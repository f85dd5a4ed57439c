/**
 * The Excel shell reads what the command line reads when the user has chosen the table: a year set in
 * the settings (the payments table of that year, not the latest one) and a table range whose header
 * lies below the rows the shell reads first (A24:D26 on a sheet too big to read whole). Same figures, same plan, both shells.
 */
import { analyze, toSummary, type Settings, type WorkbookSnapshot } from '../../src/core';
import { analyzeWorkbook } from '../../src/excel';
import { buildWorkbook, type CellValue, type FakeWorkbookData } from '../../src/testing/fake-excel';
import { TODAY, hostOf, strictFake } from './helpers';

type Rows = CellValue[][];

/** The sheets exactly as given, as the command line's reader would hand them to the core. */
function snapshotOf(data: FakeWorkbookData): WorkbookSnapshot {
  return { sheets: data.sheets.map((s) => ({ name: s.name, visibility: 'visible', top: 0, left: 0, values: s.values.map((r) => (r ?? []).map((v) => v ?? '')) })) };
}

/** Rows placed side by side: `right` starts at column `at` (0-based). */
function beside(left: Rows, right: Rows, at: number): Rows {
  const out: Rows = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const row: CellValue[] = new Array(at + (right[i]?.length ?? 0)).fill('');
    (left[i] ?? []).forEach((v, j) => (row[j] = v));
    (right[i] ?? []).forEach((v, j) => (row[at + j] = v));
    out.push(row);
  }
  return out;
}

const funds = (year: number, rows: Rows): Rows => [[`${year}年项目支出预算执行情况表`], ['单位：万元'], ['项目编码', '项目名称', '全年预算数', '执行数'], ...rows];
const payments = (year: number, rows: Rows): Rows => [[`${year}年支付明细`], ['支付日期', '支付凭证号', '预算项目编码', '支付金额(元)'], ...rows];

async function both(data: FakeWorkbookData, settings: Settings) {
  const cli = analyze(snapshotOf(data), settings);
  const { analysis } = await analyzeWorkbook(hostOf(strictFake(data)), settings);
  return { cli: toSummary(cli), excel: toSummary(analysis), cliPlan: cli.plan, excelPlan: analysis.plan };
}

it('with the year set to 2022, the Excel shell reads the 2022 payments table beside the 2023 one, as the command line does', async () => {
  // 2022: P1 budget 10 万元, 40 payments of 1,250 元 = 50,000 元 → 50% (more rows than the shell reads
  // before it knows the tables). 2023: P1 budget 10 万元, paid 90,000 元 → 90%.
  const paid2022: Rows = Array.from({ length: 40 }, (_, i) => [44600 + i, `V${i + 1}`, 'P1', 1250]);
  const data = buildWorkbook({
    项目资金: beside(funds(2022, [['P1', '机房改造', 10, '']]), funds(2023, [['P1', '机房改造', 10, '']]), 6),
    支付明细: beside(payments(2022, paid2022), payments(2023, [[45000, 'W1', 'P1', 90000]]), 6),
  });
  const settings = { today: TODAY, fiscalYear: 2022 };
  const r = await both(data, settings);
  expect(r.cli.projects.map((p) => [p.executedYuan, p.rateText])).toEqual([[50_000, '50%']]);
  expect(r.excel).toEqual(r.cli);
  expect(r.excelPlan).toEqual(r.cliPlan);
});

it('a range override whose header is in row 24 (below the first rows read) gives the Excel shell the same table', async () => {
  const filler: Rows = Array.from({ length: 21 }, (_, i) => [i === 0 ? '说明：下表为调整后预算' : '']);
  // Rows 1–21 notes, then from row 22 the title, unit and header (row 24) … the table at A24:D26.
  const rows: Rows = [...filler, ...funds(2023, [['P1', '网站运维', 85.6, 85.6], ['P2', '数字乡村平台', 100, 60]])];
  // A note typed far down and right makes the sheet too big to be read whole without knowing the table.
  while (rows.length < 5000) rows.push([]);
  rows.push([...new Array(25).fill(''), '核对人：王']);
  const data = buildWorkbook({ 项目资金: rows });
  const settings = { today: TODAY, mapping: { funds: { sheet: '项目资金', range: 'A24:D26' } } };
  const r = await both(data, settings);
  expect(r.cli.projects.map((p) => [p.cell, p.rateText])).toEqual([
    ['项目资金!B25', '100%'],
    ['项目资金!B26', '60%'],
  ]);
  expect(r.excel).toEqual(r.cli);
  expect(r.excelPlan).toEqual(r.cliPlan);
});
