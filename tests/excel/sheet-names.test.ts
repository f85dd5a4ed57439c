/**
 * Sheet names that need quoting in an address — a space, brackets, an apostrophe ('O''Neil'), as
 * offices name their sheets — through the whole Excel flow: issues name their cells with the quoted
 * sheet, clicking one selects it, the calculation writes there and undo puts it back.
 */
import { analyzeWorkbook, recalculate, selectCell, undoLastRun } from '../../src/excel';
import { generatedWorkbook } from './generated';
import { TODAY, diffViews, hostOf, strictFake, workbookView } from './helpers';

const settings = { today: TODAY };

it('a funds sheet “2023年 预算(调整)” and a payments sheet “O’Neil 支付” (with a real apostrophe)', async () => {
  const data = generatedWorkbook(20, 50);
  data.sheets[0].name = '2023年 预算(调整)';
  data.sheets[1].name = "O'Neil 支付";
  const before = workbookView(data);
  const fake = strictFake(data);
  const host = hostOf(fake);
  const { analysis } = await analyzeWorkbook(host, settings);
  expect(analysis.funds?.sheet).toBe('2023年 预算(调整)');
  const paymentIssue = analysis.issues.find((i) => i.cell.startsWith("'O''Neil 支付'!"));
  expect(paymentIssue?.cell).toBe("'O''Neil 支付'!A2");
  await selectCell(host, paymentIssue!.cell);
  expect(fake.controls.data().selection).toEqual({ sheet: "O'Neil 支付", address: 'A2' });
  const { cellsWritten } = await recalculate(host, settings);
  expect(cellsWritten).toBeGreaterThan(50);
  expect(fake.controls.cell('2023年 预算(调整)', 'K3').value).toBe('执行率');
  await undoLastRun(host);
  expect(diffViews(workbookView(fake.controls.data()), before)).toEqual([]);
});
