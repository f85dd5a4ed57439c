/**
 * app.html's entry: the page over a local workbook. The work runs in a Web Worker — from
 * app-worker.js next to the page, or, in the single-file build, from the worker's source carried
 * inside the page (a blob: URL, so nothing is fetched).
 */
import { createRoot } from 'react-dom/client';
import { pickLanguage } from '../taskpane/i18n';
import { AppPage } from './AppPage';
import { workerService, type Port } from './worker-link';
import type { WorkbookService } from './workbook-service';

function startWorker(): WorkbookService | undefined {
  if (typeof Worker === 'undefined') return undefined;
  const inline = document.getElementById('jixiao-worker-source');
  const url = inline?.textContent ? URL.createObjectURL(new Blob([inline.textContent], { type: 'text/javascript' })) : document.querySelector('meta[name="jixiao-worker"]')?.getAttribute('content');
  if (!url) return undefined;
  return workerService(new Worker(url) as unknown as Port);
}

const container = document.getElementById('container');
if (!container) throw new Error('app.html has no #container element');
const lang = pickLanguage(navigator.language);
document.documentElement.lang = lang === 'en' ? 'en-US' : 'zh-CN';
createRoot(container).render(<AppPage service={startWorker()} initialLang={lang} />);
