import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { SAMPLE, cli, readSnapshot, sha256, tempDir } from '../helpers/cli';
import { docxParagraphs } from '../helpers/report';

/** The worksheet XML of a sheet, by its tab name. */
async function sheetXml(file: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(workbook)![1];
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
}

describe('jixiao report writes the report sheet and the .docx', () => {
  const dir = tempDir('jixiao-report-');
  const out = path.join(dir, 'out.xlsx');
  const docx = path.join(dir, '报告.docx');
  let result: { code: number; stdout: string; stderr: string };
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    result = await cli(['report', SAMPLE, '-o', out, '--docx', docx]);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
  });

  it('says what it wrote and what is left to fill in', () => {
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('报告：黔南州大数据发展管理局2023年绩效运行日常监控自评情况报告，');
    expect(result.stdout).toMatch(/待填写8处（产生的效益、项目实施情况、受益对象满意度、报告日期），待核对1处，已用【】标出，清单见“核对清单”工作表/);
    expect(result.stdout).toContain(`已写出：${docx}`);
  });

  it('adds 自评报告 after the other sheets: one wide column, fonts per style, a hidden trace column', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['项目资金', '支付明细', '单位信息', '自评报告']);
    const ws = wb.getWorksheet('自评报告')!;
    expect(ws.getColumn(1).width).toBe(84);
    expect(ws.getColumn(2).hidden).toBe(true);
    const title = ws.getCell('A1');
    expect(title.value).toBe('黔南州大数据发展管理局2023年绩效运行日常监控自评情况报告');
    expect(title.font).toMatchObject({ name: '方正小标宋简体', size: 22 });
    expect(title.alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    expect(ws.getCell('B1').value).toBe('title | 单位信息!B4');
    expect(ws.getCell('A4').value).toBe('\u3000\u3000一、整体支出绩效自评情况');
    expect(ws.getCell('A4').font).toMatchObject({ name: '黑体', size: 16 });
    expect(ws.getCell('A5').font).toMatchObject({ name: '楷体_GB2312' });
    expect(ws.getCell('A6').font).toMatchObject({ name: '仿宋_GB2312', size: 16 });
    expect(ws.getCell('A6').numFmt).toBe('@');
    expect(ws.getRow(3).height).toBe(6 * 28);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait' });
  });

  it('writes a .docx that carries the report', async () => {
    const paragraphs = await docxParagraphs(await fs.readFile(docx));
    expect(paragraphs[0]).toBe('黔南州大数据发展管理局2023年绩效运行日常监控自评情况报告');
    expect(paragraphs).toContain('（三）州本级资金安排的大数据发展专项资金项目14个，1563.53万元。');
  });

  it('replaces its own sheet on a second run, in place, leaving the others as they were', async () => {
    const again = path.join(dir, 'again.xlsx');
    expect((await cli(['report', out, '-o', again])).code).toBe(0);
    const second = new ExcelJS.Workbook();
    await second.xlsx.readFile(again);
    expect(second.worksheets.map((w) => w.name)).toEqual(['项目资金', '支付明细', '单位信息', '自评报告']);
    const [a, b] = [await readSnapshot(out), await readSnapshot(again)];
    expect(b).toEqual(a);
  });

  it('keeps a title that begins with = as text, never a formula', async () => {
    const input = path.join(dir, 'formula.xlsx');
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(SAMPLE);
    src.getWorksheet('单位信息')!.getCell('B4').value = '=HYPERLINK("http://example.com","报告")';
    // A stale report sheet placed first: it must be replaced where it stands.
    const stale = src.addWorksheet('自评报告');
    stale.getCell('A1').value = '旧内容';
    (stale as unknown as { orderNo: number }).orderNo = -1;
    await src.xlsx.writeFile(input);
    const target = path.join(dir, 'formula-out.xlsx');
    const before = sha256(input);
    expect((await cli(['report', input, '-o', target])).code).toBe(0);
    expect(sha256(input)).toBe(before);
    const xml = await sheetXml(target, '自评报告');
    expect(xml).not.toContain('<f>');
    const res = new ExcelJS.Workbook();
    await res.xlsx.readFile(target);
    expect(res.worksheets[0].name).toBe('自评报告');
    expect(res.getWorksheet('自评报告')!.getCell('A1').value).toBe('=HYPERLINK("http://example.com","报告")');
    expect(res.getWorksheet('自评报告')!.getCell('A2').value).toBe('州财政局：');
  });

  it('refuses an unknown amount display', async () => {
    const r = await cli(['report', SAMPLE, '-o', path.join(dir, 'x.xlsx'), '--amount-display', 'wan']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--amount-display 只能是 source 或 two-decimals');
  });
});
