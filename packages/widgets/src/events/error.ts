import type { FetchJsonError } from '../internal/fetch-json.js';

/**
 * The detail of {@link EdusetErrorEvent}: what went wrong, with a Russian and English text.
 *
 * @example
 * ```ts
 * import type { EdusetErrorDetail } from '@eduset/widgets';
 * declare const detail: EdusetErrorDetail;
 * detail.error.text.ru;
 * ```
 */
export interface EdusetErrorDetail {
  readonly error: FetchJsonError;
}

/**
 * Fired when a widget could not load or validate the data from its `src` (the widget also
 * shows the error). Bubbles and crosses shadow roots (`composed`).
 *
 * @example
 * ```ts
 * document.addEventListener('eduset-error', (event) => {
 *   report(event.detail.error.kind, event.detail.error.url);
 * });
 * declare function report(kind: string, url: string): void;
 * ```
 */
export class EdusetErrorEvent extends CustomEvent<EdusetErrorDetail> {
  constructor(detail: EdusetErrorDetail) {
    super('eduset-error', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'eduset-error': EdusetErrorEvent;
  }
}
