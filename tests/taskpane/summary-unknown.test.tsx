/** @jest-environment jsdom */
/**
 * The pane's summary table: a funding group whose every 执行数 is unknown shows its budget and "—"
 * for what was paid, never 0.00 (nothing says nothing was paid); a group with known figures shows them.
 */
import { within } from '@testing-library/react';
import { SummaryView } from '../../src/taskpane/components/SummaryView';
import { book, fundsSheet, run } from '../helpers/snap';
import { renderPane } from './render';

it('上级资金 (all 待定) reads 5.00 | — | —; 州本级 reads its known figures', () => {
  const a = run(book(fundsSheet([['州本级', '网站运维', 10, 8], ['上级资金', '大数据宣传', 5, '待定']], ['资金类别', '项目名称', '全年预算数', '执行数'])));
  const { getByTestId } = renderPane(<SummaryView analysis={a} />);
  const rows = within(getByTestId('summary')).getAllByRole('row').map((r) => within(r).queryAllByRole('cell').map((c) => c.textContent));
  expect(rows.find((r) => r[0]?.startsWith('上级资金'))!.slice(1)).toEqual(['5.00', '—', '—']);
  expect(rows.find((r) => r[0]?.startsWith('州本级'))!.slice(1)).toEqual(['10.00', '8.00', '80%']);
});
