/**
 * When the .docx cannot be made (here the renderer throws, as a damaged font table or a bug
 * would), no output of the set is written, last run's files stay as they were, and the table and
 * the issues are still printed.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { renderReportDocx } from '../../src/report-docx';
import { SAMPLE, cli } from '../helpers/cli';
import { listing, scratchDir } from './sim-fs';

jest.mock('../../src/report-docx', () => ({
  ...jest.requireActual('../../src/report-docx'),
  renderReportDocx: jest.fn(() => Promise.reject(new Error('字体表损坏\n  at render (docx.js:1:1)'))),
}));

it('writes none of -o, --json and --docx, prints the table and issues, and exits 2 with one line', async () => {
  const dir = scratchDir('jixiao-docx-fail-');
  const input = path.join(dir, '预算.xlsx');
  copyFileSync(SAMPLE, input);
  writeFileSync(path.join(dir, 'out.xlsx'), 'old workbook');
  const r = await cli(['report', input, '-o', path.join(dir, 'out.xlsx'), '--json', path.join(dir, 'summary.json'), '--docx', path.join(dir, '报告.docx')]);
  expect(renderReportDocx).toHaveBeenCalled();
  expect(r.code).toBe(2);
  expect(r.stdout).toContain('2022年省大数据发展专项资金(第二批项目)');
  expect(r.stdout).toMatch(/错误 \(1\)/);
  expect(r.stdout).not.toContain('已写出');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toBe('jixiao: 处理失败：字体表损坏（如需详细信息，请设置环境变量 JIXIAO_DEBUG=1 后重试）（本次未写出任何文件。）\n');
  expect(readFileSync(path.join(dir, 'out.xlsx'), 'utf8')).toBe('old workbook');
  expect(listing(dir)).toEqual(['out.xlsx', '预算.xlsx']);
});
