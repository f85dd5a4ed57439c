/**
 * The patcher's codec in Node: zlib, native. JSZip's JavaScript deflate was measured and rejected here
 * (~2.8 s on a 35 MB sheet, zlib 0.3–0.7 s). A rewritten part streams through one zlib deflater on
 * libuv's thread pool (deflateStream), so compressing overlaps building the next rows.
 */
import * as zlib from 'zlib';
import { crc32Table } from '../xlsx-read/crc32';
import type { PatchCodec } from './codec';

export const nodePatchCodec: PatchCodec = {
  // One output buffer of the recorded size: zlib's default would gather chunks and join them (twice the part).
  inflateRaw: (data, size) => zlib.inflateRawSync(data, { chunkSize: Math.max(64 * 1024, Math.min(size + 1024, 0x3fffffff)) }),
  deflateRaw: (data, level) => zlib.deflateRawSync(data, { level }),
  // The pieces are compressed on libuv's thread pool while the script builds the next ones (the
  // report sheets: ~0.1 s of a 100,000-payment run off the main thread).
  deflateStream: (level) => {
    const stream = zlib.createDeflateRaw({ level, chunkSize: 256 * 1024 });
    const out: Buffer[] = [];
    stream.on('data', (piece: Buffer) => out.push(piece));
    const done = new Promise<Uint8Array>((resolve, reject) => {
      stream.on('end', () => resolve(out.length === 1 ? out[0] : Buffer.concat(out)));
      stream.on('error', reject);
    });
    return {
      push: (piece) => void stream.write(piece),
      end: () => {
        stream.end();
        return done;
      },
    };
  },
  // zlib.crc32 arrived in Node 20.15; older 20.x get the table-driven loop.
  crc32: typeof zlib.crc32 === 'function' ? (data, crc) => zlib.crc32(data, crc) >>> 0 : crc32Table,
};
