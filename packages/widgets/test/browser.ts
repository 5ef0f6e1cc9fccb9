// What the elements' Chromium tests share: mounting with cleanup, reading the shadow DOM,
// fake JSON answers and the axe check.
import axe from 'axe-core';
import { ReactiveElement } from 'lit';
import { afterEach, beforeEach, expect, vi } from 'vitest';

/**
 * The elements a test file mounts. Before each test the page's `<html lang>` is removed (the
 * test runner's page says `en`; the widgets' default is Russian); after each test every
 * mounted element is removed, `<html lang>` again, and stubbed globals and mocks are restored.
 */
export function mountedElements(): Element[] {
  const mounted: Element[] = [];
  beforeEach(() => {
    document.documentElement.removeAttribute('lang');
  });
  afterEach(() => {
    for (const element of mounted.splice(0)) element.remove();
    document.documentElement.removeAttribute('lang');
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
  return mounted;
}

/** An element's shadow root (an error when it has none). */
export function shadow(element: Element): ShadowRoot {
  const root = element.shadowRoot;
  if (root === null) throw new Error(`<${element.localName}> has no shadow root`);
  return root;
}

/** The first match of `selector` in an element's shadow DOM (an error when there is none). */
export function one(element: Element, selector: string): HTMLElement {
  const found = shadow(element).querySelector<HTMLElement>(selector);
  if (found === null) throw new Error(`no ${selector}`);
  return found;
}

/** Every match of `selector` in an element's shadow DOM. */
export function all(element: Element, selector: string): HTMLElement[] {
  return [...shadow(element).querySelectorAll<HTMLElement>(selector)];
}

/** A node's text with white space folded, as a reader hears it. */
export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A JSON answer, as the eduset server gives it. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** Runs axe over an element (once it has rendered) and expects no violation. */
export async function expectAccessible(
  element: Element,
  options: axe.RunOptions = {},
): Promise<void> {
  if (element instanceof ReactiveElement) await element.updateComplete;
  const results = await axe.run(element, options);
  expect(
    results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.html).join(' | ')}`,
    ),
  ).toEqual([]);
}
