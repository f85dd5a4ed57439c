import { chineseNumeral, compressCells, numberOutline, type OutlineNode } from '../../src/core';

const t = (text: string) => [{ text, kind: 'text' as const }];

describe('numbering', () => {
  it('writes Chinese numerals as documents do', () => {
    expect([1, 9, 10, 11, 15, 20, 21, 99, 100, 101, 110, 1010].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '十五', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '一千零一十']);
  });

  it('labels headings by depth and items with （n）, each parent counting from one', () => {
    const outline: OutlineNode[] = [
      {
        kind: 'heading',
        runs: t('甲'),
        children: [
          { kind: 'heading', runs: t('乙'), children: [{ kind: 'item', runs: t('a') }, { kind: 'item', runs: t('b') }] },
          { kind: 'heading', runs: t('丙'), children: [{ kind: 'body', runs: t('说明') }, { kind: 'heading', runs: t('丁'), children: [{ kind: 'heading', runs: t('戊'), children: [] }] }] },
        ],
      },
      { kind: 'heading', runs: t('己'), children: [] },
    ];
    expect(numberOutline(outline).map((p) => [p.style, p.text])).toEqual([
      ['heading1', '一、甲'],
      ['heading2', '（一）乙'],
      ['listItem', '（1）a'],
      ['listItem', '（2）b'],
      ['heading2', '（二）丙'],
      ['body', '说明'],
      // 丁 and 戊 are their parents' only headings: no lone "1." or "（1）".
      ['heading3', '丁'],
      ['heading4', '戊'],
      ['heading1', '二、己'],
    ]);
  });

  it('restarts a list at （1） after a paragraph, and makes a list of one an ordinary paragraph', () => {
    const outline: OutlineNode[] = [
      { kind: 'item', runs: t('a') },
      { kind: 'item', runs: t('b') },
      { kind: 'body', runs: t('另一组') },
      { kind: 'item', runs: t('c') },
      { kind: 'item', runs: t('d') },
      { kind: 'body', runs: t('第三组') },
      { kind: 'item', runs: t('e') },
    ];
    expect(numberOutline(outline).map((p) => [p.style, p.text])).toEqual([
      ['listItem', '（1）a'],
      ['listItem', '（2）b'],
      ['body', '另一组'],
      ['listItem', '（1）c'],
      ['listItem', '（2）d'],
      ['body', '第三组'],
      ['body', 'e'],
    ]);
  });

  it('gives thirteen sections （十三）, not （一三）', () => {
    const many: OutlineNode[] = Array.from({ length: 13 }, (_, i) => ({ kind: 'heading' as const, runs: t(String(i)), children: [] }));
    const labels = numberOutline([{ kind: 'heading', runs: t('x'), children: many }]).map((p) => p.label);
    expect(labels.slice(-3)).toEqual(['（十一）', '（十二）', '（十三）']);
  });
});

describe('source cells written compactly', () => {
  it('merges consecutive rows of a column, keeps order of first appearance and passes ranges through', () => {
    expect(compressCells(['项目资金!G13', '项目资金!G14', '项目资金!G15', '项目资金!K13', '项目资金!G17', '支付明细!H3:H5', '项目资金!G16'])).toBe('项目资金!G13:G17,项目资金!K13,支付明细!H3:H5');
    expect(compressCells(["'预算表（2023）'!B3", "'预算表（2023）'!B4"])).toBe("'预算表（2023）'!B3:B4");
    expect(compressCells([])).toBe('');
  });
});
