/** The patcher in Node: the same patch, compressed by zlib (the CLI's bytes). */
import type { WorkbookEdits } from './patch';
import { patchWorkbook as patchWith } from './patch';
import { workbookContentType as contentTypeWith } from './workbook';
import { nodePatchCodec } from './node-codec';

export { nodePatchCodec };

export function patchWorkbook(input: Uint8Array, edits: WorkbookEdits): Promise<Uint8Array> {
  return patchWith(input, edits, nodePatchCodec);
}

export function workbookContentType(input: Uint8Array): string | undefined {
  return contentTypeWith(input, nodePatchCodec);
}
