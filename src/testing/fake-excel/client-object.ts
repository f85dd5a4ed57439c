/**
 * The proxy behaviour every fake Office object shares: properties readable only after load + sync,
 * writes and method calls queued until sync, lazy resolution of what the proxy points at.
 */
import { compareVersions } from './api-sets';
import type { OpTarget, Requirement, SyncRun } from './context';
import { ErrorCodes, FakeOfficeError, officeError, propertyNotLoaded } from './errors';
import { parseLoadOption, type LoadOption, type LoadTree } from './load-option';
import type { FakeRequestContext } from './request-context';

export interface PropDef<T> {
  /** ExcelApi version that introduced reading the property. */
  since: string;
  /** Version that introduced writing it; absent for read-only properties. */
  setSince?: string;
  get(target: T, run: SyncRun): unknown;
  set?(target: T, value: unknown, run: SyncRun): void;
}

export interface TypeDef<T> {
  typeName: string;
  props: Record<string, PropDef<T>>;
}

export abstract class FakeClientObject<T> implements OpTarget {
  readonly batch: number | null;
  readonly requires: Requirement;
  readonly expiresWithBatch: boolean = false;
  private readonly loaded = new Map<string, unknown>();
  private resolution: { target: T | null } | undefined;
  private readonly navCache = new Map<string, FakeClientObject<unknown>>();
  protected abstract readonly def: TypeDef<T>;

  protected constructor(
    readonly context: FakeRequestContext,
    readonly parentObject: FakeClientObject<unknown> | null,
    readonly segment: string,
    private readonly resolver: () => T | null,
    introducedBy?: Requirement,
  ) {
    this.batch = context.queue.currentBatch;
    const inherited = parentObject?.requires ?? { version: '1.1', member: '' };
    this.requires = introducedBy && compareVersions(introducedBy.version, inherited.version) > 0 ? introducedBy : inherited;
  }

  get typeName(): string {
    return this.def.typeName;
  }

  path(): string {
    return this.parentObject ? `${this.parentObject.path()}.${this.segment}` : this.segment;
  }

  /** What the proxy points at, found on first use inside a sync (as Excel instantiates object paths). */
  resolve(): T | null {
    if (!this.resolution) this.resolution = { target: this.resolver() };
    return this.resolution.target;
  }

  get isNullObject(): boolean {
    if (!this.resolution) throw propertyNotLoaded('isNullObject');
    return this.resolution.target === null;
  }

  load(option?: LoadOption): this {
    const tree = parseLoadOption(option);
    this.context.queue.enqueue({
      target: this,
      member: 'load',
      kind: 'load',
      since: '1.1',
      args: option ?? null,
      apply: (run) => this.stageLoad(tree, run),
    });
    return this;
  }

  /** Reads the requested properties now; they become visible to the caller only if the whole sync succeeds. */
  stageLoad(tree: LoadTree, run: SyncRun): void {
    const target = this.resolve();
    if (target === null) return;
    const names = tree.all
      ? Object.keys(this.def.props).filter((n) => this.defaultLoaded(n) && run.host.sets.hasExcelApi(this.def.props[n].since))
      : [...tree.props];
    for (const name of names) {
      const prop = this.def.props[name];
      if (!prop) {
        const child = this.navigate(name);
        if (!child) throw this.unknownMember(name);
        run.requireApi(child.requires.version, child.requires.member);
        child.stageLoad({ all: true, props: new Set(), navs: new Map() }, run);
        continue;
      }
      run.requireApi(prop.since, `${this.typeName}.${name}`);
      this.stageValue(name, prop.get(target, run), run);
    }
    for (const [name, sub] of tree.navs) {
      const child = this.navigate(name);
      if (!child) throw this.unknownMember(name);
      run.requireApi(child.requires.version, child.requires.member);
      child.stageLoad(sub, run);
    }
  }

  /** Makes `name` readable with `value` once the sync succeeds. */
  protected stageValue(name: string, value: unknown, run: SyncRun): void {
    run.staged.push(() => this.loaded.set(name, value));
  }

  /** Properties a bare `load()` brings back; subclasses leave out costly or derived ones. */
  protected defaultLoaded(_name: string): boolean {
    return true;
  }

  /** Navigation properties (range.format, sheet.protection) for load paths like 'format/font/bold'. */
  protected navigate(_name: string): FakeClientObject<unknown> | undefined {
    return undefined;
  }

  /** One proxy per navigation property, as Office.js caches them. */
  protected nav<C extends FakeClientObject<unknown>>(name: string, make: () => C): C {
    let child = this.navCache.get(name);
    if (!child) {
      child = make();
      this.navCache.set(name, child);
    }
    return child as C; // the cache holds exactly what `make` built for this name
  }

  private unknownMember(name: string): FakeOfficeError {
    return officeError(ErrorCodes.invalidArgument, `${this.typeName} has no property '${name}' (or the fake does not implement it)`);
  }

  protected readProp<V>(name: string): V {
    if (this.loaded.has(name)) return this.loaded.get(name) as V; // stored by the load of this very property
    // Office.js does not complain about properties of a null object; they read as undefined.
    if (this.resolution && this.resolution.target === null) return undefined as V;
    throw propertyNotLoaded(name);
  }

  /** Queues a property write. Like Office.js, the proxy remembers what was set, so reading it back works. */
  protected writeProp(name: string, value: unknown): void {
    const prop = this.def.props[name];
    const set = prop?.set;
    if (!prop || !set) throw new TypeError(`Cannot set read-only property ${this.typeName}.${name}`);
    this.loaded.set(name, value);
    this.context.queue.enqueue({
      target: this,
      member: name,
      kind: 'set',
      since: prop.setSince ?? prop.since,
      args: value,
      apply: (run) => {
        const target = this.resolve();
        if (target !== null) set(target, value, run);
      },
    });
  }

  /** Queues a method call; on a null object it does nothing, as in Office. */
  protected queueMethod(member: string, since: string, args: unknown, apply: (target: T, run: SyncRun) => void): void {
    this.context.queue.enqueue({
      target: this,
      member,
      kind: 'method',
      since,
      args,
      apply: (run) => {
        const target = this.resolve();
        if (target !== null) apply(target, run);
      },
    });
  }

  /** Queues resolution alone, so `isNullObject` is known after the next sync (the *OrNullObject pattern). */
  instantiateOnSync(member: string, since: string, args: unknown): void {
    this.context.queue.enqueue({ target: this, member, kind: 'method', since, args, apply: () => void this.resolve() });
  }

  track(): this {
    this.context.queue.tracked.add(this);
    return this;
  }

  untrack(): this {
    this.context.queue.tracked.delete(this);
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A result of a method like getCount(): its value arrives with the next sync. */
export class FakeClientResult<V> {
  private loaded = false;
  private result: V | undefined;

  get value(): V {
    if (!this.loaded) {
      throw new FakeOfficeError(
        'ValueNotLoaded',
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    }
    return this.result as V; // set together with `loaded`
  }

  settle(value: V): void {
    this.result = value;
    this.loaded = true;
  }
}

/**
 * The fakes implement a `Pick` of each Office class (checked by `implements`), so handing one out
 * as the full Office type is the one deliberate cast at the type boundary.
 */
export function asOffice<O>(fake: FakeClientObject<unknown>): O {
  return fake as unknown as O;
}
