/** Building snapshots in tests: a sheet is its rows, as a person would type them from A1 down. */
import type { CellValue, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from '../../src/core';
import { analyze, parseAddress, type Analysis, type Settings } from '../../src/core';

export function sheet(name: string, rows: CellValue[][], opts: { top?: number; left?: number; visibility?: SheetVisibility } = {}): SheetSnapshot {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return {
    name,
    top: opts.top ?? 0,
    left: opts.left ?? 0,
    values: rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill('')]),
    visibility: opts.visibility,
  };
}

export function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

export function run(snapshot: WorkbookSnapshot, settings: Settings = {}): Analysis {
  return analyze(snapshot, { today: '2024-01-15', ...settings });
}

/** The value a cell holds in a snapshot, by address ("项目资金!L5"). */
export function valueAt(snapshot: WorkbookSnapshot, addr: string): CellValue {
  const a = parseAddress(addr)!;
  const s = snapshot.sheets.find((x) => x.name === a.sheet)!;
  const row = s.values[a.row - s.top];
  return row ? row[a.col - s.left] ?? '' : '';
}

export function codes(a: Analysis): string[] {
  return a.issues.map((i) => i.code);
}

export function issuesOf(a: Analysis, code: string) {
  return a.issues.filter((i) => i.code === code);
}

/** A small funds table in 万元 with the given project rows [name, budget, executed?]. */
export function fundsSheet(rows: CellValue[][], header: CellValue[] = ['项目名称', '全年预算数', '执行数'], name = '项目资金'): SheetSnapshot {
  return sheet(name, [['2023年项目支出预算执行情况表'], ['单位：万元'], header, ...rows]);
}

export function paymentsSheet(rows: CellValue[][], header: CellValue[] = ['支付日期', '支付凭证号', '预算项目名称', '支付金额(元)'], name = '支付明细'): SheetSnapshot {
  return sheet(name, [header, ...rows]);
}
