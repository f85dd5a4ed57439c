/**
 * The patcher's codec where there is no zlib (the browser page): fflate, pure JS. Its DEFLATE bytes
 * differ from zlib's, so a part the page rewrites is compressed differently from the CLI's — its
 * uncompressed bytes, which are what Excel reads, are the same (tests/browser/app.browser.test.ts).
 */
import { Deflate, deflateSync, inflateSync } from 'fflate';
import { crc32Table } from '../xlsx-read/crc32';
import { concatBytes } from './bytes';
import type { PatchCodec } from './codec';

type Level = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export const jsPatchCodec: PatchCodec = {
  // No preallocated output: fflate would silently cut a part whose recorded size is wrong.
  inflateRaw: (data) => inflateSync(data),
  deflateRaw: (data, level) => deflateSync(data, { level: level as Level }),
  deflater(level) {
    let produced: Uint8Array[] = [];
    const stream = new Deflate({ level: level as Level }, (piece) => produced.push(piece));
    return {
      push(chunk, last) {
        // fflate may keep the caller's chunk past push(); the patcher reuses its window, so hand over a copy.
        stream.push(chunk.slice(), last);
        const out = concatBytes(produced);
        produced = [];
        return out;
      },
    };
  },
  crc32: crc32Table,
};
