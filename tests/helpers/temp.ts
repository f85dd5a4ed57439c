/**
 * Temporary folders for a test file, removed when the file is done: registered with jest's afterAll
 * as the importing test file loads, so no test leaves its outputs in the machine's temp folder.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const made: string[] = [];

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under the temp folder, removed after the test file. */
export function tempDir(prefix = 'jixiao-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
