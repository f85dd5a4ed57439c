/**
 * A rewritten sheet is compressed window by window and never held whole: a sheet many windows long
 * must come out byte-exact where untouched, with every written cell in place, and a valid zip
 * (JSZip checks every CRC when it reads the parts).
 */
import { patchWorkbook } from '../../src/cli/xlsx-patch/node';
import { readXlsx } from '../../src/cli/xlsx-read/node';
import type { WritePlan } from '../../src/core';
import { cellAt } from '../../src/core';
import { partText } from '../helpers/xlsx-package';
import { book } from '../helpers/xlsx-build';
import { readFileSync } from 'fs';
import * as path from 'path';

it('a 40,000-row sheet (several 1 MiB windows) gets a check column on every row, everything else kept', async () => {
  const rows = 40_000;
  const data = Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>凭证${i}</t></is></c><c r="B${i + 1}"><v>${i * 1.25}</v></c></row>`).join('');
  const input = await book({ sheets: [{ name: '支付', data }] });
  const values = Array.from({ length: rows }, (_, i) => [i % 3 === 0 ? `第${i + 1}行：金额待核对 ${'说明'.repeat(i % 50)}` : '']);
  const plan: WritePlan = { blocks: [{ sheet: '支付', top: 0, left: 2, values, role: 'check' }], columns: [] };
  const output = await patchWorkbook(input, { plan });
  const xml = (await partText(output, 'xl/worksheets/sheet1.xml'))!;
  expect(xml.length).toBeGreaterThan(3 * (1 << 20));
  const s = (await readXlsx(output)).sheets[0];
  for (const i of [0, 1, 2, 3, 12_345, 26_214, 39_999]) {
    expect(cellAt(s, i, 0)).toBe(`凭证${i}`);
    expect(cellAt(s, i, 1)).toBe(i * 1.25);
    expect(cellAt(s, i, 2) ?? '').toBe(values[i][0]);
  }
  let written = 0;
  s.values.forEach((r) => {
    if (r?.[2]) written++;
  });
  expect(written).toBe(Math.ceil(rows / 3));
});

it('a report sheet several 1 MiB windows long is written row by row and reads back whole, its placeholders still marked', async () => {
  const { analyze, buildReport, renderReportSheet } = await import('../../src/core');
  const sampleInput = new Uint8Array(readFileSync(path.join(__dirname, '../../samples/黔南州大数据局-2023预算执行.xlsx')));
  // The sample's report gives the formats and page; its rows are replaced by 30,000 long paragraphs.
  const snapshot = await readXlsx(sampleInput);
  const base = renderReportSheet(buildReport(analyze(snapshot, { today: '2024-01-15' }), snapshot));
  const text = (i: number) => `（${i}）项目${i}年度预算${i}万元，已执行${i}万元，执行率100%。${'资金使用规范，'.repeat(i % 7)}`;
  base.rows = Array.from({ length: 30_000 }, (_, i) =>
    i % 1000 === 7 ? { ...base.rows[0], text: `${text(i)}【请填写：未完成原因】`, placeholders: [[text(i).length, text(i).length + 10] as [number, number]] } : { ...base.rows[0], text: text(i), placeholders: undefined },
  );
  const output = await patchWorkbook(sampleInput, { plan: { blocks: [], columns: [] }, reportSheet: base });
  // The new sheet's part is numbered after the sample's own sheets.
  const xml = (await partText(output, `xl/worksheets/sheet${snapshot.sheets.length + 1}.xml`))!;
  expect(Buffer.byteLength(xml, 'utf8')).toBeGreaterThan(3 * (1 << 20));
  expect(xml.endsWith('</worksheet>')).toBe(true);
  const s = (await readXlsx(output)).sheets.find((x) => x.name === base.sheetName)!;
  for (const i of [0, 1, 7, 12_345, 29_007, 29_999]) {
    expect(cellAt(s, i, 0)).toBe(i % 1000 === 7 ? `${text(i)}【请填写：未完成原因】` : text(i));
  }
  // Each marked paragraph carries its 【】 as a red run of its own, as the .docx highlights it.
  expect(xml.match(/<color rgb="FFC00000"\/>/g)?.length).toBe(30);
});
