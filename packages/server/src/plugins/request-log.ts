import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** A request id a client or a proxy may set: short, plain characters, nothing to inject. */
const saneRequestId = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The id of a request: the `x-request-id` header set by a reverse proxy or a client when it
 * is sane (1–64 letters, digits, `.`, `_`, `:`, `-`), a new UUID otherwise. Fastify's
 * `genReqId`; the id is in every log line of the request and in the answer's
 * `x-request-id` header.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { requestIdOf } from '@eduset/server';
 * const server = Fastify({ genReqId: requestIdOf });
 * ```
 */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && saneRequestId.test(given) ? given : randomUUID();
}

/** Query parameters whose values are personal or secret, whatever they hold. */
const secretParameters: ReadonlySet<string> = new Set([
  'token',
  'birthdate',
  'contact',
  'name',
  'phone',
  'email',
  'e-mail',
  'q',
]);

const emailLike = /@/;
const phoneLike = /^\+?[\d\s()\-.]{7,}$/;

/**
 * The query string of a URL with personal data taken out, for logs: the values of `token`,
 * `birthDate`, `contact`, names, phones, e-mails and free-text search are replaced by `*`,
 * and so is any value that looks like an e-mail address or a phone number.
 *
 * @example
 * ```ts
 * import { redactedQuery } from '@eduset/server';
 * redactedQuery('/api/bookings/b-1.ics?token=abc&network=udomlya'); // 'token=*&network=udomlya'
 * redactedQuery('/api/x?who=anna@example.org'); // 'who=*'
 * ```
 */
export function redactedQuery(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return '';
  let parameters: URLSearchParams;
  try {
    parameters = new URLSearchParams(url.slice(at + 1));
  } catch {
    return '*';
  }
  const kept: string[] = [];
  for (const [key, value] of parameters) {
    const secret =
      secretParameters.has(key.toLowerCase()) || emailLike.test(value) || phoneLike.test(value);
    kept.push(`${encodeURIComponent(key)}=${secret ? '*' : encodeURIComponent(value)}`);
  }
  return kept.join('&');
}

/**
 * Writes one JSON line per answered request at level `info`: the request id, method, route
 * pattern (`/api/bookings/:id/cancel`, never the ids in the path), the query with
 * {@link redactedQuery}, status and time in milliseconds — never a body, a cookie or a
 * personal value. Fastify's own request logging is to be turned off
 * (`logController: new LogController({ disableRequestLogging: true })`).
 *
 * @example
 * ```ts
 * import Fastify, { LogController } from 'fastify';
 * import { registerRequestLog, requestIdOf } from '@eduset/server';
 * const server = Fastify({
 *   logger: { level: 'info' },
 *   logController: new LogController({ disableRequestLogging: true }),
 *   genReqId: requestIdOf,
 * });
 * registerRequestLog(server);
 * ```
 */
export function registerRequestLog(server: FastifyInstance): void {
  server.addHook('onResponse', (request, reply, done) => {
    {
      const query = redactedQuery(request.url);
      request.log.info(
        {
          method: request.method,
          route: request.routeOptions.url ?? '(not found)',
          ...(query === '' ? {} : { query }),
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime * 10) / 10,
        },
        'request',
      );
    }
    done();
  });
}
