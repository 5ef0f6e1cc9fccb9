/**
 * What changed in a consultation through `<eduset-staff-agenda>`: marked attended or a
 * no-show, the private note saved or removed, cancelled or moved on the parent's behalf.
 *
 * @example
 * ```ts
 * import type { ConsultationChange } from '@eduset/widgets/staff';
 * const change: ConsultationChange = 'attended';
 * ```
 */
export type ConsultationChange = 'attended' | 'no-show' | 'note' | 'cancelled' | 'moved';

/**
 * The detail of {@link EdusetConsultationChangeEvent}: the booking's id and what changed.
 *
 * @example
 * ```ts
 * import type { EdusetConsultationChangeDetail } from '@eduset/widgets/staff';
 * const detail: EdusetConsultationChangeDetail = { bookingId: 'b-1', change: 'note' };
 * ```
 */
export interface EdusetConsultationChangeDetail {
  readonly bookingId: string;
  readonly change: ConsultationChange;
}

/**
 * Fired by `<eduset-staff-agenda>` once the server has accepted a change of a consultation.
 * Bubbles and crosses shadow roots (`composed`).
 *
 * @example
 * ```ts
 * document.addEventListener('eduset-consultation-change', (event) => {
 *   console.log(event.detail.bookingId, event.detail.change);
 * });
 * ```
 */
export class EdusetConsultationChangeEvent extends CustomEvent<EdusetConsultationChangeDetail> {
  constructor(detail: EdusetConsultationChangeDetail) {
    super('eduset-consultation-change', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'eduset-consultation-change': EdusetConsultationChangeEvent;
  }
}
