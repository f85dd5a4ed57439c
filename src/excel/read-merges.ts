/**
 * Merged areas of the sheets the plan may write (ExcelApi 1.13). Two of Excel's habits shape it:
 * getMergedAreasOrNullObject returns only the areas whose top-left cell lies in the range it is asked
 * about (OfficeDev/office-js #3611), so each sheet is asked from A1 — every area over a written cell
 * has its top-left above and left of that cell; and it fails beyond 512 areas (its reference page),
 * so a sheet with more is asked again in bands of rows, halving until each band answers. The areas
 * are read through `areas.items`, each with its own indexes (the reading #1590 recommends).
 */
import type { CellRect } from '../core';
import { ACTION_BYTES, SYNC_BYTE_BUDGET } from './budget';
import { localAddress } from './range-io';

export interface MergeRequest {
  sheet: string;
  /** Rows 0…bottom and columns 0…right are asked about. */
  bottom: number;
  right: number;
}

interface Band {
  sheet: string;
  top: number;
  rows: number;
  right: number;
}

/** The most areas one answer holds, and a generous size for each (four indexes and the JSON around them). */
const MAX_AREAS = 512;
const AREA_BYTES = 120;
/** Halving a million rows down to one takes 20 rounds; beyond that Excel is failing for another reason. */
const MAX_ROUNDS = 21;
/** Bands one sheet may be split into (up to 512 areas each): past that the sheet's merges stay unknown. */
const MAX_BANDS = 256;
/** Failures that halving cannot cure: the host lacks the API, or the sheet is gone. */
const HOPELESS = new Set(['ApiNotFound', 'NotImplemented', 'UnsupportedOperation', 'ItemNotFound', 'AccessDenied', 'InvalidRequestContext', 'InvalidObjectPath']);

/**
 * The merged areas of each requested sheet, as rectangles; a sheet whose areas could not be read is
 * left out (the caller then knows nothing of its merges, and says so per block when a write fails).
 */
export async function readMerges(context: Excel.RequestContext, requests: MergeRequest[]): Promise<Map<string, CellRect[]>> {
  const found = new Map<string, CellRect[]>(requests.map((r) => [r.sheet, []]));
  let bands: Band[] = requests.map((r) => ({ sheet: r.sheet, top: 0, rows: r.bottom + 1, right: r.right }));
  const perSync = Math.max(1, Math.floor(SYNC_BYTE_BUDGET / (MAX_AREAS * AREA_BYTES + ACTION_BYTES)));
  for (let round = 0; bands.length > 0 && round < MAX_ROUNDS; round++) {
    const failed: Band[] = [];
    for (let i = 0; i < bands.length; i += perSync) {
      const group = bands.slice(i, i + perSync);
      const asked = group.map((b) => {
        const areas = context.workbook.worksheets.getItem(b.sheet).getRange(localAddress(b.top, 0, b.rows, b.right + 1)).getMergedAreasOrNullObject();
        areas.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
        return { band: b, areas };
      });
      try {
        await context.sync();
      } catch (e) {
        if (HOPELESS.has(String((e as { code?: unknown } | null)?.code))) return new Map();
        // Which band failed is not told: each is asked again in halves (loads only, safe to resend).
        failed.push(...group);
        continue;
      }
      for (const { band, areas } of asked) {
        if (areas.isNullObject) continue;
        for (const a of areas.areas.items) {
          if (a.rowCount * a.columnCount < 2) continue;
          found.get(band.sheet)!.push({ top: a.rowIndex, left: a.columnIndex, bottom: a.rowIndex + a.rowCount - 1, right: a.columnIndex + a.columnCount - 1 });
        }
      }
    }
    bands = [];
    for (const b of failed) {
      if (b.rows === 1) {
        found.delete(b.sheet);
        continue;
      }
      const half = Math.ceil(b.rows / 2);
      bands.push({ ...b, rows: half }, { ...b, top: b.top + half, rows: b.rows - half });
    }
    const perSheet = new Map<string, number>();
    for (const b of bands) perSheet.set(b.sheet, (perSheet.get(b.sheet) ?? 0) + 1);
    for (const [sheet, n] of perSheet) if (n > MAX_BANDS) found.delete(sheet);
    bands = bands.filter((b) => found.has(b.sheet));
  }
  for (const b of bands) found.delete(b.sheet);
  return found;
}
