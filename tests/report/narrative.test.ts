/**
 * The report as the 州财政局 reads it (issue 12 A): no clerk's notes, one rule for "not fully
 * executed", dates from the data, no machine rhythm. Each workbook here is built to fool one rule.
 */
import { type ReportDocument } from '../../src/core';
import { paragraphStarting, reportOf, sampleSnapshot, texts, under } from '../helpers/report';
import { book, fundsSheet, paymentsSheet, sheet } from '../helpers/snap';

const HEADER = ['资金类别', '项目名称', '全年预算数', '财政拨款', '上年结转', '其他资金', '执行数', '项目实施情况', '产生的效益', '受益对象满意度', '未完成原因'];

/** What the report sends out, without the 【】 marks the clerk removes before it goes. */
function sentText(doc: ReportDocument): string {
  return texts(doc).join('\n').replace(/【[^】]*】/g, '');
}

/** A cell address (项目资金!G24, 'Sheet 1'!A1) or a validator's working or instruction. */
const CLERK_NOTES = [/[^\s，。；：、（）【】]+![A-Z]{1,3}\d+/, /\s[+=]\s/, /请核对“/, /请填写金额/, /经校验/, /各列/, /请在.*填写/];

describe('no clerk’s notes in the submission', () => {
  // One workbook with a problem of every kind the checks find at a figure.
  const snapshot = book(
    fundsSheet(
      [
        ['州本级', '来源不符项目', 9.8, 5, 0, 0, 9.8, '已完成', '有效', '100%', ''],
        ['州本级', '超支项目', 10, 10, 0, 0, 11, '已完成', '有效', '100%', ''],
        ['州本级', '预算待定项目', '待定', '', '', '', 5, '已完成', '有效', '100%', ''],
        ['州本级', '执行不符项目', 20, 20, 0, 0, 20, '已完成', '有效', '100%', ''],
      ],
      HEADER,
    ),
    paymentsSheet([
      ['2023-03-01', 'P1', '执行不符项目', 150000],
      ['2023-03-02', 'P2', '不存在的项目', 20000],
      ['2022-12-30', 'P3', '超支项目', 110000],
      ['2023-04-01', 'P4', '来源不符项目', 98000],
      ['2023-04-02', 'P5', '预算待定项目', 50000],
    ]),
  );
  const { analysis, doc } = reportOf(snapshot);
  const all = texts(doc).join('\n');

  it('has data problems to find in the first place', () => {
    const codes = new Set(analysis.issues.map((i) => i.code));
    for (const c of ['FUNDS_SOURCE_SUM_MISMATCH', 'EXECUTED_EXCEEDS_BUDGET', 'AMOUNT_NOT_NUMERIC', 'PAYMENT_UNKNOWN_PROJECT', 'PAYMENT_OUTSIDE_YEAR']) expect(codes).toContain(c);
  });

  it('prints no cell address, no “+ =” working and no instruction anywhere in the text sent out', () => {
    const sent = sentText(doc);
    for (const re of CLERK_NOTES) expect(sent).not.toMatch(re);
    // Nor inside the marks: they are plain words a reader understands.
    const marks = all.match(/【[^】]*】/g) ?? [];
    for (const m of marks) for (const re of CLERK_NOTES) expect(m).not.toMatch(re);
  });

  it('marks each problem where its figure is printed, in plain words', () => {
    expect(all).toContain('2023年度预算数9.8万元（其中：财政拨款资金5万元，其他资金0万元）【请核对：其中各项合计5万元，与预算数9.8万元不符】，执行数');
    expect(all).toContain('执行数11万元【请核对：执行数超出预算数1万元】');
    expect(all).toContain('2023年度预算数【请核对：全年预算数无法识别】');
    // A payment of no project belongs to no project's figure: marked at the overall figures.
    expect(paragraphStarting(doc, '2023年度纳入绩效自评的项目共4个').text).toContain('【请核对：支付明细中有1笔支付未能对应到预算项目，未计入执行数】');
  });

  it('lists every open mark in the 核对清单 with the cell to fix and the finding in full', () => {
    const checks = doc.checklist.filter((c) => c.kind === 'check');
    // Every data issue (errors and warnings about figures) is one item, with its cell.
    const figureIssues = analysis.issues.filter((i) => i.severity !== 'info' && !['PAYMENTS_NOT_FOUND', 'FISCAL_YEAR_GUESSED'].includes(i.code));
    for (const i of figureIssues) expect(checks).toContainEqual(expect.objectContaining({ cell: i.cell, detail: i.message }));
    // And every mark in the text is in the list.
    const marks = new Set(all.match(/【[^】]*】/g));
    const listed = new Set(doc.checklist.map((c) => c.mark));
    for (const m of marks) expect(listed).toContain(m);
    expect(checks.find((c) => c.cell === '项目资金!C6')).toEqual(expect.objectContaining({ project: '预算待定项目', mark: '【请核对：全年预算数无法识别】' }));
  });

  it('says in 三、存在的问题 what kind of data must be corrected, without a count of checker findings', () => {
    const problems = under(doc, paragraphStarting(doc, '三、存在的问题')).map((p) => p.text);
    const data = problems.find((t) => t.includes('基础数据'))!;
    expect(data).toMatch(/资金来源分项合计与预算数不一致、执行数超出预算数、.*等情况，需逐项核实更正/);
  });

  it('has nothing to fix when nothing is marked', () => {
    const clean = book(
      sheet('单位信息', [
        ['单位名称', '州某局'],
        ['报送对象', '州财政局'],
        ['开篇', '现将州某局2023年度绩效自评情况报告如下：'],
        ['单位职能', '负责全州数据工作。'],
      ]),
      fundsSheet([['州本级', '甲项目', 10, 10, 0, 0, 10, '已完成', '有效', '100%', '']], HEADER),
    );
    const { doc: done } = reportOf(clean, { reportDate: '2024-01-20' });
    expect(texts(done).join('\n')).not.toContain('【');
    expect(done.checklist).toEqual([]);
  });
});

describe('one rule for “not fully executed”: what prints as 100% is executed', () => {
  const snapshot = book(
    fundsSheet(
      [
        ['州本级', '差一分项目', 30, 30, 0, 0, 29.99, '已完成', '有效', '100%', ''],
        ['州本级', '九成九项目', 100, 100, 0, 0, 99.4, '已完成', '有效', '100%', ''],
        ['州本级', '全额项目', 50, 50, 0, 0, 50, '已完成', '有效', '100%', ''],
      ],
      HEADER,
    ),
  );
  const { doc } = reportOf(snapshot);
  const all = texts(doc).join('\n');

  it('counts one project behind in 一, names it alone in 一 and 三, and asks a reason of it alone', () => {
    // 29.99 ÷ 30 prints 100%, 99.4 ÷ 100 prints 99%.
    expect(all).toContain('执行数29.99万元，执行率100%（实际99.97%，尚余0.01万元未支付）。');
    expect(all).toContain('执行数99.4万元，执行率99%。');
    expect(paragraphStarting(doc, '2023年度纳入绩效自评的项目共3个').text).toMatch(/其中预算未全部执行的项目1个。$/);
    expect(all).toContain('其中，九成九项目预算未全部执行，偏差原因见项目支出绩效自评情况。');
    const problems = under(doc, paragraphStarting(doc, '三、存在的问题'))[0].text;
    expect(problems).toContain('九成九项目执行率99%，低于预算1个百分点，节余资金0.6万元');
    expect(problems).not.toContain('差一分项目');
    const reasons = doc.paragraphs.filter((p) => p.text.includes('未完成原因：'));
    expect(reasons.map((p) => p.text)).toEqual(['（5）未完成原因：执行率99%，低于预算1个百分点，节余资金0.6万元，主要原因是【请填写：未完成原因】。']);
    expect(doc.missing.filter((m) => m.field === '未完成原因').map((m) => m.project)).toEqual(['九成九项目']);
  });

  it('with two-decimal rates, 29.99 ÷ 30 prints 99.97% and is counted behind everywhere', () => {
    const { doc: two } = reportOf(snapshot, { rateDisplay: 'two-decimals' });
    const text = texts(two).join('\n');
    expect(paragraphStarting(two, '2023年度纳入绩效自评的项目共3个').text).toMatch(/其中预算未全部执行的项目2个。$/);
    expect(text).toContain('执行率99.97%');
    expect(two.missing.filter((m) => m.field === '未完成原因').map((m) => m.project)).toEqual(['差一分项目', '九成九项目']);
  });
});

describe('dates and years from the data, never the machine clock', () => {
  const snapshot = book(
    sheet('单位信息', [
      ['单位名称', '州某局'],
      ['报告标题', '州某局2023年度绩效自评报告'],
      ['开篇', '根据《关于开展2023年度预算支出绩效自评工作的通知》要求，现将我局2023年度自评情况报告如下：'],
    ]),
    fundsSheet([['州本级', '甲项目', 10, 10, 0, 0, 10, '2022年已完成一期建设。', '有效', '100%', '']], HEADER),
  );

  it('signs with 报告日期 or leaves a placeholder, whatever today is', () => {
    const undated = reportOf(snapshot, { today: '2026-12-01' }).doc;
    expect(texts(undated)).not.toContain('2026年12月1日');
    expect(undated.paragraphs[undated.paragraphs.length - 1].text).toBe('【请填写：报告日期】');
    expect(undated.checklist).toContainEqual(expect.objectContaining({ kind: 'fill', mark: '【请填写：报告日期】' }));
    const dated = reportOf(snapshot, { today: '2026-12-01', reportDate: '2024-01-31' }).doc;
    expect(dated.paragraphs[dated.paragraphs.length - 1].text).toBe('2024年1月31日');
  });

  it('names a monitoring period once in the staff’s own title and once in the body, as the reference would', async () => {
    const { doc } = reportOf(await sampleSnapshot(), { asOf: '2023-07-31' });
    expect(doc.paragraphs[0].text).toBe('黔南州大数据发展管理局2023年1-7月绩效运行日常监控自评情况报告');
    const generated = doc.paragraphs.map((p) => p.runs.filter((r) => r.kind !== 'staff').map((r) => r.text).join('')).join('\n');
    expect(generated.match(/截至7月31日/g)).toHaveLength(1);
    expect(generated).not.toMatch(/截至2023年/);
    // A title that names its months already is left as the staff wrote it.
    const titled = book(sheet('单位信息', [['单位名称', '州某局'], ['报告标题', '州某局2023年1-6月绩效运行监控报告']]), fundsSheet([['州本级', '甲项目', 10, 10, 0, 0, 5, '', '', '', '']], HEADER));
    expect(reportOf(titled, { asOf: '2023-07-31' }).doc.paragraphs[0].text).toBe('州某局2023年1-6月绩效运行监控报告');
  });

  it('lets --year replace the workbook’s stated year in title and opening, and leaves other years alone', () => {
    const { doc } = reportOf(snapshot, { fiscalYear: 2024 });
    const all = texts(doc).join('\n');
    expect(doc.paragraphs[0].text).toBe('州某局2024年度绩效自评报告');
    expect(doc.paragraphs.find((p) => p.style === 'body')!.text).toBe('根据《关于开展2024年度预算支出绩效自评工作的通知》要求，现将我局2024年度自评情况报告如下：');
    expect(all).toContain('（二）2024年度工作目标完成情况。');
    expect(all).toContain('2024年度预算数10万元');
    expect(all).not.toMatch(/2023/);
    // The staff's own account of an earlier year is theirs.
    expect(all).toContain('2022年已完成一期建设。');
    expect(doc.notes.join('')).toContain('已改为“2024年”');
  });
});

describe('no machine rhythm', () => {
  const snapshot = book(
    fundsSheet(
      [
        ['上级资金', '甲项目', 72, 0, 72, 0, 20, '已完成', '有效', '100%', ''],
        ['上级资金', '乙项目', 138, 138, 0, 0, 124.2, '已完成', '有效', '100%', ''],
        ['上级资金', '丙项目', 40, 40, 0, 0, 10, '已完成', '有效', '100%', ''],
        ['州本级', '丁项目', 10, 10, 0, 0, 10, '已完成', '有效', '100%', ''],
      ],
      HEADER,
    ),
  );
  const { doc } = reportOf(snapshot);
  const all = texts(doc).join('\n');

  it('repeats no generated sentence across projects whose figures differ', () => {
    const generated = doc.paragraphs.map((p) => p.runs.filter((r) => r.kind !== 'staff' && r.kind !== 'placeholder').map((r) => r.text).join('\u0000'));
    const sentences = generated.flatMap((t) => t.split(/(?<=[。；])/).map((s) => s.replace(/\u0000/g, '').trim())).filter((s) => s.length > 8);
    const counts = new Map<string, number>();
    for (const s of sentences) counts.set(s, (counts.get(s) ?? 0) + 1);
    const repeated = [...counts].filter(([s, n]) => n > 1 && !/^(资金使用情况|项目实施情况|产生的效益|受益对象|未完成原因)[^。]*：$/.test(s));
    expect(repeated).toEqual([]);
    expect(all.match(/偏差原因见项目支出绩效自评情况/g)).toHaveLength(1);
  });

  it('points to 二 for the reasons once, however many groups have projects behind', () => {
    const two = book(
      fundsSheet(
        [
          ['上级资金', '甲项目', 72, 0, 72, 0, 20, '已完成', '有效', '100%', ''],
          ['上级资金', '乙项目', 10, 10, 0, 0, 10, '已完成', '有效', '100%', ''],
          ['州本级', '丙项目', 40, 40, 0, 0, 10, '已完成', '有效', '100%', ''],
          ['州本级', '丁项目', 10, 10, 0, 0, 10, '已完成', '有效', '100%', ''],
        ],
        HEADER,
      ),
    );
    const text = texts(reportOf(two).doc).join('\n');
    expect(text).toContain('\n其中，甲项目预算未全部执行，偏差原因见项目支出绩效自评情况。\n');
    expect(text).toContain('\n其中，丙项目预算未全部执行。\n');
    expect(text.match(/偏差原因见/g)).toHaveLength(1);
  });

  it('counts, rather than names, more than five projects behind in a group', () => {
    const many = book(
      fundsSheet(
        [...Array.from({ length: 7 }, (_, i) => ['州本级', `滞后项目${i + 1}`, 10, 10, 0, 0, 5, '', '', '', '']), ['州本级', '完成项目', 10, 10, 0, 0, 10, '', '', '', '']],
        HEADER,
      ),
    );
    const text = texts(reportOf(many).doc).join('\n');
    expect(text).toContain('\n其中7个项目预算未全部执行，偏差原因见项目支出绩效自评情况。\n');
  });

  it('writes every amount in one unit: 0万元 among 万元', () => {
    expect(all).toContain('（其中：财政拨款资金0万元，上年结转资金72万元，其他资金0万元）');
    expect(all).not.toMatch(/\d元/);
  });

  it('never numbers a lone heading or item, and restarts each list at （1）', () => {
    const labels = doc.paragraphs.map((p) => p.label);
    // Two groups under 二: （一）（二）; 丁 alone in its group: no "1.".
    expect(all).toContain('\n丁项目\n');
    expect(all).not.toMatch(/\n1\.丁项目/);
    expect(labels.filter((l) => l === '（一）').length).toBeGreaterThan(0);
    for (let i = 0; i < doc.paragraphs.length; i++) {
      const p = doc.paragraphs[i];
      if (p.style !== 'listItem') continue;
      const prev = doc.paragraphs[i - 1];
      if (prev.style !== 'listItem') expect(p.label).toBe('（1）');
      const next = doc.paragraphs[i + 1];
      if (prev.style !== 'listItem') expect(next?.style).toBe('listItem');
    }
  });
});
