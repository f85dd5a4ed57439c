/**
 * Workbooks as other programs write them — prefixed SpreadsheetML, rows and cells without r,
 * single-quoted attributes, no styles part — and files the patcher must refuse with advice.
 */
import ExcelJS from 'exceljs';
import { validateXML } from 'xmllint-wasm';
import { XlsxPatchError, shiftFormula } from '../../src/cli/xlsx-patch';
import { patchWorkbook } from '../../src/cli/xlsx-patch/node';
import { columnIndex, type WritePlan } from '../../src/core';
import { partNames, partText, readWorkbook, withParts, workbookBytes } from '../helpers/xlsx-package';

async function oneSheetBook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目资金');
  ws.addRow(['项目名称', '全年预算数', '执行数', '执行率']);
  ws.addRow(['网站运维', 72, 20, null]);
  ws.addRow(['数据中台', 138, 124.2, null]);
  return workbookBytes(wb);
}

const RATES: WritePlan = {
  blocks: [
    { sheet: '项目资金', top: 1, left: 3, values: [[20 / 72], [0.9]], numberFormat: '0%', role: 'rate' },
    { sheet: '项目资金', top: 0, left: 4, values: [['偏差说明'], ['差 52 万元'], ['<b>&"\'\u0001']], role: 'note' },
  ],
  columns: [{ sheet: '项目资金', col: 4, field: 'note', header: '偏差说明', appended: true, widthChars: 44, styleFromCol: 3 }],
};

/** Cells by address read the way the format defines them: a missing r means "the next one". */
function cellsByAddress(sheetXml: string): Record<string, string> {
  const out: Record<string, string> = {};
  let row = 0;
  for (const r of sheetXml.matchAll(/<(?:x:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:x:)?row>)/g)) {
    const rAttr = /\sr=["'](\d+)["']/.exec(r[1]);
    row = rAttr ? Number(rAttr[1]) : row + 1;
    let col = 0;
    for (const c of (r[2] ?? '').matchAll(/<(?:x:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:x:)?c>)/g)) {
      const ref = /\sr=["']([A-Z]+)(\d+)["']/.exec(c[1]);
      if (ref) expect(Number(ref[2])).toBe(row);
      col = ref ? columnIndex(ref[1]) + 1 : col + 1;
      out[`${String.fromCharCode(64 + col)}${row}`] = c[2] ?? '';
    }
  }
  return out;
}

async function expectWellFormed(bytes: Uint8Array): Promise<void> {
  const names = (await partNames(bytes)).filter((n) => /\.(xml|rels)$/.test(n));
  const xml = await Promise.all(names.map(async (n) => ({ fileName: n.replace(/[^A-Za-z0-9.]/g, '_'), contents: (await partText(bytes, n))! })));
  const result = await validateXML({ xml, normalization: 'c14n' });
  expect(result.errors).toEqual([]);
}

describe('workbooks written by other programs', () => {
  it('edits a sheet whose SpreadsheetML elements carry an x: prefix, writing prefixed elements', async () => {
    const input = await withParts(await oneSheetBook(), {
      'xl/worksheets/sheet1.xml': (xml) =>
        xml
          .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
          .replace(/<(\/?)(?![\w]+:)([A-Za-z])/g, '<$1x:$2'),
    });
    expect(await partText(input, 'xl/worksheets/sheet1.xml')).toContain('<x:sheetData>');
    const output = await patchWorkbook(input, { plan: RATES });
    const xml = (await partText(output, 'xl/worksheets/sheet1.xml'))!;
    expect(xml).not.toMatch(/<c[\s>]|<row[\s>]/);
    const cells = cellsByAddress(xml);
    expect(cells.D3).toBe('<x:v>0.9</x:v>');
    expect(cells.E1).toBe('<x:is><x:t xml:space="preserve">偏差说明</x:t></x:is>');
    expect(xml).toMatch(/<x:cols>.*<x:col min="5" max="5" width="44" customWidth="1"\/>.*<\/x:cols><x:sheetData>/);
    await expectWellFormed(output);
  });

  it('edits rows and cells that have no r, and an empty self-closing row, keeping every implied position where it was', async () => {
    const sheetData =
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2" ht="20" customHeight="1"/><row r="5"><c><v>5</v></c><c><v>6</v></c></row>' +
      '<row><c><v>7</v></c><c t="inlineStr"><is><t>x</t></is></c></row><row><c><v>8</v></c></row></sheetData>';
    const input = await withParts(await oneSheetBook(), { 'xl/worksheets/sheet1.xml': (xml) => xml.replace(/<sheetData>.*<\/sheetData>/, sheetData) });
    const plan: WritePlan = {
      blocks: [
        { sheet: '项目资金', top: 1, left: 1, values: [['B2']], role: 'note' },
        { sheet: '项目资金', top: 2, left: 0, values: [['new']], role: 'note' },
        { sheet: '项目资金', top: 5, left: 0, values: [[99]], role: 'rate' },
        { sheet: '项目资金', top: 5, left: 3, values: [['D6']], role: 'note' },
      ],
      columns: [],
    };
    const output = await patchWorkbook(input, { plan });
    const xml = (await partText(output, 'xl/worksheets/sheet1.xml'))!;
    expect(xml).toContain('<row r="2" ht="20" customHeight="1"><c r="B2" t="inlineStr">');
    expect(cellsByAddress(xml)).toEqual({
      A1: '<v>1</v>',
      B2: '<is><t xml:space="preserve">B2</t></is>',
      A3: '<is><t xml:space="preserve">new</t></is>',
      A5: '<v>5</v>',
      B5: '<v>6</v>',
      A6: '<v>99</v>',
      B6: '<is><t>x</t></is>',
      D6: '<is><t xml:space="preserve">D6</t></is>',
      A7: '<v>8</v>',
    });
  });

  it('reads single-quoted attributes and a byte-order mark', async () => {
    const input = await withParts(await oneSheetBook(), {
      'xl/worksheets/sheet1.xml': (xml) => `\uFEFF${xml.replace(/ (r|s|t)="([^"]*)"/g, " $1='$2'")}`,
    });
    const output = await patchWorkbook(input, { plan: RATES });
    const ws = (await readWorkbook(output)).getWorksheet('项目资金')!;
    expect(ws.getCell('D3').value).toBe(0.9);
    expect(ws.getCell('A3').value).toBe('数据中台');
    expect(ws.getCell('E3').value).toBe('<b>&"\'');
  });

  it('creates styles.xml when the generator wrote none, so the percent format has somewhere to live', async () => {
    const input = await withParts(await oneSheetBook(), {
      'xl/styles.xml': () => null,
      'xl/_rels/workbook.xml.rels': (xml) => xml.replace(/<Relationship [^>]*styles"[^>]*\/>/, ''),
      '[Content_Types].xml': (xml) => xml.replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, ''),
      'xl/worksheets/sheet1.xml': (xml) => xml.replace(/ s="\d+"/g, ''),
    });
    const output = await patchWorkbook(input, { plan: RATES });
    expect(await partText(output, 'xl/_rels/workbook.xml.rels')).toContain('styles');
    expect((await readWorkbook(output)).getWorksheet('项目资金')!.getCell('D2').numFmt).toBe('0%');
    await expectWellFormed(output);
  });
});

describe('files the patcher refuses, saying what to do', () => {
  const refused = async (bytes: Uint8Array, message: RegExp) => {
    const attempt = patchWorkbook(bytes, { plan: RATES });
    await expect(attempt).rejects.toThrow(XlsxPatchError);
    await expect(attempt).rejects.toThrow(message);
  };

  it('is not a zip at all', () => refused(new TextEncoder().encode('项目名称,预算数\n网站运维,72\n'), /不是有效的 \.xlsx.*另存为/));

  it('is password-protected (an OLE compound file)', () => refused(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /加密.*取消密码/));

  it('is Strict Open XML', async () => {
    const strict = await withParts(await oneSheetBook(), {
      'xl/worksheets/sheet1.xml': (xml) => xml.replace('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'),
    });
    await refused(strict, /严格 Open XML（Strict）.*另存为“Excel 工作簿/);
    const strictRels = await withParts(await oneSheetBook(), { '_rels/.rels': (xml) => xml.replace('http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument', 'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument') });
    await refused(strictRels, /Strict/);
  });

  it('is a binary workbook (.xlsb)', async () => {
    const xlsb = await withParts(await oneSheetBook(), { '_rels/.rels': (xml) => xml.replace('xl/workbook.xml', 'xl/workbook.bin') });
    await refused(xlsb, /\.xlsb/);
  });

  it('has rows out of order', async () => {
    const input = await withParts(await oneSheetBook(), { 'xl/worksheets/sheet1.xml': (xml) => xml.replace('<row r="3"', '<row r="1"') });
    await refused(input, /行顺序不规范/);
  });
});

describe('moving a formula as Excel copies it (for dependents of an overwritten shared formula)', () => {
  it.each([
    ['K5/F5', 1, 0, 'K6/F6'],
    ['$A$1+A1+$A1+A$1', 1, 1, '$A$1+B2+$A2+B$1'],
    ['SUM(A1:B2)*2.5E+3', 2, 0, 'SUM(A3:B4)*2.5E+3'],
    ['IF(F5=0,"A1",K5/F5)', 1, 0, 'IF(F6=0,"A1",K6/F6)'],
    ["'项目 资金'!F5+项目资金!G5", 1, 0, "'项目 资金'!F6+项目资金!G6"],
    ['LOG10(A1)+XYZ1+Table1[[#This Row],[A1]]', 1, 0, 'LOG10(A2)+XYZ1+Table1[[#This Row],[A1]]'],
    ['SUM(A:A)+SUM(1:1)+SUM($B:$B)', 1, 1, 'SUM(B:B)+SUM(2:2)+SUM($B:$B)'],
    ['A1+#REF!', -1, 0, '#REF!+#REF!'],
  ])('%s moved by (%i, %i) reads %s', (formula, dr, dc, expected) => {
    expect(shiftFormula(formula, dr, dc)).toBe(expected);
  });
});
