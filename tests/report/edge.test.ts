import { renderReportHtml, renderReportSheet } from '../../src/core';
import { renderReportDocx } from '../../src/report-docx';
import { book, fundsSheet, sheet } from '../helpers/snap';
import { docxParagraphs, paragraphStarting, reportOf, texts, under } from '../helpers/report';

const HEADER = ['资金类别', '项目名称', '全年预算数', '财政拨款', '其他资金', '执行数', '项目实施情况', '产生的效益', '受益对象满意度', '未完成原因'];

describe('a workbook with no unit sheet and no text columns', () => {
  const snapshot = book(fundsSheet([['数据中心运维', 50, 40], ['平台建设', 100, 100]]));
  const { doc } = reportOf(snapshot);
  const all = texts(doc).join('\n');

  it('still builds, and marks what is missing where it belongs', () => {
    expect(doc.unitSheet).toBeUndefined();
    expect(doc.paragraphs[0].text).toBe('【请填写：单位名称】2023年度绩效自评报告');
    expect(doc.paragraphs[1].text).toBe('【请填写：报送对象】：');
    expect(doc.paragraphs[2].text).toBe('根据【请填写：政策依据】的要求，现将【请填写：单位名称】2023年度预算支出绩效自评情况报告如下：');
    expect(under(doc, paragraphStarting(doc, '（一）单位职能概述')).map((p) => p.text)).toEqual(['【请填写：单位职能】']);
    expect(all).toContain('（2）项目实施情况：【请填写：项目实施情况】');
    expect(all).toContain('（3）产生的效益：【请填写：产生的效益】');
    expect(all).toContain('（4）受益对象（服务对象）满意度：【请填写：受益对象满意度】');
    // The figures first, then the words only the staff can write.
    expect(all).toContain('（5）未完成原因：执行率80%，低于预算20个百分点，节余资金10万元，主要原因是【请填写：未完成原因】。');
    expect(all).not.toMatch(/undefined|NaN/);
  });

  it('lists every gap, with no cell where the table has no column for it', () => {
    const fields = doc.missing.map((m) => m.field);
    expect(fields).toEqual(expect.arrayContaining(['单位名称', '报送对象', '政策依据（开篇）', '单位职能', '项目实施情况', '产生的效益', '受益对象满意度', '未完成原因']));
    expect(doc.missing.find((m) => m.field === '项目实施情况' && m.project === '数据中心运维')).toEqual({ field: '项目实施情况', project: '数据中心运维', cell: undefined, placeholder: '【请填写：项目实施情况】' });
  });

  it('reads the one group it has as 纳入自评的项目, its projects right under the overall figures', () => {
    // The only group's figures are the overall ones: said once, the projects listed under them.
    expect(all).toContain(
      '\n2023年度纳入绩效自评的项目共2个，全年预算数150万元，已支付140万元，执行率93%。其中预算未全部执行的项目1个。\n（1）数据中心运维50万元；已支付40万元，执行率80%。\n（2）平台建设100万元；已支付100万元，执行率100%。\n',
    );
    expect(all).not.toContain('共2个项目，');
    expect(all).not.toContain('\n纳入自评的项目。\n');
    // In 二 the only section: a heading without a lone "1." or "（一）".
    expect(all).toContain('\n纳入自评的项目2个，150万元。\n');
    expect(all).not.toMatch(/^(1\.|（一）)纳入自评的项目/m);
  });

  it('takes the unit’s name from the table’s 填报单位 line when there is no unit sheet', () => {
    const withTitle = book(sheet('项目资金', [['2023年项目支出表'], ['填报单位：州某局', '', '单位：万元'], ['项目名称', '全年预算数', '执行数'], ['甲', 10, 10]]));
    expect(reportOf(withTitle).doc.paragraphs[0].text).toBe('州某局2023年度绩效自评报告');
  });
});

describe('projects at the edges', () => {
  const longName = `${'大数据平台建设运维及安全保障服务'.repeat(19)}项目`.slice(0, 300);
  const snapshot = book(
    fundsSheet(
      [
        ['州本级', longName, 20, 20, 0, 20, '已完成。', '效益显著', '95%', ''],
        ['州本级', '零预算调剂项目', 0, 0, 0, 0, '', '', '', ''],
        ['州本级', '超支项目', 10, 10, 0, 11, '已完成', '', '', ''],
        ['州本级', '预算未识别项目', '待定', '', '', 5, '', '', '', ''],
      ],
      HEADER,
    ),
    sheet('单位信息', [
      ['单位名称', '州某局'],
      ['年度', 2022],
      ['报送对象', '州财政局'],
    ]),
  );
  const { doc } = reportOf(snapshot);
  const all = texts(doc).join('\n');

  it('keeps a 300-character project name whole, in the heading and the one-liner', async () => {
    expect(longName).toHaveLength(300);
    const heading = doc.paragraphs.find((p) => p.style === 'heading3' && p.text === `1.${longName}`)!;
    expect(heading).toBeDefined();
    const row = renderReportSheet(doc).rows.find((r) => r.text === `\u3000\u30001.${longName}`)!;
    expect(row.heightPt).toBe(11 * 28);
    expect(await docxParagraphs(await renderReportDocx(doc))).toContain(`1.${longName}`);
  });

  it('says a 0 budget has no rate, and asks for no 未完成原因', () => {
    expect(all).toContain('（1）资金使用情况：2023年度预算数0万元（其中：财政拨款资金0万元，其他资金0万元），执行数0万元，预算数为0，不计算执行率。');
    expect(all).toContain('（2）零预算调剂项目0万元；已支付0万元，预算数为0，不计算执行率。');
    const zero = under(doc, doc.paragraphs.find((p) => p.text.endsWith('.零预算调剂项目'))!);
    expect(zero.map((p) => p.label)).toEqual(['（1）', '（2）', '（3）', '（4）']);
  });

  it('marks an executed amount above the budget for checking', () => {
    expect(all).toContain('执行数11万元【请核对：执行数超出预算数1万元】，执行率110%。');
    expect(doc.checklist).toContainEqual(expect.objectContaining({ kind: 'check', project: '超支项目', cell: '项目资金!F6', mark: '【请核对：执行数超出预算数1万元】' }));
  });

  it('marks an unreadable budget in plain words, lists its cell in the 核对清单, leaves it out of the budget total and says the rate’s basis', () => {
    expect(all).toContain('（1）资金使用情况：2023年度预算数【请核对：全年预算数无法识别】，执行数5万元，未计算执行率。');
    expect(doc.checklist).toContainEqual(expect.objectContaining({ kind: 'check', project: '预算未识别项目', cell: '项目资金!C7', mark: '【请核对：全年预算数无法识别】' }));
    expect(all).toContain('（4）预算未识别项目，预算数无法识别；已支付5万元，未计算执行率。');
    expect(all).toContain('全年预算数30万元，已支付36万元，执行率103%（执行率按其余3个项目计算；预算未识别项目预算数待定）。');
  });

  it('tells the staff when the unit sheet’s year disagrees with the table', () => {
    expect(doc.notes).toEqual(['单位信息!B2的年度2022与预算执行表的年度2023不一致，报告按2023年度生成。']);
  });
});

describe('settings', () => {
  const rows = [
    ['上级资金', '甲项目', 52.848469, 52.848469, 0, 30, '', '', '', '设备尚未到货'],
    ['上级资金', '乙项目', 85.6, 85.6, 0, 85.6, '', '', '', ''],
  ];
  const snapshot = book(fundsSheet(rows, HEADER));

  it('prints amounts with two decimals when asked, totals too', () => {
    const all = texts(reportOf(snapshot, {}, { amountDisplay: 'two-decimals' }).doc).join('\n');
    expect(all).toContain('2023年度预算数52.85万元（其中：财政拨款资金52.85万元，其他资金0.00万元），执行数30.00万元');
    expect(all).toContain('\n上级资金安排的项目2个，138.45万元。\n');
    expect(all).toContain('2023年度预算数85.60万元');
  });

  it('prints rates with two decimals when asked', () => {
    const all = texts(reportOf(snapshot, { rateDisplay: 'two-decimals' }).doc).join('\n');
    expect(all).toContain('执行数30万元，执行率56.77%。');
    expect(all).toContain('（5）未完成原因：设备尚未到货。');
  });

  it('writes a monitoring report against 序时进度 before the year ends', () => {
    const { doc } = reportOf(snapshot, { asOf: '2023-07-31' });
    const all = texts(doc).join('\n');
    // The period named once in the title (1-7月) and once in the body (截至7月31日), the reference's way.
    expect(doc.paragraphs[0].text).toBe('【请填写：单位名称】2023年1-7月绩效运行监控自评情况报告');
    expect(all).toContain('截至7月31日，纳入绩效运行监控的项目共2个，全年预算数138.45万元，已支付115.6万元，执行率83%，序时进度58%。其中执行率低于序时进度的项目1个。');
    expect(all.match(/截至/g)).toHaveLength(1);
    expect(all.match(/序时进度58%/g)).toHaveLength(1);
    expect(all).toContain('执行数30万元，执行率57%，低于序时进度。');
    // A project on track says nothing of the period: it is named once, above.
    expect(all).toContain('执行数85.6万元，执行率100%。');
    expect(all).toContain('\n部分项目执行进度滞后。甲项目执行率57%，低于序时进度1个百分点，尚未支付22.85万元，主要是设备尚未到货。\n');
    const mid = reportOf(snapshot, { asOf: '2023-07-15' }).doc;
    expect(mid.paragraphs[0].text).toBe('【请填写：单位名称】2023年1月1日至7月15日绩效运行监控自评情况报告');
    expect(renderReportHtml(doc).text).toContain('确保年底前完成预算执行目标');
  });
});

describe('groups and sub-groups of any name', () => {
  const snapshot = book(
    fundsSheet(
      [
        ['政府性基金', '', '彩票公益金项目', 12, 12],
        ['政府性基金', '体育类', '全民健身项目', 8, 8],
        ['政府性基金', '体育类', '场馆维护项目', 4, 2],
        ['国有资本经营预算', '', '国企改革项目', 30, 30],
      ],
      ['资金类别', '项目类别', '项目名称', '全年预算数', '执行数'],
    ),
  );
  const { doc } = reportOf(snapshot);
  const all = texts(doc).join('\n');

  it('writes a section per group and sub-group, loose projects first', () => {
    expect(doc.paragraphs.filter((p) => p.style === 'heading2').map((p) => p.text)).toEqual([
      '（一）单位职能概述。',
      '（二）2023年度工作目标完成情况。',
      '（一）政府性基金安排的其他项目1个，12万元。',
      '（二）政府性基金安排的体育类项目2个，12万元。',
      '（三）国有资本经营预算安排的项目1个，30万元。',
    ]);
    expect(all).toContain('体育类项目2个，项目资金12万元，已支付10万元，执行率83%。项目为：');
    const group = under(doc, paragraphStarting(doc, '1.政府性基金安排的项目'));
    // 彩票公益金 alone under 其他项目 is a paragraph; the 体育类 list restarts at （1）.
    expect(group.filter((p) => p.style === 'listItem').map((p) => p.label)).toEqual(['（1）', '（2）']);
    expect(group.find((p) => p.text.startsWith('彩票公益金项目'))?.style).toBe('body');
  });
});
