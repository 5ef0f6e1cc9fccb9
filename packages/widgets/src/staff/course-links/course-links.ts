import {
  courseLinkListSchema,
  myTimetablesSchema,
  parse,
  type CourseLinkList,
  type LocalizedText,
} from '@eduset/core';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { EdusetElement } from '../../internal/eduset-element.js';
import { baseStyles } from '../../internal/base.styles.js';
import { partsStyles } from '../../internal/parts/index.js';
import {
  StaffRequestError,
  StaffTransport,
  staffRequestErrors,
} from '../../internal/staff-transport.js';

/**
 * The texts of `<eduset-course-links>` in Russian and English.
 *
 * @example
 * ```ts
 * import { courseLinksTexts } from '@eduset/widgets/staff';
 * courseLinksTexts.ru.copy; // 'Копировать'
 * ```
 */
export const courseLinksTexts = {
  ru: {
    title: 'Личные ссылки учащихся на расписание',
    intro:
      'Ссылка открывает расписание профильных курсов одного учащегося без входа. Передайте её только самому учащемуся или его родителям.',
    loading: 'Загружаем список…',
    none: 'За вами не закреплена школа сети профильных курсов.',
    empty: 'В этой школе нет учащихся сети.',
    grade: (grade: number) => `${grade} класс`,
    noLink: 'ссылка не выдана',
    until: (date: string) => `действует до ${date}`,
    copy: 'Копировать',
    copied: (name: string) => `Ссылка для: ${name} — скопирована`,
    issue: 'Выдать ссылку',
    print: 'Печать списка',
    students: (count: number, links: number) => `Учащихся: ${count}, со ссылкой: ${links}`,
  },
  en: {
    title: "Students' personal timetable links",
    intro:
      "A link opens one student's course timetable without signing in. Give it only to the student or their parents.",
    loading: 'Loading the list…',
    none: 'No school of the course network is yours.',
    empty: 'This school has no students in the network.',
    grade: (grade: number) => `grade ${grade}`,
    noLink: 'no link issued',
    until: (date: string) => `valid until ${date}`,
    copy: 'Copy',
    copied: (name: string) => `The link for ${name} is copied`,
    issue: 'Issue a link',
    print: 'Print the list',
    students: (count: number, links: number) => `Students: ${count}, with a link: ${links}`,
  },
};

/**
 * `<eduset-course-links>` — for school staff: their own school's students of the course
 * network with their personal timetable links (names, never codes), a copy button per link,
 * a link issued where there is none, and a printable list. Reads `{src-base}/courses/mine`
 * and `{src-base}/courses/links?school=…` with the signed-in session (the list is audited).
 * Russian by default, English with `lang="en"`. Part of the staff bundle.
 *
 * @tagname eduset-course-links
 * @summary School staff: their students' personal timetable links, to copy or print.
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-staff.js"></script>
 * <eduset-course-links src-base="/api"></eduset-course-links>
 * ```
 */
export class EdusetCourseLinks extends EdusetElement {
  static override styles = [
    baseStyles,
    partsStyles,
    css`
      :host {
        display: block;
        max-width: 60rem;
      }
      ul {
        list-style: none;
        padding: 0;
      }
      li {
        border-top: 1px solid #c8ccd4;
        padding: 0.5rem 0;
      }
      .url {
        display: block;
        overflow-wrap: anywhere;
        font-family: monospace;
      }
      .hint {
        color: #4a4f57;
      }

      [type='button'] {
        margin: 0.25rem 0.5rem 0.25rem 0;
      }
      @media print {
        [type='button'] {
          display: none;
        }
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    lists: { state: true },
    message: { state: true },
    notice: { state: true },
  };

  /** Base address of the API (`/api`). */
  declare srcBase: string | null;
  declare private lists: readonly (CourseLinkList & { readonly schoolName: string })[] | null;
  declare private message: LocalizedText | null;
  declare private notice: string;

  constructor() {
    super();
    this.srcBase = null;
    this.lists = null;
    this.message = null;
    this.notice = '';
  }

  private get transport(): StaffTransport<StaffRequestError> {
    return new StaffTransport(this.srcBase ?? '/api', staffRequestErrors);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const mine = await this.transport.get('/courses/mine', (v) => parse(myTimetablesSchema, v));
      const schools = mine.views.filter((view) => view.view === 'school');
      this.lists = await Promise.all(
        schools.map(async (school) => ({
          ...(await this.transport.get(
            `/courses/links?school=${encodeURIComponent(school.id)}`,
            (v) => parse(courseLinkListSchema, v),
          )),
          schoolName: school.name,
        })),
      );
      this.message = null;
    } catch (error) {
      this.message =
        error instanceof StaffRequestError
          ? error.text
          : { ru: 'Ответ сервера не прочитан', en: 'The server answer could not be read' };
    }
  }

  private async issue(studentId: string): Promise<void> {
    try {
      await this.transport.send('POST', '/courses/links', { studentId });
      await this.load();
    } catch (error) {
      if (error instanceof StaffRequestError) this.message = error.text;
    }
  }

  private async copy(url: string, name: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      this.notice = courseLinksTexts[this.language].copied(name);
    } catch {
      this.notice = url;
    }
  }

  override render(): TemplateResult {
    const t = courseLinksTexts[this.language];
    const lists = this.lists;
    return html`<section lang=${this.language}>
      <h2>${t.title}</h2>
      <p class="hint">${t.intro}</p>
      ${
        this.message === null
          ? nothing
          : html`<p class="status error" role="alert">${this.message[this.language]}</p>`
      }
      <p class="status" role="status" aria-live="polite">${this.notice}</p>
      ${lists === null && this.message === null ? html`<p>${t.loading}</p>` : nothing}
      ${lists?.length === 0 ? html`<p>${t.none}</p>` : nothing}
      ${(lists ?? []).map(
        (list) =>
          html`<h3>${list.schoolName}</h3>
            <p>${t.students(list.students.length, list.students.filter((s) => s.link).length)}</p>
            <button type="button" @click=${() => window.print()}>${t.print}</button>
            ${list.students.length === 0 ? html`<p>${t.empty}</p>` : nothing}
            <ul>
              ${[...list.students]
                .sort((a, b) => a.name.localeCompare(b.name, 'ru'))
                .map((student) => {
                  const link = student.link;
                  const url = link === undefined ? '' : new URL(link.url, location.href).href;
                  return html`<li>
                    <strong>${student.name}</strong>, ${t.grade(student.grade)}
                    ${
                      link === undefined
                        ? html`<span class="hint">— ${t.noLink}</span>
                            <button
                              type="button"
                              aria-label=${`${t.issue}: ${student.name}`}
                              @click=${() => this.issue(student.studentId)}
                            >
                              ${t.issue}
                            </button>`
                        : html`<span class="url">${url}</span>
                            <span class="hint"
                              >${t.until(new Date(link.expiresAt).toLocaleDateString(this.language))}</span
                            >
                            <button
                              type="button"
                              aria-label=${`${t.copy}: ${student.name}`}
                              @click=${() => this.copy(url, student.name)}
                            >
                              ${t.copy}
                            </button>`
                    }
                  </li>`;
                })}
            </ul>`,
      )}
    </section>`;
  }
}
