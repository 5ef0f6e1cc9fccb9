import type { Network } from '@eduset/core';

/**
 * The detail of {@link EdusetLoadEvent}: the validated data a widget loaded from its `src`.
 *
 * @example
 * ```ts
 * import type { EdusetLoadDetail } from '@eduset/widgets';
 * declare const detail: EdusetLoadDetail;
 * detail.network.sites.length;
 * ```
 */
export interface EdusetLoadDetail {
  readonly network: Network;
}

/**
 * Fired when a widget has loaded and validated the data from its `src`. Bubbles and
 * crosses shadow roots (`composed`).
 *
 * @example
 * ```ts
 * const directory = document.querySelector('eduset-site-directory');
 * directory?.addEventListener('eduset-load', (event) => {
 *   console.log(event.detail.network.name);
 * });
 * ```
 */
export class EdusetLoadEvent extends CustomEvent<EdusetLoadDetail> {
  constructor(detail: EdusetLoadDetail) {
    super('eduset-load', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'eduset-load': EdusetLoadEvent;
  }
}
