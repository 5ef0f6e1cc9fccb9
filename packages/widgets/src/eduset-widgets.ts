/**
 * The embed bundle: one ES module that registers every eduset element, for a page that can
 * only add a script tag.
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-widgets.js"></script>
 * <eduset-site-directory src="/api/network"></eduset-site-directory>
 * ```
 *
 * @module eduset-widgets
 */
import './booking/booking.define.js';
import './booking-manage/booking-manage.define.js';
import './indicator-dashboard/indicator-dashboard.define.js';
import './program-navigator/program-navigator.define.js';
import './course-timetable/course-timetable.define.js';
import './family-cabinet/family-cabinet.define.js';
import './schedule/schedule.define.js';
import './school-map/school-map.define.js';
import './site-directory/site-directory.define.js';
import './survey/survey.define.js';

export * from './index.js';
