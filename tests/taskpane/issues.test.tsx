/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import type { Issue } from '../../src/core';
import { IssuesStep, PAGE_SIZE } from '../../src/taskpane/components/IssuesStep';
import { click, getByRole, getByTestId, queryAllByRole, queryByTestId } from './dom';
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
  const groups = [...getByTestId('step-issues').querySelectorAll('[role="group"]')].map((s) => s.getAttribute('aria-label'));
  expect(groups).toEqual(['错误 1', '警告 3', '提示 1']);
  expect(getByTestId('issues-warning').querySelector('h3')).toHaveTextContent('警告3');
});

test('each issue with a cell is a button that selects it; one without a cell is plain text', async () => {
  const selected: string[] = [];
  renderPane(<IssuesStep issues={[sumMismatch, yearGuessed]} disabled={false} onSelect={(c) => selected.push(c)} onRecheck={() => undefined} />);
  await click(getByRole('button', '项目资金!G24 资金来源合计与预算不符。'));
  expect(selected).toEqual(['项目资金!G24']);
  expect(getByTestId('issues-info')).toHaveTextContent('（无单元格） 按支付日期推定为2023年。');
  expect(queryAllByRole('button', /推定/)).toHaveLength(0);
});

test('ten thousand issues render a page at a time, with 显示更多 for the rest', async () => {
  renderPane(<IssuesStep issues={duplicateVouchers(10_000)} disabled={false} onSelect={() => undefined} onRecheck={() => undefined} />);
  const group = getByTestId('issues-warning');
  expect(group.querySelectorAll('li')).toHaveLength(PAGE_SIZE);
  // The button is the group's last child: found directly, since naming 250 buttons is slow in jsdom.
  const more = () => group.lastElementChild as HTMLElement;
  expect(group.querySelector('h3')).toHaveTextContent('警告10000');
  expect(more()).toHaveTextContent(`显示更多（还有 ${10_000 - PAGE_SIZE} 条）`);
  await click(more());
  expect(group.querySelectorAll('li')).toHaveLength(PAGE_SIZE * 5);
  expect(more()).toHaveTextContent(`显示更多（还有 ${10_000 - PAGE_SIZE * 5} 条）`);
});

test('no issues, and not yet checked, are both said', () => {
  renderPane(<IssuesStep issues={[]} disabled={false} onSelect={() => undefined} onRecheck={() => undefined} />);
  expect(getByTestId('issues-none')).toHaveTextContent('没有发现问题。');
  expect(queryByTestId('issues-error')).toBeNull();
});

test('not yet checked', () => {
  renderPane(<IssuesStep disabled={false} onSelect={() => undefined} onRecheck={() => undefined} />);
  expect(getByTestId('step-issues')).toHaveTextContent('尚未检查。');
});

test('while something runs, issues cannot be clicked and 重新检查 waits', async () => {
  let rechecks = 0;
  renderPane(<IssuesStep issues={[sumMismatch]} disabled onSelect={() => undefined} onRecheck={() => rechecks++} />);
  expect(getByRole('button', /^项目资金!G24/)).toBeDisabled();
  await click(getByRole('button', '重新检查'));
  expect(rechecks).toBe(0);
});

test('English shows the English message and group names', () => {
  renderPane(<IssuesStep issues={[sumMismatch]} disabled={false} onSelect={() => undefined} onRecheck={() => undefined} />, 'en');
  expect(getByRole('button', '项目资金!G24 Sources do not add up.')).toBeInTheDocument();
  expect(getByTestId('issues-error').getAttribute('aria-label')).toBe('Errors 1');
});
