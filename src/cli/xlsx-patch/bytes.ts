/**
 * Text and bytes without Node's Buffer, so the patcher runs in a browser too: UTF-8 through the
 * platform's TextEncoder/TextDecoder (native in Node and browsers), latin1 (one character per byte)
 * by hand — TextDecoder's "latin1" is really windows-1252, which maps 0x80–0x9F elsewhere.
 */
const encoder = new TextEncoder();
// ignoreBOM: a part's byte-order mark is kept as U+FEFF, so the package can write it back.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

export function utf8Text(bytes: Uint8Array, from = 0, to = bytes.length): string {
  return decoder.decode(bytes.subarray(from, Math.min(to, bytes.length)));
}

/** Encodes as much of `text` as fits into `into` at `at`; returns the bytes written. */
export function encodeUtf8Into(text: string, into: Uint8Array, at: number): number {
  return encoder.encodeInto(text, into.subarray(at)).written ?? 0;
}

const LATIN1_STEP = 8192;

export function latin1Text(bytes: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let at = from; at < to; at += LATIN1_STEP) out += String.fromCharCode.apply(null, bytes.subarray(at, Math.min(to, at + LATIN1_STEP)) as unknown as number[]);
  return out;
}

export function concatBytes(pieces: Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
