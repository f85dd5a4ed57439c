/**
 * Builds samples/黔南州大数据局-2023预算执行.xlsx from the reference report (scripts/sample-data.ts):
 * a funds table laid out the way a 财务科 keeps one (title, 单位：万元, a two-row header under a
 * merged 其中, 资金类别 merged down each group, 小计/合计 rows with SUM formulas, an empty 执行率
 * column), a payments export in 元 whose vouchers add up to each project's 执行数, and a 单位信息
 * sheet for the report, and a 绩效指标 sheet laid out like the national 项目支出绩效自评表's indicator
 * block (项目名称, 年度总体目标 and 一级/二级指标 merged down their rows, 年度总体目标 over 预期目标 |
 * 实际完成情况). Deterministic: the same file every run.
 *
 *   npm run sample
 */
import ExcelJS from 'exceljs';
import * as path from 'path';
import { projectRoot } from './project-root';
import { parseAmount } from '../src/core/money';
import { LINE_HEIGHT_PT, wrappedHeightPt } from '../src/cli/xlsx-patch/row-height';
import { INDICATORS, PROJECTS, SampleProject, UNIT } from './sample-data';

export const SAMPLE_PATH = path.join(projectRoot(), 'samples', '黔南州大数据局-2023预算执行.xlsx');

const AMOUNT_FORMAT = '0.00####';
/** Wide enough for 1565.610469 in bold: at 12, Excel shows the 合计 rows as ###. */
const AMOUNT_WIDTH = 14;

/** A row tall enough for its wrapped cells (no program refits heights when it opens a file). */
function fitRowHeight(ws: ExcelJS.Worksheet, row: number, wrappedCols: number[]): void {
  const need = Math.max(LINE_HEIGHT_PT, ...wrappedCols.map((c) => wrappedHeightPt(String(ws.getCell(row, c).value ?? ''), ws.getColumn(c).width ?? 9)));
  if (need > LINE_HEIGHT_PT) ws.getRow(row).height = need;
}

/** Printed on A3 (8; exceljs names no A3) landscape, one page wide, so the whole table reads on paper (and in a PDF check). */
const WIDE_PRINT: Partial<ExcelJS.PageSetup> = { paperSize: 8 as ExcelJS.PaperSize, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** A small deterministic generator, so the sample is byte-stable apart from exceljs's timestamps. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function wanToFen(wan: string): bigint {
  const p = parseAmount(wan, 'wan');
  if (!p.ok) throw new Error(`bad amount in sample data: ${wan}`);
  return p.fen;
}

function excelDate(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/** Split an executed amount into 1–4 payments in 元, summing to it exactly. */
export function splitPayments(p: SampleProject, rand: () => number): { fen: bigint; date: Date; memo: string }[] {
  const total = wanToFen(p.executed);
  if (total === 0n) return [];
  const n = total < 100_000_00n ? 1 : 1 + Math.floor(rand() * 4);
  const out: { fen: bigint; date: Date; memo: string }[] = [];
  let left = total;
  let month = 2 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) {
    // Round every part but the last to whole 元; the last takes the remainder with its 分.
    const share = i === n - 1 ? left : (total / BigInt(n) / 100n) * 100n;
    left -= share;
    const day = 1 + Math.floor(rand() * 27);
    out.push({ fen: share, date: excelDate(UNIT.year, Math.min(month, 12), day), memo: n === 1 ? `支付${p.name}` : `支付${p.name}（第${i + 1}期）` });
    month += 1 + Math.floor(rand() * 3);
  }
  return out;
}

function styleHeader(cell: ExcelJS.Cell): void {
  cell.font = { bold: true, name: '宋体', size: 11 };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.border = border;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
}

function buildFunds(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('项目资金');
  const headers = ['序号', '资金类别', '项目类别', '项目编码', '项目名称', '年初预算数', '全年预算数', '其中', '', '', '执行数', '执行率', '项目实施情况', '产生的效益', '受益对象满意度', '未完成原因'];
  const A = AMOUNT_WIDTH;
  const widths = [6, 12, 18, 18, 40, A, A, A, A, A, A, 9, 50, 40, 24, 40];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.mergeCells('A1:P1');
  ws.getCell('A1').value = `${UNIT.name}${UNIT.year}年项目支出预算执行情况表`;
  ws.getCell('A1').font = { bold: true, size: 16, name: '宋体' };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.getRow(1).height = 24;
  ws.getCell('A2').value = `填报单位：${UNIT.name}`;
  ws.getCell('P2').value = '单位：万元';
  ws.getCell('P2').alignment = { horizontal: 'right' };
  headers.forEach((h, i) => {
    const c = ws.getCell(3, i + 1);
    c.value = h || null;
    styleHeader(c);
    styleHeader(ws.getCell(4, i + 1));
  });
  ws.mergeCells('H3:J3');
  ['财政拨款', '上年结转', '其他资金'].forEach((h, i) => (ws.getCell(4, 8 + i).value = h));
  for (let col = 1; col <= 16; col++) if (col < 8 || col > 10) ws.mergeCells(3, col, 4, col);

  let row = 5;
  let seq = 0;
  const amountCols = ['F', 'G', 'H', 'I', 'J', 'K'];
  // Each row's amounts in 分, so total rows carry the cached results Excel would have saved.
  const fenAt = new Map<number, bigint[]>();
  const total = (label: string, members: number[], asRange: boolean): number => {
    const r = row++;
    ws.getCell(r, 5).value = label;
    ws.getCell(r, 5).font = { bold: true };
    const sums = amountCols.map((_, i) => members.reduce((acc, m) => acc + fenAt.get(m)![i], 0n));
    fenAt.set(r, sums);
    amountCols.forEach((col, i) => {
      const formula = asRange ? `SUM(${col}${members[0]}:${col}${members[members.length - 1]})` : members.map((m) => `${col}${m}`).join('+');
      const cell = ws.getCell(`${col}${r}`);
      cell.value = { formula, result: Number(sums[i]) / 1e6 };
      cell.numFmt = AMOUNT_FORMAT;
      cell.font = { bold: true };
    });
    for (let c = 1; c <= 16; c++) ws.getCell(r, c).border = border;
    return r;
  };
  const block = (members: SampleProject[]): number[] => {
    const start = row;
    for (const p of members) {
      seq++;
      const values: ExcelJS.CellValue[] = [seq, p.group, p.subgroup ?? null, p.code, p.name];
      values.forEach((v, i) => (ws.getCell(row, i + 1).value = v));
      const amounts = [p.budget, p.budget, p.fiscal, p.carryover, p.other, p.executed];
      fenAt.set(row, amounts.map(wanToFen));
      amounts.forEach((a, i) => {
        const c = ws.getCell(row, 6 + i);
        c.value = Number(a);
        c.numFmt = AMOUNT_FORMAT;
      });
      ws.getCell(row, 13).value = p.implementation ?? null;
      ws.getCell(row, 14).value = p.benefit ?? null;
      ws.getCell(row, 15).value = p.satisfaction ?? null;
      ws.getCell(row, 16).value = p.reason ?? null;
      for (let c = 1; c <= 16; c++) {
        const cell = ws.getCell(row, c);
        cell.border = border;
        cell.alignment = { vertical: 'top', wrapText: c >= 13 || c === 5 };
      }
      fitRowHeight(ws, row, [5, 13, 14, 15, 16]);
      row++;
    }
    // 资金类别 (and 项目类别) merged down the block, as offices lay it out.
    if (row - start > 1) {
      ws.mergeCells(start, 2, row - 1, 2);
      if (members[0].subgroup) ws.mergeCells(start, 3, row - 1, 3);
    }
    return Array.from({ length: row - start }, (_, i) => start + i);
  };

  const upperTotal = total('小计', block(PROJECTS.filter((p) => p.group === '上级资金')), true);
  row++;
  const talentTotal = total('小计', block(PROJECTS.filter((p) => p.subgroup === '人才项目')), true);
  const bigdataTotal = total('小计', block(PROJECTS.filter((p) => p.subgroup === '大数据发展专项资金')), true);
  const localTotal = total('州本级合计', [talentTotal, bigdataTotal], false);
  row++;
  const otherTotal = total('小计', block(PROJECTS.filter((p) => p.group === '其他运转类专项业务费')), true);
  total('总计', [upperTotal, localTotal, otherTotal], false);
  row += 1;
  ws.getCell(row, 1).value = '注：执行数为截至2023年12月31日的实际支付数；执行率、偏差说明由绩效自评助手计算填写。';
  ws.views = [{ state: 'frozen', ySplit: 4, xSplit: 5 }];
  ws.pageSetup = { ...WIDE_PRINT, printTitlesRow: '3:4' };
}

function buildPayments(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('支付明细');
  const headers = ['支付日期', '支付凭证号', '预算项目编码', '预算项目名称', '资金性质', '功能分类科目', '经济分类科目', '支付金额(元)', '收款人全称', '摘要'];
  const widths = [12, 18, 18, 40, 16, 26, 18, 16, 32, 44];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.mergeCells('A1:J1');
  ws.getCell('A1').value = `${UNIT.year}年国库集中支付明细（预算管理一体化系统导出）`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  headers.forEach((h, i) => styleHeader(Object.assign(ws.getCell(2, i + 1), { value: h })));
  const rand = lcg(20231231);
  const rows: { date: Date; p: SampleProject; fen: bigint; memo: string }[] = [];
  for (const p of PROJECTS) for (const part of splitPayments(p, rand)) rows.push({ date: part.date, p, fen: part.fen, memo: part.memo });
  rows.sort((a, b) => a.date.getTime() - b.date.getTime() || a.p.code.localeCompare(b.p.code));
  rows.forEach((r, i) => {
    const excelRow = ws.getRow(3 + i);
    const economic = r.p.subgroup === '人才项目' ? '30305 生活补助' : r.p.group === '其他运转类专项业务费' ? '30299 其他商品和服务支出' : '30227 委托业务费';
    excelRow.values = [
      r.date,
      `ZFPZ${UNIT.year}${String(i + 1).padStart(6, '0')}`,
      r.p.code,
      r.p.name,
      r.p.carryover !== '0' ? '上年结转资金' : '一般公共预算资金',
      '2011399 其他商贸事务支出',
      economic,
      Number(r.fen) / 100,
      r.p.payee,
      r.memo,
    ];
    excelRow.getCell(1).numFmt = 'yyyy-mm-dd';
    excelRow.getCell(8).numFmt = '#,##0.00';
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  ws.pageSetup = { ...WIDE_PRINT, printTitlesRow: '2:2' };
}

function buildUnit(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('单位信息');
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 100;
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const rows: [string, string | number][] = [
    ['单位名称', UNIT.name],
    ['年度', UNIT.year],
    ['报送对象', UNIT.addressee],
    ['报告标题', UNIT.title],
    ['开篇', UNIT.opening],
  ];
  rows.forEach(([k, v], i) => {
    ws.getCell(i + 1, 1).value = k;
    ws.getCell(i + 1, 1).font = { bold: true };
    ws.getCell(i + 1, 2).value = v;
    ws.getCell(i + 1, 2).alignment = { wrapText: true, vertical: 'top' };
    fitRowHeight(ws, i + 1, [2]);
  });
  let r = rows.length + 1;
  ws.getCell(r, 1).value = '单位职能';
  ws.getCell(r, 1).font = { bold: true };
  UNIT.functions.forEach((f, i) => {
    ws.getCell(r + i, 2).value = `(${i + 1})${f}`;
    ws.getCell(r + i, 2).alignment = { wrapText: true, vertical: 'top' };
    fitRowHeight(ws, r + i, [2]);
  });
  r += UNIT.functions.length;
  ws.getCell(r, 1).value = '存在的问题';
  ws.getCell(r + 1, 1).value = '下一步措施';
  ws.getCell(r, 1).font = { bold: true };
  ws.getCell(r + 1, 1).font = { bold: true };
}

/** Merge a column's cells down a run of rows holding the same value (the first row keeps it). */
function mergeRuns(ws: ExcelJS.Worksheet, col: number, first: number, values: string[]): void {
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[i]) j++;
    // Emptied before merging: once merged, a covered cell writes through to the merge's first cell.
    for (let k = i + 1; k <= j; k++) ws.getCell(first + k, col).value = null;
    if (j > i) ws.mergeCells(first + i, col, first + j, col);
    i = j + 1;
  }
}

function buildIndicators(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('绩效指标');
  const headers = ['项目名称', '年度总体目标', '', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '偏差原因分析及改进措施'];
  const widths = [30, 30, 40, 12, 14, 24, 16, 22, 40];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.mergeCells('A1:I1');
  ws.getCell('A1').value = `${UNIT.name}${UNIT.year}年项目支出绩效指标完成情况表`;
  ws.getCell('A1').font = { bold: true, size: 16, name: '宋体' };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  headers.forEach((h, i) => {
    styleHeader(Object.assign(ws.getCell(2, i + 1), { value: h || null }));
    styleHeader(ws.getCell(3, i + 1));
  });
  ws.mergeCells('B2:C2');
  ws.getCell('B3').value = '预期目标';
  ws.getCell('C3').value = '实际完成情况';
  for (let col = 1; col <= 9; col++) if (col < 2 || col > 3) ws.mergeCells(2, col, 3, col);
  let row = 4;
  for (const p of PROJECTS) {
    const ind = INDICATORS[p.code];
    if (!ind) throw new Error(`no indicators for ${p.code} in sample data`);
    const first = row;
    for (const [level1, level2, name, target, actual, deviation] of ind.rows) {
      const values: ExcelJS.CellValue[] = [p.name, ind.goal, p.implementation ?? '已完成年度目标。', level1, level2, name, target, actual, deviation ?? null];
      values.forEach((v, i) => {
        const c = ws.getCell(row, i + 1);
        c.value = v;
        c.border = border;
        c.alignment = { vertical: 'middle', wrapText: true, horizontal: i >= 6 && i <= 7 ? 'center' : undefined };
      });
      fitRowHeight(ws, row, [6, 8, 9]);
      row++;
    }
    // As the national form lays it out: the project, its goal and each 一级/二级 merged down their rows.
    for (const col of [1, 2, 3]) ws.mergeCells(first, col, row - 1, col);
    mergeRuns(ws, 4, first, ind.rows.map((r) => r[0]));
    mergeRuns(ws, 5, first, ind.rows.map((r) => `${r[0]}\u0000${r[1]}`));
    // The merged goal texts need the height of all the project's rows together.
    const need = Math.max(...[2, 3].map((c) => wrappedHeightPt(String(ws.getCell(first, c).value ?? ''), ws.getColumn(c).width ?? 9)));
    let have = 0;
    for (let r = first; r < row; r++) have += ws.getRow(r).height ?? LINE_HEIGHT_PT;
    if (need > have) ws.getRow(row - 1).height = (ws.getRow(row - 1).height ?? LINE_HEIGHT_PT) + need - have;
  }
  ws.views = [{ state: 'frozen', ySplit: 3, xSplit: 1 }];
  ws.pageSetup = { ...WIDE_PRINT, printTitlesRow: '2:3' };
}

export async function buildSample(file = SAMPLE_PATH): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '绩效自评助手 scripts/make-sample';
  // A fixed timestamp keeps the file identical from run to run.
  wb.created = wb.modified = new Date(Date.UTC(2024, 0, 15));
  buildFunds(wb);
  buildPayments(wb);
  buildUnit(wb);
  buildIndicators(wb);
  await wb.xlsx.writeFile(file);
  return file;
}

if (require.main === module) {
  buildSample().then((f) => console.log(`wrote ${f}`));
}
