/**
 * The Node-specific half of the reader: inflating through zlib's streaming inflater (native, and the
 * fastest measured — see bench/read.bench.ts) and CRC-32 through zlib.crc32. Everything else in
 * xlsx-read is environment-neutral; a browser build injects a JS inflater instead.
 */
import * as zlib from 'zlib';
import type { InflateCodec } from './zip';
import { crc32Table } from './crc32';

/** Input is fed in slices so output flows (and a bomb is stopped) before the whole entry is inflated. */
const FEED = 256 * 1024;

export const nodeInflate: InflateCodec = {
  inflateRaw(data, sink) {
    return new Promise<void>((resolve, reject) => {
      const inflater = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
      let failed = false;
      inflater.on('data', (piece: Buffer) => {
        if (failed) return;
        try {
          sink(piece);
        } catch (e) {
          failed = true;
          inflater.destroy();
          reject(e);
        }
      });
      inflater.on('error', (e) => {
        if (failed) return;
        failed = true;
        reject(e);
      });
      inflater.on('end', () => {
        // Let go of the sink (and the reader behind it) now, not when the stream closes a tick later.
        inflater.removeAllListeners('data');
        if (!failed) resolve();
      });
      let at = 0;
      const feed = () => {
        while (!failed && at < data.length) {
          const piece = data.subarray(at, Math.min(data.length, at + FEED));
          at += piece.length;
          if (!inflater.write(piece)) {
            inflater.once('drain', feed);
            return;
          }
        }
        if (!failed) inflater.end();
      };
      feed();
    });
  },
  crc32: typeof zlib.crc32 === 'function' ? (piece, crc) => zlib.crc32(piece, crc) : crc32Table,
};
