/** Collections (worksheets, settings): `items` exists only after load + sync, each item itself loaded. */
import { FakeClientObject, FakeClientResult } from './client-object';
import type { SyncRun } from './context';
import { itemsTree, type LoadTree } from './load-option';

export abstract class FakeCollection<T, Item extends FakeClientObject<unknown>> extends FakeClientObject<T> {
  /** Fresh item proxies for what the collection holds now (Office makes new ones on every load). */
  protected abstract buildItems(target: T): Item[];

  protected abstract countItems(target: T, visibleOnly: boolean): number;

  /** 'name' and 'items/name' both load the items' name; `top`/`skip` page them. */
  override stageLoad(tree: LoadTree, run: SyncRun): void {
    const target = this.resolve();
    if (target === null) return;
    const perItem = itemsTree(tree);
    const skip = perItem.skip ?? 0;
    const all = this.buildItems(target);
    const items = all.slice(skip, perItem.top === undefined ? undefined : skip + perItem.top);
    for (const item of items) item.stageLoad(perItem, run);
    this.stageValue('items', items, run);
  }

  protected readItems(): Item[] {
    return this.readProp('items');
  }

  protected count(since: string, visibleOnly = false): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.queueMethod('getCount', since, visibleOnly, (target, run) => {
      const n = this.countItems(target, visibleOnly);
      run.staged.push(() => result.settle(n));
    });
    return result;
  }
}
