/**
 * The detail of {@link EdusetSurveyAnsweredEvent}: the consultation answered and the school
 * year the answer counts in.
 *
 * @example
 * ```ts
 * import type { EdusetSurveyAnsweredDetail } from '@eduset/widgets';
 * declare const detail: EdusetSurveyAnsweredDetail;
 * detail.schoolYear; // '2026-2027'
 * ```
 */
export interface EdusetSurveyAnsweredDetail {
  readonly bookingId: string;
  readonly schoolYear: string;
}

/**
 * Fired by `<eduset-survey>` when the parent's answer is stored. Bubbles and crosses shadow
 * roots (`composed`). The answer itself is not in the event.
 *
 * @example
 * ```ts
 * document.addEventListener('eduset-survey-answered', (event) => {
 *   console.log(event.detail.bookingId, event.detail.schoolYear);
 * });
 * ```
 */
export class EdusetSurveyAnsweredEvent extends CustomEvent<EdusetSurveyAnsweredDetail> {
  constructor(detail: EdusetSurveyAnsweredDetail) {
    super('eduset-survey-answered', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'eduset-survey-answered': EdusetSurveyAnsweredEvent;
  }
}
