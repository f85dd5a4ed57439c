/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import type { Issue } from '../../src/core';
import { COLLAPSE_AT, IssuesStep, PAGE_SIZE, PREVIEW_SIZE } from '../../src/taskpane/components/IssuesStep';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { installBrowserShims, renderPane } from './render';

beforeAll(installBrowserShims);

function duplicateVouchers(n: number): Issue[] {
  return Array.from({ length: n }, (_, i) => ({
    code: 'DUPLICATE_VOUCHER',
    severity: 'warning',
    cell: `支付明细!B${i + 3}`,
    message: `凭证号 ZF${i} 重复`,
    messageEn: `Voucher ZF${i} repeats`,
  }));
}

const yearGuessed: Issue = { code: 'FISCAL_YEAR_GUESSED', severity: 'info', cell: '', message: '按支付日期推定为2023年。', messageEn: 'Year taken from payments.' };
const sumMismatch: Issue = { code: 'FUNDS_SOURCE_SUM_MISMATCH', severity: 'error', cell: '项目资金!G24', message: '资金来源合计与预算不符。', messageEn: 'Sources do not add up.' };

test('issues are grouped 错误 / 警告 / 提示 with their counts, errors first', () => {
  renderPane(<IssuesStep issues={[yearGuessed, ...duplicateVouchers(3), sumMismatch]} disabled={false} onSelect={() => undefined} onRecheck={() => undefined} />);
  const groups = within(screen.getByTestId('step-issues')).getAllByRole('group');
  expect(groups.map((g) => g.getAttribute('aria-label'))).toEqual(['错误 1', '警告 3', '提示 1']);
  expect(within(screen.getByTestId('issues-warning')).getByRole('heading', { level: 3 })).toHaveTextContent('警告3');
});

test('each issue with a cell is a button that selects it; one without a cell is plain text', async () => {
  const user = userEvent.setup();
  const selected: string[] = [];
  renderPane(<IssuesStep issues={[sumMismatch, yearGuessed]} disabled={false} onSelect={(c) => selected.push(c)} onRecheck={() => undefined} />);
  await user.click(screen.getByRole('button', { name: '项目资金!G24 资金来源合计与预算不符。' }));
  expect(selected).toEqual(['项目资金!G24']);
  expect(screen.getByTestId('issues-info')).toHaveTextContent('（无单元格） 按支付日期推定为2023年。');
  expect(screen.queryAllByRole('button', { name: /推定/ })).toHaveLength(0);
});

test('many issues collapse to a summary and the first few; the full list opens in a bounded box', async () => {
  const user = userEvent.setup();
  const selected: string[] = [];
  renderPane(<IssuesStep issues={[sumMismatch, ...duplicateVouchers(300)]} disabled={false} onSelect={(c) => selected.push(c)} onRecheck={() => undefined} />);
  expect(screen.getByTestId('issues-summary')).toHaveTextContent('错误 1 · 警告 300 — 共 301 条，下面先列出前 5 条。');
  const preview = within(screen.getByTestId('issues-preview'));
  expect(preview.getAllByRole('listitem')).toHaveLength(PREVIEW_SIZE);
  await user.click(preview.getByRole('button', { name: /^项目资金!G24/ }));
  expect(selected).toEqual(['项目资金!G24']);
  expect(screen.queryByTestId('issues-warning')).toBeNull();
  const toggle = screen.getByRole('button', { name: '展开全部 301 条' });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  expect(toggle).toHaveTextContent('只看前 5 条');
  const all = screen.getByRole('region', { name: '全部检查结果' });
  expect(toggle).toHaveAttribute('aria-controls', all.id);
  expect(within(all).getByTestId('issues-warning')).toHaveAccessibleName('警告 300');
  expect(screen.queryByTestId('issues-preview')).toBeNull();
});

test(`up to ${COLLAPSE_AT} issues are simply listed`, () => {
  renderPane(<IssuesStep issues={duplicateVouchers(COLLAPSE_AT)} disabled={false} onSelect={() => undefined} onRecheck={() => undefined} />);
  expect(within(screen.getByTestId('issues-warning')).getAllByRole('listitem')).toHaveLength(COLLAPSE_AT);
  expect(screen.queryByTestId('issues-summary')).toBeNull();
});

test('ten thousand issues render a page at a time, with 显示更多 for the rest', async () => {
  const user = userEvent.setup();
  renderPane(<IssuesStep issues={duplicateVouchers(10_000)} disabled={false} onSelect={() => undefined} onRecheck={() => undefined} />);
  await user.click(screen.getByRole('button', { name: '展开全部 10000 条' }));
  const group = within(screen.getByTestId('issues-warning'));
  expect(group.getAllByRole('listitem')).toHaveLength(PAGE_SIZE);
  expect(group.getByRole('heading', { level: 3 })).toHaveTextContent('警告10000');
  // Found by its text, not getByRole's name: naming each of the 250 issue buttons takes seconds in jsdom.
  const more = () => group.getByText(/^显示更多/);
  expect(more()).toHaveRole('button');
  expect(more()).toHaveTextContent(`显示更多（还有 ${10_000 - PAGE_SIZE} 条）`);
  await user.click(more());
  expect(group.getAllByRole('listitem')).toHaveLength(PAGE_SIZE * 5);
  expect(more()).toHaveRole('button');
  expect(more()).toHaveTextContent(`显示更多（还有 ${10_000 - PAGE_SIZE * 5} 条）`);
});

test('no issues, and not yet checked, are both said', () => {
  renderPane(<IssuesStep issues={[]} disabled={false} onSelect={() => undefined} onRecheck={() => undefined} />);
  expect(screen.getByTestId('issues-none')).toHaveTextContent('没有发现问题。');
  expect(screen.queryByTestId('issues-error')).toBeNull();
});

test('not yet checked', () => {
  renderPane(<IssuesStep disabled={false} onSelect={() => undefined} onRecheck={() => undefined} />);
  expect(screen.getByTestId('step-issues')).toHaveTextContent('尚未检查。');
});

test('while something runs, issues cannot be clicked and 重新检查 waits', async () => {
  const user = userEvent.setup();
  let rechecks = 0;
  renderPane(<IssuesStep issues={[sumMismatch]} disabled onSelect={() => undefined} onRecheck={() => rechecks++} />);
  expect(screen.getByRole('button', { name: /^项目资金!G24/ })).toBeUnavailable();
  await user.click(screen.getByRole('button', { name: '重新检查' }));
  expect(rechecks).toBe(0);
});

test('English shows the English message and group names', () => {
  renderPane(<IssuesStep issues={[sumMismatch]} disabled={false} onSelect={() => undefined} onRecheck={() => undefined} />, 'en');
  expect(screen.getByRole('button', { name: '项目资金!G24 Sources do not add up.' })).toBeInTheDocument();
  expect(screen.getByTestId('issues-error')).toHaveAccessibleName('Errors 1');
});
