import { ValidationError, type LocalizedText, type ValidationIssue } from '@eduset/core';
import { unreachableText } from './fetch-json.js';

/**
 * What an eduset error answer (`{ error: { code, message, issues? } }`) says, read
 * defensively: the server's code and its Russian and English message, with the issues of a
 * refused form; a generic message with the status when the body is not one.
 *
 * @example
 * ```ts
 * import { errorAnswer } from './staff-transport.js';
 * errorAnswer(409, { error: { code: 'month-closed', message: { ru: 'Закрыт', en: 'Closed' } } }).code; // 'month-closed'
 * ```
 */
export interface ErrorAnswer {
  readonly code: string;
  readonly text: LocalizedText;
  readonly issues: readonly ValidationIssue[];
}

/** The request could not be sent, or its answer was not what the schema expects. */
export type TransportFailure = 'network' | 'invalid-answer';

/** The Russian and English message when an answer did not pass its schema. */
export const invalidAnswerText: LocalizedText = {
  ru: 'Данные с сервера не прошли проверку.',
  en: 'The data from the server did not pass validation.',
};

/**
 * Whether a value is a plain JSON object (not `null`, not an array).
 *
 * @example
 * ```ts
 * import { isRecord } from './staff-transport.js';
 * isRecord({ a: 1 }); // true
 * ```
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads an eduset error answer (see {@link ErrorAnswer}).
 *
 * @example
 * ```ts
 * import { errorAnswer } from './staff-transport.js';
 * errorAnswer(502, undefined).code; // 'server'
 * ```
 */
export function errorAnswer(status: number, body: unknown): ErrorAnswer {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const message = error !== undefined && isRecord(error.message) ? error.message : undefined;
  if (typeof message?.ru === 'string' && typeof message.en === 'string') {
    const issues = (Array.isArray(error?.issues) ? error.issues : []).filter(
      (issue: unknown): issue is ValidationIssue =>
        isRecord(issue) &&
        isRecord(issue.message) &&
        typeof issue.message.ru === 'string' &&
        typeof issue.message.en === 'string',
    );
    return {
      code: typeof error?.code === 'string' ? error.code : 'server',
      text: { ru: message.ru, en: message.en },
      issues,
    };
  }
  return {
    code: 'server',
    text: {
      ru: `Сервер ответил ошибкой ${String(status)}. Попробуйте позже.`,
      en: `The server answered with error ${String(status)}. Please try again later.`,
    },
    issues: [],
  };
}

/**
 * How a staff client turns what went wrong into its own error class.
 *
 * @example
 * ```ts
 * import type { TransportErrors } from './staff-transport.js';
 * const errors: TransportErrors<Error> = {
 *   refused: (status, answer) => new Error(`${status} ${answer.code}`),
 *   failed: (status, failure, text) => new Error(`${failure}: ${text.en}`),
 * };
 * ```
 */
export interface TransportErrors<E extends Error> {
  /** The server refused (its status and what its error answer says). */
  readonly refused: (status: number, answer: ErrorAnswer) => E;
  /** No answer (`network`, status 0), or an answer its schema refused. */
  readonly failed: (status: number, failure: TransportFailure, text: LocalizedText) => E;
}

/**
 * The transport every staff element's client shares: JSON reads validated with a core
 * schema, and changes sent with the signed-in session's CSRF token (read once from
 * `GET {base}/auth/csrf`, read again and the change sent once more when the server says it
 * was stale). Every failure becomes the client's own error with a Russian and English message.
 *
 * @example
 * ```ts
 * import { StaffTransport } from './staff-transport.js';
 * const transport = new StaffTransport('/api', {
 *   refused: (status, answer) => new Error(answer.text.en),
 *   failed: (status, failure, text) => new Error(text.en),
 * });
 * await transport.send('POST', '/payer/months/2026-09/close', {});
 * ```
 */
export class StaffTransport<E extends Error & { readonly code: string }> {
  /** The API's base address without a trailing slash, e.g. `/api`. */
  readonly base: string;
  private readonly errors: TransportErrors<E>;
  private csrfToken: Promise<string> | undefined;

  constructor(srcBase: string, errors: TransportErrors<E>) {
    this.base = srcBase.replace(/\/+$/, '');
    this.errors = errors;
  }

  /** The full address of an API path. */
  url(path: string): string {
    return `${this.base}${path}`;
  }

  /** Reads JSON and validates it; a refusal or an invalid answer is the client's error. */
  async get<T>(path: string, validate: (input: unknown) => T, signal?: AbortSignal): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.url(path), {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
        ...(signal === undefined ? {} : { signal }),
      });
    } catch {
      if (signal?.aborted) throw signal.reason;
      throw this.errors.failed(0, 'network', unreachableText);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok)
      throw this.errors.refused(response.status, errorAnswer(response.status, body));
    try {
      return validate(body);
    } catch (cause) {
      if (cause instanceof ValidationError) {
        throw this.errors.failed(response.status, 'invalid-answer', invalidAnswerText);
      }
      throw cause;
    }
  }

  /**
   * Sends a change with the CSRF token; once more with a fresh token if it was stale. A file
   * (`Blob`) goes as the body as it is, and its 422 answer (a report of rejected rows) is
   * returned, not thrown.
   */
  async send(
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body: object | Blob = {},
  ): Promise<unknown> {
    const file = body instanceof Blob;
    for (let attempt = 0; ; attempt += 1) {
      const token = await this.csrf();
      let response: Response;
      try {
        response = await fetch(this.url(path), {
          method,
          credentials: 'same-origin',
          headers: {
            Accept: 'application/json',
            'Content-Type': file ? body.type || 'application/octet-stream' : 'application/json',
            'x-csrf-token': token,
          },
          body: file ? body : JSON.stringify(body),
        });
      } catch {
        throw this.errors.failed(0, 'network', unreachableText);
      }
      const answer: unknown = await response.json().catch(() => undefined);
      if (response.ok || (file && response.status === 422)) return answer;
      const error = this.errors.refused(response.status, errorAnswer(response.status, answer));
      if (error.code === 'csrf' && attempt === 0) {
        this.csrfToken = undefined;
        continue;
      }
      throw error;
    }
  }

  private csrf(): Promise<string> {
    this.csrfToken ??= this.get('/auth/csrf', (input) => {
      if (isRecord(input) && typeof input.csrfToken === 'string') return input.csrfToken;
      throw new ValidationError([]);
    }).catch((error: unknown) => {
      this.csrfToken = undefined;
      throw error;
    });
    return this.csrfToken;
  }
}

/**
 * A refused or failed request of the staff agenda, with a Russian and English message to show
 * and the server's error code (`not-started`, `illegal-transition`, `forbidden`, `csrf`, …).
 *
 * @example
 * ```ts
 * import { StaffRequestError } from '@eduset/widgets/staff';
 * const error = new StaffRequestError(409, 'not-started', { ru: 'Ещё не началась', en: 'Not started yet' });
 * error.status; // 409
 * ```
 */
export class StaffRequestError extends Error {
  /** The HTTP status (0 when the server could not be reached). */
  readonly status: number;
  /** The server's error code, or `network` / `server`. */
  readonly code: string;
  /** The message in Russian and English. */
  readonly text: LocalizedText;

  constructor(status: number, code: string, text: LocalizedText) {
    super(`${text.ru} / ${text.en}`);
    this.name = 'StaffRequestError';
    this.status = status;
    this.code = code;
    this.text = text;
  }
}

/**
 * How the staff clients turn a refusal or a failure into a {@link StaffRequestError}: the
 * server's code, and its message — or, for a refused form, what is wrong with each field in
 * its own words.
 *
 * @example
 * ```ts
 * import { staffRequestErrors } from './staff-transport.js';
 * staffRequestErrors.failed(0, 'network', { ru: 'Нет связи', en: 'No connection' }).code; // 'network'
 * ```
 */
export const staffRequestErrors: TransportErrors<StaffRequestError> = {
  refused: (status, answer) =>
    new StaffRequestError(
      status,
      answer.code,
      answer.issues.length > 0
        ? {
            ru: answer.issues.map((issue) => issue.message.ru).join('; '),
            en: answer.issues.map((issue) => issue.message.en).join('; '),
          }
        : answer.text,
    ),
  failed: (status, failure, text) => new StaffRequestError(status, failure, text),
};
