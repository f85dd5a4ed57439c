/**
 * 总分 = 预算执行率得分 (10 × 执行率, never above 10) + the indicators' scores; 自评等级 优 ≥ 90,
 * 良 ≥ 80, 中 ≥ 60, 差 < 60 — on exact hundredths, so 89.99 is 良 and 90.00 is 优. Both only when the
 * project has indicators, all of them scored, and a known rate.
 */
import { CellValue, formatScore, gradeOf, toSummary } from '../../src/core';
import { evaluationOf, runIndicators } from './indicators-fixture';

/** 运维项目 with budget 100 and the given 执行数; 产出 50, 效益 30, 满意度 10 with the given actuals. */
function project(executed: CellValue, benefit: string, satisfaction: string) {
  const a = runIndicators(
    [
      ['运维项目', '产出指标', '数量指标', '运维次数', '≥800次', '819次'],
      ['', '效益指标', '社会效益', '保障运行', '按期完成', benefit],
      ['', '满意度指标', '服务对象满意度', '满意度', '按期完成', satisfaction],
    ],
    { funds: [['运维项目', 100, executed]] },
  );
  const e = evaluationOf(a, '运维项目');
  return { total: e.total === undefined ? '—' : formatScore(e.total), grade: e.grade ?? '—', e, a };
}

it.each([
  [100, '已完成', '未完成', '90.00', '优'],
  [99.9, '已完成', '未完成', '89.99', '良'],
  [100, '基本完成', '基本完成', '80.00', '良'],
  [99.9, '基本完成', '基本完成', '79.99', '中'],
  [100, '未完成', '未完成', '60.00', '中'],
  [99.9, '未完成', '未完成', '59.99', '差'],
])('执行数 %s of 100, 效益 %s, 满意度 %s: 总分 %s, %s', (executed, benefit, satisfaction, total, grade) => {
  expect(project(executed, benefit, satisfaction)).toMatchObject({ total, grade });
});

it('gradeOf at each boundary', () => {
  expect([10000, 9000, 8999, 8000, 7999, 6000, 5999, 0].map(gradeOf)).toEqual(['优', '优', '良', '良', '中', '中', '差', '差']);
});

it('an 执行数 above the budget scores 10 for 预算执行率, never more', () => {
  const { e } = project(110, '已完成', '已完成');
  expect([e.executionScore, e.executionWorking, e.total]).toEqual([1000, '10×min(110/100,1)=10.00', 10000]);
});

it('an unknown 执行数 leaves 预算执行率, 总分 and 等级 unscored, while the indicators are', () => {
  const { e } = project('待定', '已完成', '已完成');
  expect([e.executionScore, e.executionWorking, e.indicatorScore, e.total, e.grade]).toEqual([undefined, '执行率未能计算，预算执行率未评分', 9000, undefined, undefined]);
});

it('one indicator not scored withholds 总分 and 等级, though the others are scored', () => {
  const { e } = project(100, '正在推进', '已完成');
  expect(e.indicators.map((s) => s.score)).toEqual([5000, undefined, 1000]);
  expect([e.indicatorScore, e.total, e.grade]).toEqual([undefined, undefined, undefined]);
});

it('the execution score agrees with the JSON’s score for every rate', () => {
  for (const executed of [0, 20, 33.333333, 66.666666, 99.95, 99.94, 100]) {
    const { e, a } = project(executed, '已完成', '已完成');
    expect(e.executionScore! / 100).toBe(toSummary(a).projects[0].score);
  }
});
