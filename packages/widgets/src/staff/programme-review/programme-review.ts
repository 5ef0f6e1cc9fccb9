import {
  programmeReviewDetailSchema,
  programmeReviewListSchema,
  type ProgrammeReviewDetail,
  type ProgrammeReviewList,
} from '@eduset/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { EdusetElement } from '../../internal/eduset-element.js';
import { button, field, selectField } from '../../internal/parts/index.js';
import {
  DeskClient,
  DeskError,
  formatMoment,
  problemsOf,
  renderChanges,
  renderHistory,
  renderProgrammeSummary,
  renderStateBadge,
  type DeskMessage,
} from '../programme-desk/programme-desk.js';
import { programmeDeskStyles } from '../programme-desk/programme-desk.styles.js';
import {
  programmeDeskTexts,
  type ProgrammeDeskTexts,
} from '../programme-desk/programme-desk.texts.js';
import { ProgrammeReviewChangeEvent } from '../provider-programmes/provider-programmes.js';
import { programmeReviewTexts, type ProgrammeReviewTexts } from './programme-review.texts.js';

/**
 * Which programmes the review queue lists: those awaiting a decision, returned, approved, or
 * all of them.
 *
 * @example
 * ```ts
 * import type { ProgrammeQueueFilter } from '@eduset/widgets/staff';
 * const filter: ProgrammeQueueFilter = 'submitted';
 * ```
 */
export type ProgrammeQueueFilter = 'submitted' | 'returned' | 'approved' | 'all';

/**
 * `<eduset-programme-review>` — the operator's programme review (сертификация программ): the
 * queue of programmes providers submitted, the longest waiting first; one programme as
 * families would see it (modules with price, normative cost and the family's co-payment,
 * groups with dates, days, time and places), what changed since its approved version and
 * its history; then the decision — approve (optionally setting the normative cost of its
 * modules), which puts it in the navigator at once, or return it with remarks the provider
 * reads in its desk. Keyboard complete; Russian by default, English with `lang="en"`.
 *
 * Talks to `GET {src-base}/operator/programme-reviews[?state=]`,
 * `GET {src-base}/operator/programme-reviews/:id` and
 * `POST {src-base}/operator/programme-reviews/:id/approve|return` with the signed-in
 * session (CSRF token from `GET {src-base}/auth/csrf`), validated with core's schemas.
 *
 * @tagname eduset-programme-review
 * @summary The operator's review of programmes: approve, or return with remarks.
 *
 * @attr src-base - Base address of the eduset API (default `/api`).
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-programme-review-change - A programme was approved or returned; `detail` is the programme.
 *
 * @csspart base - The wrapper of everything.
 * @csspart status - The live region.
 * @csspart list - The queue.
 * @csspart decision - The decision form.
 *
 * @cssproperty --eduset-programme-desk-card-background - Background of the cards.
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-staff.js"></script>
 * <eduset-programme-review src-base="/api"></eduset-programme-review>
 * ```
 */
export class EdusetProgrammeReview extends EdusetElement {
  /** The element's shadow-DOM styles. */
  static override styles = programmeDeskStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    queue: { state: true },
    filter: { state: true },
    detail: { state: true },
    view: { state: true },
    busy: { state: true },
    message: { state: true },
    problems: { state: true },
    remarks: { state: true },
    costs: { state: true },
  };

  /** Base address of the API (default `/api`). */
  declare srcBase: string | null;
  /** The programmes listed, once loaded. */
  declare queue: ProgrammeReviewList | null;
  /** Which programmes the queue lists. */
  declare filter: ProgrammeQueueFilter;
  /** The programme open. */
  declare detail: ProgrammeReviewDetail | null;
  /** Which screen shows. */
  declare view: 'loading' | 'failed' | 'list' | 'programme';
  /** A request is running. */
  declare busy: boolean;
  /** The live region's message. */
  declare message: DeskMessage | null;
  /** Every problem of the last refusal, in words. */
  declare problems: readonly string[];
  /** The remarks typed for a return. */
  declare remarks: string;
  /** The normative costs typed per module id. */
  declare costs: Readonly<Record<string, string>>;

  private client = new DeskClient('/api');
  private stale = false;

  constructor() {
    super();
    this.srcBase = null;
    this.queue = null;
    this.filter = 'submitted';
    this.detail = null;
    this.view = 'loading';
    this.busy = false;
    this.message = null;
    this.problems = [];
    this.remarks = '';
    this.costs = {};
  }

  private get t(): ProgrammeReviewTexts {
    return programmeReviewTexts[this.language];
  }

  private get d(): ProgrammeDeskTexts {
    return programmeDeskTexts[this.language];
  }

  private say(message: DeskMessage | null, problems: readonly string[] = []): void {
    this.message = message;
    this.problems = problems;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.client = new DeskClient(this.srcBase ?? '/api');
    void this.loadQueue();
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('srcBase') && changed.get('srcBase') !== undefined) {
      this.client = new DeskClient(this.srcBase ?? '/api');
      void this.loadQueue();
    }
  }

  /**
   * Loads (or reloads) the queue and shows it.
   *
   * @example
   * ```ts
   * import type { EdusetProgrammeReview } from '@eduset/widgets/staff';
   * declare const review: EdusetProgrammeReview;
   * await review.loadQueue();
   * ```
   */
  async loadQueue(keepMessage = false): Promise<void> {
    if (!keepMessage) this.say(null);
    try {
      this.queue = await this.client.get(
        `/operator/programme-reviews?state=${this.filter}`,
        programmeReviewListSchema,
      );
      this.view = 'list';
    } catch (error) {
      this.view = 'failed';
      this.fail(error, this.d.loadFailed);
    }
  }

  private fail(error: unknown, fallback: string): void {
    if (error instanceof DeskError) {
      this.stale = error.code === 'revision-moved' || error.code === 'not-submitted';
      this.say(
        {
          text:
            error.code === 'revision-moved'
              ? { ru: programmeDeskTexts.ru.revisionMoved, en: programmeDeskTexts.en.revisionMoved }
              : error.text,
          tone: 'error',
        },
        problemsOf(error, this.language),
      );
    } else {
      this.say({ text: { ru: fallback, en: fallback }, tone: 'error' });
    }
  }

  private async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#view-title')?.focus();
  }

  /**
   * Opens one programme of the queue.
   *
   * @example
   * ```ts
   * import type { EdusetProgrammeReview } from '@eduset/widgets/staff';
   * declare const element: EdusetProgrammeReview;
   * await element.open('cdt-1');
   * ```
   */
  async open(programmeId: string): Promise<void> {
    this.say(null);
    this.busy = true;
    try {
      this.detail = await this.client.get(
        `/operator/programme-reviews/${encodeURIComponent(programmeId)}`,
        programmeReviewDetailSchema,
      );
      this.remarks = '';
      this.costs = Object.fromEntries(
        this.detail.review.draft.modules.map((module) => [
          module.id,
          module.normativeCost?.toString() ?? '',
        ]),
      );
      this.stale = false;
      this.view = 'programme';
      await this.focusHeading();
    } catch (error) {
      this.fail(error, this.d.failed);
    } finally {
      this.busy = false;
    }
  }

  private async backToList(): Promise<void> {
    this.detail = null;
    await this.loadQueue(true);
    await this.focusHeading();
  }

  private async decide(action: 'approve' | 'return'): Promise<void> {
    const detail = this.detail;
    if (detail === null) return;
    const review = detail.review;
    let body: Record<string, unknown>;
    if (action === 'return') {
      if (this.remarks.trim() === '') {
        this.say({
          text: {
            ru: programmeReviewTexts.ru.remarksNeeded,
            en: programmeReviewTexts.en.remarksNeeded,
          },
          tone: 'error',
        });
        this.renderRoot.querySelector<HTMLElement>('#remarks')?.focus();
        return;
      }
      body = { revision: review.revision, remarks: this.remarks };
    } else {
      const normativeCosts: Record<string, string> = {};
      for (const module of review.draft.modules) {
        const typed = (this.costs[module.id] ?? '').trim().replace(',', '.').replace(/\s/g, '');
        const before = module.normativeCost?.toString() ?? '';
        if (typed !== '' && typed !== before) normativeCosts[module.id] = typed;
      }
      body = {
        revision: review.revision,
        ...(Object.keys(normativeCosts).length === 0 ? {} : { normativeCosts }),
      };
    }
    this.busy = true;
    this.say({
      text: { ru: programmeReviewTexts.ru.working, en: programmeReviewTexts.en.working },
      tone: 'info',
    });
    try {
      const answer = await this.client.send(
        'POST',
        `/operator/programme-reviews/${encodeURIComponent(review.programmeId)}/${action}`,
        body,
        programmeReviewDetailSchema,
      );
      this.dispatchEvent(new ProgrammeReviewChangeEvent(answer));
      const name = answer.review.draft.name;
      const done = action === 'approve' ? 'approved' : 'returned';
      this.say({
        text: { ru: programmeReviewTexts.ru[done](name), en: programmeReviewTexts.en[done](name) },
        tone: 'done',
      });
      await this.backToList();
    } catch (error) {
      this.fail(error, this.d.failed);
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const lang = this.language;
    const showStatus = this.view === 'loading' || this.message !== null || this.problems.length > 0;
    return html`<section part="base" class="base" aria-labelledby="view-title">
      ${this.view === 'programme' ? nothing : html`<h2 id="view-title" tabindex="-1">${this.t.title}</h2>`}
      <div
        part="status"
        class="status ${this.message?.tone ?? ''} ${showStatus ? '' : 'empty'}"
        role="status"
        aria-live="polite"
      >
        ${this.view === 'loading' ? this.d.loading : nothing}
        ${this.message === null ? nothing : this.message.text[lang]}
        ${
          this.problems.length > 0
            ? html`<ul>
                ${this.problems.map((problem) => html`<li>${problem}</li>`)}
              </ul>`
            : nothing
        }
      </div>
      ${
        this.view === 'failed'
          ? button({ label: this.d.retry, onClick: () => void this.loadQueue() })
          : nothing
      }
      ${this.view === 'list' ? this.renderQueue() : nothing}
      ${this.view === 'programme' ? this.renderProgramme() : nothing}
    </section>`;
  }

  private renderQueue(): TemplateResult {
    const lang = this.language;
    const t = this.t;
    const reviews = this.queue?.reviews ?? [];
    const filters: ProgrammeQueueFilter[] = ['submitted', 'returned', 'approved', 'all'];
    return html`<p>${t.intro}</p>
      <div class="toolbar">
        ${selectField({
          id: 'filter',
          label: t.show,
          value: this.filter,
          options: filters.map((filter) => ({ value: filter, label: t.states[filter] })),
          onChange: (event: Event) => {
            this.filter = (event.target as HTMLSelectElement).value as ProgrammeQueueFilter;
            void this.loadQueue();
          },
        })}
      </div>
      <p class="muted">
        ${
          this.filter === 'submitted'
            ? reviews.length === 0
              ? t.nothingWaiting
              : t.waiting(reviews.length)
            : t.listed(reviews.length)
        }
      </p>
      <ul part="list" class="list">
        ${reviews.map(
          (item) =>
            html`<li class="item">
              <span class="what">
                ${button({
                  label: item.name,
                  variant: 'link',
                  ariaLabel: t.open(item.name, item.providerName),
                  disabled: this.busy,
                  onClick: () => void this.open(item.programmeId),
                })}
                <span class="meta"
                  >${item.providerName}${
                    item.updatedAt
                      ? html` · ${t.since(formatMoment(item.updatedAt, lang))}`
                      : nothing
                  }
                  · ${item.published ? this.d.published : this.d.notPublished}</span
                >
              </span>
              ${renderStateBadge(item.state, lang)}
            </li>`,
        )}
      </ul>`;
  }

  private renderProgramme(): TemplateResult {
    const detail = this.detail;
    if (detail === null) return html``;
    const lang = this.language;
    const t = this.t;
    const d = this.d;
    const review = detail.review;
    const open = review.state === 'submitted';
    return html`<h2 id="view-title" tabindex="-1">${review.draft.name}</h2>
      <p>
        ${renderStateBadge(review.state, lang)}
        <span class="muted">· ${detail.provider.name} · ${d.revision(review.revision)}</span>
      </p>
      <p>${review.published ? t.editOfApproved : t.newProgramme}</p>
      <div class="card">
        ${renderProgrammeSummary(
          review.draft,
          detail.taken,
          lang,
          detail.provider.name,
          detail.rooms,
        )}
      </div>
      ${
        review.published
          ? html`<h3>${d.changes}</h3>
              ${renderChanges(detail.changes, lang)}`
          : nothing
      }
      <h3>${d.history}</h3>
      ${renderHistory(review, lang)}
      ${
        open
          ? html`<form
              part="decision"
              class="card"
              aria-labelledby="decision-title"
              @submit=${(event: Event) => event.preventDefault()}
            >
              <h3 id="decision-title">${t.decision}</h3>
              <p class="hint">${t.decisionHint}</p>
              <div class="decision-part">
                ${
                  review.draft.fundingKind === 'budget'
                    ? nothing
                    : html`<div class="grid wide-fields">
                          ${review.draft.modules.map((module, index) =>
                            field({
                              id: `cost-${String(index)}`,
                              label: t.normativeFor(module.name),
                              inputmode: 'decimal',
                              autocomplete: 'off',
                              width: 10,
                              describedBy: ['cost-hint'],
                              value: this.costs[module.id] ?? '',
                              disabled: this.busy,
                              onInput: (event: Event) => {
                                this.costs = {
                                  ...this.costs,
                                  [module.id]: (event.target as HTMLInputElement).value,
                                };
                              },
                            }),
                          )}
                        </div>
                        <p class="hint" id="cost-hint">${t.normativeHint}</p>`
                }
                <div class="actions">
                  ${button({
                    label: t.approve,
                    variant: 'primary',
                    disabled: this.busy,
                    onClick: () => void this.decide('approve'),
                  })}
                </div>
              </div>
              <div class="decision-part">
                ${field({
                  id: 'remarks',
                  label: t.remarks,
                  hint: t.remarksHint,
                  type: 'textarea',
                  maxlength: 4000,
                  value: this.remarks,
                  disabled: this.busy,
                  onInput: (event: Event) => {
                    this.remarks = (event.target as HTMLTextAreaElement).value;
                  },
                })}
                <div class="actions">
                  ${button({
                    label: t.returnIt,
                    variant: 'danger',
                    disabled: this.busy,
                    onClick: () => void this.decide('return'),
                  })}
                </div>
              </div>
            </form>`
          : html`<p class="remarks-box">${t.notUnderReview}</p>`
      }
      <div class="actions">
        ${
          this.stale
            ? button({ label: d.reload, onClick: () => void this.open(review.programmeId) })
            : nothing
        }
        ${button({ label: t.back, variant: 'link', onClick: () => void this.backToList() })}
      </div>`;
  }
}
