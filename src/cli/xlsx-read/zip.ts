/**
 * The project's one zip reader, shared by the reader and the patcher: the central directory read
 * into entries whose data are views into the input (nothing is copied or inflated here), checked for
 * what a hostile package tries — duplicate names, names leaving the package, truncation — and an
 * entry streamed through an injected inflate codec under size and ratio bounds, its CRC verified.
 * Environment-neutral (Uint8Array, DataView, TextDecoder): it runs in Node and in a browser.
 */
import { fail } from './errors';
import { notAZipPackage } from './sniff';

export interface ZipEntry {
  name: string;
  /** The name as stored (kept verbatim when the patcher copies the entry) and whether it is flagged UTF-8. */
  rawName: Uint8Array;
  flags: number;
  method: number;
  dosTime: number;
  dosDate: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Compressed bytes: a view into the input. */
  data: Uint8Array;
  /** Attributes copied from the central directory so a copied entry looks the same. */
  versionMadeBy: number;
  internalAttrs: number;
  externalAttrs: number;
}

/** Inflating raw DEFLATE data as a stream; Node's zlib in the CLI, a JS inflater in a browser. */
export interface InflateCodec {
  /** Hands the inflated bytes to `sink` piece by piece, in order; rejects on corrupt data or when `sink` throws. */
  inflateRaw(data: Uint8Array, sink: (piece: Uint8Array) => void): Promise<void>;
  /** CRC-32 of `piece` continuing from `crc` (0 to start). */
  crc32(piece: Uint8Array, crc: number): number;
}

export const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;
export const FLAG_ENCRYPTED = 0x1;
export const FLAG_UTF8 = 0x800;

/** Bounds on one inflated part: an absolute size, and a ratio no real workbook part reaches. */
export interface InflateLimits {
  maxBytes: number;
  /** Refuse once past `ratioFloor` bytes if the part has grown more than `maxRatio` times its compressed size. */
  maxRatio: number;
  ratioFloor: number;
}

// Measured: a sheet of a million styled empty cells deflates 10–17×; a zip bomb ~1,000× (DEFLATE's ceiling).
export const DEFAULT_LIMITS: InflateLimits = { maxBytes: 1024 * 1024 * 1024, maxRatio: 200, ratioFloor: 64 * 1024 * 1024 };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeName(raw: Uint8Array, flags: number): string {
  let ascii = true;
  for (let i = 0; i < raw.length; i++) if (raw[i] > 0x7f) ascii = false;
  if (ascii) return String.fromCharCode(...raw);
  // Unflagged UTF-8 is common (many zip tools omit the flag); anything else is read as Latin-1.
  try {
    return utf8.decode(raw);
  } catch {
    if (flags & FLAG_UTF8) throw fail.damaged('zip', '的部件名不是有效的 UTF-8', 'has an entry name that is not valid UTF-8');
    return String.fromCharCode(...raw);
  }
}

/** A name that would leave the package if extracted: `../x`, `/x`, `C:x`, or with backslashes. */
function leavesPackage(name: string): boolean {
  if (/^[/\\]/.test(name) || /^[A-Za-z]:/.test(name)) return true;
  return name.split(/[/\\]/).some((seg) => seg === '..');
}

/** The zip64 extended-information extra field, for the values the central record left at 0xFFFFFFFF. */
function zip64Values(view: DataView, from: number, to: number, wanted: { size: boolean; compressed: boolean; offset: boolean }): { size?: number; compressed?: number; offset?: number } {
  for (let p = from; p + 4 <= to; ) {
    const id = view.getUint16(p, true);
    const len = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const next = (): number => {
        if (q + 8 > to) throw fail.truncated();
        const v = Number(view.getBigUint64(q, true));
        q += 8;
        return v;
      };
      return { size: wanted.size ? next() : undefined, compressed: wanted.compressed ? next() : undefined, offset: wanted.offset ? next() : undefined };
    }
    p += 4 + len;
  }
  return {};
}

function findEnd(view: DataView): number {
  const n = view.byteLength;
  for (let p = n - 22; p >= Math.max(0, n - 22 - 0xffff); p--) if (view.getUint32(p, true) === SIG_END) return p;
  return -1;
}

/**
 * Every entry of the zip, from its central directory. Throws WorkbookReadError for a package that is
 * truncated, has two entries of one name (OPC names compare case-insensitively), or an entry whose
 * name leaves the package.
 */
export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  const end = n >= 22 ? findEnd(view) : -1;
  if (end < 0) throw n >= 4 && view.getUint32(0, true) === SIG_LOCAL ? fail.truncated() : notAZipPackage(bytes);
  let count = view.getUint16(end + 10, true);
  let cdOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const loc = end - 20;
    if (loc < 0 || view.getUint32(loc, true) !== SIG_END64_LOCATOR) throw fail.truncated();
    const end64 = Number(view.getBigUint64(loc + 8, true));
    if (end64 + 56 > n || view.getUint32(end64, true) !== SIG_END64) throw fail.truncated();
    count = Number(view.getBigUint64(end64 + 32, true));
    cdOffset = Number(view.getBigUint64(end64 + 48, true));
  }
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > n || view.getUint32(p, true) !== SIG_CENTRAL) throw fail.truncated();
    const flags = view.getUint16(p + 8, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (p + 46 + nameLen + extraLen > n) throw fail.truncated();
    const rawName = bytes.subarray(p + 46, p + 46 + nameLen);
    let size = view.getUint32(p + 24, true);
    let compressedSize = view.getUint32(p + 20, true);
    let offset = view.getUint32(p + 42, true);
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
      const z = zip64Values(view, p + 46 + nameLen, p + 46 + nameLen + extraLen, { size: size === 0xffffffff, compressed: compressedSize === 0xffffffff, offset: offset === 0xffffffff });
      size = z.size ?? size;
      compressedSize = z.compressed ?? compressedSize;
      offset = z.offset ?? offset;
    }
    const name = decodeName(rawName, flags);
    if (leavesPackage(name)) throw fail.unsafeEntry(name);
    const key = name.toLowerCase();
    if (seen.has(key)) throw fail.duplicateEntry(name);
    seen.add(key);
    if (offset + 30 > n || view.getUint32(offset, true) !== SIG_LOCAL) throw fail.truncated();
    const dataStart = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    if (dataStart + compressedSize > n) throw fail.truncated();
    entries.push({
      name,
      rawName,
      flags,
      method: view.getUint16(p + 10, true),
      dosTime: view.getUint16(p + 12, true),
      dosDate: view.getUint16(p + 14, true),
      crc: view.getUint32(p + 16, true),
      compressedSize,
      size,
      data: bytes.subarray(dataStart, dataStart + compressedSize),
      versionMadeBy: view.getUint16(p + 4, true),
      internalAttrs: view.getUint16(p + 36, true),
      externalAttrs: view.getUint32(p + 38, true),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function formatBytes(n: number): string {
  return n >= 1024 ** 3 ? `${n / 1024 ** 3} GB` : `${Math.round(n / 1024 ** 2)} MB`;
}

/**
 * Streams an entry's uncompressed bytes into `sink`, never holding the whole part: stops with a
 * message as soon as the part outgrows the limits, and checks the size and CRC-32 at the end.
 */
export async function streamEntry(e: ZipEntry, codec: InflateCodec, sink: (piece: Uint8Array) => void, limits: InflateLimits = DEFAULT_LIMITS): Promise<void> {
  if (e.flags & FLAG_ENCRYPTED) throw fail.encrypted();
  let total = 0;
  let crc = 0;
  const ratioCap = e.compressedSize * limits.maxRatio;
  const take = (piece: Uint8Array) => {
    total += piece.length;
    // More than the directory promised is a damaged or hostile entry either way: stop now.
    if (total > e.size) throw fail.damaged(e.name, `解压后超过记录的大小（${e.size} 字节）`, `inflates past the ${e.size} bytes recorded`);
    if (total > limits.maxBytes) throw fail.partTooLarge(e.name, formatBytes(limits.maxBytes));
    if (total > limits.ratioFloor && total > ratioCap) throw fail.bomb(e.name, limits.maxRatio);
    crc = codec.crc32(piece, crc);
    sink(piece);
  };
  if (e.method === 0) {
    // Stored: handed over in slices so the scanner sees the same stream either way.
    for (let at = 0; at < e.data.length; at += 1 << 20) take(e.data.subarray(at, Math.min(e.data.length, at + (1 << 20))));
  } else if (e.method === 8) {
    try {
      await codec.inflateRaw(e.data, take);
    } catch (err) {
      if (err instanceof Error && err.name === 'WorkbookReadError') throw err;
      throw fail.damaged(e.name, '无法解压（数据损坏）', 'cannot be inflated (its data are corrupt)');
    }
  } else {
    throw fail.unsupported(e.name, `使用了不支持的压缩方式（${e.method}）`, `it uses an unsupported compression method (${e.method})`);
  }
  if (total !== e.size) throw fail.damaged(e.name, `解压后的大小（${total} 字节）与记录的不符（${e.size} 字节）`, `inflates to ${total} bytes, not the ${e.size} recorded`);
  if (crc >>> 0 !== e.crc >>> 0) throw fail.damaged(e.name, '的校验和（CRC）不符', 'fails its CRC check');
}
