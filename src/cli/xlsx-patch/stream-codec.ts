/**
 * The patcher's codec in a browser: the browser's own CompressionStream('deflate-raw') — native zlib —
 * compresses every part the patcher writes, at the package's end; fflate still inflates the parts it
 * rewrites (small next to the sheets it adds). Profiled in the page's worker on the bench workbook,
 * fflate's deflate of the 自评报告 and 核对清单 (13 MB of XML) had been the download's largest single
 * cost (~0.45 s). Chromium 86–102 have no 'deflate-raw' format: there fflate does it all.
 */
import { concatBytes } from './bytes';
import type { PatchCodec } from './codec';
import { jsPatchCodec } from './js-codec';
import { type StreamConstructor, rawDeflateStream, throughRawStream } from '../xlsx-read/stream-codec';

/** The pieces, in order, compressed as one raw DEFLATE stream (zlib's default level; the uncompressed part is what Excel reads). */
export async function streamDeflateRaw(Stream: StreamConstructor, pieces: readonly Uint8Array[]): Promise<Uint8Array> {
  const out: Uint8Array[] = [];
  await throughRawStream(Stream, pieces, (piece) => out.push(piece));
  return concatBytes(out);
}

const Native = rawDeflateStream('CompressionStream');

export const browserPatchCodec: PatchCodec = Native ? { ...jsPatchCodec, deflateRawAsync: (pieces) => streamDeflateRaw(Native, pieces) } : jsPatchCodec;
