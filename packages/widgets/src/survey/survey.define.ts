/**
 * Registers `<eduset-survey>` (guarded against double definition) and re-exports its class.
 * Importing this module has that side effect; `@eduset/widgets` itself has none.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/survey';
 * const survey = document.createElement('eduset-survey');
 * survey.booking = 'b-1';
 * survey.token = 'q1w2e3';
 * document.body.append(survey);
 * ```
 *
 * @module survey
 */
import { EdusetSurvey } from './survey.js';

export * from './survey.js';

EdusetSurvey.define('eduset-survey');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-survey': EdusetSurvey;
  }
}
