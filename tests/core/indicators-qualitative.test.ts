/**
 * A qualitative target (按期完成, 达标, 有效提升) is judged by its actual, in this order: 未/没有/否 → 0
 * (so 未完成 is 0 though it contains 完成); 基本/部分 → half (基本完成 is not full); a statement that it
 * was met (达到/完成/达标/合格/是/已 …) → full; anything else is left for the staff's own score.
 */
import { formatScore, judge } from '../../src/core';
import { evaluationOf, issueCells, runIndicators } from './indicators-fixture';

function scored(target: string, actual: string) {
  const a = runIndicators([['运维项目', '产出指标', '时效指标', '完成时限', target, actual]]);
  const s = evaluationOf(a, '运维项目').indicators[0];
  return { score: s.score === undefined ? '—' : formatScore(s.score), method: s.method, working: s.working, issues: issueCells(a).filter((c) => !c.startsWith('INDICATOR_KIND_MISSING')), analysis: a };
}

describe('the order of the words', () => {
  it.each([
    ['未完成', '0.00'],
    ['未达到', '0.00'],
    ['没有完成', '0.00'],
    ['否', '0.00'],
    ['部分未完成', '0.00'],
    ['不达标', '0.00'],
    ['不是', '0.00'],
    ['不满足要求', '0.00'],
  ])('%s scores 0, though it may contain 完成 or 达到', (actual, score) => {
    expect(scored('按期完成', actual)).toMatchObject({ score, method: 'qualitative', issues: [] });
  });

  it.each(['基本完成', '部分完成', '基本达标'])('%s scores half, not full', (actual) => {
    expect(scored('按期完成', actual)).toMatchObject({ score: '25.00', working: `“${actual}”：50×50%=25.00` });
  });

  it.each(['已完成', '完成', '达到', '达标', '合格', '是', '已按期完成验收', '全部完成'])('%s scores full', (actual) => {
    expect(scored('按期完成', actual).score).toBe('50.00');
  });

  it('an actual written as its target was met', () => {
    expect(scored('有效提升', '有效提升').score).toBe('50.00');
  });

  it('half of an odd 分值 is rounded half-up: half of 16.67 is 8.34', () => {
    const a = runIndicators([
      ['运维项目', '产出指标', '时效指标', '甲', '按期完成', '基本完成'],
      ['', '', '', '乙', '按期完成', '已完成'],
      ['', '', '', '丙', '按期完成', '已完成'],
    ]);
    expect(evaluationOf(a, '运维项目').indicators.map((s) => formatScore(s.score!))).toEqual(['8.34', '16.67', '16.66']);
  });
});

describe('what is not judged', () => {
  it('an actual that says neither is not scored: a warning at its cell asks for plain words or the staff’s own score', () => {
    const r = scored('有效提升', '正在推进');
    expect(r).toMatchObject({ score: '—', method: 'not-scored', issues: ['INDICATOR_NOT_SCORED 绩效指标!F3'] });
    expect(r.analysis.issues.find((i) => i.code === 'INDICATOR_NOT_SCORED')!.message).toBe(
      '指标“完成时限”的实际完成值“正在推进”无法自动判断是否达到年度指标值“有效提升”，未评分。请写明完成情况（如“已完成”“基本完成”“未完成”或数值），或在绩效自评表中填写得分。',
    );
  });

  it('no complaint received is no shortfall: 未收到投诉 is not scored 0, and with 已完成 it is full', () => {
    expect(scored('无投诉', '未收到投诉').score).toBe('—');
    expect(scored('按期完成', '已完成，未发生安全事故').score).toBe('50.00');
  });

  it('a numeric target with an actual in words is judged by the words', () => {
    expect(scored('100%', '全部完成').score).toBe('50.00');
    expect(scored('≥10个', '未完成').score).toBe('0.00');
    expect(scored('≥10个', '进行中').issues).toEqual(['INDICATOR_NOT_SCORED 绩效指标!F3']);
  });

  it('dates in a target make it no quantity: 2023年12月底前 is judged by the words of the actual', () => {
    expect(scored('2023年12月底前完成', '已于11月完成').score).toBe('50.00');
  });
});

it('judge() alone, in order', () => {
  expect(['未完成', '基本完成', '完成', '正在推进', '', '是'].map((t) => judge(t) ?? '—')).toEqual(['zero', 'half', 'full', '—', '—', 'full']);
});
