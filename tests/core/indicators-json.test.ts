/**
 * The JSON summary's `evaluation` (issue 12 B.10), field by field: what a script reading
 * `jixiao report --json` sees for a project with indicators, one with an unscored indicator, and one
 * the table does not list.
 */
import { toSummary } from '../../src/core';
import { runIndicators } from './indicators-fixture';

const a = runIndicators(
  [
    ['运维项目', '保障网络正常运行', '全年网络正常', '产出指标', '数量指标', '运维次数', '≥800次', '819次', ''],
    ['', '', '', '', '时效指标', '响应时间', '≤30分钟', '45分钟', '人员不足，已增派1人'],
    ['', '', '', '效益指标', '社会效益', '保障运行', '有效保障', '基本保障', ''],
    ['', '', '', '满意度指标', '服务对象满意度', '用户满意度', '≥90%', 0.95, ''],
    ['宣传项目', '', '', '满意度指标', '服务对象满意度', '满意度', '达标', '正在统计', ''],
  ],
  {
    header: ['项目名称', '预期目标', '实际完成情况', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '偏差原因分析及改进措施'],
    funds: [['运维项目', 72, 72], ['宣传项目', 30, 15], ['会议经费', 10, 10]],
  },
);
// Summarised inside each test, not at load: mutation testing credits a line only to the tests that run it.

it('a project with every indicator scored: execution 10, indicators 25 + 16.67 + 15 + 10, 总分 76.67, 中', () => {
  const s = toSummary(a);
  expect(s.indicatorsTable).toBe('绩效指标!A2:I7');
  expect(s.projects[0].evaluation).toEqual({
    executionScore: 10,
    executionWorking: '10×min(72/72,1)=10.00',
    indicatorScore: 66.67,
    total: 76.67,
    grade: '中',
    goal: { expected: '保障网络正常运行', achieved: '全年网络正常' },
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '运维次数', kind: 'output', target: '≥800次', actual: '819次', weight: 25, weightSource: 'default', score: 25, working: '25×min(819/800,1)=25.00', cell: '绩效指标!F3', deviation: null },
      { level1: '产出指标', level2: '时效指标', name: '响应时间', kind: 'output', target: '≤30分钟', actual: '45分钟', weight: 25, weightSource: 'default', score: 16.67, working: '25×30/45=16.67', cell: '绩效指标!F4', deviation: '人员不足，已增派1人' },
      { level1: '效益指标', level2: '社会效益', name: '保障运行', kind: 'benefit', target: '有效保障', actual: '基本保障', weight: 30, weightSource: 'default', score: 15, working: '“基本保障”：30×50%=15.00', cell: '绩效指标!F5', deviation: null },
      { level1: '满意度指标', level2: '服务对象满意度', name: '用户满意度', kind: 'satisfaction', target: '≥90%', actual: '95%', weight: 10, weightSource: 'default', score: 10, working: '10×min(95/90,1)=10.00', cell: '绩效指标!F6', deviation: null },
    ],
  });
});

it('a project with an unscored indicator has indicatorScore null and neither total nor grade', () => {
  const s = toSummary(a);
  const e = s.projects[1].evaluation;
  expect(e.executionScore).toBe(5);
  expect(e.indicatorScore).toBeNull();
  expect('total' in e || 'grade' in e).toBe(false);
  expect(e.indicators.map((i) => [i.name, i.weight, i.score])).toEqual([['满意度', 10, null]]);
  expect(JSON.parse(JSON.stringify(e))).not.toHaveProperty('total');
});

it('a project the table does not list has its execution score only', () => {
  const s = toSummary(a);
  expect(s.projects[2].evaluation).toEqual({
    executionScore: 10,
    executionWorking: '10×min(10/10,1)=10.00',
    indicatorScore: null,
    goal: { expected: null, achieved: null },
    indicators: [],
  });
});
