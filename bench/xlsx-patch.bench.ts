/**
 * Writing the output by patching the input package (src/cli/xlsx-patch) on the benchmark workbook:
 * the real plan (three columns over 2,000 projects), and a check column over all 100,000 payment
 * rows — what the plan writes as soon as one payment has an issue. Medians after one warm-up.
 */
import { promises as fs } from 'fs';
import { patchWorkbook } from '../src/cli/xlsx-patch/node';
import type { Analysis, WritePlan } from '../src/core';
import { BenchContext, BenchResult, median } from './measure';

/** The real plan plus a 校验提示 column over every payment row (one in ten with a message). */
export function withPaymentChecks(a: Analysis): WritePlan {
  const p = a.payments!;
  const col = p.lastHeaderCol + 1;
  const rows = a.model!.paymentRows;
  const values = rows.map((r, i) => [i % 10 === 0 ? `F${r + 1}：支付日期不在 ${a.period!.fiscalYear} 年度内，请核对。` : '']);
  return {
    blocks: [...a.plan.blocks, { sheet: p.sheet, top: p.headerRow, left: col, values: [['校验提示']], role: 'header' }, { sheet: p.sheet, top: rows[0], left: col, values, role: 'check' }],
    columns: [...a.plan.columns, { sheet: p.sheet, col, field: 'check', header: '校验提示', appended: true, widthChars: 44, styleFromCol: p.lastHeaderCol }],
  };
}

export async function benchPatch({ file, analysis }: Pick<BenchContext, 'file' | 'analysis'>, runs = 3): Promise<BenchResult[]> {
  const input = await fs.readFile(file);
  const heavy = withPaymentChecks(analysis);
  await patchWorkbook(input, { plan: heavy });
  const plan = await median(runs, () => patchWorkbook(input, { plan: analysis.plan }));
  const payments = await median(runs, () => patchWorkbook(input, { plan: heavy }));
  const bytes = (await patchWorkbook(input, { plan: heavy })).length;
  return [
    { name: 'xlsx patch: the plan (funds sheet only)', value: plan, unit: 'ms' },
    { name: `xlsx patch: plan + check column on ${analysis.model!.paymentRows.length} payment rows`, value: payments, unit: 'ms' },
    { name: 'xlsx patch: output size with the payment checks', value: bytes, unit: 'bytes' },
  ];
}
