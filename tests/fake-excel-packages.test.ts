/**
 * Valid packages Excel opens that the simulated Excel's parser (exceljs) could not: a prefixed main
 * namespace (the Open XML SDK's x:) and rows and cells without their r attribute (export systems).
 * They load with every cell where Excel shows it.
 */
import { strToU8, zipSync } from 'fflate';
import { loadXlsxIntoFake } from '../src/testing/fake-excel/load-xlsx';
import { normalizePackage } from '../src/testing/fake-excel/normalize-package';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function pkg(workbook: string, sheet: string): Uint8Array {
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/workbook.xml': workbook,
    'xl/worksheets/sheet1.xml': sheet,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

it('x:-prefixed SpreadsheetML loads with its cells', async () => {
  const data = await loadXlsxIntoFake(
    pkg(
      `<x:workbook xmlns:x="${MAIN}" xmlns:r="${R}"><x:sheets><x:sheet name="项目资金" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>网站运维</x:t></x:is></x:c><x:c r="C2"><x:v>85.6</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    ),
  );
  expect(data.sheets[0].name).toBe('项目资金');
  expect(data.sheets[0].values[1]!.slice(1, 3)).toEqual(['网站运维', 85.6]);
});

it('rows and cells without r follow the previous ones; a numbered one resets the count', async () => {
  const data = await loadXlsxIntoFake(
    pkg(
      `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      `<worksheet xmlns="${MAIN}"><sheetData><row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row r="5"><c r="C5"><v>2</v></c><c><v>3</v></c></row><row><c><v>4</v></c></row></sheetData></worksheet>`,
    ),
  );
  const v = data.sheets[0].values;
  expect([v[0]![0], v[0]![1], v[4]![2], v[4]![3], v[5]![0]]).toEqual(['a', 1, 2, 3, 4]);
});

it('a package that needs nothing is handed over as it is', () => {
  const bytes = pkg(`<workbook xmlns="${MAIN}"/>`, `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`);
  expect(normalizePackage(bytes)).toBe(bytes);
});

it('ISO date cells (t="d") show Excel’s serials, in the 1904 system when the workbook uses it', async () => {
  const sheet = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="d"><v>2023-02-01T00:00:00</v></c><c r="B1" t="d"><v>2024-01-01T09:30:00</v></c></row></sheetData></worksheet>`;
  const wb = (pr: string) => `<workbook xmlns="${MAIN}" xmlns:r="${R}">${pr}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const v1900 = (await loadXlsxIntoFake(pkg(wb(''), sheet))).sheets[0].values[0];
  expect(v1900).toEqual([44958, 45292 + 9.5 / 24]);
  const v1904 = (await loadXlsxIntoFake(pkg(wb('<workbookPr date1904="1"/>'), sheet))).sheets[0].values[0];
  expect(v1904).toEqual([44958 - 1462, 45292 - 1462 + 9.5 / 24]);
});
