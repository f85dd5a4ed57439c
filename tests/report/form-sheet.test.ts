/**
 * The 绩效自评表 sheet: the plan (one form a page, merged areas, borders, heights that show the text)
 * and the command line's sheet as Excel reads it — values, merges, page breaks, the highlighted
 * placeholders — and its fingerprint, which keeps a form a person filled in.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { FORM_COLUMN_WIDTHS, FORM_MARGINS_CM, generatedSheetState, renderFormSheet, type FormSheetPlan, type ReportDocument } from '../../src/core';
import { SAMPLE, cli, readSnapshot, tempDir } from '../helpers/cli';
import { reportOf, sampleSnapshot } from '../helpers/report';

/** The worksheet XML of a sheet, by its tab name. */
async function sheetXml(file: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rid = new RegExp(`<sheet [^>]*name="${name.replace(/[()]/g, '\\$&')}"[^>]*r:id="(rId\\d+)"`).exec(workbook)![1];
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
}

const CM_PER_PT = 2.54 / 72;

/** A cell's text as Excel shows it: a merged area's covered cells show its value (exceljs fails on an empty one). */
function shown(c: ExcelJS.Cell): string {
  const v = (c.isMerged ? c.master : c).value;
  if (v === null || v === undefined) return '';
  return typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v);
}

describe('the 绩效自评表 sheet’s plan for the sample', () => {
  let doc: ReportDocument;
  let plan: FormSheetPlan;
  beforeAll(async () => {
    doc = reportOf(await sampleSnapshot()).doc;
    plan = renderFormSheet(doc.forms!);
  });

  it('stacks the 21 forms with a page break before each but the first', () => {
    const starts = doc.forms!.reduce<number[]>((acc, _f, i) => [...acc, i === 0 ? 0 : acc[i - 1] + doc.forms![i - 1].rows], []);
    expect(plan.pageBreaks).toEqual(starts.slice(1));
    expect(plan.cells.filter((c) => c.text === '项目支出绩效自评表').map((c) => c.row)).toEqual(starts);
  });

  it('fits each sample form on one A4 page, and the columns on its width even at 8 px a unit (宋体)', () => {
    const printable = (29.7 - FORM_MARGINS_CM.top - FORM_MARGINS_CM.bottom) / CM_PER_PT;
    const bounds = [0, ...plan.pageBreaks, plan.heightsPt.length];
    for (let i = 0; i + 1 < bounds.length; i++) expect(plan.heightsPt.slice(bounds[i], bounds[i + 1]).reduce((a, h) => a + h, 0)).toBeLessThanOrEqual(printable);
    const widthCm = ((FORM_COLUMN_WIDTHS.reduce((a, w) => a + w * 8 + 5, 0) / 96) * 2.54);
    expect(widthCm).toBeLessThanOrEqual(21 - FORM_MARGINS_CM.left - FORM_MARGINS_CM.right);
  });

  it('borders every cell of a form’s table, the covered ones of a merged area too, but not the title lines', () => {
    const first = plan.tables[0];
    expect(first.top).toBe(2);
    const inTable = plan.cells.filter((c) => c.row >= first.top && c.row <= first.bottom);
    expect(inTable).toHaveLength((first.bottom - first.top + 1) * 9);
    expect(inTable.every((c) => c.bordered)).toBe(true);
    expect(plan.cells.filter((c) => c.row < 2).every((c) => !c.bordered)).toBe(true);
  });

  it('merges 项目资金（万元） over its five rows, and each later form’s merges sit at its own rows', () => {
    const second = plan.pageBreaks[0];
    expect(plan.merges).toContainEqual({ row: 4, col: 0, rows: 5, cols: 1 });
    expect(plan.merges).toContainEqual({ row: second + 4, col: 0, rows: 5, cols: 1 });
  });

  it('gives a row the height of its longest text: the 95-character 实际完成情况 row is six lines tall, a label row one', () => {
    const achieved = plan.cells.find((c) => c.text.startsWith('“云画师智能筛选服务平台”已完成所有绩效目标'))!;
    const label = plan.cells.find((c) => c.text === '年度资金总额')!;
    // Over F:I (35 units, 265 px), 18 characters of 14 px (五号) a line: 6 lines of 14.2 pt.
    expect(plan.heightsPt[achieved.row]).toBeGreaterThanOrEqual(6 * 14);
    expect(plan.heightsPt[achieved.row]).toBeLessThan(7 * 14);
    expect(plan.heightsPt[label.row]).toBeLessThan(2 * 14);
  });

  it('marks the placeholders’ spans so the shells can highlight them', () => {
    const cell = plan.cells.find((c) => c.text === '【请填写：偏差原因】')!;
    expect(cell.placeholders).toEqual([[0, 10]]);
    const budget = plan.cells.find((c) => c.text.startsWith('9.8\n【请核对'))!;
    expect(budget.placeholders).toEqual([[4, budget.text.length]]);
  });
});

describe('jixiao report writes the 绩效自评表', () => {
  const dir = tempDir('jixiao-forms-');
  const out = path.join(dir, 'out.xlsx');
  let wb: ExcelJS.Workbook;
  let stdout: string;
  beforeAll(async () => {
    const r = await cli(['report', SAMPLE, '-o', out]);
    expect(r.code).toBe(0);
    stdout = r.stdout;
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
  });

  it('after the 核对清单, the first form reading as the national layout', async () => {
    expect(stdout).toContain('绩效自评表：21个项目，每项一页，写在“绩效自评表”工作表。');
    const ws = wb.getWorksheet('绩效自评表')!;
    expect(wb.worksheets.map((w) => w.name).slice(-3)).toEqual(['自评报告', '核对清单', '绩效自评表']);
    const row = (n: number) => ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((c) => shown(ws.getCell(`${c}${n}`)));
    expect(shown(ws.getCell('A1'))).toBe('项目支出绩效自评表');
    expect(shown(ws.getCell('A2'))).toBe('（2023年度）');
    expect(shown(ws.getCell('C3'))).toBe('2022年省大数据发展专项资金(第二批项目)');
    // Merged areas repeat their value in exceljs's view: the row as Excel shows it.
    expect(row(5)).toEqual(['项目资金（万元）', '', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
    expect(row(6)).toEqual(['项目资金（万元）', '年度资金总额', '年度资金总额', '72', '72', '20', '10', '28%', '2.78']);
    expect(ws.getCell('A1').font).toMatchObject({ name: '方正小标宋简体', size: 18 });
    // 五号 is 10.5 pt (exceljs reads sizes as whole numbers: the styles part says it).
    expect(ws.getCell('D6').font).toMatchObject({ name: '仿宋_GB2312' });
    const styles = await (await JSZip.loadAsync(await fs.readFile(out))).file('xl/styles.xml')!.async('string');
    expect(styles).toContain('<font><sz val="10.5"/><name val="仿宋_GB2312"/><charset val="134"/></font>');
    expect(ws.getCell('D6').border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(ws.getCell('A1').border ?? {}).toEqual({});
    expect(ws.getColumn(10).hidden).toBe(true);
  });

  it('writes the merged areas, a page break before each form, A4 portrait at 100% with page numbers', async () => {
    const xml = await sheetXml(out, '绩效自评表');
    expect(xml).toContain('<mergeCell ref="A5:A9"/>');
    expect(xml).toContain('<mergeCell ref="A1:I1"/>');
    const breaks = [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"\/>/g)].map((m) => Number(m[1]));
    expect(breaks).toHaveLength(20);
    // The second form's title is the first row of the second page.
    const ws = wb.getWorksheet('绩效自评表')!;
    expect(shown(ws.getCell(`A${breaks[0] + 1}`))).toBe('项目支出绩效自评表');
    expect(shown(ws.getCell(`C${breaks[0] + 3}`))).toBe('2023年省大数据发展专项资金(第二批项目)');
    expect(xml).toMatch(/<pageSetup paperSize="9" orientation="portrait"\/>/);
    expect(xml).not.toContain('fitToPage');
    expect(xml).toContain('<oddFooter>&amp;C&amp;14- &amp;P -</oddFooter>');
  });

  it('shows a placeholder in red on yellow, as the report sheet does', async () => {
    const ws = wb.getWorksheet('绩效自评表')!;
    let found: ExcelJS.Cell | undefined;
    ws.eachRow((r) => r.eachCell((c) => (!c.isMerged && shown(c) === '【请填写：偏差原因】' ? (found = c) : undefined)));
    expect(found).toBeDefined();
    expect(found!.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
    const rich = found!.value as ExcelJS.CellRichTextValue;
    expect(rich.richText[0].font?.color).toEqual({ argb: 'FFC00000' });
  });

  it('is as generated on reading it back, so a second run replaces it in place', async () => {
    const snapshot = await readSnapshot(out);
    expect(generatedSheetState(snapshot.sheets.find((s) => s.name === '绩效自评表'))).toBe('unchanged');
    const again = path.join(dir, 'again.xlsx');
    const r = await cli(['report', out, '-o', again]);
    expect(r.stdout).not.toContain('新绩效自评表');
    const res = new ExcelJS.Workbook();
    await res.xlsx.readFile(again);
    expect(res.worksheets.map((w) => w.name).slice(-3)).toEqual(['自评报告', '核对清单', '绩效自评表']);
  });

  it('keeps a form a person filled in, and writes the new forms to 绩效自评表 (2)', async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(out));
    const xml = await sheetXml(out, '绩效自评表');
    for (const name of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f))) {
      const text = await zip.file(name)!.async('string');
      if (text === xml) zip.file(name, text.replace('【请填写：偏差原因】', '项目尚在推进，已督促加快进度'));
    }
    const edited = path.join(dir, 'edited.xlsx');
    await fs.writeFile(edited, await zip.generateAsync({ type: 'uint8array' }));
    const again = path.join(dir, 'edited-again.xlsx');
    const r = await cli(['report', edited, '-o', again]);
    expect(r.stdout).toContain('工作表“绩效自评表”在生成后有改动（或不是本工具生成的），已原样保留；新绩效自评表写在“绩效自评表 (2)”。');
    const res = new ExcelJS.Workbook();
    await res.xlsx.readFile(again);
    expect(res.worksheets.map((w) => w.name).slice(-4)).toEqual(['自评报告', '核对清单', '绩效自评表', '绩效自评表 (2)']);
    expect(await sheetXml(again, '绩效自评表')).toContain('项目尚在推进，已督促加快进度');
    expect(await sheetXml(again, '绩效自评表 (2)')).toContain('【请填写：偏差原因】');
    // The forms it wrote are never read as an indicators table: the run reads the 绩效指标 sheet as before.
    expect(r.stdout).not.toMatch(/TABLE_AMBIGUOUS|INDICATOR_/);
  });

  it('a workbook without an indicators table gets no 绩效自评表; an office’s own sheet of that name holding its indicators is read', async () => {
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(SAMPLE);
    src.removeWorksheet(src.getWorksheet('绩效指标')!.id);
    const bare = path.join(dir, 'bare.xlsx');
    await src.xlsx.writeFile(bare);
    const bareOut = path.join(dir, 'bare-out.xlsx');
    expect((await cli(['report', bare, '-o', bareOut])).code).toBe(0);
    const res = new ExcelJS.Workbook();
    await res.xlsx.readFile(bareOut);
    expect(res.worksheets.map((w) => w.name)).not.toContain('绩效自评表');

    const own = new ExcelJS.Workbook();
    await own.xlsx.readFile(SAMPLE);
    own.getWorksheet('绩效指标')!.name = '绩效自评表';
    const ownIn = path.join(dir, 'own.xlsx');
    await own.xlsx.writeFile(ownIn);
    const ownOut = path.join(dir, 'own-out.xlsx');
    const json = path.join(dir, 'own.json');
    const r = await cli(['report', ownIn, '-o', ownOut, '--json', json]);
    expect(JSON.parse(await fs.readFile(json, 'utf8')).indicatorsTable).toBe('绩效自评表!A2:I88');
    expect(r.stdout).toContain('新绩效自评表写在“绩效自评表 (2)”');
  });
});
