/**
 * `@eduset/widgets`: Lit web components for municipal web sites, and the pieces they share
 * (base element, translations, the validated HTTP client, events). Importing this module
 * registers nothing; import a define module (`@eduset/widgets/site-directory`) or the embed
 * bundle (`eduset-widgets.js`) for that, or call `define()` yourself.
 *
 * @example
 * ```ts
 * import { EdusetSiteDirectory } from '@eduset/widgets';
 * EdusetSiteDirectory.define('eduset-site-directory');
 * ```
 *
 * @module widgets
 */
export * from './booking/booking-api.js';
export { ManageApi, parseManagedBooking } from './internal/manage-api.js';
export { ScheduleApi } from './internal/schedule-api.js';
export * from './booking/booking.js';
export * from './booking/booking.styles.js';
export * from './booking/booking.texts.js';
export * from './booking-manage/booking-manage.js';
export * from './booking-manage/booking-manage.styles.js';
export * from './booking-manage/booking-manage.texts.js';
export * from './course-timetable/course-timetable.js';
export * from './course-timetable/course-timetable.styles.js';
export * from './course-timetable/course-timetable.texts.js';
export * from './events/index.js';
export * from './family-cabinet/family-cabinet.js';
export * from './family-cabinet/family-cabinet.styles.js';
export * from './family-cabinet/family-cabinet.texts.js';
export * from './indicator-dashboard/indicator-chart.js';
export * from './indicator-dashboard/indicator-dashboard.i18n.js';
export * from './indicator-dashboard/indicator-dashboard.js';
export * from './indicator-dashboard/indicator-dashboard.styles.js';
export * from './indicator-dashboard/indicator-format.js';
export * from './internal/base.styles.js';
export * from './internal/eduset-element.js';
export * from './internal/fetch-json.js';
export * from './internal/lang.js';
export * from './internal/version.js';
export * from './program-navigator/program-navigator.i18n.js';
export * from './program-navigator/program-navigator.js';
export * from './program-navigator/program-navigator.styles.js';
export * from './schedule/schedule.js';
export * from './school-map/school-map.js';
export * from './school-map/school-map.styles.js';
export * from './school-map/school-map.texts.js';
export * from './schedule/schedule.styles.js';
export * from './schedule/schedule.texts.js';
export * from './site-directory/site-directory.js';
export * from './site-directory/site-directory.styles.js';
export * from './site-directory/site-directory.texts.js';
export * from './site-directory/site-filter.js';
export * from './slot-picker/slot-picker.js';
export * from './slot-picker/slot-picker.styles.js';
export * from './slot-picker/slot-picker.texts.js';
export * from './survey/survey.js';
export * from './survey/survey.styles.js';
export * from './survey/survey.texts.js';
export * from './translations/index.js';
export * from './translations/shared.texts.js';
