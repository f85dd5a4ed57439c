import { formatExact, formatRounded, parseAmount, parseDate, sumFen, formatIsoDate, fenToYuanNumber } from '../../src/core';

const fen = (v: unknown, unit: 'yuan' | 'wan' = 'wan') => {
  const p = parseAmount(v, unit);
  return p.ok ? p.fen : p.reason;
};

describe('amounts are read exactly, in 分', () => {
  it('reads numbers in 万元 to the 分: 52.848469 万元 is 52,848,469 分', () => {
    expect(fen(52.848469)).toBe(52_848_469n);
    expect(fen(810.334)).toBe(810_334_000n);
    expect(fen(0.1 + 0.2)).toBe(300_000n);
  });
  it('reads numbers in 元: 528484.69 元 is 52,848,469 分', () => {
    expect(fen(528484.69, 'yuan')).toBe(52_848_469n);
  });
  it('reads text with thousands separators', () => {
    expect(fen('1,175,164.20', 'yuan')).toBe(117_516_420n);
    expect(fen('1,234.5.6', 'yuan')).toBe('text');
    expect(fen('12,34', 'yuan')).toBe('text');
  });
  it('reads full-width digits: ８１０.３３４ 万元', () => {
    expect(fen('８１０.３３４')).toBe(810_334_000n);
    expect(fen('１，２３４．５０', 'yuan')).toBe(123_450n);
  });
  it('honours a unit written in the cell over the table unit', () => {
    expect(fen('85.6万元', 'yuan')).toBe(85_600_000n);
    expect(fen('856000元', 'wan')).toBe(85_600_000n);
    expect(fen('12万', 'yuan')).toBe(12_000_000n);
    expect(fen('￥1,000.00', 'yuan')).toBe(100_000n);
  });
  it('reads parentheses and a minus as negative', () => {
    expect(fen('(1,000.50)', 'yuan')).toBe(-100_050n);
    expect(fen('-3.2')).toBe(-3_200_000n);
    expect(fen('（５）')).toBe(-5_000_000n);
    expect(fen('-(5)')).toBe('text');
  });
  it('refuses words, formula errors and absurd sizes instead of guessing', () => {
    expect(fen('待定')).toBe('text');
    expect(fen('#DIV/0!')).toBe('formula-error');
    expect(fen('#REF!')).toBe('formula-error');
    expect(fen(1e20)).toBe('out-of-range');
    expect(fen('')).toBe('empty');
    expect(fen(null)).toBe('empty');
    expect(fen(true)).toBe('text');
    expect(fen(Number.NaN)).toBe('text');
  });
  it('reads -0 as zero and rounds sub-分 amounts half-up, saying so', () => {
    expect(fen(-0)).toBe(0n);
    const p = parseAmount('1.005', 'yuan');
    expect(p.ok && p.fen).toBe(101n);
    expect(p.ok && p.rounded).toBe(true);
  });
  it('sums ten thousand payments of 0.01 元 to exactly 100 元', () => {
    const parts = Array.from({ length: 10_000 }, () => (parseAmount(0.01, 'yuan') as { fen: bigint }).fen);
    expect(sumFen(parts)).toBe(10_000n);
    expect(fenToYuanNumber(sumFen(parts))).toBe(100);
  });
  it('prints amounts with the source precision, or rounded: 2.588 → 2.59, 85.60 → 85.6', () => {
    expect(formatExact(52_848_469n, 'wan')).toBe('52.848469');
    expect(formatExact(85_600_000n, 'wan')).toBe('85.6');
    expect(formatExact(72_000_000n, 'wan')).toBe('72');
    expect(formatRounded(2_588_000n, 'wan', 2)).toBe('2.59');
    expect(formatRounded(1_565_610_469n, 'wan', 2)).toBe('1565.61');
    expect(formatRounded(85_600_000n, 'wan', 2, false)).toBe('85.60');
    expect(formatExact(-100_050n, 'yuan')).toBe('-1000.5');
  });
});

describe('dates', () => {
  const iso = (v: unknown) => {
    const d = parseDate(v);
    return d.ok ? formatIsoDate(d.serial) : d.reason;
  };
  it('reads serials, 2023-10-09, 2023/11/3, 2023年6月15日 and 2023.6.15', () => {
    expect(iso(45208)).toBe('2023-10-09');
    expect(iso(45208.75)).toBe('2023-10-09');
    expect(iso('2023-10-09')).toBe('2023-10-09');
    expect(iso('2023/11/3')).toBe('2023-11-03');
    expect(iso('2023年6月15日')).toBe('2023-06-15');
    expect(iso('２０２３年６月１５日')).toBe('2023-06-15');
    expect(iso('2023.6.15')).toBe('2023-06-15');
    expect(iso('20230615')).toBe('2023-06-15');
    expect(iso(20230615)).toBe('2023-06-15');
    expect(iso('2023-10-09 14:30:00')).toBe('2023-10-09');
    expect(iso('2023-10-09T00:00:00.000Z')).toBe('2023-10-09');
  });
  it('refuses dates that do not exist and garbage', () => {
    expect(iso('2023-02-30')).toBe('no-such-date');
    expect(iso('2023-13-01')).toBe('no-such-date');
    expect(iso('2024-02-29')).toBe('2024-02-29');
    expect(iso('下周一')).toBe('text');
    expect(iso('#N/A')).toBe('formula-error');
    expect(iso(-5)).toBe('text');
  });
});
