/**
 * Properties (fast-check): the amount parser round-trips, sums are exact to the 分, the table finder
 * is indifferent to where and how the table sits, and the write plan stays in its own columns and is
 * idempotent. RUNS is reported in the closing note.
 */
import fc from 'fast-check';
import { PROPERTY_SEED } from '../helpers/property';
import { applyPlanToSnapshot, detectTables, formatExact, parseAmount, sumFen, type CellValue } from '../../src/core';
import { book, run, sheet } from '../helpers/snap';

const RUNS = 300;

/** An amount in 分 as a person might type it: 元 or 万元, separators or not, full- or half-width. */
function render(a: { fen: bigint; unit: 'yuan' | 'wan'; separators: boolean; fullWidth: boolean; suffix: boolean; parens: boolean }): string {
  const exact = formatExact(a.fen < 0n ? -a.fen : a.fen, a.unit);
  const [int, frac] = exact.split('.');
  const grouped = a.separators ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  let s = frac ? `${grouped}.${frac}` : grouped;
  if (a.suffix) s += a.unit === 'wan' ? '万元' : '元';
  if (a.fen < 0n) s = a.parens ? `(${s})` : `-${s}`;
  if (a.fullWidth) s = s.replace(/[0-9.,()\-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return s;
}

describe('amount parser', () => {
  it(`format(parse(x)) round-trips exactly for generated amounts (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        fc.record({ fen: fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), unit: fc.constantFrom('yuan' as const, 'wan' as const), separators: fc.boolean(), fullWidth: fc.boolean(), suffix: fc.boolean(), parens: fc.boolean() }),
        (a) => {
          const text = render(a);
          // A table in the other unit must still read the amount right when the cell names its own unit.
          const tableUnit = a.suffix ? (a.unit === 'wan' ? 'yuan' : 'wan') : a.unit;
          const p = parseAmount(text, tableUnit);
          expect(p.ok).toBe(true);
          if (!p.ok) return;
          expect(p.fen).toBe(a.fen);
          expect(p.rounded).toBe(false);
          expect(formatExact(p.fen, a.unit)).toBe(formatExact(a.fen, a.unit));
        },
      ),
      { numRuns: RUNS, seed: PROPERTY_SEED },
    );
  });

  it(`numbers as Excel stores them (doubles) read back to the 分 (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 13), max: 10 ** 13 }), fc.constantFrom('yuan' as const, 'wan' as const), (fen, unit) => {
        const asNumber = Number(formatExact(BigInt(fen), unit));
        const p = parseAmount(asNumber, unit);
        expect(p.ok && p.fen).toBe(BigInt(fen));
      }),
      { numRuns: RUNS, seed: PROPERTY_SEED },
    );
  });

  it(`sums of many generated amounts are exact to the 分 (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1, maxLength: 500 }), (fens) => {
        const parsed = fens.map((f) => parseAmount(Number(formatExact(BigInt(f), 'yuan')), 'yuan')).map((p) => (p.ok ? p.fen : -1n));
        expect(sumFen(parsed)).toBe(fens.reduce((s, f) => s + BigInt(f), 0n));
      }),
      { numRuns: RUNS, seed: PROPERTY_SEED },
    );
  });
});

const HEADER: Record<string, string> = { name: '项目名称', budget: '全年预算数', executed: '执行数', code: '项目编码', reason: '未完成原因' };

describe('table finder', () => {
  it(`finds a funds table at a random offset, under random title rows, in any column order (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }), // empty columns to the left
        fc.array(fc.constantFrom('2023年项目支出预算执行情况表', '填报单位：某局', '注：据一体化系统导出', ''), { maxLength: 8 }),
        fc.shuffledSubarray(Object.keys(HEADER), { minLength: Object.keys(HEADER).length }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 12 }), // data rows; true = a blank row
        (leftPad, titles, order, rowKinds) => {
          const pad = new Array<CellValue>(leftPad).fill('');
          const rows: CellValue[][] = titles.map((t) => [...pad, t]);
          rows.push([...pad, ...order.map((f) => HEADER[f])]);
          rowKinds.forEach((blank, i) => rows.push(blank ? [] : [...pad, ...order.map((f) => (f === 'name' ? `项目${i}` : f === 'code' ? `P${i}` : f === 'reason' ? '' : 10))]));
          const d = detectTables(book(sheet('表', rows)));
          expect(d.funds).toBeDefined();
          expect(d.funds!.headerRow).toBe(titles.length);
          for (const f of order) expect(d.funds!.columns[f as 'name']).toBe(leftPad + order.indexOf(f));
        },
      ),
      { numRuns: RUNS, seed: PROPERTY_SEED },
    );
  });
});

describe('write plan', () => {
  /** A random funds table with random user columns (notes, formulas) around it. */
  const workbook = fc.record({
    projects: fc.array(fc.record({ budget: fc.integer({ min: 0, max: 10_000 }), executed: fc.oneof(fc.integer({ min: 0, max: 12_000 }), fc.constant('待定'), fc.constant('')) }), { minLength: 1, maxLength: 25 }),
    hasRate: fc.boolean(),
    userColumns: fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
    strayNote: fc.option(fc.string({ minLength: 1, maxLength: 5 })),
    blankEvery: fc.integer({ min: 0, max: 5 }),
  });

  type Generated = typeof workbook extends fc.Arbitrary<infer T> ? T : never;

  function build(w: Generated) {
    const header = ['项目名称', '全年预算数', '执行数', ...(w.hasRate ? ['执行率'] : []), ...w.userColumns.map((_, i) => `备注${i}`)];
    const rows: CellValue[][] = [['单位：万元'], header];
    w.projects.forEach((p, i) => {
      if (w.blankEvery && i % w.blankEvery === w.blankEvery - 1) rows.push([]);
      rows.push([`项目${i}`, p.budget, p.executed, ...(w.hasRate ? ['=C/B'] : []), ...w.userColumns]);
    });
    // Something a person typed to the right of the table, below it: appended columns must avoid it.
    if (w.strayNote) rows.push([...new Array<CellValue>(header.length + 1).fill(''), w.strayNote]);
    return book(sheet('项目资金', rows));
  }

  it(`never writes outside its output columns, and twice equals once (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(workbook, (w) => {
        const before = build(w);
        const a = run(before);
        const after = applyPlanToSnapshot(before, a.plan);
        const output = new Set(a.plan.columns.map((c) => c.col));
        const s0 = before.sheets[0];
        const s1 = after.sheets[0];
        s0.values.forEach((row, r) =>
          row.forEach((v, c) => {
            if (!output.has(c + s0.left)) expect(s1.values[r + s0.top - s1.top][c + s0.left - s1.left]).toEqual(v);
          }),
        );
        // Appended columns were empty before.
        for (const col of a.plan.columns.filter((c) => c.appended)) {
          for (const row of s0.values) expect(row[col.col - s0.left] ?? '').toBe('');
        }
        const twice = applyPlanToSnapshot(after, run(after).plan);
        expect(twice).toEqual(after);
      }),
      { numRuns: RUNS, seed: PROPERTY_SEED },
    );
  });
});
