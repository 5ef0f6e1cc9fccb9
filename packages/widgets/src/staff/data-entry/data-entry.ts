import type { LocalizedText } from '@eduset/core';
import {
  checkEntry,
  completenessStatusLabels,
  type CompletenessReport,
  type DataEntryOverview,
  type EntryChecks,
  type FieldProblem,
  type SubmissionLog,
  type SubmissionView,
} from '@eduset/core/indicators';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { EdusetElement } from '../../internal/eduset-element.js';
import { StaffRequestError } from '../../staff-agenda/staff-agenda-api.js';
import { reminderSummary } from '../../internal/reminder-summary.js';
import { DataEntryApi, type SubmissionRef } from './data-entry-api.js';
import { dataEntryStyles } from './data-entry.styles.js';
import { dataEntryTexts, type DataEntryTexts } from './data-entry.texts.js';
import { field, selectField } from '../../internal/parts/index.js';

type Where = 'choose' | 'form' | 'review' | 'completeness';

/**
 * `<eduset-data-entry>` — a school's report for a period and the coordinator's review
 * (DHIS2's data entry, completeness and approval): a form generated from the definitions the
 * organization must report; the data set's validation rules run as one types, each problem
 * shown at its field with the reason; save a draft, submit. The coordinator also sees who
 * has reported, who is late and who has not (by name), opens a report, returns it with a
 * comment, approves it, or unlocks an approved one with a reason.
 *
 * Calls `{src-base}/staff/data-entry…` with the signed-in session. Russian by default,
 * English with `lang="en"`. Part of the staff bundle (`eduset-staff.js`).
 *
 * @tagname eduset-data-entry
 * @summary A school's report for a period, and the coordinator's completeness and approval.
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-staff.js"></script>
 * <eduset-data-entry src-base="/api"></eduset-data-entry>
 * ```
 */
export class EdusetDataEntry extends EdusetElement {
  static override styles = dataEntryStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    overview: { state: true },
    ref: { state: true },
    view: { state: true },
    draft: { state: true },
    completeness: { state: true },
    history: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  /** Base address of the API (`/api`). */
  declare srcBase: string | null;
  declare private overview: DataEntryOverview | null;
  declare private ref: SubmissionRef | null;
  declare private view: SubmissionView | null;
  declare private draft: Record<string, string>;
  declare private completeness: CompletenessReport | null;
  declare private history: SubmissionLog | null;
  declare private message: { text: LocalizedText; where: Where; error: boolean } | null;
  declare private busy: boolean;

  private reviewComment = '';
  private historyOpen = false;

  constructor() {
    super();
    this.srcBase = null;
    this.overview = null;
    this.ref = null;
    this.view = null;
    this.draft = {};
    this.completeness = null;
    this.history = null;
    this.message = null;
    this.busy = false;
  }

  private get api(): DataEntryApi {
    return new DataEntryApi(this.srcBase ?? '/api');
  }

  private get t(): DataEntryTexts {
    return dataEntryTexts[this.language];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  private failure(error: unknown, where: Where): void {
    const text =
      error instanceof StaffRequestError
        ? error.text
        : { ru: 'Ответ сервера не прочитан', en: 'The server answer could not be read' };
    this.message = { text, where, error: true };
  }

  private done(
    key: 'saved' | 'submitted' | 'returned' | 'approved' | 'unlocked',
    where: Where,
  ): void {
    this.message = {
      text: { ru: dataEntryTexts.ru[key], en: dataEntryTexts.en[key] },
      where,
      error: false,
    };
  }

  private async start(): Promise<void> {
    try {
      const overview = await this.api.overview();
      this.overview = overview;
      const set = overview.dataSets[0];
      const organization = set?.organizations[0];
      const period = set?.periods[0];
      if (set === undefined || organization === undefined || period === undefined) return;
      this.ref = { dataSet: set.id, period, organization: organization.id };
      await this.load();
    } catch (error) {
      this.failure(error, 'choose');
    }
  }

  /** Loads the chosen submission (and, for the coordinator, the completeness). */
  private async load(): Promise<void> {
    const ref = this.ref;
    if (ref === null) return;
    this.busy = true;
    try {
      this.show(await this.api.submission(ref));
      if (this.overview?.canReview === true) {
        this.completeness = await this.api.completeness(ref.dataSet, ref.period);
      }
    } catch (error) {
      this.failure(error, 'choose');
    } finally {
      this.busy = false;
    }
  }

  private show(view: SubmissionView): void {
    this.view = view;
    this.history = null;
    if (this.historyOpen) void this.loadHistory();
    this.draft = { ...view.submission.values };
    this.reviewComment = '';
  }

  private get checks(): EntryChecks | null {
    const view = this.view;
    if (view === null) return null;
    return { set: { rules: view.rules }, fields: view.fields, dataElements: view.dataElements };
  }

  /** The problems of the values as typed (the same checks the server runs). */
  private get problems(): FieldProblem[] {
    const checks = this.checks;
    const view = this.view;
    if (checks === null || view === null) return [];
    const entered = Object.fromEntries(
      Object.entries(this.draft)
        .map(([key, value]) => [key, value.trim()] as const)
        .filter(([, value]) => value !== ''),
    );
    return checkEntry(checks, view.organization.id, view.period, entered);
  }

  private get editable(): boolean {
    const state = this.view?.submission.state;
    return state === 'draft' || state === 'returned';
  }

  /** The fields changed since the last save (an emptied field is sent as empty text). */
  private changes(): Record<string, string> {
    const saved = this.view?.submission.values ?? {};
    const changes: Record<string, string> = {};
    for (const field of this.view?.fields ?? []) {
      const now = (this.draft[field.key] ?? '').trim();
      if (now !== (saved[field.key] ?? '')) changes[field.key] = now;
    }
    return changes;
  }

  private async save(): Promise<boolean> {
    const ref = this.ref;
    const view = this.view;
    if (ref === null || view === null) return false;
    const changes = this.changes();
    if (Object.keys(changes).length === 0) return true;
    this.busy = true;
    try {
      this.show(await this.api.save(ref, changes, view.submission.version));
      return true;
    } catch (error) {
      this.failure(error, 'form');
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async submit(): Promise<void> {
    const ref = this.ref;
    if (ref === null) return;
    if (!(await this.save())) return;
    const view = this.view;
    if (view === null) return;
    this.busy = true;
    try {
      this.show(await this.api.submit(ref, view.submission.version));
      this.done('submitted', 'form');
      await this.refreshCompleteness();
    } catch (error) {
      this.failure(error, 'form');
    } finally {
      this.busy = false;
    }
  }

  private async review(decision: 'return' | 'approve' | 'unlock'): Promise<void> {
    const ref = this.ref;
    if (ref === null) return;
    const comment = this.reviewComment.trim();
    if (decision !== 'approve' && comment === '') {
      this.message = {
        text: { ru: dataEntryTexts.ru.needComment, en: dataEntryTexts.en.needComment },
        where: 'review',
        error: true,
      };
      return;
    }
    this.busy = true;
    try {
      const view = await this.api.review(
        ref,
        decision === 'return'
          ? { decision, comment }
          : decision === 'unlock'
            ? { decision, reason: comment }
            : { decision },
      );
      this.show(view);
      this.done(
        decision === 'return' ? 'returned' : decision === 'approve' ? 'approved' : 'unlocked',
        'review',
      );
      await this.refreshCompleteness();
    } catch (error) {
      this.failure(error, 'review');
    } finally {
      this.busy = false;
    }
  }

  private async refreshCompleteness(): Promise<void> {
    const ref = this.ref;
    if (ref === null || this.overview?.canReview !== true) return;
    try {
      this.completeness = await this.api.completeness(ref.dataSet, ref.period);
    } catch (error) {
      this.failure(error, 'completeness');
    }
  }

  private async remindLate(): Promise<void> {
    const ref = this.ref;
    if (ref === null) return;
    this.busy = true;
    try {
      const result = await this.api.remindLate(ref.dataSet, ref.period);
      this.message = {
        text: { ru: reminderSummary(result, 'ru'), en: reminderSummary(result, 'en') },
        where: 'completeness',
        error: false,
      };
    } catch (error) {
      this.failure(error, 'completeness');
    } finally {
      this.busy = false;
    }
  }

  private async loadHistory(): Promise<void> {
    const ref = this.ref;
    if (ref === null || this.history !== null) return;
    try {
      this.history = await this.api.log(ref);
    } catch (error) {
      this.failure(error, 'form');
    }
  }

  private renderHistory(): TemplateResult {
    const t = this.t;
    const lang = this.language;
    const time = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'short',
    });
    const entries = this.history?.entries ?? [];
    return html`<details
      class="history"
      @toggle=${(event: Event) => {
        this.historyOpen = (event.target as HTMLDetailsElement).open;
        if (this.historyOpen) void this.loadHistory();
      }}
    >
      <summary>${t.historyTitle}</summary>
      ${
        this.history === null
          ? html`<p class="muted">${t.loading}</p>`
          : entries.length === 0
            ? html`<p class="muted">${t.historyEmpty}</p>`
            : html`<ul class="lines">
                ${entries.map(
                  (entry) =>
                    html`<li>
                      <span class="hint">${time.format(new Date(entry.at))}</span> ${entry.actor}:
                      ${
                        entry.kind === 'value'
                          ? html`${entry.fieldName?.[lang] ?? entry.field}:
                            ${entry.oldValue ?? t.emptyValue} → ${entry.newValue ?? t.emptyValue}`
                          : html`${t.steps[entry.kind]}${
                              entry.comment === undefined ? '' : ` — «${entry.comment}»`
                            }`
                      }
                    </li>`,
                )}
              </ul>`
      }
    </details>`;
  }

  private status(where: Where): TemplateResult | typeof nothing {
    if (this.message?.where !== where) return nothing;
    return this.message.error
      ? html`<p class="status error" role="alert">${this.message.text[this.language]}</p>`
      : html`<p class="status done" role="status">${this.message.text[this.language]}</p>`;
  }

  private renderChoose(): TemplateResult {
    const t = this.t;
    const overview = this.overview;
    if (overview === null) {
      return html`${this.status('choose')}
        <p class="muted" role="status">${t.loading}</p>`;
    }
    const set = overview.dataSets.find((candidate) => candidate.id === this.ref?.dataSet);
    const select = (
      label: string,
      name: keyof SubmissionRef,
      options: readonly { readonly id: string; readonly label: string }[],
    ) =>
      selectField({
        id: `choose-${name}`,
        name,
        label,
        value: this.ref?.[name] ?? '',
        options: options.map((option) => ({ value: option.id, label: option.label })),
        onChange: (event: Event) => {
          if (this.ref === null) return;
          const value = (event.target as HTMLSelectElement).value;
          const next = { ...this.ref, [name]: value };
          if (name === 'dataSet') {
            const chosen = overview.dataSets.find((candidate) => candidate.id === value);
            next.period = chosen?.periods[0] ?? next.period;
            next.organization = chosen?.organizations[0]?.id ?? next.organization;
          }
          this.ref = next;
          this.message = null;
          void this.load();
        },
      });
    return html`<section class="panel" aria-labelledby="choose-title">
      <h3 id="choose-title">${t.choose}</h3>
      <div class="grid choose">
        ${select(
          t.dataSet,
          'dataSet',
          overview.dataSets.map((candidate) => ({
            id: candidate.id,
            label: candidate.name[this.language],
          })),
        )}
        ${select(
          t.period,
          'period',
          (set?.periods ?? []).map((period) => ({ id: period, label: period })),
        )}
        ${select(
          t.organization,
          'organization',
          (set?.organizations ?? []).map((organization) => ({
            id: organization.id,
            label: organization.name[this.language],
          })),
        )}
      </div>
      ${this.status('choose')}
    </section>`;
  }

  private renderForm(view: SubmissionView): TemplateResult {
    const t = this.t;
    const problems = this.problems;
    const editable = this.editable;
    const byField = new Map<string, FieldProblem[]>();
    for (const problem of problems) {
      byField.set(problem.field, [...(byField.get(problem.field) ?? []), problem]);
    }
    const state = view.submission.state;
    return html`<section class="panel" aria-labelledby="form-title">
      <h3 id="form-title">${view.organization.name[this.language]} — ${view.period}</h3>
      <p>
        <span class="chip state-${state}"
          >${t.state}: ${view.submission.stateLabel[this.language]}</span
        >
        <span class="hint">${t.due}: ${view.dueDate}</span>
      </p>
      ${
        view.submission.comment === undefined || state === 'submitted' || state === 'approved'
          ? nothing
          : html`<p class="comment"><strong>${t.comment}:</strong> ${view.submission.comment}</p>`
      }
      ${
        state === 'submitted'
          ? html`<p class="hint">${t.readOnlySubmitted}</p>`
          : state === 'approved'
            ? html`<p class="hint">${t.readOnlyApproved}</p>`
            : nothing
      }
      <form
        novalidate
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.submit();
        }}
      >
        <fieldset>
          <legend>${t.fieldsTitle}</legend>
          <p class="hint">${t.numberHint}</p>
          <div class="fields">
            ${view.fields.map((one) => {
              const mine = byField.get(one.key) ?? [];
              const id = `field-${one.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
              return html`<div class="entry ${mine.length > 0 ? 'invalid' : ''}">
                <label for=${id}>${one.name[this.language]}</label>
                <input
                  id=${id}
                  name=${one.key}
                  type="text"
                  inputmode=${one.valueType === 'number' ? 'decimal' : 'text'}
                  autocomplete="off"
                  .value=${this.draft[one.key] ?? ''}
                  ?readonly=${!editable}
                  aria-invalid=${mine.length > 0 ? 'true' : 'false'}
                  aria-describedby=${mine.length > 0 ? `${id}-problems` : nothing}
                  @input=${(event: Event) => {
                    this.draft = {
                      ...this.draft,
                      [one.key]: (event.target as HTMLInputElement).value,
                    };
                  }}
                />
                ${
                  mine.length === 0
                    ? nothing
                    : html`<ul class="problems" id="${id}-problems">
                        ${mine.map((problem) => html`<li>${problem.text[this.language]}</li>`)}
                      </ul>`
                }
              </div>`;
            })}
          </div>
        </fieldset>
        ${
          editable
            ? html`${
                  problems.length > 0
                    ? html`<p class="status error" role="status">${t.fixFirst(problems.length)}</p>`
                    : nothing
                }
                <div class="actions">
                  <button
                    type="button"
                    ?disabled=${this.busy}
                    @click=${async () => {
                      if (await this.save()) this.done('saved', 'form');
                    }}
                  >
                    ${t.save}
                  </button>
                  <button
                    class="primary"
                    type="submit"
                    ?disabled=${this.busy || problems.length > 0}
                  >
                    ${t.submit}
                  </button>
                </div>`
            : nothing
        }
      </form>
      ${this.status('form')} ${this.renderHistory()}
    </section>`;
  }

  private renderReview(view: SubmissionView): TemplateResult | typeof nothing {
    if (!view.canReview) return nothing;
    const t = this.t;
    const state = view.submission.state;
    if (state !== 'submitted' && state !== 'approved') return this.status('review');
    const label = state === 'approved' ? t.unlockReason : t.returnComment;
    return html`<section class="panel" aria-labelledby="review-title">
      <h3 id="review-title">${t.reviewTitle}</h3>
      ${field({
        id: 'review-comment',
        name: 'comment',
        type: 'textarea',
        rows: 2,
        label,
        value: this.reviewComment,
        onInput: (event: Event) => {
          this.reviewComment = (event.target as HTMLTextAreaElement).value;
        },
      })}
      <div class="actions">
        ${
          state === 'submitted'
            ? html`<button
                  type="button"
                  ?disabled=${this.busy}
                  @click=${() => this.review('return')}
                >
                  ${t.returnButton}
                </button>
                <button
                  class="primary"
                  type="button"
                  ?disabled=${this.busy}
                  @click=${() => this.review('approve')}
                >
                  ${t.approve}
                </button>`
            : html`<button
                type="button"
                ?disabled=${this.busy}
                @click=${() => this.review('unlock')}
              >
                ${t.unlock}
              </button>`
        }
      </div>
      ${this.status('review')}
    </section>`;
  }

  private renderCompleteness(): TemplateResult | typeof nothing {
    const report = this.completeness;
    if (report === null || this.overview?.canReview !== true) return nothing;
    const t = this.t;
    const groups = (['reported', 'late', 'pending'] as const).map((status) => ({
      status,
      organizations: report.organizations.filter((o) => o.status === status),
      label: completenessStatusLabels[status][this.language],
    }));
    return html`<section class="panel" aria-labelledby="completeness-title">
      <h3 id="completeness-title">${t.completenessTitle} — ${report.period}</h3>
      <p role="status" class="status empty">
        ${t.completenessCounts(
          report.counts.reported,
          report.counts.expected,
          report.counts.late,
          report.counts.approved,
        )}
      </p>
      <div class="groups">
        ${groups.map(
          (group) =>
            html`<div class="group group-${group.status}">
              <h4>${group.label} (${group.organizations.length})</h4>
              ${
                group.organizations.length === 0
                  ? html`<p class="hint">${t.noOne}</p>`
                  : html`<ul class="lines">
                      ${group.organizations.map(
                        (organization) =>
                          html`<li>
                            <button
                              type="button"
                              class="link"
                              aria-label=${t.openReport(organization.name[this.language])}
                              @click=${() => {
                                if (this.ref === null) return;
                                this.ref = { ...this.ref, organization: organization.id };
                                this.message = null;
                                void this.load();
                              }}
                            >
                              ${organization.name[this.language]}
                            </button>
                            <span class="hint"
                              >${organization.stateLabel[this.language]}${
                                organization.onTime === undefined
                                  ? ''
                                  : ` · ${organization.onTime ? t.onTime : t.lateReport}`
                              }</span
                            >
                          </li>`,
                      )}
                    </ul>`
              }
            </div>`,
        )}
      </div>
      ${
        report.counts.late === 0
          ? nothing
          : html`<div class="actions">
              <button type="button" ?disabled=${this.busy} @click=${() => this.remindLate()}>
                ${t.remindLate}
              </button>
            </div>`
      }
      ${this.status('completeness')}
    </section>`;
  }

  override render(): TemplateResult {
    const view = this.view;
    return html`<section lang=${this.language}>
      <h2>${this.t.title}</h2>
      <p class="muted">${this.t.intro}</p>
      ${this.renderChoose()} ${this.renderCompleteness()}
      ${view === null ? nothing : html`${this.renderForm(view)} ${this.renderReview(view)}`}
    </section>`;
  }
}
