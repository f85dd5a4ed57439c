/**
 * Moving a formula the way Excel does when it copies a cell: relative references shift by the
 * distance moved, absolute ($) parts stay, references pushed off the sheet become #REF!. Used to
 * give each dependent of a shared formula its own text when the cell holding the shared text is
 * overwritten. Text in quotes, quoted sheet names, structured references and error values are copied.
 */
import { columnIndex, columnLetters } from '../../core';

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

// Each sticky pattern is tried at a token start; the lookaheads stop "A1" matching inside "A1B" or "LOG10(".
const NOT_NAME = '(?![\\p{L}\\p{N}_.\\\\?(!\\[])';
const CELL = new RegExp(`(\\$?)([A-Za-z]{1,3})(\\$?)(\\d{1,7})${NOT_NAME}`, 'uy');
const COLUMNS = new RegExp(`(\\$?)([A-Za-z]{1,3}):(\\$?)([A-Za-z]{1,3})${NOT_NAME}`, 'uy');
const ROWS = /(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![\d.])/y;
const NUMBER = /\d+(?:\.\d*)?(?:[eE][+-]?\d+)?/y;
const NAME = /[\p{L}_\\][\p{L}\p{N}_.\\?]*/uy;
const ERROR = /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!)/y;

function at(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

function shiftCol(abs: string, letters: string, dc: number): string | undefined {
  if (abs) return `$${letters.toUpperCase()}`;
  const c = columnIndex(letters) + dc;
  return c < 0 || c > MAX_COL ? undefined : columnLetters(c);
}

function shiftRow(abs: string, digits: string, dr: number): string | undefined {
  if (abs) return `$${digits}`;
  const r = Number(digits) - 1 + dr;
  return r < 0 || r > MAX_ROW ? undefined : String(r + 1);
}

/** The formula text (without "=") as it reads `dr` rows down and `dc` columns right of where it was written. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name; a doubled quote is an escaped one.
      let j = i + 1;
      while (j < n && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '[') {
      // Structured reference or external-workbook index: copied whole, nested brackets included.
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === "'" && formula[j + 1] !== undefined) j++;
        else if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let m: RegExpExecArray | null;
    if (ch === '#' && (m = at(ERROR, formula, i))) {
      out += m[0];
      i += m[0].length;
      continue;
    }
    if ((m = at(ROWS, formula, i))) {
      const a = shiftRow(m[1], m[2], dr);
      const b = shiftRow(m[3], m[4], dr);
      out += a && b ? `${a}:${b}` : '#REF!';
      i += m[0].length;
      continue;
    }
    if (/[0-9.]/.test(ch)) {
      m = at(NUMBER, formula, i);
      const len = m ? m[0].length : 1;
      out += formula.slice(i, i + len);
      i += len;
      continue;
    }
    if ((m = at(COLUMNS, formula, i)) && columnIndex(m[2]) <= MAX_COL && columnIndex(m[4]) <= MAX_COL) {
      const a = shiftCol(m[1], m[2], dc);
      const b = shiftCol(m[3], m[4], dc);
      out += a && b ? `${a}:${b}` : '#REF!';
      i += m[0].length;
      continue;
    }
    // Beyond XFD1048576 "XYZ1" is not a cell but a legal defined name.
    if ((m = at(CELL, formula, i)) && columnIndex(m[2]) <= MAX_COL && Number(m[4]) >= 1 && Number(m[4]) <= MAX_ROW + 1) {
      const c = shiftCol(m[1], m[2], dc);
      const r = shiftRow(m[3], m[4], dr);
      out += c && r ? c + r : '#REF!';
      i += m[0].length;
      continue;
    }
    if ((m = at(NAME, formula, i))) {
      // Function, defined name, TRUE/FALSE, or an unquoted sheet name before "!".
      out += m[0];
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
