/** A tiny DOM builder for the app shell (the shell is plain DOM + SLDS classes, not a component). */

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** An SLDS sprite icon (standard:account → the standard sprite's #account symbol). */
export function spriteIcon(name: string, className: string): SVGSVGElement {
  const [category, symbol] = name.split(':');
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', className);
  svg.setAttribute('aria-hidden', 'true');
  const use = document.createElementNS(ns, 'use');
  use.setAttribute('href', `/assets/icons/${category}-sprite/svg/symbols.svg#${symbol}`);
  svg.append(use);
  return svg;
}
