import {
  MAX_CELL_CHARS,
  MAX_ROW_HEIGHT_PT,
  REPORT_FORMATS,
  TEXT_COLUMN_WIDTH,
  estimateLines,
  renderReportHtml,
  renderReportSheet,
  type ReportDocument,
  type ReportSheetPlan,
} from '../../src/core';
import { paragraph } from '../../src/core/report/numbering';
import { renderReportDocx } from '../../src/report-docx';
import { book, fundsSheet, sheet } from '../helpers/snap';
import { docxParagraphs, reportOf, sampleSnapshot, texts } from '../helpers/report';

/** The sheet's paragraphs: continuation rows joined back, the written indent removed. */
function sheetParagraphs(plan: ReportSheetPlan): string[] {
  const out: string[] = [];
  for (const r of plan.rows) {
    if (r.continued) out[out.length - 1] += r.text;
    else out.push(r.text.replace(/^\u3000+/, ''));
  }
  return out;
}

describe('one document, three renderings', () => {
  let doc: ReportDocument;
  beforeAll(async () => {
    doc = reportOf(await sampleSnapshot()).doc;
  });

  it('carries the same text in the sheet, the clipboard text and the .docx', async () => {
    const expected = texts(doc);
    expect(sheetParagraphs(renderReportSheet(doc))).toEqual(expected);
    expect(renderReportHtml(doc).text.split('\n').map((l) => l.replace(/^\u3000+/, ''))).toEqual(expected);
    expect(await docxParagraphs(await renderReportDocx(doc))).toEqual(expected);
  });

  it('lays the sheet out like the page: one paragraph a row, 15.6 cm wide, indents as two full-width spaces', () => {
    const plan = renderReportSheet(doc);
    expect(plan.sheetName).toBe('自评报告');
    expect(TEXT_COLUMN_WIDTH).toBe(84);
    expect(plan.textNumberFormat).toBe('@');
    const [title, addressee, opening] = plan.rows;
    expect(title).toMatchObject({ style: 'title', text: '黔南州大数据发展管理局2023年绩效运行日常监控自评情况报告', meta: 'title | 单位信息!B4' });
    expect(addressee).toMatchObject({ style: 'addressee', text: '州财政局：', heightPt: 28 });
    expect(opening.text.startsWith('\u3000\u3000为深入贯彻')).toBe(true);
    // 153 characters at 28 a line: 6 lines of 28 pt.
    expect(opening.heightPt).toBe(6 * 28);
    expect(plan.formats.title).toMatchObject({ fonts: ['方正小标宋简体', '华文中宋', '宋体', 'SimSun'], sizePt: 22, align: 'center' });
    expect(plan.formats.body).toMatchObject({ fonts: ['仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong'], sizePt: 16, firstLineIndentChars: 2 });
    expect(plan.formats.heading1.fonts[0]).toBe('黑体');
    expect(plan.formats.heading2.fonts[0]).toBe('楷体_GB2312');
    expect(plan.rows.filter((r) => r.style === 'heading1').map((r) => r.text)).toEqual(['\u3000\u3000一、整体支出绩效自评情况', '\u3000\u3000二、项目支出绩效自评情况', '\u3000\u3000三、存在的问题', '\u3000\u3000四、下一步改进措施', '\u3000\u3000五、自评结论']);
  });

  it('estimates lines from full-width and half-width characters', () => {
    expect(estimateLines('一'.repeat(28), 28)).toBe(1);
    expect(estimateLines('一'.repeat(29), 28)).toBe(2);
    expect(estimateLines('1'.repeat(56), 28)).toBe(1);
    expect(estimateLines('第一行\n第二行', 28)).toBe(2);
  });

  it('writes clipboard HTML with the official fonts, sizes, exact 28 pt lines and heading tags', () => {
    const { html } = renderReportHtml(doc);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<h1 style="[^"]*mso-fareast-font-family:&quot;黑体&quot;[^"]*font-size:16pt[^"]*">一、整体支出绩效自评情况<\/h1>/);
    expect(html).toMatch(/<h2 style="[^"]*楷体_GB2312[^"]*">（一）单位职能概述。<\/h2>/);
    expect(html).toMatch(/<p style="[^"]*方正小标宋简体[^"]*font-size:22pt[^"]*text-align:center[^"]*">黔南州大数据发展管理局2023年/);
    expect(html).toMatch(/<p style="[^"]*line-height:28pt;mso-line-height-rule:exactly[^"]*text-indent:32pt;mso-char-indent-count:2[^"]*">为深入贯彻/);
    expect(html).toContain('<span style="background:yellow;mso-highlight:yellow">【请填写：报告日期】</span>');
    expect(html).toMatch(/<p style="[^"]*">（1）资金使用情况：/);
    expect(html).not.toContain('<h4');
  });
});

describe('workbook text that is not plain', () => {
  const unit = (name: string) =>
    sheet('基本情况', [
      ['单位名称', name],
      ['年度', 2023],
      ['报送对象', '州财政局'],
    ]);
  const funds = fundsSheet([['=HYPERLINK("http://x","点我")', 10, 5]]);

  it('escapes a <script> in any cell, in the HTML, and keeps it as text elsewhere', async () => {
    const { doc } = reportOf(book(funds, unit('<script>alert("x")</script>局')));
    const { html, text } = renderReportHtml(doc);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;局');
    expect(text).toContain('<script>alert("x")</script>局');
    expect(await docxParagraphs(await renderReportDocx(doc))).toContain('<script>alert("x")</script>局');
  });

  it('keeps a project named like a formula as the text it is', () => {
    const { doc } = reportOf(book(funds, unit('某局')));
    const plan = renderReportSheet(doc);
    expect(plan.rows.some((r) => r.text === '\u3000\u3000=HYPERLINK("http://x","点我")')).toBe(true);
  });

  it('splits a paragraph too long for one row after a sentence, within Excel’s limits', () => {
    const sentence = '本项目按合同约定推进实施，已完成阶段性验收。';
    const p = paragraph('body', [{ text: sentence.repeat(2000), kind: 'staff', cells: ['项目资金!M5'] }]);
    const doc: ReportDocument = { paragraphs: [p], title: 't', fiscalYear: 2023, monitoring: false, missing: [], checklist: [], notes: [] };
    const rows = renderReportSheet(doc).rows;
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      expect(r.text.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
      expect(r.heightPt).toBeLessThanOrEqual(MAX_ROW_HEIGHT_PT);
      expect(r.text.endsWith('。')).toBe(true);
      expect(r.meta).toMatch(/^body(（续）)? \| 项目资金!M5$/);
    }
    expect(rows.slice(1).every((r) => r.continued && !r.text.startsWith('\u3000'))).toBe(true);
    expect(rows.map((r) => r.text).join('')).toBe(`\u3000\u3000${sentence.repeat(2000)}`);
  });

  it('cuts a paragraph with no sentence end at the row limit', () => {
    const p = paragraph('body', [{ text: '字'.repeat(40_000), kind: 'staff' }]);
    const rows = renderReportSheet({ paragraphs: [p], title: 't', fiscalYear: 2023, monitoring: false, missing: [], checklist: [], notes: [] }).rows;
    expect(rows.map((r) => r.text).join('')).toBe(`\u3000\u3000${'字'.repeat(40_000)}`);
    expect(Math.max(...rows.map((r) => r.heightPt))).toBeLessThanOrEqual(MAX_ROW_HEIGHT_PT);
    expect(REPORT_FORMATS.body.sizePt).toBe(16);
  });
});
