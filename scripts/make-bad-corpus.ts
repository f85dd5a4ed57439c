/**
 * The corpus of hostile and broken workbooks (tests/fixtures/bad/): every way a finance officer's
 * half-finished file can go wrong, rebuilt by `npm run corpus`. tests/robustness/ asserts how each
 * one ends — a result or a one-line reason naming the sheet and cell — in the CLI, the simulated
 * Excel and the report.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { projectRoot } from './project-root';

export const CORPUS_DIR = path.join(projectRoot(), 'tests', 'fixtures', 'bad');

type Rows = ExcelJS.CellValue[][];

const FUNDS_HEADER = ['项目编码', '项目名称', '全年预算数', '执行数'];
const PAY_HEADER = ['支付日期', '支付凭证号', '预算项目编码', '预算项目名称', '支付金额(元)'];

function d(y: number, m: number, day: number): Date {
  return new Date(Date.UTC(y, m - 1, day));
}

async function save(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2024, 0, 15));
  build(wb);
  const file = path.join(CORPUS_DIR, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function sheet(wb: ExcelJS.Workbook, name: string, rows: Rows, state?: 'hidden' | 'veryHidden'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, state ? { state } : undefined);
  rows.forEach((r, i) => {
    if (r.length) ws.getRow(i + 1).values = r;
  });
  return ws;
}

/** A small, valid funds + payments pair the broken files vary on. */
function goodFunds(): Rows {
  return [['2023年项目支出预算执行情况表'], ['单位：万元'], FUNDS_HEADER, ['P01', '网站运维', 10, 10], ['P02', '大数据宣传', 5, 2]];
}

function goodPayments(): Rows {
  return [PAY_HEADER, [d(2023, 3, 1), 'V001', 'P01', '网站运维', 100000], [d(2023, 6, 1), 'V002', 'P02', '大数据宣传', 20000]];
}

export const CORPUS: Record<string, (wb: ExcelJS.Workbook) => void> = {
  'empty.xlsx': (wb) => void wb.addWorksheet('Sheet1'),
  'no-table.xlsx': (wb) => {
    sheet(wb, '通讯录', [['姓名', '电话', '科室'], ['张三', '0854-8222222', '财务科']]);
    sheet(wb, '备忘', [['2023年工作要点'], ['1. 做好预算执行']]);
  },
  'headers-only.xlsx': (wb) => {
    sheet(wb, '项目资金', [['单位：万元'], FUNDS_HEADER]);
    sheet(wb, '支付明细', [PAY_HEADER]);
  },
  'header-row-19.xlsx': (wb) => {
    const rows: Rows = Array.from({ length: 18 }, (_, i) => (i === 0 ? ['2023年项目表（说明见下）'] : i === 2 ? ['单位：万元'] : []));
    sheet(wb, '项目资金', [...rows, FUNDS_HEADER, ['P01', '网站运维', 10, 8]]);
  },
  'header-row-25.xlsx': (wb) => {
    const rows: Rows = Array.from({ length: 24 }, (_, i) => (i === 0 ? ['2023年项目表'] : []));
    sheet(wb, '项目资金', [...rows, FUNDS_HEADER, ['P01', '网站运维', 10, 8]]);
  },
  'duplicate-headers.xlsx': (wb) => {
    sheet(wb, '项目资金', [['单位：万元'], ['项目名称', '全年预算数', '全年预算数', '执行数', '执行数'], ['网站运维', 10, 99, 5, 7]]);
  },
  'merged-data-cells.xlsx': (wb) => {
    const ws = sheet(wb, '项目资金', [['单位：万元'], ['资金类别', '项目名称', '全年预算数', '执行数'], ['上级资金', '网站运维', 10, 10], ['', '', '', 4], ['州本级', '宣传', 5, 5]]);
    ws.mergeCells('A3:A4');
    ws.mergeCells('B3:B4');
    ws.mergeCells('C3:C4');
  },
  'formula-errors.xlsx': (wb) => {
    const ws = sheet(wb, '项目资金', [['单位：万元'], FUNDS_HEADER, ['P01', '网站运维', 10, null], ['P02', '宣传', null, 2], ['P03', '培训', 4, 1]]);
    ws.getCell('D3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('C4').value = { formula: '#REF!+1', result: { error: '#REF!' } };
    const pays = sheet(wb, '支付明细', [PAY_HEADER, [null, 'V1', 'P03', '培训', 10000], [d(2023, 5, 1), 'V2', 'P03', '培训', null]]);
    pays.getCell('A2').value = { formula: 'VLOOKUP(1,X,2)', result: { error: '#N/A' } };
    pays.getCell('E3').value = { formula: 'NA()', result: { error: '#N/A' } };
  },
  'odd-amounts.xlsx': (wb) => {
    sheet(wb, '项目资金', [
      ['单位：万元'],
      FUNDS_HEADER,
      ['P01', '巨额', 1e20, 0],
      ['P02', '负零', -0, 0],
      ['P03', '文字', 'NaN', 0],
      ['P04', '两个小数点', '1,234.5.6', 0],
      ['P05', '无穷', 'Infinity', 0],
      ['P06', '正常', '１，２３４．５', '1,000'],
    ]);
  },
  'bad-dates.xlsx': (wb) => {
    sheet(wb, '项目资金', goodFunds());
    sheet(wb, '支付明细', [PAY_HEADER, ['2023-02-30', 'V1', 'P01', '网站运维', 1000], ['上周五', 'V2', 'P01', '网站运维', 1000], [99999999, 'V3', 'P01', '网站运维', 1000], ['2023年6月15日', 'V4', 'P01', '网站运维', 1000]]);
  },
  'sheet-names.xlsx': (wb) => {
    sheet(wb, "预算 表 'A' 2023", goodFunds());
    sheet(wb, '支付（明细）！', [...goodPayments(), [d(2023, 7, 1), 'V003', 'P99', '不存在的项目', 500]]);
  },
  'hidden-sheets.xlsx': (wb) => {
    sheet(wb, '封面', [['黔南州某局 2023 年预算执行']]);
    sheet(wb, '项目资金', goodFunds(), 'hidden');
    sheet(wb, '支付明细', goodPayments(), 'veryHidden');
  },
  'gap-200-rows.xlsx': (wb) => {
    const gap: Rows = Array.from({ length: 200 }, () => []);
    sheet(wb, '项目资金', [...goodFunds(), ...gap, ['P03', '培训', 4, 1], ['P04', '会议', 6, 6]]);
    sheet(wb, '支付明细', [...goodPayments(), ...gap, [d(2023, 9, 1), 'V009', 'P03', '培训', 10000]]);
  },
  'injection.xlsx': (wb) => {
    sheet(wb, '项目资金', [
      ['单位：万元'],
      ['项目名称', '全年预算数', '执行数', '项目实施情况', '未完成原因'],
      ['=HYPERLINK("http://x","y")', 10, 5, '+1 完成验收', '-合同未签订'],
      ['@SUM(A1:A9)', 8, 8, '<script>alert(1)</script>', ''],
      ['<b>加粗</b>项目', 6, 3, '<img src=x onerror=alert(1)>', '=1+1'],
    ]);
    // The unit's own words open the report's title, addressee and signature lines: a cell written
    // there that Excel read as a formula (a DDE payload) would run on opening.
    sheet(wb, '单位信息', [
      ['单位名称', "=cmd|' /C calc'!A0"],
      ['报送对象', '+州财政局'],
      ['报告标题', '@2023年度绩效自评报告'],
      ['单位职能', '-负责全州大数据<script>alert(2)</script>发展'],
    ]);
  },
  'long-texts.xlsx': (wb) => {
    sheet(wb, '项目资金', [
      ['单位：万元'],
      ['项目名称', '全年预算数', '执行数', '项目实施情况'],
      ['黔南州'.repeat(100), 10, 5, '长文本。'.repeat(8000)],
      ['预留项目', 0, 0, ''],
    ]);
  },
  'numeric-codes.xlsx': (wb) => {
    sheet(wb, '项目资金', [['单位：万元'], FUNDS_HEADER, [522700230000000100, '网站运维', 10, ''], [522700230000000200, '宣传', 5, '']]);
    sheet(wb, '支付明细', [PAY_HEADER, [d(2023, 3, 1), 'V1', '522700230000000100', '网站运维', 1000]]);
  },
};

/** 50,000 payments, 10,000 of them for projects the funds table does not have (streamed: it is large). */
export async function makeBigPayments(file = path.join(CORPUS_DIR, 'payments-50k.xlsx')): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const funds = wb.addWorksheet('项目资金');
  funds.addRow(['2023年项目支出预算执行情况表']).commit();
  funds.addRow(['单位：万元']).commit();
  funds.addRow(FUNDS_HEADER).commit();
  for (let i = 1; i <= 200; i++) funds.addRow([`P${String(i).padStart(3, '0')}`, `项目${i}`, 1000, null]).commit();
  funds.commit();
  const pays = wb.addWorksheet('支付明细');
  pays.addRow(PAY_HEADER).commit();
  for (let k = 0; k < 50_000; k++) {
    const unknown = k % 5 === 4;
    const p = (Math.floor(k / 5) % 200) + 1;
    const code = unknown ? `X${String(k).padStart(5, '0')}` : `P${String(p).padStart(3, '0')}`;
    pays.addRow([d(2023, 1 + (k % 12), 1 + (k % 28)), `V${String(k).padStart(6, '0')}`, code, unknown ? `未知项目${k}` : `项目${p}`, 100]).commit();
  }
  pays.commit();
  await wb.commit();
  return file;
}

export async function buildCorpus(): Promise<string[]> {
  await fs.mkdir(CORPUS_DIR, { recursive: true });
  const files: string[] = [];
  for (const [name, build] of Object.entries(CORPUS)) files.push(await save(name, build));
  const notXlsx = path.join(CORPUS_DIR, 'not-an-xlsx.xlsx');
  await fs.writeFile(notXlsx, '项目名称,全年预算数\n网站运维,10\n');
  files.push(notXlsx, await makeBigPayments());
  return files;
}

if (require.main === module) {
  buildCorpus().then((files) => console.log(`wrote ${files.length} files to ${CORPUS_DIR}`));
}
