/**
 * @jest-environment jsdom
 *
 * 复制报告 hands Word the report and then each project's 绩效自评表 as a table, each on a new page,
 * and a spreadsheet the forms as tab-separated rows — read back the way a browser parses the HTML.
 */
import { buildReport, type CellValue, type ReportDocument } from '../../src/core';
import { clipboardPayload } from '../../src/taskpane/report-output';
import { reportOf, sampleSnapshot } from '../helpers/report';
import { book, fundsSheet, run, sheet } from '../helpers/snap';

/** Each table's rows as the browser reads them: cells' text with their colspan and rowspan. */
function tables(html: string): { text: string; colspan: number; rowspan: number; highlighted: boolean }[][][] {
  const dom = new DOMParser().parseFromString(html, 'text/html');
  return [...dom.querySelectorAll('table')].map((t) =>
    [...t.querySelectorAll('tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => ({ text: td.textContent ?? '', colspan: td.colSpan, rowspan: td.rowSpan, highlighted: !!td.querySelector('span[style*="mso-highlight:yellow"]') })),
    ),
  );
}

describe('the forms on the clipboard', () => {
  let doc: ReportDocument;
  let payload: { html: string; text: string };
  beforeAll(async () => {
    doc = reportOf(await sampleSnapshot()).doc;
    payload = clipboardPayload([doc]);
  });

  it('follow the report as 21 tables, a Word page break before each, inside the one fragment', () => {
    const fragment = payload.html.slice(payload.html.indexOf('<!--StartFragment-->'), payload.html.indexOf('<!--EndFragment-->'));
    expect(tables(fragment)).toHaveLength(21);
    expect(payload.html.match(/page-break-before:always/g)).toHaveLength(21);
    expect(fragment.indexOf('【请填写：报告日期】')).toBeLessThan(fragment.indexOf('<table'));
    const dom = new DOMParser().parseFromString(payload.html, 'text/html');
    expect([...dom.querySelectorAll('p')].filter((p) => p.textContent === '项目支出绩效自评表')).toHaveLength(21);
  });

  it('read as the form: 项目资金（万元） down five rows, the 28% and 2.78 of the first project, the merged 一级', () => {
    const first = tables(payload.html)[0];
    expect(first[0].map((c) => [c.text, c.colspan])).toEqual([
      ['项目名称', 2],
      ['2022年省大数据发展专项资金(第二批项目)', 7],
    ]);
    expect(first[2][0]).toMatchObject({ text: '项目资金（万元）', rowspan: 5 });
    expect(first[3].map((c) => c.text)).toEqual(['年度资金总额', '72', '72', '20', '10', '28%', '2.78']);
    const produce = first.find((r) => r.some((c) => c.text === '产出指标'))!;
    expect(produce.find((c) => c.text === '产出指标')!.rowspan).toBe(2);
    expect(first.flat().filter((c) => c.highlighted).map((c) => c.text)).toEqual(['【请填写：偏差原因】']);
  });

  it('set the table in 仿宋 五号 with .5 pt lines round every cell', () => {
    const dom = new DOMParser().parseFromString(payload.html, 'text/html');
    const cells = [...dom.querySelectorAll('table')[0].querySelectorAll('td')];
    expect(cells.every((td) => /border:\s*\.5pt solid windowtext/.test(td.getAttribute('style') ?? ''))).toBe(true);
    expect(cells[0].getAttribute('style')).toContain('mso-fareast-font-family:"仿宋_GB2312"');
    expect(cells[0].getAttribute('style')).toContain('font-size:10.5pt');
  });

  it('give the plain text a tab-separated line per row, after the report’s text', () => {
    expect(payload.text.indexOf('【请填写：报告日期】')).toBeLessThan(payload.text.indexOf('项目支出绩效自评表'));
    expect(payload.text).toContain('\t年度资金总额\t\t72\t72\t20\t10\t28%\t2.78');
    expect(payload.text).toContain('总分\t\t\t\t\t\t100\t61.03');
  });

  it('escape workbook text: a project named <script> is text in the table, never markup', () => {
    const rows: CellValue[][] = [['<script>alert(1)</script>', 30, 15]];
    const indicators = sheet('绩效指标', [['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值'], ['<script>alert(1)</script>', '产出指标', '数量指标', '<b>次数</b>', '≥1次', '1次']]);
    const snapshot = book(fundsSheet(rows), indicators);
    const own = buildReport(run(snapshot), snapshot);
    const html = clipboardPayload([own]).html;
    const dom = new DOMParser().parseFromString(html, 'text/html');
    expect(dom.querySelectorAll('script, b')).toHaveLength(0);
    expect(tables(html)[0][0][1].text).toBe('<script>alert(1)</script>');
  });
});
