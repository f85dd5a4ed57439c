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

/**
 * Runs `pieces` through a raw DEFLATE stream (either direction) and hands what comes out to `sink`,
 * piece by piece. Corrupt data, or the sink refusing (a part past its size bound), stops the stream at once.
 */
export async function throughRawStream(Stream: StreamConstructor, pieces: Iterable<Uint8Array>, sink: (piece: Uint8Array) => void): Promise<void> {
  const stream = new Stream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Writes settle only as the output is read; their failures surface through read() below.
  const written = (async () => {
    for (const piece of pieces) await writer.write(piece);
    await writer.close();
  })().catch(() => undefined);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      sink(value);
    }
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    await writer.abort().catch(() => undefined);
    throw e;
  }
  await written;
}

/** `data` in FEED-sized slices. */
function* slices(data: Uint8Array): Iterable<Uint8Array> {
  for (let at = 0; at < data.length; at += FEED) yield data.subarray(at, Math.min(data.length, at + FEED));
}

export function streamInflater(Stream: StreamConstructor): InflateCodec {
  return { inflateRaw: (data, sink) => throughRawStream(Stream, slices(data), sink), crc32: jsInflate.crc32 };
}

const Native = rawDeflateStream('DecompressionStream');

/** The browser's native inflater where it has one, else fflate. */
export const browserInflate: InflateCodec = Native ? streamInflater(Native) : jsInflate;
