/**
 * The reader in a browser (the page app.html and its worker): the same reader as the CLI's, inflated
 * by the browser's own DecompressionStream where it knows raw DEFLATE, else by fflate (stream-codec.ts). Nothing on this path imports a Node module (tests/app/browser-reader.test.ts
 * proves it by making every Node built-in throw).
 */
import type { WorkbookSnapshot } from '../../core';
import { jsInflate } from './js-codec';
import { browserInflate } from './stream-codec';
import { type ReadOptions, readWorkbookSnapshot } from './workbook';

export { browserInflate, jsInflate };
export { WorkbookReadError } from './errors';

export function readXlsx(bytes: Uint8Array, options: Partial<ReadOptions> = {}): Promise<WorkbookSnapshot> {
  return readWorkbookSnapshot(bytes, { codec: browserInflate, ...options });
}
