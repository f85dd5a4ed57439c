/**
 * The page and its Web Worker: each WorkbookService call is one message out and one answer back, with
 * progress messages in between. Bytes travel as transferred buffers (a 30 MB workbook is moved, not
 * copied); a failure comes back as its two-language sentence (FileActionError) or, unforeseen, its message.
 */
import type { FileProgress, FileStage } from './file-workbook';
import { FileActionError } from './file-workbook';
import type { WorkbookService } from './workbook-service';

type Method = keyof WorkbookService;

interface Call {
  id: number;
  method: Method;
  args: unknown[];
}

type Answer = { id: number; progress: [FileStage, number] } | { id: number; value: unknown } | { id: number; error: { zh: string; en: string; expected: boolean } };

/** What both ends need of a Worker, a worker's global scope or a MessagePort. */
export interface Port {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

function transferables(value: unknown): Transferable[] {
  const bytes = value instanceof Uint8Array ? value : (value as { bytes?: unknown } | null)?.bytes;
  return bytes instanceof Uint8Array && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : [];
}

/** The worker's side: answers each call with the service's result. Calls run one at a time, in order. */
export function serveWorkbook(port: Port, service: WorkbookService): void {
  let queue = Promise.resolve();
  port.addEventListener('message', (event) => {
    const { id, method, args } = event.data as Call;
    const progress: FileProgress = (stage, fraction) => port.postMessage({ id, progress: [stage, fraction] } satisfies Answer);
    queue = queue.then(async () => {
      try {
        const fn = service[method] as (...a: unknown[]) => Promise<unknown>;
        const value = await fn(...args, ...(method === 'renderDocx' ? [] : [progress]));
        port.postMessage({ id, value } satisfies Answer, transferables(value));
      } catch (e) {
        const expected = e instanceof FileActionError;
        const message = expected ? e.zh : String((e as Error)?.message ?? e);
        port.postMessage({ id, error: { zh: message, en: expected ? e.en : message, expected } } satisfies Answer);
      }
    });
  });
}

/** An unforeseen failure in the worker, its first line kept for the message the pane shows. */
export class WorkerFailure extends Error {
  override name = 'WorkerFailure';
}

/** The page's side: the service, each call answered by the worker. */
export function workerService(port: Port): WorkbookService {
  let next = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void; progress?: FileProgress }>();
  port.addEventListener('message', (event) => {
    const answer = event.data as Answer;
    const call = pending.get(answer.id);
    if (!call) return;
    if ('progress' in answer) call.progress?.(...answer.progress);
    else {
      pending.delete(answer.id);
      if ('value' in answer) call.resolve(answer.value);
      else call.reject(answer.error.expected ? new FileActionError(answer.error.zh, answer.error.en) : new WorkerFailure(answer.error.zh));
    }
  });
  const call =
    <T>(method: Method, transfer: Transferable[] = []) =>
    (...args: unknown[]): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        const id = next++;
        const last = args[args.length - 1];
        const progress = typeof last === 'function' ? (args.pop() as FileProgress) : undefined;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress });
        port.postMessage({ id, method, args } satisfies Call, transfer);
      });
  return {
    // The workbook's bytes move to the worker: the page keeps no second copy of a large file.
    open: (bytes, name, first, onProgress) => call<Awaited<ReturnType<WorkbookService['open']>>>('open', transferables(bytes))(bytes, name, first, ...(onProgress ? [onProgress] : [])),
    analyze: (settings, onProgress) => call<Awaited<ReturnType<WorkbookService['analyze']>>>('analyze')(settings, ...(onProgress ? [onProgress] : [])),
    report: (settings, onProgress) => call<Awaited<ReturnType<WorkbookService['report']>>>('report')(settings, ...(onProgress ? [onProgress] : [])),
    computedWorkbook: (settings, onProgress) => call<Awaited<ReturnType<WorkbookService['computedWorkbook']>>>('computedWorkbook')(settings, ...(onProgress ? [onProgress] : [])),
    renderDocx: (doc) => call<Uint8Array>('renderDocx')(doc),
  };
}
