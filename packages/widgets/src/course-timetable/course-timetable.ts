import { timetableViewSchema, type TimetableEntry, type TimetableView } from '@eduset/core';
import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { DataLoader } from '../internal/data-loader.js';
import { EdusetElement } from '../internal/eduset-element.js';
import { courseTimetableStyles } from './course-timetable.styles.js';
import { courseTimetableTexts, type CourseTimetableTexts } from './course-timetable.texts.js';

/**
 * Whose timetable `<eduset-course-timetable>` shows.
 *
 * @example
 * ```ts
 * import type { CourseTimetableViewKind } from '@eduset/widgets';
 * const kind: CourseTimetableViewKind = 'centre';
 * ```
 */
export type CourseTimetableViewKind = 'student' | 'school' | 'centre' | 'teacher';

/**
 * What `GET /courses/timetable` answers: a core timetable view plus the address of its
 * iCalendar feed. Validated with core's schema.
 *
 * @example
 * ```ts
 * import type { CourseTimetableData } from '@eduset/widgets';
 * const ics = (data: CourseTimetableData) => data.icsUrl;
 * ```
 */
export type CourseTimetableData = TimetableView & { readonly icsUrl?: string };

/** Validates an answer with core's schema; `icsUrl` is kept when it is a same-site path. */
function responseSchema(input: unknown): CourseTimetableData {
  const view = timetableViewSchema.parse(input);
  const icsUrl = (input as { icsUrl?: unknown }).icsUrl;
  return typeof icsUrl === 'string' && icsUrl.startsWith('/') ? { ...view, icsUrl } : view;
}

/**
 * A room as a reader says it: a name that is words already («Кабинет информатики 201»,
 * «Актовый зал») as it is, a bare number with the word for a room before it («кабинет 12»).
 */
function roomLabel(name: string, room: string): string {
  return /^\p{L}/u.test(name) ? name : `${room.toLowerCase()} ${name}`;
}

/**
 * `<eduset-course-timetable>` — the network timetable of profile courses for one student,
 * home school, resource centre or teacher: a week grid of where to go and when (resource
 * centre, room, teacher, and the trip from the previous place for a student) on wide
 * containers, a list of days on narrow ones, and a link to subscribe to the iCalendar feed.
 *
 * With a `token` (the personal link a school hands a student) it loads the student's own
 * timetable from `GET {src-base}/courses/timetable/by-link?token=…`; otherwise the public
 * timetable of a resource centre or a school from `GET {src-base}/courses/timetable?view=…&id=…`
 * (a student's or a teacher's timetable that way needs a signed-in staff member). The answer
 * is validated with core's `timetableViewSchema`; or set `data` directly. Public timetables
 * name no one: a lesson without a teacher's name shows none. Russian by default, English
 * with `lang="en"`.
 *
 * @tagname eduset-course-timetable
 * @summary Weekly profile-course timetable of a student, school, resource centre or teacher.
 *
 * @attr src-base - Base address of the eduset API (e.g. `/api`).
 * @attr token - The token of a student's personal link (from `#token=…` of the link); takes
 *   precedence over `view` and `entity`.
 * @attr view - `centre` or `school` (public), `student` or `teacher` (staff).
 * @attr entity - The id of the centre, school, student or teacher.
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-error - The timetable could not be loaded or validated; `detail.error` (`FetchJsonError`).
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The heading.
 * @csspart ical-link - The link to the iCalendar feed.
 * @csspart status - The live region (loading, errors).
 * @csspart week-grid - The week table (wide containers).
 * @csspart day-list - The list of days (narrow containers).
 * @csspart entry - One lesson.
 * @csspart travel - The trip before a lesson.
 * @csspart empty - The message shown when there are no lessons.
 *
 * @cssproperty --eduset-course-timetable-travel-color - Color of the trip notes (default: the theme's warning color darkened toward the text).
 * @cssproperty --eduset-course-timetable-cell-background - Background of a lesson (default: 8 % of the primary color over the surface).
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-widgets.js"></script>
 * <eduset-course-timetable src-base="/api" view="centre" entity="rc-gymnasium-3"></eduset-course-timetable>
 * <!-- a student's own timetable; the page passes the token from its #token=… -->
 * <eduset-course-timetable src-base="/api" token="…"></eduset-course-timetable>
 * ```
 */
export class EdusetCourseTimetable extends EdusetElement {
  /** The element's shadow-DOM styles; theme through `--eduset-*` and `::part`. */
  static override styles = courseTimetableStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    view: { type: String },
    entity: { type: String },
    token: { type: String },
    data: { attribute: false },
  };

  /** Base address of the API (`/api`). */
  declare srcBase: string | null;
  /** Whose timetable. */
  declare view: CourseTimetableViewKind;
  /** The id of the student, school, centre or teacher. */
  declare entity: string | null;
  /** The token of a student's personal link; when set, the widget shows that student's week. */
  declare token: string | null;
  /** The timetable shown (loaded, or set directly). */
  declare data: CourseTimetableData | null;
  private readonly loader = new DataLoader(this);

  constructor() {
    super();
    this.srcBase = null;
    this.view = 'student';
    this.entity = null;
    this.token = null;
    this.data = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      (changed.has('srcBase') ||
        changed.has('view') ||
        changed.has('entity') ||
        changed.has('token')) &&
      this.canLoad
    ) {
      this.load();
    }
  }

  /**
   * Loads the timetable again.
   *
   * @example
   * ```ts
   * document.querySelector('eduset-course-timetable')?.reload();
   * ```
   */
  reload(): void {
    if (this.canLoad) this.load();
  }

  private get canLoad(): boolean {
    return Boolean(this.srcBase) && Boolean(this.token || this.entity);
  }

  private load(): void {
    const base = (this.srcBase ?? '').replace(/\/$/, '');
    const url = this.token
      ? `${base}/courses/timetable/by-link?token=${encodeURIComponent(this.token)}`
      : `${base}/courses/timetable?view=${encodeURIComponent(this.view)}&id=${encodeURIComponent(this.entity ?? '')}`;
    this.loader.fetch(url, responseSchema, (data) => {
      this.data = data;
    });
  }

  private get texts(): CourseTimetableTexts {
    return courseTimetableTexts[this.language];
  }

  private entry(entry: TimetableEntry, withTime: boolean): TemplateResult {
    const t = this.texts;
    const showStudents = this.data?.kind !== 'student';
    return html`<div class="entry" part="entry" data-group-id=${entry.groupId}>
      ${entry.travel === undefined ? nothing : html`<div class="travel" part="travel">${t.travel(entry.travel.fromName, entry.travel.minutes)}</div>`}
      ${withTime ? html`<div>${entry.start}–${entry.end}</div>` : nothing}
      <div class="course">${entry.courseName}</div>
      <div class="where">
        ${entry.resourceCentreName},
        ${roomLabel(entry.roomName, t.room)}${entry.address === undefined ? nothing : html`<br />${entry.address}`}
      </div>
      <div class="who">
        ${
          entry.teacherName === ''
            ? nothing
            : html`${t.teacher}: ${entry.teacherName}${showStudents ? '; ' : ''}`
        }${showStudents ? t.students(entry.students) : nothing}
      </div>
    </div>`;
  }

  private grid(data: CourseTimetableData): TemplateResult {
    const t = this.texts;
    return html`<div class="grid-wrap">
      <table part="week-grid">
        <caption class="visually-hidden">
          ${t.title(data.name)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.time}</th>
            ${data.days.map((day) => html`<th scope="col" data-day=${day}>${t.weekdays[day - 1]}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${data.periods.map(
            (period, index) =>
              html`<tr>
                <th scope="row">${period.start}–${period.end}</th>
                ${data.days.map(
                  (day) =>
                    html`<td data-day=${day} data-period=${index}>
                      ${data.entries.filter((e) => e.day === day && e.period === index).map((e) => this.entry(e, false))}
                    </td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private list(data: CourseTimetableData): TemplateResult {
    const t = this.texts;
    const days = data.days.filter((day) => data.entries.some((e) => e.day === day));
    return html`<ul class="day-list" part="day-list">
      ${days.map(
        (day) =>
          html`<li data-day=${day}>
            <h3>${t.weekdays[day - 1]}</h3>
            <ul>
              ${data.entries.filter((e) => e.day === day).map((e) => html`<li>${this.entry(e, true)}</li>`)}
            </ul>
          </li>`,
      )}
    </ul>`;
  }

  protected override render(): TemplateResult {
    const t = this.texts;
    const data = this.data;
    const status =
      this.loader.state === 'loading'
        ? t.loading
        : this.loader.state === 'error'
          ? `${t.loadFailed}. ${this.loader.errorText(this.language)}`
          : '';
    return html`<div class="timetable" part="base">
      ${
        data === null
          ? nothing
          : html`<h2 part="title">${t.title(data.name)}</h2>
              <p class="summary">
                ${t.viewKind[data.kind]} · ${data.schoolYear} · ${t.sessions(data.entries.length)}
              </p>
              ${data.icsUrl === undefined ? nothing : html`<p><a part="ical-link" href=${data.icsUrl}>${t.subscribe}</a></p>`}`
      }
      <div
        part="status"
        role="status"
        aria-live="polite"
        class=${this.loader.state === 'error' ? 'error' : ''}
      >
        ${status}
      </div>
      ${this.loader.state === 'error' ? html`<p><button type="button" @click=${() => this.reload()}>${t.retry}</button></p>` : nothing}
      ${
        data === null
          ? nothing
          : data.entries.length === 0
            ? html`<p part="empty">${t.empty}</p>`
            : html`${this.grid(data)}${this.list(data)}`
      }
    </div>`;
  }
}
