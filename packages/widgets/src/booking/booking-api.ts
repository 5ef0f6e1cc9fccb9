import {
  bookingAnswerSchema,
  bookingCreatedResponseSchema,
  createNetwork,
  createNetworkSchedule,
  parse,
  slotsResponseSchema,
  ValidationError,
  type Booking,
  type BookingCreatedResponse,
  type BookingRequestInput,
  type LocalizedText,
  type Network,
  type NetworkSchedule,
  type SlotsResponse as CoreSlotsResponse,
  type ValidationIssue,
} from '@eduset/core';
import { fetchJson } from '../internal/fetch-json.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The answer of `GET /api/slots` (core's `slotsResponseSchema`): the zone the server worked
 * in and the free slots (start and end are UTC instants).
 *
 * @example
 * ```ts
 * import type { SlotsResponse } from '@eduset/widgets';
 * const answer: SlotsResponse = { timeZone: 'Europe/Moscow', slots: [] };
 * ```
 */
export type SlotsResponse = CoreSlotsResponse;

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
 * Validates the answer of `GET /api/slots` with core's `slotsResponseSchema` (the contract
 * the server declares); throws a `ValidationError` listing every problem.
 *
 * @example
 * ```ts
 * import { parseSlotsResponse } from '@eduset/widgets';
 * parseSlotsResponse({ timeZone: 'Europe/Moscow', slots: [] }).slots.length; // 0
 * ```
 */
export function parseSlotsResponse(input: unknown): SlotsResponse {
  return parse(slotsResponseSchema, input);
}

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
 * `slot-unavailable`), the input was refused (`invalid`), too many requests (`rate-limited`),
 * the server could not be reached (`network`), or another server error (`server`).
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
  | 'invalid'
  | 'rate-limited'
  | 'not-found'
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
  if (response.status === 409) {
    code =
      serverCode === 'no-seats' || serverCode === 'overlap' || serverCode === 'slot-unavailable'
        ? serverCode
        : 'slot-unavailable';
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
    code === 'invalid' ? (message ?? fallback) : fallback,
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
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
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
 * A small typed client of the booking API under a base address (`/api`): every answer is
 * validated with core's schemas before a widget sees it.
 *
 * @example
 * ```ts
 * import { BookingApi } from '@eduset/widgets';
 * const api = new BookingApi('/api', 'udomlya');
 * const schedule = await api.schedule();
 * const { slots } = await api.slots({ serviceId: 'psychologist-consultation', from: '2026-05-11', to: '2026-05-24' });
 * ```
 */
export class BookingApi {
  /** The base address, without a trailing slash. */
  readonly base: string;
  /** The network id sent with every request, if any. */
  readonly network: string | undefined;

  constructor(base: string, network?: string | null) {
    this.base = base.replace(/\/+$/, '');
    this.network =
      network === null || network === undefined || network === '' ? undefined : network;
  }

  private url(path: string, query: Record<string, string | number | undefined> = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    if (this.network !== undefined) params.set('network', this.network);
    const search = params.toString();
    return `${this.base}${path}${search === '' ? '' : `?${search}`}`;
  }

  /**
   * Resolves an address the server returned (`/api/bookings/…`) against the base's origin,
   * so that a widget embedded on another site links to the API's server.
   *
   * @example
   * ```ts
   * import { BookingApi } from '@eduset/widgets';
   * new BookingApi('https://edu.example/api').resolve('/api/bookings/b1.ics');
   * // 'https://edu.example/api/bookings/b1.ics'
   * ```
   */
  resolve(path: string): string {
    return new URL(path, new URL(this.base + '/', document.baseURI)).href;
  }

  /**
   * Loads the published schedule (`GET /schedule`).
   *
   * @example
   * ```ts
   * import { BookingApi } from '@eduset/widgets';
   * const schedule = await new BookingApi('/api').schedule();
   * ```
   */
  schedule(signal?: AbortSignal): Promise<NetworkSchedule> {
    return fetchJson(this.url('/schedule'), createNetworkSchedule, signal ? { signal } : {});
  }

  /**
   * Loads the network (`GET /network`): names of services, sites and specialists.
   *
   * @example
   * ```ts
   * import { BookingApi } from '@eduset/widgets';
   * const network = await new BookingApi('/api').networkData();
   * ```
   */
  networkData(signal?: AbortSignal): Promise<Network> {
    return fetchJson(this.url('/network'), createNetwork, signal ? { signal } : {});
  }

  /**
   * Loads free slots (`GET /slots`); `from` and `to` are civil dates, at most 31 days apart.
   *
   * @example
   * ```ts
   * import { BookingApi } from '@eduset/widgets';
   * await new BookingApi('/api').slots({ serviceId: 'lekoteka-play-sessions', from: '2026-05-11', to: '2026-05-17' });
   * ```
   */
  slots(
    query: {
      readonly serviceId: string;
      readonly from: string;
      readonly to: string;
      readonly siteId?: string | undefined;
      readonly specialistId?: string | undefined;
      readonly childAge?: number | undefined;
    },
    signal?: AbortSignal,
  ): Promise<SlotsResponse> {
    return fetchJson(
      this.url('/slots', { ...query }),
      { parse: parseSlotsResponse },
      signal ? { signal } : {},
    );
  }

  /**
   * Books a slot (`POST /bookings`); rejects with a {@link BookingRequestError}.
   *
   * @example
   * ```ts
   * import { BookingApi, type BookingRequest } from '@eduset/widgets';
   * declare const request: BookingRequest;
   * const { booking, calendarUrl } = await new BookingApi('/api').book(request);
   * ```
   */
  book(request: BookingRequest, signal?: AbortSignal): Promise<BookingCreated> {
    const body = this.network === undefined ? request : { network: this.network, ...request };
    return postJson(this.url('/bookings'), body, parseBookingCreated, signal);
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
