/**
 * The lazy loader: one small ES module that defines each public eduset element only when
 * its tag appears on the page — at load, or later (a CMS block shown on a click) — so a page
 * with one element downloads that element and what it needs, not all of them. The modules
 * it loads lie beside it (`lazy/…`), with the chunks they share (Lit, core's schemas) loaded
 * once.
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-loader.js"></script>
 * <eduset-schedule src-base="/api"></eduset-schedule>
 * ```
 *
 * @module eduset-loader
 */
import { defineOnDemand, type LazyModule } from './internal/lazy-define.js';

/** Each public tag and the module that defines it (the bundler makes each a chunk). */
const modules: readonly LazyModule[] = [
  ['eduset-site-directory', () => import('./site-directory/site-directory.define.js')],
  ['eduset-schedule', () => import('./schedule/schedule.define.js')],
  ['eduset-booking', () => import('./booking/booking.define.js')],
  ['eduset-slot-picker', () => import('./slot-picker/slot-picker.define.js')],
  ['eduset-booking-manage', () => import('./booking-manage/booking-manage.define.js')],
  ['eduset-program-navigator', () => import('./program-navigator/program-navigator.define.js')],
  [
    'eduset-indicator-dashboard',
    () => import('./indicator-dashboard/indicator-dashboard.define.js'),
  ],
  ['eduset-school-map', () => import('./school-map/school-map.define.js')],
  ['eduset-course-timetable', () => import('./course-timetable/course-timetable.define.js')],
  ['eduset-survey', () => import('./survey/survey.define.js')],
  ['eduset-family-cabinet', () => import('./family-cabinet/family-cabinet.define.js')],
];

defineOnDemand(modules);
