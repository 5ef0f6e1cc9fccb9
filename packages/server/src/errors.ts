import {
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

/**
 * Turns anything thrown while answering a request into an error answer. eduset errors keep
 * their meaning (400, 404, 409); HTTP-level client errors keep their status with a generic
 * message; everything else is a 500 that tells nothing of the internals.
 *
 * @example
 * ```ts
 * import { NotFoundError } from '@eduset/core';
 * import { errorResponse } from '@eduset/server';
 * errorResponse(new NotFoundError('network', 'x')).status; // 404
 * errorResponse(new Error('connection refused')).status; // 500
 * ```
 */
export function errorResponse(error: unknown): ApiErrorResponse {
  if (error instanceof HttpError) return error.response;
  if (isEdusetError(error)) return fromEdusetError(error);
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
