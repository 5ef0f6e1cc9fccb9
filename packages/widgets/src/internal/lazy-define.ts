/**
 * Defining elements on demand, the one mechanism of both lazy loaders (`eduset-loader.js` for
 * the public elements, `eduset-staff-loader.js` for the staff's): each tag's module is loaded
 * only when the tag appears on the page — at load, or later (a block shown on a click) — and
 * once.
 *
 * @example
 * ```ts
 * import { defineOnDemand } from './lazy-define.js';
 * defineOnDemand([['eduset-schedule', () => import('../schedule/schedule.define.js')]]);
 * ```
 */

/** A tag and the module that defines it (the bundler makes each a chunk). */
export type LazyModule = readonly [string, () => Promise<unknown>];

/**
 * Watches the page and loads the module of every listed tag when it first appears. Plain
 * loops over the loader's own array: a host page that patched `Array.prototype` or
 * `NodeList.prototype.forEach` changes nothing here.
 */
export function defineOnDemand(modules: readonly LazyModule[]): void {
  /** Tags whose module was asked for (each is loaded once). */
  const asked = new Set<string>();

  /** Loads the module of every known tag found in `root` (itself included) not asked for yet. */
  function defineWithin(root: Element | Document): void {
    for (let index = 0; index < modules.length; index += 1) {
      const entry = modules[index];
      if (entry === undefined) continue;
      const [tag, load] = entry;
      if (asked.has(tag) || customElements.get(tag) !== undefined) continue;
      const here =
        (root instanceof Element && root.localName === tag) || root.querySelector(tag) !== null;
      if (!here) continue;
      asked.add(tag);
      load().catch((error: unknown) => {
        // Asked again when the tag appears next (e.g. after the network came back).
        asked.delete(tag);
        console.error(`eduset: не удалось загрузить <${tag}> / could not load <${tag}>`, error);
      });
    }
  }

  defineWithin(document);
  new MutationObserver((records) => {
    for (let r = 0; r < records.length; r += 1) {
      const added = records[r]?.addedNodes;
      if (added === undefined) continue;
      for (let n = 0; n < added.length; n += 1) {
        const node = added[n];
        if (node instanceof Element) defineWithin(node);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}
