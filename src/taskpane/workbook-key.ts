/**
 * Short fingerprints that tell whether what a report was made from has changed: the workbook's data
 * sheets (not the report sheet or the add-in's own hidden sheets, which the pane itself writes) and
 * the settings, mapping included. FNV-1a over the values, not a JSON copy: a 100,000-row export is
 * hashed in tens of milliseconds without doubling its memory.
 */
import { isDataSheet, type Settings, type WorkbookSnapshot } from '../core';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

class Fnv {
  private a = FNV_OFFSET;
  // A second lane with another seed: 64 bits make an accidental match between two workbooks negligible.
  private b = FNV_OFFSET ^ 0x5bd1e995;

  text(s: string): this {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      this.a = Math.imul(this.a ^ c, FNV_PRIME);
      this.b = Math.imul(this.b ^ c, 0x01000197);
    }
    return this;
  }

  /** A separator that no cell text can forge: type tags are outside the UTF-16 text the cells hold. */
  mark(tag: number): this {
    this.a = Math.imul(this.a ^ (0x10000 + tag), FNV_PRIME);
    this.b = Math.imul(this.b ^ (0x10000 + tag), 0x01000197);
    return this;
  }

  digest(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}

/** The data sheets' names, positions and values; formats and hidden add-in sheets do not count. */
export function snapshotKey(snapshot: WorkbookSnapshot): string {
  const h = new Fnv();
  h.text(String(snapshot.dateSystem ?? 1900));
  for (const sheet of snapshot.sheets) {
    if (!isDataSheet(sheet)) continue;
    h.mark(1).text(sheet.name).mark(2).text(`${sheet.top},${sheet.left},${sheet.visibility ?? ''}`);
    for (const row of sheet.values) {
      h.mark(3);
      if (!row) continue;
      for (const v of row) {
        if (v === null || v === undefined || v === '') h.mark(4);
        else if (typeof v === 'string') h.mark(5).text(v);
        else h.mark(typeof v === 'number' ? 6 : 7).text(String(v));
      }
    }
  }
  return h.digest();
}

/** Settings with keys in a fixed order, so two equal settings objects give the same key. */
export function settingsKey(settings: Settings): string {
  const sorted = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.keys(value as object)
            .filter((k) => k !== 'today' && (value as Record<string, unknown>)[k] !== undefined)
            .sort()
            .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
        )
      : value;
  return JSON.stringify(sorted(settings));
}
