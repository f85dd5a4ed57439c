/**
 * The output package stays tidy, checked part by part against its input: docProps/app.xml lists
 * the sheets the workbook has after the run, and the parts only a replaced report sheet used
 * (its drawings, notes and their VML, images, tables, printer settings) leave with their
 * content-type overrides — while anything another sheet still uses stays.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import * as path from 'path';
import { nodePatchCodec, patchWorkbook } from '../../src/cli/xlsx-patch/node';
import { Package } from '../../src/cli/xlsx-patch/package';
import { Workbook, parseRelationships } from '../../src/cli/xlsx-patch/workbook';
import { workbookSnapshot } from '../../src/cli/xlsx-snapshot';
import { analyze, buildReport, renderReportSheet } from '../../src/core';
import { SAMPLE, cli } from '../helpers/cli';
import { scratchDir } from './sim-fs';
import { partNames, partText, readWorkbook, withParts, workbookBytes } from '../helpers/xlsx-package';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PRINTER_SETTINGS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings';

/**
 * A budget table with a logo, and a stale 自评报告 (sheet2) with the same logo, an image of its
 * own, a note, an Excel table and printer settings — as a person might have left it.
 */
async function bookWithStaleReport(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目资金');
  ws.addRows([['2023年项目支出预算执行情况表'], ['单位：万元'], ['序号', '项目名称', '全年预算数', '执行数'], [1, '网站运维', 72, 20]]);
  const logo = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  const own = wb.addImage({ buffer: Buffer.concat([PNG, Buffer.from([0])]) as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(logo, { tl: { col: 6, row: 0 }, ext: { width: 20, height: 20 } });
  const report = wb.addWorksheet('自评报告');
  report.getCell('A1').value = '旧报告';
  report.getCell('A2').note = '请核对';
  report.addImage(logo, { tl: { col: 3, row: 0 }, ext: { width: 20, height: 20 } });
  report.addImage(own, { tl: { col: 5, row: 0 }, ext: { width: 20, height: 20 } });
  report.addTable({ name: 'OldTable', ref: 'C5', headerRow: true, columns: [{ name: '甲' }, { name: '乙' }], rows: [[1, 2]] });
  return withParts(await workbookBytes(wb), {
    'xl/printerSettings/printerSettings1.bin': 'printer',
    'xl/worksheets/_rels/sheet2.xml.rels': (xml) => xml.replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" Target="../printerSettings/printerSettings1.bin"/></Relationships>'),
    '[Content_Types].xml': (xml) => xml.replace('</Types>', `<Override PartName="/xl/printerSettings/printerSettings1.bin" ContentType="${PRINTER_SETTINGS}"/></Types>`),
  });
}

/** The parts only the stale report sheet used. */
const REPORT_ONLY = [
  'xl/worksheets/_rels/sheet2.xml.rels',
  'xl/comments2.xml',
  'xl/drawings/vmlDrawing2.vml',
  'xl/drawings/drawing2.xml',
  'xl/drawings/_rels/drawing2.xml.rels',
  'xl/media/image2.png',
  'xl/tables/table1.xml',
  'xl/printerSettings/printerSettings1.bin',
];

/** Every Override names a part that exists, and every internal relationship points at one. */
async function expectConsistent(bytes: Uint8Array): Promise<void> {
  const names = new Set((await partNames(bytes)).map((n) => n.toLowerCase()));
  const types = (await partText(bytes, '[Content_Types].xml'))!;
  for (const [, part] of types.matchAll(/PartName="\/([^"]+)"/g)) expect(names).toContain(part.toLowerCase());
  for (const rels of [...names].filter((n) => n.endsWith('.rels'))) {
    const source = rels.replace(/_rels\/([^/]*)\.rels$/, '$1');
    for (const r of parseRelationships((await partText(bytes, rels))!)) {
      if (r.external) continue;
      const base = r.target.startsWith('/') ? [] : source.split('/').slice(0, -1);
      for (const seg of r.target.replace(/^\//, '').split('/')) seg === '..' ? base.pop() : base.push(seg);
      expect(names).toContain(base.join('/').toLowerCase());
    }
  }
}

describe('removing what only a replaced sheet used', () => {
  let input: Uint8Array;
  beforeAll(async () => (input = await bookWithStaleReport()));

  it('the input has the parts this test expects to see removed', async () => {
    const names = await partNames(input);
    for (const p of [...REPORT_ONLY, 'xl/media/image1.png', 'xl/drawings/drawing1.xml']) expect(names).toContain(p);
    await expectConsistent(input);
  });

  it('Workbook.removeSheetDependencies drops exactly those parts and their overrides, keeping the logo sheet1 still shows', async () => {
    const pkg = new Package(input, nodePatchCodec);
    new Workbook(pkg).removeSheetDependencies('xl/worksheets/sheet2.xml');
    const out = await pkg.toBytes();
    const before = await partNames(input);
    const after = await partNames(out);
    expect(before.filter((n) => !after.includes(n)).sort()).toEqual([...REPORT_ONLY].sort());
    expect(after.filter((n) => !before.includes(n))).toEqual([]);
    const types = (await partText(out, '[Content_Types].xml'))!;
    for (const gone of ['/xl/comments2.xml', '/xl/drawings/drawing2.xml', '/xl/tables/table1.xml', '/xl/printerSettings/printerSettings1.bin']) expect(types).not.toContain(`"${gone}"`);
    expect(types).toContain('"/xl/drawings/drawing1.xml"');
    // Untouched parts are the input's bytes.
    for (const keep of ['xl/media/image1.png', 'xl/drawings/drawing1.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/_rels/sheet1.xml.rels']) expect(await partText(out, keep)).toBe(await partText(input, keep));
    await expectConsistent(out);
  });

  it('a part the workbook itself relates to is never removed, even if the sheet pointed at it too', async () => {
    const odd = await withParts(input, {
      'xl/worksheets/_rels/sheet2.xml.rels': (xml) => xml.replace('</Relationships>', '<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="../theme/theme1.xml"/><Relationship Id="rId11" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.com/" TargetMode="External"/></Relationships>'),
    });
    const pkg = new Package(odd, nodePatchCodec);
    new Workbook(pkg).removeSheetDependencies('xl/worksheets/sheet2.xml');
    const after = await partNames(await pkg.toBytes());
    expect(after).toContain('xl/theme/theme1.xml');
    expect(after).toContain('xl/sharedStrings.xml');
  });

  it('writing a new 自评报告 over the stale one leaves no orphan and a consistent package', async () => {
    const snapshot = workbookSnapshot(await readWorkbook(input));
    const analysis = analyze(snapshot, { today: '2024-01-15' });
    const out = await patchWorkbook(input, { plan: analysis.plan, reportSheet: renderReportSheet(buildReport(analysis, snapshot)) });
    const after = await partNames(out);
    for (const gone of REPORT_ONLY) expect(after).not.toContain(gone);
    expect(after).toContain('xl/media/image1.png');
    await expectConsistent(out);
    const wb = await readWorkbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['项目资金', '自评报告']);
  });
});

describe('docProps/app.xml lists the sheets after the run', () => {
  /** Sheet names and heading counts as app.xml states them. */
  async function appTitles(bytes: Uint8Array): Promise<{ headings: [string, number][]; titles: string[]; sizes: number[] }> {
    const xml = (await partText(bytes, 'docProps/app.xml'))!;
    const heading = /<HeadingPairs>([\s\S]*)<\/HeadingPairs>/.exec(xml)![1];
    const names = [...heading.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]);
    const counts = [...heading.matchAll(/<vt:i4>(\d+)<\/vt:i4>/g)].map((m) => Number(m[1]));
    const titles = [.../<TitlesOfParts>([\s\S]*)<\/TitlesOfParts>/.exec(xml)![1].matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]);
    const sizes = [...xml.matchAll(/<vt:vector size="(\d+)"/g)].map((m) => Number(m[1]));
    return { headings: names.map((n, i) => [n, counts[i]]), titles, sizes };
  }

  it('the sample run through the CLI: 自评报告, 核对清单 and 绩效自评表 added, Worksheets 7', async () => {
    const out = path.join(scratchDir(), 'out.xlsx');
    expect((await cli(['report', SAMPLE, '-o', out])).code).toBe(0);
    expect(await appTitles(readFileSync(SAMPLE))).toEqual({ headings: [['Worksheets', 4]], titles: ['项目资金', '支付明细', '单位信息', '绩效指标'], sizes: [2, 4] });
    expect(await appTitles(readFileSync(out))).toEqual({ headings: [['Worksheets', 7]], titles: ['项目资金', '支付明细', '单位信息', '绩效指标', '自评报告', '核对清单', '绩效自评表'], sizes: [2, 7] });
  });

  it('Chinese Excel’s headings: the sheet goes among 工作表, before the 命名范围 titles', async () => {
    const vt = 'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"';
    const app = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ${vt}><Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>4</vt:i4></vt:variant><vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="5" baseType="lpstr"><vt:lpstr>项目资金</vt:lpstr><vt:lpstr>支付明细</vt:lpstr><vt:lpstr>单位信息</vt:lpstr><vt:lpstr>绩效指标</vt:lpstr><vt:lpstr>项目资金!Print_Titles</vt:lpstr></vt:vector></TitlesOfParts><AppVersion>16.0300</AppVersion></Properties>`;
    const input = await withParts(new Uint8Array(readFileSync(SAMPLE)), { 'docProps/app.xml': app });
    const snapshot = workbookSnapshot(await readWorkbook(input));
    const analysis = analyze(snapshot, { today: '2024-01-15' });
    const out = await patchWorkbook(input, { plan: analysis.plan, reportSheet: renderReportSheet(buildReport(analysis, snapshot)) });
    expect(await appTitles(out)).toEqual({
      headings: [
        ['工作表', 5],
        ['命名范围', 1],
      ],
      titles: ['项目资金', '支付明细', '单位信息', '绩效指标', '自评报告', '项目资金!Print_Titles'],
      sizes: [4, 6],
    });
    expect((await partText(out, 'docProps/app.xml'))!.endsWith('<AppVersion>16.0300</AppVersion></Properties>')).toBe(true);
  });

  it('an app.xml whose counts do not add up, or that lists no titles (LibreOffice), is left as it was', async () => {
    for (const app of [
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>5</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>项目资金</vt:lpstr></vt:vector></TitlesOfParts></Properties>',
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>LibreOffice/7.6</Application></Properties>',
    ]) {
      const input = await withParts(new Uint8Array(readFileSync(SAMPLE)), { 'docProps/app.xml': app });
      const snapshot = workbookSnapshot(await readWorkbook(input));
      const analysis = analyze(snapshot, { today: '2024-01-15' });
      const out = await patchWorkbook(input, { plan: analysis.plan, reportSheet: renderReportSheet(buildReport(analysis, snapshot)) });
      expect(await partText(out, 'docProps/app.xml')).toBe(app);
    }
  });
});
