/** Excel.Range over the fake workbook. */
import { cellCount, formatAddress, formatRect, isEntireColumns, isEntireRows, MAX_COLUMNS, MAX_ROWS, rectInGrid, type Rect } from './address';
import { clearContents, readFormulas, readValues, usedRect } from './cells';
import { FakeClientObject, asOffice, type TypeDef } from './client-object';
import { utf8Length, type Requirement, type SyncRun } from './context';
import { ErrorCodes, officeError } from './errors';
import { clearFormats, numberFormatOf, uniformIndexed } from './formats';
import { assertNoMergeCut, mergesInside, mergesStartingIn } from './merges';
import { FakeRangeAreas } from './range-areas';
import { FakeRangeFormat } from './range-format';
import { checkFormatTarget, writeContents, writeNumberFormat, type RangeTarget } from './range-write';
import type { FakeRequestContext } from './request-context';
import { formatCellText } from './text-format';
import type { CellValue } from './types';
import { FakeWorksheet } from './worksheet';

const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|BUSY!|CONNECT!|UNKNOWN!)$/;

type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

function valueType(v: CellValue): ValueType {
  if (v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return ERROR_VALUE.test(v) ? 'Error' : 'String';
}

/** A per-cell read: checked against the cell limit and counted. */
function cellRead<V>(read: (t: RangeTarget, run: SyncRun) => V) {
  return (t: RangeTarget, run: SyncRun): V => {
    const n = cellCount(t.rect);
    run.checkCells(n, 'Range read');
    run.cellsRead += n;
    const result = read(t, run);
    // Bytes, as the 5 MB limit counts them: a Chinese character is three, not one.
    if (run.host.options.maxResponseBytes !== undefined) run.responseBytes += utf8Length(JSON.stringify(result));
    return result;
  };
}

function intersect(a: Rect | null, b: Rect): Rect | null {
  if (a === null) return null;
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rows = Math.min(a.row + a.rows, b.row + b.rows) - row;
  const cols = Math.min(a.col + a.cols, b.col + b.cols) - col;
  return rows > 0 && cols > 0 ? { row, col, rows, cols } : null;
}

function mapCells<V>({ sheet, rect }: RangeTarget, f: (value: CellValue, row: number, col: number) => V): V[][] {
  return readValues(sheet, rect).map((line, i) => line.map((v, j) => f(v, rect.row + i, rect.col + j)));
}

const RANGE_DEF: TypeDef<RangeTarget> = {
  typeName: 'Range',
  props: {
    address: { since: '1.1', get: (t) => formatAddress(t.sheet.name, t.rect) },
    addressLocal: { since: '1.1', get: (t) => formatAddress(t.sheet.name, t.rect) },
    rowIndex: { since: '1.1', get: (t) => t.rect.row },
    columnIndex: { since: '1.1', get: (t) => t.rect.col },
    rowCount: { since: '1.1', get: (t) => t.rect.rows },
    columnCount: { since: '1.1', get: (t) => t.rect.cols },
    cellCount: { since: '1.1', get: (t) => cellCount(t.rect) },
    isEntireColumn: { since: '1.7', get: (t) => isEntireColumns(t.rect) },
    isEntireRow: { since: '1.7', get: (t) => isEntireRows(t.rect) },
    values: { since: '1.1', get: cellRead((t) => readValues(t.sheet, t.rect)), set: (t, v, run) => writeContents(t, v, run, 'values') },
    formulas: { since: '1.1', get: cellRead((t) => readFormulas(t.sheet, t.rect)), set: (t, v, run) => writeContents(t, v, run, 'formulas') },
    numberFormat: {
      since: '1.1',
      get: cellRead((t) => mapCells(t, (_v, r, c) => numberFormatOf(t.sheet, r, c))),
      set: (t, v, run) => writeNumberFormat(t, v, run),
    },
    text: { since: '1.1', get: cellRead((t, run) => mapCells(t, (v, r, c) => formatCellText(v, numberFormatOf(t.sheet, r, c), run.host.data.date1904 === true))) },
    valueTypes: { since: '1.1', get: cellRead((t) => mapCells(t, valueType)) },
    columnHidden: {
      since: '1.2',
      get: (t) => uniformIndexed(t.sheet.columnHidden, t.rect.col, t.rect.cols, false),
      set: (t, v, run) => {
        checkFormatTarget(t, run, 'Range.columnHidden');
        if (typeof v !== 'boolean') throw officeError(ErrorCodes.invalidArgument, 'columnHidden must be a boolean');
        for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) {
          if (v) t.sheet.columnHidden[c] = true;
          else delete t.sheet.columnHidden[c];
        }
      },
    },
  },
};

type RangeMembers =
  | 'address' | 'addressLocal' | 'rowIndex' | 'columnIndex' | 'rowCount' | 'columnCount' | 'cellCount'
  | 'isEntireColumn' | 'isEntireRow' | 'values' | 'formulas' | 'numberFormat' | 'text' | 'valueTypes' | 'columnHidden'
  | 'format' | 'worksheet' | 'getCell' | 'getRow' | 'getColumn' | 'getResizedRange' | 'getOffsetRange'
  | 'getAbsoluteResizedRange' | 'getEntireColumn' | 'getEntireRow' | 'getLastRow' | 'getLastColumn' | 'getLastCell'
  | 'getRowsAbove' | 'getRowsBelow' | 'getColumnsBefore' | 'getColumnsAfter' | 'getUsedRange' | 'getUsedRangeOrNullObject'
  | 'select' | 'clear' | 'getMergedAreasOrNullObject' | 'merge';

export class FakeRange extends FakeClientObject<RangeTarget> implements Pick<Excel.Range, RangeMembers> {
  protected readonly def = RANGE_DEF;
  /** As in Office, a range is released when its Excel.run batch ends unless it is tracked. */
  override readonly expiresWithBatch = true;

  constructor(
    context: FakeRequestContext,
    parent: FakeClientObject<unknown> | null,
    segment: string,
    resolver: () => RangeTarget | null,
    introducedBy?: Requirement,
  ) {
    super(context, parent, segment, resolver, introducedBy);
  }

  /** A range whose sheet was deleted after the proxy found it no longer exists. */
  override resolve(): RangeTarget | null {
    const target = super.resolve();
    if (target && !this.context.host.hasSheet(target.sheet)) throw officeError(ErrorCodes.itemNotFound, `worksheet '${target.sheet.name}' was deleted`);
    return target;
  }

  get address(): string { return this.readProp('address'); }
  get addressLocal(): string { return this.readProp('addressLocal'); }
  get rowIndex(): number { return this.readProp('rowIndex'); }
  get columnIndex(): number { return this.readProp('columnIndex'); }
  get rowCount(): number { return this.readProp('rowCount'); }
  get columnCount(): number { return this.readProp('columnCount'); }
  get cellCount(): number { return this.readProp('cellCount'); }
  get isEntireColumn(): boolean { return this.readProp('isEntireColumn'); }
  get isEntireRow(): boolean { return this.readProp('isEntireRow'); }
  get values(): CellValue[][] { return this.readProp('values'); }
  set values(v: unknown) { this.writeProp('values', v); }
  get formulas(): CellValue[][] { return this.readProp('formulas'); }
  set formulas(v: unknown) { this.writeProp('formulas', v); }
  get numberFormat(): string[][] { return this.readProp('numberFormat'); }
  set numberFormat(v: unknown) { this.writeProp('numberFormat', v); }
  get text(): string[][] { return this.readProp('text'); }
  get valueTypes(): Excel.RangeValueType[][] { return this.readProp('valueTypes'); }
  get columnHidden(): boolean { return this.readProp('columnHidden'); }
  set columnHidden(v: boolean) { this.writeProp('columnHidden', v); }

  get format(): Excel.RangeFormat {
    return asOffice(this.formatProxy());
  }

  get worksheet(): Excel.Worksheet {
    return asOffice(this.worksheetProxy());
  }

  private formatProxy(): FakeRangeFormat {
    return this.nav('format', () => new FakeRangeFormat(this.context, this, 'format'));
  }

  private worksheetProxy(): FakeWorksheet {
    return this.nav('worksheet', () => new FakeWorksheet(this.context, this, 'worksheet', () => this.resolve()?.sheet ?? null));
  }

  protected override navigate(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'format') return this.formatProxy();
    if (name === 'worksheet') return this.worksheetProxy();
    return undefined;
  }

  /** A range computed from this one when first used; outside the grid it fails like Excel (InvalidArgument). */
  private derive(segment: string, since: string, compute: (rect: Rect) => Rect): Excel.Range {
    const derived = new FakeRange(
      this.context,
      this,
      segment,
      () => {
        const target = this.resolve();
        if (target === null) return null;
        const rect = compute(target.rect);
        if (!rectInGrid(rect)) throw officeError(ErrorCodes.invalidArgument, `${segment} falls outside the sheet or the range`);
        return { sheet: target.sheet, rect };
      },
      { version: since, member: `Range.${segment.slice(0, segment.indexOf('('))}` },
    );
    return asOffice(derived);
  }

  getCell(row: number, column: number): Excel.Range {
    return this.derive(`getCell(${row},${column})`, '1.1', (r) => ({ row: r.row + row, col: r.col + column, rows: 1, cols: 1 }));
  }

  getRow(row: number): Excel.Range {
    return this.derive(`getRow(${row})`, '1.1', (r) => (row < r.rows ? { ...r, row: r.row + row, rows: 1 } : { ...r, rows: 0 }));
  }

  getColumn(column: number): Excel.Range {
    return this.derive(`getColumn(${column})`, '1.1', (r) => (column < r.cols ? { ...r, col: r.col + column, cols: 1 } : { ...r, cols: 0 }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Excel.Range {
    return this.derive(`getResizedRange(${deltaRows},${deltaColumns})`, '1.2', (r) => ({ ...r, rows: r.rows + deltaRows, cols: r.cols + deltaColumns }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Excel.Range {
    return this.derive(`getOffsetRange(${rowOffset},${columnOffset})`, '1.1', (r) => ({ ...r, row: r.row + rowOffset, col: r.col + columnOffset }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): Excel.Range {
    return this.derive(`getAbsoluteResizedRange(${numRows},${numColumns})`, '1.7', (r) => ({ ...r, rows: numRows, cols: numColumns }));
  }

  getEntireColumn(): Excel.Range {
    return this.derive('getEntireColumn()', '1.1', (r) => ({ ...r, row: 0, rows: MAX_ROWS }));
  }

  getEntireRow(): Excel.Range {
    return this.derive('getEntireRow()', '1.1', (r) => ({ ...r, col: 0, cols: MAX_COLUMNS }));
  }

  getLastRow(): Excel.Range {
    return this.derive('getLastRow()', '1.1', (r) => ({ ...r, row: r.row + r.rows - 1, rows: 1 }));
  }

  getLastColumn(): Excel.Range {
    return this.derive('getLastColumn()', '1.1', (r) => ({ ...r, col: r.col + r.cols - 1, cols: 1 }));
  }

  getLastCell(): Excel.Range {
    return this.derive('getLastCell()', '1.1', (r) => ({ row: r.row + r.rows - 1, col: r.col + r.cols - 1, rows: 1, cols: 1 }));
  }

  getRowsAbove(count = 1): Excel.Range {
    return this.derive(`getRowsAbove(${count})`, '1.2', (r) => ({ ...r, row: r.row - count, rows: count }));
  }

  getRowsBelow(count = 1): Excel.Range {
    return this.derive(`getRowsBelow(${count})`, '1.2', (r) => ({ ...r, row: r.row + r.rows, rows: count }));
  }

  getColumnsBefore(count = 1): Excel.Range {
    return this.derive(`getColumnsBefore(${count})`, '1.2', (r) => ({ ...r, col: r.col - count, cols: count }));
  }

  getColumnsAfter(count = 1): Excel.Range {
    return this.derive(`getColumnsAfter(${count})`, '1.2', (r) => ({ ...r, col: r.col + r.cols, cols: count }));
  }

  /** The used cells inside this range; none is ItemNotFound here and a null object in the OrNullObject form. */
  private usedPart(segment: string, since: string, valuesOnly: boolean, nullable: boolean): Excel.Range {
    const used = new FakeRange(
      this.context,
      this,
      segment,
      () => {
        const target = this.resolve();
        if (target === null) return null;
        const rect = intersect(usedRect(target.sheet, valuesOnly), target.rect);
        if (rect === null && !nullable) throw officeError(ErrorCodes.itemNotFound, 'no used cells in the range');
        return rect === null ? null : { sheet: target.sheet, rect };
      },
      { version: since, member: `Range.${segment.slice(0, segment.indexOf('('))}` },
    );
    if (nullable) used.instantiateOnSync(segment, since, valuesOnly);
    return asOffice(used);
  }

  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return this.usedPart(`getUsedRange(${valuesOnly ?? ''})`, valuesOnly === undefined ? '1.1' : '1.2', valuesOnly ?? false, false);
  }

  getUsedRangeOrNullObject(valuesOnly = false): Excel.Range {
    return this.usedPart(`getUsedRangeOrNullObject(${valuesOnly})`, '1.4', valuesOnly, true);
  }

  /** The merged areas whose top-left cell lies in this range (see merges.ts); a null object when there are none. */
  getMergedAreasOrNullObject(): Excel.RangeAreas {
    const areas = new FakeRangeAreas(
      this.context,
      this,
      'getMergedAreasOrNullObject()',
      () => {
        const target = this.resolve();
        if (target === null) return null;
        const rects = mergesStartingIn(target.sheet, target.rect);
        return rects.length === 0 ? null : { sheet: target.sheet, rects };
      },
      { version: '1.13', member: 'Range.getMergedAreasOrNullObject' },
    );
    areas.instantiateOnSync('getMergedAreasOrNullObject', '1.13', null);
    return asOffice(areas);
  }

  /**
   * Merges the range into one cell (across: each row on its own), keeping the top-left value, as
   * Excel's Merge & Center does. A merge that would cut through an existing merged area is refused
   * (inferred: Excel's UI refuses it).
   */
  merge(across = false): void {
    this.queueMethod('merge', '1.2', across, (t, run) => {
      checkFormatTarget(t, run, 'Range.merge');
      assertNoMergeCut(t.sheet, t.rect, 'Range.merge');
      const areas = across ? Array.from({ length: t.rect.rows }, (_, i) => ({ ...t.rect, row: t.rect.row + i, rows: 1 })) : [t.rect];
      const added: string[] = [];
      for (const a of areas) {
        if (a.rows * a.cols < 2) continue;
        const { sheet } = t;
        // Only the top-left value stays.
        if (a.cols > 1) clearContents(sheet, { row: a.row, col: a.col + 1, rows: 1, cols: a.cols - 1 });
        if (a.rows > 1) clearContents(sheet, { row: a.row + 1, col: a.col, rows: a.rows - 1, cols: a.cols });
        added.push(formatRect(a));
      }
      // A new array: merges.ts caches the parsed list by its identity. Areas inside the new one are absorbed.
      const kept = mergesInside(t.sheet, t.rect).map(formatRect);
      t.sheet.merges = [...(t.sheet.merges ?? []).filter((m) => !kept.includes(m)), ...added];
    });
  }

  /** Selecting also activates the range's sheet, as in Excel. */
  select(): void {
    this.queueMethod('select', '1.1', null, (t, run) => {
      if (t.sheet.visibility !== 'Visible') throw officeError(ErrorCodes.invalidOperation, `cannot select on hidden sheet '${t.sheet.name}'`);
      run.host.data.activeSheet = t.sheet.name;
      run.host.data.selection = { sheet: t.sheet.name, address: formatRect(t.rect) };
    });
  }

  clear(applyTo: Excel.ClearApplyTo | 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents' = 'All'): void {
    this.queueMethod('clear', '1.1', applyTo, (t, run) => {
      checkFormatTarget(t, run, 'Range.clear');
      if (applyTo === 'All' || applyTo === 'Contents' || applyTo === 'ResetContents') {
        assertNoMergeCut(t.sheet, t.rect, 'Range.clear');
        clearContents(t.sheet, t.rect);
        run.cellsWritten += cellCount(t.rect);
      }
      if (applyTo === 'All' || applyTo === 'Formats') clearFormats(t.sheet, t.rect);
    });
  }
}
