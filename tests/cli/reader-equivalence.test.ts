/**
 * The proof that replacing exceljs with our own reader changes no result: every workbook in the
 * repository (tests/fixtures/**, samples/, the bad corpus, the other producers' files) is read by
 * both, and the snapshots — sheets, visibility, used range, every cell — and the core's analysis,
 * issue for issue, must agree. Where they legitimately differ, the exception is spelled out below
 * and checked to be exactly that and nothing else.
 */
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, readdirSync, statSync } from 'fs';
import * as path from 'path';
import { workbookSnapshot } from '../../src/cli/xlsx-snapshot';
import { WorkbookReadError } from '../../src/cli/xlsx-read';
import { readXlsx } from '../../src/cli/xlsx-read/node';
import { type CellValue, type WorkbookSnapshot, analyze, cellRef, lastCol, lastRow } from '../../src/core';

const ROOT = path.join(__dirname, '..', '..');

function xlsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return xlsxFiles(full);
    return /\.xls[xm]?$/i.test(name) ? [full] : [];
  });
}

/**
 * Every workbook in the repository — except the held-out corpus's: those carry hand-written answer keys
 * (tests/cli/heldout.test.ts checks them in both shells), a stronger test than agreement with exceljs,
 * which misreads several of them (x:-prefixed parts, t="d" ISO dates) — the reason they were written.
 */
const FILES = [...xlsxFiles(path.join(ROOT, 'tests', 'fixtures')), ...xlsxFiles(path.join(ROOT, 'samples'))].filter(
  (f) => !existsSync(f.replace(/\.xls[xm]?$/i, '.answer.json')),
);

/**
 * Valid workbooks exceljs refuses outright: openpyxl writes absolute relationship targets
 * (/xl/worksheets/sheet1.xml), which exceljs cannot resolve — the issue's first complaint.
 */
const EXCELJS_REFUSES_VALID = /producers[/\\]openpyxl-/;

/** Non-blank cells as "Sheet!A1" → value. */
function cells(s: WorkbookSnapshot): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const sheet of s.sheets) {
    sheet.values.forEach((row, i) =>
      row?.forEach((v, j) => {
        if (v !== null && v !== undefined && v !== '') out.set(`${sheet.name}!${cellRef(sheet.top + i, sheet.left + j)}`, v);
      }),
    );
  }
  return out;
}

async function readOld(bytes: Uint8Array): Promise<{ snapshot: WorkbookSnapshot; wb: ExcelJS.Workbook } | Error> {
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    return { snapshot: workbookSnapshot(wb), wb };
  } catch (e) {
    return e as Error;
  }
}

/**
 * What exceljs gets wrong, so the new reader may differ there:
 * - a formula whose cached result is 0 comes back from exceljs with no result (its parser tests the
 *   text for truth), so the old snapshot lost the 0 that Excel shows; the new one has it;
 * - a number in a date format comes back as a Date rounded to the millisecond, and in a 1904-system
 *   workbook shifted to the 1900 system; the new reader keeps the serial as stored (the core converts
 *   with `dateSystem`), so the two agree to within a millisecond after that shift.
 */
function legitimate(wb: ExcelJS.Workbook, key: string, oldValue: CellValue | undefined, newValue: CellValue | undefined, dateSystem: 1900 | 1904 | undefined): boolean {
  const bang = key.lastIndexOf('!');
  const cell = wb.getWorksheet(key.slice(0, bang))!.getCell(key.slice(bang + 1));
  // exceljs keeps the cached 0 in its model (cell.result) but drops it from cell.value, which the old snapshot read.
  if (oldValue === undefined && newValue === 0) return cell.type === ExcelJS.ValueType.Formula && (cell.value as ExcelJS.CellFormulaValue).result === undefined && cell.result === 0;
  if (typeof oldValue === 'number' && typeof newValue === 'number') {
    const raw = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
    const shift = dateSystem === 1904 ? 1462 : 0;
    return raw instanceof Date && Math.abs(newValue + shift - oldValue) < 1 / 86_400_000 + 1e-9;
  }
  return false;
}

describe('the new reader against exceljs on every workbook in the repository', () => {
  it('finds the corpus', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(19);
    expect(FILES.some((f) => f.includes(`${path.sep}bad${path.sep}`))).toBe(true);
    expect(FILES.some((f) => f.includes(`${path.sep}samples${path.sep}`))).toBe(true);
  });

  it.each(FILES.map((f) => [path.relative(ROOT, f), f]))('%s reads the same', async (_, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const old = await readOld(bytes);
    const fresh = await readXlsx(bytes).catch((e: Error) => e);
    if (old instanceof Error) {
      if (EXCELJS_REFUSES_VALID.test(file)) {
        // A valid file exceljs cannot open: the new reader must (its values are checked in reader-producers.test.ts).
        expect(fresh).not.toBeInstanceOf(Error);
        return;
      }
      // exceljs refused it: so must we (with a reason of our own, not a crash).
      expect(fresh).toBeInstanceOf(WorkbookReadError);
      return;
    }
    if (fresh instanceof Error) throw fresh;
    const shape = (s: WorkbookSnapshot) => s.sheets.map((x) => ({ name: x.name, visibility: x.visibility ?? 'visible', top: x.top, left: x.left, bottom: lastRow(x), right: lastCol(x) }));
    expect(shape(fresh)).toEqual(shape(old.snapshot));

    const before = cells(old.snapshot);
    const after = cells(fresh);
    const differing = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
    const unexplained = differing.filter((k) => !legitimate(old.wb, k, before.get(k), after.get(k), fresh.dateSystem));
    expect(unexplained.map((k) => `${k}: ${JSON.stringify(before.get(k))} → ${JSON.stringify(after.get(k))}`)).toEqual([]);

    // What the shell–core line added (merges, tables, formulas without a value, the date system):
    // wherever the old reader fills them, the new one must say the same.
    if (old.snapshot.dateSystem !== undefined) expect(fresh.dateSystem ?? 1900).toBe(old.snapshot.dateSystem);
    old.snapshot.sheets.forEach((s, i) => {
      const n = fresh.sheets[i];
      if (s.merges) expect(sortRects(n.merges ?? [])).toEqual(sortRects(s.merges));
      if (s.uncalculated) expect(sortCells(n.uncalculated ?? [])).toEqual(sortCells(s.uncalculated));
      if (s.tables) expect(n.tables?.map((t) => t.name).sort()).toEqual(s.tables.map((t) => t.name).sort());
    });

    // And the core reaches the same findings, issue for issue — the differences above included.
    const settings = { today: '2024-01-15' };
    const issues = (s: WorkbookSnapshot) => analyze(s, settings).issues.map((i) => `${i.severity} ${i.code} ${i.cell} ${i.message}`);
    expect(issues(fresh)).toEqual(issues(old.snapshot));
  });
});

function sortRects<T extends { top: number; left: number }>(r: T[]): T[] {
  return [...r].sort((a, b) => a.top - b.top || a.left - b.left);
}

function sortCells<T extends { row: number; col: number }>(r: T[]): T[] {
  return [...r].sort((a, b) => a.row - b.row || a.col - b.col);
}
