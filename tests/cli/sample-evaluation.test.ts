/**
 * `jixiao report SAMPLE --json` on the sample's 绩效指标 sheet (drawn from the reference report): each
 * project's evaluation with totals computed by hand from the national method.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Summary } from '../../src/core';
import { SAMPLE, cli } from '../helpers/cli';
import { scratchDir } from './sim-fs';

describe('the sample’s evaluation in the JSON summary', () => {
  const dir = scratchDir();
  let summary: Summary;
  beforeAll(async () => {
    const json = path.join(dir, 'summary.json');
    const r = await cli(['report', SAMPLE, '-o', path.join(dir, 'out.xlsx'), '--json', json]);
    expect(r.code).toBe(0);
    summary = JSON.parse(readFileSync(json, 'utf8')) as Summary;
  });
  const evaluation = (name: string) => summary.projects.find((p) => p.name === name)!.evaluation;

  it('reads the 绩效指标 sheet with no indicator issue', () => {
    expect(summary.indicatorsTable).toBe('绩效指标!A2:I88');
    expect(summary.issues.filter((i) => i.code.startsWith('INDICATOR_'))).toEqual([]);
    expect(summary.projects.every((p) => p.evaluation.indicators.length >= 3)).toBe(true);
  });

  it('2022年省大数据发展专项资金: 2.78 + 25 + 8.25 + 15 + 10 = 61.03, 中', () => {
    // 10 × 20/72 = 2.777… → 2.78; two 产出 indicators share 50: 3个 of ≥3个 → 25, 33% of 100% → 25 × 0.33 = 8.25;
    // 效益 "基本完成绩效目标" → half of 30; 满意度 100% of ≥90% → 10.
    const e = evaluation('2022年省大数据发展专项资金(第二批项目)');
    expect(e.indicators.map((i) => [i.name, i.weight, i.score])).toEqual([
      ['支持项目数', 25, 25],
      ['项目验收完成率', 25, 8.25],
      ['推动企业数字化发展', 30, 15],
      ['企业满意度', 10, 10],
    ]);
    expect(e.indicators[1].working).toBe('25×min(33/100,1)=8.25');
    expect(e.indicators[1].deviation).toContain('已申请延期验收');
    expect([e.executionScore, e.executionWorking, e.indicatorScore, e.total, e.grade]).toEqual([2.78, '10×min(20/72,1)=2.78', 58.25, 61.03, '中']);
  });

  it('2023年省大数据发展专项资金: 9 + 25 + 12.5 + 30 + 10 = 86.50, 良', () => {
    const e = evaluation('2023年省大数据发展专项资金(第二批项目)');
    expect(e.indicators.map((i) => i.score)).toEqual([25, 12.5, 30, 10]);
    expect([e.executionScore, e.total, e.grade]).toEqual([9, 86.5, '良']);
  });

  it('州委大楼网络运维: 819 of ≥800 次, 35 of ≥30 次 and 0 complaints (≤1) share 50 as 16.67/16.67/16.66 — 100, 优', () => {
    const e = evaluation('州委大楼网络运维外包服务经费');
    expect(e.indicators.slice(0, 3).map((i) => [i.weight, i.working])).toEqual([
      [16.67, '16.67×min(819/800,1)=16.67'],
      [16.67, '16.67×min(35/30,1)=16.67'],
      [16.66, '16.66（0≤1）=16.66'],
    ]);
    expect([e.total, e.grade]).toEqual([100, '优']);
  });

  it('兑现2021年大数据产业政策缺口经费: 36 of ≥30 个 projects, 37.2% of ≥35%, 55 of ≥50 jobs — 10 each of 效益 30', () => {
    const e = evaluation('兑现2021年大数据产业政策缺口经费');
    expect(e.indicators.filter((i) => i.kind === 'benefit').map((i) => [i.actual, i.weight, i.score])).toEqual([
      ['36个', 10, 10],
      ['37.2%', 10, 10],
      ['55个', 10, 10],
    ]);
  });

  it('29.99 of 30 scores 10 × 0.99967 = 9.9967 → 10.00 for 预算执行率, and two 满意度 indicators share its 10 as 5 + 5', () => {
    const e = evaluation('黔南州数字中台数字乡村及数据治理项目工作经费');
    expect([e.executionScore, e.executionWorking]).toEqual([10, '10×min(29.99/30,1)=10.00']);
    expect(e.indicators.filter((i) => i.kind === 'satisfaction').map((i) => i.weight)).toEqual([5, 5]);
  });

  it('the 年度总体目标 comes with each project', () => {
    expect(evaluation('州委大楼网络运维外包服务经费').goal).toEqual({
      expected: '保障州委大楼局域网网络和计算机软硬件正常运行。',
      achieved: '开展州委大楼网络、计算机软硬件运维服务次数819次，视频会议保障35次，按需现场实时响应，服务满意度高，未收到投诉。',
    });
  });
});
