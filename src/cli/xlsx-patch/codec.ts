/**
 * What the patcher needs from a compression library, injected so the same patcher runs in Node (zlib,
 * native: node-codec.ts) and in a browser page (fflate, pure JS: js-codec.ts). Every call is
 * synchronous: the patcher rebuilds a part in windows and compresses each as it fills.
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
  /** One part compressed piece by piece: each push returns the DEFLATE bytes it produced; the last one ends the stream. */
  deflater(level: number): { push(chunk: Uint8Array, last: boolean): Uint8Array };
  crc32(data: Uint8Array, crc: number): number;
}
