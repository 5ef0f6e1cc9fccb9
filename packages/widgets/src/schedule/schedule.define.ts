/**
 * Registers `<eduset-schedule>` (guarded against double definition) and re-exports its
 * class. Importing this module has that side effect; `@eduset/widgets` itself has none.
 *
 * @example
 * ```ts
 * import '@eduset/widgets/schedule';
 * const schedule = document.createElement('eduset-schedule');
 * schedule.srcBase = '/api';
 * document.body.append(schedule);
 * ```
 *
 * @module schedule
 */
import { EdusetSchedule } from './schedule.js';

export * from './schedule.js';
export { ScheduleApi } from '../internal/schedule-api.js';

EdusetSchedule.define('eduset-schedule');

declare global {
  interface HTMLElementTagNameMap {
    'eduset-schedule': EdusetSchedule;
  }
}
