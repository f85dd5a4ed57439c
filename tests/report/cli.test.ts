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
  const quoted = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rid = new RegExp(`<sheet [^>]*name="${quoted}"[^>]*r:id="(rId\\d+)"`).exec(workbook)![1];
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
    // The staff's texts and the indicators' results fill the report: the date is left, and the form's one reason.
    expect(result.stdout).toMatch(/待填写2处（报告日期、偏差原因分析及改进措施），待核对1处，已用【】标出，清单见“核对清单”工作表/);
    expect(result.stdout).toContain(`已写出：${docx}`);
    expect(result.stdout).toContain('绩效自评表：21个项目，每项一页，写在“绩效自评表”工作表，并附在 Word 报告之后。');
  });

  it('adds 自评报告, 核对清单 and 绩效自评表 after the other sheets: one wide column, fonts per style, a hidden trace column', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['项目资金', '支付明细', '单位信息', '绩效指标', '自评报告', '核对清单', '绩效自评表']);
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

  it('prints as a page: A4 with "- 1 -" page numbers, placeholders in red on a highlighted row', async () => {
    const xml = await sheetXml(out, '自评报告');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="portrait"');
    expect(xml).toContain('<headerFooter><oddFooter>&amp;C&amp;14- &amp;P -</oddFooter></headerFooter>');
    const ws = wb.getWorksheet('自评报告')!;
    const rowOf = (text: string) => ws.getColumn(1).values.findIndex((v) => typeof v === 'object' && v !== null && 'richText' in v && (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('').includes(text));
    const r = rowOf('【请填写：报告日期】');
    expect(r).toBeGreaterThan(0);
    const cell = ws.getCell(`A${r}`);
    expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
    const runs = (cell.value as ExcelJS.CellRichTextValue).richText;
    expect(runs.find((x) => x.text === '【请填写：报告日期】')!.font).toMatchObject({ color: { argb: 'FFC00000' } });
    // A paragraph without a placeholder is plain text on no fill.
    expect(ws.getCell('A2').value).toBe('州财政局：');
    expect(ws.getCell('A2').fill?.type === 'pattern' && (ws.getCell('A2').fill as ExcelJS.FillPattern).pattern === 'solid').toBe(false);
  });

  it('lists each open item in 核对清单 with its cell, the mark and the finding', () => {
    const ws = wb.getWorksheet('核对清单')!;
    expect([1, 2, 3, 4, 5, 6].map((c) => ws.getRow(1).getCell(c).value)).toEqual(['序号', '类别', '项目', '单元格', '报告中的标记', '说明']);
    const rows = ws.getSheetValues().slice(2).map((r) => (r as ExcelJS.CellValue[]).slice(1, 7));
    expect(rows[0]).toEqual(['1', '请核对', '州委大楼网络运维外包服务经费', '项目资金!G24', '【请核对：其中各项合计5万元，与预算数9.8万元不符】', expect.stringContaining('请核对“其中”各列')]);
    // The staff's texts and the indicators' results leave only the date to fill in the report …
    expect(rows.filter((r) => r[1] === '请填写')).toHaveLength(2);
    expect(rows).toContainEqual(['2', '请填写', undefined, undefined, '【请填写：报告日期】', '请在报告中填写报告日期。']);
    // … and the 绩效自评表's own: a score below its 分值 with no reason given.
    expect(rows[2]).toEqual(['3', '请填写', '2022年省大数据发展专项资金(第二批项目)', '绩效指标!I6', '【请填写：偏差原因】', '指标“推动企业数字化发展”得分15.00，低于分值30。请在绩效指标!I6填写，或在绩效自评表中填写。']);
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
    expect(second.worksheets.map((w) => w.name)).toEqual(['项目资金', '支付明细', '单位信息', '绩效指标', '自评报告', '核对清单', '绩效自评表']);
    const [a, b] = [await readSnapshot(out), await readSnapshot(again)];
    expect(b).toEqual(a);
  });

  it('keeps a report sheet a person edited since it was generated, and writes the new one to 自评报告 (2)', async () => {
    // The clerk fills in the date in the generated sheet, and runs the tool again on that file.
    const zip = await JSZip.loadAsync(await fs.readFile(out));
    const edited = path.join(dir, 'edited.xlsx');
    const xml = await sheetXml(out, '自评报告');
    expect(xml).toContain('【请填写：报告日期】');
    for (const name of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f))) {
      const text = await zip.file(name)!.async('string');
      if (text === xml) zip.file(name, text.replace('【请填写：报告日期】', '2024年1月20日'));
    }
    await fs.writeFile(edited, await zip.generateAsync({ type: 'uint8array' }));
    const again = path.join(dir, 'edited-again.xlsx');
    const r = await cli(['report', edited, '-o', again]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('工作表“自评报告”在生成后有改动（或不是本工具生成的），已原样保留；新报告写在“自评报告 (2)”。');
    const res = new ExcelJS.Workbook();
    await res.xlsx.readFile(again);
    expect(res.worksheets.map((w) => w.name)).toEqual(['项目资金', '支付明细', '单位信息', '绩效指标', '自评报告', '核对清单', '绩效自评表', '自评报告 (2)']);
    const kept = await sheetXml(again, '自评报告');
    expect(kept).toContain('2024年1月20日');
    expect(kept).not.toContain('【请填写：报告日期】');
    expect(await sheetXml(again, '自评报告 (2)')).toContain('【请填写：报告日期】');
    // The 核对清单 was not touched, so it is replaced where it stands.
    expect(r.stdout).not.toContain('新核对清单');
    // A third run: 自评报告 (2) is as generated, so it is the one replaced; nothing is added.
    const third = path.join(dir, 'edited-third.xlsx');
    const r3 = await cli(['report', again, '-o', third]);
    expect(r3.stdout).toContain('新报告写在“自评报告 (2)”');
    const res3 = new ExcelJS.Workbook();
    await res3.xlsx.readFile(third);
    expect(res3.worksheets.map((w) => w.name)).toEqual(['项目资金', '支付明细', '单位信息', '绩效指标', '自评报告', '核对清单', '绩效自评表', '自评报告 (2)']);
  });

  it('keeps a title that begins with = as text, never a formula, and a 自评报告 it did not write', async () => {
    const input = path.join(dir, 'formula.xlsx');
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(SAMPLE);
    src.getWorksheet('单位信息')!.getCell('B4').value = '=HYPERLINK("http://example.com","报告")';
    // A sheet named 自评报告 that this tool did not write (no fingerprint): a person's, kept as it is.
    const stale = src.addWorksheet('自评报告');
    stale.getCell('A1').value = '旧内容';
    (stale as unknown as { orderNo: number }).orderNo = -1;
    await src.xlsx.writeFile(input);
    const target = path.join(dir, 'formula-out.xlsx');
    const before = sha256(input);
    const r = await cli(['report', input, '-o', target]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('新报告写在“自评报告 (2)”');
    expect(sha256(input)).toBe(before);
    const xml = await sheetXml(target, '自评报告 (2)');
    expect(xml).not.toContain('<f>');
    const res = new ExcelJS.Workbook();
    await res.xlsx.readFile(target);
    expect(res.worksheets[0].name).toBe('自评报告');
    expect(res.getWorksheet('自评报告')!.getCell('A1').value).toBe('旧内容');
    expect(res.getWorksheet('自评报告 (2)')!.getCell('A1').value).toBe('=HYPERLINK("http://example.com","报告")');
    expect(res.getWorksheet('自评报告 (2)')!.getCell('A2').value).toBe('州财政局：');
  });

  it('refuses an unknown amount display', async () => {
    const r = await cli(['report', SAMPLE, '-o', path.join(dir, 'x.xlsx'), '--amount-display', 'wan']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--amount-display 只能是 source 或 two-decimals');
  });
});
