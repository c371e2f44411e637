/**
 * Tiny DOM helpers. Text always goes in through textContent (never innerHTML): campaign names
 * and headers come from the user's sheet and may hold markup or formulas.
 */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`Sidebar: no #${id}`);
  return el as T;
}

type Child = Node | string | null | undefined | false;

/** An element with attributes and children; strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function clear(node: Element): void {
  node.replaceChildren();
}

export function option(value: string, text: string, selected = false): HTMLOptionElement {
  const o = el('option', { value, text });
  o.selected = selected;
  return o;
}

export function show(node: HTMLElement, visible: boolean): void {
  node.hidden = !visible;
}

let lastId = 0;

/** A fresh element id, for aria-labelledby and label[for] (names from the sheet are not safe ids). */
export function uid(prefix: string): string {
  lastId += 1;
  return `${prefix}-${lastId}`;
}
