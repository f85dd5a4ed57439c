/**
 * The patcher's zip writing, compressing through the injected codec (codec.ts); reading is the shared
 * reader's. Entries we do not edit are copied as their original compressed bytes (never inflated or
 * recompressed), which keeps them byte-identical and costs nothing; only edited parts are deflated again.
 */
import { concatBytes, utf8Bytes } from './bytes';
import type { PatchCodec } from './codec';
import { WorkbookReadError } from '../xlsx-read/errors';
import { type ZipEntry, readCentralDirectory } from '../xlsx-read/zip';
import { RESAVE_ADVICE, XlsxPatchError } from './errors';

export type { ZipEntry };

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;

/** The package's entries, read by the project's one zip reader (xlsx-read/zip.ts), its refusals as the patcher's errors. */
export function readZip(input: Uint8Array): ZipEntry[] {
  try {
    return readCentralDirectory(input);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new XlsxPatchError(e.zh);
    throw e;
  }
}

/** The entry's uncompressed bytes. */
export function inflateEntry(e: ZipEntry, codec: PatchCodec): Uint8Array {
  if (e.flags & FLAG_ENCRYPTED) throw new XlsxPatchError(`文件中的“${e.name}”已加密，无法读取。请取消工作簿保护后重试。`);
  if (e.method === 0) return e.data.slice();
  if (e.method === 8) return codec.inflateRaw(e.data, e.size);
  throw new XlsxPatchError(`文件中的“${e.name}”使用了不支持的压缩方式（${e.method}）。${RESAVE_ADVICE}`);
}

/** A part already compressed as it was written (see DeflatingWriter): its DEFLATE data, CRC and size. */
export interface DeflatedPart {
  deflated: Uint8Array;
  crc: number;
  size: number;
}

/**
 * A part written piece by piece whose compression is left to the package's end, where the codec
 * compresses asynchronously (deflateRawAsync: the browser's CompressionStream): its bytes in order.
 */
export interface PendingPart {
  pending: Uint8Array[];
  crc: number;
  size: number;
}

/** A part whose compression runs off the script (PatchCodec.deflateStream): its DEFLATE data when done. */
export interface CompressingPart {
  compressing: Promise<Uint8Array>;
  crc: number;
  size: number;
}

/** A part as a writer hands it to the package: compressed, being compressed, or waiting for deflateRawAsync. */
export type WrittenPart = DeflatedPart | PendingPart | CompressingPart;

// Level 6 (zlib's default) for normal parts; a sheet over 8 MB gets level 1, about 4× faster for
// ~20 % more bytes on that part — the difference between the whole run keeping pace with the read or not.
export function deflateLevel(size: number): number {
  return size > 8_000_000 ? 1 : 6;
}

/**
 * Compresses a part piece by piece as it is produced, so a rewritten 30 MB sheet never exists whole.
 * With a codec that compresses asynchronously (a browser's), the pieces are kept, uncompressed, and
 * compressed natively at the package's end instead: faster there than compressing in script as they come.
 */
export class DeflatingWriter {
  private readonly pieces: Uint8Array[] = [];
  private crc = 0;
  private size = 0;
  private readonly stream?: { push(chunk: Uint8Array, last: boolean): Uint8Array };
  private readonly offScript?: { push(piece: Uint8Array): void; end(): Promise<Uint8Array> };

  constructor(
    private readonly codec: PatchCodec,
    level: number,
  ) {
    if (codec.deflateStream) this.offScript = codec.deflateStream(level);
    else if (!codec.deflateRawAsync) {
      if (!codec.deflater) throw new Error('A patch codec needs deflateStream, deflateRawAsync or deflater.');
      this.stream = codec.deflater(level);
    }
  }

  push(chunk: Uint8Array, last = false): void {
    this.crc = this.codec.crc32(chunk, this.crc);
    this.size += chunk.length;
    // The caller reuses its window: a kept piece is a copy.
    if (this.offScript) {
      if (chunk.length) this.offScript.push(chunk.slice());
    } else this.pieces.push(this.stream ? this.stream.push(chunk, last) : chunk.slice());
  }

  finish(): WrittenPart {
    const crc = this.crc >>> 0;
    if (this.offScript) {
      const compressing = this.offScript.end();
      // Awaited when the package is assembled; until then a failure must not count as unhandled.
      compressing.catch(() => undefined);
      return { compressing, crc, size: this.size };
    }
    return this.stream ? { deflated: concatBytes(this.pieces), crc, size: this.size } : { pending: this.pieces, crc, size: this.size };
  }
}

/** A part compressed for the zip: natively, asynchronously where the codec can (deflateRawAsync), else at the patcher's level. */
export async function deflatePart(content: Uint8Array | WrittenPart, codec: PatchCodec): Promise<DeflatedPart> {
  if (content instanceof Uint8Array) {
    const deflated = codec.deflateRawAsync ? await codec.deflateRawAsync([content]) : codec.deflateRaw(content, deflateLevel(content.length));
    return { deflated, crc: codec.crc32(content, 0) >>> 0, size: content.length };
  }
  if ('deflated' in content) return content;
  if ('compressing' in content) return { deflated: await content.compressing, crc: content.crc, size: content.size };
  if (!codec.deflateRawAsync) throw new Error('A pending part needs a codec that compresses asynchronously.');
  return { deflated: await codec.deflateRawAsync(content.pending), crc: content.crc, size: content.size };
}

/** A new or edited entry, its content already compressed (deflatePart, DeflatingWriter), timestamped like `like` so output is deterministic. */
export function deflatedEntry(name: string, part: DeflatedPart, like: Pick<ZipEntry, 'dosTime' | 'dosDate'>): ZipEntry {
  const data = part.deflated;
  const rawName = utf8Bytes(name);
  return {
    name,
    rawName,
    flags: /^[\x20-\x7e]*$/.test(name) ? 0 : FLAG_UTF8,
    method: 8,
    dosTime: like.dosTime,
    dosDate: like.dosDate,
    crc: part.crc,
    compressedSize: data.length,
    size: part.size,
    data,
    versionMadeBy: 20,
    internalAttrs: 0,
    externalAttrs: 0,
  };
}

export function writeZip(entries: ZipEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    // Sizes are known, so no data descriptor; the stored flags keep only the UTF-8 name bit.
    const flags = e.flags & FLAG_UTF8;
    if (offset > 0xfffffffe || e.compressedSize > 0xfffffffe || e.size > 0xfffffffe) {
      throw new XlsxPatchError(`输出文件超过 4 GB，无法写出。请拆分工作簿后重试。`);
    }
    const local = new Uint8Array(30);
    const l = new DataView(local.buffer);
    l.setUint32(0, SIG_LOCAL, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, flags, true);
    l.setUint16(8, e.method, true);
    l.setUint16(10, e.dosTime, true);
    l.setUint16(12, e.dosDate, true);
    l.setUint32(14, e.crc, true);
    l.setUint32(18, e.compressedSize, true);
    l.setUint32(22, e.size, true);
    l.setUint16(26, e.rawName.length, true);
    l.setUint16(28, 0, true);
    const cd = new Uint8Array(46);
    const c = new DataView(cd.buffer);
    c.setUint32(0, SIG_CENTRAL, true);
    c.setUint16(4, e.versionMadeBy, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, flags, true);
    c.setUint16(10, e.method, true);
    c.setUint16(12, e.dosTime, true);
    c.setUint16(14, e.dosDate, true);
    c.setUint32(16, e.crc, true);
    c.setUint32(20, e.compressedSize, true);
    c.setUint32(24, e.size, true);
    c.setUint16(28, e.rawName.length, true);
    c.setUint16(36, e.internalAttrs, true);
    c.setUint32(38, e.externalAttrs, true);
    c.setUint32(42, offset, true);
    chunks.push(local, e.rawName, e.data);
    central.push(cd, e.rawName);
    offset += 30 + e.rawName.length + e.data.length;
  }
  if (entries.length > 0xfffe) throw new XlsxPatchError('工作簿中的部件过多，无法写出。');
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = new Uint8Array(22);
  const z = new DataView(end.buffer);
  z.setUint32(0, SIG_END, true);
  z.setUint16(8, entries.length, true);
  z.setUint16(10, entries.length, true);
  z.setUint32(12, cdSize, true);
  z.setUint32(16, offset, true);
  return concatBytes([...chunks, ...central, end]);
}
