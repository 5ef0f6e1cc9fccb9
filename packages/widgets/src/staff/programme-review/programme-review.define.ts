/**
 * Registers `<eduset-programme-review>` (guarded against double definition) and re-exports its
 * class. Importing this module has that side effect. A staff element: it belongs to the staff
 * bundle (`eduset-staff.js`), never to the public one.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/programme-review';
 * const review = document.createElement('eduset-programme-review');
 * review.srcBase = '/api';
 * document.body.append(review);
 * ```
 *
 * @module programme-review
 */
import { EdusetProgrammeReview } from './programme-review.js';

export * from './programme-review.js';
export * from './programme-review.texts.js';

EdusetProgrammeReview.define('eduset-programme-review');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-programme-review': EdusetProgrammeReview;
  }
}
