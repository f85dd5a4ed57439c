/** The patcher in a browser: the same patch as the CLI's, compressed by fflate and the browser's CompressionStream (no zlib, no Buffer). */
import type { WorkbookEdits } from './patch';
import { patchWorkbook as patchWith } from './patch';
import { workbookContentType as contentTypeWith } from './workbook';
import { jsPatchCodec } from './js-codec';
import { browserPatchCodec } from './stream-codec';

export { browserPatchCodec, jsPatchCodec };

export function patchWorkbook(input: Uint8Array, edits: WorkbookEdits): Promise<Uint8Array> {
  return patchWith(input, edits, browserPatchCodec);
}

export function workbookContentType(input: Uint8Array): string | undefined {
  return contentTypeWith(input, jsPatchCodec);
}
