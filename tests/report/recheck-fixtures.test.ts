/**
 * Issue 12 A.1–A.4 held to real workbooks, not only to ones built for a rule: the sample (year end,
 * monitoring, two-decimal rates, another --year), a held-out monitoring workbook, layouts with an
 * 执行数 of 待定 and a header repeated in the body, and an indicators table of its own layout. Each
 * report is read as the 财政局 reads it, with the machine's clock set to a day it must never print.
 */
import { loadSnapshot } from '../../src/cli/main';
import type { ReportDocument, Settings } from '../../src/core';
import { reportOf, texts } from '../helpers/report';
import { SAMPLE } from '../helpers/cli';

const TODAY = '2026-12-01';

const CASES: { name: string; file: string; settings: Settings; asOf?: string }[] = [
  { name: 'the sample at year end', file: SAMPLE, settings: {} },
  { name: 'the sample as of 2023-07-31', file: SAMPLE, settings: { asOf: '2023-07-31' }, asOf: '截至7月31日' },
  { name: 'the sample with two-decimal rates', file: SAMPLE, settings: { rateDisplay: 'two-decimals' } },
  { name: 'the sample for --year 2024', file: SAMPLE, settings: { fiscalYear: 2024 } },
  { name: 'a held-out monitoring workbook', file: 'tests/fixtures/heldout/openpyxl-monitoring.xlsx', settings: { asOf: '2023-06-30' }, asOf: '截至6月30日' },
  { name: 'an 执行数 of 待定', file: 'tests/fixtures/layouts/tbd-executed.xlsx', settings: {} },
  { name: 'a header repeated in the body', file: 'tests/fixtures/layouts/header-repeated.xlsx', settings: {} },
  { name: 'an indicators table of another layout', file: 'tests/fixtures/indicators/reordered-merged.xlsx', settings: {} },
];

/** A cell address, a validator's "+ =" working, or an instruction meant for the clerk. */
const CLERK_NOTES = [/[^\s，。；：、（）【】]+![A-Z]{1,3}\d+/, /\s[+=]\s/, /请核对“/, /请填写金额/, /经校验/, /各列/, /请在.*填写/];

function withoutMarks(s: string): string {
  return s.replace(/【[^】]*】/g, '');
}

/** Sentences made only of the report's own words (no figure, no staff text): boilerplate, if repeated. */
function boilerplate(doc: ReportDocument): string[] {
  return doc.paragraphs.flatMap((p) => {
    const out: string[] = [];
    let sentence = '';
    let pure = true;
    for (const r of p.runs) {
      for (const ch of r.text) {
        sentence += ch;
        if (r.kind !== 'text') pure = false;
        if (ch === '。' || ch === '；') {
          if (pure && sentence.trim().length > 8) out.push(sentence.trim());
          sentence = '';
          pure = true;
        }
      }
    }
    return out;
  });
}

describe.each(CASES)('$name', ({ file, settings, asOf }) => {
  let doc: ReportDocument;
  let all: string;
  beforeAll(async () => {
    doc = reportOf(await loadSnapshot(file), { today: TODAY, ...settings }).doc;
    all = texts(doc).join('\n');
  });

  it('carries no clerk’s note, in the text or inside a mark', () => {
    for (const re of CLERK_NOTES) expect(withoutMarks(all)).not.toMatch(re);
    for (const m of all.match(/【[^】]*】/g) ?? []) for (const re of CLERK_NOTES) expect(m).not.toMatch(re);
  });

  it('prints no date or year from the machine’s clock, and signs with a date to fill in', () => {
    expect(all).not.toMatch(/2026/);
    expect(doc.paragraphs[doc.paragraphs.length - 1].text).toBe('【请填写：报告日期】');
  });

  it('names a monitoring period once in the body', () => {
    const generated = doc.paragraphs.map((p) => p.runs.filter((r) => r.kind !== 'staff').map((r) => r.text).join('')).join('\n');
    if (asOf) expect(generated.split(asOf)).toHaveLength(2);
    else expect(generated).not.toMatch(/截至\d+月\d+日/);
  });

  it('repeats no sentence of its own words, and says the overall figures once', () => {
    const own = boilerplate(doc);
    expect(own.filter((s, i) => own.indexOf(s) !== i)).toEqual([]);
    // The overall paid and rate (a lone group's line used to say them again).
    const overall = doc.paragraphs.find((p) => /项目共\d+个，全年预算数/.test(p.text))!.text;
    const paid = /已支付[\d.]+万元，执行率[\d.]+%/.exec(overall)![0];
    expect(all.split(paid)).toHaveLength(2);
  });

  it('numbers no heading or item alone, and starts each list at （1）', () => {
    const ps = doc.paragraphs;
    ps.forEach((p, i) => {
      if (p.level > 0 && p.label) {
        // A numbered heading has a sibling: another heading of its level before the parent's next one.
        const rest = ps.slice(i + 1);
        const end = rest.findIndex((q) => q.level > 0 && q.level < p.level);
        const siblings = (end < 0 ? rest : rest.slice(0, end)).filter((q) => q.level === p.level);
        const before = ps.slice(0, i).reverse();
        const start = before.findIndex((q) => q.level > 0 && q.level < p.level);
        const earlier = (start < 0 ? before : before.slice(0, start)).filter((q) => q.level === p.level);
        expect(siblings.length + earlier.length).toBeGreaterThan(0);
      }
      if (p.style === 'listItem' && ps[i - 1].style !== 'listItem') {
        expect(p.label).toBe('（1）');
        expect(ps[i + 1]?.style).toBe('listItem');
      }
    });
  });

  it('writes amounts in 万元 throughout a sentence', () => {
    for (const s of all.split(/[。\n；]/)) if (/万元/.test(s)) expect(withoutMarks(s)).not.toMatch(/\d元/);
  });
});
