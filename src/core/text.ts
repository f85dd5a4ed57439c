/** Text normalisation shared by header matching, name matching and number parsing. */

/** Full-width ASCII (！…～ and the ideographic space) to half-width: ８１０.３３４ → 810.334. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

/** The key two project names are compared by: half-width, no white space, no zero-width marks. */
export function nameKey(s: string): string {
  return toHalfWidth(s).replace(/[\s\u200b-\u200d\ufeff]+/g, '').toLowerCase();
}

/** A cell's text, trimmed; numbers and booleans as Excel would show them plainly. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v).trim();
}

/** Excel's formula error values, as Range.values reports them. */
const FORMULA_ERRORS = /^#(DIV\/0!|REF!|N\/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|BUSY!|CONNECT!|EXTERNAL!|UNKNOWN!|PYTHON!)$/;

export function isFormulaError(v: unknown): boolean {
  return typeof v === 'string' && FORMULA_ERRORS.test(v.trim());
}

/** Cut a long text for a message: a 300-character project name should not drown the sentence. */
export function clip(s: string, max = 40): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
