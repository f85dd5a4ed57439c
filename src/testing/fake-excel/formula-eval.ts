/**
 * Node only, for the xlsx loader: what Excel would show in a formula cell a file carries without its
 * computed value (openpyxl and export systems save formulas uncalculated; Excel calculates them on
 * opening). The simulated Excel has no calculation engine, so this evaluates the small arithmetic
 * such files hold — numbers, cell references (same sheet or 'Sheet'!A1), + − × ÷, parentheses, SUM
 * over cells and ranges, DATE(y,m,d), and a table's totals row SUBTOTAL(109,表[列]) — and refuses anything else by name, so a test never sees a silent 0 or
 * an empty cell where Excel shows a number.
 */
import { parseRect } from './address';
import type { CellValue, FakeSheetData } from './types';

export class FormulaNotEvaluable extends Error {}

/** Looks a cell up: its value, evaluating an uncalculated formula first when it is one. */
export type CellLookup = (sheet: string, row: number, col: number) => CellValue;

const TOKEN = /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|((?:'(?:[^']|'')+'|[^\s!'(),:+\-*/^&=<>"]+)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![\w\[])|(SUM|SUBTOTAL|DATE)\s*\(|([^\s!'(),:+\-*/^&=<>"\[\]]+)\[([^\]]+)\]|([-+*/(),]))/iy;

interface Token {
  kind: 'num' | 'ref' | 'sum' | 'subtotal' | 'date' | 'column' | 'op';
  text: string;
  sheet?: string;
  /** A structured reference's table name (text is the column). */
  table?: string;
}

/** A table's column as a sheet range, without header and totals row: 支付表[金额] → 支付明细!C2:C4. */
export type ColumnResolver = (table: string, column: string) => { sheet: string; ref: string } | undefined;

function tokenize(formula: string, where: string): Token[] {
  const out: Token[] = [];
  const src = formula.replace(/^=/, '');
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < src.length) {
    if (/^\s*$/.test(src.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(src);
    if (!m) throw new FormulaNotEvaluable(`The simulated Excel cannot compute =${src} at ${where} (no cached value in the file): give the cell a value or extend formula-eval.ts.`);
    at = TOKEN.lastIndex;
    if (m[1]) out.push({ kind: 'num', text: m[1] });
    else if (m[3]) out.push({ kind: 'ref', text: m[3].replace(/\$/g, ''), sheet: m[2] ? m[2].slice(0, -1).replace(/^'(.*)'$/, '$1').replace(/''/g, "'") : undefined });
    else if (m[4]) out.push({ kind: m[4].toLowerCase() as Token['kind'], text: `${m[4].toUpperCase()}(` });
    else if (m[5]) out.push({ kind: 'column', table: m[5], text: m[6] });
    else out.push({ kind: 'op', text: m[7] });
  }
  return out;
}

/** A number as Excel's arithmetic takes it: numbers, empty as 0, numeric text; anything else fails. */
function asNumber(v: CellValue, where: string): number {
  if (typeof v === 'number') return v;
  if (v === '' || v === null || v === undefined) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const n = Number(String(v).trim());
  if (String(v).trim() !== '' && Number.isFinite(n)) return n;
  throw new FormulaNotEvaluable(`The simulated Excel would show #VALUE! for a formula at ${where} (it reads the text "${v}").`);
}

/** Evaluates `formula` written in `sheet` at `where`; a range's text cells count nothing in SUM, as in Excel. */
export function evaluateFormula(formula: string, sheet: string, where: string, lookup: CellLookup, columnOf: ColumnResolver = () => undefined, date1904 = false): number {
  const tokens = tokenize(formula, where).map((t): Token => {
    if (t.kind !== 'column') return t;
    const at = columnOf(t.table!, t.text);
    if (!at) throw new FormulaNotEvaluable(`No table column ${t.table}[${t.text}] for the formula at ${where}`);
    return { kind: 'ref', text: at.ref, sheet: at.sheet };
  });
  let i = 0;
  const peek = () => tokens[i];
  const cells = (t: Token): CellValue[] => {
    const rect = parseRect(t.text);
    if (!rect) throw new FormulaNotEvaluable(`Bad reference ${t.text} at ${where}`);
    const out: CellValue[] = [];
    for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) out.push(lookup(t.sheet ?? sheet, r, c));
    return out;
  };
  const primary = (): number => {
    const t = tokens[i++];
    if (!t) throw new FormulaNotEvaluable(`Incomplete formula at ${where}`);
    if (t.kind === 'num') return Number(t.text);
    if (t.kind === 'ref') {
      const values = cells(t);
      if (values.length !== 1) throw new FormulaNotEvaluable(`A range outside SUM at ${where}`);
      return asNumber(values[0], where);
    }
    if (t.kind === 'date') {
      // DATE(y,m,d): the serial in the workbook's date system (1900: from 1899-12-30; 1904: from 1904-01-01).
      const args: number[] = [];
      for (;;) {
        args.push(expression());
        const sep = tokens[i++];
        if (sep?.text === ')') break;
        if (sep?.text !== ',') throw new FormulaNotEvaluable(`Bad DATE at ${where}`);
      }
      if (args.length !== 3) throw new FormulaNotEvaluable(`DATE needs 3 arguments at ${where}`);
      const days = Date.UTC(args[0], args[1] - 1, args[2]) / 86_400_000;
      return days - (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)) / 86_400_000;
    }
    if (t.kind === 'subtotal') {
      // SUBTOTAL(9 or 109, …) is a SUM (the totals row Excel writes for a table's sum).
      const fn = tokens[i++];
      if (!fn || fn.kind !== 'num' || !['9', '109'].includes(fn.text) || tokens[i++]?.text !== ',') throw new FormulaNotEvaluable(`Only SUBTOTAL(9|109, …) is computed by the simulated Excel (at ${where})`);
      tokens.splice(i - 2, 0, { kind: 'sum', text: 'SUM(' });
      tokens.splice(i - 1, 2);
      i -= 2;
      return primary();
    }
    if (t.kind === 'sum') {
      let total = 0;
      for (;;) {
        const next = peek();
        if (next?.kind === 'ref' && (tokens[i + 1]?.text === ',' || tokens[i + 1]?.text === ')')) {
          i++;
          for (const v of cells(next)) if (typeof v === 'number') total += v;
        } else total += expression();
        const sep = tokens[i++];
        if (sep?.text === ')') return total;
        if (sep?.text !== ',') throw new FormulaNotEvaluable(`Bad SUM at ${where}`);
      }
    }
    if (t.text === '(') {
      const v = expression();
      if (tokens[i++]?.text !== ')') throw new FormulaNotEvaluable(`Unbalanced parentheses at ${where}`);
      return v;
    }
    if (t.text === '-') return -primary();
    if (t.text === '+') return primary();
    throw new FormulaNotEvaluable(`Unexpected ${t.text} at ${where}`);
  };
  const term = (): number => {
    let v = primary();
    while (peek()?.text === '*' || peek()?.text === '/') {
      const op = tokens[i++].text;
      const w = primary();
      if (op === '/' && w === 0) throw new FormulaNotEvaluable(`Division by zero at ${where} (Excel would show #DIV/0!)`);
      v = op === '*' ? v * w : v / w;
    }
    return v;
  };
  function expression(): number {
    let v = term();
    while (peek()?.text === '+' || peek()?.text === '-') {
      const op = tokens[i++].text;
      const w = term();
      v = op === '+' ? v + w : v - w;
    }
    return v;
  }
  const value = expression();
  if (i !== tokens.length) throw new FormulaNotEvaluable(`The simulated Excel cannot compute =${formula.replace(/^=/, '')} at ${where}`);
  // Excel shows 15 significant digits.
  return Number(value.toPrecision(15));
}

/** Fills every pending (uncalculated) formula cell of the loaded sheets with what Excel would compute. */
export function calculatePending(sheets: FakeSheetData[], pending: { sheet: FakeSheetData; row: number; col: number; formula: string }[], date1904 = false): void {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const columnOf: ColumnResolver = (table, column) => {
    for (const s of sheets) {
      const t = s.tables?.find((x) => x.name === table);
      const rect = t && parseRect(t.range);
      if (!t || !rect) continue;
      const header = s.values[rect.row] ?? [];
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        if (String(header[c] ?? '') !== column) continue;
        const first = rect.row + (t.showHeaders === false ? 0 : 1);
        const last = rect.row + rect.rows - 1 - (t.showTotals ? 1 : 0);
        const letter = (n: number): string => (n >= 26 ? letter(Math.floor(n / 26) - 1) : '') + String.fromCharCode(65 + (n % 26));
        return { sheet: s.name, ref: `${letter(c)}${first + 1}:${letter(c)}${last + 1}` };
      }
    }
    return undefined;
  };
  const key = (s: string, r: number, c: number) => `${s}\u0000${r}\u0000${c}`;
  const todo = new Map(pending.map((p) => [key(p.sheet.name, p.row, p.col), p]));
  const busy = new Set<string>();
  const lookup: CellLookup = (name, row, col) => {
    const k = key(name, row, col);
    const p = todo.get(k);
    if (p) {
      if (busy.has(k)) throw new FormulaNotEvaluable(`A circular reference through ${name}!R${row + 1}C${col + 1}`);
      busy.add(k);
      const v = evaluateFormula(p.formula, name, `${name}!R${row + 1}C${col + 1}`, lookup, columnOf, date1904);
      busy.delete(k);
      todo.delete(k);
      const cells = p.sheet.values[row]!;
      cells[col] = v;
      return v;
    }
    const sheet = byName.get(name);
    if (!sheet) throw new FormulaNotEvaluable(`A formula refers to a sheet that is not there: ${name}`);
    const v = sheet.values[row]?.[col];
    return v === undefined || v === null ? '' : v;
  };
  for (const p of pending) lookup(p.sheet.name, p.row, p.col);
}
