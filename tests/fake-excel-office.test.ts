import { buildWorkbook, createFakeExcel, installFakeOffice, type FakeExcel, type FakeWorkbookData } from '../src/testing/fake-excel';

function paymentsWorkbook(): FakeWorkbookData {
  return buildWorkbook({ 支付明细: [['支付日期', '支付金额(元)']], 预算表: [['项目名称']] });
}

function fakeWith(data: FakeWorkbookData = paymentsWorkbook(), excelApi?: string): FakeExcel {
  return createFakeExcel(data, excelApi ? { excelApi } : {});
}

describe('the fake Office host', () => {
  const globals = globalThis as unknown as { Office?: typeof Office; Excel?: typeof Excel };

  it('reports Excel, the display language, requirement sets and runs Excel.run through the global', async () => {
    const fake = fakeWith(paymentsWorkbook(), '1.7');
    const host = installFakeOffice(globalThis, fake, { displayLanguage: 'zh-CN', host: 'Excel' });
    try {
      const info = await Office.onReady();
      expect(info.host).toBe(Office.HostType.Excel);
      expect(Office.context.displayLanguage).toBe('zh-CN');
      expect(Office.context.requirements.isSetSupported('ExcelApi', '1.7')).toBe(true);
      expect(Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(false);
      const name = await Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet().load('name');
        await context.sync();
        return sheet.name;
      });
      expect(name).toBe('支付明细');
      expect(Excel.SheetVisibility.veryHidden).toBe('VeryHidden');
    } finally {
      host.uninstall();
    }
  });

  it('records ribbon commands and dialogs so a test can drive them', async () => {
    const host = installFakeOffice(globalThis, fakeWith(), { displayLanguage: 'en-US', host: 'Excel' });
    try {
      Office.actions.associate('runCheck', (event: Office.AddinCommands.Event) => event.completed());
      const completed = jest.fn();
      await host.invokeCommand('runCheck', { completed });
      expect(completed).toHaveBeenCalledTimes(1);
      const messages: string[] = [];
      Office.context.ui.displayDialogAsync('https://localhost/report.html', { height: 60, width: 40 }, (result) => {
        result.value.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => messages.push((arg as { message: string }).message));
      });
      await new Promise((resolve) => setTimeout(resolve, 0));
      host.dialogs[0].sendMessage('copied');
      expect(host.dialogs[0].url).toBe('https://localhost/report.html');
      expect(messages).toEqual(['copied']);
    } finally {
      host.uninstall();
    }
  });

  it('document settings stay in memory until saveAsync, as in Office', async () => {
    const fake = fakeWith();
    const host = installFakeOffice(globalThis, fake, { host: 'Excel' });
    try {
      Office.context.document.settings.set('jixiao.asOf', '2023-12-31');
      expect(Office.context.document.settings.get('jixiao.asOf')).toBe('2023-12-31');
      expect(fake.controls.data().settings).toEqual({});
      await new Promise<void>((resolve) => Office.context.document.settings.saveAsync(() => resolve()));
      expect(fake.controls.data().settings).toEqual({ 'jixiao.asOf': '2023-12-31' });
    } finally {
      host.uninstall();
    }
  });

  it('with no host, onReady reports host null and Excel is absent', async () => {
    const host = installFakeOffice(globalThis, fakeWith(), { host: null });
    try {
      expect((await Office.onReady()).host).toBeNull();
      expect(globals.Excel).toBeUndefined();
    } finally {
      host.uninstall();
    }
    expect(globals.Office).toBeUndefined();
  });
});
