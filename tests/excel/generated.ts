/**
 * Generated budget workbooks of any size for the simulated Excel: a funds table of `projects` rows
 * (万元) and a payments export of `payments` rows (元), deterministic, like bench/workbook.ts.
 */
import { buildWorkbook, type CellValue, type FakeWorkbookData } from '../../src/testing/fake-excel';

const GROUPS = ['上级资金', '州本级', '其他运转类专项业务费'];

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generatedWorkbook(projects: number, payments: number): FakeWorkbookData {
  const rand = lcg(7);
  const paid: number[] = new Array(projects).fill(0);
  const payRows: CellValue[][] = [['支付日期', '支付凭证号', '预算项目编码', '预算项目名称', '支付金额(元)', '收款人全称', '摘要']];
  for (let k = 0; k < payments; k++) {
    const p = Math.floor(rand() * projects);
    const fen = 100_000 + Math.floor(rand() * 200_000);
    // The first payment is dated 2022-12-31: flagged, so the payments sheet gets a 校验提示 column.
    const date = k === 0 ? 44926 : 44927 + Math.floor(rand() * 364);
    if (k > 0) paid[p] += fen;
    payRows.push([date, `ZF2023${String(k + 1).padStart(7, '0')}`, `P${String(p + 1).padStart(5, '0')}`, `生成项目${p + 1}`, fen / 100, `收款单位${p % 97}`, '支付服务费']);
  }
  const fundRows: CellValue[][] = [['生成局2023年项目支出预算执行情况表'], ['', '', '', '', '', '', '', '单位：万元'], ['序号', '资金类别', '项目编码', '项目名称', '全年预算数', '财政拨款', '上年结转', '其他资金', '执行数', '未完成原因']];
  for (let i = 0; i < projects; i++) {
    const budgetFen = Math.max(paid[i] + 10_000, 10_000_000 + Math.floor(rand() * 50_000_000));
    const wan = (fen: number) => fen / 1_000_000;
    fundRows.push([i + 1, GROUPS[i % GROUPS.length], `P${String(i + 1).padStart(5, '0')}`, `生成项目${i + 1}`, wan(budgetFen), wan(budgetFen), 0, 0, i % 2 === 0 ? wan(paid[i]) : '', i % 7 === 0 ? '合同尚未验收' : '']);
  }
  return buildWorkbook({ 项目资金: fundRows, 支付明细: payRows });
}
