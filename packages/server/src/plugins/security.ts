import fastifyCors from '@fastify/cors';
import fastifyRateLimit, {
  type FastifyRateLimitOptions,
  type FastifyRateLimitStore,
  type FastifyRateLimitStoreCtor,
} from '@fastify/rate-limit';
import { instant, type Instant, type LocalizedText } from '@eduset/core';
import type { AttemptLimits } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { HttpError, type ApiErrorResponse } from '../errors.js';

/**
 * The largest request body the server reads, in bytes (16 KiB): a booking is far smaller.
 * A larger body is answered with 413 and a bilingual JSON error.
 *
 * @example
 * ```ts
 * import { bodyLimitBytes } from '@eduset/server';
 * bodyLimitBytes; // 16384
 * ```
 */
export const bodyLimitBytes = 16 * 1024;

/**
 * How many POST requests one client (by IP address) may send in a time window before it
 * gets 429 answers.
 *
 * @example
 * ```ts
 * import type { RateLimitOptions } from '@eduset/server';
 * const strict: RateLimitOptions = { max: 10, timeWindowMs: 60_000 };
 * ```
 */
export interface RateLimitOptions {
  /** Requests allowed per window and client. */
  readonly max: number;
  /** The window, in milliseconds. */
  readonly timeWindowMs: number;
}

/**
 * The rate limit of POST routes when nothing else is said: 30 requests a minute per client IP.
 *
 * @example
 * ```ts
 * import { defaultRateLimit } from '@eduset/server';
 * defaultRateLimit.max; // 30
 * ```
 */
export const defaultRateLimit: RateLimitOptions = { max: 30, timeWindowMs: 60_000 };

const tooLargeText: LocalizedText = {
  ru: `Тело запроса слишком велико (больше ${bodyLimitBytes / 1024} КиБ)`,
  en: `The request body is too large (over ${bodyLimitBytes / 1024} KiB)`,
};

function tooManyText(retrySeconds: number): LocalizedText {
  return {
    ru: `Слишком много запросов; повторите через ${retrySeconds} с`,
    en: `Too many requests; try again in ${retrySeconds} s`,
  };
}

/**
 * The bilingual answer for errors of the HTTP layer that have their own meaning for a
 * client: a body over the limit (413). Other errors give `undefined`.
 *
 * @example
 * ```ts
 * import { securityErrorResponse } from '@eduset/server';
 * securityErrorResponse({ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' })?.status; // 413
 * ```
 */
export function securityErrorResponse(error: unknown): ApiErrorResponse | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (status === 413) {
    return {
      status: 413,
      body: { error: { code: 'body-too-large', message: tooLargeText, issues: [] } },
    };
  }
  return undefined;
}

/**
 * What {@link registerSecurity} sets up.
 *
 * @example
 * ```ts
 * import type { SecurityOptions } from '@eduset/server';
 * const options: SecurityOptions = { corsOrigins: ['https://udomlya-obr.ru'], rateLimit: false };
 * ```
 */
export interface SecurityOptions {
  /** Origins (scheme, host and port) allowed to call the API from their pages; none by default. */
  readonly corsOrigins?: readonly string[];
  /** The limit of POST requests per client IP, or `false` for none. */
  readonly rateLimit?: RateLimitOptions | false;
  /**
   * The database's attempt counters (`storage.limits`): the limit is then shared by every
   * server process over one database. Without it each process counts for itself (tests of
   * a lone plugin only).
   */
  readonly limits?: AttemptLimits;
  /** The clock of the counters; the real one by default. */
  readonly now?: () => Instant;
}

/** The route a rate-limit store counts for, as the plugin hands it to `child`. */
function routeNameOf(options: unknown): string {
  const info = (options as { routeInfo?: { method?: unknown; url?: unknown } } | null)?.routeInfo;
  const method = Array.isArray(info?.method) ? info.method.join(',') : info?.method;
  const url = info?.url;
  return typeof method === 'string' && typeof url === 'string' ? `${method} ${url}` : 'any';
}

/**
 * A store for `@fastify/rate-limit` over the database's attempt counters
 * (`storage.limits`, migration 0008): every process over one database counts in the same
 * bucket, `rate:<METHOD> <route>:<client address>`, so a limit of 30 a minute is 30 a minute
 * for the whole deployment, not 30 per process.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import fastifyRateLimit from '@fastify/rate-limit';
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { databaseRateLimitStore } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const server = Fastify();
 * await server.register(fastifyRateLimit, {
 *   global: false,
 *   store: databaseRateLimitStore(storage.limits, () => instant(new Date())),
 * });
 * ```
 */
export function databaseRateLimitStore(
  limits: AttemptLimits,
  now: () => Instant = () => instant(new Date()),
): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    readonly route: string;

    constructor(options?: FastifyRateLimitOptions | { routeInfo?: unknown }) {
      this.route = routeNameOf(options);
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const at = now();
      limits.hit(`rate:${this.route}:${key}`, Math.max(1, Math.trunc(timeWindow)), at).then(
        ({ hits, windowEnd }) => {
          const ttl = Math.max(0, Date.parse(windowEnd) - Date.parse(at));
          callback(null, { current: hits, ttl });
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(routeOptions: object): FastifyRateLimitStore {
      return new DatabaseStore(routeOptions as { routeInfo?: unknown });
    }
  }
  return DatabaseStore as unknown as FastifyRateLimitStoreCtor;
}

/**
 * The route config that puts a route under the POST rate limit, as {@link registerSecurity}
 * returns it (empty when there is no limit).
 *
 * @example
 * ```ts
 * import type { RateLimitedRouteConfig } from '@eduset/server';
 * const config: RateLimitedRouteConfig = { rateLimit: { max: 30, timeWindow: 60_000 } };
 * ```
 */
export interface RateLimitedRouteConfig {
  readonly rateLimit?: { readonly max: number; readonly timeWindow: number };
}

/**
 * Registers CORS for an allowlist of origins (an allowed origin gets the CORS headers, any
 * other gets none) and the rate-limit plugin, applied only to routes declared with the
 * returned config, keyed by the client's address (`request.ip`) and counted in the database
 * when `limits` is given ({@link databaseRateLimitStore}). Plugins load in order, so declare those routes in a plugin registered
 * after this call.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { registerSecurity } from '@eduset/server';
 * const server = Fastify({ bodyLimit: 16 * 1024 });
 * const limited = registerSecurity(server, { corsOrigins: ['https://example.org'] });
 * void server.register(async (api) => {
 *   api.post('/api/echo', { config: limited }, async (request) => request.body);
 * });
 * ```
 */
export function registerSecurity(
  server: FastifyInstance,
  options: SecurityOptions,
): RateLimitedRouteConfig {
  const allowed = new Set((options.corsOrigins ?? []).map((origin) => origin.replace(/\/+$/, '')));
  if (allowed.size > 0) {
    void server.register(fastifyCors, {
      origin: (origin, callback) => {
        callback(null, origin !== undefined && allowed.has(origin) ? origin : false);
      },
      methods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
      // The booking widget sends Idempotency-Key with POST /api/bookings; a client on another
      // site keeps read-your-writes over a read replica with X-Eduset-Read-After; the family's
      // cabinet sends its session token (and an application's code) as Authorization: Bearer.
      allowedHeaders: ['content-type', 'idempotency-key', 'x-eduset-read-after', 'authorization'],
      exposedHeaders: ['x-eduset-read-after'],
      maxAge: 600,
    });
  }
  const limit = options.rateLimit === undefined ? defaultRateLimit : options.rateLimit;
  if (limit === false) return {};
  void server.register(fastifyRateLimit, {
    global: false,
    // The client's address as Fastify tells it: behind a proxy, the one in X-Forwarded-For
    // when the server trusts that proxy (`trustProxy`), else the connection's.
    keyGenerator: (request) => request.ip,
    ...(options.limits === undefined
      ? {}
      : { store: databaseRateLimitStore(options.limits, options.now) }),
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, 'rate-limited', tooManyText(Math.max(1, Math.ceil(context.ttl / 1000)))),
  });
  return { rateLimit: { max: limit.max, timeWindow: limit.timeWindowMs } };
}
