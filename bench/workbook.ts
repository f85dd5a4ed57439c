/**
 * The benchmark workbook: 2,000 projects in five funding groups and 100,000 payments in 元, written
 * with exceljs's streaming writer and, as Excel writes them, every text in the shared string table
 * (cells refer to it by index). Deterministic, and cached under out/bench/ between runs.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync } from 'fs';
import * as path from 'path';
import { projectRoot } from '../scripts/project-root';

export const BENCH_DIR = path.join(projectRoot(), 'out', 'bench');

const GROUPS = ['上级资金', '州本级', '其他运转类专项业务费', '政府性基金', '国有资本经营预算'];

export interface BenchSize {
  projects: number;
  payments: number;
}

export const FULL_SIZE: BenchSize = { projects: 2000, payments: 100_000 };

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function makeBenchWorkbook(size: BenchSize = FULL_SIZE, file = path.join(BENCH_DIR, `bench-${size.projects}-${size.payments}-sst.xlsx`)): Promise<string> {
  if (existsSync(file)) return file;
  mkdirSync(path.dirname(file), { recursive: true });
  const rand = lcg(42);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });

  const funds = wb.addWorksheet('项目资金');
  funds.addRow(['基准测试局2023年项目支出预算执行情况表']).commit();
  funds.addRow(['', '', '', '', '', '', '', '', '单位：万元']).commit();
  funds.addRow(['序号', '资金类别', '项目编码', '项目名称', '全年预算数', '财政拨款', '上年结转', '其他资金', '执行数', '执行率', '未完成原因']).commit();
  // Per project, in 分: the budget, and the payments that will add up to its executed amount.
  const paidFen: bigint[] = new Array(size.projects).fill(0n);
  const budgets: bigint[] = [];
  for (let i = 0; i < size.projects; i++) budgets.push(BigInt(100_000_00 + Math.floor(rand() * 5_000_000_00)));
  const payRows: (string | number | Date)[][] = [];
  for (let k = 0; k < size.payments; k++) {
    const p = Math.floor(rand() * size.projects);
    const amount = BigInt(1000_00 + Math.floor(rand() * 2_000_00));
    paidFen[p] += amount;
    const day = 1 + Math.floor(rand() * 364);
    payRows.push([new Date(Date.UTC(2023, 0, day)), `ZF2023${String(k + 1).padStart(7, '0')}`, `P${String(p + 1).padStart(5, '0')}`, `基准项目${p + 1}`, Number(amount) / 100, `收款单位${p % 97}`, '支付服务费']);
  }
  for (let i = 0; i < size.projects; i++) {
    const budget = budgets[i] > paidFen[i] ? budgets[i] : paidFen[i] + 100_00n;
    const wan = (f: bigint) => Number(f) / 1e6;
    // Half the projects carry a typed 执行数 (reconciled against payments), half take it from payments.
    const executed = i % 2 === 0 ? wan(paidFen[i]) : null;
    funds
      .addRow([i + 1, GROUPS[i % GROUPS.length], `P${String(i + 1).padStart(5, '0')}`, `基准项目${i + 1}`, wan(budget), wan(budget), 0, 0, executed, null, i % 7 === 0 ? '合同尚未验收' : null])
      .commit();
  }
  funds.commit();

  const pays = wb.addWorksheet('支付明细');
  pays.addRow(['支付日期', '支付凭证号', '预算项目编码', '预算项目名称', '支付金额(元)', '收款人全称', '摘要']).commit();
  for (const r of payRows) pays.addRow(r).commit();
  pays.commit();
  await wb.commit();
  return file;
}
