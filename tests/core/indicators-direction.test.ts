/**
 * A numeric target's direction: ≥, 不低于, 不少于, 以上, 达到, = and a bare number are more-is-better
 * (分值 × min(实际/目标, 1)); ≤, 不高于, 不超过, 以内, 以下 are less-is-better (full marks when 实际 ≤
 * 目标, else 分值 × 目标/实际). One output indicator carries the whole 50 分.
 */
import { evaluationOf, runIndicators } from './indicators-fixture';
import { formatScore } from '../../src/core';

function scoreOf(target: string, actual: string | number): { score: string; working: string; method: string } {
  const a = runIndicators([['运维项目', '产出指标', '数量指标', '指标', target, actual]]);
  const s = evaluationOf(a, '运维项目').indicators[0];
  return { score: s.score === undefined ? '—' : formatScore(s.score), working: s.working, method: s.method };
}

describe('more is better', () => {
  it.each(['≥800次', '>=800次', '不低于800次', '不少于800次', '800次以上', '达到800次', '=800次', '800次', '800次及以上'])('%s, actual 400次: half the 分值', (target) => {
    expect(scoreOf(target, '400次')).toEqual({ score: '25.00', working: '50×min(400/800,1)=25.00', method: 'more-is-better' });
  });

  it('an actual above the target scores the 分值, never more', () => {
    expect(scoreOf('≥800次', '819次')).toEqual({ score: '50.00', working: '50×min(819/800,1)=50.00', method: 'more-is-better' });
  });

  it('the fraction is rounded once, half-up, to hundredths: 90/95 of 50 is 47.37', () => {
    expect(scoreOf('≥95%', '90%').score).toBe('47.37');
  });

  it('a score of exactly half a hundredth rounds up: 50 × 1/2000 = 0.025 → 0.03', () => {
    expect(scoreOf('≥2000元', '1元').score).toBe('0.03');
  });

  it('full-width digits, a full-width percent sign and thousands separators are read', () => {
    expect(scoreOf('≥９５％', '９０％').score).toBe('47.37');
    expect(scoreOf('不少于1,000个', '1,200个').score).toBe('50.00');
    expect(scoreOf('不少于1,000个', '500个').score).toBe('25.00');
  });

  it('a target of 0 is met by any actual', () => {
    expect(scoreOf('≥0次', '0次').score).toBe('50.00');
  });
});

describe('less is better', () => {
  it.each(['≤30分钟', '<=30分钟', '不高于30分钟', '不超过30分钟', '30分钟以内', '30分钟以下'])('%s: 20分钟 is full marks, 60分钟 half', (target) => {
    expect(scoreOf(target, '20分钟')).toEqual({ score: '50.00', working: '50（20≤30）=50.00', method: 'less-is-better' });
    expect(scoreOf(target, '60分钟')).toEqual({ score: '25.00', working: '50×30/60=25.00', method: 'less-is-better' });
  });

  it('exactly at the target is full marks; just over it is 分值 × 目标/实际', () => {
    expect(scoreOf('≤30分钟', '30分钟').score).toBe('50.00');
    expect(scoreOf('≤30分钟', '45分钟').score).toBe('33.33');
  });

  it('不超过 is read before 超过, and 不低于 before 低于', () => {
    expect(scoreOf('不超过10次', '20次').method).toBe('less-is-better');
    expect(scoreOf('超过10次', '5次').method).toBe('more-is-better');
    expect(scoreOf('不低于10次', '5次').method).toBe('more-is-better');
    expect(scoreOf('低于10次', '20次').method).toBe('less-is-better');
  });

  it('a target stating both directions, or a range, cannot be read', () => {
    expect(scoreOf('≥90%以下', '95%')).toEqual({ score: '—', working: '年度指标值无法识别，未评分', method: 'not-scored' });
    expect(scoreOf('不低于10次且不超过20次', '15次')).toEqual({ score: '—', working: '年度指标值无法识别，未评分', method: 'not-scored' });
  });
});
