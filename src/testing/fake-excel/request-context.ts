/** Excel.RequestContext for the fake: `workbook`, `application`, `load`, `sync`, tracked objects. */
import { FakeClientObject, asOffice } from './client-object';
import { RequestQueue } from './context';
import { ErrorCodes, FakeOfficeError } from './errors';
import type { FakeHostState } from './host-state';
import type { LoadOption } from './load-option';
import { FakeApplication, FakeWorkbook } from './workbook';

function fakeObjects(objects: OfficeExtension.ClientObject | OfficeExtension.ClientObject[]): FakeClientObject<unknown>[] {
  const list = Array.isArray(objects) ? objects : [objects];
  return list.map((o) => {
    if (!(o instanceof FakeClientObject)) throw new FakeOfficeError(ErrorCodes.invalidArgument, undefined, { fakeDetail: 'not an object of this fake Excel' });
    return o;
  });
}

class FakeTrackedObjects implements Pick<OfficeExtension.TrackedObjects, 'add' | 'remove'> {
  constructor(private readonly queue: RequestQueue) {}

  add(objects: OfficeExtension.ClientObject | OfficeExtension.ClientObject[]): void {
    for (const o of fakeObjects(objects)) this.queue.tracked.add(o);
  }

  remove(objects: OfficeExtension.ClientObject | OfficeExtension.ClientObject[]): void {
    for (const o of fakeObjects(objects)) this.queue.tracked.delete(o);
  }
}

export class FakeRequestContext
  implements Pick<Excel.RequestContext, 'workbook' | 'application' | 'sync' | 'load' | 'trace' | 'trackedObjects' | 'requestHeaders' | 'debugInfo'>
{
  readonly queue: RequestQueue;
  readonly trackedObjects: FakeTrackedObjects;
  readonly traceMessages: string[] = [];
  requestHeaders: Record<string, string> = {};
  private readonly fakeWorkbook: FakeWorkbook;
  private readonly fakeApplication: FakeApplication;

  /** `batchScoped`: objects die with their Excel.run batch unless tracked (false for `new RequestContext()`). */
  constructor(
    readonly host: FakeHostState,
    batchScoped = false,
  ) {
    this.queue = new RequestQueue(host, batchScoped);
    this.trackedObjects = new FakeTrackedObjects(this.queue);
    this.fakeApplication = new FakeApplication(this);
    this.fakeWorkbook = new FakeWorkbook(this, this.fakeApplication);
  }

  get workbook(): Excel.Workbook {
    return asOffice(this.fakeWorkbook);
  }

  get application(): Excel.Application {
    return asOffice(this.fakeApplication);
  }

  get debugInfo(): OfficeExtension.RequestContextDebugInfo {
    return { pendingStatements: this.queue.pendingStatements() };
  }

  load(object: OfficeExtension.ClientObject, option?: string | string[] | OfficeExtension.LoadOption): void {
    const [fake] = fakeObjects(object);
    if (fake.context !== this) throw new FakeOfficeError(ErrorCodes.invalidRequestContext);
    fake.load(option as LoadOption);
  }

  sync<T>(passThroughValue?: T): Promise<T> {
    return this.queue.sync().then(() => passThroughValue as T); // Office resolves with whatever was passed through
  }

  trace(message: string): void {
    this.traceMessages.push(message);
  }
}
