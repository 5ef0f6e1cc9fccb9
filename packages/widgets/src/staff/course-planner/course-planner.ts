import type { LocalizedText } from '@eduset/core';
import type {
  CourseTableImportReport,
  CourseTimetableList,
  CourseTimetableRecord,
  LecturePin,
  MoveCheckResponse,
  Session,
  SolveProgress,
} from '@eduset/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { EdusetElement } from '../../internal/eduset-element.js';
import { button, checkbox, field, fieldFrame, selectField } from '../../internal/parts/index.js';
import { StaffRequestError } from '../../staff-agenda/staff-agenda-api.js';
import { CoursePlannerApi, type PlannerNetwork } from './course-planner-api.js';
import { coursePlannerStyles } from './course-planner.styles.js';
import { coursePlannerTexts, type CoursePlannerTexts } from './course-planner.texts.js';

/** How many added violations a check lists (the rest are counted). */
const shownViolations = 12;

const pinKey = (session: Session): string =>
  `${session.groupId}|${String(session.day)}|${String(session.period)}|${session.roomId}`;

/**
 * `<eduset-course-planner>` — the coordinator's desk of the course network timetable: start a
 * background solve and watch its progress (the best violations and penalty so far, time left),
 * stop it, see the drafts and published versions, publish a draft, pin lectures and solve
 * again keeping them, and move one lecture by hand with the violations it would add shown
 * before it is saved; upload a table of the network (rooms, teachers, courses, groups,
 * students' choices) as CSV or XLSX with every rejected row's reasons shown, and download
 * each table as CSV.
 *
 * Reads and writes `{src-base}/courses/plan/…` with the signed-in session. Russian by
 * default, English with `lang="en"`. Part of the staff bundle (`eduset-staff.js`).
 *
 * @tagname eduset-course-planner
 * @summary The coordinator's background solve, drafts, pins, hand moves and publishing.
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-staff.js"></script>
 * <eduset-course-planner src-base="/api"></eduset-course-planner>
 * ```
 */
export class EdusetCoursePlanner extends EdusetElement {
  static override styles = coursePlannerStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    list: { state: true },
    progress: { state: true },
    opened: { state: true },
    network: { state: true },
    pins: { state: true },
    check: { state: true },
    message: { state: true },
    notice: { state: true },
    busy: { state: true },
    report: { state: true },
  };

  /** Base address of the API (`/api`). */
  declare srcBase: string | null;
  declare private list: CourseTimetableList | null;
  declare private progress: SolveProgress | null;
  declare private opened: CourseTimetableRecord | null;
  declare private network: PlannerNetwork | null;
  declare private pins: ReadonlySet<string>;
  declare private check: MoveCheckResponse | null;
  declare private message: LocalizedText | null;
  declare private notice: string | null;
  declare private busy: boolean;
  declare private report: CourseTableImportReport | null;

  private seconds = 30;
  private move = { index: 0, day: 1, period: 0, roomId: '' };
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.srcBase = null;
    this.list = null;
    this.progress = null;
    this.opened = null;
    this.network = null;
    this.pins = new Set();
    this.check = null;
    this.message = null;
    this.notice = null;
    this.busy = false;
    this.report = null;
  }

  private get api(): CoursePlannerApi {
    return new CoursePlannerApi(this.srcBase ?? '/api');
  }

  private get t(): CoursePlannerTexts {
    return coursePlannerTexts[this.language];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private failure(error: unknown): void {
    this.message =
      error instanceof StaffRequestError
        ? error.text
        : { ru: 'Ответ сервера не прочитан', en: 'The server answer could not be read' };
  }

  private async attempt(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      await work();
      this.message = null;
    } catch (error) {
      this.failure(error);
    } finally {
      this.busy = false;
    }
  }

  private async refresh(): Promise<void> {
    await this.attempt(async () => {
      const [list, progress] = await Promise.all([this.api.timetables(), this.api.progress()]);
      this.list = list;
      this.setProgress(progress);
    });
  }

  /** Keeps asking for progress once a second while a solve runs. */
  private setProgress(progress: SolveProgress): void {
    const wasRunning = this.progress?.state === 'running';
    this.progress = progress;
    clearTimeout(this.timer);
    if (progress.state === 'running') {
      this.timer = setTimeout(() => {
        void this.api.progress().then(
          (next) => this.setProgress(next),
          (error: unknown) => this.failure(error),
        );
      }, 1000);
    } else if (wasRunning) {
      void this.api.timetables().then((list) => {
        this.list = list;
      });
    }
  }

  private pinned(): LecturePin[] {
    return (this.opened?.timetable.sessions ?? []).filter((s) => this.pins.has(pinKey(s)));
  }

  private async solve(): Promise<void> {
    this.notice = null;
    await this.attempt(async () => {
      this.setProgress(await this.api.solve(this.seconds, this.pinned()));
    });
  }

  private async stop(): Promise<void> {
    await this.attempt(async () => {
      this.setProgress(await this.api.stop());
    });
  }

  private async open(id: string): Promise<void> {
    await this.attempt(async () => {
      this.network ??= await this.api.network();
      this.opened = await this.api.timetable(id);
      this.pins = new Set(this.opened.pins.map(pinKey));
      this.check = null;
      const first = this.opened.timetable.sessions[0];
      this.move = {
        index: 0,
        day: first?.day ?? 1,
        period: first?.period ?? 0,
        roomId: first?.roomId ?? '',
      };
    });
  }

  private async publish(id: string): Promise<void> {
    await this.attempt(async () => {
      const published = await this.api.publish(id);
      this.notice = this.t.publishedNow(published.version ?? 0);
      this.list = await this.api.timetables();
    });
  }

  private async checkMove(save: boolean): Promise<void> {
    const opened = this.opened;
    const session = opened?.timetable.sessions[this.move.index];
    if (opened === null || session === undefined) return;
    await this.attempt(async () => {
      this.check = await this.api.move(
        opened.id,
        {
          groupId: session.groupId,
          from: { day: session.day, period: session.period },
          to: { day: this.move.day, period: this.move.period, roomId: this.move.roomId },
        },
        save,
      );
      if (save && this.check.draftId !== undefined) {
        this.notice = this.t.savedDraft(this.check.draftId);
        this.list = await this.api.timetables();
      }
    });
  }

  private async upload(form: HTMLFormElement): Promise<void> {
    const data = new FormData(form);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) return;
    const query = new URLSearchParams({
      file: file.name,
      ...(data.has('merge') ? { mode: 'merge' } : {}),
      ...(data.has('saveAccepted') ? { saveAccepted: 'true' } : {}),
    });
    // The previous file's report goes, so that what is read out next is this file's.
    this.report = null;
    await this.attempt(async () => {
      this.report = await this.api.uploadTable(String(data.get('table')), file, String(query));
      if (this.report.saved) this.list = await this.api.timetables();
    });
  }

  private renderTables(): TemplateResult {
    const t = this.t;
    const report = this.report;
    const names = Object.entries(t.tables);
    return html`<section class="panel" aria-labelledby="tables-title">
      <h3 id="tables-title">${t.tablesTitle}</h3>
      <form
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.upload(event.target as HTMLFormElement);
        }}
      >
        <div class="grid">
          ${selectField({
            id: 'table',
            name: 'table',
            label: t.table,
            value: names[0]?.[0] ?? '',
            options: names.map(([id, name]) => ({ value: id, label: name })),
          })}
          ${fieldFrame(
            'table-file',
            t.file,
            null,
            null,
            html`<input id="table-file" name="file" type="file" accept=".csv,.xlsx" required />`,
          )}
        </div>
        <div class="lectures">
          ${checkbox({ id: 'merge', name: 'merge', label: t.merge, checked: false })}
          ${checkbox({
            id: 'save-accepted',
            name: 'saveAccepted',
            label: t.saveAccepted,
            checked: false,
          })}
        </div>
        <div class="actions">
          ${button({ label: t.upload, type: 'submit', variant: 'primary', disabled: this.busy })}
        </div>
      </form>
      <ul class="lectures">
        ${names.map(
          ([id, name]) =>
            html`<li><a href=${this.api.tableUrl(id)} download>${t.download(name)}</a></li>`,
        )}
      </ul>
      ${
        report === null
          ? nothing
          : html`<div class="status ${report.saved ? 'done' : 'error'}" role="status">
              ${
                report.saved
                  ? t.uploaded(report.revision ?? 0, report.accepted, report.rows)
                  : t.refused(report.rejected.length, report.rows)
              }
              <ul class="problems">
                ${report.rejected.map(
                  (row) =>
                    html`<li>
                      ${t.row(row.row)}: ${row.issues.map((i) => i[this.language]).join('; ')}
                    </li>`,
                )}
                ${report.networkIssues.map((i) => html`<li>${i[this.language]}</li>`)}
              </ul>
            </div>`
      }
    </section>`;
  }

  private groupName(groupId: string): string {
    const network = this.network;
    const group = network?.groups.find((g) => g.id === groupId);
    const course = network?.courses.find((c) => c.id === group?.courseId);
    if (course === undefined) return groupId;
    const number = /-(\d+)$/.exec(groupId)?.[1];
    return number === undefined
      ? course.name
      : `${course.name}, ${this.t.group.toLowerCase()} ${number}`;
  }

  private roomName(roomId: string): string {
    return this.network?.rooms.find((r) => r.id === roomId)?.name ?? roomId;
  }

  private when(day: number, period: number): string {
    const time = this.network?.weekGrid.periods[period];
    const clock = time === undefined ? '' : ` ${time.start}–${time.end}`;
    return `${this.t.weekdays[day - 1] ?? String(day)}, ${this.t.period(period + 1)}${clock}`;
  }

  private renderProgress(): TemplateResult {
    const t = this.t;
    const p = this.progress;
    let text = t.idle;
    if (p?.state === 'running') {
      text = `${t.running(Math.ceil(p.leftMs / 1000))} ${t.best(p.bestHard, p.bestPenalty)}`;
    } else if (p?.state === 'finished' || p?.state === 'stopped') {
      text = `${p.state === 'finished' ? t.finished : t.stopped} ${t.best(p.bestHard, p.bestPenalty)}`;
    } else if (p?.state === 'failed') {
      text = `${t.failed} ${p.message?.[this.language] ?? ''}`;
    }
    return html`<p class="status" role="status" aria-live="polite">${text}</p>`;
  }

  private renderSolve(): TemplateResult {
    const t = this.t;
    const running = this.progress?.state === 'running';
    const pins = this.pinned().length;
    return html`<section class="panel" aria-labelledby="solve-title">
      <h3 id="solve-title">${t.solveTitle}</h3>
      <form
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.solve();
        }}
      >
        <div class="grid">
          ${field({
            id: 'seconds',
            name: 'seconds',
            label: t.seconds,
            type: 'number',
            min: 1,
            max: 600,
            inputmode: 'numeric',
            width: 4,
            value: String(this.seconds),
            onInput: (event: Event) => {
              const value = Number((event.target as HTMLInputElement).value);
              if (Number.isInteger(value) && value >= 1 && value <= 600) this.seconds = value;
            },
          })}
        </div>
        <div class="actions">
          ${button({
            label: pins > 0 ? t.restart(pins) : t.start,
            type: 'submit',
            variant: 'primary',
            disabled: this.busy || running,
          })}
          ${button({
            label: t.stop,
            disabled: !running,
            onClick: () => {
              void this.stop();
            },
          })}
        </div>
      </form>
      ${this.renderProgress()}
    </section>`;
  }

  private renderList(): TemplateResult {
    const t = this.t;
    const items = this.list?.timetables ?? [];
    return html`<section class="panel" aria-labelledby="list-title">
      <h3 id="list-title">${t.listTitle}</h3>
      ${
        this.notice === null
          ? nothing
          : html`<p class="status done" role="status">${this.notice}</p>`
      }
      ${
        items.length === 0
          ? html`<p class="muted">${t.none}</p>`
          : html`<ul class="cards">
              ${items.map(
                (item) =>
                  html`<li>
                    <p>
                      <strong
                        >№ ${item.id}:
                        ${item.status === 'published' ? t.published(item.version ?? 0) : t.draft}</strong
                      >
                      (${t.origin[item.origin]})
                    </p>
                    <p>${t.hard}: ${item.hard}; ${t.penalty}: ${item.penalty}</p>
                    <p class="hint">
                      ${t.made}: ${new Date(item.createdAt).toLocaleString(this.language)}
                    </p>
                    <div class="actions">
                      ${button({
                        label: t.open,
                        ariaLabel: `${t.open} № ${item.id}`,
                        onClick: () => {
                          void this.open(item.id);
                        },
                      })}
                      ${
                        item.status === 'draft'
                          ? button({
                              label: t.publish,
                              variant: 'primary',
                              ariaLabel: `${t.publish} № ${item.id}`,
                              disabled:
                                this.busy || item.networkRevision !== this.list?.networkRevision,
                              onClick: () => {
                                void this.publish(item.id);
                              },
                            })
                          : nothing
                      }
                    </div>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  private renderOpened(): TemplateResult | typeof nothing {
    const opened = this.opened;
    if (opened === null) return nothing;
    const t = this.t;
    const sessions = opened.timetable.sessions;
    const grid = this.network?.weekGrid;
    const selected = sessions[this.move.index];
    const group = this.network?.groups.find((g) => g.id === selected?.groupId);
    const rooms = (this.network?.rooms ?? []).filter(
      (room) => room.resourceCentreId === group?.resourceCentreId,
    );
    return html`<section class="panel" aria-labelledby="opened-title">
      <h3 id="opened-title">${t.sessionsTitle(opened.id)}</h3>
      <ul class="lectures">
        ${sessions.map((session, index) => {
          const key = pinKey(session);
          const label = `${this.groupName(session.groupId)} — ${this.when(session.day, session.period)}, ${this.roomName(session.roomId)}`;
          return html`<li>
            ${checkbox({
              id: `pin-${String(index)}`,
              label,
              checked: this.pins.has(key),
              onChange: (event: Event) => {
                const next = new Set(this.pins);
                if ((event.target as HTMLInputElement).checked) next.add(key);
                else next.delete(key);
                this.pins = next;
              },
            })}
          </li>`;
        })}
      </ul>
      <h4>${t.moveTitle}</h4>
      <form
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.checkMove(false);
        }}
      >
        <div class="grid">
          ${selectField({
            id: 'move-lecture',
            name: 'lecture',
            label: t.moveWhich,
            value: String(this.move.index),
            options: sessions.map((session, index) => ({
              value: String(index),
              label: `${this.groupName(session.groupId)} — ${this.when(session.day, session.period)}`,
            })),
            onChange: (event: Event) => {
              const index = Number((event.target as HTMLSelectElement).value);
              const session = sessions[index];
              if (session !== undefined) {
                this.move = {
                  index,
                  day: session.day,
                  period: session.period,
                  roomId: session.roomId,
                };
              }
              this.check = null;
              this.requestUpdate();
            },
          })}
          ${selectField({
            id: 'move-day',
            name: 'day',
            label: t.moveDay,
            value: String(this.move.day),
            options: (grid?.days ?? []).map((day) => ({
              value: String(day),
              label: t.weekdays[day - 1] ?? String(day),
            })),
            onChange: (event: Event) => {
              this.move = {
                ...this.move,
                day: Number((event.target as HTMLSelectElement).value),
              };
            },
          })}
          ${selectField({
            id: 'move-period',
            name: 'period',
            label: t.movePeriod,
            value: String(this.move.period),
            options: (grid?.periods ?? []).map((period, index) => ({
              value: String(index),
              label: `${t.period(index + 1)} ${period.start}–${period.end}`,
            })),
            onChange: (event: Event) => {
              this.move = {
                ...this.move,
                period: Number((event.target as HTMLSelectElement).value),
              };
            },
          })}
          ${selectField({
            id: 'move-room',
            name: 'room',
            label: t.moveRoom,
            value: this.move.roomId,
            options: rooms.map((room) => ({ value: room.id, label: room.name })),
            onChange: (event: Event) => {
              this.move = { ...this.move, roomId: (event.target as HTMLSelectElement).value };
            },
          })}
        </div>
        <div class="actions">
          ${button({ label: t.check, type: 'submit', disabled: this.busy })}
          ${button({
            label: t.save,
            variant: 'primary',
            disabled: this.busy || this.check === null,
            onClick: () => {
              void this.checkMove(true);
            },
          })}
        </div>
      </form>
      ${
        this.check === null
          ? nothing
          : html`<div
              class="status ${this.check.added.some((v) => v.hard) ? 'error' : 'done'}"
              role="status"
            >
              ${
                this.check.added.length === 0
                  ? t.clean
                  : html`${t.added}
                      <ul class="problems">
                        ${this.check.added
                          .slice(0, shownViolations)
                          .map((v) => html`<li>${v.message[this.language]}</li>`)}
                      </ul>
                      ${
                        this.check.added.length > shownViolations
                          ? html`<p>${t.more(this.check.added.length - shownViolations)}</p>`
                          : nothing
                      }`
              }
            </div>`
      }
    </section>`;
  }

  override render(): TemplateResult {
    return html`<section lang=${this.language}>
      <h2>${this.t.title}</h2>
      <p class="hint">${this.t.intro}</p>
      ${
        this.message === null
          ? nothing
          : html`<p class="status error" role="alert">${this.message[this.language]}</p>`
      }
      ${this.renderSolve()} ${this.renderList()} ${this.renderOpened()} ${this.renderTables()}
    </section>`;
  }
}
