/**
 * The national 项目支出绩效自评表 as a reader sees it: the cells of each project's form, computed by
 * hand from the sample workbook and from small workbooks of our own.
 */
import { buildReport, type CellValue, type ReportDocument, type WorkbookSnapshot } from '../../src/core';
import { formMerges, formOf, formRow, formRows } from '../helpers/form';
import { reportOf, sampleSnapshot } from '../helpers/report';
import { book, fundsSheet, run, sheet } from '../helpers/snap';

describe('the sample’s forms', () => {
  let snapshot: WorkbookSnapshot;
  let doc: ReportDocument;
  beforeAll(async () => {
    snapshot = await sampleSnapshot();
    doc = reportOf(snapshot).doc;
  });

  it('gives every one of the 21 projects a form, in table order, titled for the year', () => {
    expect(doc.forms).toHaveLength(21);
    expect(doc.forms![0].name).toBe('2022年省大数据发展专项资金(第二批项目)');
    expect(doc.forms![20].name).toBe('黔南州数字赋能基层服务项目工作经费');
    const f = doc.forms![0];
    expect(formRows(f).slice(0, 4).map((r) => r.filter(Boolean))).toEqual([
      ['项目支出绩效自评表'],
      ['（2023年度）'],
      ['项目名称', '2022年省大数据发展专项资金(第二批项目)'],
      ['主管部门', '黔南州大数据发展管理局', '实施单位', '黔南州大数据发展管理局'],
    ]);
  });

  it('2022年省大数据发展专项资金: 20 of 72 is 28% and scores 10 × 20/72 = 2.78; the 72 万元 carried over is all of it', () => {
    const f = formOf(doc, '2022年省大数据发展专项资金(第二批项目)');
    expect(formRow(f, '项目资金（万元）')).toEqual(['项目资金（万元）', '', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
    expect(formRow(f, '年度资金总额', 1)).toEqual(['', '年度资金总额', '', '72', '72', '20', '10', '28%', '2.78']);
    // All of the budget is 上年结转 (0 + 72 + 0), and the budget was not adjusted: that row has it all.
    expect(formRow(f, '其中：当年财政拨款', 1)).toEqual(['', '其中：当年财政拨款', '', '0', '0', '0', '—', '', '—']);
    expect(formRow(f, '上年结转资金', 1)).toEqual(['', '上年结转资金', '', '72', '72', '20', '—', '28%', '—']);
    expect(formRow(f, '其他资金', 1)).toEqual(['', '其他资金', '', '0', '0', '0', '—', '', '—']);
  });

  it('2022年省大数据发展专项资金: its indicators with 分值 and 得分, 一级 and 二级 merged down, 总分 61.03 and 中', () => {
    const f = formOf(doc, '2022年省大数据发展专项资金(第二批项目)');
    const rows = formRows(f);
    const head = rows.findIndex((r) => r[0] === '绩效指标');
    expect(rows[head]).toEqual(['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
    expect(rows.slice(head + 1, head + 5).map((r) => r.slice(1, 8))).toEqual([
      ['产出指标', '数量指标', '支持项目数', '≥3个', '3个', '25', '25.00'],
      // 25 × 33/100 = 8.25
      ['', '质量指标', '项目验收完成率', '100%', '33%', '25', '8.25'],
      // "基本完成": half of 30
      ['效益指标', '经济效益', '推动企业数字化发展', '完成绩效目标', '基本完成绩效目标', '30', '15.00'],
      ['满意度指标', '服务对象满意度', '企业满意度', '≥90%', '100%', '10', '10.00'],
    ]);
    expect(rows[head + 2][8]).toContain('已申请延期验收');
    // 2.78 + 25 + 8.25 + 15 + 10
    expect(formRow(f, '总分')).toEqual(['总分', '', '', '', '', '', '100', '61.03']);
    expect(formRow(f, '自评等级')).toEqual(['自评等级', '', '', '', '', '', '中']);
    // The label 绩效指标 spans its header and four indicators; 产出指标 its two rows.
    expect(formMerges(f)).toEqual(expect.arrayContaining([`A${head + 1}:A${head + 5}`, `B${head + 2}:B${head + 3}`, 'A5:A9', 'B6:C6']));
  });

  it('an indicator below its 分值 with no reason given asks for one, at the reason’s cell, and the 核对清单 lists it', () => {
    const f = formOf(doc, '2022年省大数据发展专项资金(第二批项目)');
    const row = formRows(f).find((r) => r[3] === '推动企业数字化发展')!;
    expect(row[8]).toBe('【请填写：偏差原因】');
    const cell = f.cells.find((c) => c.text === '【请填写：偏差原因】')!;
    expect(cell.runs.map((r) => r.kind)).toEqual(['placeholder']);
    expect(doc.checklist).toContainEqual({
      kind: 'fill',
      project: '2022年省大数据发展专项资金(第二批项目)',
      cell: '绩效指标!I6',
      mark: '【请填写：偏差原因】',
      detail: '指标“推动企业数字化发展”得分15.00，低于分值30。请在绩效指标!I6填写，或在绩效自评表中填写。',
    });
    // Those at full marks need none.
    expect(formRows(f).find((r) => r[3] === '企业满意度')![8]).toBe('');
  });

  it('数字中台: 29.99 of 30 prints 100% and scores 10.00; 财政拨款 is the whole budget, so it has the whole 执行数', () => {
    const f = formOf(doc, '黔南州数字中台数字乡村及数据治理项目工作经费');
    expect(formRow(f, '年度资金总额', 1)).toEqual(['', '年度资金总额', '', '30', '30', '29.99', '10', '100%', '10.00']);
    expect(formRow(f, '其中：当年财政拨款', 1)).toEqual(['', '其中：当年财政拨款', '', '30', '30', '29.99', '—', '100%', '—']);
    expect(formRow(f, '总分').slice(6)).toEqual(['100', '100.00']);
    // Two 满意度 indicators share its 10 as 5 + 5, 二级 merged over both.
    expect(formRows(f).filter((r) => r[6] === '5').map((r) => r[3])).toEqual(['数字乡村基层用户满意度', '服务企业用户满意度']);
  });

  it('州委大楼网络运维: sources that do not add up leave the 其中 rows’ 执行数 blank and mark the budget as the report does', () => {
    const f = formOf(doc, '州委大楼网络运维外包服务经费');
    expect(formRow(f, '年度资金总额', 1)).toEqual(['', '年度资金总额', '', '9.8', '9.8\n【请核对：其中各项合计5万元，与预算数9.8万元不符】', '9.8', '10', '100%', '10.00']);
    expect(formRow(f, '其中：当年财政拨款', 1)).toEqual(['', '其中：当年财政拨款', '', '', '5', '', '—', '', '—']);
    expect(formRow(f, '上年结转资金', 1)).toEqual(['', '上年结转资金', '', '', '0', '', '—', '', '—']);
    // 819 of ≥800, 35 of ≥30, 0 complaints of ≤1: 16.67 + 16.67 + 16.66
    expect(formRows(f).filter((r) => r[2] === '数量指标' || r[3] === '视频会议保障' || r[2] === '质量指标').map((r) => r.slice(3, 8))).toEqual([
      ['运维服务次数', '≥800次', '819次', '16.67', '16.67'],
      ['视频会议保障', '≥30次', '35次', '16.67', '16.67'],
      ['用户投诉', '≤1次', '0次', '16.66', '16.66'],
    ]);
    expect(formRow(f, '自评等级')[6]).toBe('优');
  });

  it('the 年度总体目标 from the 绩效指标 sheet, each text traced to its cell', () => {
    const f = formOf(doc, '州委大楼网络运维外包服务经费');
    const rows = formRows(f);
    const goal = rows.findIndex((r) => r[0] === '年度总体目标');
    expect([rows[goal][1], rows[goal][5]]).toEqual(['预期目标', '实际完成情况']);
    expect(rows[goal + 1][1]).toBe('保障州委大楼局域网网络和计算机软硬件正常运行。');
    const expected = f.cells.find((c) => c.text === '保障州委大楼局域网网络和计算机软硬件正常运行。')!;
    expect(expected.runs[0]).toMatchObject({ kind: 'staff', cells: [expect.stringMatching(/^绩效指标!B\d+$/)] });
  });

  it('two-decimal rates print 27.78% in the form too', () => {
    const f = formOf(reportOf(snapshot, { rateDisplay: 'two-decimals' }).doc, '2022年省大数据发展专项资金(第二批项目)');
    expect(formRow(f, '年度资金总额', 1)[7]).toBe('27.78%');
  });

  it('a monitoring run names its months under the title', () => {
    const f = reportOf(snapshot, { asOf: '2023-07-31' }).doc.forms![0];
    expect(formRows(f)[1][0]).toBe('（2023年1-7月）');
  });
});

describe('forms of a workbook of our own', () => {
  const funds = fundsSheet(
    [
      ['运维项目', 50, 80, 72, 8, 72],
      ['宣传项目', 30, 30, 30, 0, 15],
    ],
    ['项目名称', '年初预算数', '全年预算数', '财政拨款', '上年结转', '执行数'],
  );
  const indicators = (rows: CellValue[][]) =>
    sheet('绩效指标', [['2023年项目绩效指标'], ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值'], ...rows]);
  const docOf = (snapshot: WorkbookSnapshot) => buildReport(run(snapshot), snapshot);

  it('without an indicators table there are no forms', () => {
    expect(docOf(book(funds)).forms).toBeUndefined();
  });

  it('a project the table does not list gets its money block and a placeholder for its indicators, 总分 and 等级', () => {
    const doc = docOf(
      book(
        funds,
        indicators([
          ['运维项目', '产出指标', '数量指标', '运维次数', '≥100次', '120次'],
          ['运维项目', '效益指标', '社会效益', '系统正常运行', '正常运行', '已正常运行'],
          ['运维项目', '满意度指标', '服务对象满意度', '用户满意度', '≥90%', '95%'],
        ]),
      ),
    );
    expect(doc.forms!.map((f) => f.name)).toEqual(['运维项目', '宣传项目']);
    const f = formOf(doc, '宣传项目');
    // 15 of 30: 50%, 5.00.
    expect(formRow(f, '年度资金总额', 1)).toEqual(['', '年度资金总额', '', '30', '30', '15', '10', '50%', '5.00']);
    expect(formRow(f, '绩效指标').slice(0, 2)).toEqual(['绩效指标', '一级指标']);
    const rows = formRows(f);
    expect(rows[rows.findIndex((r) => r[0] === '绩效指标') + 1][1]).toBe('【请填写：绩效指标】');
    expect(formRow(f, '总分')).toEqual(['总分', '', '', '', '', '', '100', '【请填写：总分】']);
    expect(formRow(f, '自评等级')).toEqual(['自评等级', '', '', '', '', '', '【请填写：自评等级】']);
    // After the report's own (项目实施情况 …), the form's.
    expect(doc.checklist.filter((c) => c.project === '宣传项目' && c.kind === 'fill').map((c) => c.mark).slice(-5)).toEqual([
      '【请填写：预期目标】',
      '【请填写：实际完成情况】',
      '【请填写：绩效指标】',
      '【请填写：总分】',
      '【请填写：自评等级】',
    ]);
  });

  it('an adjusted budget: 72 of 80 scores 9.00; 财政拨款 72 and 上年结转 8 share it, so their 执行数 stay blank', () => {
    const doc = docOf(book(funds, indicators([['运维项目', '产出指标', '数量指标', '运维次数', '≥100次', '120次']])));
    const f = formOf(doc, '运维项目');
    expect(formRow(f, '年度资金总额', 1)).toEqual(['', '年度资金总额', '', '50', '80', '72', '10', '90%', '9.00']);
    expect(formRow(f, '其中：当年财政拨款', 1)).toEqual(['', '其中：当年财政拨款', '', '', '72', '', '—', '', '—']);
    expect(formRow(f, '上年结转资金', 1)).toEqual(['', '上年结转资金', '', '', '8', '', '—', '', '—']);
    // The table has no 其他资金 column: unknown, blank.
    expect(formRow(f, '其他资金', 1)).toEqual(['', '其他资金', '', '', '', '', '—', '', '—']);
  });

  it('an indicator it cannot score gets 【请填写：得分】 pointing at its 实际完成值, and the total waits for it', () => {
    const doc = docOf(
      book(
        funds,
        indicators([
          ['运维项目', '产出指标', '数量指标', '运维次数', '≥100次', '120次'],
          ['运维项目', '效益指标', '社会效益', '群众获得感', '有效提升', '群众反映良好'],
          ['运维项目', '满意度指标', '服务对象满意度', '用户满意度', '≥90%', '95%'],
        ]),
      ),
    );
    const f = formOf(doc, '运维项目');
    expect(formRows(f).find((r) => r[3] === '群众获得感')!.slice(3, 9)).toEqual(['群众获得感', '有效提升', '群众反映良好', '30', '【请填写：得分】', '']);
    expect(formRow(f, '总分')[7]).toBe('【请填写：总分】');
    const item = doc.checklist.find((c) => c.mark === '【请填写：得分】')!;
    expect(item).toMatchObject({ kind: 'fill', project: '运维项目', cell: '绩效指标!F4' });
    expect(item.detail).toContain('请更正绩效指标!F4的实际完成值，或在绩效自评表中填写得分');
  });

  it('every position of the grid is covered by exactly one cell', async () => {
    const sample = await sampleSnapshot();
    for (const f of reportOf(sample).doc.forms!) {
      const seen = new Map<string, number>();
      for (const c of f.cells) for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) seen.set(`${r},${k}`, (seen.get(`${r},${k}`) ?? 0) + 1);
      expect(seen.size).toBe(f.rows * 9);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
    }
  });
});
