import { findUnitSheet, readUnitInfo, splitItems } from '../../src/core';
import { book, fundsSheet, sheet } from '../helpers/snap';
import { paragraphStarting, reportOf, texts, under } from '../helpers/report';

describe('finding the unit sheet by its labels', () => {
  it('reads every label variant, whatever the sheet is called', () => {
    const info = readUnitInfo(
      book(
        sheet('Sheet3', [
          ['单位', '州某局'],
          ['年份', '2023年'],
          ['主送机关', '州财政局'],
          ['政策依据', '《州财政局关于开展2023年度预算支出绩效自评工作的通知》'],
          ['部门职能', '(1)负责甲工作；(2)负责乙工作。(3)承办交办的其他事项'],
          ['改进措施', '加快支付进度'],
        ]),
      ),
    );
    expect(info).toEqual({
      sheet: 'Sheet3',
      unitName: { value: '州某局', cell: 'Sheet3!B1' },
      year: { value: 2023, cell: 'Sheet3!B2' },
      addressee: { value: '州财政局', cell: 'Sheet3!B3' },
      opening: { value: '《州财政局关于开展2023年度预算支出绩效自评工作的通知》', cell: 'Sheet3!B4', kind: 'policy' },
      functions: [
        { value: '负责甲工作；', cell: 'Sheet3!B5' },
        { value: '负责乙工作。', cell: 'Sheet3!B5' },
        { value: '承办交办的其他事项', cell: 'Sheet3!B5' },
      ],
      problems: [],
      measures: [{ value: '加快支付进度', cell: 'Sheet3!B6' }],
    });
  });

  it('reads a list one item a row until the next label, and "label：value" in one cell', () => {
    const info = readUnitInfo(
      book(
        sheet('基本信息', [
          ['单位名称：州某局'],
          ['主要职能', '1、负责甲'],
          ['', '2、负责乙'],
          ['', '3、负责丙'],
          ['存在的问题', '一是支付慢'],
          ['', '二是数据不齐'],
          ['下一步改进措施', ''],
        ]),
      ),
    );
    expect(info.unitName).toEqual({ value: '州某局', cell: '基本信息!A1' });
    expect(info.functions.map((f) => [f.value, f.cell])).toEqual([
      ['负责甲', '基本信息!B2'],
      ['负责乙', '基本信息!B3'],
      ['负责丙', '基本信息!B4'],
    ]);
    expect(info.problems.map((f) => f.value)).toEqual(['一是支付慢', '二是数据不齐']);
    expect(info.measures).toEqual([]);
  });

  it('splits one cell’s list at (1)(2), 1、2、 or line breaks, not inside the text', () => {
    expect(splitItems('(1)负责12县(市)的工作。(2)负责2.5万元以下的采购')).toEqual(['负责12县(市)的工作。', '负责2.5万元以下的采购']);
    expect(splitItems('1、甲\n2、乙')).toEqual(['甲', '乙']);
    expect(splitItems('（一）甲；（二）乙')).toEqual(['甲；', '乙']);
    expect(splitItems('只有一段话，没有编号。')).toEqual(['只有一段话，没有编号。']);
  });

  it('skips the data tables, the report sheet and a sheet with a single label', () => {
    const funds = fundsSheet([['甲', 10, 10]]);
    const report = sheet('自评报告', [['单位名称', '旧报告'], ['年度', 2022]]);
    const lonely = sheet('备注', [['单位', '万元']]);
    expect(findUnitSheet(book(funds, report, lonely), ['项目资金'])).toBeUndefined();
  });

  it('takes the richer of two candidate sheets', () => {
    const a = sheet('A', [['单位名称', '甲'], ['年度', 2023]]);
    const b = sheet('B', [['单位名称', '乙'], ['年度', 2023], ['报送对象', '州财政局']]);
    expect(findUnitSheet(book(a, b))!.sheet.name).toBe('B');
  });
});

describe('the unit sheet’s words in the report', () => {
  const snapshot = book(
    fundsSheet([['甲项目', 10, 10]]),
    sheet('单位信息', [
      ['单位名称', '州某局'],
      ['报送对象', '州财政局'],
      ['政策依据', '根据《预算绩效管理办法》'],
      ['单位职能', '负责全州大数据工作'],
      ['存在的问题', '(1)项目储备不足；(2)绩效目标不够细化'],
      ['下一步措施', '加强项目储备'],
    ]),
  );
  const { doc } = reportOf(snapshot);

  it('wraps a 政策依据 into the opening sentence', () => {
    expect(doc.paragraphs[2].text).toBe('根据《预算绩效管理办法》的要求，现将州某局2023年度预算支出绩效自评情况报告如下：');
  });

  it('writes a single 职能 as a paragraph, and the given problems and measures instead of generated ones', () => {
    expect(under(doc, paragraphStarting(doc, '（一）单位职能概述')).map((p) => [p.style, p.text])).toEqual([['body', '负责全州大数据工作。']]);
    expect(under(doc, paragraphStarting(doc, '三、存在的问题')).map((p) => p.text)).toEqual(['（1）项目储备不足。', '（2）绩效目标不够细化。']);
    expect(under(doc, paragraphStarting(doc, '四、下一步改进措施')).map((p) => p.text)).toEqual(['加强项目储备。']);
    expect(texts(doc).join('\n')).not.toContain('强化绩效目标管理');
  });

  it('says so when nothing lags and nothing failed, if it must write 存在的问题 itself', () => {
    const plain = reportOf(book(fundsSheet([['甲项目', 10, 10]]))).doc;
    expect(under(plain, paragraphStarting(plain, '三、存在的问题')).map((p) => p.text)).toEqual(['经自评，2023年度各项目预算均已全部执行，未发现预算执行方面的问题。']);
    expect(under(plain, paragraphStarting(plain, '四、下一步改进措施')).map((p) => p.text)).toEqual([
      // One measure is a paragraph, not a lone （1）.
      '强化绩效目标管理和结果运用。进一步细化量化绩效目标，加强绩效运行监控，将自评结果作为以后年度预算安排和政策调整的重要依据。',
    ]);
  });
});
