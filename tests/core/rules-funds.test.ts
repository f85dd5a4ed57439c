/**
 * Reading the funds table (src/core/read-funds.ts), one rule per fixture: which rows are projects and
 * which are totals, what projects each 小计/合计 row covers (above or below them, by its label, by the
 * group cell beside it, by an Excel table), headings with and without their group's sums, 其中 parts,
 * and the texts beside a project. Each assertion is what a user reads: the issue at its cell, the
 * rate written on a total's row, the group sums of the summary.
 */
import { toSummary } from '../../src/core';
import { book, fundsSheet, sheet } from '../helpers/snap';
import { runAndWrite } from './rules-fixture';

type W = ReturnType<typeof runAndWrite>;
/** The issues about total rows, as "CODE cell". */
const seen = (w: W) => w.issues.filter((i) => i.startsWith('TOTAL_'));
/** Each total row: its label, the rate written, and how many projects it was checked against. */
const totalRows = (w: W) => w.analysis.results!.totalRows.map((t) => `${t.name} ${t.rateText} ${t.budget}`);
const mismatches = (w: W) => w.analysis.issues.filter((i) => i.code === 'TOTAL_ROW_MISMATCH').map((i) => `${i.cell} ${i.message}`);

describe('which projects a total covers', () => {
  it('a heading’s sums cover every project under it, a 小计 among them included', () => {
    const w = runAndWrite(book(fundsSheet([['一、上级资金', 60, 40], ['甲', 10, 10], ['乙', 20, 10], ['小计', 30, 20], ['丙', 30, 20], ['二、本级资金', 5, 5], ['丁', 5, 5]])));
    expect(seen(w)).toEqual([]);
    expect(totalRows(w)).toEqual(['上级资金 67% 60000000', '小计 67% 30000000', '本级资金 100% 5000000']);
  });

  it('a 合计 right under the header covers the whole table, past a blank row', () => {
    const w = runAndWrite(book(fundsSheet([['合计', 30, 15], ['', '', ''], ['甲', 10, 5], ['乙', 20, 10]])));
    expect(seen(w)).toEqual([]);
    expect(w.cell('执行率', '合计')).toBe(0.5);
  });

  it('a 合计 right under the header covers the whole table, past the header printed again', () => {
    const w = runAndWrite(book(fundsSheet([['合计', 30, 15], ['项目名称', '全年预算数', '执行数'], ['甲', 10, 5], ['乙', 20, 10]])));
    expect(seen(w)).toEqual([]);
    expect(w.cell('执行率', '合计')).toBe(0.5);
  });

  it('a 合计 right under the header covers the whole table, past its own 其中 rows', () => {
    const w = runAndWrite(book(fundsSheet([['合计', 30, 15], ['其中：财政拨款', 25, ''], ['甲', 10, 5], ['乙', 20, 10]])));
    expect(seen(w)).toEqual([]);
    expect(w.cell('执行率', '合计')).toBe(0.5);
  });

  it('a 合计 right under a heading covers that heading’s projects, not the whole table', () => {
    const w = runAndWrite(book(fundsSheet([['一、上级资金', '', ''], ['合计', 30, 15], ['甲', 10, 5], ['乙', 20, 10], ['二、本级资金', '', ''], ['合计', 5, 5], ['丙', 5, 5]])));
    expect(seen(w)).toEqual([]);
    expect(totalRows(w)).toEqual(['合计 50% 30000000', '合计 100% 5000000']);
  });

  it('a 合计 at the bottom under a heading with no projects yet covers the whole table', () => {
    const w = runAndWrite(book(fundsSheet([['甲', 10, 5], ['乙', 20, 10], ['二、本级资金', '', ''], ['合计', 30, 15]])));
    expect(seen(w)).toEqual([]);
    expect(w.cell('执行率', '合计')).toBe(0.5);
  });

  it('a 小计 under a heading and a blank row covers the projects below it', () => {
    const w = runAndWrite(book(fundsSheet([['一、上级资金', '', ''], ['', '', ''], ['小计', 30, 15], ['甲', 10, 5], ['乙', 20, 10]])));
    expect(seen(w)).toEqual([]);
    expect(w.cell('执行率', '小计')).toBe(0.5);
  });

  it('a 合计 under a note row right under the header covers the whole table', () => {
    const w = runAndWrite(book(fundsSheet([['注：金额含追加预算', '', ''], ['合计', 30, 15], ['甲', 10, 5], ['乙', 20, 10]])));
    expect(seen(w)).toEqual([]);
    expect(w.cell('执行率', '合计')).toBe(0.5);
  });

  it('a 合计 right under the header, then headings, covers the whole table', () => {
    const w = runAndWrite(book(fundsSheet([['合计', 30, 15], ['一、上级资金', '', ''], ['甲', 10, 5], ['二、本级资金', '', ''], ['乙', 20, 10]])));
    expect(seen(w)).toEqual([]);
    expect(w.cell('执行率', '合计')).toBe(0.5);
  });

  it('a 小计 right under a heading covers the projects below it, up to the next heading', () => {
    const w = runAndWrite(book(fundsSheet([['一、上级资金', '', ''], ['小计', 30, 15], ['甲', 10, 5], ['乙', 20, 10], ['二、本级资金', '', ''], ['小计', 5, 5], ['丙', 5, 5]])));
    expect(seen(w)).toEqual([]);
    expect(totalRows(w)).toEqual(['小计 50% 30000000', '小计 100% 5000000']);
  });

  it('a total right under a total covers the same projects above it, not those below', () => {
    const w = runAndWrite(book(fundsSheet([['甲', 10, 5], ['乙', 20, 10], ['小计', 30, 15], ['合计', 30, 15], ['丙', 5, 5], ['总计', 35, 20]])));
    expect(seen(w)).toEqual([]);
    expect(totalRows(w)).toEqual(['小计 50% 30000000', '合计 50% 30000000', '总计 57% 35000000']);
  });

  it('a 合计 under a note row covers the projects above, not a table-wide sum', () => {
    const w = runAndWrite(book(fundsSheet([['甲', 10, 5], ['乙', 20, 10], ['小计', 30, 15], ['注：以下为追加项目', '', ''], ['合计', 30, 15], ['丙', 5, 5]])));
    expect(mismatches(w)).toEqual([]);
  });

  it('a 小计 named by its label covers that sub-group’s projects wherever they stand', () => {
    const HEADER = ['资金类别', '项目类别', '项目名称', '全年预算数', '执行数'];
    const rows = [
      ['上级资金', '运转类', '甲', 10, 5],
      ['上级资金', '发展类', '乙', 20, 10],
      ['上级资金', '运转类', '丙', 5, 5],
      ['', '', '运转类项目小计', 15, 10],
      ['', '', '发展小计', 20, 10],
      ['', '', '合计', 35, 20],
    ];
    const w = runAndWrite(book(sheet('项目资金', [HEADER, ...rows])));
    expect(seen(w)).toEqual([]);
    expect(totalRows(w)).toEqual(['运转类项目小计 67% 15000000', '发展小计 50% 20000000', '合计 57% 35000000']);
  });

  it('a 小计 beside a group cell that names no project’s group covers the projects above it', () => {
    const HEADER = ['资金类别', '项目名称', '全年预算数', '执行数'];
    const w = runAndWrite(book(sheet('项目资金', [HEADER, ['上级资金', '甲', 10, 5], ['上级资金', '乙', 20, 10], ['上级', '小计', 30, 15]])));
    expect(seen(w)).toEqual([]);
    expect(totalRows(w)).toEqual(['小计 50% 30000000']);
  });

  it('an Excel table’s totals row covers the rows of that Excel table only', () => {
    // The Excel table starts at 甲's row, taken as its header: its totals row covers 乙 and 丙.
    const s = sheet('项目资金', [['项目名称', '全年预算数', '执行数'], ['甲', 10, 5], ['乙', 20, 10], ['丙', 30, 15], ['汇总', 50, 25]]);
    s.tables = [{ name: 'T1', rect: { top: 1, left: 0, bottom: 4, right: 2 }, totalsRow: true }];
    const w = runAndWrite(book(s));
    expect(seen(w)).toEqual([]);
    expect(totalRows(w)).toEqual(['汇总 50% 50000000']);
  });

  it('a heading with its group’s sums gets the rate of those sums; a wrong one is flagged at its cell', () => {
    const right = runAndWrite(book(fundsSheet([['一、上级资金', 30, 15], ['甲', 10, 5], ['乙', 20, 10], ['二、本级资金', '', ''], ['丙', 5, 5]])));
    expect(seen(right)).toEqual([]);
    expect(right.cell('执行率', '一、上级资金')).toBe(0.5);
    expect(right.cell('执行率', '二、本级资金') ?? '').toBe('');
    const wrong = runAndWrite(book(fundsSheet([['一、上级资金', 40, 15], ['甲', 10, 5], ['乙', 20, 10]])));
    expect(mismatches(wrong)).toEqual(['项目资金!B4 “上级资金”行的全年预算数40万元与其下方2个项目之和30万元不符（相差10万元）。请核对合计公式或范围。']);
  });
});

describe('the project rows', () => {
  it('a project under a group cell keeps the sub-group above it when its own sub-group cell is empty', () => {
    const HEADER = ['资金类别', '项目类别', '项目名称', '全年预算数', '执行数'];
    const w = runAndWrite(book(sheet('项目资金', [HEADER, ['上级资金', '运转类', '甲', 10, 5], ['上级资金', '', '乙', 20, 10], ['本级资金', '', '丙', 5, 5]])));
    const lines = toSummary(w.analysis).groups.flatMap((g) => [g, ...(g.children ?? [])].map((x) => `${x.name}·${x.subgroup ?? ''} ${x.projectCount} ${x.rateText}`));
    expect(lines).toEqual(['上级资金· 2 50%', '上级资金·运转类 2 50%', '本级资金· 1 100%']);
  });

  it('a project with no name and no budget is asked for its budget as “（无名称）” / "(no name)"', () => {
    const w = runAndWrite(book(fundsSheet([['', '', 5], ['甲', 10, 5]])));
    const said = w.analysis.issues.filter((i) => i.code === 'MISSING_REQUIRED').map((i) => `${i.cell} ${i.message} | ${i.messageEn}`);
    expect(said).toContain('项目资金!B4 项目“（无名称）”没有填写全年预算数，无法计算执行率。请填写预算数。 | Project "(no name)" has no budget, so no rate can be computed. Fill in the budget.');
  });

  it('a project with parts and no budget anywhere is asked for its budget once its parts give none', () => {
    const w = runAndWrite(book(fundsSheet([['甲', '', 5], ['其中：设备', '', 3], ['其中：人员', '', 2], ['乙', 10, 5]])));
    expect(w.issues.filter((i) => i.startsWith('MISSING_REQUIRED'))).toEqual(['MISSING_REQUIRED 项目资金!B4']);
  });

  it('a wrong 合计 is flagged though every project’s figures are readable', () => {
    const w = runAndWrite(book(fundsSheet([['甲', 10, 5], ['乙', 20, 10], ['合计', 31, 15]])));
    expect(mismatches(w)).toEqual([expect.stringMatching(/^项目资金!B6 .*与其所含2个项目之和30万元不符（相差1万元）/)]);
  });

  it('a satisfaction typed as a number reads as a percentage; text, and numbers in other text columns, as typed', () => {
    const HEADER = ['项目名称', '全年预算数', '执行数', '满意度', '未完成原因'];
    const w = runAndWrite(book(fundsSheet([['甲', 10, 10, 0.95, 5], ['乙', 10, 10, 96, '无'], ['丙', 10, 10, '满意', ''], ['丁', 10, 10, 1, '']], HEADER)));
    const texts = w.analysis.model!.projects.map((p) => `${p.name} ${p.texts.satisfaction?.value} ${p.texts.reason?.value ?? ''}`);
    expect(texts).toEqual(['甲 95% 5', '乙 96% 无', '丙 满意 ', '丁 100% ']);
  });
});

describe('a project’s parts', () => {
  const SEQ = ['序号', '项目名称', '全年预算数', '执行数'];
  const partsIssues = (w: W) => w.analysis.issues.filter((i) => i.code === 'PARTS_MISMATCH').map((i) => i.cell);

  it('a part whose budget is 待定 leaves the project’s budget unchecked, not checked against the other parts alone', () => {
    const w = runAndWrite(book(fundsSheet([['1', '大数据专项', 300, 240], ['1.1', '平台运维', 100, 90], ['1.2', '数据治理', '待定', 150]], SEQ)));
    expect(partsIssues(w)).toEqual([]);
  });

  it('a part whose 执行数 is empty counts as 0 in its project’s check: 90 of 240 is flagged', () => {
    const w = runAndWrite(book(fundsSheet([['1', '大数据专项', 300, 240], ['1.1', '平台运维', 100, 90], ['1.2', '数据治理', 200, '']], SEQ)));
    expect(partsIssues(w)).toEqual(['项目资金!D4']);
  });

  it('a part’s formula with no value is said as a project row’s, not as a total row left unchecked', () => {
    const s = fundsSheet([['1', '大数据专项', 300, 240], ['1.1', '平台运维', 100, 90], ['1.2', '数据治理', 200, null]], SEQ);
    s.uncalculated = [{ row: 5, col: 3 }];
    const w = runAndWrite(book(s));
    const [i] = w.analysis.issues.filter((x) => x.code === 'FORMULA_NOT_CALCULATED');
    expect(i.cell).toBe('项目资金!D6');
    expect(i.message).not.toContain('合计行');
    expect(i.message).toContain('这些项目的执行率不计算（D6）');
  });

  it('其中 rows under a heading’s sums are that heading’s: their excess is named as the heading row’s', () => {
    const w = runAndWrite(book(fundsSheet([['一、上级资金', 30, 15], ['其中：专项', 40, ''], ['甲', 10, 5], ['乙', 20, 10]])));
    const m = w.analysis.issues.filter((i) => i.code === 'PARTS_MISMATCH').map((i) => `${i.cell} ${i.message}`);
    expect(m).toEqual(['项目资金!B4 “上级资金”行的全年预算数30万元小于其中所列1项（项目资金!B5）之和40万元（多出10万元）。“其中”各项是本行的一部分，不能超过本行；合计按本行的30万元计算。请核对本行或“其中”各项。']);
  });
});

