/**
 * Hostile and wrong files: each stops the CLI with exit 2 and one line that says what the file is and
 * what to do — never a crash, a stack trace, or a part inflated in full before being refused.
 */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { readXlsx } from '../../src/cli/xlsx-read/node';
import { WorkbookReadError } from '../../src/cli/xlsx-read';
import { SAMPLE, cli, tempDir } from '../helpers/cli';
import { book, bookParts, compoundFile, rawZip, zipParts } from '../helpers/xlsx-build';

const dir = tempDir('jixiao-hostile-');
let n = 0;

async function run(bytes: Uint8Array, lang?: 'en'): Promise<{ code: number; line: string; stdout: string }> {
  const file = path.join(dir, `in-${++n}.xlsx`);
  writeFileSync(file, bytes);
  const r = await cli(['report', file, '-o', path.join(dir, `out-${n}.xlsx`), ...(lang ? ['--lang', lang] : [])]);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  return { code: r.code, line: lines[0], stdout: r.stdout };
}

async function refused(bytes: Uint8Array, ...phrases: (string | RegExp)[]): Promise<string> {
  const r = await run(bytes);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  for (const p of phrases) expect(r.line).toMatch(p);
  return r.line;
}

const PLAIN = '<row r="1"><c r="A1"><v>1</v></c></row>';

describe('files that are not .xlsx', () => {
  it('a CSV renamed .xlsx', () => refused(new TextEncoder().encode('项目名称,全年预算数\n网站运维,72\n'), '不是有效的 .xlsx 文件', '文本文件（如 CSV）', '另存为'));

  it('an HTML table renamed .xlsx (a budget system’s “Excel export”)', () => refused(new TextEncoder().encode('<html><body><table><tr><td>项目名称</td></tr></table></body></html>'), '网页（HTML）格式的表格', '另存为'));

  it('a real .xls (Excel 97-2003, written by LibreOffice) is told to be saved as .xlsx', () =>
    refused(new Uint8Array(readFileSync(path.join(__dirname, '..', 'fixtures', 'producers', 'libreoffice-budget.xls'))), '旧版 Excel 97-2003 工作簿（.xls）', '另存为“Excel 工作簿 (*.xlsx)”'));

  it('an .xls built in the test (a compound file with a Workbook stream)', () => refused(compoundFile(['Workbook', 'SummaryInformation']), '.xls'));

  it('an encrypted workbook says to remove the password, and where', async () => {
    await refused(compoundFile(['EncryptionInfo', 'EncryptedPackage', 'DataSpaces']), '已用密码加密', '文件 › 信息 › 保护工作簿 › 用密码进行加密');
    const en = await run(compoundFile(['EncryptionInfo', 'EncryptedPackage']), 'en');
    expect(en.code).toBe(2);
    expect(en.line).toContain('this file is encrypted'.replace('this', 'This'));
    expect(en.line).toContain('remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it)');
  });

  it('an .xlsb (binary workbook)', async () => {
    const parts = bookParts({ sheets: [{ name: 'S', data: PLAIN }] });
    parts['_rels/.rels'] = parts['_rels/.rels'].replace('xl/workbook.xml', 'xl/workbook.bin');
    parts['xl/workbook.bin'] = 'binary';
    await refused(await zipParts(parts), '二进制工作簿（.xlsb）', '另存为');
  });

  it('a Word document renamed .xlsx', async () => {
    const parts = bookParts({ sheets: [] });
    parts['_rels/.rels'] = parts['_rels/.rels'].replace('xl/workbook.xml', 'word/document.xml');
    await refused(await zipParts(parts), '不是 Excel 工作簿', 'Word 文档');
  });

  it('a zip with no workbook in it', () => refused(rawZip([{ name: 'readme.txt', content: 'hello' }]), '不是有效的 .xlsx 文件'));
});

describe('broken and hostile packages', () => {
  it('a truncated file (a download cut short)', async () => {
    const sample = readFileSync(SAMPLE);
    await refused(new Uint8Array(sample.subarray(0, Math.floor(sample.length / 2))), '文件不完整', '截断');
  });

  it('a corrupted part fails its check instead of giving wrong numbers', async () => {
    const bytes = rawZip([...Object.entries(bookParts({ sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>123456</v></c></row>' }] })).map(([name, content]) => ({ name, content, store: true }))]);
    const at = Buffer.from(bytes).indexOf('123456');
    bytes[at] = '9'.charCodeAt(0);
    await refused(bytes, '文件已损坏', 'CRC');
  });

  it('two entries with one name', async () => {
    const entries = Object.entries(bookParts({ sheets: [{ name: 'S', data: PLAIN }] })).map(([name, content]) => ({ name, content }));
    entries.push({ name: 'xl/worksheets/sheet1.xml', content: entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!.content.replace('<v>1</v>', '<v>2</v>') });
    await refused(rawZip(entries), '两个同名部件', 'xl/worksheets/sheet1.xml');
  });

  it('entry names that leave the package (../, absolute)', async () => {
    const entries = Object.entries(bookParts({ sheets: [{ name: 'S', data: PLAIN }] })).map(([name, content]) => ({ name, content }));
    await refused(rawZip([...entries, { name: '../../evil.sh', content: 'rm -rf ~' }]), '指向包外', '../../evil.sh');
    await refused(rawZip([...entries, { name: '/etc/cron.d/x', content: 'x' }]), '指向包外');
  });

  it('a zip bomb is stopped after 64 MB, not inflated in full', async () => {
    const size = 100 * 1024 * 1024;
    const bomb = zlib.deflateRawSync(Buffer.alloc(size, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(400_000);
    const entries = Object.entries(bookParts({ sheets: [{ name: 'S', data: PLAIN }] })).map(([name, content]) => ({ name, content }));
    const built = rawZip(entries.map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, deflated: { data: bomb, size } } : e)));
    await refused(built, '压缩比超过 200 倍', 'zip 炸弹');
  }, 30_000); // a hang guard (jest's own timeout), not a timing

  it('a part larger than the absolute bound is refused (bound lowered for the test)', async () => {
    const bytes = await book({ sheets: [{ name: 'S', data: PLAIN.repeat(2000) }] });
    const err = await readXlsx(bytes, { limits: { maxBytes: 10_000, maxRatio: 200, ratioFloor: 64 << 20 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as WorkbookReadError).zh).toMatch(/“xl\/worksheets\/sheet1\.xml”解压后超过/);
  });

  it('more than 1,048,576 rows or 16,384 columns', async () => {
    await refused(await book({ sheets: [{ name: '支付', data: '<row r="1048577"><c r="A1048577"><v>1</v></c></row>' }] }), '工作表“支付”', '1,048,576 行');
    await refused(await book({ sheets: [{ name: '支付', data: '<row r="1"><c r="XFE1"><v>1</v></c></row>' }] }), 'XFE1', '16,384 列');
    await refused(await book({ sheets: [{ name: '支付', data: `<row r="1">${'<c><v>1</v></c>'.repeat(16_385)}</row>` }] }), '16,384 列');
  });

  it('too many cells for memory: a clear refusal (limit lowered for the test)', async () => {
    const err = await readXlsx(await book({ sheets: [{ name: 'S', data: PLAIN.repeat(1).replace('</row>', '<c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>') }] }), { maxCells: 2 }).catch((e: unknown) => e);
    expect((err as WorkbookReadError).failure).toBe('too-many-cells');
  });

  it('broken XML names the part', async () => {
    await refused(await book({ sheets: [{ name: 'S', xml: '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>' }] }), '文件已损坏', 'xl/worksheets/sheet1.xml');
    await refused(await book({ sheets: [{ name: 'S', data: '<row r="1"><c r="A1" t="s"><v>7</v></c></row>' }] }), 'S!A1', '共享字符串');
    await refused(await book({ sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>12abc</v></c></row>' }] }), 'S!A1', '数值');
  });

  it('Strict Open XML is refused with advice', async () => {
    const parts = bookParts({ sheets: [{ name: 'S', data: PLAIN }] });
    parts['xl/worksheets/sheet1.xml'] = parts['xl/worksheets/sheet1.xml'].replace('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main');
    await refused(await zipParts(parts), '严格 Open XML');
  });
});

