import {
  bookingCreatedResponseSchema,
  parse,
  type Booking,
  type BookingCreatedResponse,
  type BookingRequestInput,
} from '@eduset/core';
import { BookingRequestError, postJson } from '../internal/booking-request.js';
import { parseBookingAnswer } from '../internal/manage-api.js';
import { SlotsApi } from '../internal/slots-api.js';
import { toJsonText } from '../internal/own.js';

export { BookingRequestError, type BookingFailureCode } from '../internal/booking-request.js';
// The schedule's and the manage page's clients are exported from their elements' modules (and
// the package's root), not from here: a lazily loaded booking module exports what this one
// does, and would load their code with them.
export { parseBookingAnswer } from '../internal/manage-api.js';
export {
  SlotsApi,
  parseBookingOptions,
  parseSlotsResponse,
  type SlotsResponse,
} from '../internal/slots-api.js';

/**
 * The answer of `POST /api/bookings` (core's `bookingCreatedResponseSchema`): the booking,
 * the secret cancel token, the address of the cancel action and `calendarUrl` — the
 * booking's iCalendar file, opened by a separate read-only calendar token (it cannot cancel,
 * and the file holds no contact), so the link is safe to hand to a calendar application.
 *
 * @example
 * ```ts
 * import type { BookingCreated } from '@eduset/widgets';
 * declare const created: BookingCreated;
 * created.booking.status;
 * ```
 */
export type BookingCreated = BookingCreatedResponse;

/**
 * Validates the answer of `POST /api/bookings` with core's `bookingCreatedResponseSchema`;
 * throws a `ValidationError` listing every problem.
 *
 * @example
 * ```ts
 * import { parseBookingCreated } from '@eduset/widgets';
 * declare const json: unknown;
 * const { booking, calendarUrl } = parseBookingCreated(json);
 * ```
 */
export function parseBookingCreated(input: unknown): BookingCreated {
  return parse(bookingCreatedResponseSchema, input);
}

/**
 * What a parent asks for when booking: the body of `POST /api/bookings`, as core's
 * `bookingRequestSchema` takes it (the one contract the server validates with).
 *
 * @example
 * ```ts
 * import type { BookingRequest } from '@eduset/widgets';
 * const request: BookingRequest = {
 *   specialistId: 'psy-smirnova', siteId: 'kp-teremok', serviceId: 'psychologist-consultation',
 *   start: '2026-05-12T06:30:00.000Z', end: '2026-05-12T07:15:00.000Z', childAge: 4,
 *   contact: { name: 'Анна', phone: '+79123456789' }, personalDataConsent: true,
 * };
 * ```
 */
export type BookingRequest = BookingRequestInput;

/**
 * A new idempotency key for one booking attempt: a random UUID (version 4). `crypto.randomUUID`
 * exists only on secure (HTTPS) pages; a municipal site may embed the widget over HTTP, where
 * `crypto.getRandomValues` still gives the randomness.
 */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** How long to wait before sending a booking again after its answer was lost, in ms. */
const retryDelayMs = 500;

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * A small typed client of the booking API under a base address (`/api`): what the booking
 * form lists (the services with their sites and specialists), free slots (from
 * {@link SlotsApi}), booking, and cancelling from the confirmation; every answer is validated
 * with core's schemas before a widget sees it. The published schedule and the network are
 * {@link ScheduleApi}'s, a booking's manage link {@link ManageApi}'s.
 *
 * @example
 * ```ts
 * import { BookingApi } from '@eduset/widgets';
 * const api = new BookingApi('/api', 'udomlya');
 * const { services } = await api.bookingOptions();
 * const { slots } = await api.slots({ serviceId: 'psychologist-consultation', from: '2026-05-11', to: '2026-05-24' });
 * ```
 */
export class BookingApi extends SlotsApi {
  /**
   * The idempotency key of each booking request whose answer did not arrive (the connection
   * failed, or the server answered 5xx), by the request's body: sending the same request
   * again is a retry of that attempt and carries the same key.
   */
  private readonly unanswered = new Map<string, string>();

  /**
   * Books a slot (`POST /bookings`); rejects with a {@link BookingRequestError}. Each booking
   * attempt carries an `Idempotency-Key` (a random UUID): when the connection fails before
   * the answer arrives — the server may have stored the booking — the request is sent once
   * more with the same key, and the server answers the booking it stored instead of refusing
   * the slot as taken. A request the parent sends again after such a failure (the same body)
   * is the same attempt and keeps its key too.
   *
   * @example
   * ```ts
   * import { BookingApi, type BookingRequest } from '@eduset/widgets';
   * declare const request: BookingRequest;
   * const { booking, calendarUrl } = await new BookingApi('/api').book(request);
   * ```
   */
  async book(request: BookingRequest, signal?: AbortSignal): Promise<BookingCreated> {
    const body = toJsonText(
      this.network === undefined ? request : { network: this.network, ...request },
    );
    const key = this.unanswered.get(body) ?? newIdempotencyKey();
    this.unanswered.set(body, key);
    const headers = { 'Idempotency-Key': key };
    try {
      let created: BookingCreated;
      try {
        created = await postJson(this.url('/bookings'), body, parseBookingCreated, signal, headers);
      } catch (error) {
        if (!(error instanceof BookingRequestError) || error.code !== 'network') throw error;
        await pause(retryDelayMs, signal);
        created = await postJson(this.url('/bookings'), body, parseBookingCreated, signal, headers);
      }
      this.unanswered.delete(body);
      return created;
    } catch (error) {
      const unanswered =
        error instanceof BookingRequestError &&
        (error.code === 'network' || error.code === 'server');
      if (!unanswered) this.unanswered.delete(body);
      throw error;
    }
  }

  /**
   * Cancels a booking with its cancel address and token; rejects with a
   * {@link BookingRequestError}.
   *
   * @example
   * ```ts
   * import { BookingApi, type BookingCreated } from '@eduset/widgets';
   * declare const created: BookingCreated;
   * const cancelled = await new BookingApi('/api').cancel(created.cancelUrl, created.cancelToken);
   * ```
   */
  cancel(cancelUrl: string, token: string, signal?: AbortSignal): Promise<Booking> {
    return postJson(this.resolve(cancelUrl), { token }, parseBookingAnswer, signal);
  }
}
