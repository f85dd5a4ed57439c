/**
 * The command line's file system with a finger on the scale: every call recorded, any of them made to
 * fail with the errno a full disk, a locked file or a read-only folder gives — the suite runs as root,
 * where real permissions never fail, and no test can fill a disk.
 */
import ExcelJS from 'exceljs';
import { readdirSync } from 'fs';
import * as path from 'path';
import { CliFs, nodeFs } from '../../src/cli/file-system';
import { tempDir } from '../helpers/temp';

/** A temporary folder removed when the test file finishes. */
export function scratchDir(prefix = 'jixiao-'): string {
  return tempDir(prefix);
}

export interface FsCall {
  op: keyof CliFs;
  path: string;
  to?: string;
}

/** An error as Node's fs gives it, its message naming the path like the real ones do. */
export function errno(code: string, p = ''): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated, '${p}'`), { code, path: p });
}

export type Override = { [K in keyof CliFs]?: (...args: Parameters<CliFs[K]>) => ReturnType<CliFs[K]> | undefined };

/** The real file system, recorded; an override answers instead when it returns a promise. */
export function simFs(overrides: Override = {}): { fs: CliFs; calls: FsCall[] } {
  const calls: FsCall[] = [];
  const fs = {} as Record<keyof CliFs, unknown>;
  for (const op of Object.keys(nodeFs) as (keyof CliFs)[]) {
    fs[op] = (...args: unknown[]) => {
      calls.push({ op, path: String(args[0]), to: op === 'rename' ? String(args[1]) : undefined });
      const o = overrides[op] as ((...a: unknown[]) => unknown) | undefined;
      const answer = o?.(...args);
      return answer !== undefined ? answer : (nodeFs[op] as (...a: unknown[]) => unknown)(...args);
    };
  }
  return { fs: fs as unknown as CliFs, calls };
}

/** Every name in a folder, hidden ones included (a temporary file left behind would show here). */
export function listing(dir: string): string[] {
  return readdirSync(dir).sort();
}

export function isTempName(name: string): boolean {
  return /\.(tmp|old)$/.test(name) || name.startsWith('.');
}

/**
 * A funds table of three projects with nothing wrong in it (no error-level issue): 72 / 20, 138 /
 * 124.2, 30 / 30 万元, year 2023 in the title unless `title` says otherwise.
 */
export async function cleanBook(file: string, opts: { title?: string; extra?: (wb: ExcelJS.Workbook) => void } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目资金');
  ws.addRow([opts.title ?? '2023年项目支出预算执行情况表']);
  ws.addRow(['单位：万元']);
  ws.addRow(['序号', '项目名称', '全年预算数', '执行数', '未完成原因']);
  ws.addRow([1, '网站运维', 72, 20, '合同分期支付，尾款待验收后支付']);
  ws.addRow([2, '数据中台', 138, 124.2, '设备采购延期到货']);
  ws.addRow([3, '电子政务外网', 30, 30, null]);
  opts.extra?.(wb);
  await wb.xlsx.writeFile(file);
  return file;
}

export function inDir(dir: string, ...names: string[]): string {
  return path.join(dir, ...names);
}
