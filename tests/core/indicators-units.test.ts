/**
 * Percentages, counts and amounts are scored alike; a unit that differs between target and actual is
 * not scored and says so at the actual's cell. A percentage cell holds a fraction (95% is 0.95), and a
 * bare number takes the other value's (or the 计量单位 column's) unit.
 */
import { formatScore } from '../../src/core';
import { evaluationOf, issueCells, runIndicators } from './indicators-fixture';

function scored(target: string | number, actual: string | number, header?: (string | number)[], measure?: string) {
  const row = measure === undefined ? ['运维项目', '产出指标', '数量指标', '指标', target, actual] : ['运维项目', '产出指标', '数量指标', '指标', measure, target, actual];
  const a = runIndicators([row], header ? { header } : {});
  const s = evaluationOf(a, '运维项目').indicators[0];
  return { score: s.score === undefined ? '—' : formatScore(s.score), working: s.working, issues: issueCells(a).filter((c) => !c.startsWith('INDICATOR_KIND_MISSING')), analysis: a };
}

it('a count against a different count unit is not scored, and the issue names both units at the actual cell', () => {
  const r = scored('≥800次', '819个');
  expect(r.score).toBe('—');
  expect(r.issues).toEqual(['INDICATOR_UNIT_MISMATCH 绩效指标!F3']);
  expect(r.analysis.issues.find((i) => i.code === 'INDICATOR_UNIT_MISMATCH')!.message).toBe('指标“指标”的实际完成值“819个”与年度指标值“≥800次”单位不同（个与次），未评分。请用同一单位填写。');
  expect(evaluationOf(r.analysis, '运维项目').total).toBeUndefined();
});

it('amounts in 亿元 and 万元 are not converted: they differ', () => {
  expect(scored('≥3亿元', '15000万元').issues).toEqual(['INDICATOR_UNIT_MISMATCH 绩效指标!F3']);
  expect(scored('≥1亿元', '1.67亿元').score).toBe('50.00');
  expect(scored('≥3亿元', '1.5亿元').score).toBe('25.00');
});

it('words after the unit are no part of it: 819次运维 is 819 次', () => {
  expect(scored('≥800次', '819次运维').score).toBe('50.00');
  expect(scored('90%以上', '知晓率81%').working).toBe('50×min(81/90,1)=45.00');
});

it('a percentage cell (0.95, shown as 95%) is read as 95% against a percentage target', () => {
  expect(scored('≥90%', 0.95).score).toBe('50.00');
  expect(scored('≥98%', 0.95)).toMatchObject({ score: '48.47', working: '50×min(95/98,1)=48.47' });
  expect(scored(0.98, '95%').working).toBe('50×min(95/98,1)=48.47');
});

it('a bare number takes the other side’s unit', () => {
  expect(scored('≥800次', 819).score).toBe('50.00');
  expect(scored('≥800次', '400').score).toBe('25.00');
});

it('a 计量单位 column gives bare numbers their unit', () => {
  const header = ['项目名称', '一级指标', '二级指标', '三级指标', '计量单位', '年度指标值', '实际完成值'];
  expect(scored(800, 400, header, '次')).toMatchObject({ score: '25.00', issues: [] });
  expect(scored(800, '400个', header, '次').issues).toEqual(['INDICATOR_UNIT_MISMATCH 绩效指标!G3']);
});
