/**
 * 分值: the table's own, else 产出 50, 效益 30, 满意度 10 split equally among the project's indicators
 * of that kind, the hundredths that do not divide going one each to the first indicators, so that a
 * kind's 分值 sum exactly to its share (50 over 3: 16.67 + 16.67 + 16.66).
 */
import { CellValue, formatScore, splitWeight } from '../../src/core';
import { evaluationOf, issueCells, runIndicators } from './indicators-fixture';

const met = (level1: string, n: number): CellValue[][] =>
  Array.from({ length: n }, (_, i) => [i === 0 && level1 === '产出指标' ? '运维项目' : '', i === 0 ? level1 : '', '', `${level1}${i + 1}`, '按期完成', '已完成']);

it('splits 50, 30 and 10 over 3, 2 and 3 indicators to the hundredth, in table order', () => {
  const a = runIndicators([...met('产出指标', 3), ...met('效益指标', 2), ...met('满意度指标', 3)]);
  const e = evaluationOf(a, '运维项目');
  expect(e.indicators.map((s) => formatScore(s.weight))).toEqual(['16.67', '16.67', '16.66', '15.00', '15.00', '3.34', '3.33', '3.33']);
  expect(e.indicators.every((s) => s.weightSource === 'default')).toBe(true);
  expect(e.byKind.map((k) => k.weight)).toEqual([5000, 3000, 1000]);
  expect([e.indicatorScore, e.total, e.grade]).toEqual([9000, 10000, '优']);
});

it.each([1, 2, 3, 6, 7, 9, 11, 13])('a share split over %i indicators sums exactly and no two parts differ by more than a hundredth', (n) => {
  for (const share of [5000, 3000, 1000]) {
    const parts = splitWeight(share, n);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(share);
    expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
    expect([...parts].sort((a, b) => b - a)).toEqual(parts);
  }
});

const WITH_WEIGHT = ['项目名称', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值'];

it('uses the table’s 分值 where given; the kind’s others share what is left of its default', () => {
  const a = runIndicators(
    [
      ['运维项目', '产出指标', '数量指标', '运维次数', '≥800次', '400次', 30],
      ['', '', '质量指标', '修复率', '≥95%', '95%', ''],
      ['', '效益指标', '社会效益', '保障运行', '有效保障', '已保障', '30分'],
      ['', '满意度指标', '服务对象满意度', '满意度', '≥90%', '90%', 10],
    ],
    { header: WITH_WEIGHT },
  );
  const e = evaluationOf(a, '运维项目');
  expect(e.indicators.map((s) => [formatScore(s.weight), s.weightSource, formatScore(s.score!)])).toEqual([
    ['30.00', 'table', '15.00'],
    ['20.00', 'default', '20.00'],
    ['30.00', 'table', '30.00'],
    ['10.00', 'table', '10.00'],
  ]);
  expect(issueCells(a)).toEqual([]);
  expect(e.total).toBe(1000 + 7500);
});

it('分值 that do not add up to 100 with 预算执行率 are used, with a warning at the first 分值', () => {
  const a = runIndicators(
    [
      ['运维项目', '产出指标', '数量指标', '运维次数', '≥800次', '819次', 40],
      ['', '效益指标', '社会效益', '保障运行', '有效保障', '已保障', 30],
      ['', '满意度指标', '服务对象满意度', '满意度', '≥90%', '90%', 15],
    ],
    { header: WITH_WEIGHT },
  );
  expect(a.issues.filter((i) => i.code === 'INDICATOR_WEIGHTS_TOTAL').map((i) => [i.cell, i.message])).toEqual([
    ['绩效指标!G3', '项目“运维项目”的分值合计为95分（含预算执行率10分），不是100分。请核对各指标的分值。'],
  ]);
  expect(evaluationOf(a, '运维项目').total).toBe(1000 + 8500);
});

it('a 分值 that is no number is reported and the default split applies', () => {
  const a = runIndicators(
    [
      ['运维项目', '产出指标', '数量指标', '运维次数', '≥800次', '819次', '五十'],
      ['', '效益指标', '社会效益', '保障运行', '有效保障', '已保障', ''],
      ['', '满意度指标', '服务对象满意度', '满意度', '≥90%', '90%', ''],
    ],
    { header: WITH_WEIGHT },
  );
  expect(issueCells(a)).toEqual(['INDICATOR_WEIGHT_INVALID 绩效指标!G3']);
  expect(evaluationOf(a, '运维项目').indicators.map((s) => formatScore(s.weight))).toEqual(['50.00', '30.00', '10.00']);
});
