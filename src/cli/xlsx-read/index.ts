/**
 * The file shell's reader: an .xlsx package to the core's snapshot, streamed part by part and
 * bounded, with a one-line reason (Chinese and English) for every file it cannot read. Environment-
 * neutral; `node.ts` supplies Node's inflater and file access.
 */
export { readWorkbookSnapshot, DEFAULT_MAX_CELLS } from './workbook';
export type { ReadOptions } from './workbook';
export { WorkbookReadError } from './errors';
export type { ReadFailure } from './errors';
export { readCentralDirectory, streamEntry, DEFAULT_LIMITS } from './zip';
export type { InflateCodec, InflateLimits, ZipEntry } from './zip';
