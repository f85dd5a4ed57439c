/**
 * Building a new part from the old one's bytes and inserted strings, written straight into one
 * growing output buffer: adjacent copied ranges merge into a single copy, and inserted strings are
 * encoded as they come, so a 100,000-row edit keeps no pile of pieces alive until the end.
 */
export class Splice {
  private out: Buffer;
  private length = 0;
  private from = 0;
  private to = 0;

  constructor(private readonly source: Buffer) {
    // Edits usually add a little; start a bit larger than the source.
    this.out = Buffer.allocUnsafe(source.length + (source.length >> 3) + 4096);
  }

  /** Appends source bytes [from, to). */
  copy(from: number, to: number): void {
    if (to <= from) return;
    if (from !== this.to || this.to === this.from) {
      this.flush();
      this.from = from;
    }
    this.to = to;
  }

  insert(text: string): void {
    if (!text) return;
    this.flush();
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.reserve(text.length * 3);
    this.length += this.out.write(text, this.length);
  }

  private flush(): void {
    const n = this.to - this.from;
    if (n > 0) {
      this.reserve(n);
      this.length += this.source.copy(this.out, this.length, this.from, this.to);
    }
    this.from = this.to = 0;
  }

  private reserve(n: number): void {
    if (this.length + n <= this.out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.length + n));
    this.out.copy(bigger, 0, 0, this.length);
    this.out = bigger;
  }

  toBuffer(): Buffer {
    this.flush();
    return this.out.subarray(0, this.length);
  }
}
