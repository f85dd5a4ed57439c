/**
 * The corpus of real-life layouts (tests/fixtures/layouts/): one workbook per rule of how tables are
 * found and figures are read, each with its trap planted — last year's table beside or below this
 * year's, a hidden backup that scores higher, a header printed on every page, 合计 above the projects,
 * an 执行数 typed as 待定, formulas saved without values, a 1904-date-system file, a 40,000-character
 * 未完成原因, merged cells where a column would be appended, an Excel table with a totals row.
 * tests/core/layouts.test.ts and tests/cli/layouts.test.ts assert what a user reads for each.
 *
 *   npm run corpus:layouts
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { projectRoot } from './project-root';
import { PROJECTS } from './sample-data';

export const LAYOUTS_DIR = path.join(projectRoot(), 'tests', 'fixtures', 'layouts');

type Rows = ExcelJS.CellValue[][];

function d(y: number, m: number, day: number): Date {
  return new Date(Date.UTC(y, m - 1, day));
}

function sheet(wb: ExcelJS.Workbook, name: string, rows: Rows, state?: 'hidden' | 'veryHidden'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, state ? { state } : undefined);
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && v !== undefined && v !== '' && (ws.getCell(i + 1, j + 1).value = v)));
  return ws;
}

/** Rows placed from a given column (1-based): a table that starts right of another. */
function place(ws: ExcelJS.Worksheet, rows: Rows, top: number, left: number): void {
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && v !== undefined && v !== '' && (ws.getCell(top + i, left + j).value = v)));
}

const WIDE_HEADER = ['序号', '项目编码', '项目名称', '全年预算数', '执行数', '执行率', '偏差说明', '未完成原因'];

/** This year's four projects (万元): 255.6 budget, 205.6 executed → 80%. */
const THIS_YEAR: Rows = [
  [1, 'P2301', '网站运维', 85.6, 85.6, null, null, null],
  [2, 'P2302', '大数据宣传', 20, 10, null, null, '宣传活动推迟到次年'],
  [3, 'P2303', '数字乡村平台', 100, 60, null, null, '二期未验收'],
  [4, 'P2304', '政务云资源', 50, 50, null, null, null],
  [null, null, '合计', 255.6, 205.6, null, null, null],
];

/** Last year's five projects: 600 budget, 300 executed → 50%. A table a clerk keeps for comparison. */
const LAST_YEAR: Rows = [
  [1, 'P2201', '旧网站运维', 100, 50, null, null, '合同变更'],
  [2, 'P2202', '档案数字化', 200, 100, null, null, '进度滞后'],
  [3, 'P2203', '视频会议系统', 100, 50, null, null, '设备未到货'],
  [4, 'P2204', '机房改造', 150, 75, null, null, '施工延期'],
  [5, 'P2205', '安全等保测评', 50, 25, null, null, '测评未完成'],
  [null, null, '合计', 600, 300, null, null, null],
];

function titled(year: number): Rows {
  return [[`${year}年项目支出预算执行情况表`], [null, null, null, null, null, null, null, '单位：万元'], WIDE_HEADER];
}

const PAY_HEADER = ['支付日期', '支付凭证号', '预算项目编码', '预算项目名称', '支付金额(元)'];

/** 州本级 of the reference report: 2 人才项目 and 14 大数据发展专项资金 projects, 1565.61 万元. */
const LOCAL = PROJECTS.filter((p) => p.group === '州本级');

export const LAYOUTS: Record<string, (wb: ExcelJS.Workbook) => void> = {
  /** This year's table A:H and last year's J:Q on one sheet: no year set → the later (2023) is used, with a warning. */
  'side-by-side-years.xlsx': (wb) => {
    const ws = wb.addWorksheet('项目资金');
    place(ws, [...titled(2023), ...THIS_YEAR], 1, 1);
    place(ws, [...titled(2022), ...LAST_YEAR], 1, 10);
  },
  /** The same two tables with no blank column between them (2023 A:H, 2022 I:P). */
  'side-by-side-no-gap.xlsx': (wb) => {
    const ws = wb.addWorksheet('项目资金');
    place(ws, [...titled(2023), ...THIS_YEAR], 1, 1);
    place(ws, [...titled(2022), ...LAST_YEAR], 1, 9);
  },
  /** 2023's 20 projects, then — below row 20 — 2022's table under its own title: two tables, not one. */
  'stacked-years.xlsx': (wb) => {
    const upper: Rows = Array.from({ length: 20 }, (_, i) => [i + 1, `P23${String(i + 1).padStart(2, '0')}`, `2023年项目${i + 1}`, 10, i < 10 ? 10 : 5, null, null, i < 10 ? null : '合同未到期']);
    const lower: Rows = Array.from({ length: 6 }, (_, i) => [i + 1, `P22${String(i + 1).padStart(2, '0')}`, `2022年项目${i + 1}`, 40, 40, null, null, null]);
    sheet(wb, '项目资金', [...titled(2023), ...upper, [null, null, '合计', 200, 150], [], ...titled(2022), ...lower, [null, null, '合计', 240, 240]]);
  },
  /** A visible table with few columns; hidden and very hidden backups of earlier years with more (they score higher). */
  'hidden-backup.xlsx': (wb) => {
    const rich = ['序号', '资金类别', '项目编码', '项目名称', '年初预算数', '全年预算数', '财政拨款', '上年结转', '其他资金', '执行数', '执行率', '未完成原因'];
    const richRow = (i: number, year: number): ExcelJS.CellValue[] => [i, '州本级', `B${year}${i}`, `${year}年备份项目${i}`, 500, 500, 500, 0, 0, 100, null, '备份'];
    sheet(wb, '2022备份', [['2022年项目支出预算执行情况表'], ['单位：万元'], rich, ...[1, 2, 3].map((i) => richRow(i, 2022))], 'hidden');
    sheet(wb, '2021备份', [['2021年项目支出预算执行情况表'], ['单位：万元'], rich, ...[1, 2].map((i) => richRow(i, 2021))], 'veryHidden');
    sheet(wb, '项目资金', [['2023年项目支出预算执行情况表'], ['单位：万元'], ['项目名称', '预算数', '执行数'], ['网站运维', 85.6, 85.6], ['大数据宣传', 20, 10]]);
  },
  /** Two visible copies of the same 2023 table (Excel names a copied sheet “项目资金 (2)”): the user must choose. */
  'equal-candidates.xlsx': (wb) => {
    const rows: Rows = [['2023年项目支出预算执行情况表'], ['单位：万元'], ['项目编码', '项目名称', '全年预算数', '执行数'], ['P01', '网站运维', 85.6, 85.6], ['P02', '大数据宣传', 20, 10]];
    sheet(wb, '项目资金', rows);
    sheet(wb, '项目资金 (2)', rows.map((r, i) => (i === 4 ? ['P02', '大数据宣传', 20, 15] : r)));
  },
  /** 45 projects and 120 payments with the header printed again every 20 rows. */
  'header-repeated.xlsx': (wb) => {
    const header = ['序号', '项目编码', '项目名称', '全年预算数', '执行数'];
    const funds: Rows = [['2023年项目支出预算执行情况表'], ['单位：万元'], header];
    for (let i = 1; i <= 45; i++) {
      funds.push([i, `P${String(i).padStart(3, '0')}`, `项目${i}`, 10, 4]);
      if (i % 20 === 0) funds.push(header);
    }
    funds.push([null, null, '合计', 450, 180]);
    sheet(wb, '项目资金', funds);
    const pays: Rows = [PAY_HEADER];
    for (let k = 0; k < 120; k++) {
      const p = (k % 45) + 1;
      pays.push([d(2023, 1 + (k % 12), 1 + (k % 28)), `V${String(k + 1).padStart(4, '0')}`, `P${String(p).padStart(3, '0')}`, `项目${p}`, 15000]);
      if ((k + 1) % 20 === 0) pays.push(PAY_HEADER);
    }
    sheet(wb, '支付明细', pays);
  },
  /** 合计 right under the header, then each group's heading row carrying its sums — 二、州本级's 执行数 is wrong. */
  'total-above.xlsx': (wb) => {
    sheet(wb, '项目资金', [
      ['2023年项目支出预算执行情况表'],
      ['单位：万元'],
      ['序号', '项目名称', '全年预算数', '执行数'],
      ['合计', null, 255.6, 205.6],
      ['一、', '上级资金', 105.6, 95.6],
      [1, '网站运维', 85.6, 85.6],
      [2, '大数据宣传', 20, 10],
      ['二、', '州本级', 150, 170],
      [3, '数字乡村平台', 100, 60],
      [4, '政务云资源', 50, 50],
    ]);
  },
  /** A 资金类别 column with 总计 first and each group's 小计 above its projects. */
  'subtotal-above.xlsx': (wb) => {
    sheet(wb, '项目资金', [
      ['2023年项目支出预算执行情况表'],
      ['单位：万元'],
      ['资金类别', '项目名称', '全年预算数', '执行数'],
      ['总计', null, 255.6, 205.6],
      ['上级资金', '小计', 105.6, 95.6],
      ['上级资金', '网站运维', 85.6, 85.6],
      ['上级资金', '大数据宣传', 20, 10],
      ['州本级', '小计', 150, 110],
      ['州本级', '数字乡村平台', 100, 60],
      ['州本级', '政务云资源', 50, 50],
    ]);
  },
  /** 州本级's 16 projects (1565.61 万元) with 大数据发展宣传项目's 执行数 typed 待定; the payments show 5 万元 paid for it. */
  'tbd-executed.xlsx': (wb) => {
    const rows: Rows = [['2023年项目支出预算执行情况表'], ['单位：万元'], ['序号', '资金类别', '项目类别', '项目编码', '项目名称', '全年预算数', '执行数', '执行率']];
    LOCAL.forEach((p, i) => rows.push([i + 1, p.group, p.subgroup ?? null, p.code, p.name, Number(p.budget), p.name === '大数据发展宣传项目' ? '待定' : Number(p.executed)]));
    rows.push([null, null, null, null, '州本级合计', 1565.61, 1560.61]);
    sheet(wb, '项目资金', rows);
    const pays: Rows = [PAY_HEADER];
    LOCAL.forEach((p, i) => pays.push([d(2023, 3 + (i % 9), 10), `ZF${String(i + 1).padStart(4, '0')}`, p.code, p.name, Math.round(Number(p.executed) * 1e6) / 100]));
    sheet(wb, '支付明细', pays);
  },
  /** Formulas saved without values: in 执行数 cells, the 合计 row and payment amounts and dates. */
  'uncalculated-formulas.xlsx': (wb) => {
    const ws = sheet(wb, '项目资金', [
      ['2023年项目支出预算执行情况表'],
      ['单位：万元'],
      ['项目编码', '项目名称', '全年预算数', '执行数'],
      ['P01', '网站运维', 10, 8],
      ['P02', '宣传', 5, null],
      ['P03', '培训', 4, null],
      ['P04', '会议', 6, null],
      [null, '合计', null, null],
    ]);
    ws.getCell('D5').value = { formula: 'C5*0.5' } as ExcelJS.CellFormulaValue;
    ws.getCell('D7').value = { formula: 'C7*0.8' } as ExcelJS.CellFormulaValue;
    ws.getCell('C8').value = { formula: 'SUM(C4:C7)' } as ExcelJS.CellFormulaValue;
    ws.getCell('D8').value = { formula: 'SUM(D4:D7)' } as ExcelJS.CellFormulaValue;
    const pays = sheet(wb, '支付明细', [
      PAY_HEADER,
      [d(2023, 3, 1), 'V001', 'P01', '网站运维', 50000],
      [d(2023, 6, 1), 'V002', 'P01', '网站运维', 30000],
      [d(2023, 4, 1), 'V003', 'P03', '培训', 10000],
      [d(2023, 5, 1), 'V004', 'P03', '培训', null],
      [null, 'V005', 'P04', '会议', 20000],
    ]);
    pays.getCell('E5').value = { formula: 'E4*2' } as ExcelJS.CellFormulaValue;
    pays.getCell('A6').value = { formula: 'DATE(2023,7,1)' } as ExcelJS.CellFormulaValue;
  },
  /** A workbook in the 1904 date system (a Mac habit): a payment on 2023-12-30 is inside 2023, one on 2024-01-02 is not. */
  'date1904.xlsx': (wb) => {
    wb.properties.date1904 = true;
    sheet(wb, '项目资金', [['2023年项目支出预算执行情况表'], ['单位：万元'], ['项目编码', '项目名称', '全年预算数'], ['P01', '网站运维', 10]]);
    const pays = sheet(wb, '支付明细', [PAY_HEADER, [d(2023, 1, 1), 'V001', 'P01', '网站运维', 20000], [d(2023, 12, 30), 'V002', 'P01', '网站运维', 30000], [d(2024, 1, 2), 'V003', 'P01', '网站运维', 10000]]);
    pays.getColumn(1).numFmt = 'yyyy-mm-dd';
  },
  /** A 未完成原因 of 40,000 characters: the 偏差说明 that quotes it must fit Excel's 32,767. */
  'long-reason.xlsx': (wb) => {
    const reason = `${'受疫情和供应链影响，设备到货延迟，项目验收顺延。'.repeat(1700)}`.slice(0, 40_000);
    sheet(wb, '项目资金', [['2023年项目支出预算执行情况表'], ['单位：万元'], ['项目名称', '全年预算数', '执行数', '未完成原因'], ['网站运维', 10, 5, reason], ['大数据宣传', 10, 10]]);
  },
  /** An empty merged box (D3:E7) right of the table, where 执行率 would be appended. */
  'merged-append.xlsx': (wb) => {
    const ws = sheet(wb, '项目资金', [['2023年项目支出预算执行情况表'], ['单位：万元'], ['项目名称', '全年预算数', '执行数'], ['网站运维', 10, 5], ['大数据宣传', 20, 20], ['数字乡村平台', 100, 60], [null, null, null]]);
    ws.mergeCells('D3:E7');
    ws.getCell('D3').border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  },
  /** The table's own 执行率 column, with one row's 执行率 cell merged into the 偏差说明 cell beside it. */
  'merged-rate-cell.xlsx': (wb) => {
    const ws = sheet(wb, '项目资金', [['2023年项目支出预算执行情况表'], ['单位：万元'], ['项目名称', '全年预算数', '执行数', '执行率', '偏差说明'], ['网站运维', 10, 5], ['大数据宣传', 20, 20, '见说明'], ['数字乡村平台', 100, 60]]);
    ws.mergeCells('D5:E5');
  },
  /** The funds as an Excel table (ListObject) with a totals row labelled 汇总. */
  'excel-table-totals.xlsx': (wb) => {
    const ws = wb.addWorksheet('项目资金');
    ws.getCell('A1').value = '2023年项目支出预算执行情况表';
    ws.getCell('A2').value = '单位：万元';
    ws.addTable({
      name: 'Funds2023',
      ref: 'A3',
      headerRow: true,
      totalsRow: true,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: [
        { name: '项目编码', totalsRowLabel: '汇总' },
        { name: '项目名称' },
        { name: '全年预算数', totalsRowFunction: 'sum', totalsRowResult: 130 } as ExcelJS.TableColumnProperties,
        { name: '执行数', totalsRowFunction: 'sum', totalsRowResult: 85 } as ExcelJS.TableColumnProperties,
        { name: '执行率' },
      ],
      rows: [
        ['P01', '网站运维', 10, 5, null],
        ['P02', '大数据宣传', 20, 20, null],
        ['P03', '数字乡村平台', 100, 60, null],
      ],
    });
  },
  /** A note far below the table (after blank rows) and another typed right of it, beside a project. */
  'stray-notes.xlsx': (wb) => {
    const rows: Rows = [['2023年项目支出预算执行情况表'], ['单位：万元'], ['项目名称', '全年预算数', '执行数'], ['网站运维', 10, 5], ['大数据宣传', 20, 20, null, null, null, null, '张三3月核对'], ['数字乡村平台', 100, 60]];
    for (let i = 0; i < 30; i++) rows.push([]);
    rows.push(['以上数据仅供内部核对']);
    sheet(wb, '项目资金', rows);
  },
  /** A small office's one sheet: the funds table A:C and the payments export beside it, F:J. */
  'funds-and-payments-one-sheet.xlsx': (wb) => {
    const ws = wb.addWorksheet('预算执行');
    ws.getCell('A1').value = '2023年项目资金（单位：万元）';
    ws.getCell('A2').value = '单位：万元';
    place(ws, [['项目编码', '项目名称', '全年预算数'], ['P01', '网站运维', 10], ['P02', '大数据宣传', 20]], 3, 1);
    place(ws, [PAY_HEADER, [d(2023, 3, 1), 'V001', 'P01', '网站运维', 50000], [d(2023, 8, 1), 'V002', 'P02', '大数据宣传', 150000], [d(2023, 9, 1), 'V003', 'P02', '大数据宣传', 50000]], 3, 6);
  },
  /** Another province's wording: 预算项目名称 / 项目代码 / 调整后预算数 / 实际支出数, full-width spaces, text amounts and dates. */
  'another-province.xlsx': (wb) => {
    sheet(wb, '预算执行情况', [
      ['某州大数据局2023年度项目支出执行情况'],
      ['金额单位：万元'],
      ['项目代码', '预算项目名称', '调整后预算数（万元）', '实际支出数（万元）', '预算执行率'],
      ['52270023X001', '州级政务云服务', '１，２００．５', '９６０．４'],
      ['52270023X002', '网络安全运维', '80', '80'],
    ]);
    sheet(wb, '国库支付', [
      ['付款日期', '凭证编号', '项目代码', '付款金额（元）', '用途'],
      ['2023.03.15', 'PZ-001', '52270023X001', '9,604,000.00', '云服务费'],
      ['2023年11月2日', 'PZ-002', '52270023X002', '800,000', '运维费'],
    ]);
  },
};

export async function buildLayoutCorpus(): Promise<string[]> {
  await fs.mkdir(LAYOUTS_DIR, { recursive: true });
  const files: string[] = [];
  for (const [name, build] of Object.entries(LAYOUTS)) {
    const wb = new ExcelJS.Workbook();
    wb.creator = '绩效自评助手 scripts/make-layout-corpus';
    // A fixed timestamp keeps each file the same from run to run.
    wb.created = wb.modified = new Date(Date.UTC(2024, 0, 15));
    build(wb);
    const file = path.join(LAYOUTS_DIR, name);
    await wb.xlsx.writeFile(file);
    files.push(file);
  }
  return files;
}

if (require.main === module) {
  buildLayoutCorpus().then((files) => console.log(`wrote ${files.length} files to ${LAYOUTS_DIR}`));
}
