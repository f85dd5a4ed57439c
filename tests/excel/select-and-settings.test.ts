/** Clicking an issue selects its cell; settings saved in the workbook come back in the next session. */
import { OfficeActionError, SavedSettings, analyzeWorkbook, loadSavedSettings, saveSettings, selectCell } from '../../src/excel';
import { SETTINGS_KEY } from '../../src/excel/settings-store';
import { buildWorkbook } from '../../src/testing/fake-excel';
import { en, zh } from '../../src/taskpane/i18n/messages';
import { TODAY, hostOf, sampleWorkbook, strictFake } from './helpers';

describe('selecting an issue’s cell', () => {
  it('activates the issue’s sheet and selects its cell', async () => {
    const fake = strictFake(await sampleWorkbook());
    const host = hostOf(fake);
    const { analysis } = await analyzeWorkbook(host, { today: TODAY });
    const issue = analysis.issues.find((i) => i.code === 'FUNDS_SOURCE_SUM_MISMATCH')!;
    expect(issue.cell).toBe('项目资金!G24');
    fake.controls.select('支付明细', 'A1');
    await selectCell(host, issue.cell);
    expect(fake.controls.data().activeSheet).toBe('项目资金');
    expect(fake.controls.data().selection).toEqual({ sheet: '项目资金', address: 'G24' });
  });

  it('handles quoted sheet names and a sheet named alone', async () => {
    const fake = strictFake(buildWorkbook({ 'Sheet 1': [['a']], '预算表（2023）': [['b']] }));
    await selectCell(hostOf(fake), "'预算表（2023）'!C5");
    expect(fake.controls.data().selection).toEqual({ sheet: '预算表（2023）', address: 'C5' });
    await selectCell(hostOf(fake), "'Sheet 1'");
    expect(fake.controls.data().activeSheet).toBe('Sheet 1');
  });

  it('says so when the sheet is hidden', async () => {
    const fake = strictFake(buildWorkbook([{ name: '可见', rows: [['a']] }, { name: '隐藏', rows: [['b']], visibility: 'Hidden' }]));
    const error = await selectCell(hostOf(fake), '隐藏!A1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeActionError);
    expect((error as OfficeActionError).messageZh).toContain('取消隐藏');
  });
});

describe('settings kept in the workbook', () => {
  it('saves the mapping and settings (not the day) and loads them back', async () => {
    const fake = strictFake(buildWorkbook({ 表: [['x']] }));
    const host = hostOf(fake);
    expect(await loadSavedSettings(host)).toBeNull();
    const mapping = { funds: { sheet: '表', headerRow: 3, columns: { name: 'B', budget: 'E' } } };
    await saveSettings(host, { mapping, asOf: '2023-07-31', today: '2023-08-01' });
    expect(typeof fake.controls.data().settings[SETTINGS_KEY]).toBe('string');
    const saved = (await loadSavedSettings(host)) as SavedSettings;
    expect(saved.settings).toEqual({ mapping, asOf: '2023-07-31' });
    expect(saved.savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('keeps the usable fields of a hand-edited value and names each unusable one (checked as a --config file is)', async () => {
    const fake = strictFake(buildWorkbook({ 表: [['x']] }));
    fake.controls.data().settings[SETTINGS_KEY] = JSON.stringify({
      version: 1,
      savedAt: '2024-01-10T08:00:00.000Z',
      settings: { fiscalYear: 'abc', rateDisplay: 'two-decimals', reasonThreshold: 90, colour: 'red', today: '2020-01-01' },
    });
    const saved = (await loadSavedSettings(hostOf(fake))) as SavedSettings;
    expect(saved.settings).toEqual({ rateDisplay: 'two-decimals' });
    expect(saved.problems!.map((p) => `${p.path} ${p.zh}`)).toEqual([
      'fiscalYear 应为 1900–9999 之间的整数，如 2023，收到 "abc"',
      'reasonThreshold 应为 0 到 1 之间的数（90% 应写作 0.9），收到 90',
      expect.stringMatching(/^colour 不是可用的字段/),
    ]);
    // …and the analysis run with them never titles anything "abc年度".
    const { analysis } = await analyzeWorkbook(hostOf(fake), { ...saved.settings, today: TODAY });
    expect(JSON.stringify(analysis.issues)).not.toContain('abc');
  });

  it('treats an unreadable stored value as nothing saved', async () => {
    const fake = strictFake(buildWorkbook({ 表: [['x']] }));
    fake.controls.data().settings[SETTINGS_KEY] = '{"version":1,"settings":';
    expect(await loadSavedSettings(hostOf(fake))).toBeNull();
  });
});

describe('settings persist only when the workbook is saved (issue 15, item 6)', () => {
  it('so the pane, after a mapping or settings are saved, asks for the workbook to be saved (Ctrl+S), in both languages', () => {
    expect(zh.settingsSaved).toMatch(/^设置已保存。.*请保存工作簿（Ctrl\+S）.*“重新计算执行率”按钮/);
    expect(en.settingsSaved).toMatch(/^Settings saved\..*save the workbook \(Ctrl\+S\).*Recalculate rates button/);
  });
});
