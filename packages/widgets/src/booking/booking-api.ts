import {
  bookingAnswerSchema,
  bookingCreatedResponseSchema,
  managedBookingSchema,
  parse,
  ValidationError,
  type Booking,
  type BookingCreatedResponse,
  type BookingRequestInput,
  type LocalizedText,
  type ManagedBooking,
  type ValidationIssue,
} from '@eduset/core';
import { ScheduleApi } from '../internal/schedule-api.js';
import { toJsonText } from '../internal/own.js';

export { ScheduleApi } from '../internal/schedule-api.js';
export { SlotsApi, parseSlotsResponse, type SlotsResponse } from '../internal/slots-api.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
 * Validates the answer of `POST /api/bookings/:id/cancel` (`{ booking }`, core's
 * `bookingAnswerSchema`) and returns the booking.
 *
 * @example
 * ```ts
 * import { parseBookingAnswer } from '@eduset/widgets';
 * declare const json: unknown;
 * parseBookingAnswer(json).status; // 'cancelled-by-parent'
 * ```
 */
export function parseBookingAnswer(input: unknown): Booking {
  return parse(bookingAnswerSchema, input).booking;
}

/**
 * Validates the answer of `POST /api/bookings/:id/view` and `…/move` (`{ booking, timeZone }`,
 * core's `managedBookingSchema`).
 *
 * @example
 * ```ts
 * import { parseManagedBooking } from '@eduset/widgets';
 * declare const json: unknown;
 * parseManagedBooking(json).timeZone; // 'Europe/Moscow'
 * ```
 */
export function parseManagedBooking(input: unknown): ManagedBooking {
  return parse(managedBookingSchema, input);
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
 * Why a booking request failed: the slot was taken (`no-seats`, `overlap`,
 * `slot-unavailable` — also for the specialist's day or week being full, or the time being
 * too close to another consultation), the parent already holds as many bookings of the
 * service as allowed (`contact-limit`), the input was refused (`invalid`), too many requests
 * (`rate-limited`), the server could not be reached (`network`), or another server error
 * (`server`).
 *
 * @example
 * ```ts
 * import type { BookingFailureCode } from '@eduset/widgets';
 * const code: BookingFailureCode = 'no-seats';
 * ```
 */
export type BookingFailureCode =
  | 'no-seats'
  | 'overlap'
  | 'slot-unavailable'
  | 'contact-limit'
  | 'invalid'
  | 'rate-limited'
  | 'not-found'
  | 'started'
  | 'not-active'
  | 'changed'
  | 'network'
  | 'server'
  | 'awaiting-email-confirmation';

/**
 * A failed booking or cancel request, with a Russian and English message to show and the
 * issues the server listed (for `invalid`).
 *
 * @example
 * ```ts
 * import { BookingRequestError } from '@eduset/widgets';
 * const error = new BookingRequestError('no-seats', { ru: 'Мест нет', en: 'No seats left' });
 * error.slotTaken; // true
 * ```
 */
export class BookingRequestError extends Error {
  /** What went wrong. */
  readonly code: BookingFailureCode;
  /** The message in Russian and English. */
  readonly text: LocalizedText;
  /** The issues the server listed, for `invalid`. */
  readonly issues: readonly ValidationIssue[];

  constructor(
    code: BookingFailureCode,
    text: LocalizedText,
    issues: readonly ValidationIssue[] = [],
  ) {
    super(`${text.ru} / ${text.en}`);
    this.name = 'BookingRequestError';
    this.code = code;
    this.text = text;
    this.issues = issues;
  }

  /** Whether the slot is gone and the parent must choose another one. */
  get slotTaken(): boolean {
    return this.code === 'no-seats' || this.code === 'overlap' || this.code === 'slot-unavailable';
  }
}

const failureTexts: Readonly<Record<BookingFailureCode, LocalizedText>> = {
  'no-seats': {
    ru: 'На это время мест больше нет. Выберите другое время.',
    en: 'No seats are left at this time. Please choose another time.',
  },
  overlap: {
    ru: 'Это время только что заняли. Выберите другое время.',
    en: 'This time has just been taken. Please choose another time.',
  },
  'slot-unavailable': {
    ru: 'Это время больше недоступно для записи. Выберите другое время.',
    en: 'This time can no longer be booked. Please choose another time.',
  },
  'contact-limit': {
    ru: 'С этим телефоном или адресом почты уже есть столько записей на эту услугу, сколько можно сразу. Отмените ненужную запись или дождитесь прошедшей консультации.',
    en: 'This phone or e-mail already holds as many bookings of this service as allowed at once. Cancel one you do not need or wait until one has taken place.',
  },
  invalid: {
    ru: 'Сервер не принял данные записи.',
    en: 'The server did not accept the booking data.',
  },
  'rate-limited': {
    ru: 'Слишком много запросов. Подождите минуту и попробуйте снова.',
    en: 'Too many requests. Please wait a minute and try again.',
  },
  'not-found': {
    ru: 'Запись не найдена или ссылка для отмены неверна.',
    en: 'The booking was not found or the cancel link is wrong.',
  },
  started: {
    ru: 'Консультация уже началась или прошла: изменить запись нельзя.',
    en: 'The consultation has already started or is over: the booking cannot be changed.',
  },
  'not-active': {
    ru: 'Запись уже отменена или прошла: изменить её нельзя.',
    en: 'The booking is already cancelled or over: it cannot be changed.',
  },
  changed: {
    ru: 'Запись только что изменилась. Мы показали её заново — проверьте и повторите.',
    en: 'The booking has just changed. It is shown again: check it and try again.',
  },
  network: {
    ru: 'Не удалось связаться с сервером. Проверьте подключение и попробуйте ещё раз.',
    en: 'Could not reach the server. Check the connection and try again.',
  },
  server: {
    ru: 'Сервер ответил ошибкой. Попробуйте позже.',
    en: 'The server answered with an error. Please try again later.',
  },
  'awaiting-email-confirmation': {
    ru: 'Запись ещё не создана: подтвердите её по ссылке из письма, которое мы отправили на вашу почту.',
    en: 'The booking is not made yet: confirm it with the link in the e-mail we sent you.',
  },
};

function localizedText(value: unknown): LocalizedText | undefined {
  if (!isRecord(value)) return undefined;
  const { ru, en } = value;
  return typeof ru === 'string' && typeof en === 'string' ? { ru, en } : undefined;
}

function serverIssues(value: unknown): ValidationIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (!isRecord(entry)) return [];
    const message = localizedText(entry['message']);
    if (message === undefined) return [];
    const path = Array.isArray(entry['path'])
      ? entry['path'].filter(
          (part: unknown): part is string | number =>
            typeof part === 'string' || typeof part === 'number',
        )
      : [];
    const code = typeof entry['code'] === 'string' ? entry['code'] : 'custom';
    return [{ path, code, message }];
  });
}

async function failureOf(response: Response): Promise<BookingRequestError> {
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body['error']) ? body['error'] : {};
  const serverCode = typeof error['code'] === 'string' ? error['code'] : '';
  const message = localizedText(error['message']);
  const issues = serverIssues(error['issues']);
  let code: BookingFailureCode;
  let slotReason = false;
  if (response.status === 409) {
    if (
      serverCode === 'no-seats' ||
      serverCode === 'overlap' ||
      serverCode === 'slot-unavailable' ||
      serverCode === 'contact-limit' ||
      serverCode === 'started' ||
      serverCode === 'changed'
    ) {
      code = serverCode;
    } else if (serverCode === 'illegal-transition') {
      code = 'not-active';
    } else {
      // The day or week is full, the time too close to another, the schedule just changed:
      // the slot cannot be had; the server's words say why.
      code = 'slot-unavailable';
      slotReason = message !== undefined;
    }
  } else if (response.status === 429) {
    code = 'rate-limited';
  } else if (response.status === 404) {
    code = 'not-found';
  } else if (response.status === 400 || response.status === 413 || response.status === 422) {
    code = 'invalid';
  } else {
    code = 'server';
  }
  const fallback = failureTexts[code];
  // Slot conflicts and rate limits read best in our words; the server's message adds detail.
  return new BookingRequestError(
    code,
    code === 'invalid' || slotReason ? (message ?? fallback) : fallback,
    issues,
  );
}

/** The 202 answer of a booking waiting for the parent's e-mail confirmation, as a message. */
async function awaitingOf(response: Response): Promise<BookingRequestError> {
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined;
  }
  const message = isRecord(body) ? localizedText(body['message']) : undefined;
  return new BookingRequestError(
    'awaiting-email-confirmation',
    message ?? failureTexts['awaiting-email-confirmation'],
  );
}

async function postJson<T>(
  url: string,
  body: unknown,
  schema: (input: unknown) => T,
  signal: AbortSignal | undefined,
  headers: Readonly<Record<string, string>> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : toJsonText(body),
      ...(signal ? { signal } : {}),
    });
  } catch {
    if (signal?.aborted) throw signal.reason;
    throw new BookingRequestError('network', failureTexts.network, []);
  }
  if (!response.ok) throw await failureOf(response);
  // With e-mail confirmation on, a booking waits for the link in the parent's e-mail (202).
  if (response.status === 202) throw await awaitingOf(response);
  let json: unknown;
  try {
    json = JSON.parse(await response.text());
    return schema(json);
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    const issues = cause instanceof ValidationError ? cause.issues : [];
    throw new BookingRequestError(
      'server',
      {
        ru: 'Сервер прислал неверный ответ.',
        en: 'The server sent an invalid answer.',
      },
      issues,
    );
  }
}

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
 * A small typed client of the booking API under a base address (`/api`): what
 * {@link ScheduleApi} reads (the schedule, the network, free slots) plus booking, cancelling
 * and moving; every answer is validated with core's schemas before a widget sees it.
 *
 * @example
 * ```ts
 * import { BookingApi } from '@eduset/widgets';
 * const api = new BookingApi('/api', 'udomlya');
 * const schedule = await api.schedule();
 * const { slots } = await api.slots({ serviceId: 'psychologist-consultation', from: '2026-05-11', to: '2026-05-24' });
 * ```
 */
export class BookingApi extends ScheduleApi {
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

  /** `/bookings/:id/<action>` under the base, with the network when one is set. */
  private bookingUrl(bookingId: string, action: string): string {
    return this.url(`/bookings/${encodeURIComponent(bookingId)}/${action}`);
  }

  /**
   * Reads a booking with the token of its manage link (`POST /bookings/:id/view`, the token in
   * the body): the booking and its site's time zone; rejects with a {@link BookingRequestError}
   * (`not-found` for an unknown booking or a wrong token alike).
   *
   * @example
   * ```ts
   * import { BookingApi } from '@eduset/widgets';
   * const { booking, timeZone } = await new BookingApi('/api').view('b-1', 'k3cP…');
   * ```
   */
  view(bookingId: string, token: string, signal?: AbortSignal): Promise<ManagedBooking> {
    return postJson(this.bookingUrl(bookingId, 'view'), { token }, parseManagedBooking, signal);
  }

  /**
   * Cancels a booking with the token of its manage link (`POST /bookings/:id/cancel`).
   *
   * @example
   * ```ts
   * import { BookingApi } from '@eduset/widgets';
   * const booking = await new BookingApi('/api').cancelWithToken('b-1', 'k3cP…');
   * booking.status; // 'cancelled-by-parent'
   * ```
   */
  cancelWithToken(bookingId: string, token: string, signal?: AbortSignal): Promise<Booking> {
    return postJson(this.bookingUrl(bookingId, 'cancel'), { token }, parseBookingAnswer, signal);
  }

  /**
   * Moves a booking to another free time of the same specialist, site and service
   * (`POST /bookings/:id/move`); rejects with a {@link BookingRequestError} (`slot-unavailable`,
   * `overlap`, `no-seats` when the time is gone).
   *
   * @example
   * ```ts
   * import { BookingApi } from '@eduset/widgets';
   * import type { Slot } from '@eduset/core';
   * declare const slot: Slot;
   * const { booking } = await new BookingApi('/api').move('b-1', 'k3cP…', slot);
   * ```
   */
  move(
    bookingId: string,
    token: string,
    time: { readonly start: string; readonly end: string },
    signal?: AbortSignal,
  ): Promise<ManagedBooking> {
    return postJson(
      this.bookingUrl(bookingId, 'move'),
      { token, start: time.start, end: time.end },
      parseManagedBooking,
      signal,
    );
  }
}
