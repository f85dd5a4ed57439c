/**
 * What the patcher needs from a compression library, injected so the same patcher runs in Node (zlib,
 * native: node-codec.ts) and in a browser page (fflate, pure JS: js-codec.ts). The patcher rebuilds a
 * part in windows and hands each to the codec as it fills: to a synchronous deflater, to a stream that
 * compresses off the script while the next window is built (deflateStream), or kept for
 * deflateRawAsync at the package's end.
 */
export interface PatchCodec {
  /** A raw DEFLATE stream's bytes; `size` is the size the zip records, for one output buffer. */
  inflateRaw(data: Uint8Array, size: number): Uint8Array;
  /** One part compressed whole. */
  deflateRaw(data: Uint8Array, level: number): Uint8Array;
  /**
   * One part compressed whole from its pieces in order, asynchronously, where a runtime compresses
   * natively off the script (a browser's CompressionStream). When a codec has it, every part the
   * patcher writes is compressed through it at the package's end, and deflater() is not used.
   */
  deflateRawAsync?(pieces: readonly Uint8Array[]): Promise<Uint8Array>;
  /**
   * One part compressed piece by piece off the script (Node's zlib on its thread pool): each push hands
   * over a piece the stream may keep (the caller passes a copy), end() gives the whole DEFLATE stream.
   * When a codec has it, the patcher uses it instead of deflater().
   */
  deflateStream?(level: number): { push(piece: Uint8Array): void; end(): Promise<Uint8Array> };
  /**
   * One part compressed piece by piece, synchronously (fflate in a browser without CompressionStream):
   * each push returns the DEFLATE bytes it produced; the last one ends the stream. A codec has this,
   * deflateStream or deflateRawAsync.
   */
  deflater?(level: number): { push(chunk: Uint8Array, last: boolean): Uint8Array };
  crc32(data: Uint8Array, crc: number): number;
}
