/**
 * When Office says no, the user reads a plain sentence with what to do, and the workbook is left as
 * it was — or, when a write failed halfway, undo can put it back.
 */
import { OfficeActionError, UNDO_SHEET, describeOfficeError, generateReport, recalculate, undoLastRun, type ExcelHost } from '../../src/excel';
import { buildWorkbook, type FakeExcel } from '../../src/testing/fake-excel';
import { generatedWorkbook } from './generated';
import { TODAY, diffViews, hostOf, sampleWorkbook, strictFake, workbookView } from './helpers';

const settings = { today: TODAY };

/** A host whose n-th sync (counted across the run) fails with `code`, as Excel would. */
function failingAt(fake: FakeExcel, n: number, code: string): ExcelHost {
  let count = 0;
  const run = ((batch: (context: Excel.RequestContext) => Promise<unknown>) =>
    fake.Excel.run(async (context) => {
      const sync = context.sync.bind(context);
      context.sync = (<T>(value?: T) => {
        if (++count === n) fake.controls.failNextSync(code);
        return sync(value);
      }) as typeof context.sync;
      return batch(context);
    })) as unknown as typeof Excel.run;
  return { run, isSetSupported: (name, version) => fake.isSetSupported(name, version) };
}

describe('errors from Office', () => {
  it('a protected sheet stops the run before anything is written, naming the sheet', async () => {
    const data = await sampleWorkbook();
    const before = workbookView(data);
    const fake = strictFake(data);
    fake.controls.setProtected('项目资金', true);
    const error = await recalculate(hostOf(fake), settings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeActionError);
    expect((error as OfficeActionError).messageZh).toBe('工作表“项目资金”受保护，未写入任何内容。请在“审阅”选项卡中点击“撤销工作表保护”后重试。');
    expect(describeOfficeError(error, 'en')).toContain('Sheet "项目资金" is protected; nothing was written');
    expect(diffViews(workbookView(fake.controls.data()), before)).toEqual([]);
    expect(fake.controls.data().sheets.map((s) => s.name)).not.toContain(UNDO_SHEET);
    expect(fake.stats.cellsWritten).toBe(0);
  });

  it('Excel in cell-editing mode: finish editing and try again', async () => {
    const fake = strictFake(await sampleWorkbook());
    fake.controls.failNextSync('InvalidOperationInCellEditMode');
    await expect(recalculate(hostOf(fake), settings)).rejects.toMatchObject({ messageZh: 'Excel 正在编辑某个单元格。请按 Enter 或 Esc 结束编辑后重试。' });
  });

  it('a write that fails halfway says undo can put things back, and undo does', async () => {
    const data = generatedWorkbook(100, 10_000);
    const before = workbookView(data);
    // A 30 kB request limit splits the writes into several syncs; the fourth of them fails (a
    // GeneralException would be sent again in smaller pieces: see wide-workbooks.test.ts).
    const fake = strictFake(data, { maxRequestBytes: 30_000 });
    const error = await recalculate(failingAt(fake, 13, 'ActivityLimitReached'), settings).catch((e: unknown) => e);
    expect((error as OfficeActionError).messageZh).toContain('点击“撤销上次计算”可恢复原样');
    expect(fake.stats.requests.filter((r) => r.cellsWritten > 0).length).toBeGreaterThan(1);
    expect(diffViews(workbookView(fake.controls.data()), before)).not.toEqual([]);
    await undoLastRun(hostOf(fake));
    expect(diffViews(workbookView(fake.controls.data()), before)).toEqual([]);
  });

  it('a sync refused for its size is split and sent again', async () => {
    const fake = strictFake(generatedWorkbook(100, 10_000), { maxResponseBytes: 200_000, maxRequestBytes: 30_000 });
    const { cellsWritten } = await recalculate(hostOf(fake), settings);
    expect(cellsWritten).toBeGreaterThan(10_000);
    const refused = fake.stats.requests.filter((r) => r.error !== undefined);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.error === 'ResponsePayloadSizeLimitExceeded' || r.error === 'RequestPayloadSizeLimitExceeded')).toBe(true);
  });

  it('a report without a funds table says why, in the core’s words', async () => {
    const fake = strictFake(buildWorkbook({ 杂项: [['备注'], ['无']] }));
    await expect(generateReport(hostOf(fake), settings)).rejects.toMatchObject({ code: 'TABLE_NOT_FOUND', messageZh: expect.stringContaining('未找到项目资金表') });
  });

  it.each([
    ['RequestPayloadSizeLimitExceeded', 'zh', '5 MB'],
    ['AccessDenied', 'zh', '撤销工作表保护'],
    ['ItemNotFound', 'en', 'no longer exists'],
    ['Unauthenticated', 'zh', '重新登录'],
    ['InvalidObjectPath', 'zh', '加载项内部出错'],
  ] as const)('%s reads as a sentence with what to do (%s)', (code, lang, words) => {
    expect(describeOfficeError({ code, message: 'raw' }, lang)).toContain(words);
  });

  it('anything else still reaches the user with its own message', () => {
    expect(describeOfficeError(new Error('boom'), 'zh')).toBe('出现意外错误：boom。请重试；如仍失败，请把这条消息告知维护人员。');
  });
});
