/** A generated sheet's fingerprint: what a person changed since it was written is never overwritten. */
import { GENERATED_MARK_PREFIX, chooseGeneratedSheet, fingerprintCells, generatedSheetState, isGeneratedSheetName, renderReportSheet, reportSheetCells, type SheetSnapshot } from '../../src/core';
import { reportOf } from '../helpers/report';
import { book, fundsSheet, sheet } from '../helpers/snap';

/** The report sheet as a shell writes it: text in A, trace in B, the mark in C1. */
function writtenReport(): SheetSnapshot {
  const { doc } = reportOf(book(fundsSheet([['甲项目', 10, 8]])));
  const plan = renderReportSheet(doc);
  const rows = plan.rows.map((r, i) => [r.text, r.meta, i === plan.generatedMark!.row ? plan.generatedMark!.text : null]);
  expect(plan.generatedMark!.col).toBe(2);
  expect(reportSheetCells(plan.rows)).toHaveLength(plan.rows.length * 2);
  return sheet('自评报告', rows);
}

describe('a generated sheet’s state', () => {
  it('is unchanged as written, edited after one character changes, foreign without a mark', () => {
    const written = writtenReport();
    expect(generatedSheetState(written)).toBe('unchanged');
    expect(generatedSheetState(undefined)).toBe('absent');

    const filled = structuredClone(written);
    const row = filled.values.findIndex((r) => String(r[0]).includes('【请填写：单位职能】'));
    filled.values[row][0] = String(filled.values[row][0]).replace('【请填写：单位职能】', '负责全州数据工作。');
    expect(generatedSheetState(filled)).toBe('edited');

    // A note typed in an empty cell beside the text is an edit too.
    const noted = structuredClone(written);
    noted.values[3][3] = '此段待主任审定';
    expect(generatedSheetState(noted)).toBe('edited');

    // A row deleted: every later row moves up.
    const deleted = structuredClone(written);
    deleted.values.splice(5, 1);
    expect(generatedSheetState(deleted)).toBe('edited');

    expect(generatedSheetState(sheet('自评报告', [['我自己写的报告']]))).toBe('foreign');
    // The mark copied onto a sheet of other content does not make it ours.
    expect(generatedSheetState(sheet('自评报告', [['别的内容', '', written.values[0][2]]]))).toBe('edited');
  });
});

describe('where a regenerated sheet goes', () => {
  const written = writtenReport();
  const edited = sheet('自评报告', [['改过的报告', '', `${GENERATED_MARK_PREFIX}0000000000000000`]]);
  const of = (sheets: SheetSnapshot[]) => (name: string) => sheets.find((s) => s.name === name);

  it('replaces an unchanged sheet in place, and writes beside an edited one, counting on', () => {
    expect(chooseGeneratedSheet('自评报告', ['项目资金'], of([]))).toEqual({ sheetName: '自评报告', replaces: false, kept: [] });
    expect(chooseGeneratedSheet('自评报告', ['自评报告'], of([written]))).toEqual({ sheetName: '自评报告', replaces: true, kept: [] });
    expect(chooseGeneratedSheet('自评报告', ['自评报告'], of([edited]))).toEqual({ sheetName: '自评报告 (2)', replaces: false, kept: ['自评报告'] });
    const second = { ...written, name: '自评报告 (2)' };
    expect(chooseGeneratedSheet('自评报告', ['自评报告', '自评报告 (2)'], of([edited, second]))).toEqual({ sheetName: '自评报告 (2)', replaces: true, kept: ['自评报告'] });
    const secondEdited = { ...edited, name: '自评报告 (2)' };
    expect(chooseGeneratedSheet('自评报告', ['自评报告', '自评报告 (2)'], of([edited, secondEdited])).sheetName).toBe('自评报告 (3)');
  });

  it('counts a sheet it could not read (a chart sheet) as taken, and names as Excel compares them', () => {
    expect(chooseGeneratedSheet('自评报告', ['自评报告'], () => undefined).sheetName).toBe('自评报告 (2)');
    expect(chooseGeneratedSheet('Report', ['REPORT'], of([{ ...written, name: 'REPORT' }]))).toEqual({ sheetName: 'REPORT', replaces: true, kept: [] });
  });

  it('never reads a generated sheet or its numbered copy as a data table', () => {
    expect(isGeneratedSheetName('自评报告 (2)', ['自评报告'])).toBe(true);
    expect(isGeneratedSheetName('核对清单', ['自评报告', '核对清单'])).toBe(true);
    expect(isGeneratedSheetName('自评报告汇总', ['自评报告'])).toBe(false);
  });
});

describe('the fingerprint stays what earlier versions wrote', () => {
  // Marks already sit in users' workbooks: a different hash for the same cells would take every sheet
  // written before for one a person edited, and put the next report in "自评报告 (2)".
  it('of the same cells is the same 16 hex digits, whatever their order, empty cells and an old mark left out', () => {
    expect(
      fingerprintCells([
        { row: 0, col: 0, text: '关于2023年度项目支出绩效自评报告' },
        { row: 2, col: 1, text: 'sources' },
        { row: 1, col: 0, text: '一、基本情况' },
        { row: 1, col: 2, text: '' },
        { row: 3, col: 0, text: `${GENERATED_MARK_PREFIX}abc` },
      ]),
    ).toBe('6cc4b101f99594b3');
    expect(fingerprintCells([{ row: 5, col: 3, text: 'x\ny' }])).toBe('094c3e79936bc31e');
    expect(fingerprintCells([])).toBe('811c9dc501000193');
  });
});
