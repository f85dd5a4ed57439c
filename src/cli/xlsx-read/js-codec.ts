/**
 * The inflate codec for runtimes without zlib (a browser): fflate's streaming inflater, pure JS, also
 * in old browsers. Slower than Node's native zlib (see bench/read.bench.ts), so Node uses node-codec.
 */
import { Inflate } from 'fflate';
import { crc32Table } from './crc32';
import type { InflateCodec } from './zip';

const FEED = 256 * 1024;

export const jsInflate: InflateCodec = {
  async inflateRaw(data, sink) {
    const inflater = new Inflate((piece) => sink(piece));
    for (let at = 0; at < data.length; at += FEED) inflater.push(data.subarray(at, Math.min(data.length, at + FEED)), at + FEED >= data.length);
    if (data.length === 0) inflater.push(data, true);
  },
  crc32: crc32Table,
};
