/**
 * Range.text: a value as Excel displays it under a number format. Covers the formats a budget
 * workbook uses (General, 0.00, #,##0.00, 0%, text, dates, quoted units like 0.00"万元"); anything
 * else falls back to the General rendering.
 */
import type { CellValue } from './types';

function roundTo(value: number, decimals: number): number {
  // Half away from zero on the decimal digits, as Excel rounds for display (1.005 → 1.01).
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  const rounded = Number(`${Math.round(shifted)}e-${decimals}`);
  return value < 0 ? -rounded : rounded;
}

// Operators instead of Number/Math/String calls: global lookups are slow inside jest's vm sandbox.
function general(value: number): string {
  if (value % 1 === 0 && value < 1e11 && value > -1e11) return `${value}`;
  const text = String(Number(value.toPrecision(10)));
  return text.replace(/e\+?/, 'E+').replace('E+-', 'E-');
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Serials count from 1899-12-30 in the 1900 system and from 1904-01-01 in the 1904 one: 1,462 days apart. */
export const DAYS_1900_TO_1904 = 1462;

function formatDate(serial: number, pattern: string): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const timeOfDay = Math.round((serial - Math.floor(serial)) * 86400);
  const hours = Math.floor(timeOfDay / 3600);
  const minutes = Math.floor((timeOfDay % 3600) / 60);
  const seconds = timeOfDay % 60;
  let sawHour = false;
  return pattern.replace(/yyyy|yy|mm|m|dd|d|hh|h|ss|s/gi, (token) => {
    switch (token.toLowerCase()) {
      case 'yyyy':
        return String(d.getUTCFullYear());
      case 'yy':
        return pad(d.getUTCFullYear() % 100);
      case 'mm':
        return sawHour ? pad(minutes) : pad(d.getUTCMonth() + 1);
      case 'm':
        return sawHour ? String(minutes) : String(d.getUTCMonth() + 1);
      case 'dd':
        return pad(d.getUTCDate());
      case 'd':
        return String(d.getUTCDate());
      case 'hh':
        sawHour = true;
        return pad(hours);
      case 'h':
        sawHour = true;
        return String(hours);
      case 'ss':
        return pad(seconds);
      default:
        return String(seconds);
    }
  });
}

function formatNumber(value: number, section: string): string {
  const literals: string[] = [];
  // Quoted text and escaped characters are printed as they are; [Red]-style tags are ignored.
  const core = section
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"([^"]*)"/g, (_m, text: string) => {
      literals.push(text);
      return `\u0000${literals.length - 1}\u0000`;
    })
    .replace(/\\(.)/g, (_m, ch: string) => {
      literals.push(ch);
      return `\u0000${literals.length - 1}\u0000`;
    });
  const numeric = /[0#?][0#?,]*(\.[0#?]*)?%?/.exec(core);
  if (!numeric) return general(value);
  const spec = numeric[0];
  const percent = spec.endsWith('%');
  const decimals = spec.includes('.') ? spec.slice(spec.indexOf('.') + 1).replace('%', '').length : 0;
  const shown = roundTo(percent ? value * 100 : value, decimals);
  let [whole, frac] = Math.abs(shown).toFixed(decimals).split('.');
  if (spec.split('.')[0].includes(',')) whole = groupThousands(whole);
  let body = frac === undefined ? whole : `${whole}.${frac}`;
  if (percent) body += '%';
  const text = core.slice(0, numeric.index) + body + core.slice(numeric.index + spec.length);
  const sign = shown < 0 ? '-' : '';
  return sign + text.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => literals[Number(i)]);
}

/** Turns a number format into a function once; Range.text on 100,000 rows reuses it (serials of the 1900 system). */
function compile(fmt: string): (value: number) => string {
  if (fmt === 'General' || fmt === '@' || fmt === '') return general;
  const sections = fmt.split(';');
  return (value) => {
    const useNegative = value < 0 && sections.length > 1;
    const section = useNegative ? sections[1] : sections[0];
    const magnitude = useNegative ? Math.abs(value) : value;
    const unquoted = section.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
    if (/[yd]/i.test(unquoted) || (/m/i.test(unquoted) && !/[0#]/.test(unquoted))) return formatDate(value, section.replace(/"/g, ''));
    return formatNumber(magnitude, section);
  };
}

const compiled = new Map<string, (value: number) => string>();

/** A value as Excel shows it; `date1904` shifts date formats to the 1904 system's serials. */
export function formatCellText(value: CellValue, numberFormat: string, date1904 = false): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const key = date1904 ? `1904|${numberFormat}` : numberFormat;
  let format = compiled.get(key);
  if (!format) {
    const plain = compile(numberFormat);
    format = date1904 && isDateFormat(numberFormat) ? (v: number) => plain(v + DAYS_1900_TO_1904) : plain;
    compiled.set(key, format);
  }
  return format(value);
}

function isDateFormat(fmt: string): boolean {
  const unquoted = fmt.split(';')[0].replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /[yd]/i.test(unquoted) || (/m/i.test(unquoted) && !/[0#]/.test(unquoted));
}

/** Display width in character units: CJK characters take two, as in Excel's column width. */
export function displayUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return units;
}
