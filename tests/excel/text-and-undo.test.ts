/**
 * Text stays text: whatever the plan writes and whatever undo puts back, a string that Excel would
 * read as a formula, a number, a date or a boolean lands in the cell exactly as it was.
 */
import type { WritePlan } from '../../src/core';
import { recalculate, undoLastRun } from '../../src/excel';
import { capturePlan } from '../../src/excel/capture';
import { capabilities } from '../../src/excel/host';
import { applyPlan, planLooks } from '../../src/excel/write';
import { buildWorkbook } from '../../src/testing/fake-excel';
import { TODAY, diffViews, hostOf, sampleWorkbook, strictFake, workbookView } from './helpers';

const TRICKY = ['=HYPERLINK("https://czj.qiannan.gov.cn","财政局")', '+86 0854 8222222', '-5%', '@张三', '007', 'TRUE', '2023-12-31', "'已引用", '50%', '#N/A'];

describe('writing text', () => {
  it('stores text that starts with = + - @ (or looks like a number, date or boolean) as that very text', async () => {
    const fake = strictFake(
      buildWorkbook([
        { name: '说明', rows: [['偏差说明'], ...TRICKY.map(() => ['旧'])] },
        { name: '文本格式', rows: [['偏差说明'], ['旧']], numberFormats: { A2: '@' } },
      ]),
    );
    const plan: WritePlan = {
      blocks: [
        { sheet: '说明', top: 1, left: 0, values: TRICKY.map((t) => [t]), role: 'note' },
        { sheet: '文本格式', top: 1, left: 0, values: [[TRICKY[0]]], role: 'note' },
      ],
      columns: [],
    };
    const host = hostOf(fake);
    await host.run(async (context) => {
      const capture = await capturePlan(context, plan, { sheets: [] }, new Date('2024-01-15T02:00:00Z'), capabilities(host), false);
      await applyPlan(context, plan, capture, planLooks(capture.appended, capture.record), capabilities(host));
    });
    TRICKY.forEach((text, i) => {
      const cell = fake.controls.cell('说明', `A${i + 2}`);
      expect({ text, value: cell.value, formula: cell.formula }).toEqual({ text, value: text, formula: undefined });
    });
    // A cell formatted as text keeps what it is given, so no apostrophe goes in.
    expect(fake.controls.cell('文本格式', 'A2')).toMatchObject({ value: TRICKY[0], numberFormat: '@' });
    expect(fake.controls.cell('文本格式', 'A2').formula).toBeUndefined();
  });
});

describe('undo puts back text, numbers and formulas as they were', () => {
  it('restores "=HYPERLINK(…)" typed as text as text, and a formula as a formula', async () => {
    const data = await sampleWorkbook();
    const sheet = data.sheets.find((s) => s.name === '项目资金')!;
    // L is the table's own 执行率 column, which the calculation overwrites.
    sheet.values[5]![11] = TRICKY[0];
    sheet.values[6]![11] = 0.5;
    sheet.formulas[6] = { ...sheet.formulas[6], 11: '=I7/E7' };
    sheet.values[7]![11] = '007';
    sheet.formats[7] = { ...sheet.formats[7], 11: { numberFormat: '@' } };
    const before = workbookView(data);
    // The simulated Excel does not calculate; it gives the restored formula its old result.
    const fake = strictFake(data, { formulaResult: (f) => (f === '=I7/E7' ? 0.5 : 0) });
    const host = hostOf(fake);
    await recalculate(host, { today: TODAY });
    expect(fake.controls.cell('项目资金', 'L7').formula).toBeUndefined();
    await undoLastRun(host);
    expect(fake.controls.cell('项目资金', 'L6')).toMatchObject({ value: TRICKY[0] });
    expect(fake.controls.cell('项目资金', 'L6').formula).toBeUndefined();
    expect(fake.controls.cell('项目资金', 'L7').formula).toBe('=I7/E7');
    expect(fake.controls.cell('项目资金', 'L8')).toMatchObject({ value: '007', numberFormat: '@' });
    expect(diffViews(workbookView(fake.controls.data()), before)).toEqual([]);
  });
});
