/**
 * The narrative uses the indicators (issue 12 B.9): （2）（3）（4） say the 实际完成值 where the staff
 * wrote nothing, in the report's prose; 五、自评结论 states each group's and the department's score
 * and grade, weighted by budget, and names the projects it could not score.
 */
import type { CellValue } from '../../src/core';
import { paragraphStarting, reportOf, sampleSnapshot, texts, under } from '../helpers/report';
import { book, fundsSheet, sheet } from '../helpers/snap';

const FUNDS_HEADER = ['资金类别', '项目名称', '全年预算数', '财政拨款', '上年结转', '其他资金', '执行数', '项目实施情况', '产生的效益', '受益对象满意度', '未完成原因'];
const INDICATOR_HEADER = ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '预期目标', '实际完成情况'];

function workbook(indicators: CellValue[][] | undefined) {
  const funds = fundsSheet(
    [
      ['州本级', '运维项目', 100, 100, 0, 0, 100, '', '', '', ''],
      ['州本级', '验收项目', 50, 50, 0, 0, 25, '已完成一期建设。', '', '', '待验收后支付尾款。'],
      ['上级资金', '宣传项目', 30, 30, 0, 0, 30, '发布专题文章12篇。', '社会关注度提升。', '认可度100%。', ''],
      ['上级资金', '数字化项目', 200, 200, 0, 0, 200, '', '', '', ''],
    ],
    FUNDS_HEADER,
  );
  return indicators ? book(funds, sheet('绩效指标', [['2023年项目绩效指标完成情况表'], INDICATOR_HEADER, ...indicators])) : book(funds);
}

const INDICATORS: CellValue[][] = [
  // 运维项目: every result met; 100 分.
  ['运维项目', '产出指标', '数量指标', '运维服务次数', '≥800次', '819次', '', ''],
  ['运维项目', '产出指标', '质量指标', '用户投诉', '≤1次', '0次', '', ''],
  ['运维项目', '效益指标', '社会效益', '局域网正常运行', '正常运行', '已保障局域网正常运行', '', ''],
  ['运维项目', '满意度指标', '服务对象满意度', '服务对象满意度', '≥90%', 0.9, '', ''],
  // 验收项目: 5 (执行率50%) + 8.25 (33/100 of 25) + 25 + 30, no 满意度指标: 68.25, 中.
  ['验收项目', '产出指标', '质量指标', '项目验收完成率', '100%', '33%', '', ''],
  ['验收项目', '产出指标', '时效指标', '项目终验', '按期完成', '已完成终验', '', ''],
  ['验收项目', '效益指标', '经济效益', '带动就业', '≥50个', '55个', '', ''],
  // 数字化项目: 明显改善 cannot be judged against 有效提升, so no 总分; 85% falls short of ≥90%.
  ['数字化项目', '产出指标', '数量指标', '支持企业数', '≥2个', '2个', '支持2户企业数字化改造', '已支持2个企业完成改造，两个企业均已验收。'],
  ['数字化项目', '效益指标', '社会效益', '企业数字化水平', '有效提升', '明显改善', '', ''],
  ['数字化项目', '满意度指标', '服务对象满意度', '企业满意度', '≥90%', '85%', '', ''],
];

function fieldsOf(doc: ReturnType<typeof reportOf>['doc'], project: string): string[] {
  const heading = doc.paragraphs.find((p) => p.style === 'heading3' && p.text.endsWith(project));
  if (!heading) throw new Error(`no heading for ${project}`);
  return under(doc, heading).map((p) => p.text);
}

describe('（2）–（4） from the indicators’ 实际完成值', () => {
  const { doc } = reportOf(workbook(INDICATORS));

  it('says the results where the staff wrote nothing: 819次 without 次数 before it, a percentage reached with 达', () => {
    expect(fieldsOf(doc, '运维项目').slice(1)).toEqual([
      '（2）项目实施情况：运维服务819次，用户投诉0次。',
      '（3）产生的效益：已保障局域网正常运行。',
      // A percentage cell (0.9) reads as Excel shows it.
      '（4）受益对象（服务对象）满意度：服务对象满意度达90%。',
    ]);
  });

  it('keeps the staff’s own words where they wrote some, and a placeholder where nothing is known', () => {
    const fields = fieldsOf(doc, '验收项目');
    // 项目验收完成率 33% is in the indicators, but the staff wrote 实施情况 themselves.
    expect(fields[1]).toBe('（2）项目实施情况：已完成一期建设。');
    expect(fields[2]).toBe('（3）产生的效益：带动就业55个。');
    // No 满意度指标 and no text: the only placeholder left for this project.
    expect(fields[3]).toBe('（4）受益对象（服务对象）满意度：【请填写：受益对象满意度】');
    const narrative = ['项目实施情况', '产生的效益', '受益对象满意度'];
    expect(doc.missing.filter((m) => m.project === '验收项目' && narrative.includes(m.field)).map((m) => m.field)).toEqual(['受益对象满意度']);
    expect(fieldsOf(doc, '宣传项目').slice(1)).toEqual(['（2）项目实施情况：发布专题文章12篇。', '（3）产生的效益：社会关注度提升。', '（4）受益对象（服务对象）满意度：认可度100%。']);
  });

  it('says a count’s unit once: 培训520人次, 发放3人, not 培训人次520人次', () => {
    const snapshot = book(
      fundsSheet([['州本级', '培训项目', 10, 10, 0, 0, 10, '', '', '', '']], FUNDS_HEADER),
      sheet('绩效指标', [
        ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值'],
        ['培训项目', '产出指标', '数量指标', '培训人次', '≥500人次', '520人次'],
        ['培训项目', '产出指标', '数量指标', '补贴发放人数', '3人', '3人'],
        ['培训项目', '产出指标', '数量指标', '课时', '≥40', '42'],
      ]),
    );
    // A bare 42 under ≥40 has no unit to say; 课时 stays as it is.
    expect(fieldsOf(reportOf(snapshot).doc, '培训项目')[1]).toBe('（2）项目实施情况：培训520人次，补贴发放3人，课时42。');
  });

  it('says a shortfall as one, with the target as the table states it', () => {
    expect(fieldsOf(doc, '数字化项目')[3]).toBe('（4）受益对象（服务对象）满意度：企业满意度为85%，未达到年度指标值（≥90%）。');
  });

  it('puts the 年度总体目标’s 实际完成情况 first and does not say its figures again', () => {
    // 支持企业数 2个 is already in the staff's account: the indicators add nothing to it.
    expect(fieldsOf(doc, '数字化项目')[1]).toBe('（2）项目实施情况：已支持2个企业完成改造，两个企业均已验收。');
    // An indicator the rules cannot judge is still a result to report, as written.
    expect(fieldsOf(doc, '数字化项目')[2]).toBe('（3）产生的效益：企业数字化水平明显改善。');
  });

  it('traces each result to its indicator’s and its actual’s cells', () => {
    const p = paragraphStarting(doc, '（2）项目实施情况：运维服务819次');
    expect(p.sources).toEqual(['绩效指标!D3', '绩效指标!F3', '绩效指标!D4', '绩效指标!F4']);
  });

  it('writes nothing of the kind, and no 自评结论, for a workbook without indicators', () => {
    const { doc: plain } = reportOf(workbook(undefined));
    expect(fieldsOf(plain, '运维项目').slice(1)).toEqual(['（2）项目实施情况：【请填写：项目实施情况】', '（3）产生的效益：【请填写：产生的效益】', '（4）受益对象（服务对象）满意度：【请填写：受益对象满意度】']);
    expect(texts(plain).filter((t) => t.includes('自评结论') || t.includes('自评等级'))).toEqual([]);
    expect(plain.paragraphs.filter((p) => p.level === 1).map((p) => p.text)).toEqual(['一、整体支出绩效自评情况', '二、项目支出绩效自评情况', '三、存在的问题', '四、下一步改进措施']);
  });
});

describe('五、自评结论', () => {
  const { doc } = reportOf(workbook(INDICATORS));
  const conclusion = under(doc, paragraphStarting(doc, '五、自评结论')).map((p) => p.text);

  it('comes last, after 四、下一步改进措施, before the signature', () => {
    expect(doc.paragraphs.filter((p) => p.level === 1).map((p) => p.text).slice(-2)).toEqual(['四、下一步改进措施', '五、自评结论']);
    expect(conclusion).toHaveLength(2);
  });

  it('counts the scored projects and their grades, names the 中, and says which are not scored and why', () => {
    expect(conclusion[0]).toBe(
      '按照《项目支出绩效评价管理办法》（财预〔2020〕10号）的评分标准（预算执行率10分，产出指标50分，效益指标30分，满意度指标10分），' +
        '对纳入自评的4个项目逐项评分，其中2个项目已得出总分，自评等级为优的1个、中的1个。验收项目得分68.25分，自评等级为中。' +
        '宣传项目未设置绩效指标；数字化项目部分绩效指标有待评分【请核对：有指标未能自动评分】，未计入平均得分。',
    );
  });

  it('gives each group’s score as the budget-weighted average of its scored projects, and the department’s', () => {
    // 州本级: (100.00 × 100 + 68.25 × 50) ÷ 150 = 89.4166… → 89.42, 良 (a plain average would be 84.13).
    expect(conclusion[1]).toBe('按项目全年预算数加权平均，州本级资金安排的项目得分89.42分，自评等级为良；上级资金安排的项目2个，均未得出总分。综上，本单位2023年度项目支出绩效自评得分89.42分，自评等级为良。');
  });

  it('lists the unscored indicator in the 核对清单 at the cell that keeps it from a score', () => {
    expect(doc.checklist).toContainEqual(expect.objectContaining({ kind: 'check', project: '数字化项目', cell: '绩效指标!F11', mark: '【请核对：有指标未能自动评分】' }));
  });

  it('rounds the weighted score half-up once, from the exact sum', () => {
    const snapshot = book(
      fundsSheet([['州本级', '甲', 1, 1, 0, 0, 1, '', '', '', ''], ['州本级', '乙', 2, 2, 0, 0, 1, '', '', '', '']], FUNDS_HEADER),
      sheet('绩效指标', [
        ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值'],
        ['甲', '产出指标', '数量指标', '次数', '≥3次', '3次'],
        ['甲', '效益指标', '社会效益', '效率', '有效提升', '有效提升'],
        ['甲', '满意度指标', '服务对象满意度', '满意度', '≥90%', '95%'],
        ['乙', '产出指标', '数量指标', '次数', '≥3次', '2次'],
        ['乙', '效益指标', '社会效益', '效率', '有效提升', '基本完成'],
        ['乙', '满意度指标', '服务对象满意度', '满意度', '≥90%', '95%'],
      ]),
    );
    // 甲: 10 + 50 + 30 + 10 = 100; 乙: 5 + 33.33 + 15 + 10 = 63.33. (100 × 1 + 63.33 × 2) ÷ 3 = 75.553… → 75.55, 中
    // (a plain average, 81.67, would say 良).
    const text = texts(reportOf(snapshot).doc).join('\n');
    expect(text).toContain('乙得分63.33分，自评等级为中。');
    expect(text).toContain('本单位2023年度项目支出绩效自评得分75.55分，自评等级为中。');
    // One group: no group sentence before the department's.
    expect(text).not.toContain('州本级资金安排的项目得分');
  });
});

describe('the sample’s report with its 绩效指标 sheet', () => {
  let doc: ReturnType<typeof reportOf>['doc'];
  beforeAll(async () => {
    doc = reportOf(await sampleSnapshot()).doc;
  });

  it('fills the 效益 the staff left empty from the indicators, in prose', () => {
    expect(fieldsOf(doc, '2022年黔南州XC工程集中采购工作经费')[1]).toBe('（2）项目实施情况：已完成年度目标。资金支付及时率达100%。');
    expect(fieldsOf(doc, '2022年人才引进安家费')[2]).toBe('（3）产生的效益：吸引和留住人才达到预期。');
    expect(fieldsOf(doc, '2022年省大数据发展专项资金(第二批项目)')[2]).toBe('（3）产生的效益：推动企业数字化发展基本完成绩效目标。');
    expect(texts(doc).join('\n')).not.toContain('【请填写：产生的效益】');
  });

  it('concludes with the grades, the weak project and the weighted scores of the three groups and the bureau', () => {
    const c = under(doc, paragraphStarting(doc, '五、自评结论')).map((p) => p.text);
    expect(c[0]).toContain('对纳入自评的21个项目逐项评分，自评等级为优的19个、良的1个、中的1个。2022年省大数据发展专项资金(第二批项目)得分61.03分，自评等级为中。');
    // 上级资金: (61.03 × 72 + 86.50 × 138 + 100 × 1175.1642) ÷ 1385.1642 = 96.63.
    expect(c[1]).toBe(
      '按项目全年预算数加权平均，上级资金安排的项目得分96.63分，自评等级为优；州本级资金安排的项目得分100.00分，自评等级为优；其他运转类专项业务费安排的项目得分100.00分，自评等级为优。综上，黔南州大数据发展管理局2023年度项目支出绩效自评得分98.44分，自评等级为优。',
    );
  });

  it('during the year, says once that the execution score follows the period’s progress', async () => {
    const { doc: m } = reportOf(await sampleSnapshot(), { asOf: '2023-07-31' });
    const all = texts(m).join('\n');
    expect(all.match(/监控期内预算执行率得分按当期执行进度计算/g)).toHaveLength(1);
    expect(all.match(/截至7月31日/g)).toHaveLength(1);
  });
});
