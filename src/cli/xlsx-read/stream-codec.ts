/**
 * The inflate codec on the web platform's own DecompressionStream('deflate-raw'): native zlib behind a
 * stream, in Chromium 103+, Firefox 113+, Safari 16.4+ (and Node 20). Measured in the page's Web Worker
 * on the bench workbook's 29.8 MB sheet (`node bench/… bench:app`): 175 ms, where fflate — pure JS —
 * takes 560 ms warmed up and 1.3 s on a worker's first, cold run. Older browsers (Chromium 86–102,
 * which the page still supports) have no 'deflate-raw' format: `browserInflate` falls back to fflate.
 */
import { jsInflate } from './js-codec';
import type { InflateCodec } from './zip';

/** Compressed input is written in slices, so a bomb is stopped by the sink before it is all inflated. */
const FEED = 256 * 1024;

type RawStream = { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> };
export type StreamConstructor = new (format: string) => RawStream;

/** The runtime's DecompressionStream or CompressionStream, if it knows raw DEFLATE. */
export function rawDeflateStream(name: 'DecompressionStream' | 'CompressionStream'): StreamConstructor | undefined {
  const ctor = (globalThis as unknown as Record<string, StreamConstructor | undefined>)[name];
  if (typeof ctor !== 'function') return undefined;
  try {
    new ctor('deflate-raw'); // Chromium 80–102 know 'deflate' and 'gzip' only, and throw here
    return ctor;
  } catch {
    return undefined;
  }
}

export function streamInflater(Stream: StreamConstructor): InflateCodec {
  return {
    async inflateRaw(data, sink) {
      const stream = new Stream('deflate-raw');
      const writer = stream.writable.getWriter();
      const reader = stream.readable.getReader();
      // Writes settle only as the output is read; their failures surface through read() below.
      const written = (async () => {
        for (let at = 0; at < data.length; at += FEED) await writer.write(data.subarray(at, Math.min(data.length, at + FEED)));
        await writer.close();
      })().catch(() => undefined);
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          sink(value);
        }
      } catch (e) {
        // Corrupt data, or the sink refusing (a part past its size bound): stop inflating at once.
        await reader.cancel().catch(() => undefined);
        await writer.abort().catch(() => undefined);
        throw e;
      }
      await written;
    },
    crc32: jsInflate.crc32,
  };
}

const Native = rawDeflateStream('DecompressionStream');

/** The browser's native inflater where it has one, else fflate. */
export const browserInflate: InflateCodec = Native ? streamInflater(Native) : jsInflate;
