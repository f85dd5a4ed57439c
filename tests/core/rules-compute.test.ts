/**
 * The note written beside a 其中 part says what it is part of — the 合计 row (“该行”) or a project
 * (“其”), a 其中 row (其中项) or a numbered sub-item (分项) — and a 小计 typed for a whole funding group,
 * with no 项目类别 beside it, covers every project of the group, whatever their 项目类别.
 */
import { book, fundsSheet, sheet } from '../helpers/snap';
import { runAndWrite } from './rules-fixture';

describe('the note of a 其中 part', () => {
  it('a 其中 row under the 合计 row is “其中项” of that row, “已含在该行数字中”', () => {
    const w = runAndWrite(
      book(
        fundsSheet([
          ['网站运维', 100, 60],
          ['数据中台', 50, 20],
          ['合计', 150, 80],
          ['其中：上级资金', 90, 50],
        ]),
      ),
    );
    expect(w.cell('偏差说明', '其中：上级资金')).toBe('“合计”行的其中项，已含在该行数字中，不另计入合计。');
    expect(w.cell('执行率', '其中：上级资金')).toBeCloseTo(0.5556, 4); // 50 of 90 万元, shown 56%
  });

  it('a 其中 row under a project is “其中项” of the project, “已含在其数字中”', () => {
    const w = runAndWrite(
      book(
        fundsSheet([
          ['大数据专项', 300, 240],
          ['其中：平台运维', 100, 90],
          ['人才项目', 50, 50],
        ]),
      ),
    );
    expect(w.cell('偏差说明', '其中：平台运维')).toBe('“大数据专项”的其中项，已含在其数字中，不另计入合计。');
    expect(w.cell('执行率', '其中：平台运维')).toBe(0.9);
  });

  it('a numbered 1.1 under project 1 is its “分项”, not a 其中项', () => {
    const w = runAndWrite(
      book(
        fundsSheet(
          [
            ['1', '大数据专项', 300, 240],
            ['1.1', '平台运维', 100, 90],
            ['1.2', '数据治理', 200, 150],
            ['2', '人才项目', 50, 50],
          ],
          ['序号', '项目名称', '全年预算数', '执行数'],
        ),
      ),
    );
    expect(w.cell('偏差说明', '平台运维')).toBe('“大数据专项”的分项，已含在其数字中，不另计入合计。');
    expect(w.cell('偏差说明', '数据治理')).toBe('“大数据专项”的分项，已含在其数字中，不另计入合计。');
  });
});

describe('a 小计 for a whole funding group', () => {
  const HEADER = ['资金类别', '项目类别', '项目名称', '全年预算数', '执行数'];
  const rows = (subtotal: number) => [
    HEADER,
    ['上级资金', '运转类', '甲', 10, 5],
    ['上级资金', '发展类', '乙', 30, 15],
    ['上级资金', '', '小计', subtotal, 20],
    ['州本级', '运转类', '丙', 20, 20],
  ];

  it('with no 项目类别 beside it covers 甲 (运转类) and 乙 (发展类): 40 万元, 50%, no mismatch', () => {
    const w = runAndWrite(book(sheet('项目资金', rows(40))));
    expect(w.analysis.model!.totals.map((t) => t.scope)).toEqual([{ kind: 'group', group: '上级资金', subgroup: undefined }]);
    expect(w.issues.filter((i) => i.startsWith('TOTAL_'))).toEqual([]);
    expect(w.analysis.results!.totalRows.map((t) => [t.name, t.rateText, t.budget, t.executed])).toEqual([['小计', '50%', 40_000_000n, 20_000_000n]]);
  });

  it('typed 50 万元 it is flagged against the sum of its 2 projects, 40 万元', () => {
    const w = runAndWrite(book(sheet('项目资金', rows(50))));
    const [i, ...rest] = w.analysis.issues.filter((x) => x.code === 'TOTAL_ROW_MISMATCH');
    expect(rest).toEqual([]);
    expect(i.cell).toBe('项目资金!D4');
    expect(i.message).toContain('与其所含2个项目之和40万元不符（相差10万元）');
  });
});
