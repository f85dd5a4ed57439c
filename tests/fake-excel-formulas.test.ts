/**
 * A file whose formulas carry no cached value (as openpyxl and export systems write them): the
 * simulated Excel shows what Excel shows after calculating on opening — never an empty cell or a 0
 * the shell would take for "nothing paid" — and refuses, by cell, a formula it cannot compute.
 */
import { zipSync, strToU8 } from 'fflate';
import { evaluateFormula } from '../src/testing/fake-excel/formula-eval';
import { loadXlsxIntoFake } from '../src/testing/fake-excel/load-xlsx';

/** A minimal package with one sheet; `cells` is the <sheetData> XML. */
function packageWith(cells: string): Buffer {
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="项目资金" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells}</sheetData></worksheet>`,
  };
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
}

it('uncached 执行数 and 合计 formulas show Excel’s computed numbers, chains included', async () => {
  const xml =
    '<row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c><c r="B1" t="inlineStr"><is><t>全年预算数</t></is></c><c r="C1" t="inlineStr"><is><t>执行数</t></is></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><t>网站运维</t></is></c><c r="B2"><v>85.6</v></c><c r="C2"><f>B2*0.5</f></c></row>' +
    '<row r="3"><c r="A3" t="inlineStr"><is><t>机房改造</t></is></c><c r="B3"><v>20</v></c><c r="C3"><f>12.5+2.5</f></c></row>' +
    '<row r="4"><c r="A4" t="inlineStr"><is><t>合计</t></is></c><c r="B4"><f>SUM(B2:B3)</f></c><c r="C4"><f>SUM(C2:C3)</f></c></row>';
  const data = await loadXlsxIntoFake(packageWith(xml));
  const s = data.sheets[0];
  expect(s.values[1]![2]).toBe(42.8);
  expect(s.values[2]![2]).toBe(15);
  expect([s.values[3]![1], s.values[3]![2]]).toEqual([105.6, 57.8]);
  expect(s.formulas[3]![2]).toBe('=SUM(C2:C3)');
});

it('a formula it cannot compute is refused by cell, not shown as 0', async () => {
  const xml = '<row r="1"><c r="A1"><f>VLOOKUP(1,B1:B2,1,0)</f></c></row>';
  await expect(loadXlsxIntoFake(packageWith(xml))).rejects.toThrow(/cannot compute =VLOOKUP\(1,B1:B2,1,0\) at 项目资金!R1C1/);
});

it('the arithmetic: precedence, parentheses, another sheet, SUM skipping text as Excel does', () => {
  const cells: Record<string, number | string> = { 'S!A1': 10, 'S!A2': '备注', 'S!A3': 5, "其他 表!B2": 7 };
  const look = (sheet: string, r: number, c: number) => cells[`${sheet}!${String.fromCharCode(65 + c)}${r + 1}`] ?? '';
  expect(evaluateFormula('=1+2*3', 'S', 'S!Z1', look)).toBe(7);
  expect(evaluateFormula('=(1+2)*3-A1/4', 'S', 'S!Z1', look)).toBe(6.5);
  expect(evaluateFormula("=SUM(A1:A3,'其他 表'!B2)+-1", 'S', 'S!Z1', look)).toBe(21);
  expect(() => evaluateFormula('=A2*2', 'S', 'S!Z1', look)).toThrow(/#VALUE!/);
  expect(evaluateFormula('=DATE(2023,7,1)', 'S', 'S!Z1', look)).toBe(45108);
  expect(evaluateFormula('=DATE(2023,7,1)', 'S', 'S!Z1', look, undefined, true)).toBe(45108 - 1462);
  // A table's totals row: SUBTOTAL(109, 表[列]) over the column's body.
  const columnOf = (table: string, column: string) => (table === '支付表' && column === '金额' ? { sheet: 'S', ref: 'A1:A3' } : undefined);
  expect(evaluateFormula('=SUBTOTAL(109,支付表[金额])', 'S', 'S!A4', look, columnOf)).toBe(15);
  expect(() => evaluateFormula('=SUBTOTAL(101,支付表[金额])', 'S', 'S!A4', look, columnOf)).toThrow(/Only SUBTOTAL/);
});
