/**
 * The text of a string item (<si> in the shared strings, <is> in a cell), as Excel shows it: the
 * plain <t>, or its rich-text runs joined; phonetic runs (<rPh>, furigana) are not part of it.
 */
import type { XmlScanner } from './xml-scan';

/** XML white space at either end (what Excel drops from a <t> without xml:space="preserve"). */
const EDGE_SPACE = /^[ \t\n\r]+|[ \t\n\r]+$/g;

function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Most texts have none: the regular expression (and its garbage) only for those that do. */
function hasEdgeSpace(t: string): boolean {
  return t.length > 0 && (isXmlSpace(t.charCodeAt(0)) || isXmlSpace(t.charCodeAt(t.length - 1)));
}

/** ST_Xstring escapes: _x000D_ is a carriage return, _x005F_ an underscore. */
const XSTRING = /_x([0-9A-Fa-f]{4})_/g;

export function unescapeXstring(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(XSTRING, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Collects one string item's text from the events inside it. */
export class StringItem {
  private text = '';
  private inRun = false;
  private preserve = false;
  private plainTrim = false;

  reset(scanner: XmlScanner): void {
    this.text = '';
    this.inRun = false;
    this.preserve = scanner.attr('xml:space') === 'preserve';
  }

  /** An element inside the item; returns true when it was one of the item's own. */
  open(local: string, scanner: XmlScanner, empty: boolean): void {
    if (local === 't') {
      if (empty) return;
      // A plain <t> without xml:space="preserve" loses its edge white space in Excel; runs keep theirs
      // (a run of one space between two words is a space).
      this.plainTrim = !this.inRun && !this.preserve && scanner.attr('xml:space') !== 'preserve';
      scanner.captureText();
    } else if (local === 'r') {
      this.inRun = true;
    } else if (local === 'rPh' || local === 'rPr' || local === 'phoneticPr' || local === 'extLst') {
      if (!empty) scanner.skipElement();
    }
  }

  close(local: string, scanner: XmlScanner): void {
    if (local === 't') {
      const t = scanner.takeText();
      this.text += this.plainTrim && hasEdgeSpace(t) ? t.replace(EDGE_SPACE, '') : t;
    } else if (local === 'r') this.inRun = false;
  }

  value(): string {
    return unescapeXstring(this.text);
  }
}
