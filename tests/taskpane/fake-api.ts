/**
 * A PaneApi for component tests: the real core over an in-memory snapshot, with every call recorded
 * and any method replaceable, so a test can make Excel slow, fail, or answer as it needs.
 */
import { analyze, buildReport, type Settings, type WorkbookSnapshot } from '../../src/core';
import type { UndoResult } from '../../src/excel/undo';
import type { PaneApi, Progress } from '../../src/taskpane/api';
import { book, fundsSheet, paymentsSheet, sheet } from '../helpers/snap';

export const TODAY = '2024-01-15';

/** Funds table (A 项目名称, B 全年预算数, C 财政拨款, D 执行数) in 万元 with one lagging project, and its payments. */
export function budgetBook(): WorkbookSnapshot {
  return book(
    fundsSheet(
      [
        ['数据中台项目', 72, 72, 20],
        ['网站运维项目', 85.6, 85.6, 85.6],
        ['州委大楼网络运维', 9.8, 5, 9.8],
      ],
      ['项目名称', '全年预算数', '财政拨款', '执行数'],
    ),
    paymentsSheet([
      [45000, 'ZF001', '数据中台项目', 200000],
      [45100, 'ZF002', '网站运维项目', 856000],
      [45200, 'ZF003', '州委大楼网络运维', 98000],
    ]),
  );
}

/** A workbook with no table the detector recognises. */
export function strangerBook(): WorkbookSnapshot {
  return book(sheet('Sheet1', [['名单'], ['张三', '李四']]));
}

export interface FakeApi extends PaneApi {
  calls: { name: string; args: unknown[] }[];
  snapshot: WorkbookSnapshot;
  saved: Settings | null;
}

export function fakeApi(snapshot: WorkbookSnapshot = budgetBook(), overrides: Partial<PaneApi> = {}): FakeApi {
  const calls: FakeApi['calls'] = [];
  const record = (name: string, args: unknown[]) => calls.push({ name, args });
  const progress = (p: Progress | undefined) => {
    p?.('reading', 0.3);
    p?.('computing', 0.8);
  };
  const api: FakeApi = {
    calls,
    snapshot,
    saved: null,
    platform: 'OfficeOnline',
    async loadSavedSettings() {
      record('loadSavedSettings', []);
      return api.saved ? { settings: api.saved, savedAt: '2024-01-10T08:00:00.000Z' } : null;
    },
    async saveSettings(settings) {
      record('saveSettings', [settings]);
      api.saved = settings;
    },
    async analyzeWorkbook(settings, onProgress) {
      record('analyzeWorkbook', [settings]);
      progress(onProgress);
      return { snapshot: api.snapshot, analysis: analyze(api.snapshot, { today: TODAY, ...settings }) };
    },
    async recalculate(settings, onProgress) {
      record('recalculate', [settings]);
      progress(onProgress);
      const analysis = analyze(api.snapshot, { today: TODAY, ...settings });
      return { analysis, cellsWritten: analysis.plan.blocks.reduce((n, b) => n + b.values.length * (b.values[0]?.length ?? 0), 0) };
    },
    async generateReport(settings, onProgress) {
      record('generateReport', [settings]);
      progress(onProgress);
      const analysis = analyze(api.snapshot, { today: TODAY, ...settings });
      const document = buildReport(analysis, api.snapshot);
      // As the shells do: a 绩效自评表 only when the workbook has an indicators table.
      const forms = document.forms?.length ? { formSheetName: '绩效自评表' } : {};
      return { analysis, document, sheetName: '自评报告', checklistSheetName: '核对清单', ...forms, kept: [], snapshot: api.snapshot };
    },
    async undoLastRun() {
      record('undoLastRun', []);
      return undoResult({ restoredCells: 6 });
    },
    async hasUndo() {
      record('hasUndo', []);
      return calls.some((c) => c.name === 'recalculate' || c.name === 'generateReport') && !calls.some((c) => c.name === 'undoLastRun');
    },
    async selectCell(address) {
      record('selectCell', [address]);
    },
    describeError(e, lang) {
      const message = e instanceof Error ? e.message : String(e);
      return lang === 'en' ? `Excel said: ${message}` : `Excel 报错：${message}`;
    },
    async renderDocx(doc) {
      record('renderDocx', [doc.title]);
      return new Uint8Array([0x50, 0x4b, 3, 4]);
    },
    ...overrides,
  };
  return api;
}

/** What an undo reports, nothing by default: a calculation undone with no cells and no sheets. */
export function undoResult(parts: Partial<UndoResult> = {}): UndoResult {
  return { kind: 'recalculate', restoredCells: 0, removedSheets: [], restoredSheets: [], keptSheets: [], missingSheets: [], lostSheets: [], ...parts };
}

export function callsTo(api: FakeApi, name: string): unknown[][] {
  return api.calls.filter((c) => c.name === name).map((c) => c.args);
}
