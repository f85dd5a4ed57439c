/**
 * A project's parts are never counted twice. Offices list a project and then its parts under it —
 * 1.1/1.2 under 1, (1)/（1）/① under a numbered project, 其中：… rows, or indented rows — and the
 * parent is the project: the parts are checked against it (PARTS_MISMATCH), written with their own
 * rate in their own row, and kept out of every total.
 */
import type { CellValue } from '../../src/core';
import { applyPlanToSnapshot, buildReport, toSummary } from '../../src/core';
import { book, codes, fundsSheet, issuesOf, paymentsSheet, run, valueAt } from '../helpers/snap';

const SEQ = ['序号', '项目名称', '全年预算数', '执行数'];

describe('parts numbered 1.1, 1.2 under project 1', () => {
  const rows: CellValue[][] = [
    ['1', '大数据专项', 300, 240],
    ['1.1', '平台运维', 100, 90],
    ['1.2', '数据治理', 200, 150],
    ['2', '人才项目', 50, 50],
    [null, '合计', 350, 290],
  ];

  it('the total is 350 万元 (the project and 人才项目), not 650 with the parts counted again', () => {
    const a = run(book(fundsSheet(rows, SEQ)));
    expect(a.model!.projects.map((p) => p.name)).toEqual(['大数据专项', '人才项目']);
    expect(a.results!.total.budget).toBe(350_0000_00n);
    expect(a.results!.total.executed).toBe(290_0000_00n);
    expect(a.results!.total.rateText).toBe('83%');
    // The 合计 row is right, and is not called wrong for leaving the parts out.
    expect(codes(a)).not.toContain('TOTAL_ROW_MISMATCH');
    expect(codes(a)).not.toContain('PARTS_MISMATCH');
  });

  it('each part gets its own rate in its own row, and a note saying it is in its project', () => {
    const a = run(book(fundsSheet(rows, SEQ)));
    const out = applyPlanToSnapshot({ sheets: [fundsSheet(rows, SEQ)] }, a.plan);
    expect(valueAt(out, '项目资金!E3')).toBe('执行率');
    expect(valueAt(out, '项目资金!E4')).toBe(0.8);
    expect(valueAt(out, '项目资金!E5')).toBe(0.9);
    expect(valueAt(out, '项目资金!E6')).toBe(0.75);
    expect(valueAt(out, '项目资金!F5')).toBe('“大数据专项”的分项，已含在其数字中，不另计入合计。');
  });

  it('the JSON lists the parts under their project, and not as projects', () => {
    const s = toSummary(run(book(fundsSheet(rows, SEQ))));
    expect(s.projects.map((p) => p.name)).toEqual(['大数据专项', '人才项目']);
    expect(s.projects[0].parts).toEqual([
      { name: '平台运维', cell: '项目资金!B5', how: 'numbered', budgetYuan: 1_000_000, executedYuan: 900_000, rate: 0.9, rateText: '90%' },
      { name: '数据治理', cell: '项目资金!B6', how: 'numbered', budgetYuan: 2_000_000, executedYuan: 1_500_000, rate: 0.75, rateText: '75%' },
    ]);
    expect(s.projects[1].parts).toBeUndefined();
    expect(s.totals).toMatchObject({ projectCount: 2, budgetYuan: 3_500_000, executedYuan: 2_900_000 });
  });

  it('the report counts two projects and prints the corrected total', () => {
    const text = buildReport(run(book(fundsSheet(rows, SEQ))), book(fundsSheet(rows, SEQ))).paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('350万元');
    expect(text).not.toContain('650');
    expect(text).not.toContain('平台运维');
  });

  it('parts that do not add up are PARTS_MISMATCH at the project’s cell, naming the parts’ cells; the total keeps the project’s figure', () => {
    const wrong = rows.map((r) => [...r]);
    wrong[2] = ['1.2', '数据治理', 190, 150];
    const a = run(book(fundsSheet(wrong, SEQ)));
    const m = issuesOf(a, 'PARTS_MISMATCH');
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ severity: 'error', cell: '项目资金!C4', cells: ['项目资金!C4', '项目资金!C5', '项目资金!C6'] });
    expect(m[0].message).toBe('项目“大数据专项”的全年预算数300万元与其下2个分项（项目资金!C5:C6）之和290万元不符（相差10万元）。分项不另计入合计，合计按本行的300万元计算。请核对本行或各分项。');
    expect(m[0].messageEn).toContain('its 2 parts (项目资金!C5:C6)');
    expect(a.results!.total.budget).toBe(350_0000_00n);
  });

  it('numbers typed as numbers (1, 1.1, 1.2) are read the same way', () => {
    const numeric = rows.map((r, i) => [[1, 1.1, 1.2, 2, null][i], ...r.slice(1)]);
    const a = run(book(fundsSheet(numeric, SEQ)));
    expect(a.model!.projects.map((p) => p.name)).toEqual(['大数据专项', '人才项目']);
    expect(a.results!.total.budget).toBe(350_0000_00n);
  });

  it('numbering written before the name (1.大数据专项 / 1.1平台运维) is read the same way', () => {
    const inName: CellValue[][] = [
      ['1.大数据专项', 300, 240],
      ['1.1平台运维', 100, 90],
      ['1.2 数据治理', 200, 150],
      ['2.人才项目', 50, 50],
    ];
    const a = run(book(fundsSheet(inName)));
    expect(a.model!.projects.map((p) => p.name)).toEqual(['1.大数据专项', '2.人才项目']);
    expect(a.results!.total.budget).toBe(350_0000_00n);
  });

  it('parts numbered with hyphens (1-1, １－２) are read the same way', () => {
    const hyphens = rows.map((r, i) => [['1', '1-1', '１－２', '2', null][i], ...r.slice(1)]);
    const a = run(book(fundsSheet(hyphens, SEQ)));
    expect(a.model!.parts.map((p) => p.name)).toEqual(['平台运维', '数据治理']);
    expect(a.results!.total.budget).toBe(350_0000_00n);
  });

  it('parts of parts (1.1.1 under 1.1) are checked against their own parent', () => {
    const deep: CellValue[][] = [
      ['1', '大数据专项', 300, 240],
      ['1.1', '平台运维', 100, 90],
      ['1.1.1', '硬件', 60, 50],
      ['1.1.2', '软件', 30, 40],
      ['1.2', '数据治理', 200, 150],
    ];
    const a = run(book(fundsSheet(deep, SEQ)));
    expect(a.results!.total.budget).toBe(300_0000_00n);
    expect(issuesOf(a, 'PARTS_MISMATCH').map((i) => i.cell)).toEqual(['项目资金!C5']);
    expect(issuesOf(a, 'PARTS_MISMATCH')[0].message).toContain('分项“平台运维”的全年预算数100万元与其下2个分项（项目资金!C6:C7）之和90万元不符');
    expect(toSummary(a).projects[0].parts![0].parts!.map((p) => p.name)).toEqual(['硬件', '软件']);
  });
});

describe('parts numbered (1), （2）, ① under a numbered project', () => {
  it('（1）/(2) under 1 are its parts; ① under (1) is a part of the part', () => {
    const rows: CellValue[][] = [
      [1, '大数据专项', 300, 240],
      ['（1）', '平台运维', 100, 90],
      ['①', '硬件', 100, 90],
      ['(2)', '数据治理', 200, 150],
      [2, '人才项目', 50, 50],
      ['(1)', '引才补贴', 50, 50],
    ];
    const a = run(book(fundsSheet(rows, SEQ)));
    expect(a.model!.projects.map((p) => p.name)).toEqual(['大数据专项', '人才项目']);
    expect(a.model!.parts.map((p) => [p.name, p.parent.kind, p.project])).toEqual([
      ['平台运维', 'project', 0],
      ['硬件', 'part', 0],
      ['数据治理', 'project', 0],
      ['引才补贴', 'project', 1],
    ]);
    expect(a.results!.total.budget).toBe(350_0000_00n);
    expect(codes(a)).not.toContain('PARTS_MISMATCH');
  });

  it('a list numbered (1), (2), (3) from the start, under no numbered project, is a list of projects', () => {
    const rows: CellValue[][] = [
      ['(1)', '网站运维', 30, 30],
      ['(2)', '机房改造', 20, 10],
      ['(3)', '数字乡村', 50, 40],
    ];
    const a = run(book(fundsSheet(rows, SEQ)));
    expect(a.model!.projects).toHaveLength(3);
    expect(a.model!.parts).toHaveLength(0);
    expect(a.results!.total.budget).toBe(100_0000_00n);
  });

  it('projects (1), (2) under a group heading with its sums (一、州本级 | 300) stay projects: the heading is the total', () => {
    const rows: CellValue[][] = [
      ['一、', '州本级', 300, 200],
      ['(1)', '网站运维', 100, 50],
      ['(2)', '数字乡村', 200, 150],
      ['二、', '上级资金', 80, 80],
      ['(1)', '云资源', 80, 80],
    ];
    const a = run(book(fundsSheet(rows, SEQ)));
    expect(a.model!.projects.map((p) => p.name)).toEqual(['网站运维', '数字乡村', '云资源']);
    expect(a.results!.total.budget).toBe(380_0000_00n);
    expect(codes(a)).not.toContain('TOTAL_ROW_MISMATCH');
  });

  it('a numbered title row with no amounts over its parts is a heading: the parts are the projects', () => {
    const rows: CellValue[][] = [
      ['1', '大数据专项', null, null],
      ['1.1', '平台运维', 100, 90],
      ['1.2', '数据治理', 200, 150],
      ['2', '人才项目', 50, 50],
    ];
    const a = run(book(fundsSheet(rows, SEQ)));
    // 2 人才项目 is the title's sibling, not under it.
    expect(a.model!.projects.map((p) => [p.name, p.subgroup])).toEqual([
      ['平台运维', '大数据专项'],
      ['数据治理', '大数据专项'],
      ['人才项目', undefined],
    ]);
    expect(a.results!.total.budget).toBe(350_0000_00n);
    expect(codes(a)).not.toContain('MISSING_REQUIRED');
  });

  it('such a title ends no total: a heading’s sums above it and a 小计 below cover its parts and its siblings', () => {
    const rows: CellValue[][] = [
      ['（一）', '大数据专项', 350, 290],
      ['1', '平台类', null, null],
      ['1.1', '平台运维', 100, 90],
      ['1.2', '数据治理', 200, 150],
      ['2', '人才项目', 50, 50],
      [null, '小计', 350, 290],
    ];
    const a = run(book(fundsSheet(rows, SEQ)));
    expect(a.model!.projects.map((p) => [p.name, p.subgroup])).toEqual([
      ['平台运维', '平台类'],
      ['数据治理', '平台类'],
      ['人才项目', '大数据专项'],
    ]);
    expect(a.results!.totalRows.map((t) => t.projects.length)).toEqual([3, 3]);
    expect(codes(a)).not.toContain('TOTAL_ROW_MISMATCH');
  });
});

describe('a project row that leaves an amount empty, with numbered parts that give it', () => {
  const rows: CellValue[][] = [
    ['1', '大数据专项', 300, null],
    ['1.1', '平台运维', 100, 90],
    ['1.2', '数据治理', 200, 150],
  ];

  it('takes the parts’ sum, says so at the empty cell, and is not called empty', () => {
    const a = run(book(fundsSheet(rows, SEQ)));
    expect(a.results!.projects[0].executed).toBe(240_0000_00n);
    expect(a.results!.projects[0].rateText).toBe('80%');
    const s = issuesOf(a, 'PARTS_SUMMED');
    expect(s.map((i) => [i.severity, i.cell])).toEqual([['info', '项目资金!D4']]);
    expect(s[0].message).toBe('项目“大数据专项”的执行数未填写，按其下2个分项（项目资金!D5:D6）之和240万元计算。如不对，请在本格填写该项目的执行数。');
    expect(codes(a)).not.toContain('EXECUTED_EMPTY');
  });

  it('a budget left empty too: no MISSING_REQUIRED when the parts give it', () => {
    const noBudget = rows.map((r, i) => (i === 0 ? ['1', '大数据专项', null, 240] : r));
    const a = run(book(fundsSheet(noBudget, SEQ)));
    expect(a.results!.total.budget).toBe(300_0000_00n);
    expect(codes(a)).not.toContain('MISSING_REQUIRED');
  });

  it('but not from parts that leave it empty as well', () => {
    const partial = [rows[0], ['1.1', '平台运维', 100, 90], ['1.2', '数据治理', 200, null]];
    const a = run(book(fundsSheet(partial, SEQ)));
    expect(codes(a)).not.toContain('PARTS_SUMMED');
    expect(codes(a)).toContain('EXECUTED_EMPTY');
    expect(a.results!.projects[0].executed).toBe(0n);
  });
});

describe('其中 rows', () => {
  it('其中：平台运维 is part of the project above it; 其中 items may add up to less', () => {
    const rows: CellValue[][] = [
      ['大数据专项', 300, 240],
      ['其中：平台运维', 100, 90],
      ['人才项目', 50, 50],
    ];
    const a = run(book(fundsSheet(rows)));
    expect(a.model!.projects.map((p) => p.name)).toEqual(['大数据专项', '人才项目']);
    expect(a.model!.parts.map((p) => [p.name, p.how])).toEqual([['平台运维', 'qizhong']]);
    expect(a.results!.total.budget).toBe(350_0000_00n);
    expect(codes(a)).not.toContain('PARTS_MISMATCH');
  });

  it('其中 items that add up to more than the project are PARTS_MISMATCH', () => {
    const rows: CellValue[][] = [
      ['大数据专项', 300, 240],
      ['其中：平台运维', 200, 190],
      ['　　　数据治理', 150, 60],
      ['人才项目', 50, 50],
    ];
    const a = run(book(fundsSheet(rows)));
    expect(a.model!.parts.map((p) => p.name)).toEqual(['平台运维', '数据治理']);
    const m = issuesOf(a, 'PARTS_MISMATCH');
    expect(m.map((i) => i.cell)).toEqual(['项目资金!B4', '项目资金!C4']);
    expect(m[0].message).toBe('项目“大数据专项”的全年预算数300万元小于其中所列2项（项目资金!B5:B6）之和350万元（多出50万元）。“其中”各项是本行的一部分，不能超过本行；合计按本行的300万元计算。请核对本行或“其中”各项。');
    expect(a.results!.total.budget).toBe(350_0000_00n);
  });

  it('其中 rows under a 合计 row break the total down: they are no projects', () => {
    const rows: CellValue[][] = [
      ['网站运维', 100, 80],
      ['数字乡村', 200, 150],
      ['合计', 300, 230],
      ['其中：财政拨款', 250, null],
      ['其中：上年结转', 50, null],
    ];
    const a = run(book(fundsSheet(rows)));
    expect(a.model!.projects.map((p) => p.name)).toEqual(['网站运维', '数字乡村']);
    expect(a.model!.parts.map((p) => [p.name, p.parent.kind])).toEqual([
      ['财政拨款', 'total'],
      ['上年结转', 'total'],
    ]);
    expect(a.results!.total.budget).toBe(300_0000_00n);
    expect(codes(a)).not.toContain('TOTAL_ROW_MISMATCH');
    expect(codes(a)).not.toContain('PARTS_MISMATCH');
    const over = run(book(fundsSheet([...rows.slice(0, 3), ['其中：财政拨款', 310, null]])));
    expect(issuesOf(over, 'PARTS_MISMATCH').map((i) => i.cell)).toEqual(['项目资金!B6']);
  });
});

describe('indented rows with no number', () => {
  it('whose budgets add up to the row above are its parts, and an info issue says so', () => {
    const rows: CellValue[][] = [
      ['大数据专项', 300, 240],
      ['  平台运维', 100, 90],
      ['  数据治理', 200, 150],
      ['人才项目', 50, 50],
    ];
    const a = run(book(fundsSheet(rows)));
    expect(a.results!.total.budget).toBe(350_0000_00n);
    const i = issuesOf(a, 'PARTS_ASSUMED');
    expect(i.map((x) => [x.severity, x.cell])).toEqual([['info', '项目资金!A4']]);
    expect(i[0].message).toContain('第5–6行缩进列在“大数据专项”之下，预算数之和等于该项目的300万元，按该项目的组成部分处理');
  });

  it('whose budgets do not add up stay projects, with a warning that they may be counted twice', () => {
    const rows: CellValue[][] = [
      ['大数据专项', 300, 240],
      ['  平台运维', 100, 90],
      ['  数据治理', 150, 150],
      ['人才项目', 50, 50],
    ];
    const a = run(book(fundsSheet(rows)));
    expect(a.model!.projects).toHaveLength(4);
    expect(a.results!.total.budget).toBe(600_0000_00n);
    const i = issuesOf(a, 'PARTS_UNCLEAR');
    expect(i.map((x) => [x.severity, x.cell])).toEqual([['warning', '项目资金!A4']]);
    expect(i[0].message).toContain('已按独立项目计入合计。如它们是“大数据专项”的组成部分，请在序号列写 1.1、1.2');
  });

  it('under a title row with no amounts they are simply the projects', () => {
    const rows: CellValue[][] = [
      ['大数据专项', null, null],
      ['  平台运维', 100, 90],
      ['  数据治理', 200, 150],
    ];
    const a = run(book(fundsSheet(rows)));
    expect(a.model!.projects.map((p) => p.name)).toEqual(['平台运维', '数据治理']);
    expect(codes(a)).not.toContain('PARTS_ASSUMED');
    expect(codes(a)).not.toContain('PARTS_UNCLEAR');
    expect(codes(a)).not.toContain('MISSING_REQUIRED');
  });
});

describe('how deep a row is indented', () => {
  it('parts indented deeper than a project that is itself indented are still its parts', () => {
    const rows: CellValue[][] = [
      [' 大数据专项', 300, 240],
      ['     平台运维', 100, 90],
      ['     数据治理', 200, 150],
      [' 人才项目', 50, 50],
    ];
    const a = run(book(fundsSheet(rows)));
    expect(a.model!.projects.map((p) => p.name)).toEqual(['大数据专项', '人才项目']);
    expect(a.results!.total.budget).toBe(350_0000_00n);
  });

  it('one stray space is a typo, not an indent: no warning, the row is a project', () => {
    const rows: CellValue[][] = [
      ['网站运维', 30, 30],
      [' 机房改造', 20, 10],
    ];
    const a = run(book(fundsSheet(rows)));
    expect(a.model!.projects).toHaveLength(2);
    expect(codes(a)).not.toContain('PARTS_UNCLEAR');
  });
});

describe('items typed plainly under a bare 其中： label', () => {
  it('are the project’s parts as far as their budgets reach its budget; the next row is a project again', () => {
    const rows: CellValue[][] = [
      ['大数据专项', 300, 240],
      ['其中：', null, null],
      ['平台运维', 100, 90],
      ['数据治理', 200, 150],
      ['人才项目', 50, 50],
    ];
    const a = run(book(fundsSheet(rows)));
    expect(a.model!.projects.map((p) => p.name)).toEqual(['大数据专项', '人才项目']);
    expect(a.results!.total.budget).toBe(350_0000_00n);
    expect(codes(a)).not.toContain('PARTS_UNCLEAR');
  });

  it('when no run of them reaches it they are projects, with a warning at the label', () => {
    const rows: CellValue[][] = [
      ['大数据专项', 300, 240],
      ['其中：', null, null],
      ['平台运维', 100, 90],
      ['数据治理', 150, 150],
      ['人才项目', 80, 50],
    ];
    const a = run(book(fundsSheet(rows)));
    expect(a.model!.projects).toHaveLength(4);
    const w = issuesOf(a, 'PARTS_UNCLEAR');
    expect(w.map((i) => [i.severity, i.cell])).toEqual([['warning', '项目资金!A5']]);
    expect(w[0].message).toContain('已按独立项目计入合计。如它们是“大数据专项”的组成部分');
  });
});

describe('payments booked to a part', () => {
  it('count for its project', () => {
    const a = run(
      book(
        fundsSheet(
          [
            ['1', '大数据专项', 300, null],
            ['1.1', '平台运维', 100, null],
            ['1.2', '数据治理', 200, null],
          ],
          SEQ,
        ),
        paymentsSheet([
          ['2023-03-01', 'V1', '平台运维', 900000],
          ['2023-05-01', 'V2', '数据治理', 1500000],
          ['2023-06-01', 'V3', '大数据专项', 100000],
        ]),
      ),
      { fiscalYear: 2023 },
    );
    expect(a.results!.projects[0].executed).toBe(250_0000_00n);
    expect(codes(a)).not.toContain('PAYMENT_UNKNOWN_PROJECT');
    expect(a.results!.total.rateText).toBe('83%');
  });
});
