import { isEdusetError, type LocalizedText, type ValidationIssue } from '@eduset/core';

/**
 * How a response body becomes a typed value: a function such as core's `createNetwork`, or
 * an object with a `parse` method (a schema). It throws when the data are invalid; core's
 * functions throw a `ValidationError` that lists every issue.
 *
 * @example
 * ```ts
 * import { createNetwork } from '@eduset/core';
 * import type { ResponseSchema } from '@eduset/widgets';
 * const schema: ResponseSchema<ReturnType<typeof createNetwork>> = createNetwork;
 * ```
 */
export type ResponseSchema<T> = ((input: unknown) => T) | { readonly parse: (input: unknown) => T };

/**
 * The Russian and English message when the server could not be reached (every client of the
 * widgets says the same).
 *
 * @example
 * ```ts
 * import { unreachableText } from '@eduset/widgets';
 * unreachableText.en; // 'Could not reach the server. Check the connection and try again.'
 * ```
 */
export const unreachableText: LocalizedText = {
  ru: 'Не удалось связаться с сервером. Проверьте подключение и попробуйте ещё раз.',
  en: 'Could not reach the server. Check the connection and try again.',
};

/**
 * What went wrong when loading data: the server could not be reached (`network`), it
 * answered with an HTTP error (`http`), the body was not JSON (`json`) or the data did not
 * pass validation (`validation`).
 *
 * @example
 * ```ts
 * import type { FetchJsonErrorKind } from '@eduset/widgets';
 * const kind: FetchJsonErrorKind = 'http';
 * ```
 */
export type FetchJsonErrorKind = 'network' | 'http' | 'json' | 'validation';

/**
 * A failure of {@link fetchJson}, with a message in Russian and English that a widget can
 * show as is, and the details behind it (HTTP status, validation issues).
 *
 * @example
 * ```ts
 * import { createNetwork } from '@eduset/core';
 * import { fetchJson, FetchJsonError } from '@eduset/widgets';
 * try {
 *   await fetchJson('/api/network', createNetwork);
 * } catch (error) {
 *   if (error instanceof FetchJsonError) console.log(error.kind, error.text.ru);
 * }
 * ```
 */
export class FetchJsonError extends Error {
  /** A tag to match on, as core's errors have. */
  readonly _tag = 'FetchJsonError' as const;
  /** What went wrong. */
  readonly kind: FetchJsonErrorKind;
  /** The message in Russian and English. */
  readonly text: LocalizedText;
  /** The address that was requested. */
  readonly url: string;
  /** The HTTP status, for `http` errors. */
  readonly status: number | undefined;
  /** Every validation issue, for `validation` errors (empty otherwise). */
  readonly issues: readonly ValidationIssue[];

  constructor(
    kind: FetchJsonErrorKind,
    text: LocalizedText,
    details: {
      readonly url: string;
      readonly status?: number;
      readonly issues?: readonly ValidationIssue[];
      readonly cause?: unknown;
    },
  ) {
    super(`${text.ru} / ${text.en}`, { cause: details.cause });
    this.name = 'FetchJsonError';
    this.kind = kind;
    this.text = text;
    this.url = details.url;
    this.status = details.status;
    this.issues = details.issues ?? [];
  }
}

/**
 * Options of {@link fetchJson}.
 *
 * @example
 * ```ts
 * import type { FetchJsonOptions } from '@eduset/widgets';
 * const options: FetchJsonOptions = { signal: new AbortController().signal };
 * ```
 */
export interface FetchJsonOptions {
  /** Cancels the request; the returned promise then rejects with the abort reason. */
  readonly signal?: AbortSignal;
  /** Extra request headers (`Accept: application/json` is always sent). */
  readonly headers?: Readonly<Record<string, string>>;
}

function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`))
    .join('')
    .replace(/^\./, '');
}

function validationText(issues: readonly ValidationIssue[]): LocalizedText {
  const first = issues[0];
  const where = first === undefined ? '' : formatPath(first.path);
  const prefix = (text: string): string => (where === '' ? text : `${where}: ${text}`);
  const more = issues.length > 1 ? issues.length - 1 : 0;
  return {
    ru:
      'Данные с сервера не прошли проверку' +
      (first === undefined ? '.' : ` — ${prefix(first.message.ru)}`) +
      (more > 0 ? ` (и ещё проблем: ${more}).` : first === undefined ? '' : '.'),
    en:
      'The data from the server did not pass validation' +
      (first === undefined ? '.' : ` — ${prefix(first.message.en)}`) +
      (more > 0 ? ` (and ${more} more).` : first === undefined ? '' : '.'),
  };
}

function issuesOf(error: unknown): readonly ValidationIssue[] {
  if (isEdusetError(error) && error._tag === 'ValidationError') {
    const issues = (error as { issues?: unknown }).issues;
    if (Array.isArray(issues)) return issues as readonly ValidationIssue[];
  }
  return [];
}

function runSchema<T>(schema: ResponseSchema<T>, input: unknown): T {
  return typeof schema === 'function' ? schema(input) : schema.parse(input);
}

/**
 * Loads JSON from a URL and validates it with a schema (usually one of core's `create…`
 * functions), so a widget only ever sees valid, typed data. Every failure — no connection,
 * an HTTP error status, a body that is not JSON, data that do not pass validation — becomes
 * a {@link FetchJsonError} with a Russian and English message. Aborting rejects with the
 * signal's reason, unchanged.
 *
 * @example
 * ```ts
 * import { createNetwork } from '@eduset/core';
 * import { fetchJson } from '@eduset/widgets';
 * const controller = new AbortController();
 * const network = await fetchJson('/api/network', createNetwork, { signal: controller.signal });
 * network.sites.length;
 * ```
 */
export async function fetchJson<T>(
  url: string | URL,
  schema: ResponseSchema<T>,
  options: FetchJsonOptions = {},
): Promise<T> {
  const address = String(url);
  const { signal } = options;
  let response: Response;
  try {
    response = await fetch(address, {
      headers: { Accept: 'application/json', ...options.headers },
      ...(signal ? { signal } : {}),
    });
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    throw new FetchJsonError('network', unreachableText, { url: address, cause });
  }
  if (!response.ok) {
    throw new FetchJsonError(
      'http',
      {
        ru: `Сервер ответил ошибкой ${response.status}. Попробуйте позже.`,
        en: `The server answered with error ${response.status}. Please try again later.`,
      },
      { url: address, status: response.status },
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    throw new FetchJsonError(
      'json',
      {
        ru: 'Сервер прислал данные в неверном формате (ожидался JSON).',
        en: 'The server sent data in a wrong format (JSON was expected).',
      },
      { url: address, status: response.status, cause },
    );
  }
  try {
    return runSchema(schema, body);
  } catch (cause) {
    const issues = issuesOf(cause);
    throw new FetchJsonError('validation', validationText(issues), {
      url: address,
      status: response.status,
      issues,
      cause,
    });
  }
}
