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

/** Each public tag and the module that defines it (the bundler makes each a chunk). */
const modules: readonly (readonly [string, () => Promise<unknown>])[] = [
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

/** Tags whose module was asked for (each is loaded once). */
const asked = new Set<string>();

/**
 * Loads the module of every known tag found in `root` (itself included) not asked for yet.
 * Plain loops over the loader's own array: a host page that patched `Array.prototype` or
 * `NodeList.prototype.forEach` changes nothing here.
 */
function defineWithin(root: Element | Document): void {
  for (let index = 0; index < modules.length; index += 1) {
    const entry = modules[index];
    if (entry === undefined) continue;
    const [tag, load] = entry;
    if (asked.has(tag) || customElements.get(tag) !== undefined) continue;
    const here =
      (root instanceof Element && root.localName === tag) || root.querySelector(tag) !== null;
    if (!here) continue;
    asked.add(tag);
    load().catch((error: unknown) => {
      // Asked again when the tag appears next (e.g. after the network came back).
      asked.delete(tag);
      console.error(`eduset: не удалось загрузить <${tag}> / could not load <${tag}>`, error);
    });
  }
}

defineWithin(document);
new MutationObserver((records) => {
  for (let r = 0; r < records.length; r += 1) {
    const added = records[r]?.addedNodes;
    if (added === undefined) continue;
    for (let n = 0; n < added.length; n += 1) {
      const node = added[n];
      if (node instanceof Element) defineWithin(node);
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true });
