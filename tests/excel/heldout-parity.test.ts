/**
 * The held-out corpus in the Excel shell on the strict simulated Excel: each workbook, loaded as Excel
 * shows it, gives the add-in the figures and issues of its answer key and of the command line — the
 * same tables, rates, totals, issues and write plan — and 重新计算执行率 puts every planned value in
 * its cell. Where the file as saved differs from what Excel shows (formulas saved without values,
 * which Excel calculates on opening), the key's `excel` part says what Excel must show.
 * The corpus covers the 1904 date system, merged 资金类别 cells and an Excel table with a totals row.
 */
import * as path from 'path';
import { analyze, cellRef, toSummary, type WritePlan } from '../../src/core';
import { loadSnapshot } from '../../src/cli/main';
import { analyzeWorkbook, recalculate } from '../../src/excel';
import { loadXlsxIntoFake } from '../../src/testing/fake-excel/load-xlsx';
import { HELDOUT_DIR, answerKey, heldoutFiles, keySettings, mismatches } from '../helpers/heldout';
import { TODAY, hostOf, strictFake } from './helpers';

function plannedCells(plan: WritePlan): { sheet: string; address: string; value: string | number }[] {
  return plan.blocks.flatMap((b) => b.values.flatMap((row, i) => row.map((value, j) => ({ sheet: b.sheet, address: cellRef(b.top + i, b.left + j), value }))));
}

/** Files the command line refuses by design (Strict Open XML): nothing to compare. */
const COMPARED = heldoutFiles().filter((f) => !answerKey(f).refused);

/** The manifest's minimum, and the set from which the shell can ask Excel for merged areas. */
const CASES = COMPARED.flatMap((name) => ['1.4', '1.13'].map((excelApi) => [name, excelApi] as const));

describe.each(CASES)('%s in Excel (ExcelApi %s)', (name, excelApi) => {
  it('the answer key’s figures and issues, as on the command line; every planned value lands in its cell', async () => {
    const key = answerKey(name);
    const settings = { today: TODAY, ...keySettings(key) };
    const file = path.join(HELDOUT_DIR, name);
    const onCli = analyze(await loadSnapshot(file), settings);
    const fake = strictFake(await loadXlsxIntoFake(file), { excelApi });
    const { analysis } = await analyzeWorkbook(hostOf(fake), settings);
    const excel = toSummary(analysis);
    expect(mismatches(toSummary(onCli), key)).toEqual([]);
    expect(mismatches(excel, key.excel ?? key)).toEqual([]);
    if (!key.excel) {
      expect(excel).toEqual(toSummary(onCli));
      expect(analysis.plan).toEqual(onCli.plan);
    }
    const cells = plannedCells(analysis.plan);
    expect((await recalculate(hostOf(fake), settings)).cellsWritten).toBe(cells.length);
    for (const c of cells) expect({ ...c, got: fake.controls.cell(c.sheet, c.address).value }).toEqual({ ...c, got: c.value });
  });
});
