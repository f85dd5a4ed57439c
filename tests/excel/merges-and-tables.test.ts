/**
 * Merged cells and Excel tables in the Excel shell. Excel cannot change part of a merged area, so no
 * output cell may lie in one: with ExcelApi 1.13 the shell reads the merged areas of the table sheets
 * (SheetSnapshot.merges, from A1 because of office-js #3611, in bands past 512 areas) and refuses a
 * plan that touches one before writing; below 1.13 it names the block Excel refuses. The CLI and the
 * Excel shell plan the same output for the same file. Excel tables reach the snapshot with their
 * totals rows (SheetSnapshot.tables).
 */
import ExcelJS from 'exceljs';
import * as path from 'path';
import { tempDir } from '../helpers/temp';
import { analyze, columnLetters, type CellRect, type PlanBlock, type WritePlan } from '../../src/core';
import { analyzeWorkbook, readWorkbook, recalculate, undoLastRun } from '../../src/excel';
import { buildWorkbook, cloneWorkbookData, createFakeExcel, type FakeExcel, type FakeWorkbookData } from '../../src/testing/fake-excel';
import { loadXlsxIntoFake } from '../../src/testing/fake-excel/load-xlsx';
import { generatedWorkbook } from './generated';
import { SAMPLE, TODAY, cliSnapshot, diffViews, hostOf, workbookView } from './helpers';

const settings = { today: TODAY };

function fakeOf(data: FakeWorkbookData, excelApi: string): FakeExcel {
  return createFakeExcel(data, { excelApi, maxResponseBytes: 5 * 1024 * 1024 });
}

function rectOf(b: PlanBlock): CellRect {
  return { top: b.top, left: b.left, bottom: b.top + b.values.length - 1, right: b.left + b.values[0].length - 1 };
}

function overlaps(a: CellRect, b: CellRect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** The plan's blocks that touch a merged area. */
function blocksInMerges(plan: WritePlan, sheet: string, merges: CellRect[]): PlanBlock[] {
  return plan.blocks.filter((b) => b.sheet === sheet && merges.some((m) => overlaps(rectOf(b), m)));
}

describe('a merge over the would-be output column of the sample', () => {
  let file: string;
  let merge: CellRect;
  let mergeRef: string;
  let data: FakeWorkbookData;

  beforeAll(async () => {
    // Where the plan puts 偏差说明 on the unmerged sample: two of its rows and the column right of it are merged.
    const plain = analyze(await cliSnapshot(SAMPLE), settings);
    const note = plain.plan.columns.find((c) => c.sheet === '项目资金' && c.field === 'note')!;
    const block = plain.plan.blocks.find((b) => b.sheet === '项目资金' && b.left === note.col && b.role === 'note')!;
    merge = { top: block.top + 1, left: note.col, bottom: block.top + 2, right: note.col + 1 };
    mergeRef = `${columnLetters(merge.left)}${merge.top + 1}:${columnLetters(merge.right)}${merge.bottom + 1}`;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    wb.getWorksheet('项目资金')!.mergeCells(mergeRef);
    file = path.join(tempDir('merge-'), 'merged.xlsx');
    await wb.xlsx.writeFile(file);
    data = await loadXlsxIntoFake(file);
  });

  it('the Excel shell (ExcelApi 1.13) reads the merged area into the snapshot; below 1.13 it says it cannot tell', async () => {
    const modern = await readWorkbook(hostOf(fakeOf(cloneWorkbookData(data), '1.13')), settings);
    expect(modern.sheets.find((s) => s.name === '项目资金')?.merges).toContainEqual(merge);
    const old = await readWorkbook(hostOf(fakeOf(cloneWorkbookData(data), '1.4')), settings);
    expect(old.sheets.find((s) => s.name === '项目资金')?.merges).toBeUndefined();
  });

  it('the command line and the Excel shell plan the same cells', async () => {
    const cli = analyze(await cliSnapshot(file), settings);
    const { analysis } = await analyzeWorkbook(hostOf(fakeOf(cloneWorkbookData(data), '1.13')), settings);
    expect(analysis.plan).toEqual(cli.plan);
  });

  it('ExcelApi 1.13: no written cell lies in a merge — the plan avoids it, or the run is refused before writing, naming both', async () => {
    const fake = fakeOf(cloneWorkbookData(data), '1.13');
    const before = workbookView(fake.controls.data());
    const { analysis } = await analyzeWorkbook(hostOf(fake), settings);
    const touching = blocksInMerges(analysis.plan, '项目资金', [merge]);
    const outcome = await recalculate(hostOf(fake), settings).then(() => null, (e: unknown) => e as { code: string; messageZh: string });
    if (touching.length > 0) {
      // The plan (today's core) runs into the merge: refused, nothing written.
      expect(outcome).toMatchObject({ code: 'MergedOutputCells', messageZh: expect.stringContaining(`项目资金!${mergeRef}`) });
      expect(outcome!.messageZh).toContain('取消合并');
      expect(diffViews(workbookView(fake.controls.data()), before)).toEqual([]);
    } else {
      // The plan steers clear of it (the core's merge rule): every planned cell written, the merge intact.
      expect(outcome).toBeNull();
      for (const b of analysis.plan.blocks) b.values.forEach((row, i) => row.forEach((v, j) => expect(fake.controls.values(b.sheet, `${columnLetters(b.left + j)}${b.top + i + 1}`)[0][0]).toBe(v)));
      expect(fake.controls.sheet('项目资金').merges).toContain(mergeRef);
    }
  });

  it('ExcelApi 1.4: Excel’s refusal of the block over the merge is named, and undo puts back what was written', async () => {
    const fake = fakeOf(cloneWorkbookData(data), '1.4');
    const before = workbookView(fake.controls.data());
    const { analysis } = await analyzeWorkbook(hostOf(fake), settings);
    const touching = blocksInMerges(analysis.plan, '项目资金', [merge]);
    const outcome = await recalculate(hostOf(fake), settings).then(() => null, (e: unknown) => e as { messageZh: string });
    if (touching.length > 0) {
      const addresses = touching.map((b) => `项目资金!${columnLetters(b.left)}${b.top + 1}:${columnLetters(b.left)}${b.top + b.values.length}`);
      expect(outcome?.messageZh).toContain(`Excel 拒绝写入 ${addresses[0]}`);
      expect(outcome?.messageZh).toContain('合并单元格');
      expect(outcome?.messageZh).toContain('撤销上次计算');
      const undone = await undoLastRun(hostOf(fake));
      // The blocks over the merge were never written; undo cannot write them either, and says which.
      expect(undone?.notRestored).toEqual(addresses);
      expect(diffViews(workbookView(fake.controls.data()), before)).toEqual([]);
    } else {
      expect(outcome).toBeNull();
    }
  });
});

describe('a funds sheet with more than 512 merged areas (getMergedAreasOrNullObject’s limit)', () => {
  it('is read in bands of rows, every area found', async () => {
    const data = generatedWorkbook(2000, 200);
    const funds = data.sheets.find((s) => s.name === '项目资金')!;
    // Pairs of empty 未完成原因 cells (column J) merged, as offices merge blank cells for looks.
    const merges: string[] = [];
    for (let r = 3; r + 1 < funds.values.length; r += 2) {
      if (funds.values[r]?.[9] === '' && funds.values[r + 1]?.[9] === '') merges.push(`J${r + 1}:J${r + 2}`);
    }
    funds.merges = merges;
    expect(merges.length).toBeGreaterThan(512);
    const snapshot = await readWorkbook(hostOf(fakeOf(data, '1.13')), settings);
    expect(snapshot.sheets.find((s) => s.name === '项目资金')?.merges).toHaveLength(merges.length);
  });
});

describe('Excel tables (ListObjects)', () => {
  it('reach the snapshot with their range and totals row, on every sheet', async () => {
    const data = buildWorkbook([
      {
        name: '项目资金',
        rows: [['项目名称', '全年预算数', '执行数'], ['系统运维', 100, 40], ['网络租赁', 50, 50], ['合计', 150, 90]],
        tables: [{ name: '资金表', range: 'A1:C4', showTotals: true }],
      },
      { name: '说明', rows: [['无']] },
    ]);
    const snapshot = await readWorkbook(hostOf(fakeOf(data, '1.4')), settings);
    expect(snapshot.sheets.map((s) => [s.name, s.tables])).toEqual([
      ['项目资金', [{ name: '资金表', rect: { top: 0, left: 0, bottom: 3, right: 2 }, totalsRow: true }]],
      ['说明', []],
    ]);
  });
});
