/** The reader in Node: a file (or its bytes) to a snapshot, inflated by zlib. */
import { promises as fs } from 'fs';
import type { WorkbookSnapshot } from '../../core';
import { nodeInflate } from './node-codec';
import { type ReadOptions, readWorkbookSnapshot } from './workbook';

export { nodeInflate };

export function readXlsx(bytes: Uint8Array, options: Partial<ReadOptions> = {}): Promise<WorkbookSnapshot> {
  return readWorkbookSnapshot(bytes, { codec: nodeInflate, ...options });
}

export async function readXlsxFile(file: string, options: Partial<ReadOptions> = {}): Promise<WorkbookSnapshot> {
  return readXlsx(new Uint8Array(await fs.readFile(file)), options);
}
