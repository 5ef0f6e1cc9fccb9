import {
  isActiveBooking,
  localize,
  type Booking,
  type LocalizedText,
  type ManagedBooking,
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
import type { EdusetSlotSelectEvent } from '../events/slot-select.js';
import { BookingRequestError, failureTexts } from '../internal/booking-request.js';
import { EdusetElement } from '../internal/eduset-element.js';
import { ManageApi } from '../internal/manage-api.js';
import { serviceName } from '../internal/network-names.js';
import { timeZoneName } from '../internal/time-zone-name.js';
import { bookingManageStyles } from './booking-manage.styles.js';
import { bookingManageTexts, type BookingManageTexts } from './booking-manage.texts.js';

/**
 * What `<eduset-booking-manage>` shows: the booking, the cancel confirmation, the choice of a
 * new time, or the move confirmation.
 *
 * @example
 * ```ts
 * import type { BookingManageMode } from '@eduset/widgets';
 * const mode: BookingManageMode = 'confirm-cancel';
 * ```
 */
export type BookingManageMode = 'view' | 'confirm-cancel' | 'move' | 'confirm-move';

/**
 * The booking and token a manage link names: `#booking=<id>&token=<token>` (the link of the
 * e-mails and of the booking's confirmation; `id` and `cancelToken` are read too, as the
 * first answer of `POST /api/bookings` named them).
 *
 * @example
 * ```ts
 * import { manageLinkOf } from '@eduset/widgets';
 * manageLinkOf('#booking=b-1&token=k3cP'); // { bookingId: 'b-1', token: 'k3cP' }
 * manageLinkOf('#nothing'); // undefined
 * ```
 */
export function manageLinkOf(
  hash: string,
): { readonly bookingId: string; readonly token: string } | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const bookingId = (params.get('booking') ?? params.get('id') ?? '').trim();
  const token = (params.get('token') ?? params.get('cancelToken') ?? '').trim();
  return bookingId === '' || token === '' ? undefined : { bookingId, token };
}

type ViewState = 'idle' | 'loading' | 'loaded' | 'error';

/**
 * `<eduset-booking-manage>` — the page a parent's manage link opens, any time and on any
 * device: it reads the booking and the token from the page address
 * (`#booking=<id>&token=<token>`; nothing is kept only in the open tab), shows the booking in
 * people's words (date and time in the site's zone, the site with its address and phone, the
 * service, the specialist's role and name, its state), and lets the parent cancel it (after a
 * confirmation step) or move it to another free time of the same specialist at the same site
 * (with `<eduset-slot-picker>`, then a confirmation step).
 *
 * It talks to the eduset server under `src-base`: `POST /bookings/:id/view`, `…/cancel`,
 * `…/move` with the token in the body (never in a URL; the answer carries the names, address,
 * phone and booking horizon it shows, so it loads neither the network nor the schedule) and
 * `GET /slots`; every answer is validated with core's schemas. Focus moves to the heading of
 * each step; results and errors are announced through live regions. Russian by default,
 * English with `lang="en"`.
 *
 * @tagname eduset-booking-manage
 * @summary A parent's booking from her link: see it, cancel it, move it.
 *
 * @attr src-base - Base address of the eduset API (e.g. `/api`).
 * @attr network - The network id sent as `network=` (optional).
 * @attr booking-id - The booking's id (read from the page address's `#booking=` when absent).
 * @attr booking-page - Address of the page with `<eduset-booking>`, linked as «Записаться снова» after a cancellation (optional).
 * @attr lang - `ru` (default) or `en`; inherited from ancestors and `<html lang>` when absent.
 *
 * @fires eduset-booking-cancelled - The parent cancelled the booking; `detail.booking`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The element's heading.
 * @csspart state - The booking's state in words.
 * @csspart summary - The booking's details.
 * @csspart actions - The move and cancel buttons.
 * @csspart step - The section of a confirmation or of the choice of a new time.
 * @csspart confirm - The button that confirms a cancel or a move.
 * @csspart picker - The `<eduset-slot-picker>` of a move.
 * @csspart errors - The assertive live region.
 *
 * @example
 * ```html
 * <script type="module" src="/widgets/eduset-widgets.js"></script>
 * <eduset-booking-manage src-base="/api" booking-page="/udomlya/"></eduset-booking-manage>
 * ```
 */
export class EdusetBookingManage extends EdusetElement {
  /** The element's shadow-DOM styles. */
  static override styles = bookingManageStyles;

  static override properties: PropertyDeclarations = {
    srcBase: { type: String, attribute: 'src-base' },
    network: { type: String },
    bookingId: { type: String, attribute: 'booking-id' },
    token: { attribute: false },
    bookingPage: { type: String, attribute: 'booking-page' },
    managed: { state: true },
    viewState: { state: true },
    viewError: { state: true },
    mode: { state: true },
    chosen: { state: true },
    busy: { state: true },
    requestError: { state: true },
    done: { state: true },
    announcement: { state: true },
  };

  /** Base address of the API (`/api`). */
  declare srcBase: string | null;
  /** The network id sent with every request, or `null`. */
  declare network: string | null;
  /** The booking's id (from the page address when not set). */
  declare bookingId: string | null;
  /** The token of the manage link (from the page address when not set; never an attribute). */
  declare token: string | null;
  /** The page to book again on, or `null`. */
  declare bookingPage: string | null;
  /** The booking, its site's zone and what the page shows of it, once read. */
  declare managed: ManagedBooking | null;
  declare private viewState: ViewState;
  declare private viewError: LocalizedText | null;
  /** What is shown now. */
  declare mode: BookingManageMode;
  declare private chosen: Slot | null;
  declare private busy: boolean;
  declare private requestError: BookingRequestError | null;
  /** What the parent just did (a cancel or a move), said above the booking. */
  declare private done: string | null;
  declare private announcement: string;

  private viewController: AbortController | undefined;
  private pendingFocus: string | null = null;
  /** The link was read from the page address (and follows its changes). */
  private fromAddress = false;
  private readonly onHashChange = (): void => {
    if (!this.fromAddress) return;
    this.readAddress();
  };

  constructor() {
    super();
    this.srcBase = null;
    this.network = null;
    this.bookingId = null;
    this.token = null;
    this.bookingPage = null;
    this.managed = null;
    this.viewState = 'idle';
    this.viewError = null;
    this.mode = 'view';
    this.chosen = null;
    this.busy = false;
    this.requestError = null;
    this.done = null;
    this.announcement = '';
  }

  private get texts(): BookingManageTexts {
    return bookingManageTexts[this.language];
  }

  private get api(): ManageApi {
    return new ManageApi(this.srcBase ?? '', this.network);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    if (this.bookingId === null && this.token === null) {
      this.fromAddress = true;
      this.readAddress();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    this.viewController?.abort();
  }

  private readAddress(): void {
    const link = manageLinkOf(location.hash);
    this.bookingId = link?.bookingId ?? null;
    this.token = link?.token ?? null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      (changed.has('srcBase') ||
        changed.has('network') ||
        changed.has('bookingId') ||
        changed.has('token')) &&
      this.srcBase
    ) {
      this.mode = 'view';
      this.done = null;
      this.requestError = null;
      this.read();
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
   * Reads the booking again from the server.
   *
   * @example
   * ```ts
   * document.querySelector('eduset-booking-manage')?.reload();
   * ```
   */
  reload(): void {
    this.read();
  }

  private read(): void {
    this.viewController?.abort();
    const { bookingId, token } = this;
    if (!bookingId || !token || !this.srcBase) {
      this.managed = null;
      this.viewState = 'error';
      this.viewError = { ru: bookingManageTexts.ru.noLink, en: bookingManageTexts.en.noLink };
      return;
    }
    const controller = new AbortController();
    this.viewController = controller;
    this.viewState = 'loading';
    this.viewError = null;
    this.api.view(bookingId, token, controller.signal).then(
      (managed) => {
        if (controller.signal.aborted) return;
        this.managed = managed;
        this.viewState = 'loaded';
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        this.managed = null;
        this.viewState = 'error';
        this.viewError =
          error instanceof BookingRequestError && error.code === 'not-found'
            ? { ru: bookingManageTexts.ru.notFound, en: bookingManageTexts.en.notFound }
            : error instanceof BookingRequestError
              ? error.text
              : { ru: bookingManageTexts.ru.loadFailed, en: bookingManageTexts.en.loadFailed };
      },
    );
  }

  // ---- words -----------------------------------------------------------------------------

  private locale(): string {
    return this.language === 'en' ? 'en-GB' : 'ru-RU';
  }

  /** «вторник, 1 декабря 2026 г., 09:00–09:45» in the site's zone. */
  private when(times: Pick<Booking, 'start' | 'end'>, timeZone: string): string {
    const date = new Intl.DateTimeFormat(this.locale(), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone,
    }).format(new Date(times.start));
    const time = (at: string) =>
      new Intl.DateTimeFormat(this.locale(), {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
      }).format(new Date(at));
    return `${date}, ${time(times.start)}–${time(times.end)}`;
  }

  private specialistText(details: ManagedBooking['details']): string {
    const specialist = details.specialist;
    if (specialist === undefined) return '';
    const role = localize(specialist.role, this.language);
    return `${role.charAt(0).toUpperCase()}${role.slice(1)} — ${specialist.name}`;
  }

  /** The booking may still be changed by the parent: active and not started. */
  private changeable(booking: Booking): boolean {
    return isActiveBooking(booking) && Date.parse(booking.start) > Date.now();
  }

  private stateText(booking: Booking, t: BookingManageTexts): string {
    switch (booking.status) {
      case 'cancelled-by-parent':
        return t.statusCancelledByParent;
      case 'cancelled-by-site':
        return t.statusCancelledBySite;
      case 'attended':
        return t.statusAttended;
      case 'no-show':
        return t.statusNoShow;
      default:
        return Date.parse(booking.end) <= Date.now() ? t.statusPast : t.statusActive;
    }
  }

  // ---- actions ---------------------------------------------------------------------------

  private goTo(mode: BookingManageMode, announcement: string): void {
    this.mode = mode;
    this.requestError = null;
    this.announcement = announcement;
    this.pendingFocus = mode === 'view' ? '#state' : '#step-heading';
  }

  private startCancel(): void {
    this.done = null;
    this.goTo('confirm-cancel', this.texts.confirmCancelTitle);
  }

  private startMove(): void {
    this.done = null;
    this.chosen = null;
    this.goTo('move', this.texts.moveTitle);
  }

  private backToView(): void {
    this.chosen = null;
    this.goTo('view', '');
  }

  private onSlotSelect(event: EdusetSlotSelectEvent): void {
    this.chosen = event.detail.slot;
    this.goTo('confirm-move', this.texts.confirmMoveTitle);
  }

  private failure(error: unknown): BookingRequestError {
    return error instanceof BookingRequestError
      ? error
      : new BookingRequestError('network', failureTexts.network);
  }

  private confirmCancel(): void {
    const { bookingId, token, managed } = this;
    if (!bookingId || !token || managed === null || this.busy) return;
    this.busy = true;
    this.announcement = this.texts.cancelling;
    this.api.cancelWithToken(bookingId, token).then(
      (booking) => {
        this.busy = false;
        this.managed = { ...managed, booking };
        this.done = this.texts.cancelled;
        this.goTo('view', this.texts.cancelled);
        this.dispatchEvent(new EdusetBookingCancelledEvent({ booking }));
      },
      (error: unknown) => {
        this.busy = false;
        this.requestError = this.failure(error);
        this.announcement = '';
        if (this.requestError.code === 'not-active' || this.requestError.code === 'changed') {
          this.read();
        }
      },
    );
  }

  private confirmMove(): void {
    const { bookingId, token, managed, chosen } = this;
    if (!bookingId || !token || managed === null || chosen === null || this.busy) return;
    this.busy = true;
    this.announcement = this.texts.moving;
    this.api.move(bookingId, token, chosen).then(
      (moved) => {
        this.busy = false;
        this.managed = moved;
        this.chosen = null;
        this.done = this.texts.moved(this.when(moved.booking, moved.timeZone));
        this.goTo('view', this.done);
      },
      (error: unknown) => {
        this.busy = false;
        const failure = this.failure(error);
        if (failure.slotTaken) {
          // The time is gone: choose again among fresh free times.
          this.chosen = null;
          this.goTo('move', failure.text[this.language]);
          this.requestError = failure;
          return;
        }
        this.requestError = failure;
        this.announcement = '';
        if (failure.code === 'not-active' || failure.code === 'changed') {
          this.mode = 'view';
          this.read();
        }
      },
    );
  }

  // ---- rendering -------------------------------------------------------------------------

  override render(): TemplateResult {
    const t = this.texts;
    const loading = this.viewState === 'loading';
    return html`
      <section
        part="base"
        class="manage"
        aria-labelledby="title"
        aria-busy=${loading ? 'true' : 'false'}
      >
        <h2 part="title" id="title" class="title">${t.title}</h2>
        <div class="visually-hidden" aria-live="polite">
          ${loading ? t.loading : this.announcement}
        </div>
        <div part="errors" class="errors" aria-live="assertive">
          ${
            this.requestError
              ? html`<div class="error">
                  <p>${localize(this.requestError.text, this.language)}</p>
                </div>`
              : nothing
          }
        </div>
        ${loading ? html`<p class="loading">${t.loading}</p>` : nothing}
        ${this.viewState === 'error' ? this.renderViewError(t) : nothing}
        ${this.viewState === 'loaded' && this.managed !== null && !loading ? this.renderBooking(this.managed, t) : nothing}
      </section>
    `;
  }

  private renderViewError(t: BookingManageTexts): TemplateResult {
    const retryable = this.bookingId !== null && this.token !== null;
    return html`<div class="error" role="alert">
        <p>${localize(this.viewError ?? { ru: t.loadFailed, en: t.loadFailed }, this.language)}</p>
      </div>
      ${
        retryable
          ? html`<button type="button" class="secondary" @click=${this.reload}>${t.retry}</button>`
          : nothing
      }`;
  }

  private renderBooking(managed: ManagedBooking, t: BookingManageTexts): TemplateResult {
    const { booking, timeZone, details } = managed;
    const { service, site } = details;
    const last = booking.history.at(-1);
    const movedBySite =
      isActiveBooking(booking) && last?.previous !== undefined && last.by === 'site';
    const cancelReason =
      booking.status === 'cancelled-by-site' && last?.reason !== undefined
        ? last.reason
        : undefined;
    const state = this.stateText(booking, t);
    return html`
      <p
        part="state"
        id="state"
        class=${`state ${isActiveBooking(booking) ? 'active' : 'closed'}`}
        tabindex="-1"
      >
        ${state}
      </p>
      ${this.done ? html`<p class="done">${this.done}</p>` : nothing}
      ${cancelReason !== undefined ? html`<p>${t.reason(cancelReason)}</p>` : nothing}
      ${movedBySite ? html`<p>${t.movedBySite(last?.reason)}</p>` : nothing}
      <dl part="summary" class="summary">
        <div>
          <dt>${t.when}</dt>
          <dd data-start=${booking.start}>${this.when(booking, timeZone)}</dd>
        </div>
        <div>
          <dt>${t.service}</dt>
          <dd>${service === undefined ? '' : serviceName(service, this.language)}</dd>
        </div>
        <div>
          <dt>${t.specialist}</dt>
          <dd>${this.specialistText(details)}</dd>
        </div>
        <div>
          <dt>${t.site}</dt>
          <dd>${site?.name ?? ''}</dd>
        </div>
        ${
          site?.address
            ? html`<div>
                <dt>${t.address}</dt>
                <dd>${site.address}</dd>
              </div>`
            : nothing
        }
        ${
          site?.phone
            ? html`<div>
                <dt>${t.phone}</dt>
                <dd><a href=${`tel:${site.phone.replace(/[^\d+]/g, '')}`}>${site.phone}</a></dd>
              </div>`
            : nothing
        }
      </dl>
      <p class="hint">${t.timeZoneNote(timeZoneName(timeZone, this.language))}</p>
      ${this.renderMode(managed, t)}
    `;
  }

  private renderMode(managed: ManagedBooking, t: BookingManageTexts): TemplateResult {
    const { booking, timeZone } = managed;
    if (!this.changeable(booking)) {
      const cancelled =
        booking.status === 'cancelled-by-parent' || booking.status === 'cancelled-by-site';
      return cancelled && this.bookingPage
        ? html`<p><a class="button primary" href=${this.bookingPage}>${t.bookAgain}</a></p>`
        : html``;
    }
    switch (this.mode) {
      case 'confirm-cancel':
        return html`<section part="step" class="step" aria-labelledby="step-heading">
          <h3 id="step-heading" tabindex="-1">${t.confirmCancelTitle}</h3>
          <p>${t.confirmCancelText(this.when(booking, timeZone))}</p>
          <div class="actions">
            <button
              part="confirm"
              type="button"
              class="danger"
              ?disabled=${this.busy}
              @click=${this.confirmCancel}
            >
              ${this.busy ? t.cancelling : t.confirmCancel}
            </button>
            <button
              type="button"
              class="secondary"
              ?disabled=${this.busy}
              @click=${this.backToView}
            >
              ${t.keep}
            </button>
          </div>
        </section>`;
      case 'move':
        return html`<section part="step" class="step" aria-labelledby="step-heading">
          <h3 id="step-heading" tabindex="-1">${t.moveTitle}</h3>
          <p class="hint">${t.moveHint}</p>
          <eduset-slot-picker
            part="picker"
            exportparts="views, first-free, grid, day, day-heading, slot, period-nav, month, month-day, month-nav"
            .srcBase=${this.srcBase}
            .network=${this.network}
            .service=${booking.serviceId}
            .site=${booking.siteId}
            .specialist=${booking.specialistId}
            .childAge=${booking.childAge}
            .horizonDays=${managed.details.horizonDays ?? null}
            .timeZone=${timeZone}
            @eduset-slot-select=${this.onSlotSelect}
          ></eduset-slot-picker>
          <button type="button" class="secondary" @click=${this.backToView}>${t.stopMoving}</button>
        </section>`;
      case 'confirm-move': {
        const chosen = this.chosen;
        if (chosen === null) return html``;
        return html`<section part="step" class="step" aria-labelledby="step-heading">
          <h3 id="step-heading" tabindex="-1">${t.confirmMoveTitle}</h3>
          <p>${t.confirmMoveText(this.when(booking, timeZone), this.when(chosen, timeZone))}</p>
          <div class="actions">
            <button
              part="confirm"
              type="button"
              class="primary"
              ?disabled=${this.busy}
              @click=${this.confirmMove}
            >
              ${this.busy ? t.moving : t.confirmMove}
            </button>
            <button
              type="button"
              class="secondary"
              ?disabled=${this.busy}
              @click=${() => this.goTo('move', t.moveTitle)}
            >
              ${t.chooseAnother}
            </button>
          </div>
        </section>`;
      }
      default:
        return html`<div part="actions" class="actions">
            <button type="button" class="primary" @click=${this.startMove}>${t.move}</button>
            <button type="button" class="danger-outline" @click=${this.startCancel}>
              ${t.cancel}
            </button>
          </div>
          <p class="hint">${t.keepLink}</p>`;
    }
  }
}
