/**
 * Every valid way a producer may write a workbook reads to the values Excel shows: each test builds
 * the package by hand, the way some real producer writes it, and checks what a user would see.
 */
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { WorkbookReadError, readCentralDirectory } from '../../src/cli/xlsx-read';
import { jsInflate } from '../../src/cli/xlsx-read/js-codec';
import { browserInflate } from '../../src/cli/xlsx-read/stream-codec';
import { crc32Table } from '../../src/cli/xlsx-read/crc32';
import { readXlsx } from '../../src/cli/xlsx-read/node';
import { readWorkbookSnapshot } from '../../src/cli/xlsx-read/workbook';
import { type WorkbookSnapshot, cellAt } from '../../src/core';
import { MAIN_NS, REL_NS, book, bookParts, worksheet, zipParts } from '../helpers/xlsx-build';

function at(s: WorkbookSnapshot, sheet: string, ref: string): unknown {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return cellAt(s.sheets.find((x) => x.name === sheet)!, Number(m[2]) - 1, col);
}

describe('part names and relationships', () => {
  it('absolute targets (as openpyxl writes them) read like relative ones', async () => {
    const s = await readXlsx(await book({ absoluteTargets: true, sheets: [{ name: '项目资金', data: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>72</v></c></row>' }], sharedStrings: ['项目名称'] }));
    expect(at(s, '项目资金', 'A1')).toBe('项目名称');
    expect(at(s, '项目资金', 'B1')).toBe(72);
  });

  it('part names compare case-insensitively and targets may be percent-encoded', async () => {
    const parts = bookParts({ sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels'].replace('worksheets/sheet1.xml', 'Worksheets/%73heet1.xml');
    expect(at(await readXlsx(await zipParts(parts)), 'S', 'A1')).toBe(1);
  });

  it('missing optional parts (no styles, theme, docProps or shared strings) and unknown extra parts are fine', async () => {
    const s = await readXlsx(
      await book({ sheets: [{ name: 'S', data: '<row r="1"><c r="A1" t="inlineStr"><is><t>网站运维</t></is></c></row>' }], extraParts: { 'customXml/item1.xml': '<x/>', 'xl/unknown/thing.bin': 'binary?' } }),
    );
    expect(at(s, 'S', 'A1')).toBe('网站运维');
  });

  it('chart sheets are passed over; sheet order and visibility are the workbook’s', async () => {
    const parts = bookParts({
      sheets: [
        { name: '可见', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: '隐藏', state: 'hidden', data: '' },
        { name: '深度隐藏', state: 'veryHidden', data: '' },
      ],
    });
    parts['xl/workbook.xml'] = parts['xl/workbook.xml'].replace('</sheets>', '<sheet name="图表" sheetId="9" r:id="rIdC"/></sheets>');
    parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels'].replace('</Relationships>', `<Relationship Id="rIdC" Type="${REL_NS}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`);
    const s = await readXlsx(await zipParts(parts));
    expect(s.sheets.map((x) => [x.name, x.visibility])).toEqual([
      ['可见', 'visible'],
      ['隐藏', 'hidden'],
      ['深度隐藏', 'veryHidden'],
    ]);
  });
});

describe('SpreadsheetML written with any prefix', () => {
  it('x:worksheet, x:sst and x:workbook, as the Open XML SDK writes them', async () => {
    const X = `xmlns:x="${MAIN_NS}"`;
    const parts = bookParts({ sheets: [{ name: 'S' }], sharedStrings: [] });
    parts['xl/workbook.xml'] = `<?xml version="1.0"?><x:workbook ${X} xmlns:rel="${REL_NS}"><x:workbookPr date1904="true"/><x:sheets><x:sheet name="预算" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`;
    parts['xl/sharedStrings.xml'] = `<x:sst ${X}><x:si><x:t>项目名称</x:t></x:si><x:si><x:r><x:t>网站</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>运维</x:t></x:r></x:si></x:sst>`;
    parts['xl/worksheets/sheet1.xml'] = `<x:worksheet ${X}><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1"><x:v>1.5</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const s = await readXlsx(await zipParts(parts));
    expect(s.dateSystem).toBe(1904);
    expect(s.sheets[0].values).toEqual([['项目名称', '网站运维', 1.5]]);
  });

  it('a default namespace redeclared on an inner element, and elements of other namespaces skipped', async () => {
    const xml = `<w:worksheet xmlns:w="${MAIN_NS}" xmlns:o="urn:other"><w:sheetData><row xmlns="${MAIN_NS}" r="1"><c r="A1"><v>7</v></c><o:c r="B1"><o:v>99</o:v></o:c></row></w:sheetData></w:worksheet>`;
    const s = await readXlsx(await book({ sheets: [{ name: 'S', xml }] }));
    expect(s.sheets[0].values).toEqual([[7]]);
  });
});

describe('cell forms', () => {
  const one = async (data: string, extra: Partial<Parameters<typeof book>[0]> = {}) => readXlsx(await book({ sheets: [{ name: 'S', data }], ...extra }));

  it('shared strings, inline strings, rich text runs joined, phonetic runs left out', async () => {
    const sst = `<sst xmlns="${MAIN_NS}"><si><t>预算</t></si><si><r><t xml:space="preserve">执行 </t></r><r><rPr><b/></rPr><t>情况</t></r><rPh sb="0" eb="2"><t>ヨサン</t></rPh><phoneticPr fontId="1"/></si></sst>`;
    const s = await one('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>网站</t></r><r><t>运维</t></r><rPh><t>x</t></rPh></is></c></row>', { sharedStrings: sst });
    expect(s.sheets[0].values).toEqual([['预算', '执行 情况', '网站运维']]);
  });

  it('t="str", t="e", t="b", t="n" and shared formulas read as their cached values', async () => {
    const s = await one(
      '<row r="1"><c r="A1" t="str"><f>"网"&amp;"站"</f><v>网站</v></c><c r="B1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c>' +
        '<c r="E1"><f t="shared" ref="E1:E3" si="0">D1*2</f><v>4</v></c></row><row r="2"><c r="E2"><f t="shared" si="0"/><v>6</v></c></row><row r="3"><c r="E3"><f t="shared" si="0"/><v>-0.5e1</v></c></row>',
    );
    expect(s.sheets[0].values[0]).toEqual(['网站', '#DIV/0!', true, false, 4]);
    expect(at(s, 'S', 'E2')).toBe(6);
    expect(at(s, 'S', 'E3')).toBe(-5);
    expect(s.sheets[0].uncalculated).toEqual([]);
  });

  it('an empty <v/> reads as an empty cell, whatever the type (never shared string 0, never the number 0)', async () => {
    const s = await one('<row r="1"><c r="A1" t="s"><v/></c><c r="B1"><v></v></c><c r="C1" t="s"><v>0</v></c></row>', { sharedStrings: ['项目名称'] });
    expect(at(s, 'S', 'A1')).toBeNull();
    expect(at(s, 'S', 'B1')).toBeNull();
    expect(at(s, 'S', 'C1')).toBe('项目名称');
  });

  it('a formula with no cached value is null and listed, never 0', async () => {
    const s = await one('<row r="2"><c r="C2"><f>SUM(A2:B2)</f></c><c r="D2" t="str"><f>A2&amp;""</f></c><c r="E2"><f>1</f><v>1</v></c></row>');
    expect(s.sheets[0].uncalculated).toEqual([
      { row: 1, col: 2 },
      { row: 1, col: 3 },
    ]);
    expect(at(s, 'S', 'C2')).toBeNull();
    expect(at(s, 'S', 'E2')).toBe(1);
  });

  it('dates: serials as stored in either system, ISO dates (t="d") converted into the workbook’s system', async () => {
    const data = '<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" t="d"><v>2023-03-15T00:00:00</v></c><c r="C1" t="d"><v>2023-03-15T12:00:00Z</v></c></row>';
    const s1900 = await one(data);
    expect(s1900.dateSystem).toBe(1900);
    expect(s1900.sheets[0].values[0]).toEqual([45000, 45000, 45000.5]);
    const s1904 = await one(data, { date1904: true });
    expect(s1904.dateSystem).toBe(1904);
    // The stored serial is passed as it is (the core converts); the ISO date becomes a 1904 serial.
    expect(s1904.sheets[0].values[0]).toEqual([45000, 45000 - 1462, 45000 - 1462 + 0.5]);
  });

  it('rows and cells without r, no <dimension>, cells out of order', async () => {
    const s = await one('<row><c><v>1</v></c><c><v>2</v></c></row><row r="3"><c r="C3"><v>3</v></c><c><v>4</v></c><c r="A3"><v>5</v></c></row><row><c r="B4"><v>6</v></c></row>');
    expect(s.sheets[0].values).toEqual([[1, 2], undefined, [5, '', 3, 4], ['', 6]]);
  });

  it('a row number is read however it is written (" 3 ", "03"); one that is no row is named, never guessed', async () => {
    const s = await one('<row r=" 3 "><c><v>1</v></c></row><row r="05"><c><v>2</v></c></row><row><c><v>3</v></c></row>');
    expect(s.sheets[0].values).toEqual([[1], undefined, [2], [3]]);
    expect(s.sheets[0].top).toBe(2);
    for (const bad of ['0', 'x7', '-2', '1.5', '']) {
      const e: unknown = await one(`<row r="${bad}"><c><v>1</v></c></row>`).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(WorkbookReadError);
      expect((e as WorkbookReadError).zh).toContain(`的行号“${bad}”无效`);
    }
  });

  it('entities, character references, CDATA, comments, single quotes, attributes in any order and white space', async () => {
    const s = await one(
      `<!-- a comment --><row   r = '1' ><c t='inlineStr'   r='A1'><is><t>A&amp;B &lt;1&gt; &#x4E2D;&#22269; &quot;q&apos;</t></is></c>\n` +
        `<c r="B1" t="inlineStr"><is><t><![CDATA[<b>&amp;</b>]]></t></is></c><?pi x?><c r="C1" t="inlineStr"><is><t>行一\r\n行二_x000D_</t></is></c></row>`,
    );
    expect(s.sheets[0].values[0]).toEqual(['A&B <1> 中国 "q\'', '<b>&amp;</b>', '行一\n行二\r']);
  });

  it('edge white space: dropped from a plain <t> (as Excel does), kept with xml:space="preserve"', async () => {
    const s = await one('<row r="1"><c r="A1" t="inlineStr"><is><t>  网站运维 </t></is></c><c r="B1" t="inlineStr"><is><t xml:space="preserve">  网站运维 </t></is></c></row>');
    expect(s.sheets[0].values[0]).toEqual(['网站运维', '  网站运维 ']);
  });

  it('extension markup is skipped: extLst, x14ac attributes, mc:AlternateContent read through its Fallback', async () => {
    const xml =
      `<worksheet xmlns="${MAIN_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">` +
      '<sheetData><row r="1" spans="1:2" x14ac:dyDescent="0.25"><c r="A1"><v>1</v></c></row>' +
      '<mc:AlternateContent><mc:Choice Requires="x14ac"><row r="2"><c r="A2"><v>999</v></c></row></mc:Choice><mc:Fallback><row r="2"><c r="A2"><v>2</v></c></row></mc:Fallback></mc:AlternateContent></sheetData>' +
      '<extLst><ext uri="{x}"><x14:conditionalFormattings xmlns:x14="urn:x14"><c r="Z9"><v>5</v></c></x14:conditionalFormattings></ext></extLst></worksheet>';
    const s = await readXlsx(await book({ sheets: [{ name: 'S', xml }] }));
    expect(s.sheets[0].values).toEqual([[1], [2]]);
  });

  it('a UTF-16 part reads like a UTF-8 one', async () => {
    const xml = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>预算</t></is></c></row>').replace('UTF-8', 'UTF-16');
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    const parts = { ...bookParts({ sheets: [{ name: 'S' }] }), 'xl/worksheets/sheet1.xml': utf16 };
    expect((await readXlsx(await zipParts(parts))).sheets[0].values).toEqual([['预算']]);
  });
});

describe('merged areas and Excel tables', () => {
  it('merges are listed; covered cells read empty even when a producer left values in them', async () => {
    const xml = `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1"><v>5</v></c></row><row r="2"><c r="A2"><v>7</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:C2"/></mergeCells></worksheet>`;
    const s = await readXlsx(await book({ sheets: [{ name: 'S', xml }] }));
    expect(s.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 2 }]);
    expect(at(s, 'S', 'A1')).toBe('标题');
    expect(at(s, 'S', 'B1')).toBe('');
    expect(at(s, 'S', 'A2')).toBe('');
  });

  it('50,000 merged ranges are all read (linear cost: exceljs needs minutes here)', async () => {
    const merges = Array.from({ length: 50_000 }, (_, i) => `<mergeCell ref="A${i * 2 + 1}:B${i * 2 + 2}"/>`).join('');
    const rows = Array.from({ length: 100_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>1</v></c></row>`).join('');
    const xml = `<worksheet xmlns="${MAIN_NS}"><sheetData>${rows}</sheetData><mergeCells count="50000">${merges}</mergeCells></worksheet>`;
    const s = await readXlsx(await book({ sheets: [{ name: 'S', xml }] }));
    expect(s.sheets[0].merges).toHaveLength(50_000);
    expect(at(s, 'S', 'A99999')).toBe(99_998);
    expect(at(s, 'S', 'A100000')).toBe('');
    expect(at(s, 'S', 'B99999')).toBe('');
  });

  it('tables come from the sheet’s relationships, with their totals row', async () => {
    const table = `<table xmlns="${MAIN_NS}" id="1" name="Table1" displayName="支付表" ref="A1:D10" totalsRowCount="1"><autoFilter ref="A1:D9"/><tableColumns count="4"/></table>`;
    const s = await readXlsx(
      await book({
        sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>', related: [{ type: 'table', target: '../tables/table1.xml', part: 'xl/tables/table1.xml', content: table }] }],
      }),
    );
    expect(s.sheets[0].tables).toEqual([{ name: '支付表', rect: { top: 0, left: 0, bottom: 9, right: 3 }, totalsRow: true }]);
  });
});

describe('sparse snapshots', () => {
  it('one stray space in XFD1048576 costs one stored cell, not a million rows × 16,384 columns', async () => {
    const s = await readXlsx(await book({ sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t xml:space="preserve"> </t></is></c></row>' }] }));
    const v = s.sheets[0].values;
    expect(v).toHaveLength(1_048_576);
    let rows = 0;
    let cells = 0;
    v.forEach((r) => {
      if (!r) return;
      rows++;
      r.forEach((c) => {
        if (c !== undefined && c !== '') cells++;
      });
    });
    expect([rows, cells]).toEqual([2, 2]);
    expect(at(s, 'S', 'XFD1048576')).toBe(' ');
  });
});

describe('the browser’s path', () => {
  it('the pure-JS inflater (fflate) reads the sample to the same snapshot as Node’s zlib', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(__dirname, '..', '..', 'samples', '黔南州大数据局-2023预算执行.xlsx')));
    const viaZlib = await readXlsx(bytes);
    const viaJs = await readWorkbookSnapshot(bytes, { codec: jsInflate });
    expect(viaJs).toEqual(viaZlib);
    expect(viaJs.sheets.map((x) => x.name)).toContain('项目资金');
  });

  it('the browser’s own DecompressionStream (what the page’s worker uses) reads the sample to the same snapshot as Node’s zlib', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(__dirname, '..', '..', 'samples', '黔南州大数据局-2023预算执行.xlsx')));
    expect(browserInflate).not.toBe(jsInflate); // Node 20 has DecompressionStream('deflate-raw'), as Chromium 103+ does
    expect(await readWorkbookSnapshot(bytes, { codec: browserInflate })).toEqual(await readXlsx(bytes));
  });

  it('a browser whose DecompressionStream lacks raw DEFLATE (Chromium 80–102) reads with fflate instead', () => {
    const own = globalThis.DecompressionStream;
    // As those versions answer: 'gzip' and 'deflate' only.
    globalThis.DecompressionStream = class {
      constructor(format: string) {
        if (format === 'deflate-raw') throw new TypeError(`Unsupported compression format: '${format}'`);
      }
    } as unknown as typeof DecompressionStream;
    try {
      jest.isolateModules(() => {
        const { browserInflate: chosen } = require('../../src/cli/xlsx-read/stream-codec');
        const { jsInflate: fflate } = require('../../src/cli/xlsx-read/js-codec');
        expect(chosen).toBe(fflate);
      });
    } finally {
      globalThis.DecompressionStream = own;
    }
  });

  it('through DecompressionStream a zip bomb is still stopped part-way, and corrupt data named as such', async () => {
    const size = 100 * 1024 * 1024;
    const bomb = zlib.deflateRawSync(Buffer.alloc(size, 0x20), { level: 9 });
    let seen = 0;
    const refused = await browserInflate
      .inflateRaw(new Uint8Array(bomb), (piece) => {
        seen += piece.length;
        if (seen > 8 * 1024 * 1024) throw new Error('past the bound');
      })
      .catch((e: Error) => e.message);
    expect(refused).toBe('past the bound');
    expect(seen).toBeLessThan(size / 4); // stopped, not inflated in full first

    const good = await book({ sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    const sheet = readCentralDirectory(good).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const broken = new Uint8Array(good);
    const at = findSub(good, sheet.data);
    expect(at).toBeGreaterThan(0);
    broken.fill(0xff, at, at + 8); // the part's first compressed bytes overwritten: not a DEFLATE stream any more
    const err = (await readWorkbookSnapshot(broken, { codec: browserInflate }).catch((e: unknown) => e)) as WorkbookReadError;
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect(err.zh).toMatch(/xl\/worksheets\/sheet1\.xml/);
  });

  it('the page’s CRC-32 (slicing by 8) agrees with zlib’s at every length, alignment and split', () => {
    // Bytes from a fixed linear congruential sequence: the same on every run.
    const bytes = new Uint8Array(100_003);
    for (let i = 0, x = 12345; i < bytes.length; i++) bytes[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
    for (let len = 0; len <= 40; len++) for (const from of [0, 1, 3, 7]) {
      const piece = bytes.subarray(from, from + len);
      expect(crc32Table(piece)).toBe(zlib.crc32(piece));
    }
    expect(crc32Table(bytes)).toBe(zlib.crc32(bytes));
    for (const cut of [1, 7, 8, 9, 65_537]) expect(crc32Table(bytes.subarray(cut), crc32Table(bytes.subarray(0, cut)))).toBe(zlib.crc32(bytes));
  });

  it('only the Node files of the reader use Node: the rest is Uint8Array, TextDecoder and DataView', () => {
    const dir = path.join(__dirname, '..', '..', 'src', 'cli', 'xlsx-read');
    const neutral = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.startsWith('node'));
    expect(neutral.length).toBeGreaterThanOrEqual(10);
    for (const f of neutral) {
      const text = readFileSync(path.join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect({ f, node: /\bBuffer\b|from '(fs|zlib|path|os|util|buffer|stream|child_process)'|require\(/.test(text) }).toEqual({ f, node: false });
    }
  });
});

/** Where `part` starts in `whole` (the compressed part inside the zip's bytes). */
function findSub(whole: Uint8Array, part: Uint8Array): number {
  outer: for (let i = 0; i + part.length <= whole.length; i++) {
    for (let k = 0; k < Math.min(part.length, 64); k++) if (whole[i + k] !== part[k]) continue outer;
    return i;
  }
  return -1;
}
