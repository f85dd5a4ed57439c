/**
 * The reader in a browser (the page app.html and its worker): the same reader as the CLI's, inflated
 * by fflate instead of zlib. Nothing on this path imports a Node module (tests/app/browser-reader.test.ts
 * proves it by making every Node built-in throw).
 */
import type { WorkbookSnapshot } from '../../core';
import { jsInflate } from './js-codec';
import { type ReadOptions, readWorkbookSnapshot } from './workbook';

export { jsInflate };
export { WorkbookReadError } from './errors';

export function readXlsx(bytes: Uint8Array, options: Partial<ReadOptions> = {}): Promise<WorkbookSnapshot> {
  return readWorkbookSnapshot(bytes, { codec: jsInflate, ...options });
}
