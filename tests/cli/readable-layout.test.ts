/**
 * Opened in a spreadsheet program, the sample and the tool's output show their figures and their
 * notes: amount columns wide enough that no 小计/合计 turns into ###, and rows tall enough for every
 * wrapped text — no program refits a row's height when it opens a file. (Checked by eye too: both
 * rendered to PDF with LibreOffice Calc.)
 */
import ExcelJS from 'exceljs';
import * as path from 'path';
import { displayWidth } from '../../src/cli/print';
import { patchWorkbook } from '../../src/cli/xlsx-patch/node';
import { LINE_HEIGHT_PT, wrappedHeightPt, wrappedLines } from '../../src/cli/xlsx-patch/row-height';
import { workbookSnapshot } from '../../src/cli/xlsx-snapshot';
import { analyze } from '../../src/core';
import { SAMPLE, cli } from '../helpers/cli';
import { scratchDir } from './sim-fs';
import { partText, readWorkbook, workbookBytes } from '../helpers/xlsx-package';

/** A number as the sample's format 0.00#### shows it: two to six decimals. */
function shown(v: number): string {
  return v.toFixed(6).replace(/(\.\d\d\d*?)0+$/, '$1');
}

/** Every wrapped cell's row is at least as tall as its text needs. */
function expectWrappedRowsTallEnough(ws: ExcelJS.Worksheet): number {
  let checked = 0;
  ws.eachRow((row) => {
    row.eachCell((cell, c) => {
      // Excel's default width when the file gives none.
      const width = ws.getColumn(c).width ?? 8.43;
      if (!cell.alignment?.wrapText || typeof cell.value !== 'string' || wrappedLines(cell.value, width) < 2) return;
      checked++;
      expect({ cell: `${ws.name}!${cell.address}`, tallEnough: (row.height ?? 0) >= wrappedHeightPt(cell.value, width) }).toEqual({ cell: `${ws.name}!${cell.address}`, tallEnough: true });
    });
  });
  return checked;
}

describe('the sample workbook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
  });

  it('has amount columns wide enough for every figure, 小计 and 合计 in bold included', () => {
    const ws = wb.getWorksheet('项目资金')!;
    let widest = 0;
    for (let c = 6; c <= 11; c++) {
      const width = ws.getColumn(c).width!;
      ws.getColumn(c).eachCell((cell) => {
        const v = typeof cell.value === 'number' ? cell.value : (cell.value as { result?: unknown } | null)?.result;
        if (typeof v !== 'number') return;
        const text = shown(v);
        widest = Math.max(widest, text.length);
        // Bold digits run about a tenth wider; a cell keeps about a character for its padding.
        expect({ cell: cell.address, fits: Math.ceil(text.length * 1.1) + 1 <= width }).toEqual({ cell: cell.address, fits: true });
      });
    }
    // 1565.610469 and 3002.254669, the totals that showed as ### at width 12.
    expect(widest).toBe(11);
  });

  it('gives every row with a wrapped text the height it needs', () => {
    expect(expectWrappedRowsTallEnough(wb.getWorksheet('项目资金')!)).toBeGreaterThan(30);
    expect(expectWrappedRowsTallEnough(wb.getWorksheet('单位信息')!)).toBeGreaterThan(5);
  });
});

describe('the columns the tool writes', () => {
  it('the sample’s output: rows whose 偏差说明 wraps are made tall enough; the others keep their height', async () => {
    const out = path.join(scratchDir(), 'out.xlsx');
    expect((await cli(['report', SAMPLE, '-o', out])).code).toBe(0);
    const [before, after] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await before.xlsx.readFile(SAMPLE);
    await after.xlsx.readFile(out);
    const ws = after.getWorksheet('项目资金')!;
    expect([ws.getCell('Q3').value, ws.getCell('R3').value]).toEqual(['偏差说明', '校验提示']);
    expect([ws.getColumn(17).width, ws.getColumn(18).width]).toEqual([44, 44]);
    /** The height the row's appended notes need, 0 when each fits one line. */
    const need = (r: number) =>
      Math.max(
        0,
        ...[17, 18].map((c) => {
          const text = ws.getCell(r, c).value;
          return typeof text === 'string' && wrappedLines(text, 44) > 1 ? wrappedHeightPt(text, 44) : 0;
        }),
      );
    let grown = 0;
    for (let r = 5; r <= ws.rowCount; r++) {
      const old = before.getWorksheet('项目资金')!.getRow(r).height;
      if (need(r) > (old ?? LINE_HEIGHT_PT)) {
        grown++;
        expect(ws.getRow(r).height).toBe(need(r));
      } else expect(ws.getRow(r).height).toBe(old);
    }
    expect(grown).toBeGreaterThan(0);
    expect(ws.getCell('Q5').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });

  it('a long note raises a default row to its lines, leaves a taller row as the person made it, and a one-line note changes no height', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('项目资金');
    ws.addRows([['2023年项目支出预算执行情况表'], ['单位：万元'], ['序号', '项目名称', '全年预算数', '执行数'], [1, '网站运维', 72, 20], [2, '数据中台', 138, 30], [3, '外网', 30, 30]]);
    ws.getRow(5).height = 100;
    const input = await workbookBytes(wb);
    const analysis = analyze(workbookSnapshot(await readWorkbook(input)), { today: '2024-01-15' });
    const out = await patchWorkbook(input, { plan: analysis.plan });
    const xml = (await partText(out, 'xl/worksheets/sheet1.xml'))!;
    const rowTag = (r: number) => new RegExp(`<row r="${r}"[^>]*>`).exec(xml)![0];
    const written = (role: string) => analysis.plan.blocks.filter((b) => b.role === role && b.top === 3).map((b) => b.values[0][0] as string);
    const texts = [...written('note'), ...written('check')];
    expect(displayWidth(written('note')[0])).toBeGreaterThan(44);
    expect(rowTag(4)).toContain(`ht="${Math.max(...texts.map((t) => wrappedHeightPt(t, 44)))}" customHeight="1"`);
    expect(rowTag(5)).toContain('ht="100"');
    // 外网 is fully executed: "执行率100%，预算已全部执行。" fits one line.
    expect(rowTag(6)).not.toContain('ht=');
    const again = await patchWorkbook(out, { plan: analysis.plan });
    expect(await partText(again, 'xl/worksheets/sheet1.xml')).toBe(xml);
  });
});

describe('the line estimate', () => {
  it('counts CJK characters as two columns and each line of a multi-line text', () => {
    expect(wrappedLines('执行率100%，预算已全部执行。', 44)).toBe(1);
    expect(wrappedLines('一'.repeat(19), 44)).toBe(2);
    expect(wrappedLines('一'.repeat(18), 44)).toBe(1);
    expect(wrappedLines('第一行\n第二行\r\n第三行', 44)).toBe(3);
  });
});
