import { formatExact, formatRounded, parseAmount, parseDate, sumFen, formatIsoDate, fenToYuanNumber, monthDay, periodName } from '../../src/core';

const fen = (v: unknown, unit: 'yuan' | 'wan' = 'wan') => {
  const p = parseAmount(v, unit);
  return p.ok ? p.fen : p.reason;
};

/** A date cell as the ISO date it reads as, or why it is none. */
const iso = (v: unknown, system: 1900 | 1904 = 1900) => {
  const d = parseDate(v, system);
  return d.ok ? formatIsoDate(d.serial) : d.reason;
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

describe('amounts at their edges: each guard of the parser proven by the value it exists for', () => {
  it('an empty cell is empty whether Office.js gives null or nothing at all', () => {
    expect(fen(undefined)).toBe('empty');
  });

  it('numbers JavaScript prints with an exponent are read as numbers, not as text: 5e-7 万元 is half a 分, rounded up and flagged', () => {
    // A formula such as =1/2000000 stores 5e-7; String() of it is "5e-7", which no amount pattern reads.
    expect(parseAmount(5e-7, 'wan')).toEqual({ ok: true, fen: 1n, rounded: true, unit: 'wan' });
    expect(parseAmount(1.5e-7, 'wan')).toEqual({ ok: true, fen: 0n, rounded: true, unit: 'wan' });
    expect(fen(1e21, 'yuan')).toBe('out-of-range');
  });

  it('a number finer than 1 分 is rounded half-up and flagged, positive or negative: 1.005 元 is 1.01 元', () => {
    expect(parseAmount(1.005, 'yuan')).toEqual({ ok: true, fen: 101n, rounded: true, unit: 'yuan' });
    expect(parseAmount(-1.005, 'yuan')).toEqual({ ok: true, fen: -101n, rounded: true, unit: 'yuan' });
    // Below half a 分 it goes down, still flagged.
    expect(parseAmount('1.004', 'yuan')).toEqual({ ok: true, fen: 100n, rounded: true, unit: 'yuan' });
  });

  it('one trillion 元 is the largest amount read; one 分 more is out of range, typed as a number or as text', () => {
    expect(fen(1e12, 'yuan')).toBe(100_000_000_000_000n);
    expect(fen(1_000_000_000_000.01, 'yuan')).toBe('out-of-range');
    expect(fen('1000000000000', 'yuan')).toBe(100_000_000_000_000n);
    expect(fen('1000000000000.01', 'yuan')).toBe('out-of-range');
    expect(fen(2e12, 'yuan')).toBe('out-of-range');
  });

  it('a unit or a currency sign with no digits is text, never 0; a leading decimal point is a number', () => {
    expect(fen('元', 'yuan')).toBe('text');
    expect(fen('¥', 'yuan')).toBe('text');
    expect(fen('.5', 'yuan')).toBe(50n);
  });

  it('a minus inside parentheses is no amount: (-5) is refused, not read as 5 or -5', () => {
    expect(fen('(-5)')).toBe('text');
  });
});

describe('amounts printed', () => {
  it('a negative amount under one 元 keeps its sign before the leading zero: -0.05', () => {
    expect(formatExact(-5n, 'yuan')).toBe('-0.05');
  });

  it('rounded printing drops trailing zeros unless asked to keep them, and never prints -0', () => {
    expect(formatRounded(85_600_000n, 'wan', 2)).toBe('85.6');
    expect(formatRounded(-2_588_000n, 'wan', 2)).toBe('-2.59');
    expect(formatRounded(-1_000n, 'wan', 2)).toBe('0'); // -0.001 万元 rounds to 0, not "-0"
    expect(formatRounded(5n, 'yuan', 2)).toBe('0.05');
    // More places than the unit holds: zeros added, not digits invented.
    expect(formatRounded(12_345n, 'yuan', 4, false)).toBe('123.4500');
  });
});

describe('dates at their edges', () => {
  it('leap years as the calendar has them: 2000 has 29 February, 1900 and 2100 do not', () => {
    expect(iso('2000-02-29')).toBe('2000-02-29');
    expect(iso('1900-02-29')).toBe('no-such-date');
    expect(iso('2100-02-29')).toBe('no-such-date');
  });

  it('month 0, day 0 and years before 1900 are no dates; 1 March 1900 and 31 December 9999 are', () => {
    expect(iso('2023-00-10')).toBe('no-such-date');
    expect(iso('2023-01-00')).toBe('no-such-date');
    expect(iso('1899-12-31')).toBe('no-such-date');
    expect(iso('1900-03-01')).toBe('1900-03-01');
    expect(iso('9999-12-31')).toBe('9999-12-31');
  });

  it('an empty or blank cell is empty (the payment is asked for its date), never "unreadable"', () => {
    expect(iso(null)).toBe('empty');
    expect(iso(undefined)).toBe('empty');
    expect(iso('   ')).toBe('empty');
    expect(iso(true)).toBe('text'); // a ticked checkbox in the date column is no date
    expect(iso(' 2023-10-09 ')).toBe('2023-10-09');
  });

  it('serials Excel can hold: from 61 (1 March 1900) to 2,958,465 (31 December 9999); 60 is the 29 February 1900 that never was', () => {
    expect(iso(60)).toBe('text');
    expect(iso(61)).toBe('1900-03-01');
    expect(iso(2_958_465)).toBe('9999-12-31');
    expect(iso(2_958_466)).toBe('text');
    expect(iso(Number.NaN)).toBe('text');
  });

  it('in the 1904 system serial 0 is 1 January 1904 and a negative serial is no date', () => {
    expect(iso(0, 1904)).toBe('1904-01-01');
    expect(iso(-1000, 1904)).toBe('text');
  });

  it('an eight-digit number is read as yyyymmdd (10000000 is no such date); a longer one is no date at all', () => {
    expect(iso(10_000_000)).toBe('no-such-date');
    expect(iso(123_456_789)).toBe('text');
  });

  it('a monitoring title names whole months at a month’s end and the exact day otherwise', () => {
    const serial = (s: string) => (parseDate(s) as { serial: number }).serial;
    expect(periodName(serial('2023-07-31'))).toBe('1-7月');
    expect(periodName(serial('2023-07-15'))).toBe('1月1日至7月15日');
    expect(periodName(serial('2024-02-29'))).toBe('1-2月');
    expect(periodName(serial('2024-02-28'))).toBe('1月1日至2月28日');
    expect(periodName(serial('2023-02-28'))).toBe('1-2月');
    expect(monthDay(serial('2023-12-31'))).toBe('12月31日');
  });
});
