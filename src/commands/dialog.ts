/**
 * The ribbon commands' message dialog: shows the title and message from its query string (as text,
 * never as HTML) and tells the command to close it when 关闭 is clicked.
 */
import { CLOSE_MESSAGE } from './notify';

function show(): void {
  const params = new URLSearchParams(window.location.search);
  const en = params.get('lang') === 'en';
  document.documentElement.lang = en ? 'en' : 'zh-CN';
  const title = params.get('title') ?? '';
  document.title = title;
  document.getElementById('title')!.textContent = title;
  document.getElementById('message')!.textContent = params.get('message') ?? '';
  const button = document.getElementById('close') as HTMLButtonElement;
  button.textContent = en ? 'Close' : '关闭';
  button.addEventListener('click', () => Office.context.ui.messageParent(CLOSE_MESSAGE));
  button.focus();
}

void Office.onReady(() => show());
