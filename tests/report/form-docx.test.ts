/**
 * The .docx: after the report, each project's 绩效自评表 as a Word table on a page of its own, in a
 * section of its own (no 22-line grid, page numbers running on), merged as the form is, its marks
 * highlighted — read back from word/document.xml as Word reads it.
 */
import JSZip from 'jszip';
import { buildReport, type ReportDocument } from '../../src/core';
import { renderReportDocx } from '../../src/report-docx';
import { formRows } from '../helpers/form';
import { reportOf, sampleSnapshot } from '../helpers/report';
import { book, fundsSheet, run } from '../helpers/snap';

interface DocxCell {
  text: string;
  span: number;
  vMerge?: 'restart' | 'continue';
  highlighted: boolean;
}

function unescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Each table's rows of cells, as Word lays them out (a vMerge continuation is a cell of its own). */
function tablesOf(xml: string): DocxCell[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1].matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => {
        const vm = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(c[1]);
        return {
          text: unescape([...c[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[0] === '<w:br/>' ? '\n' : m[1])).join('')),
          span: Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(c[1])?.[1] ?? 1),
          ...(vm ? { vMerge: (vm[1] ?? 'continue') as 'restart' | 'continue' } : {}),
          highlighted: /<w:highlight w:val="yellow"\/>/.test(c[1]),
        };
      }),
    ),
  );
}

async function documentXml(doc: ReportDocument): Promise<string> {
  const zip = await JSZip.loadAsync(await renderReportDocx(doc));
  return zip.file('word/document.xml')!.async('string');
}

describe('the forms in the .docx', () => {
  let doc: ReportDocument;
  let xml: string;
  let tables: DocxCell[][][];
  beforeAll(async () => {
    doc = reportOf(await sampleSnapshot()).doc;
    xml = await documentXml(doc);
    tables = tablesOf(xml);
  });

  it('follows the report with 21 tables, one per project, each after its title and year lines', () => {
    expect(tables).toHaveLength(21);
    const afterReport = xml.slice(xml.indexOf('【请填写：报告日期】'));
    expect(afterReport.indexOf('项目支出绩效自评表')).toBeLessThan(afterReport.indexOf('<w:tbl>'));
    // Every form but the first starts a page; the first starts the forms' section.
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(20);
    expect(xml.match(/<w:sectPr/g)).toHaveLength(2);
  });

  it('puts the forms in a section of their own: A4, 2 cm sides, no line grid, page numbers running on', () => {
    const sections = [...xml.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    const first = sections[0];
    const forms = sections[1];
    expect(first).toContain('<w:docGrid');
    expect(first).toContain('w:start="1"');
    expect(forms).not.toContain('<w:docGrid w:type="lines"');
    expect(forms).not.toContain('w:start=');
    expect(forms).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(forms).toMatch(/w:left="1134"/);
    expect(forms).toContain('<w:footerReference');
  });

  it('reads, row by row, as the form the core built: 一级 and 二级 merged down, labels across', () => {
    const table = tables[0];
    const form = doc.forms![0];
    // A continuation of a vertical merge shows nothing; Word draws the merged cell once.
    const shown = table.map((row) => row.flatMap((c) => [c.vMerge === 'continue' ? '' : c.text, ...Array<string>(c.span - 1).fill('')]));
    expect(shown).toEqual(formRows(form).slice(form.tableTop));
    expect(table[2].slice(0, 2)).toEqual([
      { text: '项目资金（万元）', span: 1, vMerge: 'restart', highlighted: false },
      { text: '', span: 2, highlighted: false },
    ]);
    expect(table[3].map((c) => c.text)).toEqual(['', '年度资金总额', '72', '72', '20', '10', '28%', '2.78']);
    expect(table[3][0].vMerge).toBe('continue');
  });

  it('highlights a placeholder as the report does, and sets the table in 仿宋 五号', () => {
    const cells = tables[0].flat();
    expect(cells.filter((c) => c.highlighted).map((c) => c.text)).toEqual(['【请填写：偏差原因】']);
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    expect(table).toContain('w:eastAsia="仿宋_GB2312"');
    expect(table).toContain('<w:sz w:val="21"/>');
    expect(table).not.toContain('w:line="560"');
  });

  it('keeps a figure’s 【请核对】 mark on a line of its own under the figure', () => {
    const table = tables[doc.forms!.findIndex((f) => f.name === '州委大楼网络运维外包服务经费')];
    expect(table[3][3].text).toBe('9.8\n【请核对：其中各项合计5万元，与预算数9.8万元不符】');
  });

  it('has no forms without an indicators table: one section, no table', async () => {
    const snapshot = book(fundsSheet([['运维项目', 72, 72]]));
    const bare = await documentXml(buildReport(run(snapshot), snapshot));
    expect(bare).not.toContain('<w:tbl>');
    expect(bare.match(/<w:sectPr/g)).toHaveLength(1);
  });
});
