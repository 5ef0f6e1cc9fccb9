import {
  availabilityChangeSchema,
  availabilityPreviewSchema,
  availabilityPublishedSchema,
  issueFromZod,
  sameEntry,
  staffAvailabilitySchema,
  type AvailabilityPreview,
  type AvailabilityPublished,
  type HitBooking,
  type HitDecision,
  type LocalizedText,
  type ServiceBookingRules,
  type StaffAvailability,
} from '@eduset/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { EdusetElement } from '../../internal/eduset-element.js';
import { button, checkbox, field, radio, selectField } from '../../internal/parts/index.js';
import { availabilityEditorStyles } from './availability-editor.styles.js';
import {
  availabilityEditorTexts,
  type AvailabilityEditorTexts,
} from './availability-editor.texts.js';

interface TimeRange {
  start: string;
  end: string;
}
interface RuleDraft {
  weekdays: number[];
  start: string;
  end: string;
  breaks: TimeRange[];
}
interface OverrideDraft {
  date: string;
  kind: 'closed' | 'extra' | 'replace';
  hours?: TimeRange[];
  note?: string;
}
interface AvailabilityDraft {
  specialistId: string;
  siteId: string;
  serviceId: string;
  timeZone: string;
  rules: RuleDraft[];
  overrides: OverrideDraft[];
  validFrom?: string;
  validTo?: string;
  worksOnWorkingWeekends: boolean;
  closedOnSchoolHolidays: boolean;
}
interface VacationDraft {
  specialistId: string;
  from: string;
  to: string;
  note?: string;
}
type RulesDraft = ServiceBookingRules;

/**
 * What `<eduset-availability-editor>` reports after a publish: the answer of
 * `PUT /api/staff/availability` (the new revision, the bookings kept and cancelled).
 *
 * @example
 * ```ts
 * import type { AvailabilityPublishedEvent } from '@eduset/widgets/availability-editor';
 * document.addEventListener('eduset-availability-published', (event: AvailabilityPublishedEvent) => {
 *   console.log(event.detail.revision);
 * });
 * ```
 */
export class AvailabilityPublishedEvent extends CustomEvent<AvailabilityPublished> {
  constructor(detail: AvailabilityPublished) {
    super('eduset-availability-published', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'eduset-availability-published': AvailabilityPublishedEvent;
  }
}

type Step = 'loading' | 'failed' | 'edit' | 'checking' | 'review' | 'publishing';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A whole number from an input, or undefined when empty. */
function numberOf(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? Math.trunc(number) : undefined;
}

/**
 * `<eduset-availability-editor>` — a specialist's working hours (часы приёма) for the staff
 * console: weekly hours per site and service with breaks, validity dates, one-day changes
 * (no sessions / extra hours / other hours), vacations, and — for whom the policy allows —
 * session length per service and per site, buffers and limits. The official Russian
 * working-day calendar applies by default, and the element says so. Before publishing it asks
 * the server which booked consultations the change would hit, lists them (date and time in the
 * site's zone, site, service, the parent's contact where the person may see it) and asks
 * whether to keep them or cancel them on the parent's behalf (the parent is told by e-mail);
 * it then publishes against the schedule's revision, so a change someone else made meanwhile
 * is never overwritten. Slots change for parents at once.
 *
 * Loads `GET {src-base}/staff/availability`, previews with
 * `POST {src-base}/staff/availability/preview`, publishes with `PUT {src-base}/staff/availability`
 * (with the CSRF token of `GET {src-base}/auth/csrf`), all with the signed-in session's cookie;
 * answers are validated with core's schemas. Russian by default, English with `lang="en"`.
 * Part of the staff bundle (`eduset-staff.js`), never of the public one.
 *
 * @tagname eduset-availability-editor
 * @summary A specialist's working hours: weekly hours, breaks, validity, one-day changes, vacations, session rules; publishes with a check of hit bookings.
 *
 * @attr src-base - Base address of the eduset API (default `/api`).
 * @attr specialist-id - Whose hours (default: the signed-in specialist's own).
 * @attr network - The network, when the person works in several.
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-availability-published - A change was published; `detail` is the server's answer.
 *
 * @csspart base - The wrapper of everything.
 * @csspart status - The live region (loading, checking, published, errors).
 * @csspart place - One site and service with its hours.
 * @csspart review - The review step with the hit bookings and the decision.
 * @csspart hit - One hit booking in the review.
 * @csspart button - Every button.
 *
 * @cssproperty --eduset-availability-editor-card-background - Background of the cards (default: the raised surface).
 *
 * @example
 * ```ts
 * import { EdusetAvailabilityEditor } from '@eduset/widgets/staff';
 * const editor = new EdusetAvailabilityEditor();
 * editor.specialistId = 'psy-ivanova';
 * document.body.append(editor);
 * ```
 */
export class EdusetAvailabilityEditor extends EdusetElement {
  static override styles = availabilityEditorStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    specialistId: { type: String, attribute: 'specialist-id' },
    network: { type: String },
    step: { state: true },
    loaded: { state: true },
    preview: { state: true },
    message: { state: true },
    problems: { state: true },
    decision: { state: true },
    stale: { state: true },
  };

  /** Base address of the API (`/api`). */
  declare srcBase: string | null;
  /** Whose hours; the signed-in specialist's own when absent. */
  declare specialistId: string | null;
  /** The network, when the person works in several. */
  declare network: string | null;
  declare private step: Step;
  declare private loaded: StaffAvailability | null;
  declare private preview: AvailabilityPreview | null;
  declare private message: { text: LocalizedText; tone: 'info' | 'error' | 'done' } | null;
  declare private problems: LocalizedText[];
  declare private decision: HitDecision | null;
  declare private stale: boolean;

  private availabilities: AvailabilityDraft[] = [];
  private vacations: VacationDraft[] = [];
  private rules: RulesDraft[] = [];
  private reason = '';
  private csrfToken: string | undefined;
  private newSiteId = '';
  private newServiceId = '';

  constructor() {
    super();
    this.srcBase = null;
    this.specialistId = null;
    this.network = null;
    this.step = 'loading';
    this.loaded = null;
    this.preview = null;
    this.message = null;
    this.problems = [];
    this.decision = null;
    this.stale = false;
  }

  private get texts(): AvailabilityEditorTexts {
    return availabilityEditorTexts[this.language];
  }

  private words(text: LocalizedText): string {
    return this.language === 'en' ? text.en : text.ru;
  }

  private url(path: string): string {
    return `${(this.srcBase ?? '/api').replace(/\/+$/, '')}${path}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override updated(changed: Map<string, unknown>): void {
    if (
      (changed.has('specialistId') || changed.has('srcBase')) &&
      changed.get('specialistId') !== undefined
    ) {
      void this.load();
    }
  }

  /**
   * Loads (or reloads) the specialist's part of the schedule.
   *
   * @example
   * ```ts
   * import type { EdusetAvailabilityEditor } from '@eduset/widgets/staff';
   * declare const editor: EdusetAvailabilityEditor;
   * await editor.load();
   * ```
   */
  async load(): Promise<void> {
    this.step = 'loading';
    this.preview = null;
    this.problems = [];
    this.stale = false;
    this.message = null;
    const query = new URLSearchParams();
    if (this.specialistId) query.set('specialistId', this.specialistId);
    if (this.network) query.set('network', this.network);
    try {
      const answer = await fetch(this.url(`/staff/availability?${query.toString()}`), {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
      const body = (await answer.json().catch(() => ({}))) as unknown;
      if (!answer.ok) throw this.errorOf(body);
      const loaded = staffAvailabilitySchema.parse(body);
      this.loaded = loaded;
      this.availabilities = clone(loaded.availabilities) as AvailabilityDraft[];
      this.vacations = clone(loaded.vacations) as VacationDraft[];
      this.rules = clone(loaded.bookingRules) as RulesDraft[];
      this.newSiteId = loaded.sites[0]?.id ?? '';
      this.newServiceId = '';
      this.step = 'edit';
    } catch (error) {
      this.message = { text: this.textOfError(error, this.texts.loadFailed), tone: 'error' };
      this.step = 'failed';
    }
  }

  private errorOf(body: unknown): Error & { code?: string; text?: LocalizedText } {
    const error = (
      body as {
        error?: {
          code?: string;
          message?: LocalizedText;
          issues?: { path: (string | number)[]; message: LocalizedText }[];
        };
      }
    )?.error;
    const failure = new Error(error?.message?.en ?? 'failed') as Error & {
      code?: string;
      text?: LocalizedText;
      issues?: { path: (string | number)[]; message: LocalizedText }[];
    };
    if (error?.code !== undefined) failure.code = error.code;
    if (error?.message !== undefined) failure.text = error.message;
    if (error?.issues !== undefined) failure.issues = error.issues;
    return failure;
  }

  private textOfError(error: unknown, fallback: string): LocalizedText {
    const text = (error as { text?: LocalizedText } | undefined)?.text;
    return text ?? { ru: fallback, en: fallback };
  }

  /** The change as the server takes it, from the drafts. */
  private change() {
    const loaded = this.loaded;
    if (loaded === null || loaded.specialistId === null) return undefined;
    const optional = <T>(value: T | undefined | '') =>
      value === undefined || value === '' ? undefined : value;
    const availabilities = this.availabilities.map((entry) => {
      const validFrom = optional(entry.validFrom);
      const validTo = optional(entry.validTo);
      return {
        ...entry,
        ...(validFrom === undefined ? { validFrom: undefined } : { validFrom }),
        ...(validTo === undefined ? { validTo: undefined } : { validTo }),
        overrides: entry.overrides.map((override) =>
          override.kind === 'closed'
            ? {
                date: override.date,
                kind: 'closed' as const,
                ...(override.note ? { note: override.note } : {}),
              }
            : {
                date: override.date,
                kind: override.kind,
                hours: override.hours ?? [],
                ...(override.note ? { note: override.note } : {}),
              },
        ),
      };
    });
    const changedRules = this.rules.filter(
      (rules) => !loaded.bookingRules.some((before) => sameEntry(before, rules)),
    );
    return {
      ...(this.network ? { network: this.network } : {}),
      specialistId: loaded.specialistId,
      revision: loaded.revision,
      availabilities: JSON.parse(JSON.stringify(availabilities)) as unknown[],
      vacations: this.vacations.map((vacation) => ({
        specialistId: vacation.specialistId,
        from: vacation.from,
        to: vacation.to,
        ...(vacation.note ? { note: vacation.note } : {}),
      })),
      ...(changedRules.length > 0 ? { bookingRules: changedRules } : {}),
    };
  }

  private async csrf(): Promise<string> {
    if (this.csrfToken !== undefined) return this.csrfToken;
    const answer = await fetch(this.url('/auth/csrf'), {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    const body = (await answer.json().catch(() => ({}))) as { csrfToken?: string };
    if (!answer.ok || typeof body.csrfToken !== 'string') throw this.errorOf(body);
    this.csrfToken = body.csrfToken;
    return body.csrfToken;
  }

  private async send(method: 'POST' | 'PUT', path: string, body: unknown): Promise<unknown> {
    const answer = await fetch(this.url(path), {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'x-csrf-token': await this.csrf(),
      },
      body: JSON.stringify(body),
    });
    const json = (await answer.json().catch(() => ({}))) as unknown;
    if (!answer.ok) throw this.errorOf(json);
    return json;
  }

  /** Checks the drafts, then asks the server which bookings the change would hit. */
  private async review(): Promise<void> {
    const change = this.change();
    if (change === undefined) return;
    const checked = availabilityChangeSchema.safeParse(change);
    if (!checked.success) {
      this.problems = checked.error.issues.map((issue) => issueFromZod(issue).message);
      this.message = { text: { ru: this.texts.invalid, en: this.texts.invalid }, tone: 'error' };
      return;
    }
    this.problems = [];
    this.step = 'checking';
    this.message = { text: { ru: this.texts.checking, en: this.texts.checking }, tone: 'info' };
    try {
      const answer = await this.send('POST', '/staff/availability/preview', change);
      this.preview = availabilityPreviewSchema.parse(answer);
      this.decision = null;
      this.message = null;
      this.step = 'review';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#review-title')?.focus();
    } catch (error) {
      this.step = 'edit';
      this.showFailure(error);
    }
  }

  private showFailure(error: unknown): void {
    const issues =
      (error as { issues?: { path: (string | number)[]; message: LocalizedText }[] }).issues ?? [];
    this.problems = issues.map((issue) => ({
      ru: `${issue.path.join('.')}: ${issue.message.ru}`,
      en: `${issue.path.join('.')}: ${issue.message.en}`,
    }));
    const code = (error as { code?: string }).code;
    this.stale = code === 'revision-moved';
    this.message = {
      text:
        code === 'revision-moved'
          ? {
              ru: availabilityEditorTexts.ru.revisionMoved,
              en: availabilityEditorTexts.en.revisionMoved,
            }
          : this.textOfError(error, this.texts.failed),
      tone: 'error',
    };
  }

  private async publish(): Promise<void> {
    const change = this.change();
    const preview = this.preview;
    if (change === undefined || preview === null) return;
    if (preview.hits.length > 0 && this.decision === null) {
      this.message = {
        text: { ru: availabilityEditorTexts.ru.decide, en: availabilityEditorTexts.en.decide },
        tone: 'error',
      };
      return;
    }
    this.step = 'publishing';
    this.message = { text: { ru: this.texts.publishing, en: this.texts.publishing }, tone: 'info' };
    try {
      const answer = availabilityPublishedSchema.parse(
        await this.send('PUT', '/staff/availability', {
          ...change,
          hits: preview.hits.map((hit) => hit.id),
          ...(preview.hits.length > 0 && this.decision !== null ? { decision: this.decision } : {}),
          ...(this.decision === 'cancel' && this.reason.trim() !== ''
            ? { reason: this.reason.trim() }
            : {}),
        }),
      );
      this.dispatchEvent(new AvailabilityPublishedEvent(answer));
      const done = {
        ru: availabilityEditorTexts.ru.published(
          answer.revision,
          answer.cancelled.length,
          answer.kept.length,
        ),
        en: availabilityEditorTexts.en.published(
          answer.revision,
          answer.cancelled.length,
          answer.kept.length,
        ),
      };
      this.reason = '';
      await this.load();
      this.message = { text: done, tone: 'done' };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'hits-changed') {
        // New bookings appeared meanwhile: show the fresh list.
        await this.review();
        return;
      }
      this.step = code === 'revision-moved' ? 'edit' : 'review';
      this.showFailure(error);
    }
  }

  private changed(): void {
    this.requestUpdate();
  }

  private siteName(siteId: string): string {
    return this.loaded?.sites.find((site) => site.id === siteId)?.name ?? siteId;
  }

  private serviceName(serviceId: string): string {
    const service = this.loaded?.services.find((entry) => entry.id === serviceId);
    return service === undefined ? serviceId : this.words(service.name);
  }

  private editable(siteId: string): boolean {
    return this.loaded?.editableSiteIds.includes(siteId) ?? false;
  }

  override render(): TemplateResult {
    const t = this.texts;
    const loaded = this.loaded;
    return html`<section part="base" class="base" aria-labelledby="title">
      <h2 id="title">${t.title}</h2>
      <div
        part="status"
        class="status ${this.message?.tone ?? ''} ${
          this.step !== 'loading' && this.message === null && this.problems.length === 0
            ? 'empty'
            : ''
        }"
        role="status"
        aria-live="polite"
      >
        ${this.step === 'loading' ? t.loading : this.message === null ? nothing : this.words(this.message.text)}
        ${
          this.problems.length > 0
            ? html`<ul class="problems">
                ${this.problems.map((problem) => html`<li>${this.words(problem)}</li>`)}
              </ul>`
            : nothing
        }
      </div>
      ${
        this.step === 'failed'
          ? button({ label: t.retry, part: 'button', onClick: () => void this.load() })
          : nothing
      }
      ${
        this.stale
          ? button({ label: t.reload, part: 'button', onClick: () => void this.load() })
          : nothing
      }
      ${
        loaded === null || this.step === 'loading' || this.step === 'failed'
          ? nothing
          : this.step === 'review' || this.step === 'publishing'
            ? this.renderReview()
            : this.renderEditor(loaded)
      }
    </section>`;
  }

  private renderChooser(loaded: StaffAvailability): TemplateResult | typeof nothing {
    if (loaded.specialists.length <= 1 && loaded.specialistId !== null) return nothing;
    const t = this.texts;
    return html`<div class="chooser">
      ${selectField({
        id: 'specialist',
        label: t.specialist,
        value: loaded.specialistId ?? '',
        options: [
          { value: '', label: t.chooseSpecialist },
          ...loaded.specialists.map((specialist) => ({
            value: specialist.id,
            label: specialist.name,
          })),
        ],
        onChange: (event: Event) => {
          this.specialistId = (event.target as HTMLSelectElement).value || null;
          void this.load();
        },
      })}
    </div>`;
  }

  private renderEditor(loaded: StaffAvailability): TemplateResult {
    const t = this.texts;
    const busy = this.step === 'checking';
    return html`${this.renderChooser(loaded)}
    ${
      loaded.specialistId === null
        ? nothing
        : html`<p class="calendar">
              ${loaded.officialCalendar === 'ru' ? t.officialCalendar : t.ownCalendarOnly}
            </p>
            ${this.availabilities.length === 0 ? html`<p>${t.noPlaces}</p>` : nothing}
            ${this.availabilities.map((entry, index) => this.renderPlace(entry, index))}
            ${this.renderAddPlace(loaded)} ${this.renderVacations(loaded)}
            ${this.renderRules(loaded)}
            <div class="actions">
              ${button({
                label: t.review,
                variant: 'primary',
                part: 'button',
                disabled: busy,
                onClick: () => void this.review(),
              })}
            </div>`
    }`;
  }

  /** A range of times: two time fields whose ids start with `id`. */
  private timeInputs(
    range: TimeRange,
    disabled: boolean,
    label: string,
    id: string,
  ): TemplateResult {
    const t = this.texts;
    return html`<span class="range" role="group" aria-label=${label}>
      ${field({
        id: `${id}-start`,
        label: t.from,
        type: 'time',
        value: range.start,
        disabled,
        required: true,
        onChange: (event: Event) => {
          range.start = (event.target as HTMLInputElement).value;
          this.changed();
        },
      })}
      ${field({
        id: `${id}-end`,
        label: t.to,
        type: 'time',
        value: range.end === '24:00' ? '23:59' : range.end,
        disabled,
        required: true,
        onChange: (event: Event) => {
          range.end = (event.target as HTMLInputElement).value;
          this.changed();
        },
      })}
    </span>`;
  }

  private renderPlace(entry: AvailabilityDraft, index: number): TemplateResult {
    const t = this.texts;
    const disabled = !this.editable(entry.siteId);
    const title = t.place(this.siteName(entry.siteId), this.serviceName(entry.serviceId));
    const place = `place-${index}`;
    return html`<fieldset part="place" class="card">
      <legend>${title}</legend>
      ${disabled ? html`<p class="muted">${t.readOnlyPlace}</p>` : nothing}
      <h3>${t.weeklyHours}</h3>
      <ul class="rows">
        ${entry.rules.map(
          (rule, ruleIndex) =>
            html`<li class="row">
              <fieldset class="days">
                <legend>${t.days}</legend>
                ${t.weekdaysShort.map((short, day) => {
                  const weekday = day + 1;
                  return checkbox({
                    id: `${place}-r${ruleIndex}-d${weekday}`,
                    label: html`<span aria-hidden="true">${short}</span
                      ><span class="visually-hidden">${t.weekdays[day]}</span>`,
                    checked: rule.weekdays.includes(weekday),
                    disabled,
                    onChange: (event: Event) => {
                      const on = (event.target as HTMLInputElement).checked;
                      rule.weekdays = on
                        ? [...rule.weekdays, weekday].sort((a, b) => a - b)
                        : rule.weekdays.filter((other) => other !== weekday);
                      this.changed();
                    },
                  });
                })}
              </fieldset>
              ${this.timeInputs(rule, disabled, t.weeklyHours, `${place}-r${ruleIndex}`)}
              <div class="breaks">
                <span class="label">${t.breaks}</span>
                ${rule.breaks.map(
                  (pause, breakIndex) =>
                    html`<div class="break">
                      ${this.timeInputs(
                        pause,
                        disabled,
                        t.breaks,
                        `${place}-r${ruleIndex}-b${breakIndex}`,
                      )}
                      ${button({
                        label: t.removeBreak,
                        variant: 'link',
                        part: 'button',
                        disabled,
                        onClick: () => {
                          rule.breaks.splice(breakIndex, 1);
                          this.changed();
                        },
                      })}
                    </div>`,
                )}
                ${button({
                  label: t.addBreak,
                  variant: 'link',
                  part: 'button',
                  disabled,
                  onClick: () => {
                    rule.breaks.push({ start: '11:00', end: '11:15' });
                    this.changed();
                  },
                })}
              </div>
              ${button({
                label: t.removeHours,
                variant: 'danger-link',
                part: 'button',
                disabled,
                onClick: () => {
                  entry.rules.splice(ruleIndex, 1);
                  this.changed();
                },
              })}
            </li>`,
        )}
      </ul>
      ${button({
        label: t.addHours,
        part: 'button',
        disabled,
        onClick: () => {
          entry.rules.push({ weekdays: [1], start: '09:00', end: '13:00', breaks: [] });
          this.changed();
        },
      })}

      <h3>${t.validity}</h3>
      <div class="grid">
        ${field({
          id: `${place}-from`,
          label: t.validFrom,
          type: 'date',
          value: entry.validFrom ?? '',
          disabled,
          onChange: (event: Event) => {
            entry.validFrom = (event.target as HTMLInputElement).value;
            this.changed();
          },
        })}
        ${field({
          id: `${place}-to`,
          label: t.validTo,
          type: 'date',
          value: entry.validTo ?? '',
          disabled,
          onChange: (event: Event) => {
            entry.validTo = (event.target as HTMLInputElement).value;
            this.changed();
          },
        })}
      </div>

      <h3>${t.overrides}</h3>
      <ul class="rows">
        ${entry.overrides.map((override, overrideIndex) => this.renderOverride(entry, override, overrideIndex, disabled, `${place}-o${overrideIndex}`))}
      </ul>
      ${button({
        label: t.addOverride,
        part: 'button',
        disabled,
        onClick: () => {
          entry.overrides.push({ date: '', kind: 'closed' });
          this.changed();
        },
      })}
      <div class="actions end">
        ${button({
          label: t.removePlace,
          variant: 'danger-link',
          part: 'button',
          disabled,
          onClick: () => {
            this.availabilities.splice(index, 1);
            this.changed();
          },
        })}
      </div>
    </fieldset>`;
  }

  private renderOverride(
    entry: AvailabilityDraft,
    override: OverrideDraft,
    index: number,
    disabled: boolean,
    id: string,
  ): TemplateResult {
    const t = this.texts;
    return html`<li class="row">
      <div class="grid">
        ${field({
          id: `${id}-date`,
          label: t.date,
          type: 'date',
          required: true,
          value: override.date,
          disabled,
          onChange: (event: Event) => {
            override.date = (event.target as HTMLInputElement).value;
            this.changed();
          },
        })}
        ${selectField({
          id: `${id}-kind`,
          label: t.overrideKind,
          value: override.kind,
          options: (['closed', 'extra', 'replace'] as const).map((kind) => ({
            value: kind,
            label: t.kinds[kind],
          })),
          disabled,
          onChange: (event: Event) => {
            override.kind = (event.target as HTMLSelectElement).value as OverrideDraft['kind'];
            if (override.kind !== 'closed' && (override.hours ?? []).length === 0) {
              override.hours = [{ start: '14:00', end: '17:00' }];
            }
            this.changed();
          },
        })}
        ${field({
          id: `${id}-note`,
          label: t.note,
          value: override.note ?? '',
          disabled,
          onChange: (event: Event) => {
            override.note = (event.target as HTMLInputElement).value;
            this.changed();
          },
        })}
      </div>
      ${
        override.kind === 'closed'
          ? nothing
          : (override.hours ?? []).map((range, rangeIndex) =>
              this.timeInputs(range, disabled, t.kinds[override.kind], `${id}-h${rangeIndex}`),
            )
      }
      ${button({
        label: t.removeOverride,
        variant: 'danger-link',
        part: 'button',
        disabled,
        onClick: () => {
          entry.overrides.splice(index, 1);
          this.changed();
        },
      })}
    </li>`;
  }

  private renderAddPlace(loaded: StaffAvailability): TemplateResult | typeof nothing {
    const t = this.texts;
    const sites = loaded.sites.filter((site) => loaded.editableSiteIds.includes(site.id));
    if (sites.length === 0) return nothing;
    const services = loaded.services.filter((service) =>
      loaded.bookingRules.some((rules) => rules.serviceId === service.id),
    );
    return html`<fieldset class="card add">
      <legend>${t.addPlace}</legend>
      <div class="grid">
        ${selectField({
          id: 'new-site',
          label: t.site,
          value: this.newSiteId || (sites[0]?.id ?? ''),
          options: sites.map((site) => ({ value: site.id, label: site.name })),
          onChange: (event: Event) => {
            this.newSiteId = (event.target as HTMLSelectElement).value;
          },
        })}
        ${selectField({
          id: 'new-service',
          label: t.service,
          value: this.newServiceId || (services[0]?.id ?? ''),
          options: services.map((service) => ({
            value: service.id,
            label: this.words(service.name),
          })),
          onChange: (event: Event) => {
            this.newServiceId = (event.target as HTMLSelectElement).value;
          },
        })}
      </div>
      ${button({
        label: t.add,
        part: 'button',
        onClick: () => {
          const siteId = this.newSiteId || sites[0]?.id;
          const serviceId = this.newServiceId || services[0]?.id;
          if (siteId === undefined || serviceId === undefined || loaded.specialistId === null)
            return;
          this.availabilities.push({
            specialistId: loaded.specialistId,
            siteId,
            serviceId,
            timeZone: loaded.sites.find((site) => site.id === siteId)?.timeZone ?? loaded.timeZone,
            rules: [{ weekdays: [1], start: '09:00', end: '13:00', breaks: [] }],
            overrides: [],
            worksOnWorkingWeekends: false,
            closedOnSchoolHolidays: false,
          });
          this.changed();
        },
      })}
    </fieldset>`;
  }

  private renderVacations(loaded: StaffAvailability): TemplateResult {
    const t = this.texts;
    return html`<fieldset class="card">
      <legend>${t.vacations}</legend>
      <p class="muted">${t.vacationsHint}</p>
      <ul class="rows">
        ${this.vacations.map(
          (vacation, index) =>
            html`<li class="row">
              <div class="grid">
                ${field({
                  id: `vacation-${index}-from`,
                  label: t.firstDay,
                  type: 'date',
                  required: true,
                  value: vacation.from,
                  onChange: (event: Event) => {
                    vacation.from = (event.target as HTMLInputElement).value;
                    this.changed();
                  },
                })}
                ${field({
                  id: `vacation-${index}-to`,
                  label: t.lastDay,
                  type: 'date',
                  required: true,
                  value: vacation.to,
                  onChange: (event: Event) => {
                    vacation.to = (event.target as HTMLInputElement).value;
                    this.changed();
                  },
                })}
                ${field({
                  id: `vacation-${index}-note`,
                  label: t.note,
                  value: vacation.note ?? '',
                  onChange: (event: Event) => {
                    vacation.note = (event.target as HTMLInputElement).value;
                    this.changed();
                  },
                })}
              </div>
              ${button({
                label: t.removeVacation,
                variant: 'danger-link',
                part: 'button',
                onClick: () => {
                  this.vacations.splice(index, 1);
                  this.changed();
                },
              })}
            </li>`,
        )}
      </ul>
      ${button({
        label: t.addVacation,
        part: 'button',
        onClick: () => {
          if (loaded.specialistId === null) return;
          this.vacations.push({ specialistId: loaded.specialistId, from: '', to: '' });
          this.changed();
        },
      })}
    </fieldset>`;
  }

  private numberField(
    id: string,
    label: string,
    value: number | undefined,
    disabled: boolean,
    set: (value: number | undefined) => void,
    required = false,
  ): TemplateResult {
    return field({
      id,
      label,
      type: 'number',
      min: 0,
      max: 1440,
      inputmode: 'numeric',
      width: 5,
      required,
      value: value === undefined ? '' : String(value),
      disabled,
      onChange: (event: Event) => {
        set(numberOf((event.target as HTMLInputElement).value));
        this.changed();
      },
    });
  }

  private renderRules(loaded: StaffAvailability): TemplateResult | typeof nothing {
    const t = this.texts;
    const services = [...new Set(this.availabilities.map((entry) => entry.serviceId))];
    const rulesOf = services
      .map((serviceId) => this.rules.find((rules) => rules.serviceId === serviceId))
      .filter((rules): rules is RulesDraft => rules !== undefined);
    if (rulesOf.length === 0) return nothing;
    const serviceWide = !loaded.mayEditRules;
    return html`<fieldset class="card">
      <legend>${t.sessions}</legend>
      ${serviceWide ? html`<p class="muted">${t.sessionsReadOnly}</p>` : nothing}
      ${rulesOf.map((rules, rulesIndex) => {
        const stem = `rules-${rulesIndex}`;
        const sites = [
          ...new Set(
            this.availabilities
              .filter((entry) => entry.serviceId === rules.serviceId)
              .map((entry) => entry.siteId),
          ),
        ];
        return html`<section class="service" aria-label=${this.serviceName(rules.serviceId)}>
          <h3>${this.serviceName(rules.serviceId)}</h3>
          <div class="grid">
            ${this.numberField(
              `${stem}-duration`,
              t.duration,
              rules.duration,
              serviceWide,
              (value) => {
                if (value !== undefined) rules.duration = value;
              },
              true,
            )}
            ${this.numberField(`${stem}-step`, t.step, rules.step, serviceWide, (value) => {
              if (value === undefined) delete rules.step;
              else rules.step = value;
            })}
            ${this.numberField(
              `${stem}-bufferBefore`,
              t.bufferBefore,
              rules.bufferBefore,
              serviceWide,
              (value) => {
                rules.bufferBefore = value ?? 0;
              },
            )}
            ${this.numberField(
              `${stem}-bufferAfter`,
              t.bufferAfter,
              rules.bufferAfter,
              serviceWide,
              (value) => {
                rules.bufferAfter = value ?? 0;
              },
            )}
            ${this.numberField(
              `${stem}-perDay`,
              t.perDay,
              rules.limits.perDay,
              serviceWide,
              (value) => {
                rules.limits = { ...rules.limits, perDay: value };
                if (value === undefined) delete rules.limits.perDay;
              },
            )}
            ${this.numberField(
              `${stem}-perWeek`,
              t.perWeek,
              rules.limits.perWeek,
              serviceWide,
              (value) => {
                rules.limits = { ...rules.limits, perWeek: value };
                if (value === undefined) delete rules.limits.perWeek;
              },
            )}
            ${sites.map((siteId, siteIndex) =>
              this.numberField(
                `${stem}-site-${siteIndex}`,
                t.siteDuration(this.siteName(siteId)),
                rules.siteSessions.find((entry) => entry.siteId === siteId)?.duration,
                !loaded.sessionSiteIds.includes(siteId),
                (value) => {
                  const others = rules.siteSessions.filter((entry) => entry.siteId !== siteId);
                  rules.siteSessions =
                    value === undefined
                      ? others
                      : [
                          ...others,
                          {
                            siteId: siteId as RulesDraft['siteSessions'][number]['siteId'],
                            duration: value,
                          },
                        ];
                },
              ),
            )}
          </div>
        </section>`;
      })}
    </fieldset>`;
  }

  private hitText(hit: HitBooking): string {
    const t = this.texts;
    const day = new Intl.DateTimeFormat(this.language === 'en' ? 'en-GB' : 'ru-RU', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${hit.date}T00:00:00Z`));
    const service = hit.serviceName === undefined ? hit.serviceId : this.words(hit.serviceName);
    return `${day}, ${hit.startTime}–${hit.endTime} — ${hit.siteName ?? hit.siteId}; ${service}; ${t.childAge(hit.childAge)}`;
  }

  private renderReview(): TemplateResult {
    const t = this.texts;
    const preview = this.preview;
    const hits = preview?.hits ?? [];
    const busy = this.step === 'publishing';
    return html`<section part="review" class="card review" aria-labelledby="review-title">
      <h3 id="review-title" tabindex="-1">${t.reviewTitle}</h3>
      ${
        hits.length === 0
          ? html`<p>${t.noHits}</p>`
          : html`<p><strong>${t.hits(hits.length)}</strong></p>
              <ul class="hits">
                ${hits.map(
                  (hit) =>
                    html`<li part="hit" class="hit">
                      <span>${this.hitText(hit)}</span>
                      <span class="contact"
                        >${
                          hit.contact === undefined
                            ? t.contactHidden
                            : [hit.contact.name, hit.contact.phone, hit.contact.email]
                                .filter(Boolean)
                                .join(', ')
                        }</span
                      >
                    </li>`,
                )}
              </ul>
              <fieldset class="decision boxed">
                <legend>${t.decision}</legend>
                ${(['keep', 'cancel'] as const).map((choice) =>
                  radio({
                    name: 'decision',
                    value: choice,
                    label: choice === 'keep' ? t.keep : t.cancel,
                    checked: this.decision === choice,
                    onChange: () => {
                      this.decision = choice;
                    },
                  }),
                )}
              </fieldset>
              ${
                this.decision === 'cancel'
                  ? field({
                      id: 'reason',
                      label: t.reason,
                      hint: t.reasonHint,
                      type: 'textarea',
                      rows: 2,
                      maxlength: 500,
                      value: this.reason,
                      onInput: (event: Event) => {
                        this.reason = (event.target as HTMLTextAreaElement).value;
                      },
                    })
                  : nothing
              }`
      }
      <div class="actions">
        ${button({
          label: busy ? t.publishing : t.publish,
          variant: 'primary',
          part: 'button',
          disabled: busy,
          onClick: () => void this.publish(),
        })}
        ${button({
          label: t.back,
          part: 'button',
          disabled: busy,
          onClick: () => {
            this.step = 'edit';
            this.message = null;
          },
        })}
      </div>
    </section>`;
  }
}
