/**
 * A part's bytes read as text one character per byte (latin1): the string methods the sheet
 * splicer uses (see sheet-rows.ts), answered from the bytes themselves. A 30 MB sheet then costs its
 * bytes once, not again as a 30 MB string. A plain string satisfies the same interface.
 */
import { latin1Text, utf8Text } from './bytes';

export interface Latin1Text {
  readonly length: number;
  charCodeAt(i: number): number;
  indexOf(search: string, from?: number): number;
  lastIndexOf(search: string, from?: number): number;
  slice(from?: number, to?: number): string;
  startsWith(search: string, at?: number): boolean;
}

export class Latin1Bytes implements Latin1Text {
  constructor(readonly buf: Uint8Array) {}

  get length(): number {
    return this.buf.length;
  }

  charCodeAt(i: number): number {
    const b = this.buf[i];
    return b === undefined ? NaN : b;
  }

  /** The search's first byte is found natively (TypedArray indexOf), the rest compared here. */
  indexOf(search: string, from = 0): number {
    const buf = this.buf;
    if (from > buf.length) return -1;
    if (search.length === 0) return Math.max(0, from);
    const first = search.charCodeAt(0);
    const last = buf.length - search.length;
    for (let at = buf.indexOf(first, Math.max(0, from)); at !== -1 && at <= last; at = buf.indexOf(first, at + 1)) {
      if (this.startsWith(search, at)) return at;
    }
    return -1;
  }

  lastIndexOf(search: string, from = this.buf.length): number {
    const buf = this.buf;
    if (search.length === 0) return Math.min(Math.max(0, from), buf.length);
    const first = search.charCodeAt(0);
    const start = Math.min(from, buf.length - search.length);
    if (start < 0) return -1;
    for (let at = buf.lastIndexOf(first, start); at !== -1; at = at === 0 ? -1 : buf.lastIndexOf(first, at - 1)) {
      if (this.startsWith(search, at)) return at;
    }
    return -1;
  }

  slice(from = 0, to = this.buf.length): string {
    return latin1Text(this.buf, from, Math.min(to, this.buf.length));
  }

  startsWith(search: string, at = 0): boolean {
    if (at < 0 || at + search.length > this.buf.length) return false;
    for (let i = 0; i < search.length; i++) if (this.buf[at + i] !== search.charCodeAt(i)) return false;
    return true;
  }

  /** The bytes [from, to) decoded as UTF-8 (what they really are). */
  utf8(from: number, to: number): string {
    return utf8Text(this.buf, from, to);
  }
}
