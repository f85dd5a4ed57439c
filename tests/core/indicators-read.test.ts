/**
 * Reading the 绩效指标 table: found by its headers on any sheet, 项目名称 / 一级 / 二级 filled down the
 * way the national form merges them, rows checked with issues that name their cells — and a workbook
 * without such a table runs exactly as before.
 */
import { analyze, toSummary } from '../../src/core';
import { book, run, sheet } from '../helpers/snap';
import { INDICATOR_HEADER, evaluationOf, fundsOf, issueCells, printed, runIndicators } from './indicators-fixture';

describe('a workbook without an indicators table', () => {
  it('raises no indicator issue, gives every project its 执行率 score and no 总分 or 等级', () => {
    const a = run(book(fundsOf()));
    expect(a.issues.filter((i) => i.code.startsWith('INDICATOR_') || i.code === 'TABLE_AMBIGUOUS')).toEqual([]);
    expect(a.indicators).toBeUndefined();
    expect(a.evaluation!.projects.map((e) => [e.executionScore, e.executionWorking, e.indicators.length, e.total, e.grade])).toEqual([
      [1000, '10×min(72/72,1)=10.00', 0, undefined, undefined],
      [500, '10×min(15/30,1)=5.00', 0, undefined, undefined],
    ]);
  });

  it('a sheet with no indicators table changes neither the issues nor the write plan', () => {
    const plain = run(book(fundsOf()));
    const withEmptySheet = run(book(fundsOf(), sheet('备注', [['本表无绩效指标']])));
    expect(withEmptySheet.issues.map((i) => `${i.code} ${i.cell}`)).toEqual(plain.issues.map((i) => `${i.code} ${i.cell}`));
    expect(withEmptySheet.plan).toEqual(plain.plan);
  });
});

describe('forward fill of merged cells', () => {
  it('carries 项目名称, 一级 and 二级 down blank cells, and a new 一级 starts its 二级 afresh', () => {
    const a = runIndicators([
      ['运维项目', '产出指标', '数量指标', '运维次数', '≥800次', '819次'],
      ['', '', '', '巡检次数', '≥12次', '12次'],
      ['', '', '质量指标', '故障修复率', '≥95%', '98%'],
      ['', '效益指标', '', '保障网络运行', '正常运行', '已正常运行'],
      ['', '满意度指标', '服务对象满意度', '用户满意度', '≥90%', '100%'],
    ]);
    const e = evaluationOf(a, '运维项目');
    expect(e.indicators.map((s) => `${s.level1}/${s.level2}/${s.name}`)).toEqual([
      '产出指标/数量指标/运维次数',
      '产出指标/数量指标/巡检次数',
      '产出指标/质量指标/故障修复率',
      '效益指标//保障网络运行',
      '满意度指标/服务对象满意度/用户满意度',
    ]);
    expect(e.indicators.map((s) => s.cell)).toEqual(['绩效指标!D3', '绩效指标!D4', '绩效指标!D5', '绩效指标!D6', '绩效指标!D7']);
    expect(issueCells(a)).toEqual([]);
  });

  it('a row naming only the project (a heading row) starts its indicators, and its own levels are not carried into the next project', () => {
    const a = runIndicators([
      ['运维项目', '', '', '', '', ''],
      ['', '产出指标', '数量指标', '运维次数', '≥800次', '819次'],
      ['宣传项目', '', '数量指标', '发布文章', '≥10篇', '12篇'],
    ]);
    expect(evaluationOf(a, '运维项目').indicators.map((s) => s.level1)).toEqual(['产出指标']);
    // 宣传项目's 一级 is blank: not 产出指标 from the project above, but known from its 二级 (数量指标 is an output).
    const p = evaluationOf(a, '宣传项目').indicators[0];
    expect([p.level1, p.kind]).toEqual(['', 'output']);
  });
});

describe('which project an indicator belongs to', () => {
  it('matches by 项目编码 when the table has it, whatever the name is written as', () => {
    const funds = [['P01', '运维项目', 72, 72]];
    const a = run(
      book(
        sheet('项目资金', [['单位：万元'], ['项目编码', '项目名称', '全年预算数', '执行数'], ...funds]),
        sheet('绩效目标', [['项目编码', '项目名称', '一级指标', '三级指标', '年度指标值', '实际完成值'], ['P01', '州委大楼运维', '满意度指标', '满意度', '≥90%', '95%']]),
      ),
    );
    expect(evaluationOf(a, '运维项目').indicators.map(printed)).toEqual(['满意度 | ≥90% | 95% | 10.00 | 10.00']);
  });

  it('an unknown project is one error at its first row, counting its indicators, and none of them is scored', () => {
    const a = runIndicators([
      ['运维项目', '满意度指标', '服务对象满意度', '满意度', '≥90%', '95%'],
      ['运维项日', '产出指标', '数量指标', '运维次数', '≥800次', '819次'],
      ['', '', '', '巡检次数', '≥12次', '12次'],
    ]);
    const unknown = a.issues.filter((i) => i.code === 'INDICATOR_UNKNOWN_PROJECT');
    expect(unknown.map((i) => [i.severity, i.cell, i.message])).toEqual([
      ['error', '绩效指标!A4', '绩效指标表中的项目“运维项日”在项目资金表中找不到，其2个指标未评分。请把项目名称（或编码）改为与项目资金表一致。'],
    ]);
    expect(evaluationOf(a, '运维项目').indicators.map((s) => s.name)).toEqual(['满意度']);
  });
});

describe('rows checked cell by cell', () => {
  it('a missing target or actual is a warning at that cell, and the project gets no 总分', () => {
    const a = runIndicators([
      ['运维项目', '产出指标', '数量指标', '运维次数', '', '819次'],
      ['', '效益指标', '社会效益', '保障运行', '有效保障', ''],
      ['', '满意度指标', '服务对象满意度', '满意度', '≥90%', '95%'],
    ]);
    expect(issueCells(a)).toEqual(['INDICATOR_VALUE_MISSING 绩效指标!E3', 'INDICATOR_VALUE_MISSING 绩效指标!F4']);
    expect(a.issues.find((i) => i.cell === '绩效指标!E3')!.message).toBe('指标“运维次数”没有填写年度指标值，未评分。请填写年度指标值。');
    const e = evaluationOf(a, '运维项目');
    expect(e.indicators.map(printed)).toEqual(['运维次数 |  | 819次 | 50.00 | —', '保障运行 | 有效保障 |  | 30.00 | —', '满意度 | ≥90% | 95% | 10.00 | 10.00']);
    expect([e.indicatorScore, e.total, e.grade]).toEqual([undefined, undefined, undefined]);
  });

  it('a target with a comparison sign and no number, or a formula error, cannot be read', () => {
    const a = runIndicators([
      ['运维项目', '产出指标', '数量指标', '运维次数', '≥', '819次'],
      ['', '', '质量指标', '合格率', '#N/A', '100%'],
    ]);
    expect(issueCells(a).filter((c) => c.startsWith('INDICATOR_TARGET'))).toEqual(['INDICATOR_TARGET_UNREADABLE 绩效指标!E3', 'INDICATOR_TARGET_UNREADABLE 绩效指标!E4']);
    expect(a.issues.find((i) => i.cell === '绩效指标!E4')!.message).toContain('是公式错误 #N/A');
  });

  it('a kind with no indicators scores 0 of its 分值 with a warning, and the 总分 still adds up', () => {
    const a = runIndicators([
      ['运维项目', '产出指标', '数量指标', '运维次数', '≥800次', '819次'],
      ['', '满意度指标', '服务对象满意度', '满意度', '≥90%', '95%'],
    ]);
    const missing = a.issues.filter((i) => i.code === 'INDICATOR_KIND_MISSING');
    expect(missing.map((i) => [i.severity, i.cell, i.message])).toEqual([['warning', '绩效指标!B3', '项目“运维项目”没有效益指标，该项按0分计（满分30分）。请补充效益指标。']]);
    const e = evaluationOf(a, '运维项目');
    expect(e.byKind.map((k) => [k.kind, k.count, k.weight, k.score])).toEqual([
      ['output', 1, 5000, 5000],
      ['benefit', 0, 0, 0],
      ['satisfaction', 1, 1000, 1000],
    ]);
    expect([e.total, e.grade]).toEqual([7000, '中']);
  });

  it('an 一级指标 that is none of the three kinds is not scored', () => {
    const a = runIndicators([['运维项目', '其他指标', '', '台账', '完整', '完整']]);
    expect(issueCells(a)).toContain('INDICATOR_LEVEL_UNKNOWN 绩效指标!B3');
    expect(evaluationOf(a, '运维项目').total).toBeUndefined();
  });

  it('a 预算执行率 row in the table is left to the funds table: not an indicator, not weighed', () => {
    const a = runIndicators([
      ['运维项目', '预算执行率', '', '预算执行率', '100%', '80%'],
      ['', '产出指标', '数量指标', '运维次数', '≥800次', '819次'],
    ]);
    expect(evaluationOf(a, '运维项目').indicators.map((s) => s.name)).toEqual(['运维次数']);
    expect(evaluationOf(a, '运维项目').executionScore).toBe(1000);
  });
});

describe('where the table stands', () => {
  it('stacked under the funds table on its sheet: the funds table ends above it and both are read', () => {
    const a = run(
      book(
        sheet('项目资金', [
          ['单位：万元'],
          ['项目名称', '全年预算数', '执行数'],
          ['运维项目', 72, 72],
          [],
          ['项目绩效指标'],
          INDICATOR_HEADER,
          ['运维项目', '满意度指标', '服务对象满意度', '满意度', '≥90%', '95%'],
        ]),
      ),
    );
    expect(a.model!.projects.map((p) => p.name)).toEqual(['运维项目']);
    expect(a.indicators!.range).toBe('项目资金!A6:F7');
    expect(evaluationOf(a, '运维项目').indicators.map(printed)).toEqual(['满意度 | ≥90% | 95% | 10.00 | 10.00']);
  });

  it('reads 年度总体目标 (预期目标 / 实际完成情况) once per project, wherever on its rows it is written', () => {
    const a = runIndicators(
      [
        ['运维项目', '保障州委大楼网络正常运行', '全年网络运行正常', '产出指标', '运维次数', '≥800次', '819次'],
        ['', '', '', '满意度指标', '满意度', '≥90%', '95%'],
        ['宣传项目', '', '', '满意度指标', '满意度', '≥90%', '95%'],
        ['', '宣传大数据发展', '发布文章12篇', '产出指标', '文章数', '≥10篇', '12篇'],
      ],
      { header: ['项目名称', '预期目标', '实际完成情况', '一级指标', '三级指标', '年度指标值', '实际完成值'] },
    );
    expect(evaluationOf(a, '运维项目').goal).toEqual({ expected: { value: '保障州委大楼网络正常运行', cell: '绩效指标!B3' }, achieved: { value: '全年网络运行正常', cell: '绩效指标!C3' } });
    expect(evaluationOf(a, '宣传项目').goal).toEqual({ expected: { value: '宣传大数据发展', cell: '绩效指标!B6' }, achieved: { value: '发布文章12篇', cell: '绩效指标!C6' } });
  });

  it('the table can be chosen by the mapping, like the others', () => {
    const indicators = sheet('指标', [INDICATOR_HEADER, ['运维项目', '满意度指标', '服务对象满意度', '满意度', '≥90%', '95%']]);
    const copy = sheet('指标(旧)', [INDICATOR_HEADER, ['运维项目', '满意度指标', '服务对象满意度', '满意度', '≥90%', '50%']]);
    const tied = analyze(book(fundsOf(), indicators, copy), { today: '2024-01-15' });
    expect(tied.ok).toBe(true);
    expect(tied.issues.filter((i) => i.code === 'TABLE_AMBIGUOUS').map((i) => i.cell)).toEqual(['指标!A1']);
    expect(evaluationOf(tied, '运维项目').indicators).toEqual([]);
    const chosen = analyze(book(fundsOf(), indicators, copy), { today: '2024-01-15', mapping: { indicators: { sheet: '指标(旧)' } } });
    expect(evaluationOf(chosen, '运维项目').indicators.map(printed)).toEqual(['满意度 | ≥90% | 50% | 10.00 | 5.56']);
    expect(toSummary(chosen).projects[0].name).toBe('运维项目');
  });
});
