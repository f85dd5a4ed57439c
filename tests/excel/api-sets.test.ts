/**
 * The manifest asks for ExcelApi 1.4. With the simulated Excel supporting exactly that (anything
 * newer fails with ApiNotFound), every flow runs; newer features are used only where supported.
 */
import { analyzeWorkbook, generateReport, hasUndo, loadSavedSettings, recalculate, saveSettings, selectCell, undoLastRun } from '../../src/excel';
import { createFakeExcel } from '../../src/testing/fake-excel';
import { TODAY, hostOf, sampleWorkbook, strictFake } from './helpers';

const settings = { today: TODAY };

describe('requirement sets', () => {
  it('runs the whole flow on ExcelApi 1.4, without the pauses that came later', async () => {
    const fake = strictFake(await sampleWorkbook());
    const host = hostOf(fake);
    await saveSettings(host, { rateDisplay: 'two-decimals' });
    expect((await loadSavedSettings(host))?.settings).toEqual({ rateDisplay: 'two-decimals' });
    const { analysis } = await analyzeWorkbook(host, settings);
    await selectCell(host, analysis.issues.find((i) => i.cell.includes('!'))!.cell);
    expect((await recalculate(host, settings)).cellsWritten).toBeGreaterThan(0);
    expect((await generateReport(host, settings)).sheetName).toBe('自评报告');
    expect(await hasUndo(host)).toBe(true);
    expect(await undoLastRun(host)).toEqual({ kind: 'report', restoredCells: 0, removedSheets: ['自评报告', '核对清单', '绩效自评表'], restoredSheets: [], keptSheets: [], missingSheets: [], lostSheets: [] });
    expect(fake.stats.requests.every((r) => r.error === undefined)).toBe(true);
    expect(fake.stats.suspendedCalculation).toBe(0);
    expect(fake.stats.suspendedScreenUpdating).toBe(0);
  });

  it('pauses calculation for every write sync and the screen once per run where the host supports it', async () => {
    const fake = createFakeExcel(await sampleWorkbook(), { excelApi: '1.9' });
    const host = hostOf(fake);
    await recalculate(host, settings);
    const writes = fake.stats.requests.filter((r) => r.cellsWritten > 0).length;
    expect(fake.stats.suspendedCalculation).toBeGreaterThanOrEqual(writes - 1);
    expect(fake.stats.suspendedScreenUpdating).toBe(1);
  });

  it('waits out cell editing (1.11) and makes a writing run one step of Excel’s own undo (1.20)', async () => {
    const fake = createFakeExcel(await sampleWorkbook(), { excelApi: '1.20' });
    const run = jest.fn(fake.Excel.run);
    const host = { run: run as unknown as typeof Excel.run, isSetSupported: (n: string, v: string) => fake.isSetSupported(n, v) };
    await analyzeWorkbook(host, settings);
    expect(run.mock.calls[0][0]).toEqual({ delayForCellEdit: true });
    await recalculate(host, settings);
    expect(run.mock.calls[1][0]).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
    const old = strictFake(await sampleWorkbook());
    const oldRun = jest.fn(old.Excel.run);
    await analyzeWorkbook({ run: oldRun as unknown as typeof Excel.run, isSetSupported: (n, v) => old.isSetSupported(n, v) }, settings);
    expect(typeof oldRun.mock.calls[0][0]).toBe('function');
  });

  it('on a host older than the manifest allows, says plainly what is missing', async () => {
    const fake = createFakeExcel(await sampleWorkbook(), { excelApi: '1.3' });
    await expect(analyzeWorkbook(hostOf(fake), settings)).rejects.toMatchObject({ code: 'ApiNotFound', messageZh: expect.stringContaining('ExcelApi 1.4') });
  });
});
