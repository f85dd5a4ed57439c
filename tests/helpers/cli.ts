/** Running the command line in-process, capturing what it prints, as a user at a terminal sees it. */
import ExcelJS from 'exceljs';
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import * as path from 'path';
import { CliDeps, defaultDeps, loadSnapshot, main } from '../../src/cli/main';
import type { WorkbookSnapshot } from '../../src/core';

export const SAMPLE = path.join(__dirname, '..', '..', 'samples', '黔南州大数据局-2023预算执行.xlsx');

/** Temporary folders are removed when the test file is done (tests/helpers/temp.ts). */
export { tempDir } from './temp';

/** Runs `jixiao …args`; `deps` swaps in a simulated file system, clock or platform. */
export async function cli(args: string[], deps: Partial<CliDeps> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await main(args, { ...defaultDeps, ...deps });
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A workbook as the command line reads it (src/cli/xlsx-read), e.g. an output read back. */
export async function readSnapshot(file: string): Promise<WorkbookSnapshot> {
  return loadSnapshot(file);
}

export async function readCell(file: string, sheet: string, addr: string): Promise<{ value: ExcelJS.CellValue; numFmt: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const c = wb.getWorksheet(sheet)!.getCell(addr);
  return { value: c.value, numFmt: c.numFmt };
}
