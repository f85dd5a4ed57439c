/**
 * Which project a payment (支付明细) is booked to — src/core/match.ts, one rule a test: by the code
 * when the funds table has it, else by the name; a part of a project (1.1 under 1, 其中：… under it)
 * answers for its project by its own code or name, but never takes a payment from a project of that
 * name; a 其中 row under a 小计/合计 belongs to no project. Funds in 万元 (rows from 4), payments in
 * 元 (rows from 2).
 */
import { book, fundsSheet, issuesOf, paymentsSheet } from '../helpers/snap';
import { runAndWrite } from './rules-fixture';

const PAY_CODED = ['支付日期', '支付凭证号', '预算项目编码', '预算项目名称', '支付金额(元)'];
const BUDGET_ONLY = ['项目名称', '全年预算数'];
const executed = (w: ReturnType<typeof runAndWrite>) => w.analysis.results!.projects.map((r, i) => `${w.analysis.model!.projects[i].name} ${r.executed}`);
const unknown = (w: ReturnType<typeof runAndWrite>) => issuesOf(w.analysis, 'PAYMENT_UNKNOWN_PROJECT').map((i) => `${i.cell} ${i.message}`);

describe('a payment booked to a part of a project', () => {
  const funds = fundsSheet(
    [
      ['1', 'A01', '大数据专项', 300],
      ['1.1', 'A01-1', '平台运维', 100],
      ['1.2', '', '数据治理', 200],
      ['2', 'A02', '人才项目', 50],
    ],
    ['序号', '项目编码', '项目名称', '全年预算数'],
  );

  it('by the part’s code alone counts for its project (90 of 300 万元 → 30%)', () => {
    const w = runAndWrite(book(funds, paymentsSheet([['2023-03-01', 'V1', 'A01-1', '', 900000]], PAY_CODED)));
    expect(unknown(w)).toEqual([]);
    expect(executed(w)).toEqual(['大数据专项 90000000', '人才项目 0']);
    expect(w.cell('执行率', '大数据专项')).toBe(0.3);
  });

  it('by the part’s name with no code counts for its project, once', () => {
    const w = runAndWrite(book(funds, paymentsSheet([['2023-03-01', 'V1', '', '数据治理', 1500000], ['2023-03-02', 'V2', 'A01-1', '平台运维', 300000]], PAY_CODED)));
    expect(unknown(w)).toEqual([]);
    expect(executed(w)).toEqual(['大数据专项 180000000', '人才项目 0']);
    expect(w.cell('执行率', '大数据专项')).toBe(0.6);
  });

  it('a code the table does not have, with a part’s name: the clash is said against the part’s own code and row, or its project’s when it has none', () => {
    const w = runAndWrite(book(funds, paymentsSheet([['2023-03-01', 'V1', 'A01-9', '平台运维', 900000], ['2023-03-02', 'V2', 'A01-9', '数据治理', 100000]], PAY_CODED)));
    expect(unknown(w)).toEqual([
      '支付明细!C2 支付的项目编码“A01-9”与同名分项“平台运维”的编码“A01-1”不一致（项目资金!C5），该笔支付未计入。请核对编码。',
      '支付明细!C3 支付的项目编码“A01-9”与同名分项“数据治理”所属项目“大数据专项”的编码“A01”不一致（项目资金!C4），该笔支付未计入。请核对编码。',
    ]);
    expect(issuesOf(w.analysis, 'PAYMENT_UNKNOWN_PROJECT').map((i) => i.messageEn)).toEqual([
      'The payment\'s project code "A01-9" differs from code "A01-1" of the part of the same name (项目资金!C5); the payment is not counted. Check the code.',
      'The payment\'s project code "A01-9" differs from code "A01" of project "大数据专项", whose part has the same name (项目资金!C4); the payment is not counted. Check the code.',
    ]);
    expect(executed(w)).toEqual(['大数据专项 0', '人才项目 0']);
    // A part's own code decides even when its project has none.
    const own = runAndWrite(book(fundsSheet([['1', '', '大数据专项', 300], ['1.1', 'A01-1', '平台运维', 300]], ['序号', '项目编码', '项目名称', '全年预算数']), paymentsSheet([['2023-03-01', 'V1', 'A01-9', '平台运维', 900000]], PAY_CODED)));
    expect(unknown(own)).toEqual(['支付明细!C2 支付的项目编码“A01-9”与同名分项“平台运维”的编码“A01-1”不一致（项目资金!C5），该笔支付未计入。请核对编码。']);
    expect(executed(own)).toEqual(['大数据专项 0']);
  });
});

describe('a part never takes a payment from a project', () => {
  it('a part named like a project above it: the payment is the project’s', () => {
    const w = runAndWrite(
      book(
        fundsSheet(
          [
            ['1', '网站运维', 100],
            ['2', '数字乡村', 200],
            ['2.1', '网站运维', 120],
            ['2.2', '宣传', 80],
          ],
          ['序号', '项目名称', '全年预算数'],
        ),
        paymentsSheet([['2023-03-01', 'V1', '网站运维', 500000]]),
      ),
    );
    expect(executed(w)).toEqual(['网站运维 50000000', '数字乡村 0']);
    expect(w.cell('执行率', '网站运维')).toBe(0.5);
    expect(w.cell('执行率', '数字乡村')).toBe(0);
  });

  it('a 其中 row under a 小计 belongs to no project, and does not hide a project’s part of the same name', () => {
    const w = runAndWrite(
      book(
        fundsSheet(
          [
            ['网站运维', 100],
            ['小计', 100],
            ['其中：运维费', 100],
            ['数字乡村', 200],
            ['其中：运维费', 50],
          ],
          BUDGET_ONLY,
        ),
        paymentsSheet([['2023-03-01', 'V1', '运维费', 500000]]),
      ),
    );
    expect(w.analysis.model!.parts.map((p) => `${p.name} ${p.parent.kind} ${p.project}`)).toEqual(['运维费 total undefined', '运维费 project 1']);
    expect(unknown(w)).toEqual([]);
    expect(executed(w)).toEqual(['网站运维 0', '数字乡村 50000000']);
    expect(w.cell('执行率', '数字乡村')).toBe(0.25);
  });
});

describe('by name when the code says nothing', () => {
  it('a payment with no code, or a code the funds table does not have for a project without a code, is matched by its name', () => {
    const w = runAndWrite(
      book(
        fundsSheet([['A01', '网站运维', 10], ['', '宣传', 5]], ['项目编码', '项目名称', '全年预算数']),
        paymentsSheet([['2023-03-01', 'V1', '', '网站运维', 20000], ['2023-03-02', 'V2', 'B09', '宣传', 10000]], PAY_CODED),
      ),
    );
    expect(unknown(w)).toEqual([]);
    expect(executed(w)).toEqual(['网站运维 2000000', '宣传 1000000']);
    expect(w.cell('执行率', '网站运维')).toBe(0.2);
    expect(w.cell('执行率', '宣传')).toBe(0.2);
  });
});

describe('a payment for no project, in Chinese and in English', () => {
  it('names its code only, its name only, or both — at the code cell when it has a code', () => {
    const w = runAndWrite(
      book(
        fundsSheet([['A01', '网站运维', 10]], ['项目编码', '项目名称', '全年预算数']),
        paymentsSheet(
          [
            ['2023-03-01', 'V1', 'A09', '', 10000],
            ['2023-03-02', 'V2', '', '网站运营', 10000],
            ['2023-03-03', 'V3', 'A09', '网站运营', 10000],
          ],
          PAY_CODED,
        ),
      ),
    );
    expect(unknown(w)).toEqual([
      '支付明细!C2 支付的项目编码“A09”在项目资金表中找不到，该笔支付未计入。请更正为资金表中的项目，或在资金表中补上该项目。',
      '支付明细!D3 支付的项目名称“网站运营”在项目资金表中找不到，该笔支付未计入。请更正为资金表中的项目，或在资金表中补上该项目。',
      '支付明细!C4 支付的项目编码“A09”、名称“网站运营”在项目资金表中找不到，该笔支付未计入。请更正为资金表中的项目，或在资金表中补上该项目。',
    ]);
    expect(issuesOf(w.analysis, 'PAYMENT_UNKNOWN_PROJECT').map((i) => i.messageEn)).toEqual([
      'No project with code "A09" in the funds table; the payment is not counted. Correct it to a project of the funds table, or add the project there.',
      'No project with name "网站运营" in the funds table; the payment is not counted. Correct it to a project of the funds table, or add the project there.',
      'No project with code "A09", name "网站运营" in the funds table; the payment is not counted. Correct it to a project of the funds table, or add the project there.',
    ]);
    expect(executed(w)).toEqual(['网站运维 0']);
  });
});
