/**
 * A held-out-style indicators table (tests/fixtures/indicators/reordered-merged.xlsx, written by
 * openpyxl — see scripts/make-indicator-fixture.py): project columns last and keyed by 项目编码, 一级
 * and 二级 merged, 分值 for one project only, a percentage cell. Its scores, worked out by hand:
 *
 *   智慧城市运维  执行 45/50 → 9.00; 产出 50 over 3: 16.67×20/24 = 13.89, 16.67 (12 ≥ 10), 16.66×2/3 = 11.11
 *                 (≤2小时, 3小时); 效益 基本实现 → 15.00; 满意度 0.9 = 90% ≥ 85% → 10.00.  总分 75.67 中
 *   数据共享平台  执行 80/80 → 10; 分值 20, 30, 30, 10: 20, 30×90/95 = 28.42, 30×80/100 = 24.00, 10.  总分 92.42 优
 *   人才培训      执行 12/20 → 6.00; 产出 25 + 25: 520 ≥ 500 人次 → 25, 未完成考核 → 0; 效益 已提升 → 30;
 *                 no 满意度 → 0 (warning).  总分 61.00 中
 *   A009          not in the funds table: an error, its indicator unscored.
 *
 * The command line and the Excel shell (on the simulated Excel, with and without merged-area support)
 * give the same evaluation.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze, toSummary, type Summary } from '../../src/core';
import { loadSnapshot } from '../../src/cli/main';
import { analyzeWorkbook } from '../../src/excel';
import { loadXlsxIntoFake } from '../../src/testing/fake-excel/load-xlsx';
import { TODAY, hostOf, strictFake } from '../excel/helpers';
import { cli, tempDir } from '../helpers/cli';

const FILE = path.join(__dirname, '..', 'fixtures', 'indicators', 'reordered-merged.xlsx');

describe('an indicators table in another layout, through the command line', () => {
  let summary: Summary;
  beforeAll(async () => {
    const dir = tempDir('jixiao-indicators-');
    const json = path.join(dir, 'summary.json');
    const r = await cli(['report', FILE, '-o', path.join(dir, 'out.xlsx'), '--json', json]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    summary = JSON.parse(readFileSync(json, 'utf8')) as Summary;
  });
  const evaluation = (name: string) => summary.projects.find((p) => p.name === name)!.evaluation;

  it('finds the table on 绩效目标表 and scores each project as worked out by hand', () => {
    expect(summary.indicatorsTable).toBe('绩效目标表!A2:I15');
    const table = summary.projects.map((p) => [p.name, p.evaluation.executionScore, p.evaluation.indicators.map((i) => i.score), p.evaluation.total, p.evaluation.grade]);
    expect(table).toEqual([
      ['智慧城市运维', 9, [13.89, 16.67, 11.11, 15, 10], 75.67, '中'],
      ['数据共享平台', 10, [20, 28.42, 24, 10], 92.42, '优'],
      ['人才培训', 6, [25, 0, 30], 61, '中'],
    ]);
  });

  it('carries merged 一级 and 二级 down, and keeps the table’s 分值 where it gives them', () => {
    expect(evaluation('智慧城市运维').indicators.map((i) => `${i.level1}/${i.level2}/${i.name} ${i.weight}`)).toEqual([
      '产出指标/数量指标/巡检次数 16.67',
      '产出指标/数量指标/维护站点数 16.67',
      '产出指标/时效指标/故障响应时间 16.66',
      '效益指标/社会效益/城市管理效率 30',
      '满意度指标/服务对象满意度/市民满意度 10',
    ]);
    expect(evaluation('数据共享平台').indicators.map((i) => [i.weightSource, i.weight])).toEqual([
      ['table', 20],
      ['table', 30],
      ['table', 30],
      ['table', 10],
    ]);
    expect(evaluation('智慧城市运维').indicators[0].deviation).toBe('汛期停检两次，已调整巡检计划');
    expect(evaluation('智慧城市运维').indicators[4]).toMatchObject({ actual: '90%', working: '10×min(90/85,1)=10.00' });
  });

  it('names the unknown project and the missing 满意度指标 at their cells, and nothing else about the indicators', () => {
    expect(summary.issues.filter((i) => i.code.startsWith('INDICATOR_')).map((i) => [i.code, i.severity, i.cell])).toEqual([
      ['INDICATOR_UNKNOWN_PROJECT', 'error', '绩效目标表!H15'],
      ['INDICATOR_KIND_MISSING', 'warning', '绩效目标表!A12'],
    ]);
    expect(summary.issues.find((i) => i.code === 'INDICATOR_UNKNOWN_PROJECT')!.message).toBe(
      '绩效指标表中的项目“已撤销项目”在项目资金表中找不到，其1个指标未评分。请把项目名称（或编码）改为与项目资金表一致。',
    );
  });
});

describe.each(['1.4', '1.13'])('the same workbook in Excel (ExcelApi %s)', (excelApi) => {
  it('gives the command line’s evaluation', async () => {
    const settings = { today: TODAY };
    const onCli = toSummary(analyze(await loadSnapshot(FILE), settings));
    const fake = strictFake(await loadXlsxIntoFake(FILE), { excelApi });
    const { analysis } = await analyzeWorkbook(hostOf(fake), settings);
    const inExcel = toSummary(analysis);
    expect(inExcel.projects.map((p) => p.evaluation)).toEqual(onCli.projects.map((p) => p.evaluation));
    expect(inExcel.issues).toEqual(onCli.issues);
    expect(inExcel.projects.map((p) => p.evaluation.total)).toEqual([75.67, 92.42, 61]);
  });
});
