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
import { type StreamConstructor, rawDeflateStream } from '../xlsx-read/stream-codec';

/** The pieces, in order, compressed as one raw DEFLATE stream (zlib's default level; the uncompressed part is what Excel reads). */
export async function streamDeflateRaw(Stream: StreamConstructor, pieces: readonly Uint8Array[]): Promise<Uint8Array> {
  const stream = new Stream('deflate-raw');
  const writer = stream.writable.getWriter();
  const written = (async () => {
    for (const piece of pieces) await writer.write(piece);
    await writer.close();
  })();
  written.catch(() => undefined); // a failure is the reader's to report; awaited below all the same
  const out: Uint8Array[] = [];
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.push(value);
  }
  await written;
  return concatBytes(out);
}

const Native = rawDeflateStream('CompressionStream');

export const browserPatchCodec: PatchCodec = Native ? { ...jsPatchCodec, deflateRawAsync: (pieces) => streamDeflateRaw(Native, pieces) } : jsPatchCodec;
