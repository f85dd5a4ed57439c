import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { validateXML } from 'xmllint-wasm';
import { XlsxPatchError } from '../../src/cli/xlsx-patch';
import { patchWorkbook } from '../../src/cli/xlsx-patch/node';
import { readZip } from '../../src/cli/xlsx-patch/zip';
import { workbookSnapshot } from '../../src/cli/xlsx-snapshot';
import { Analysis, PlanBlock, WritePlan, analyze, applyPlanToSnapshot, buildReport, renderReportSheet } from '../../src/core';
import { SAMPLE } from '../helpers/cli';
import { cellMap, partBytes, partNames, partText, readWorkbook, snapshotOf, withParts, workbookBytes } from '../helpers/xlsx-package';

const THIN = { style: 'thin' as const };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A funds table as an office keeps it: title, unit, header, three projects and a total; 执行率 typed as a formula in E4. */
function budgetBook(sheetName = '项目资金'): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(['2023年项目支出预算执行情况表']);
  ws.addRow(['单位：万元']);
  ws.addRow(['序号', '项目名称', '全年预算数', '执行数', '执行率']);
  ws.addRow([1, '网站运维', 72, 20, { formula: 'D4/C4', result: 20 / 72 }]);
  ws.addRow([2, '数据中台', 138, 124.2, null]);
  ws.addRow([3, '电子政务外网', 30, 29.99, null]);
  ws.addRow(['', '合计', 240, 174.19, null]);
  for (let r = 3; r <= 7; r++) {
    for (let c = 1; c <= 5; c++) {
      const cell = ws.getCell(r, c);
      cell.border = BOX;
      if (r === 3) {
        cell.font = { bold: true, name: '宋体', size: 11 };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
      }
    }
  }
  for (let r = 4; r <= 7; r++) ws.getCell(r, 5).font = { italic: true, name: 'Arial', size: 10 };
  // Equal widths side by side: exceljs writes them as one <col min="3" max="4">.
  [8, 30, 12, 12, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const info = wb.addWorksheet('单位信息');
  info.addRow(['单位名称', '黔南州大数据局']);
  const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(image, { tl: { col: 6, row: 0 }, ext: { width: 20, height: 20 } });
  return wb;
}

function analyzed(wb: ExcelJS.Workbook): Analysis {
  return analyze(workbookSnapshot(wb), { today: '2024-01-15' });
}

/** The plan with one note replaced, to see that text starting with "=" is never a formula. */
function withNote(plan: WritePlan, text: string): WritePlan {
  const blocks = plan.blocks.map((b): PlanBlock => (b.role === 'note' ? { ...b, values: b.values.map((row, i) => (i === 0 ? [text] : row)) } : b));
  return { ...plan, blocks };
}

const HYPERLINK = '=HYPERLINK("http://x","y")';

/** A formula cell value exceljs writes as shared (or array) over `ref`; its typings leave these fields out. */
function sharedFormula(formula: string, result: number, ref: string, shareType: 'shared' | 'array' = 'shared'): ExcelJS.CellFormulaValue {
  return { formula, result, shareType, ref } as unknown as ExcelJS.CellFormulaValue;
}

describe('writing the plan into a copy of the workbook’s own package', () => {
  let input: Uint8Array;
  let analysis: Analysis;
  let plan: WritePlan;
  let output: Uint8Array;
  let out: ExcelJS.Workbook;

  beforeAll(async () => {
    const wb = budgetBook();
    input = await withParts(await workbookBytes(wb), {
      // exceljs writes no calculation chain; Excel would, listing the formula in E4.
      'xl/calcChain.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="E4" i="1"/></calcChain>',
      'xl/_rels/workbook.xml.rels': (xml) => xml.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'),
      '[Content_Types].xml': (xml) => xml.replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'),
    });
    analysis = analyzed(await readWorkbook(input));
    plan = withNote(analysis.plan, HYPERLINK);
    output = await patchWorkbook(input, { plan });
    out = await readWorkbook(output);
  });

  it('plans 执行率 into the table’s own column E and appends 偏差说明 in F', () => {
    expect(plan.columns.map((c) => [c.field, c.col, c.appended])).toEqual(expect.arrayContaining([['rate', 4, false], ['note', 5, true]]));
  });

  it('writes rates as numbers in percent format, keeping each cell’s font and border', () => {
    const e4 = out.getWorksheet('项目资金')!.getCell('E4');
    expect(typeof e4.value).toBe('number');
    expect(e4.value).toBeCloseTo(20 / 72, 12);
    expect(e4.numFmt).toBe('0%');
    expect(e4.font).toMatchObject({ italic: true, name: 'Arial', size: 10 });
    expect(e4.border).toMatchObject(BOX);
  });

  it('writes notes as text — "=HYPERLINK(…)" included, which comes back as a string and not a formula', () => {
    const f4 = out.getWorksheet('项目资金')!.getCell('F4');
    expect(f4.value).toBe(HYPERLINK);
    expect(f4.formula).toBeUndefined();
    expect(typeof out.getWorksheet('项目资金')!.getCell('F5').value).toBe('string');
  });

  it('gives the appended column the header’s look, wrap for the notes, and a 44-character width', () => {
    const ws = out.getWorksheet('项目资金')!;
    expect(ws.getCell('F3').value).toBe('偏差说明');
    expect(ws.getCell('F3').font).toMatchObject({ bold: true, name: '宋体' });
    expect(ws.getCell('F3').fill).toMatchObject({ fgColor: { argb: 'FFDDEBF7' } });
    expect(ws.getCell('F5').border).toMatchObject(BOX);
    expect(ws.getCell('F5').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getColumn(6).width).toBe(44);
  });

  it('leaves every other cell as it was: the result is the input with the plan applied, cell for cell', async () => {
    const expected = cellMap(applyPlanToSnapshot(workbookSnapshot(await readWorkbook(input)), plan));
    expect(cellMap(await snapshotOf(output))).toEqual(expected);
  });

  it('removes the overwritten formula in E4 and the calculation chain with its relationship and content type', async () => {
    expect(out.getWorksheet('项目资金')!.getCell('E4').formula).toBeUndefined();
    expect(await partNames(output)).not.toContain('xl/calcChain.xml');
    expect(await partText(output, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(await partText(output, '[Content_Types].xml')).not.toContain('calcChain');
    // Formulas elsewhere that read the written cells are recalculated when Excel opens the file.
    expect(await partText(output, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('copies the untouched sheet, the image and its drawing byte for byte', async () => {
    for (const name of ['xl/worksheets/sheet2.xml', 'xl/media/image1.png', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/theme/theme1.xml']) {
      const original = await partBytes(input, name);
      expect(original).toBeDefined();
      expect({ name, bytes: await partBytes(output, name) }).toEqual({ name, bytes: original });
    }
    expect(out.getWorksheet('项目资金')!.getImages()).toHaveLength(1);
  });

  it('copies every part it did not edit as its original compressed bytes, without recompressing', () => {
    const before = new Map(readZip(input).map((e) => [e.name, e]));
    const edited = ['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'];
    const untouched = readZip(output).filter((e) => !edited.includes(e.name));
    expect(untouched.map((e) => e.name)).toEqual(expect.arrayContaining(['xl/worksheets/sheet2.xml', 'xl/media/image1.png', 'xl/theme/theme1.xml', 'docProps/app.xml']));
    for (const e of untouched) expect({ name: e.name, crc: e.crc, data: Buffer.from(e.data) }).toEqual({ name: e.name, crc: before.get(e.name)!.crc, data: Buffer.from(before.get(e.name)!.data) });
  });

  it('keeps the widths of columns before the appended one when a <col min max> range is split', async () => {
    const ws = out.getWorksheet('项目资金')!;
    expect([1, 2, 3, 4, 5].map((c) => ws.getColumn(c).width)).toEqual([8, 30, 12, 12, 10]);
    const sheet = (await partText(output, 'xl/worksheets/sheet1.xml'))!;
    // 偏差说明 in F and 校验提示 in G.
    expect(sheet).toMatch(/<dimension ref="A1:G7"\/>/);
    expect(sheet).toMatch(/<col min="3" max="4" width="12" customWidth="1"\/><col min="5" max="5" width="10" customWidth="1"\/><col min="6" max="6" width="44" customWidth="1"\/>/);
  });

  it('gives the same sheet, styles and workbook XML when the same plan is applied twice', async () => {
    const twice = await patchWorkbook(output, { plan });
    for (const name of ['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/workbook.xml', '[Content_Types].xml']) {
      expect({ name, xml: await partText(twice, name) }).toEqual({ name, xml: await partText(output, name) });
    }
  });
});

describe('columns, formulas and sheet names the plan runs into', () => {
  it('splits a <col min="3" max="16384"> range around the appended columns, keeping the widths on both sides', async () => {
    const input = await withParts(await workbookBytes(budgetBook()), {
      'xl/worksheets/sheet1.xml': (xml) => xml.replace(/<cols>.*?<\/cols>/, '<cols><col min="1" max="1" width="8" customWidth="1"/><col min="2" max="2" width="30" customWidth="1"/><col min="3" max="16384" width="12" customWidth="1"/></cols>'),
    });
    const a = analyzed(await readWorkbook(input));
    const output = await patchWorkbook(input, { plan: a.plan });
    const ws = (await readWorkbook(output)).getWorksheet('项目资金')!;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((c) => ws.getColumn(c).width)).toEqual([8, 30, 12, 12, 12, 44, 44, 12, 12]);
    const cols = [...(await partText(output, 'xl/worksheets/sheet1.xml'))!.matchAll(/<col min="(\d+)" max="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(cols).toEqual([[1, 1], [2, 2], [3, 5], [6, 6], [7, 7], [8, 16384]]);
  });

  it('gives each surviving dependent its own formula when the cell holding a shared formula is overwritten', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('项目资金');
    ws.addRow(['项目名称', '全年预算数', '执行数', '执行率']);
    ws.addRow(['a', 10, 5, sharedFormula('C2/B2', 0.5, 'D2:D4')]);
    ws.addRow(['b', 10, 6, { sharedFormula: 'D2', result: 0.6 }]);
    ws.addRow(['c', 10, 7, { sharedFormula: 'D2', result: 0.7 }]);
    const plan: WritePlan = { blocks: [{ sheet: '项目资金', top: 1, left: 3, values: [[0.5]], numberFormat: '0%', role: 'rate' }], columns: [] };
    const out = (await readWorkbook(await patchWorkbook(await workbookBytes(wb), { plan }))).getWorksheet('项目资金')!;
    expect(out.getCell('D2').value).toBe(0.5);
    expect(out.getCell('D3').value).toEqual({ formula: 'C3/B3', result: 0.6 });
    expect(out.getCell('D4').value).toEqual({ formula: 'C4/B4', result: 0.7 });
  });

  it('refuses, in Chinese and saying what to do, to write part of an array formula’s range', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('项目资金');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('B1').value = sharedFormula('A1:A2*2', 2, 'B1:B2', 'array');
    const plan: WritePlan = { blocks: [{ sheet: '项目资金', top: 0, left: 1, values: [[1]], role: 'rate' }], columns: [] };
    const attempt = patchWorkbook(await workbookBytes(wb), { plan });
    await expect(attempt).rejects.toThrow(XlsxPatchError);
    await expect(attempt).rejects.toThrow(/B1:B2 是数组公式区域.*选择性粘贴/);
  });

  it('finds the sheet “Sheet \'1\' & “预算”” through the escaped name in workbook.xml', async () => {
    const name = 'Sheet \'1\' & “预算”';
    const input = await workbookBytes(budgetBook(name));
    expect(await partText(input, 'xl/workbook.xml')).toContain('Sheet &apos;1&apos; &amp; “预算”');
    const a = analyzed(await readWorkbook(input));
    expect(a.funds!.sheet).toBe(name);
    const out = await readWorkbook(await patchWorkbook(input, { plan: a.plan }));
    expect(out.getWorksheet(name)!.getCell('E5').value).toBeCloseTo(0.9, 12);
    expect(out.getWorksheet(name)!.getCell('F3').value).toBe('偏差说明');
  });

  it('says which sheet is missing when the plan names one the workbook does not have', async () => {
    const plan: WritePlan = { blocks: [{ sheet: '不存在', top: 0, left: 0, values: [[1]], role: 'rate' }], columns: [] };
    await expect(patchWorkbook(await workbookBytes(budgetBook()), { plan })).rejects.toThrow(/找不到工作表“不存在”/);
  });
});

describe('the reference report’s workbook (made by exceljs) patched with its plan and report sheet', () => {
  let input: Uint8Array;
  let analysis: Analysis;
  let output: Uint8Array;

  beforeAll(async () => {
    input = new Uint8Array(readFileSync(SAMPLE));
    const snapshot = workbookSnapshot(await readWorkbook(input));
    analysis = analyze(snapshot, { today: '2024-01-15' });
    const reportSheet = renderReportSheet(buildReport(analysis, snapshot));
    output = await patchWorkbook(input, { plan: analysis.plan, reportSheet });
  });

  it('opens in exceljs with exactly the cells the plan describes', async () => {
    const expected = cellMap(applyPlanToSnapshot(workbookSnapshot(await readWorkbook(input)), analysis.plan));
    const actual = cellMap(await snapshotOf(output));
    const reportCells = Object.keys(actual).filter((k) => k.startsWith('自评报告!'));
    for (const k of reportCells) delete actual[k];
    expect(actual).toEqual(expected);
    const l5 = (await readWorkbook(output)).getWorksheet('项目资金')!.getCell('L5');
    expect(l5.value).toBeCloseTo(20 / 72, 12);
    expect(l5.numFmt).toBe('0%');
  });

  it('leaves every part well-formed XML', async () => {
    const names = (await partNames(output)).filter((n) => /\.(xml|rels)$/.test(n));
    const xml = await Promise.all(names.map(async (n) => ({ fileName: n.replace(/[^A-Za-z0-9.]/g, '_'), contents: (await partText(output, n))! })));
    const result = await validateXML({ xml, normalization: 'c14n' });
    expect(result.errors).toEqual([]);
  });

  it('adds 自评报告 after the other sheets: fonts, wrap, row heights, hidden trace column', async () => {
    const wb = await readWorkbook(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['项目资金', '支付明细', '单位信息', '绩效指标', '自评报告']);
    const ws = wb.getWorksheet('自评报告')!;
    const plan = renderReportSheet(buildReport(analysis, workbookSnapshot(await readWorkbook(input))));
    expect(ws.getCell('A1').value).toBe(plan.rows[0].text);
    expect(ws.getCell('A1').font).toMatchObject({ name: plan.formats.title.fonts[0], size: plan.formats.title.sizePt });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center', vertical: 'top', wrapText: true });
    expect(ws.getCell('A1').numFmt).toBe('@');
    expect(ws.getRow(1).height).toBe(plan.rows[0].heightPt);
    expect(ws.getCell('B2').value).toBe(plan.rows[1].meta);
    expect(ws.getColumn(1).width).toBe(plan.textColumnWidth);
    expect(ws.getColumn(2).hidden).toBe(true);
    expect(ws.rowCount).toBe(plan.rows.length);
  });

  it('replaces 自评报告 on a second run instead of adding another', async () => {
    const snapshot = workbookSnapshot(await readWorkbook(output));
    const again = analyze(snapshot, { today: '2024-01-15' });
    const reportSheet = renderReportSheet(buildReport(again, snapshot));
    reportSheet.rows = reportSheet.rows.slice(0, 3);
    const twice = await patchWorkbook(output, { plan: again.plan, reportSheet });
    const wb = await readWorkbook(twice);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['项目资金', '支付明细', '单位信息', '绩效指标', '自评报告']);
    expect(wb.getWorksheet('自评报告')!.rowCount).toBe(3);
    const types = (await partText(twice, '[Content_Types].xml'))!;
    expect(types.match(/worksheet\+xml/g)).toHaveLength(5);
    expect((await partText(twice, 'xl/workbook.xml'))!.match(/<sheet /g)).toHaveLength(5);
  });
});
