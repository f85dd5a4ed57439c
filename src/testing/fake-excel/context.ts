/**
 * The request context: a queue of actions that only touch the workbook on `sync()`, in order,
 * with Excel on the web's payload limit, requirement-set checks and injected failures.
 */
import { maxVersion } from './api-sets';
import { ErrorCodes, FakeOfficeError, officeError } from './errors';
import type { FakeHostState } from './host-state';
import type { FakeRequestStats } from './types';

/** The ExcelApi version an object's path needs, and which member introduced it (for error details). */
export interface Requirement {
  version: string;
  member: string;
}

/** What the context needs to know about a proxy an action targets. */
export interface OpTarget {
  readonly typeName: string;
  readonly parentObject: OpTarget | null;
  /** The call that created this object, e.g. `getRange("A1:B2")`; also its share of the payload. */
  readonly segment: string;
  readonly requires: Requirement;
  /** Excel.run batch that created the object (null outside a batch). */
  readonly batch: number | null;
  /** Ranges die with their batch unless tracked; other objects have ids and live on. */
  readonly expiresWithBatch: boolean;
  path(): string;
}

export interface QueuedOp {
  target: OpTarget;
  member: string;
  kind: 'load' | 'set' | 'method';
  since: string;
  /** Arguments as Office.js would serialise them (for the payload estimate). */
  args: unknown;
  apply(run: SyncRun): void;
}

/** Work done while one sync is applied: load results wait in `staged` until every action succeeded. */
export class SyncRun {
  readonly staged: Array<() => void> = [];
  cellsRead = 0;
  cellsWritten = 0;
  responseBytes = 0;

  constructor(readonly host: FakeHostState) {}

  /** Throws ApiNotFound unless the host supports the ExcelApi version. */
  requireApi(version: string, member: string): void {
    if (!this.host.sets.hasExcelApi(version)) {
      throw officeError(ErrorCodes.apiNotFound, `${member} needs ExcelApi ${version}; the host supports ${this.host.sets.excelApi}`);
    }
  }

  checkCells(count: number, what: string): void {
    if (count > this.host.options.maxCellsPerRange) {
      throw officeError(ErrorCodes.rangeExceedsLimit, `${what} touches ${count} cells; the limit is ${this.host.options.maxCellsPerRange}`);
    }
  }
}

const ENCODER = new TextEncoder();

/**
 * UTF-8 length of a payload, measured by the platform's own encoder — deliberately not the shell's
 * estimator (src/excel/budget.ts), so a mistake there cannot hide a payload over Excel's limit here.
 */
export function utf8Length(text: string): number {
  return ENCODER.encode(text).length;
}

// Sizes of Office.js's JSON envelope for one action and one object path (measured from its request format).
const ACTION_OVERHEAD = 80;
const PATH_OVERHEAD = 100;

export function estimatePayload(ops: QueuedOp[]): number {
  const counted = new Set<OpTarget>();
  let bytes = 0;
  for (const op of ops) {
    const args = op.args === undefined ? '' : JSON.stringify(op.args) ?? '';
    bytes += ACTION_OVERHEAD + op.member.length + utf8Length(args);
    for (let t: OpTarget | null = op.target; t && !counted.has(t); t = t.parentObject) {
      counted.add(t);
      bytes += PATH_OVERHEAD + utf8Length(t.segment);
    }
  }
  return bytes;
}

function statementOf(op: QueuedOp): string {
  const where = op.target.path();
  if (op.kind === 'set') return `${where}.${op.member} = ...;`;
  return `${where}.${op.member}(...);`;
}

export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export class RequestQueue {
  private queue: QueuedOp[] = [];
  /** Batch currently running on this context; objects from other batches need trackedObjects. */
  currentBatch: number | null = null;
  readonly tracked = new Set<OpTarget>();

  constructor(
    readonly host: FakeHostState,
    readonly batchScoped: boolean,
  ) {}

  enqueue(op: QueuedOp): void {
    this.queue.push(op);
  }

  get pendingCount(): number {
    return this.queue.length;
  }

  pendingStatements(): string[] {
    return this.queue.map(statementOf);
  }

  /** Takes the queue now (later actions go to the next sync) and applies it after the simulated round trip. */
  sync(implicit = false): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    return delay(this.host.options.latencyMs).then(() => this.execute(ops, implicit));
  }

  private execute(ops: QueuedOp[], implicit: boolean): void {
    const { stats, options } = this.host;
    const request: FakeRequestStats = { bytes: estimatePayload(ops), ops: ops.length, cellsWritten: 0, cellsRead: 0 };
    if (implicit) request.implicit = true;
    stats.syncCount++;
    if (implicit) stats.implicitSyncs++;
    stats.requests.push(request);
    stats.bytesSent += request.bytes;
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, request.bytes);
    const run = new SyncRun(this.host);
    try {
      const failure = this.host.pendingFailure;
      if (failure) {
        this.host.pendingFailure = null;
        throw new FakeOfficeError(failure.code, failure.message);
      }
      if (request.bytes > options.maxRequestBytes) {
        throw officeError(ErrorCodes.requestPayloadSizeLimitExceeded, `request of about ${request.bytes} bytes; the limit is ${options.maxRequestBytes}`);
      }
      if (options.internalErrorOverBytes !== undefined && request.bytes > options.internalErrorOverBytes) {
        throw officeError(ErrorCodes.generalException, `request of about ${request.bytes} bytes, refused as an internal error (office-js #1314)`, 'An internal error has occurred.');
      }
      for (const op of ops) this.applyOne(op, run);
      if (options.maxResponseBytes !== undefined && run.responseBytes > options.maxResponseBytes) {
        throw officeError(ErrorCodes.responsePayloadSizeLimitExceeded, `response of about ${run.responseBytes} bytes`);
      }
      for (const commit of run.staged) commit();
    } catch (error) {
      request.error = error instanceof FakeOfficeError ? error.code : 'Error';
      throw error;
    } finally {
      request.cellsRead = run.cellsRead;
      request.cellsWritten = run.cellsWritten;
      stats.cellsRead += run.cellsRead;
      stats.cellsWritten += run.cellsWritten;
    }
  }

  private checkAlive(target: OpTarget): void {
    for (let t: OpTarget | null = target; t; t = t.parentObject) {
      if (t.expiresWithBatch && t.batch !== this.currentBatch && !this.tracked.has(t)) {
        throw officeError(ErrorCodes.invalidObjectPath, `${t.path()} was created in an Excel.run batch that has ended; add it to context.trackedObjects to keep it`);
      }
    }
  }

  private applyOne(op: QueuedOp, run: SyncRun): void {
    try {
      if (this.batchScoped) this.checkAlive(op.target);
      const needed = maxVersion(op.since, op.target.requires.version);
      run.requireApi(needed, needed === op.since ? `${op.target.typeName}.${op.member}` : op.target.requires.member);
      op.apply(run);
    } catch (error) {
      if (error instanceof FakeOfficeError) {
        error.debugInfo.errorLocation ??= `${op.target.typeName}.${op.member}`;
        error.debugInfo.statement ??= statementOf(op);
      }
      throw error;
    }
  }
}
