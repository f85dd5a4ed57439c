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
