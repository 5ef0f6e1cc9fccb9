import {
  localize,
  maxParentNoteLength,
  normalizePhone,
  type Booking,
  type BookingOption,
  type BookingOptions,
  type LocalizedText,
  type Slot,
} from '@eduset/core';
import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { EdusetBookingCancelledEvent } from '../events/booking-cancelled.js';
import { EdusetBookingCreatedEvent } from '../events/booking-created.js';
import type { EdusetSlotSelectEvent } from '../events/slot-select.js';
import { DataLoader } from '../internal/data-loader.js';
import { EdusetElement } from '../internal/eduset-element.js';
import { FetchJsonError } from '../internal/fetch-json.js';
import { serviceName } from '../internal/network-names.js';
import { sharedTexts, type SharedTexts } from '../translations/shared.texts.js';
import { bookingTexts, type BookingTexts } from './booking.texts.js';
import { BookingApi, BookingRequestError, type BookingCreated } from './booking-api.js';
import { bookingStyles } from './booking.styles.js';
import { findFirst } from '../internal/own.js';
import { button, checkbox, childAgeInput, errorSummary, field } from '../internal/parts/index.js';

/**
 * The steps of `<eduset-booking>`, in order: the need (service), the site or specialist,
 * the time, the contact form, then the confirmation (`done`) and, after a cancel,
 * `cancelled`.
 *
 * @example
 * ```ts
 * import type { BookingStep } from '@eduset/widgets';
 * const step: BookingStep = 'slot';
 * ```
 */
export type BookingStep = 'service' | 'provider' | 'slot' | 'contact' | 'done' | 'cancelled';

/**
 * Whom the parent wants to see: anyone offering the service, anyone at one site, or one
 * specialist.
 *
 * @example
 * ```ts
 * import type { BookingProvider } from '@eduset/widgets';
 * const provider: BookingProvider = { kind: 'site', id: 'kp-teremok' };
 * ```
 */
export type BookingProvider =
  | { readonly kind: 'any' }
  | { readonly kind: 'site'; readonly id: string }
  | { readonly kind: 'specialist'; readonly id: string };

type FieldName = 'name' | 'contact' | 'phone' | 'email' | 'age' | 'note' | 'consent';

const defaultZone = 'Europe/Moscow';

/** The control a field's message in the error summary leads to. */
const controlOf = (name: FieldName, step: BookingStep): string =>
  name === 'contact' ? 'phone' : name === 'age' && step === 'service' ? 'service-age' : name;

function errorText(error: unknown, fallback: LocalizedText): LocalizedText {
  if (error instanceof FetchJsonError || error instanceof BookingRequestError) return error.text;
  return fallback;
}

/**
 * `<eduset-booking>` — book a free consultation. The parent gives the child's age (when she
 * knows it: only the services for that age stay; a service for some ages only asks for it)
 * and chooses the need (a service that can be booked), then a site or a specialist (or
 * anyone), then a time with `<eduset-slot-picker>` (two weeks of free times in an accessible
 * grid, the first free time, a month calendar; for the child's age, so no time the server would
 * refuse is offered), then gives a contact and the consent to personal-data processing
 * (152-ФЗ); the confirmation shows the link to the manage page (`manage-page`, where the booking
 * can be seen, moved or cancelled from any device after this page is closed), a cancel button
 * and an "add to calendar" link to the booking's `.ics` (the answer's `calendarUrl`, whose token
 * can only read the file).
 *
 * It talks to the eduset server under `src-base`: `GET /booking-options` (the services with
 * their sites and specialists), `GET /slots`, `POST /bookings`, `POST /bookings/:id/cancel`;
 * every answer is validated with core's schemas. It follows the child's age given in an `eduset-filter-change` event of the
 * same page (the site directory's or the schedule's filter). Validation messages and server
 * errors are announced through live regions. Russian by default, English with `lang="en"`.
 *
 * @tagname eduset-booking
 * @summary Booking of a free consultation: need → site or specialist → time → contact → confirmation.
 *
 * @attr src-base - Base address of the eduset API (e.g. `/api`); the data are loaded when set or changed.
 * @attr network - The network id sent as `network=` with every request (optional when the server holds one network).
 * @attr service - Preselects a service by id (the first step is then skipped).
 * @attr age - The child's age in whole years (also taken from the page's `eduset-filter-change` events).
 * @attr manage-page - Address of the manage page (default `/manage/`, on the API's server); the confirmation links to it with `#booking=<id>&token=<token>`.
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-booking-created - The server accepted a booking; `detail.booking`.
 * @fires eduset-booking-cancelled - The parent cancelled the booking; `detail.booking` (status `cancelled-by-parent`).
 * @fires eduset-error - The booking options could not be loaded or validated; `detail.error` (`FetchJsonError`).
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The element's heading.
 * @csspart step - The current step's section.
 * @csspart step-heading - The heading of the current step.
 * @csspart progress - The "step N of 4" line.
 * @csspart choices - A list of choice buttons (services, sites, specialists).
 * @csspart choice - One choice button.
 * @csspart age - The child's age field on the first step.
 * @csspart picker - The `<eduset-slot-picker>` of the time step (its parts are exported too).
 * @csspart grid - The slot grid (exported from the picker).
 * @csspart day - One day (row) of the slot grid.
 * @csspart day-heading - The date heading of a day row.
 * @csspart slot - One slot button.
 * @csspart period-nav - The buttons that show earlier or later days.
 * @csspart first-free - The «Ближайшее свободное время» button.
 * @csspart month - The month calendar.
 * @csspart month-day - One day of the month calendar.
 * @csspart form - The contact form.
 * @csspart field-error - A validation message under a field.
 * @csspart consent - The consent checkbox with its label.
 * @csspart submit - The submit button.
 * @csspart back - A button that returns to the previous step.
 * @csspart status - The polite live region (loading, step changes).
 * @csspart errors - The assertive live region (validation and server errors).
 * @csspart summary - The booking summary (contact step and confirmation).
 * @csspart calendar-link - The «Добавить в календарь» link to the `.ics`.
 * @csspart manage - The manage link with its hint on the confirmation.
 * @csspart manage-link - The link to the manage page.
 * @csspart cancel - The cancel button on the confirmation.
 *
 * @cssproperty --eduset-font-family - Font of the element (default: the system font).
 * @cssproperty --eduset-font-size - Base font size (default `16px`; everything inside is in em of it).
 * @cssproperty --eduset-color-text - Text color (default `#1f2328`).
 * @cssproperty --eduset-color-text-muted - Secondary text color (default `#4f5660`).
 * @cssproperty --eduset-color-primary - Links, buttons and the chosen slot (default `#0b5cad`).
 * @cssproperty --eduset-color-on-primary - Text on primary buttons (default `#ffffff`).
 * @cssproperty --eduset-color-surface - Input and slot background (default `#ffffff`).
 * @cssproperty --eduset-color-surface-raised - Panel background (default `#f6f8fa`).
 * @cssproperty --eduset-color-border - Borders (default `#8c959f`).
 * @cssproperty --eduset-color-danger - Errors (default `#b42318`).
 * @cssproperty --eduset-color-focus - Keyboard focus ring (default `#0b5cad`).
 * @cssproperty --eduset-radius - Corner radius (default `0.5em`).
 * @cssproperty --eduset-spacing - Base spacing (default `1em`).
 * @cssproperty --eduset-booking-gap - Space between the parts of a step (default: `--eduset-spacing`).
 * @cssproperty --eduset-booking-slot-min-width - Narrowest slot button (default `5.5em`).
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-widgets.js"></script>
 * <eduset-booking src-base="/api" network="udomlya"></eduset-booking>
 * ```
 *
 * @example
 * ```ts
 * import '@eduset/widgets/booking';
 * const booking = document.createElement('eduset-booking');
 * booking.srcBase = '/api';
 * booking.addEventListener('eduset-booking-created', (event) => console.log(event.detail.booking.id));
 * document.body.append(booking);
 * ```
 */
export class EdusetBooking extends EdusetElement {
  /** The booking's own texts in the element's language (it bundles no other element's texts). */
  private get texts(): BookingTexts {
    return bookingTexts[this.language];
  }

  /** The words the booking shares with the directory (retry, age range). */
  private get shared(): SharedTexts {
    return sharedTexts[this.language];
  }

  /** The element's shadow-DOM styles (shared base plus its own); theme through `--eduset-*` and `::part`. */
  static override styles = bookingStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    network: { type: String },
    service: { type: String },
    options: { attribute: false },
    step: { state: true },
    provider: { state: true },
    age: { type: Number },
    managePage: { type: String, attribute: 'manage-page' },
    selectedSlot: { state: true },
    values: { state: true },
    fieldErrors: { state: true },
    submitting: { state: true },
    requestError: { state: true },
    notice: { state: true },
    created: { state: true },
    cancelledBooking: { state: true },
    cancelling: { state: true },
    announcement: { state: true },
  };

  /** Base address of the API (`/api`). */
  declare srcBase: string | null;
  /** The network id sent with every request, or `null`. */
  declare network: string | null;
  /** The chosen service's id (set it to preselect one), or `null`. */
  declare service: string | null;
  /**
   * What the form lists: the services a parent may book, with their sites and specialists
   * (loaded from `src-base`, or set directly).
   */
  declare options: BookingOptions | null;
  /** The current step. */
  declare step: BookingStep;
  /** The chosen site or specialist. */
  declare provider: BookingProvider;
  /**
   * The child's age in whole years, when the page knows it (from `<eduset-site-directory>` or
   * `<eduset-schedule>`, whose filter changes the element follows, or set directly): the slot
   * search asks for times for that age, and the form starts with it.
   */
  declare age: number | null;
  /** Address of the manage page (`/manage/` by default, on the API's server). */
  declare managePage: string;
  declare private selectedSlot: Slot | null;
  declare private values: {
    name: string;
    phone: string;
    email: string;
    age: string;
    note: string;
    consent: boolean;
  };
  declare private fieldErrors: Partial<Record<FieldName, string>>;
  declare private submitting: boolean;
  declare private requestError: BookingRequestError | null;
  declare private notice: LocalizedText | null;
  declare private created: BookingCreated | null;
  declare private cancelledBooking: Booking | null;
  declare private cancelling: boolean;
  declare private announcement: string;

  private readonly loader = new DataLoader(this);
  private pendingFocus: string | null = null;
  /** Follows the age given in a directory's or a schedule's filter on the same page. */
  private readonly onFilterChange = (event: Event): void => {
    const detail = (event as CustomEvent<{ age?: unknown }>).detail;
    const age = detail?.age;
    if (typeof age === 'number' && Number.isInteger(age) && age >= 0 && age <= 25) {
      this.age = age;
    }
  };

  constructor() {
    super();
    this.srcBase = null;
    this.network = null;
    this.service = null;
    this.options = null;
    this.step = 'service';
    this.provider = { kind: 'any' };
    this.age = null;
    this.managePage = '/manage/';
    this.selectedSlot = null;
    this.values = { name: '', phone: '', email: '', age: '', note: '', consent: false };
    this.fieldErrors = {};
    this.submitting = false;
    this.requestError = null;
    this.notice = null;
    this.created = null;
    this.cancelledBooking = null;
    this.cancelling = false;
    this.announcement = '';
  }

  /** The API client for the current `src-base` and `network`. */
  protected get api(): BookingApi {
    return new BookingApi(this.srcBase ?? '', this.network);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('eduset-filter-change', this.onFilterChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('eduset-filter-change', this.onFilterChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('age') && this.age !== null && Number.isInteger(this.age)) {
      this.values = { ...this.values, age: String(this.age) };
    }
    if ((changed.has('srcBase') || changed.has('network')) && this.srcBase) this.load();
    if (changed.has('service') && this.service && this.step === 'service' && this.options) {
      this.step = 'provider';
    }
  }

  protected override updated(): void {
    if (this.pendingFocus === null) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.pendingFocus);
    if (target) {
      this.pendingFocus = null;
      target.focus();
    }
  }

  /**
   * Loads the booking options again and starts over.
   *
   * @example
   * ```ts
   * document.querySelector('eduset-booking')?.reload();
   * ```
   */
  reload(): void {
    if (this.srcBase) this.load();
  }

  private load(): void {
    const api = this.api;
    this.loader.load(
      api.base,
      (signal) => api.bookingOptions(signal),
      (options) => {
        this.options = options;
        this.step =
          this.service && this.bookableServices().includes(this.service) ? 'provider' : 'service';
      },
    );
  }

  // ---- names and data --------------------------------------------------------------------

  private bookableServices(): string[] {
    return (this.options?.services ?? []).map((service): string => service.id);
  }

  private option(serviceId: string): BookingOption | undefined {
    return findFirst(this.options?.services, (service) => service.id === serviceId);
  }

  private serviceName(id: string): string {
    const service = this.option(id);
    return service === undefined ? id : serviceName(service, this.language);
  }

  private siteName(id: string): string {
    return this.named('sites', id)?.name ?? id;
  }

  private specialistName(id: string): string {
    return this.named('specialists', id)?.name ?? id;
  }

  /** A site or specialist of any listed service. */
  private named(
    list: 'sites' | 'specialists',
    id: string,
  ): { readonly name: string; readonly timeZone?: string } | undefined {
    for (const service of this.options?.services ?? []) {
      const entries: readonly { id: string; name: string; timeZone?: string }[] = service[list];
      const found = findFirst(entries, (entry) => entry.id === id);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  private siteZone(siteId: string): string {
    return this.named('sites', siteId)?.timeZone ?? defaultZone;
  }

  private locale(): string {
    return this.language === 'en' ? 'en-GB' : 'ru-RU';
  }

  private formatDate(at: string, timeZone: string): string {
    return new Intl.DateTimeFormat(this.locale(), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone,
    }).format(new Date(at));
  }

  private formatTime(at: string, timeZone: string): string {
    return new Intl.DateTimeFormat(this.locale(), {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    }).format(new Date(at));
  }

  // ---- navigation ------------------------------------------------------------------------

  private goTo(step: BookingStep, focus = '#step-heading'): void {
    this.step = step;
    this.pendingFocus = focus;
    const t = this.texts;
    const index = ['service', 'provider', 'slot', 'contact'].indexOf(step);
    const title = this.stepTitle(step, t);
    this.announcement = index === -1 ? title : `${t.step(index + 1, 4)}. ${title}`;
  }

  private stepTitle(step: BookingStep, t: BookingTexts): string {
    switch (step) {
      case 'service':
        return t.chooseService;
      case 'provider':
        return t.chooseProvider;
      case 'slot':
        return t.chooseSlot;
      case 'contact':
        return t.contactTitle;
      case 'done':
        return t.confirmedTitle;
      default:
        return t.cancelledTitle;
    }
  }

  private chooseService(id: string): void {
    const ages = this.agesOf(id);
    if (ages !== undefined && this.childAge() === null) {
      // The service is for some ages only: the slot search needs the child's age first.
      this.fieldErrors = {
        age: this.texts.ageNeeded(this.shared.ageRange(ages.from, ages.to)),
      };
      this.pendingFocus = '#service-age';
      return;
    }
    this.fieldErrors = {};
    this.service = id;
    this.provider = { kind: 'any' };
    this.notice = null;
    this.goTo('provider');
  }

  /** The children's ages a service is for, when its booking rules say. */
  private agesOf(serviceId: string): { from: number; to: number } | undefined {
    return this.option(serviceId)?.ages;
  }

  /** The child's age as typed, or `null` when empty or not a whole number of 0–25 years. */
  private childAge(): number | null {
    const text = this.values.age.trim();
    const age = Number(text);
    return text !== '' && Number.isInteger(age) && age >= 0 && age <= 25 ? age : null;
  }

  /** Whether a service is for the child's age (or the age is not known yet). */
  private fitsAge(serviceId: string): boolean {
    const ages = this.agesOf(serviceId);
    const age = this.childAge();
    return ages === undefined || age === null || (age >= ages.from && age <= ages.to);
  }

  private chooseProvider(provider: BookingProvider): void {
    this.provider = provider;
    this.notice = null;
    this.goTo('slot');
  }

  private onSlotSelect(event: EdusetSlotSelectEvent): void {
    this.selectedSlot = event.detail.slot;
    this.requestError = null;
    this.notice = null;
    this.fieldErrors = {};
    this.goTo('contact');
  }

  private backToSlots(): void {
    this.requestError = null;
    // A new picker loads the free times again from today.
    this.goTo('slot');
  }

  // ---- the contact form ------------------------------------------------------------------

  private onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const name = input.name as keyof EdusetBooking['values'];
    if (name === 'consent') {
      this.values = { ...this.values, consent: input.checked };
    } else if (name in this.values) {
      this.values = { ...this.values, [name]: input.value };
    }
  }

  private validate(t: BookingTexts): Partial<Record<FieldName, string>> {
    const errors: Partial<Record<FieldName, string>> = {};
    const { name, phone, email, age, note, consent } = this.values;
    if (name.trim() === '') errors.name = t.nameRequired;
    if (phone.trim() === '' && email.trim() === '') errors.contact = t.contactRequired;
    if (phone.trim() !== '' && normalizePhone(phone) === undefined) errors.phone = t.phoneInvalid;
    if (email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      errors.email = t.emailInvalid;
    }
    const ageNumber = Number(age);
    if (age.trim() === '' || !Number.isInteger(ageNumber) || ageNumber < 0 || ageNumber > 25) {
      errors.age = t.ageInvalid;
    } else if (this.service !== null && !this.fitsAge(this.service)) {
      const ages = this.agesOf(this.service);
      if (ages !== undefined) {
        errors.age = t.ageNotForService(this.shared.ageRange(ages.from, ages.to));
      }
    }
    if (note.trim().length > maxParentNoteLength) errors.note = t.noteTooLong;
    if (!consent) errors.consent = t.consentRequired;
    return errors;
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (this.submitting) return;
    const t = this.texts;
    const errors = this.validate(t);
    this.fieldErrors = errors;
    this.requestError = null;
    const order: FieldName[] = ['name', 'phone', 'email', 'contact', 'age', 'note', 'consent'];
    const first = findFirst(order, (field) => errors[field] !== undefined);
    if (first !== undefined) {
      this.pendingFocus = first === 'contact' ? '#phone' : `#${first}`;
      this.requestUpdate();
      return;
    }
    this.submit();
  }

  private submit(): void {
    const slot = this.selectedSlot;
    if (slot === null) return;
    const { name, phone, email, age, note } = this.values;
    this.submitting = true;
    this.announcement = this.texts.submitting;
    this.api
      .book({
        specialistId: slot.specialistId,
        siteId: slot.siteId,
        serviceId: slot.serviceId,
        start: slot.start,
        end: slot.end,
        childAge: Number(age),
        contact: {
          name: name.trim(),
          ...(phone.trim() === '' ? {} : { phone: phone.trim() }),
          ...(email.trim() === '' ? {} : { email: email.trim() }),
        },
        ...(note.trim() === '' ? {} : { note: note.trim() }),
        personalDataConsent: true,
      })
      .then(
        (created) => {
          this.submitting = false;
          this.created = created;
          this.cancelledBooking = null;
          this.goTo('done');
          this.dispatchEvent(new EdusetBookingCreatedEvent({ booking: created.booking }));
        },
        (error: unknown) => {
          this.submitting = false;
          const failure =
            error instanceof BookingRequestError
              ? error
              : new BookingRequestError(
                  'network',
                  errorText(error, {
                    ru: 'Не удалось отправить запись',
                    en: 'Could not send the booking',
                  }),
                );
          if (failure.slotTaken) {
            this.notice = failure.text;
            this.selectedSlot = null;
            // The assertive errors region announces the message; the status names the step.
            this.backToSlots();
          } else {
            this.requestError = failure;
            this.announcement = '';
          }
        },
      );
  }

  private cancel(): void {
    const created = this.created;
    if (created === null || this.cancelling) return;
    this.cancelling = true;
    this.requestError = null;
    this.api.cancel(created.cancelUrl, created.cancelToken).then(
      (booking) => {
        this.cancelling = false;
        this.cancelledBooking = booking;
        this.goTo('cancelled');
        this.dispatchEvent(new EdusetBookingCancelledEvent({ booking }));
      },
      (error: unknown) => {
        this.cancelling = false;
        this.requestError =
          error instanceof BookingRequestError
            ? error
            : new BookingRequestError(
                'network',
                errorText(error, {
                  ru: 'Не удалось отменить запись',
                  en: 'Could not cancel the booking',
                }),
              );
      },
    );
  }

  private bookAgain(): void {
    this.created = null;
    this.cancelledBooking = null;
    this.selectedSlot = null;
    this.requestError = null;
    this.notice = null;
    if (this.service) {
      this.goTo('slot');
    } else {
      this.goTo('service');
    }
  }

  // ---- rendering -------------------------------------------------------------------------

  override render(): TemplateResult {
    const t = this.texts;
    const loading = this.loader.state === 'loading';
    const failed = this.loader.state === 'error';
    return html`
      <section
        part="base"
        class="booking"
        aria-labelledby="title"
        aria-busy=${loading ? 'true' : 'false'}
      >
        <h2 part="title" id="title" class="title">${t.title}</h2>
        <div part="status" class="visually-hidden" aria-live="polite">
          ${loading ? t.loading : this.announcement}
        </div>
        ${loading ? html`<p class="loading">${t.loading}</p>` : nothing}
        ${
          failed
            ? html`${this.loader.renderError(t.loadFailed, this.language, undefined, 'alert')}
                <button type="button" class="secondary" @click=${this.reload}>
                  ${this.shared.retry}
                </button>`
            : nothing
        }
        ${this.loader.state === 'loaded' ? this.renderStep(t) : nothing}
      </section>
    `;
  }

  private renderErrors(): TemplateResult {
    const t = this.texts;
    const lang = this.language;
    const fieldMessages = Object.entries(this.fieldErrors).flatMap(([name, message]) =>
      message === undefined ? [] : [{ id: controlOf(name as FieldName, this.step), message }],
    );
    const request = this.requestError;
    const notice = this.notice;
    return html`<div part="errors" class="errors" aria-live="assertive">
      ${errorSummary(t.errorsFound(fieldMessages.length), fieldMessages)}
      ${
        request
          ? html`<div class="error">
              <p>${localize(request.text, lang)}</p>
              ${
                request.issues.length > 0
                  ? html`<ul>
                      ${request.issues.map((issue) => html`<li>${localize(issue.message, lang)}</li>`)}
                    </ul>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${notice ? html`<div class="error"><p>${localize(notice, lang)}</p></div>` : nothing}
    </div>`;
  }

  private renderStep(t: BookingTexts): TemplateResult {
    const index = ['service', 'provider', 'slot', 'contact'].indexOf(this.step);
    let body: TemplateResult;
    switch (this.step) {
      case 'service':
        body = this.renderServices(t);
        break;
      case 'provider':
        body = this.renderProviders(t);
        break;
      case 'slot':
        body = this.renderSlots(t);
        break;
      case 'contact':
        body = this.renderContact(t);
        break;
      case 'done':
        body = this.renderDone(t);
        break;
      default:
        body = this.renderCancelled(t);
    }
    return html`<section
      part="step"
      class="step"
      data-step=${this.step}
      aria-labelledby="step-heading"
    >
      ${index === -1 ? nothing : html`<p part="progress" class="progress">${t.step(index + 1, 4)}</p>`}
      <h3 part="step-heading" id="step-heading" tabindex="-1">${this.stepTitle(this.step, t)}</h3>
      ${this.renderErrors()} ${body}
    </section>`;
  }

  private renderServices(t: BookingTexts): TemplateResult {
    const bookable = this.bookableServices();
    if (bookable.length === 0) return html`<p class="empty">${t.noServices}</p>`;
    const services = bookable.filter((id) => this.fitsAge(id));
    const ageError = this.fieldErrors.age;
    return html`
      ${field({
        ...childAgeInput,
        id: 'service-age',
        autocomplete: 'off',
        label: t.childAge,
        hint: t.childAgeFirstHint,
        error: ageError ?? null,
        part: 'age',
        value: this.values.age,
        onInput: this.onServiceAgeInput,
      })}
      ${
        services.length < bookable.length
          ? html`<p class="hint" part="age-note">${t.servicesForOtherAges}</p>`
          : nothing
      }
      <ul part="choices" class="choices">
        ${services.map((id) => {
          const ages = this.agesOf(id);
          return html`<li>
            <button
              part="choice"
              type="button"
              class="choice"
              data-service-id=${id}
              @click=${() => this.chooseService(id)}
            >
              <span class="choice-name">${this.serviceName(id)}</span>
              ${
                ages === undefined
                  ? nothing
                  : html`<span class="choice-note"
                      >${t.forAges(this.shared.ageRange(ages.from, ages.to))}</span
                    >`
              }
            </button>
          </li>`;
        })}
      </ul>
    `;
  }

  private onServiceAgeInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.values = { ...this.values, age: input.value };
    if (this.fieldErrors.age !== undefined) this.fieldErrors = {};
  }

  /** The manage page's address for a booking: the link the parent keeps (`#booking=…&token=…`). */
  private manageUrl(created: BookingCreated): string {
    const page = this.api.resolve(this.managePage || '/manage/');
    const fragment = new URLSearchParams({
      booking: created.booking.id,
      token: created.cancelToken,
    });
    return `${page.replace(/#.*$/, '')}#${fragment.toString()}`;
  }

  private renderProviders(t: BookingTexts): TemplateResult {
    const serviceId = this.service ?? '';
    const option = this.option(serviceId);
    return html`
      <p class="chosen">${this.serviceName(serviceId)}</p>
      <ul part="choices" class="choices">
        <li>
          <button
            part="choice"
            type="button"
            class="choice"
            data-provider="any"
            @click=${() => this.chooseProvider({ kind: 'any' })}
          >
            ${t.anyProvider}
          </button>
        </li>
      </ul>
      <h4 id="by-site">${t.bySite}</h4>
      <ul part="choices" class="choices" aria-labelledby="by-site">
        ${(option?.sites ?? []).map(
          ({ id, name }) =>
            html`<li>
              <button
                part="choice"
                type="button"
                class="choice"
                data-site-id=${id}
                @click=${() => this.chooseProvider({ kind: 'site', id })}
              >
                ${name}
              </button>
            </li>`,
        )}
      </ul>
      <h4 id="by-specialist">${t.bySpecialist}</h4>
      <ul part="choices" class="choices" aria-labelledby="by-specialist">
        ${(option?.specialists ?? []).map(
          ({ id, name }) =>
            html`<li>
              <button
                part="choice"
                type="button"
                class="choice"
                data-specialist-id=${id}
                @click=${() => this.chooseProvider({ kind: 'specialist', id })}
              >
                ${name}
              </button>
            </li>`,
        )}
      </ul>
      <button part="back" type="button" class="secondary" @click=${() => this.goTo('service')}>
        ${t.back}
      </button>
    `;
  }

  private providerText(): string {
    const provider = this.provider;
    if (provider.kind === 'site') return this.siteName(provider.id);
    if (provider.kind === 'specialist') return this.specialistName(provider.id);
    return this.texts.anyProvider;
  }

  private renderSlots(t: BookingTexts): TemplateResult {
    const provider = this.provider;
    const option = this.option(this.service ?? '');
    return html`
      <p class="chosen">${this.serviceName(this.service ?? '')} · ${this.providerText()}</p>
      <eduset-slot-picker
        part="picker"
        exportparts="views, first-free, grid, day, day-heading, slot, period-nav, month, month-day, month-nav"
        .srcBase=${this.srcBase}
        .network=${this.network}
        .service=${this.service}
        .site=${provider.kind === 'site' ? provider.id : null}
        .specialist=${provider.kind === 'specialist' ? provider.id : null}
        .childAge=${this.childAge()}
        .horizonDays=${option?.horizonDays ?? null}
        .sites=${option?.sites ?? null}
        @eduset-slot-select=${this.onSlotSelect}
      ></eduset-slot-picker>
      <button part="back" type="button" class="secondary" @click=${() => this.goTo('provider')}>
        ${t.back}
      </button>
    `;
  }

  private renderSlotSummary(
    slot: Pick<Slot, 'specialistId' | 'siteId' | 'serviceId' | 'start' | 'end'>,
    booking?: Booking,
  ): TemplateResult {
    const t = this.texts;
    const zone = this.siteZone(slot.siteId);
    const when = `${this.formatDate(slot.start, zone)}, ${this.formatTime(slot.start, zone)}–${this.formatTime(slot.end, zone)}`;
    return html`<dl part="summary" class="summary">
      <div>
        <dt>${t.service}</dt>
        <dd>${this.serviceName(slot.serviceId)}</dd>
      </div>
      <div>
        <dt>${t.site}</dt>
        <dd>${this.siteName(slot.siteId)}</dd>
      </div>
      <div>
        <dt>${t.specialist}</dt>
        <dd>${this.specialistName(slot.specialistId)}</dd>
      </div>
      <div>
        <dt>${t.when}</dt>
        <dd data-booking-id=${booking?.id ?? nothing}>${when}</dd>
      </div>
    </dl>`;
  }

  private renderContact(t: BookingTexts): TemplateResult {
    const slot = this.selectedSlot;
    const errors = this.fieldErrors;
    const contactMissing = errors.contact !== undefined;
    return html`
      ${slot ? this.renderSlotSummary(slot) : nothing}
      <form part="form" class="form" novalidate @submit=${this.onSubmit}>
        ${field({
          id: 'name',
          name: 'name',
          autocomplete: 'name',
          required: true,
          label: t.name,
          error: errors.name ?? null,
          value: this.values.name,
          onInput: this.onInput,
        })}
        <p class="hint" id="contact-hint">${t.contactHint}</p>
        ${field({
          id: 'phone',
          name: 'phone',
          type: 'tel',
          autocomplete: 'tel',
          inputmode: 'tel',
          label: t.phone,
          describedBy: contactMissing ? ['contact-hint', 'contact-error'] : ['contact-hint'],
          invalid: contactMissing,
          error: errors.phone ?? null,
          value: this.values.phone,
          onInput: this.onInput,
        })}
        ${field({
          id: 'email',
          name: 'email',
          type: 'email',
          autocomplete: 'email',
          label: t.email,
          describedBy: contactMissing ? ['contact-hint', 'contact-error'] : ['contact-hint'],
          invalid: contactMissing,
          error: errors.email ?? null,
          value: this.values.email,
          onInput: this.onInput,
        })}
        ${
          errors.contact === undefined
            ? nothing
            : html`<p class="field-error" part="field-error" id="contact-error">
                ${errors.contact}
              </p>`
        }
        ${field({
          ...childAgeInput,
          id: 'age',
          required: true,
          label: t.childAge,
          error: errors.age ?? null,
          value: this.values.age,
          onInput: this.onInput,
        })}
        ${field({
          id: 'note',
          name: 'note',
          type: 'textarea',
          rows: 3,
          maxlength: maxParentNoteLength,
          label: t.note,
          hint: t.noteHint,
          error: errors.note ?? null,
          value: this.values.note,
          onInput: this.onInput,
        })}
        ${checkbox({
          id: 'consent',
          name: 'consent',
          required: true,
          label: t.consent,
          part: 'consent',
          error: errors.consent ?? null,
          checked: this.values.consent,
          onChange: this.onInput,
        })}
        <div class="actions">
          ${button({
            part: 'submit',
            type: 'submit',
            variant: 'primary',
            disabled: this.submitting,
            label: this.submitting ? t.submitting : t.submit,
          })}
          ${button({ part: 'back', label: t.chooseAnotherSlot, onClick: this.backToSlots })}
        </div>
      </form>
    `;
  }

  private renderDone(t: BookingTexts): TemplateResult {
    const created = this.created;
    if (created === null) return html``;
    const { booking } = created;
    return html`
      ${this.renderSlotSummary(booking, booking)}
      <div part="manage" class="manage">
        <p><a part="manage-link" href=${this.manageUrl(created)}>${t.manageLink}</a></p>
        <p class="hint" id="manage-hint">${t.manageHint}</p>
      </div>
      <div class="actions">
        <a
          part="calendar-link"
          class="button primary"
          href=${this.api.resolve(created.calendarUrl)}
          download=${`eduset-${booking.id}.ics`}
          >${t.addToCalendar}</a
        >
        <button
          part="cancel"
          type="button"
          class="secondary"
          ?disabled=${this.cancelling}
          @click=${this.cancel}
        >
          ${this.cancelling ? t.cancelling : t.cancelBooking}
        </button>
      </div>
    `;
  }

  private renderCancelled(t: BookingTexts): TemplateResult {
    const booking = this.cancelledBooking;
    return html`
      ${booking ? this.renderSlotSummary(booking, booking) : nothing}
      <button type="button" class="primary" @click=${this.bookAgain}>${t.bookAgain}</button>
    `;
  }
}
