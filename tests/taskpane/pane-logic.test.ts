/** @jest-environment jsdom */
import { copyRichText } from '../../src/taskpane/clipboard';
import { docxFileName } from '../../src/taskpane/download';
import { startInitialLoad } from '../../src/taskpane/hooks/initial-load';
import { en, zh } from '../../src/taskpane/i18n/messages';
import { pickLanguage, translator } from '../../src/taskpane/i18n';
import { columnLabel, draftFrom, editedHeader, headerColumns, overrideFrom, withField } from '../../src/taskpane/mapping';
import { budgetBook } from './fake-api';
import { analyze } from '../../src/core';
import { sheet } from '../helpers/snap';

describe('copyRichText', () => {
  test('hands the HTML and the text to the copy event, and never parses the HTML into the page', () => {
    const seen: Record<string, string> = {};
    let holderText: string | null = null;
    document.execCommand = ((cmd: string) => {
      holderText = document.querySelector('[contenteditable]')?.innerHTML ?? null;
      const event = new Event('copy', { cancelable: true }) as ClipboardEvent;
      Object.defineProperty(event, 'clipboardData', { value: { setData: (k: string, v: string) => (seen[k] = v) } });
      document.dispatchEvent(event);
      return cmd === 'copy' && event.defaultPrevented;
    }) as typeof document.execCommand;
    expect(copyRichText(document, '<p>一、<script>x()</script></p>', '一、')).toBe(true);
    expect(seen).toEqual({ 'text/html': '<p>一、<script>x()</script></p>', 'text/plain': '一、' });
    expect(holderText).toBe('&nbsp;');
    expect(document.querySelector('script')).toBeNull();
  });

  test('reports failure when the browser runs no copy (or throws)', () => {
    document.execCommand = (() => false) as typeof document.execCommand;
    expect(copyRichText(document, '<p>x</p>', 'x')).toBe(false);
    document.execCommand = (() => {
      throw new Error('SecurityError');
    }) as typeof document.execCommand;
    expect(copyRichText(document, '<p>x</p>', 'x')).toBe(false);
    expect(document.querySelectorAll('[contenteditable]')).toHaveLength(0);
  });
});

describe('mapping editor logic', () => {
  test('a two-row header offers 财政拨款 under 其中, as the detector reads it', () => {
    const s = sheet('项目资金', [['项目名称', '全年预算数', '其中', '其中', ''], ['', '', '财政拨款', '上年结转', '']]);
    expect(headerColumns(s, 0, 2).map(columnLabel)).toEqual(['A · 项目名称', 'B · 全年预算数', 'C · 财政拨款', 'D · 上年结转']);
    expect(headerColumns(s, 0, 1).map(columnLabel)).toEqual(['A · 项目名称', 'B · 全年预算数', 'C · 其中', 'D · 其中']);
  });

  test('only what the user changed becomes the override', () => {
    let d = draftFrom(undefined);
    expect(overrideFrom(d)).toBeUndefined();
    d = withField(d, 'executed', 'F');
    d = withField(d, 'fiscal', '-');
    expect(overrideFrom({ ...d, headerRow: ' 4 ' })).toEqual({ headerRow: 4, columns: { executed: 'F', fiscal: null } });
    expect(overrideFrom(withField(withField(d, 'executed', ''), 'fiscal', ''))).toBeUndefined();
    expect(overrideFrom({ ...d, headerRow: '0' })).toBe('invalid');
    expect(draftFrom({ sheet: 'S', headerRow: 2, unit: 'yuan', columns: { name: 'A' } })).toEqual({ sheet: 'S', headerRow: '2', range: '', unit: 'yuan', columns: { name: 'A' } });
  });

  test('the detected columns label the automatic choice only while the draft keeps the detected header row', () => {
    const snapshot = budgetBook();
    const funds = analyze(snapshot).funds!;
    expect(editedHeader(snapshot, funds, draftFrom(undefined))).toMatchObject({ row0: 2, rows: 1, matchesDetection: true });
    expect(editedHeader(snapshot, funds, { ...draftFrom(undefined), headerRow: '5' })).toMatchObject({ row0: 4, matchesDetection: false });
    expect(editedHeader(snapshot, funds, { ...draftFrom(undefined), sheet: '支付明细' })).toMatchObject({ row0: 0, matchesDetection: false });
  });
});

describe('language', () => {
  test('English for en-*, Chinese otherwise (the default)', () => {
    expect(pickLanguage('en-US')).toBe('en');
    expect(pickLanguage('EN-gb')).toBe('en');
    expect(pickLanguage('zh-CN')).toBe('zh');
    expect(pickLanguage('fr-FR')).toBe('zh');
    expect(pickLanguage(undefined)).toBe('zh');
  });

  test('every message has both languages, with the same placeholders', () => {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    for (const id of Object.keys(zh) as (keyof typeof zh)[]) {
      expect([id, en[id].length > 0]).toEqual([id, true]);
      expect([id, holes(en[id])]).toEqual([id, holes(zh[id])]);
    }
    expect(translator('en')('recalculated', { cells: 12 })).toBe('12 cells written.');
    expect(translator('zh')('recalculated', { cells: 12 })).toBe('已写入 12 个单元格。');
  });
});

test('file names lose the characters Windows refuses', () => {
  expect(docxFileName('黔南州大数据发展管理局2023年绩效自评报告')).toBe('黔南州大数据发展管理局2023年绩效自评报告.docx');
  expect(docxFileName('a/b: "c"?')).toBe('a b c.docx');
  expect(docxFileName('  ')).toBe('绩效自评报告.docx');
});

describe('the first load', () => {
  test('reads saved settings, then analyses with them while asking about undo; early progress is replayed', async () => {
    const { fakeApi, callsTo } = await import('./fake-api');
    const api = fakeApi();
    api.saved = { fiscalYear: 2023 };
    // The analysis finishes only once hasUndo has been asked: run one after the other, this would hang.
    let undoAsked!: () => void;
    const asked = new Promise<void>((resolve) => (undoAsked = resolve));
    const { analyzeWorkbook, hasUndo } = api;
    api.analyzeWorkbook = async (settings, onProgress) => (await asked, analyzeWorkbook(settings, onProgress));
    api.hasUndo = async () => (undoAsked(), hasUndo());
    const load = startInitialLoad(api);
    const data = await load.promise;
    const heard: [string, number][] = [];
    load.listen((stage, fraction) => void heard.push([stage, fraction]));
    expect(heard).toEqual([['computing', 0.8]]);
    expect(callsTo(api, 'analyzeWorkbook')).toEqual([[{ fiscalYear: 2023 }]]);
    expect(api.calls.map((c) => c.name)).toEqual(['loadSavedSettings', 'hasUndo', 'analyzeWorkbook']);
    expect(data.analysis.ok).toBe(true);
    expect(data.saved?.settings).toEqual({ fiscalYear: 2023 });
  });

  test('a failure is kept for the pane to show, not thrown at the page', async () => {
    const { fakeApi } = await import('./fake-api');
    const load = startInitialLoad(
      fakeApi(undefined, {
        loadSavedSettings: async () => {
          throw new Error('GeneralException');
        },
      }),
    );
    await expect(load.promise).rejects.toThrow('GeneralException');
  });
});

describe('one progress figure per action', () => {
  const { overallProgress, percentText } = jest.requireActual('../../src/taskpane/progress') as typeof import('../../src/taskpane/progress');

  test('an undo writes, then checks the workbook again: the bar keeps moving forward through both', () => {
    const seen: number[] = [];
    let value: number | undefined;
    const steps: [Parameters<typeof overallProgress>[1], number][] = [['writing', 0], ['writing', 0.5], ['writing', 1], ['reading', 0], ['reading', 0.5], ['computing', 0], ['computing', 0.6], ['done', 1]];
    for (const [stage, f] of steps) {
      value = overallProgress('undo', stage, f, value);
      seen.push(value!);
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.map(percentText)).toEqual(['0%', '25%', '50%', '50%', '65%', '80%', '90%', '100%']);
  });

  test('a fraction Excel could not compute (0 ÷ 0 cells restored) is no progress, never NaN', () => {
    const v = overallProgress('undo', 'writing', 0 / 0, 0.3);
    expect(v).toBe(0.3);
    expect(overallProgress('undo', 'writing', 0 / 0, undefined)).toBe(0);
    expect(overallProgress('recalculate', 'writing', Infinity, undefined)).toBe(0.6); // the start of the writing stretch
    expect(percentText(NaN)).toBeUndefined();
  });

  test('a stage from earlier in the action never moves the bar back', () => {
    expect(overallProgress('report', 'reading', 0.2, 0.7)).toBe(0.7);
    expect(overallProgress('report', 'writing', 1.7, 0.7)).toBe(0.98);
  });
});

test('English writes 万元 one way, "10,000 yuan", in the pane and in the issues the core writes', () => {
  const { analyze: run } = jest.requireActual('../../src/core') as typeof import('../../src/core');
  const english = Object.values(en).join('\n') + run(budgetBook()).issues.map((i) => i.messageEn).join('\n');
  expect(english).toContain('10,000 yuan');
  expect(english).not.toMatch(/10k yuan|万元 \(|ten thousand yuan|wan yuan/i);
});

describe('what a report was made from', () => {
  const { snapshotKey, settingsKey } = jest.requireActual('../../src/taskpane/workbook-key') as typeof import('../../src/taskpane/workbook-key');
  const withCell = (value: string | number) => {
    const snap = budgetBook();
    snap.sheets[0].values[3][3] = value; // 数据中台项目's 执行数
    return snap;
  };

  test('a changed cell on a data sheet changes the fingerprint; the report sheet and the add-in’s hidden sheets do not', () => {
    const base = snapshotKey(budgetBook());
    expect(snapshotKey(budgetBook())).toBe(base);
    expect(snapshotKey(withCell(21))).not.toBe(base);
    expect(snapshotKey(withCell('20'))).not.toBe(base); // the text "20" is not the number 20
    const plus = (name: string) => {
      const snap = budgetBook();
      snap.sheets.push(sheet(name, [['whatever']]));
      return snapshotKey(snap);
    };
    expect(plus('自评报告')).toBe(base);
    expect(plus('__jixiao_undo')).toBe(base);
    expect(plus('单位职能')).not.toBe(base);
  });

  test('settings compare by content, whatever the key order, and the shell’s date does not count', () => {
    expect(settingsKey({ rateDisplay: 'whole', fiscalYear: 2023 })).toBe(settingsKey({ fiscalYear: 2023, rateDisplay: 'whole', today: '2024-01-01' }));
    expect(settingsKey({ mapping: { funds: { columns: { executed: 'F' } } } })).not.toBe(settingsKey({ mapping: { funds: { columns: { executed: 'G' } } } }));
  });
});

describe('copy and download handle a list of documents', () => {
  const { clipboardPayload, reportSheetRange } = jest.requireActual('../../src/taskpane/report-output') as typeof import('../../src/taskpane/report-output');
  const core = jest.requireActual('../../src/core') as typeof import('../../src/core');
  const doc = () => core.buildReport(core.analyze(budgetBook(), { today: '2024-01-15' }), budgetBook());

  test('two documents copy as one page each, in order, with a Word page break between', () => {
    const first = doc();
    const second = { ...doc(), title: '核对清单', paragraphs: doc().paragraphs.slice(0, 2) };
    const one = clipboardPayload([first]);
    const both = clipboardPayload([first, second]);
    expect(both.html.match(/<!--StartFragment-->/g)).toHaveLength(1);
    expect(both.html.match(/page-break-before:always/g)).toHaveLength(1);
    expect(both.html.indexOf(one.html.slice(one.html.indexOf('<!--StartFragment-->') + 21, one.html.indexOf('<!--EndFragment-->') - 1))).toBeGreaterThan(0);
    expect(both.text.startsWith(one.text)).toBe(true);
    expect(both.text.length).toBeGreaterThan(one.text.length);
  });

  test('the fallback range covers every row the report sheet holds', () => {
    const d = doc();
    expect(reportSheetRange('自评报告', d)).toBe(`自评报告!A1:A${core.renderReportSheet(d).rows.length}`);
    expect(reportSheetRange("O'Brien 报告", d)).toMatch(/^'O''Brien 报告'!A1:A\d+$/);
  });
});
