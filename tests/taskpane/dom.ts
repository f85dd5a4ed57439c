/**
 * A small kit for component tests, in Testing Library's spirit: find elements by role and accessible
 * name, as a user (or a screen reader) finds them, and act as a user acts.
 *
 * Why not @testing-library/react itself: its required peer @testing-library/dom is not installed in
 * this repository (nor is it for user-event). Roles and names come from dom-accessibility-api, the
 * same library Testing Library uses.
 */
import { act, ReactElement } from 'react';
import { createRoot, Root } from 'react-dom/client';
import { computeAccessibleName, getRole, isInaccessible } from 'dom-accessibility-api';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: { root: Root; container: HTMLElement }[] = [];

afterEach(() => {
  for (const { root, container } of mounted.splice(0)) {
    act(() => root.unmount());
    container.remove();
  }
});

export function mount(ui: ReactElement): HTMLElement {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  mounted.push({ root, container });
  act(() => root.render(ui));
  return container;
}

export type Matcher = string | RegExp;

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();
const matches = (text: string, m: Matcher) => (typeof m === 'string' ? normalize(text) === m : m.test(normalize(text)));

export function queryAllByRole(role: string, name?: Matcher, root: ParentNode = document.body): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('*')].filter(
    // Cheapest test first: computed styles (for isInaccessible) are slow in jsdom.
    (el) => getRole(el) === role && (name === undefined || matches(computeAccessibleName(el), name)) && !isInaccessible(el),
  );
}

export function getByRole(role: string, name?: Matcher, root: ParentNode = document.body): HTMLElement {
  const found = queryAllByRole(role, name, root);
  if (found.length === 1) return found[0];
  const names = queryAllByRole(role, undefined, root).map((el) => `"${computeAccessibleName(el)}"`);
  throw new Error(`${found.length} elements with role ${role} and name ${String(name)}; there are: ${names.join(', ') || 'none'}`);
}

/** Elements whose own text matches (the innermost ones, as a person reads them). */
export function queryAllByText(text: Matcher, root: ParentNode = document.body): HTMLElement[] {
  const all = [...root.querySelectorAll<HTMLElement>('*')].filter((el) => matches(el.textContent ?? '', text));
  return all.filter((el) => !all.some((other) => other !== el && el.contains(other)));
}

export function getByText(text: Matcher, root: ParentNode = document.body): HTMLElement {
  const found = queryAllByText(text, root);
  if (found.length !== 1) throw new Error(`${found.length} elements with text ${String(text)}`);
  return found[0];
}

export function getByTestId(id: string, root: ParentNode = document.body): HTMLElement {
  const el = root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no element with data-testid="${id}"`);
  return el;
}

export function queryByTestId(id: string, root: ParentNode = document.body): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
}

/** Retries the assertion while React settles promises and effects. */
export async function waitFor<T>(assertion: () => T, timeoutMs = 3000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return assertion();
    } catch (e) {
      if (Date.now() - start > timeoutMs) throw e;
      await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    }
  }
}

export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.click();
  });
}

export async function selectOption(select: HTMLElement, value: string): Promise<void> {
  if (!(select instanceof HTMLSelectElement)) throw new Error('not a <select>');
  if (![...select.options].some((o) => o.value === value)) throw new Error(`no option "${value}" in ${[...select.options].map((o) => o.value).join(', ')}`);
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Replaces an input's text the way typing does, so React's onChange sees it. */
export async function typeText(input: HTMLElement, text: string): Promise<void> {
  if (!(input instanceof HTMLInputElement)) throw new Error('not an <input>');
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  await act(async () => {
    setter.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function pressEnter(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
}
