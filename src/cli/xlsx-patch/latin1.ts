/**
 * A part's bytes read as text one character per byte (latin1): the string methods the sheet
 * splicer uses (see sheet-rows.ts), answered from the Buffer itself. A 30 MB sheet then costs its
 * bytes once, not again as a 30 MB string. A plain string satisfies the same interface.
 */
export interface Latin1Text {
  readonly length: number;
  charCodeAt(i: number): number;
  indexOf(search: string, from?: number): number;
  lastIndexOf(search: string, from?: number): number;
  slice(from?: number, to?: number): string;
  startsWith(search: string, at?: number): boolean;
}

export class Latin1Bytes implements Latin1Text {
  constructor(readonly buf: Buffer) {}

  get length(): number {
    return this.buf.length;
  }

  charCodeAt(i: number): number {
    const b = this.buf[i];
    return b === undefined ? NaN : b;
  }

  indexOf(search: string, from = 0): number {
    return from > this.buf.length ? -1 : this.buf.indexOf(search, from, 'latin1');
  }

  lastIndexOf(search: string, from = this.buf.length): number {
    return this.buf.lastIndexOf(search, Math.min(from, this.buf.length), 'latin1');
  }

  slice(from = 0, to = this.buf.length): string {
    return this.buf.toString('latin1', from, Math.min(to, this.buf.length));
  }

  startsWith(search: string, at = 0): boolean {
    if (at < 0 || at + search.length > this.buf.length) return false;
    for (let i = 0; i < search.length; i++) if (this.buf[at + i] !== search.charCodeAt(i)) return false;
    return true;
  }

  /** The bytes [from, to) decoded as UTF-8 (what they really are). */
  utf8(from: number, to: number): string {
    return this.buf.toString('utf8', from, to);
  }
}
