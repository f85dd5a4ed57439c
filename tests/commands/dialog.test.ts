/**
 * @jest-environment jsdom
 *
 * The message dialog and the way a command waits for it: the page shows the message as text (never
 * as HTML), 关闭 asks the command to close it, and the command stops waiting however it ends.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { CLOSE_MESSAGE, dialogUrl, showDialog } from '../../src/commands/notify';
import { createFakeExcel, installFakeOffice, buildWorkbook, type FakeOfficeHost } from '../../src/testing/fake-excel';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the message dialog page', () => {
  let office: FakeOfficeHost;
  afterEach(() => office.uninstall());

  it('shows title and message as text and sends "close" from its button', async () => {
    office = installFakeOffice(globalThis, createFakeExcel(buildWorkbook({ S: [] })), { host: 'Excel' });
    const messageParent = jest.fn();
    Office.context.ui.messageParent = messageParent;
    const html = readFileSync(path.join(__dirname, '..', '..', 'src', 'commands', 'dialog.html'), 'utf8');
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1];
    const url = new URL(dialogUrl('https://localhost/dialog.html', { title: '绩效自评助手', message: '<img src=x onerror=alert(1)>未找到项目资金表' }, 'zh'));
    window.history.pushState({}, '', `${url.pathname}${url.search}`);
    jest.isolateModules(() => require('../../src/commands/dialog'));
    await Office.onReady();
    await tick();
    expect(document.getElementById('message')!.textContent).toBe('<img src=x onerror=alert(1)>未找到项目资金表');
    expect(document.querySelector('img')).toBeNull();
    expect(document.getElementById('title')!.textContent).toBe('绩效自评助手');
    (document.getElementById('close') as HTMLButtonElement).click();
    expect(messageParent).toHaveBeenCalledWith(CLOSE_MESSAGE);
  });
});

describe('waiting for the dialog', () => {
  let office: FakeOfficeHost;
  beforeEach(() => {
    office = installFakeOffice(globalThis, createFakeExcel(buildWorkbook({ S: [] })), { host: 'Excel' });
  });
  afterEach(() => office.uninstall());

  it('ends when the dialog asks to close, and closes it', async () => {
    let ended = false;
    const waiting = showDialog(Office, 'https://localhost/dialog.html?message=x').then(() => (ended = true));
    await tick();
    office.dialogs[0].sendMessage('something else');
    await tick();
    expect(ended).toBe(false);
    office.dialogs[0].sendMessage(CLOSE_MESSAGE);
    await waiting;
    expect(office.dialogs[0].closed).toBe(true);
  });

  it('ends when the user closes the dialog with its X', async () => {
    const waiting = showDialog(Office, 'https://localhost/dialog.html?message=x');
    await tick();
    office.dialogs[0].sendEvent(12006);
    await expect(waiting).resolves.toBeUndefined();
  });

  it('lets go of the dialog before the command’s runtime would be stopped', async () => {
    const waiting = showDialog(Office, 'https://localhost/dialog.html?message=x', 20);
    await waiting;
    expect(office.dialogs[0].closed).toBe(true);
  });
});
