/**
 * One cell's XML for a plan value: numbers as <v> (shortest round-trip decimal), text as an inline
 * string (never a formula, even when it starts with "="), '' as a value-less cell keeping its style.
 */
import type { PlanValue } from '../../core';
import { escapeText } from './xml';

export function renderCell(p: string, ref: string, style: number, value: PlanValue): string {
  const s = style ? ` s="${style}"` : '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`计划中 ${ref} 的数值无效（${value}）`);
    return `<${p}c r="${ref}"${s}><${p}v>${String(value)}</${p}v></${p}c>`;
  }
  if (value === '') return `<${p}c r="${ref}"${s}/>`;
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeText(value)}</${p}t></${p}is></${p}c>`;
}
