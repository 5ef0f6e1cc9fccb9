import {
  issueFromZod,
  isEdusetError,
  type EdusetError,
  type LocalizedText,
  type ValidationIssue,
} from '@eduset/core';

/**
 * The JSON body of every error answer of the server: a machine-readable code, a message in
 * Russian and English and, for invalid input, every issue with its path.
 *
 * @example
 * ```ts
 * import type { ApiErrorBody } from '@eduset/server';
 * const body: ApiErrorBody = {
 *   error: {
 *     code: 'not_found',
 *     message: { ru: 'Не найдено: network «x»', en: 'Not found: network "x"' },
 *     issues: [],
 *   },
 * };
 * ```
 */
export interface ApiErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: LocalizedText;
    readonly issues: readonly ValidationIssue[];
  };
}

/**
 * An error answer: the HTTP status and its body.
 *
 * @example
 * ```ts
 * import { errorResponse, type ApiErrorResponse } from '@eduset/server';
 * const answer: ApiErrorResponse = errorResponse(new Error('boom'));
 * answer.status; // 500
 * ```
 */
export interface ApiErrorResponse {
  readonly status: number;
  readonly body: ApiErrorBody;
  /** Headers the answer carries (`retry-after` on a 503). */
  readonly headers?: Readonly<Record<string, string>>;
}

function response(
  status: number,
  code: string,
  message: LocalizedText,
  issues: readonly ValidationIssue[] = [],
): ApiErrorResponse {
  return { status, body: { error: { code, message, issues } } };
}

/**
 * An error answer decided by the server itself (not an eduset error), e.g. "no network is
 * stored yet", 401 or 403. Thrown from a route or a hook; the one error handler sends its
 * response as it is.
 *
 * @example
 * ```ts
 * import { HttpError } from '@eduset/server';
 * throw new HttpError(404, 'no_network', {
 *   ru: 'В хранилище пока нет ни одной сети',
 *   en: 'The storage holds no network yet',
 * });
 * ```
 */
export class HttpError extends Error {
  readonly response: ApiErrorResponse;

  constructor(
    status: number,
    code: string,
    message: LocalizedText,
    issues: readonly ValidationIssue[] = [],
  ) {
    super(`${message.ru} / ${message.en}`);
    this.name = 'HttpError';
    this.response = response(status, code, message, issues);
  }
}

/** Names of the entities the server looks up, for the 404 message. */
const entityNames: Readonly<Record<string, LocalizedText>> = {
  network: { ru: 'сеть', en: 'network' },
};

function notFoundText(error: EdusetError): LocalizedText {
  const { entity, id } = error as EdusetError & { entity?: unknown; id?: unknown };
  const name = typeof entity === 'string' ? entityNames[entity] : undefined;
  if (name === undefined || typeof id !== 'string') return error.text;
  return { ru: `Не найдено: ${name.ru} «${id}»`, en: `Not found: ${name.en} "${id}"` };
}

function fromEdusetError(error: EdusetError): ApiErrorResponse {
  const tag = error._tag;
  switch (tag) {
    case 'ValidationError':
      return response(
        400,
        'validation_error',
        error.text,
        'issues' in error ? (error.issues as readonly ValidationIssue[]) : [],
      );
    case 'NotFoundError':
      return response(404, 'not_found', notFoundText(error));
    case 'ConflictError':
      return response(409, 'conflict', error.text);
    default: {
      const unknownTag: never = tag;
      return response(500, 'internal_error', internalErrorText, [
        { path: [], code: String(unknownTag), message: internalErrorText },
      ]);
    }
  }
}

const internalErrorText: LocalizedText = {
  ru: 'Внутренняя ошибка сервера; подробности в журнале сервера',
  en: 'Internal server error; the details are in the server log',
};

/** Errors of the HTTP layer itself (Fastify's), which carry a 4xx status and a code. */
function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return undefined;
  const status = (error as { statusCode: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

const unavailableText: LocalizedText = {
  ru: 'База данных сейчас недоступна; повторите запрос чуть позже',
  en: 'The database is unavailable right now; try again shortly',
};

/** Seconds a client is asked to wait before retrying when the database is down. */
const retryAfterSeconds = 5;

/** pg error codes and Node socket codes that mean "the database cannot be reached now". */
const unavailableCodes: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000', // connection_exception
  '08001',
  '08003',
  '08006',
]);

const unavailableMessages =
  /Connection terminated|Connection ended|connection error and is not queryable|timeout exceeded when trying to connect|PGlite is clos(ed|ing)|Cannot use a pool after calling end/i;

/**
 * Whether an error means the database cannot be reached (the server is down or restarting,
 * the connection was cut, the embedded database is closed), as opposed to a bug.
 *
 * @example
 * ```ts
 * import { isDatabaseUnavailable } from '@eduset/server';
 * isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })); // true
 * isDatabaseUnavailable(new Error('boom')); // false
 * ```
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { code, message, errors, cause } = error as {
    code?: unknown;
    message?: unknown;
    errors?: unknown;
    cause?: unknown;
  };
  if (typeof code === 'string' && unavailableCodes.has(code)) return true;
  if (typeof message === 'string' && unavailableMessages.test(message)) return true;
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) {
    return true;
  }
  return cause !== undefined && isDatabaseUnavailable(cause, depth + 1);
}

/** A request-validation error of `fastify-type-provider-zod`'s own compiler, as core issues. */
function zodValidationIssues(error: unknown): readonly ValidationIssue[] | undefined {
  if (typeof error !== 'object' || error === null || !('validation' in error)) return undefined;
  const list = (error as { validation: unknown }).validation;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const marker = Symbol.for('ZodFastifySchemaValidationError');
  if (!list.every((entry) => typeof entry === 'object' && entry !== null && marker in entry)) {
    return undefined;
  }
  return list.map((entry: Record<string, unknown>) => {
    const params = (entry['params'] ?? {}) as Record<string, unknown>;
    const path = String(entry['instancePath'] ?? '')
      .split('/')
      .filter((segment) => segment !== '');
    return issueFromZod({
      ...params,
      code: entry['keyword'],
      path,
      message: String(entry['message'] ?? ''),
    } as unknown as Parameters<typeof issueFromZod>[0]);
  });
}

/**
 * Turns anything thrown while answering a request into an error answer — the one mapping
 * of the server. eduset errors keep their meaning (400 with every issue and its path, 404,
 * 409), and so do validation errors of the declared schemas; a database that cannot be
 * reached is a 503 with `Retry-After`; HTTP-level client errors keep their status with a
 * generic message; everything else is a 500 that tells nothing of the internals.
 *
 * @example
 * ```ts
 * import { NotFoundError } from '@eduset/core';
 * import { errorResponse } from '@eduset/server';
 * errorResponse(new NotFoundError('network', 'x')).status; // 404
 * errorResponse(new Error('boom')).status; // 500
 * errorResponse(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })).status; // 503
 * ```
 */
export function errorResponse(error: unknown): ApiErrorResponse {
  if (error instanceof HttpError) return error.response;
  if (isEdusetError(error)) return fromEdusetError(error);
  const zodIssues = zodValidationIssues(error);
  if (zodIssues !== undefined) {
    return response(
      400,
      'validation_error',
      { ru: 'Данные не прошли проверку', en: 'The data did not pass validation' },
      zodIssues,
    );
  }
  if (isDatabaseUnavailable(error)) {
    return {
      ...response(503, 'database_unavailable', unavailableText),
      headers: { 'retry-after': String(retryAfterSeconds) },
    };
  }
  const status = httpStatusOf(error);
  if (status !== undefined) {
    const code = (error as { code?: unknown }).code;
    return response(status, typeof code === 'string' ? code.toLowerCase() : 'bad_request', {
      ru: `Запрос не может быть выполнен (HTTP ${status})`,
      en: `The request cannot be served (HTTP ${status})`,
    });
  }
  return response(500, 'internal_error', internalErrorText);
}

/**
 * The answer for a path the server does not know.
 *
 * @example
 * ```ts
 * import { notFoundResponse } from '@eduset/server';
 * notFoundResponse('GET', '/nope').status; // 404
 * ```
 */
export function notFoundResponse(method: string, url: string): ApiErrorResponse {
  const path = url.split('?')[0] ?? url;
  return response(404, 'route_not_found', {
    ru: `Нет такого адреса: ${method} ${path}`,
    en: `No such address: ${method} ${path}`,
  });
}
