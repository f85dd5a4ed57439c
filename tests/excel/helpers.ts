/** Driving the Excel shell on the simulated Excel: hosts, the sample workbook, CLI reference. */
import ExcelJS from 'exceljs';
import * as path from 'path';
import { workbookSnapshot } from '../../src/cli/xlsx-snapshot';
import type { WorkbookSnapshot } from '../../src/core';
import type { ExcelHost } from '../../src/excel';
import { cloneWorkbookData, createFakeExcel, type FakeExcel, type FakeExcelOptions, type FakeWorkbookData } from '../../src/testing/fake-excel';
import { columnLetters } from '../../src/testing/fake-excel/address';
import { loadXlsxIntoFake } from '../../src/testing/fake-excel/load-xlsx';

export const SAMPLE = path.join(__dirname, '..', '..', 'samples', '黔南州大数据局-2023预算执行.xlsx');
export const TODAY = '2024-01-15';

let sampleData: Promise<FakeWorkbookData> | undefined;

/** The sample workbook as Office.js would see it; each call gets its own copy. */
export async function sampleWorkbook(): Promise<FakeWorkbookData> {
  sampleData ??= loadXlsxIntoFake(SAMPLE);
  return cloneWorkbookData(await sampleData);
}

/** The snapshot the command line reads from the same file. */
export async function cliSnapshot(file = SAMPLE): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return workbookSnapshot(wb);
}

export function hostOf(fake: FakeExcel): ExcelHost {
  return { run: fake.Excel.run, isSetSupported: (name, version) => fake.isSetSupported(name, version) };
}

/** A fake limited to what the manifest declares, with Excel on the web's response limit switched on. */
export function strictFake(data: FakeWorkbookData, options: FakeExcelOptions = {}): FakeExcel {
  return createFakeExcel(data, { excelApi: '1.4', maxResponseBytes: 5 * 1024 * 1024, ...options });
}

type SheetData = FakeWorkbookData['sheets'][number];

/** Whether a sheet is one of the add-in's own (undo store, report backup). */
export function isOwnSheet(name: string): boolean {
  return name.startsWith('__jixiao');
}

/** A cell's non-default content and looks, so two workbooks compare by what a person would see. */
function cellLooks(sheet: SheetData, r: number, c: number): Record<string, unknown> | undefined {
  const v = sheet.values[r]?.[c];
  const f = sheet.formats[r]?.[c] ?? sheet.columnFormats[c] ?? {};
  const out: Record<string, unknown> = {};
  if (v !== undefined && v !== null && v !== '') out.value = v;
  const formula = sheet.formulas[r]?.[c];
  if (formula !== undefined) out.formula = formula;
  if ((f.numberFormat ?? 'General') !== 'General') out.numberFormat = f.numberFormat;
  if (f.wrapText) out.wrapText = true;
  if (f.font?.bold) out.bold = true;
  if (f.font?.italic) out.italic = true;
  if (f.font?.name && f.font.name !== 'Calibri') out.font = f.font.name;
  if (f.font?.size !== undefined && f.font.size !== 11) out.size = f.font.size;
  if (f.font?.color && f.font.color !== '#000000') out.color = f.font.color;
  if (f.fill) out.fill = f.fill;
  if (f.horizontalAlignment && f.horizontalAlignment !== 'General') out.h = f.horizontalAlignment;
  if (f.verticalAlignment && f.verticalAlignment !== 'Bottom') out.v = f.verticalAlignment;
  return Object.keys(out).length ? out : undefined;
}

function indexKeys(o: Record<number, unknown>): number[] {
  return Object.keys(o).map(Number);
}

/** A sheet as a person sees it: each non-empty cell's looks ("D17" → JSON), column widths, hidden columns. */
export interface SheetView {
  head: string;
  cells: Map<string, string>;
}

/** Every non-empty cell of a sheet (optionally only some), plus its column widths and hidden columns. */
export function sheetView(sheet: SheetData, only?: (r: number, c: number) => boolean): SheetView {
  const rows = new Set<number>([...sheet.values.keys(), ...indexKeys(sheet.formulas), ...indexKeys(sheet.formats)]);
  const cols = new Set<number>(indexKeys(sheet.columnFormats));
  for (const r of rows) {
    sheet.values[r]?.forEach((_, c) => cols.add(c));
    indexKeys(sheet.formulas[r] ?? {}).forEach((c) => cols.add(c));
    indexKeys(sheet.formats[r] ?? {}).forEach((c) => cols.add(c));
  }
  const cells = new Map<string, string>();
  const sortedCols = [...cols].sort((a, b) => a - b);
  for (const r of [...rows].sort((a, b) => a - b)) {
    for (const c of sortedCols) {
      if (only && !only(r, c)) continue;
      const looks = cellLooks(sheet, r, c);
      if (looks) cells.set(`${columnLetters(c)}${r + 1}`, JSON.stringify(looks));
    }
  }
  const standard = sheet.standardWidth ?? 48;
  const widths = Object.entries(sheet.columnWidths).filter(([c, w]) => w !== standard && (!only || only(-1, Number(c))));
  const hidden = Object.entries(sheet.columnHidden).filter(([c, h]) => h && (!only || only(-1, Number(c))));
  return { head: JSON.stringify({ name: sheet.name, visibility: sheet.visibility, widths, hidden, rowHeights: sheet.rowHeights }), cells };
}

/** Where two views differ, as readable lines (at most `limit`); [] when they are the same. */
export function diffViews(a: SheetView[], b: SheetView[], limit = 10): string[] {
  const out: string[] = [];
  if (a.length !== b.length) out.push(`${a.length} sheets vs ${b.length}`);
  for (let i = 0; i < Math.min(a.length, b.length) && out.length < limit; i++) {
    if (a[i].head !== b[i].head) out.push(`sheet: ${a[i].head} vs ${b[i].head}`);
    for (const key of new Set([...a[i].cells.keys(), ...b[i].cells.keys()])) {
      if (out.length >= limit) break;
      const x = a[i].cells.get(key);
      const y = b[i].cells.get(key);
      if (x !== y) out.push(`${key}: ${x ?? '(empty)'} vs ${y ?? '(empty)'}`);
    }
  }
  return out;
}

/** The workbook as a person sees it, the add-in's own sheets left out. */
export function workbookView(data: FakeWorkbookData): SheetView[] {
  return data.sheets.filter((s) => !isOwnSheet(s.name)).map((s) => sheetView(s));
}
