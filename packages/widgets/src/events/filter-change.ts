import type { SiteFilter } from '../site-directory/site-filter.js';

/**
 * Fired when a parent changes a filter of `<eduset-site-directory>` (the child's age or the
 * service). Not fired when the filter is changed through properties. Bubbles and crosses
 * shadow roots (`composed`).
 *
 * @example
 * ```ts
 * document.addEventListener('eduset-filter-change', (event) => {
 *   console.log(event.detail.age, event.detail.serviceId);
 * });
 * ```
 */
export class EdusetFilterChangeEvent extends CustomEvent<SiteFilter> {
  constructor(detail: SiteFilter) {
    super('eduset-filter-change', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'eduset-filter-change': EdusetFilterChangeEvent;
  }
}
