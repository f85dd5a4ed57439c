/**
 * Looking inside .xlsx packages in tests with JSZip (independent of the patcher's own zip code):
 * reading parts, editing parts to make inputs other generators would write, and reading a workbook
 * back through exceljs as the snapshot the core sees.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { workbookSnapshot } from '../../src/cli/xlsx-snapshot';
import type { CellValue, WorkbookSnapshot } from '../../src/core';
import { cellRef } from '../../src/core';

export async function partText(bytes: Uint8Array, name: string): Promise<string | undefined> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  return zip.file(name)?.async('string');
}

export async function partNames(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  return Object.keys(zip.files).filter((n) => !zip.files[n].dir);
}

export async function partBytes(bytes: Uint8Array, name: string): Promise<Uint8Array | undefined> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  return zip.file(name)?.async('uint8array');
}

/** A copy of the package with parts rewritten (null deletes a part; a missing part is created). */
export async function withParts(bytes: Uint8Array, edits: Record<string, ((xml: string) => string | null) | string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, edit] of Object.entries(edits)) {
    const before = await zip.file(name)?.async('string');
    const after = typeof edit === 'string' ? edit : edit(before ?? '');
    if (after === null) zip.remove(name);
    else zip.file(name, after);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

export async function snapshotOf(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  return workbookSnapshot(await readWorkbook(bytes));
}

/** Every non-blank cell as "Sheet!A1" → value, so two snapshots compare regardless of their rectangles. */
export function cellMap(snapshot: WorkbookSnapshot): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const s of snapshot.sheets) {
    s.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== '') out[`${s.name}!${cellRef(s.top + i, s.left + j)}`] = v;
      }),
    );
  }
  return out;
}
