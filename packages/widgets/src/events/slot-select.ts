import type { Slot } from '@eduset/core';

/**
 * The detail of {@link EdusetSlotSelectEvent}: the free slot the parent chose, as
 * `GET /api/slots` offered it.
 *
 * @example
 * ```ts
 * import type { EdusetSlotSelectDetail } from '@eduset/widgets';
 * declare const detail: EdusetSlotSelectDetail;
 * detail.slot.start;
 * ```
 */
export interface EdusetSlotSelectDetail {
  readonly slot: Slot;
}

/**
 * Fired by `<eduset-slot-picker>` when the parent chooses a free time. Bubbles and crosses
 * shadow roots (`composed`).
 *
 * @example
 * ```ts
 * document.addEventListener('eduset-slot-select', (event) => {
 *   console.log(event.detail.slot.start, event.detail.slot.siteId);
 * });
 * ```
 */
export class EdusetSlotSelectEvent extends CustomEvent<EdusetSlotSelectDetail> {
  constructor(detail: EdusetSlotSelectDetail) {
    super('eduset-slot-select', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'eduset-slot-select': EdusetSlotSelectEvent;
  }
}
