/**
 * The forms `load()` accepts, reduced to one tree: 'a,b', ['a', 'b/c'], { select, expand },
 * Office's typed load options ({ values: true, format: { font: { bold: true } }, $all: true }).
 */

export interface LoadTree {
  /** No selection given: every scalar property. */
  all: boolean;
  props: Set<string>;
  navs: Map<string, LoadTree>;
  /** Collection paging ({ top, skip }). */
  top?: number;
  skip?: number;
}

export type LoadOption =
  | string
  | string[]
  | { select?: string | string[]; expand?: string | string[]; top?: number; skip?: number }
  | { [key: string]: unknown };

export function emptyTree(all = false): LoadTree {
  return { all, props: new Set(), navs: new Map() };
}

function child(tree: LoadTree, name: string): LoadTree {
  let sub = tree.navs.get(name);
  if (!sub) {
    sub = emptyTree();
    tree.navs.set(name, sub);
  }
  return sub;
}

function splitList(list: string | string[]): string[] {
  const items = Array.isArray(list) ? list : [list];
  return items.flatMap((item) => item.split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

function addPath(tree: LoadTree, path: string): void {
  const parts = path.split('/').map((p) => p.trim()).filter((p) => p !== '');
  let node = tree;
  for (let i = 0; i < parts.length - 1; i++) node = child(node, parts[i]);
  if (parts.length > 0) node.props.add(parts[parts.length - 1]);
}

function addTyped(tree: LoadTree, spec: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(spec)) {
    if (key === '$all') {
      if (value === true) tree.all = true;
    } else if (key === '$top' && typeof value === 'number') {
      tree.top = value;
    } else if (key === '$skip' && typeof value === 'number') {
      tree.skip = value;
    } else if (value === true) {
      tree.props.add(key);
    } else if (value !== null && typeof value === 'object') {
      addTyped(child(tree, key), value as Record<string, unknown>); // nested typed load options
    }
  }
}

/** A nav whose subtree selects nothing loads all its scalars, as `expand` does in Office. */
function settle(tree: LoadTree): void {
  for (const sub of tree.navs.values()) {
    if (sub.props.size === 0 && sub.navs.size === 0) sub.all = true;
    settle(sub);
  }
}

export function parseLoadOption(option: LoadOption | undefined): LoadTree {
  if (option === undefined || option === null) return emptyTree(true);
  const tree = emptyTree();
  if (typeof option === 'string' || Array.isArray(option)) {
    const paths = splitList(option);
    if (paths.length === 0) return emptyTree(true);
    for (const p of paths) addPath(tree, p);
  } else if ('select' in option || 'expand' in option) {
    const { select, expand, top, skip } = option as { select?: string | string[]; expand?: string | string[]; top?: number; skip?: number };
    if (select !== undefined) for (const p of splitList(select)) addPath(tree, p);
    if (expand !== undefined) {
      for (const p of splitList(expand)) p.split('/').reduce((node, name) => child(node, name.trim()), tree);
    }
    if (select === undefined) tree.all = true;
    tree.top = top;
    tree.skip = skip;
  } else {
    addTyped(tree, option);
  }
  settle(tree);
  return tree;
}

/** For collections: 'name' and 'items/name' both mean the items' name. */
export function itemsTree(tree: LoadTree): LoadTree {
  const items = tree.navs.get('items') ?? emptyTree();
  const out: LoadTree = { all: tree.all || items.all || tree.props.has('items'), props: new Set(items.props), navs: new Map(items.navs) };
  for (const p of tree.props) if (p !== 'items') out.props.add(p);
  for (const [name, sub] of tree.navs) if (name !== 'items') out.navs.set(name, sub);
  out.top = tree.top ?? items.top;
  out.skip = tree.skip ?? items.skip;
  return out;
}
