import {
  measureReviewTitles,
  measureStatuses,
  measureStatusTitles,
  supportMeasureSchema,
  supportProgrammeListSchema,
  supportProgrammeRecordSchema,
  type SupportMeasure,
  type SupportProgrammeRecord,
} from '@eduset/core';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { baseStyles } from '../../internal/base.styles.js';
import { chip, disclosure, field, partsStyles, selectField } from '../../internal/parts/index.js';
import { EdusetElement } from '../../internal/eduset-element.js';
import { operatorDeskStyles } from '../certificate-registry/certificate-registry.styles.js';
import {
  DeskClient,
  DeskError,
  formatMoment,
  type DeskMessage,
} from '../programme-desk/programme-desk.js';
import { reminderResultSchema } from '@eduset/core/indicators';
import { reminderSummary } from '../../internal/reminder-summary.js';
import { supportProgrammeTexts, type SupportProgrammeTexts } from './support-programme.texts.js';

/**
 * One flagged school as `GET /staff/support/flagged` answers it: its name, its flags in words
 * and its programme, if any.
 *
 * @example
 * ```ts
 * import type { SupportFlaggedSchool } from '@eduset/widgets/staff';
 * declare const school: SupportFlaggedSchool;
 * school.programmeId ?? 'none yet';
 * ```
 */
export interface SupportFlaggedSchool {
  readonly schoolId: string;
  readonly name: string;
  readonly flags: readonly { readonly flag: string; readonly title: { ru: string; en: string } }[];
  readonly programmeId: number | null;
}

interface FlaggedList {
  readonly schools: readonly SupportFlaggedSchool[];
}

const flaggedListParser = {
  parse(value: unknown): FlaggedList {
    const schools = (value as { schools?: unknown })?.schools;
    if (!Array.isArray(schools))
      throw new DeskError('failed', { ru: 'Неверный ответ', en: 'Bad answer' });
    return { schools: schools as SupportFlaggedSchool[] };
  },
};

/** What the element reads of `GET /staff/me`: the actions the person may do. */
const staffActionsParser = {
  parse(value: unknown): { readonly actions: readonly { readonly action: string }[] } {
    const actions = (value as { actions?: unknown })?.actions;
    return { actions: Array.isArray(actions) ? (actions as { action: string }[]) : [] };
  },
};

type ProgrammeList = ReturnType<typeof supportProgrammeListSchema.parse>;

/**
 * The styles of `<eduset-support-programme>`: cards of the road map, overdue ones marked with
 * a word and a thick left border (never colour only), forms that wrap on a phone.
 *
 * @example
 * ```ts
 * import { supportProgrammeStyles } from '@eduset/widgets/staff';
 * supportProgrammeStyles.length; // 3
 * ```
 */
export const supportProgrammeStyles = [
  baseStyles,
  partsStyles,
  operatorDeskStyles,
  css`
    :host {
      --_panel: var(--eduset-support-panel-background, var(--_color-surface-raised));
      display: block;
      max-width: 72rem;
      container-type: inline-size;
    }
    ul.cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .measure {
      overflow-wrap: anywhere;
    }
    .measure.overdue {
      border-left: 0.5rem solid var(--_color-danger);
    }
    a {
      color: var(--_color-primary);
    }
  `,
];

/**
 * `<eduset-support-programme>` — the support programmes of flagged schools (issue 16 §4),
 * for the district's coordinator and for a school's staff. The coordinator sees the schools
 * the latest identification flagged and draws up a programme for one (its risk profile comes
 * from the identification), adds measures (what, who, deadline, expected effect on which
 * indicator) and accepts or returns measures the school reported done. The school's staff
 * see their own programme, report progress with evidence (text and link) and enter the
 * input and final monitoring. Overdue measures say «Просрочено» in words and carry a thick
 * border. Links open the printable report and the XLSX. Keyboard complete; Russian by
 * default, English with `lang="en"`.
 *
 * Talks to `{src-base}/staff/support/…` with the signed-in session.
 *
 * @tagname eduset-support-programme
 * @summary Support programmes of flagged schools: road map, progress, review, monitoring.
 *
 * @attr src-base - Base address of the eduset API (default `/api`).
 * @attr district - The district (its network id), e.g. `tutaev`.
 * @attr lang - `ru` (default) or `en`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart status - The live region.
 *
 * @cssproperty --eduset-support-panel-background - Background of the panels.
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-staff.js"></script>
 * <eduset-support-programme src-base="/api" district="tutaev"></eduset-support-programme>
 * ```
 */
export class EdusetSupportProgramme extends EdusetElement {
  /** The element's shadow-DOM styles. */
  static override styles = supportProgrammeStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    district: { type: String },
    view: { state: true },
    coordinator: { state: true },
    list: { state: true },
    flagged: { state: true },
    programme: { state: true },
    message: { state: true },
    problems: { state: true },
    busy: { state: true },
  };

  /** Base address of the API (default `/api`). */
  declare srcBase: string | null;
  /** The district (network id). */
  declare district: string;
  /** Which screen shows. */
  declare view: 'loading' | 'failed' | 'list' | 'programme';
  /** Whether the signed-in person keeps the district's programmes (else: a school). */
  declare coordinator: boolean;
  /** The programmes the person may see. */
  declare list: ProgrammeList['programmes'];
  /** The flagged schools (coordinator only). */
  declare flagged: readonly SupportFlaggedSchool[];
  /** The programme open. */
  declare programme: SupportProgrammeRecord | null;
  /** The live region's message. */
  declare message: DeskMessage | null;
  /** Every problem of the last refusal, in words. */
  declare problems: readonly string[];
  /** A request is running. */
  declare busy: boolean;

  private client = new DeskClient('/api');
  /** The person may mail the overdue measures to those responsible (the coordinator). */
  private canRemind = false;

  constructor() {
    super();
    this.srcBase = null;
    this.district = '';
    this.view = 'loading';
    this.coordinator = false;
    this.list = [];
    this.flagged = [];
    this.programme = null;
    this.message = null;
    this.problems = [];
    this.busy = false;
  }

  private get t(): SupportProgrammeTexts {
    return supportProgrammeTexts[this.language];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.client = new DeskClient(this.srcBase ?? '/api');
    void this.load();
  }

  private say(message: DeskMessage | null, problems: readonly string[] = []): void {
    this.message = message;
    this.problems = problems;
  }

  private fail(error: unknown): void {
    if (error instanceof DeskError) {
      const stale = error.code === 'stale-revision';
      this.say(
        {
          text: stale
            ? { ru: supportProgrammeTexts.ru.stale, en: supportProgrammeTexts.en.stale }
            : error.text,
          tone: 'error',
        },
        error.issues.map((issue) => issue.message[this.language]),
      );
    } else {
      this.say({ text: { ru: this.t.loadFailed, en: this.t.loadFailed }, tone: 'error' });
    }
  }

  /**
   * Loads the list of programmes (and, for the coordinator, the flagged schools).
   *
   * @example
   * ```ts
   * import type { EdusetSupportProgramme } from '@eduset/widgets/staff';
   * declare const element: EdusetSupportProgramme;
   * await element.load();
   * ```
   */
  async load(): Promise<void> {
    const district = encodeURIComponent(this.district);
    try {
      const me = await this.client.get('/staff/me', staffActionsParser);
      this.coordinator = me.actions.some((entry) => entry.action === 'support.programme.write');
      this.canRemind = me.actions.some((entry) => entry.action === 'support.overdue.remind');
      this.flagged = this.coordinator
        ? (await this.client.get(`/staff/support/flagged?district=${district}`, flaggedListParser))
            .schools
        : [];
      this.list = (
        await this.client.get(
          `/staff/support/programmes?district=${district}`,
          supportProgrammeListSchema,
        )
      ).programmes;
      this.view = 'list';
      // A school with one programme goes straight to it.
      const only = this.list[0];
      if (!this.coordinator && this.list.length === 1 && only !== undefined)
        await this.open(only.id);
    } catch (error) {
      this.view = 'failed';
      this.fail(error);
    }
  }

  private async open(id: number): Promise<void> {
    try {
      this.programme = await this.client.get(
        `/staff/support/programmes/${String(id)}`,
        supportProgrammeRecordSchema,
      );
      this.view = 'programme';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#view-title')?.focus();
    } catch (error) {
      this.fail(error);
    }
  }

  private async run(action: () => Promise<void>, done: string): Promise<void> {
    this.busy = true;
    try {
      await action();
      this.say({ text: { ru: done, en: done }, tone: 'done' });
    } catch (error) {
      this.fail(error);
      if (this.programme !== null) {
        this.programme = await this.client
          .get(
            `/staff/support/programmes/${String(this.programme.id)}`,
            supportProgrammeRecordSchema,
          )
          .catch(() => this.programme);
      }
    } finally {
      this.busy = false;
    }
  }

  private async remindOverdue(): Promise<void> {
    this.busy = true;
    try {
      const result = await this.client.send(
        'POST',
        '/staff/support/reminders',
        { district: this.district },
        reminderResultSchema,
      );
      this.say({
        text: { ru: reminderSummary(result, 'ru'), en: reminderSummary(result, 'en') },
        tone: 'done',
      });
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private replaceMeasure(measure: SupportMeasure): void {
    if (this.programme === null) return;
    const measures = this.programme.measures.some((m) => m.id === measure.id)
      ? this.programme.measures.map((m) => (m.id === measure.id ? measure : m))
      : [...this.programme.measures, measure];
    this.programme = { ...this.programme, measures };
  }

  private async create(school: SupportFlaggedSchool): Promise<void> {
    await this.run(async () => {
      const programme = await this.client.send(
        'POST',
        '/staff/support/programmes',
        { district: this.district, school: school.schoolId },
        supportProgrammeRecordSchema,
      );
      await this.open(programme.id);
    }, this.t.created);
  }

  private formValues(form: HTMLFormElement): Record<string, string> {
    const values: Record<string, string> = {};
    for (const [key, value] of new FormData(form).entries()) {
      if (typeof value === 'string' && value.trim() !== '') values[key] = value.trim();
    }
    return values;
  }

  private async addMeasure(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const programme = this.programme;
    if (programme === null) return;
    const values = this.formValues(form);
    await this.run(async () => {
      const measure = await this.client.send(
        'POST',
        `/staff/support/programmes/${String(programme.id)}/measures`,
        values,
        supportMeasureSchema,
      );
      this.replaceMeasure(measure);
      form.reset();
    }, this.t.added);
  }

  private async updateStatus(event: SubmitEvent, measure: SupportMeasure): Promise<void> {
    event.preventDefault();
    const programme = this.programme;
    if (programme === null) return;
    const values = this.formValues(event.currentTarget as HTMLFormElement);
    await this.run(async () => {
      this.replaceMeasure(
        await this.client.send(
          'POST',
          `/staff/support/programmes/${String(programme.id)}/measures/${measure.id}/status`,
          { ...values, revision: measure.revision },
          supportMeasureSchema,
        ),
      );
    }, this.t.saved);
  }

  private async review(
    measure: SupportMeasure,
    decision: 'accept' | 'return',
    form: HTMLElement | null,
  ): Promise<void> {
    const programme = this.programme;
    if (programme === null) return;
    const comment = form?.querySelector('textarea')?.value.trim() ?? '';
    await this.run(
      async () => {
        this.replaceMeasure(
          await this.client.send(
            'POST',
            `/staff/support/programmes/${String(programme.id)}/measures/${measure.id}/review`,
            { decision, revision: measure.revision, ...(comment === '' ? {} : { comment }) },
            supportMeasureSchema,
          ),
        );
      },
      decision === 'accept' ? this.t.accepted : this.t.returned,
    );
  }

  private async enterMonitoring(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const programme = this.programme;
    if (programme === null) return;
    const {
      round = 'input',
      date = '',
      ...rest
    } = this.formValues(event.currentTarget as HTMLFormElement);
    const values = Object.fromEntries(
      Object.entries(rest).map(([key, value]) => [
        key.replace(/^value-/, ''),
        Number(value.replace(',', '.')),
      ]),
    );
    await this.run(async () => {
      this.programme = await this.client.send(
        'PUT',
        `/staff/support/programmes/${String(programme.id)}/monitoring`,
        { round, date, values },
        supportProgrammeRecordSchema,
      );
    }, this.t.saved);
  }

  private date(iso: string): string {
    return new Intl.DateTimeFormat(this.language === 'en' ? 'en-GB' : 'ru-RU', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));
  }

  private renderStatus(): TemplateResult {
    return html`<div
      part="status"
      class="status ${this.message === null ? 'empty' : this.message.tone}"
      role="status"
      aria-live="polite"
    >
      ${this.message === null ? nothing : html`<p>${this.message.text[this.language]}</p>`}
      ${
        this.problems.length === 0
          ? nothing
          : html`<ul class="problems">
              ${this.problems.map((p) => html`<li>${p}</li>`)}
            </ul>`
      }
    </div>`;
  }

  private renderList(): TemplateResult {
    const t = this.t;
    return html`
      <h3>${t.programmes}</h3>
      ${
        this.list.length === 0
          ? html`<p class="hint">${t.noProgrammes}</p>`
          : html`<ul class="cards">
              ${this.list.map(
                (p) =>
                  html`<li class="card measure">
                    <button type="button" class="link" @click=${() => this.open(p.id)}>
                      ${t.open(p.schoolName, p.year)}
                    </button>
                    <p class="hint">${t.counts(p.done, p.measures, p.overdue, p.pending)}</p>
                  </li>`,
              )}
            </ul>`
      }
      ${
        this.canRemind && this.list.some((p) => p.overdue > 0)
          ? html`<p>
              <button type="button" ?disabled=${this.busy} @click=${() => this.remindOverdue()}>
                ${t.remindOverdue}
              </button>
            </p>`
          : nothing
      }
      ${
        this.coordinator
          ? html`<section class="panel" aria-labelledby="flagged-title">
              <h3 id="flagged-title">${t.flaggedTitle}</h3>
              <p class="hint">${t.flaggedHint}</p>
              ${
                this.flagged.length === 0
                  ? html`<p>${t.noFlagged}</p>`
                  : html`<ul class="cards">
                      ${this.flagged.map(
                        (school) =>
                          html`<li class="card measure">
                            <strong>${school.name}</strong>
                            <p class="hint">
                              ${school.flags.map((f) => f.title[this.language]).join('; ')}
                            </p>
                            ${
                              school.programmeId === null
                                ? html`<button
                                    type="button"
                                    class="primary"
                                    ?disabled=${this.busy}
                                    @click=${() => this.create(school)}
                                  >
                                    ${t.create(school.name)}
                                  </button>`
                                : html`<button
                                    type="button"
                                    class="link"
                                    @click=${() => this.open(school.programmeId ?? 0)}
                                  >
                                    ${t.open(school.name, this.list.find((p) => p.id === school.programmeId)?.year ?? 0)}
                                  </button>`
                            }
                          </li>`,
                      )}
                    </ul>`
              }
            </section>`
          : nothing
      }
    `;
  }

  private renderMeasure(
    programme: SupportProgrammeRecord,
    measure: SupportMeasure,
  ): TemplateResult {
    const t = this.t;
    const lang = this.language;
    const indicator = programme.indicators.find((i) => i.id === measure.indicatorId);
    const formId = `status-${measure.id}`;
    return html`<li class="card measure ${measure.overdue ? 'overdue' : ''}">
      <article aria-labelledby="title-${measure.id}">
        <h4 id="title-${measure.id}">${measure.title}</h4>
        <p>
          ${measure.overdue ? chip(t.overdue, 'danger') : nothing}
          ${chip(measureStatusTitles[measure.status][lang])}
          ${chip(measureReviewTitles[measure.review][lang])}
        </p>
        <dl>
          <div>
            <dt>${t.responsible}</dt>
            <dd>${measure.responsible}</dd>
          </div>
          <div>
            <dt>${t.deadline}</dt>
            <dd>${this.date(measure.deadline)}</dd>
          </div>
          ${
            indicator
              ? html`<div>
                  <dt>${t.indicator}</dt>
                  <dd>${indicator.title[lang]}</dd>
                </div>`
              : nothing
          }
          ${
            measure.expectedEffect
              ? html`<div>
                  <dt>${t.effect}</dt>
                  <dd>${measure.expectedEffect}</dd>
                </div>`
              : nothing
          }
          ${
            measure.evidence || measure.evidenceUrl
              ? html`<div>
                  <dt>${t.evidence}</dt>
                  <dd>
                    ${measure.evidence ?? ''}
                    ${measure.evidenceUrl ? html` <a href=${measure.evidenceUrl} target="_blank" rel="noopener noreferrer">${measure.evidenceUrl}</a>` : nothing}
                  </dd>
                </div>`
              : nothing
          }
          ${
            measure.reviewComment
              ? html`<div>
                  <dt>${t.review}</dt>
                  <dd>${measure.reviewComment}</dd>
                </div>`
              : nothing
          }
        </dl>
        ${
          !this.coordinator && measure.review !== 'accepted'
            ? disclosure(
                t.update,
                html`<form @submit=${(e: SubmitEvent) => this.updateStatus(e, measure)}>
                  <div class="grid">
                    ${selectField({
                      id: `${formId}-status`,
                      name: 'status',
                      label: t.newStatus,
                      value: measure.status,
                      options: measureStatuses.map((s) => ({
                        value: s,
                        label: measureStatusTitles[s][lang],
                      })),
                    })}
                    ${field({
                      id: `${formId}-url`,
                      name: 'evidenceUrl',
                      type: 'url',
                      label: t.evidenceUrl,
                      value: '',
                    })}
                  </div>
                  ${field({
                    id: formId,
                    name: 'evidence',
                    type: 'textarea',
                    label: t.evidenceText,
                    value: '',
                  })}
                  <div class="actions">
                    <button class="primary" ?disabled=${this.busy}>${t.save}</button>
                  </div>
                </form>`,
              )
            : nothing
        }
        ${
          this.coordinator && measure.review === 'pending'
            ? html`<div class="review" id="review-${measure.id}">
                ${field({
                  id: `comment-${measure.id}`,
                  type: 'textarea',
                  label: t.comment,
                  value: '',
                })}
                <div class="actions">
                  <button
                    type="button"
                    class="primary"
                    ?disabled=${this.busy}
                    @click=${() => this.review(measure, 'accept', this.renderRoot.querySelector(`#review-${measure.id}`))}
                  >
                    ${t.accept}
                  </button>
                  <button
                    type="button"
                    ?disabled=${this.busy}
                    @click=${() => this.review(measure, 'return', this.renderRoot.querySelector(`#review-${measure.id}`))}
                  >
                    ${t.returnIt}
                  </button>
                </div>
              </div>`
            : nothing
        }
        <details>
          <summary>${t.history}</summary>
          <ol>
            ${measure.history.map(
              (e) =>
                html`<li>
                  ${e.status ? measureStatusTitles[e.status][lang] : ''}${e.review && e.kind === 'review' ? ` — ${measureReviewTitles[e.review][lang]}` : ''}
                  ${e.evidence ? html`: ${e.evidence}` : nothing}${e.comment ? html`: ${e.comment}` : nothing}
                  <span class="hint">(${t.by(e.by, formatMoment(e.at, lang))})</span>
                </li>`,
            )}
          </ol>
        </details>
      </article>
    </li>`;
  }

  private renderProgramme(programme: SupportProgrammeRecord): TemplateResult {
    const t = this.t;
    const lang = this.language;
    const base = (this.srcBase ?? '/api').replace(/\/+$/, '');
    const reportBase = `${base}/staff/support/programmes/${String(programme.id)}`;
    const value = (round: 'inputMonitoring' | 'finalMonitoring', id: string): string => {
      const v = programme[round]?.values[id];
      return v === undefined ? t.notMeasured : String(v).replace('.', lang === 'ru' ? ',' : '.');
    };
    return html`
      <p>
        <button
          type="button"
          class="link"
          @click=${() => {
            this.view = 'list';
            void this.load();
          }}
        >
          ${t.back}
        </button>
      </p>
      <h3 id="view-title" tabindex="-1">${programme.schoolName}, ${t.year(programme.year)}</h3>
      <section class="panel" aria-labelledby="risks-title">
        <h4 id="risks-title">${t.risksTitle}</h4>
        <ul>
          ${programme.risks.flags.map((f) => html`<li><strong>${f.title[lang]}</strong>: ${f.rule[lang]}</li>`)}
        </ul>
        <p>
          ${t.factorsTitle}:
          ${programme.risks.factors
            .filter((f) => f.level !== 'low')
            .map((f) => `${f.title[lang]} (${f.level === 'high' ? t.high : t.medium})`)
            .join('; ')}
        </p>
      </section>
      <section aria-labelledby="roadmap-title">
        <h4 id="roadmap-title">${t.roadMap}</h4>
        ${
          programme.measures.length === 0
            ? html`<p class="hint">${t.noMeasures}</p>`
            : html`<ul class="cards">
                ${programme.measures.map((m) => this.renderMeasure(programme, m))}
              </ul>`
        }
        ${
          this.coordinator
            ? html`<div class="panel">
                ${disclosure(
                  t.addMeasure,
                  html`<form @submit=${(e: SubmitEvent) => this.addMeasure(e)}>
                    <div class="grid">
                      ${field({ id: 'new-title', name: 'title', required: true, label: t.measureTitle, value: '' })}
                      ${field({ id: 'new-responsible', name: 'responsible', required: true, label: t.responsible, value: '' })}
                      ${field({ id: 'new-email', name: 'responsibleEmail', type: 'email', label: t.responsibleEmail, value: '' })}
                      ${field({ id: 'new-deadline', name: 'deadline', type: 'date', required: true, label: t.deadline, value: '' })}
                      ${selectField({
                        id: 'new-indicator',
                        name: 'indicatorId',
                        label: t.indicator,
                        value: '',
                        options: [
                          { value: '', label: t.noIndicator },
                          ...programme.indicators.map((i) => ({
                            value: i.id,
                            label: i.title[lang],
                          })),
                        ],
                      })}
                      ${field({ id: 'new-effect', name: 'expectedEffect', label: t.effect, value: '' })}
                    </div>
                    <div class="actions">
                      <button class="primary" ?disabled=${this.busy}>${t.add}</button>
                    </div>
                  </form>`,
                )}
              </div>`
            : nothing
        }
      </section>
      <section class="panel" aria-labelledby="monitoring-title">
        <h4 id="monitoring-title">${t.monitoring}</h4>
        <div>
          <table class="table" aria-labelledby="monitoring-title">
            <thead>
              <tr>
                <th scope="col">${t.indicator}</th>
                <th scope="col">${t.inputRound}</th>
                <th scope="col">${t.finalRound}</th>
              </tr>
            </thead>
            <tbody>
              ${programme.indicators.map(
                (i) =>
                  html`<tr>
                    <th scope="row">${i.title[lang]}</th>
                    <td data-label=${t.inputRound}>${value('inputMonitoring', i.id)}</td>
                    <td data-label=${t.finalRound}>${value('finalMonitoring', i.id)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
        ${
          !this.coordinator
            ? disclosure(
                t.enterMonitoring,
                html`<form @submit=${(e: SubmitEvent) => this.enterMonitoring(e)}>
                  <div class="grid">
                    ${selectField({
                      id: 'monitoring-round',
                      name: 'round',
                      label: t.round,
                      value: 'input',
                      options: [
                        { value: 'input', label: t.inputRound },
                        { value: 'final', label: t.finalRound },
                      ],
                    })}
                    ${field({ id: 'monitoring-date', name: 'date', type: 'date', required: true, label: t.date, value: '' })}
                    ${programme.indicators.map((i) =>
                      field({
                        id: `monitoring-${i.id}`,
                        name: `value-${i.id}`,
                        inputmode: 'decimal',
                        label: i.title[lang],
                        value: '',
                      }),
                    )}
                  </div>
                  <div class="actions">
                    <button class="primary" ?disabled=${this.busy}>${t.save}</button>
                  </div>
                </form>`,
              )
            : nothing
        }
      </section>
      <section class="panel" aria-labelledby="report-title">
        <h4 id="report-title">${t.reportTitle}</h4>
        <p class="actions">
          <a href="${reportBase}/report.html" target="_blank" rel="noopener">${t.reportHtml}</a>
          <a href="${reportBase}/report.xlsx" download>${t.reportXlsx}</a>
        </p>
      </section>
    `;
  }

  override render(): TemplateResult {
    const t = this.t;
    return html`<section part="base" aria-labelledby="support-title">
      <h2 id="support-title">${t.title}</h2>
      ${this.renderStatus()} ${this.view === 'loading' ? html`<p>${t.loading}</p>` : nothing}
      ${this.view === 'list' ? this.renderList() : nothing}
      ${this.view === 'programme' && this.programme !== null ? this.renderProgramme(this.programme) : nothing}
    </section>`;
  }
}
