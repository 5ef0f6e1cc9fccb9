import { ValidationError, type LocalizedText, type ValidationIssue } from '@eduset/core';
import { unreachableText } from './fetch-json.js';
import { toJsonText } from './own.js';

// The request plumbing of the booking API — posting, reading the server's refusals, the
// failure texts — shared by `ManageApi` (view, cancel, move with the manage link's token) and
// `BookingApi` (booking), so that each request is written once.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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

/** What each failure says when the server gives no words of its own. */
export const failureTexts: Readonly<Record<BookingFailureCode, LocalizedText>> = {
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
  network: unreachableText,
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

/**
 * Posts JSON to the booking API and validates the answer with `schema`; rejects with a
 * {@link BookingRequestError} (the server's refusal, no connection, or an answer that fails
 * validation) or, when `signal` aborts, with its reason.
 */
export async function postJson<T>(
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
