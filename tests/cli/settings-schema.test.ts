/**
 * The settings schema (src/core/settings-schema.ts): each field's own example passes its own check,
 * the values a tired clerk types are refused with the field named, and the suggestion for a typo is
 * the word that was meant — or none when nothing is near.
 */
import { CONFIGURABLE_SETTINGS, SETTINGS_SCHEMA, checkIsoDate, checkMapping, checkSettings, closestWord, editDistance } from '../../src/core';

describe('every field', () => {
  it.each(CONFIGURABLE_SETTINGS)('%s: its documented example is valid, and a settings file holding it is accepted as is', (field) => {
    const example = JSON.parse(SETTINGS_SCHEMA[field].example);
    expect(SETTINGS_SCHEMA[field].check(example, field)).toEqual({ ok: true, value: example });
    expect(checkSettings({ [field]: example })).toEqual({ ok: true, value: { [field]: example } });
  });

  it('all at once, and an empty file', () => {
    const all = Object.fromEntries(CONFIGURABLE_SETTINGS.map((k) => [k, JSON.parse(SETTINGS_SCHEMA[k].example)]));
    expect(checkSettings(all)).toEqual({ ok: true, value: all });
    expect(checkSettings({})).toEqual({ ok: true, value: {} });
  });

  it('a file that is not an object', () => {
    for (const v of [[], null, 'x', 3]) expect(checkSettings(v)).toMatchObject({ ok: false, problems: [{ path: '' }] });
  });
});

describe('values refused, each naming its field', () => {
  it.each([
    [{ fiscalYear: 'abc' }, 'fiscalYear', '应为 1900–9999 之间的整数，如 2023，收到 "abc"'],
    [{ fiscalYear: 2023.5 }, 'fiscalYear', '应为 1900–9999 之间的整数'],
    [{ fiscalYear: 1899 }, 'fiscalYear', '应为 1900–9999 之间的整数'],
    [{ asOf: '2023-02-29' }, 'asOf', '2023-02-29 不是真实存在的日期'],
    [{ asOf: '2023-7-31' }, 'asOf', '应为 YYYY-MM-DD 格式的日期'],
    [{ asOf: 20230731 }, 'asOf', '应为 YYYY-MM-DD 格式的日期'],
    [{ rateDisplay: 'Whole' }, 'rateDisplay', '只能是 whole 或 two-decimals，收到 "Whole"（您是否想写 whole？）'],
    [{ progressMethod: 'weeks' }, 'progressMethod', '只能是 days 或 months'],
    [{ reasonThreshold: -0.1 }, 'reasonThreshold', '应为 0 到 1 之间的数'],
    [{ reasonThreshold: 'abc' }, 'reasonThreshold', '应为 0 到 1 之间的数（如 0.9 表示 90%），收到 "abc"'],
    [{ reasonThreshold: 85 }, 'reasonThreshold', '（85% 应写作 0.85）'],
    [{ mapping: { funds: { unit: '万元' } } }, 'mapping.funds.unit', '只能是 yuan 或 wan，收到 "万元"'],
    [{ mapping: { funds: { sheet: '' } } }, 'mapping.funds.sheet', '应为工作表名称'],
    [{ mapping: { funds: { columns: { budget: 'XFE' } } } }, 'mapping.funds.columns.budget', '应为列字母'],
    [{ mapping: { payments: { columns: { amout: 'H' } } } }, 'mapping.payments.columns.amout', '您是否想写 amount？'],
  ])('%j', (input, path, zh) => {
    const r = checkSettings(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].path).toBe(path);
    expect(r.problems[0].zh).toContain(zh);
    expect(r.problems[0].en.length).toBeGreaterThan(10);
  });

  it('accepts what is plainly meant: "2023" as a year, a column letter in lower case', () => {
    expect(checkSettings({ fiscalYear: '2023' })).toEqual({ ok: true, value: { fiscalYear: 2023 } });
    expect(checkMapping({ funds: { columns: { budget: 'g', executed: null } } })).toEqual({ ok: true, value: { funds: { columns: { budget: 'G', executed: null } } } });
    expect(checkIsoDate('2024-02-29', 'asOf')).toEqual({ ok: true, value: '2024-02-29' });
  });
});

describe('suggestions', () => {
  it('count a swapped pair of letters once', () => {
    expect(editDistance('rate-dispaly', 'rate-display')).toBe(1);
    expect(editDistance('json', 'jsno')).toBe(1);
    expect(editDistance('', 'year')).toBe(4);
  });

  it('suggest only what is near', () => {
    expect(closestWord('yaer', ['year', 'as-of', 'map'])).toBe('year');
    expect(closestWord('reprot', ['report', 'help'])).toBe('report');
    expect(closestWord('xyz', ['year', 'as-of', 'map'])).toBeUndefined();
    expect(closestWord('o', ['output', 'json'])).toBeUndefined();
  });
});
