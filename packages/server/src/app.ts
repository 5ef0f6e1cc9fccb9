import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import {
  filterNetwork,
  instant,
  networkFilterOf,
  networkListSchema,
  networkQuerySchema,
  networkSchema,
  ValidationError,
  type Instant,
  type Network,
} from '@eduset/core';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { z } from 'zod';
import type { NetworkSummary, Storage } from '@eduset/adapters';
import { bookingRoutes } from './features/bookings/routes.js';
import { manageRoutes } from './features/manage/routes.js';
import { surveyRoutes } from './features/surveys/routes.js';
import { schoolRoutes } from './features/schools/routes.js';
import { supportRoutes } from './features/support/routes.js';
import { demoIndicatorDataDir, indicatorRoutes } from './features/indicators/routes.js';
import { indicatorValueRoutes } from './features/indicators/values-routes.js';
import { financingRoutes } from './features/financing/routes.js';
import { registerReadYourWrites } from './plugins/read-your-writes.js';
import { providerDeskRoutes } from './features/provider-desk/routes.js';
import { programmeRoutes } from './features/programmes/routes.js';
import { settlementRoutes } from './features/settlement/routes.js';
import { inventoryRoutes } from './features/inventory/routes.js';
import { dataEntryRoutes } from './features/data-entry/routes.js';
import { operatorRoutes } from './features/operator/routes.js';
import { familyRoutes } from './features/family/routes.js';
import { courseRoutes, type CourseRoutesOptions } from './features/courses/routes.js';
import { consentRoutes, defaultConsent, type ConsentText } from './features/consent/routes.js';
import { peopleRoutes } from './features/people/routes.js';
import { mailRoutes, type EmailConfirmationOptions } from './features/mail/routes.js';
import { errorResponse, HttpError, notFoundResponse } from './errors.js';
import { registerContracts, withContracts } from './plugins/contracts.js';
import { registerRequestLog, requestIdOf } from './plugins/request-log.js';
import { markRoutesPublic, registerAccess, type ActorSource } from './plugins/access.js';
import { registerAudit } from './plugins/audit.js';
import { staffRoutes } from './features/staff/routes.js';
import { availabilityRoutes } from './features/availability/routes.js';
import { agendaRoutes } from './features/agenda/routes.js';
import {
  isHashedWidgetChunk,
  isServablePage,
  isServableWidgetFile,
} from './plugins/static-files.js';
import {
  defaultSessionTimeouts,
  registerCsrfCheck,
  sessionActorSource,
  type SessionOptions,
} from './plugins/session.js';
import { authRoutes } from './features/auth/routes.js';
import { authService, defaultLoginThrottle, type LoginThrottle } from './features/auth/service.js';
import { oidcClient, type OidcOptions } from './features/auth/oidc.js';
import {
  bodyLimitBytes,
  registerSecurity,
  securityErrorResponse,
  type RateLimitOptions,
} from './plugins/security.js';

/**
 * The version of `@eduset/server` (its package.json), as `eduset --version` prints it and
 * the OpenAPI document states it.
 *
 * @example
 * ```ts
 * import { serverVersion } from '@eduset/server';
 * serverVersion; // '0.1.0'
 * ```
 */
export const serverVersion: string = readServerVersion();

/** The version in @eduset/server's package.json, from `src/`, `dist/` or a `dist/chunks/` file. */
function readServerVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const json = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (json.name === '@eduset/server' && typeof json.version === 'string') return json.version;
    } catch {
      // Not there: try the next place.
    }
  }
  return '0.0.0';
}

const healthSchema = z.object({ status: z.literal('ok'), engine: z.string() });
const readySchema = z.object({ status: z.literal('ready'), engine: z.string() });

/**
 * The Content-Security-Policy sent with every answer: only this origin's scripts, styles,
 * images (and `data:` images), no plugins, no `<base>` tricks, framed only by this origin.
 * The widgets and example pages are written to work under it (no inline script or style).
 *
 * @example
 * ```ts
 * import { contentSecurityPolicy } from '@eduset/server';
 * contentSecurityPolicy.includes("script-src 'self'"); // true
 * ```
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * Headers set on every answer of the server, files and errors included.
 *
 * @example
 * ```ts
 * import { securityHeaders } from '@eduset/server';
 * securityHeaders['x-content-type-options']; // 'nosniff'
 * ```
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  // A link followed from a page (or a personal timetable link opened) tells no other site
  // the address it came from: tokens and ids in addresses stay here.
  'referrer-policy': 'no-referrer',
};

/**
 * The `Cache-Control` of every `/api/` answer that does not set its own: `no-store`, so no
 * browser, proxy or shared computer keeps a copy of an answer that may carry personal data
 * (a booking, a certificate balance, a personal timetable, staff lists). A route whose answer
 * is public and may be cached opts in by setting `Cache-Control` itself.
 *
 * @example
 * ```ts
 * import { apiCacheControl } from '@eduset/server';
 * apiCacheControl; // 'no-store'
 * ```
 */
export const apiCacheControl = 'no-store';

/**
 * What the server serves.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import { type ServerOptions } from '@eduset/server';
 * const options: ServerOptions = {
 *   storage: await openStorage({ dataDir: 'memory://' }),
 *   staticRoot: 'examples',
 *   widgetsRoot: 'packages/widgets/dist',
 * };
 * ```
 */
export interface ServerOptions {
  /** Where the networks are read from. The server does not close it. */
  readonly storage: Storage;
  /** A directory served as static pages at `/` (the repository's `examples/`). */
  readonly staticRoot?: string;
  /** A directory served at `/widgets/` (the built `packages/widgets/dist`). */
  readonly widgetsRoot?: string;
  /**
   * Fastify's logger: `false` (default, silent), `true` for JSON lines on stdout, or pino
   * options such as `{ level: 'warn' }`. At level `info` one line per request (id, method,
   * route, redacted query, status, time — no personal data); internal errors (500) are
   * logged at level `error`, an unreachable database (503) at `warn`.
   */
  readonly logger?: FastifyServerOptions['logger'];
  /** The clock the booking API reads (slots offered, booking times); the real one by default. */
  readonly now?: () => Instant;
  /**
   * Origins of the pages allowed to call the API from the browser (the municipal sites that
   * embed the widgets), e.g. `https://udomlya-obr.ru`; none by default.
   */
  readonly corsOrigins?: readonly string[];
  /**
   * The limit of POST requests per client IP; 30 a minute by default (`defaultRateLimit`),
   * `false` for none.
   */
  readonly rateLimit?: RateLimitOptions | false;
  /**
   * Domain part of the iCalendar UIDs the server writes (`…@eduset.udomlya.ru`); keep it the
   * same for every process and over time, so calendars recognize their events. `eduset` by
   * default.
   */
  readonly uidDomain?: string;
  /**
   * Tells who is asking; by default the session cookie of the sign-in routes
   * ({@link sessionActorSource} over `storage.identity`).
   */
  readonly actorSource?: ActorSource;
  /** Session timeouts: 30 minutes idle and 12 hours in all by default. */
  readonly session?: SessionOptions;
  /**
   * Sign-in attempts allowed per account and per client address
   * ({@link defaultLoginThrottle}: 5 failed per account, 50 per address, in 15 minutes).
   */
  readonly loginThrottle?: LoginThrottle;
  /** Sign-in through an OpenID Connect provider (Keycloak); off when not given. */
  readonly oidc?: OidcOptions;
  /**
   * The profile-course timetable API ({@link courseRoutes}), served when given; the network
   * and its timetables are read from `storage.courseNetworks`.
   */
  readonly courses?: Omit<CourseRoutesOptions, 'store'>;
  /**
   * The consent text in force (152-ФЗ) with its version: served at `GET /api/consent`,
   * recorded with every booking; a booking naming another version is refused (409
   * `consent-changed`). {@link defaultConsent} (version `2026-12-01`) by default.
   */
  readonly consent?: ConsentText;
  /**
   * Which proxies to believe about the client's address and scheme (`X-Forwarded-For`,
   * `X-Forwarded-Proto`), as Fastify's `trustProxy`: `true` (any — only behind a proxy that
   * sets them), a hop count, or addresses and CIDR ranges (`['127.0.0.1', '10.0.0.0/8']`).
   * None by default: the headers are ignored, so a client cannot choose its own address;
   * behind a reverse proxy set it, so rate limits and sign-in throttling count the real client
   * and session cookies are `Secure` over TLS.
   */
  readonly trustProxy?: boolean | number | readonly string[];
  /**
   * E-mail confirmation of bookings before they hold the slot (`BOOKING_EMAIL_CONFIRMATION=on`):
   * `POST /api/bookings` stores a request and answers 202, the parent confirms with the link
   * mailed to her (`POST /api/bookings/confirm`). Off (`false`) by default; `true` keeps a
   * link 2 hours.
   */
  readonly bookingEmailConfirmation?: boolean | EmailConfirmationOptions;
  /**
   * The network every financing record (certificates, programmes, contracts, the ledger)
   * belongs to: staff grants reach them at `{ networkId: financingNetworkId, organizationId:
   * <provider id> }`. `michurinsk` by default, the demo's.
   */
  readonly financingNetworkId?: string;
  /**
   * The network whose indicator values are imported into the storage
   * (`POST /api/staff/indicators/values`, grants checked against it) and read by the
   * dashboard. `udomlya` by default, the demo's.
   */
  readonly indicatorNetworkId?: string;
}

/** Fastify's `trustProxy` for a {@link ServerOptions.trustProxy}: a hop count as a function. */
function trustProxyOption(
  value: boolean | number | readonly string[],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value === 'number') return (_address, hop) => hop < value;
  return typeof value === 'boolean' ? value : [...value];
}

/**
 * The stored networks, read at most once a second: a booking request that names no network
 * means the only one, and asking the database that on every request cost a round trip per
 * booking. A network added or removed is seen within a second.
 */
function recentNetworks(storage: Storage): () => Promise<NetworkSummary[]> {
  let last: { readonly at: number; readonly list: Promise<NetworkSummary[]> } | undefined;
  return () => {
    const at = Date.now();
    if (last === undefined || at - last.at >= 1000 || at < last.at) {
      const list = storage.listNetworks();
      const entry = { at, list };
      last = entry;
      // A failed read is not kept: the next request asks again.
      list.catch(() => {
        if (last === entry) last = undefined;
      });
    }
    return last.list;
  };
}

/** The network `GET /api/network` answers with when no `network=` is given: the only one. */
function defaultNetworkId(networks: readonly NetworkSummary[]): string {
  const [first] = networks;
  if (networks.length === 1 && first !== undefined) return first.id;
  if (networks.length === 0) {
    throw new HttpError(404, 'no_network', {
      ru: 'В хранилище пока нет ни одной сети',
      en: 'The storage holds no network yet',
    });
  }
  const ids = networks.map((network) => network.id).join(', ');
  throw new ValidationError([
    {
      path: ['network'],
      code: 'network_required',
      message: {
        ru: `Сетей несколько; укажите одну параметром network: ${ids}`,
        en: `There are several networks; choose one with the network parameter: ${ids}`,
      },
    },
  ]);
}

/**
 * Creates the reference HTTP server (Fastify) over a storage:
 * - `GET /api/network` — the network named by `?network=id`, or the only stored one;
 *   narrowed by `schoolYear=2020-2021` and `siteKind=lekoteka` (repeated or comma-separated)
 *   with core's `filterNetwork`;
 * - `GET /api/networks` — `{ networks: [{ id, name, municipality }] }`;
 * - `GET /api/health` — `{ status: 'ok', engine }` while the process answers (liveness, no
 *   database); `GET /api/ready` — `{ status: 'ready', engine }` when the database answers;
 * - `GET /api/openapi.json` — the OpenAPI document generated from the core schemas every
 *   route declares; `/api/docs` — the same as a readable page;
 * - the booking API of {@link bookingRoutes} (schedule, slots, bookings, cancellation), with
 *   POST requests rate-limited per client IP (`rateLimit`, 429), bodies limited to 16 KiB
 *   (413) and CORS headers for the `corsOrigins` allowlist only;
 * - the parents' survey after a consultation ({@link surveyRoutes}):
 *   `POST /api/surveys/:bookingId/view` and `POST /api/surveys/:bookingId`;
 * - `GET /api/indicators?level=&period=` ({@link indicatorRoutes}) over the demo indicator data
 *   in `staticRoot/data/indicators`, when present, and the figures counted from the storage's
 *   rows (consultations held, parents satisfied);
 * - `staticRoot` at `/` and `widgetsRoot` at `/widgets/`, when given and present — pages and
 *   widget bundles only ({@link isServablePage}, {@link isServableWidgetFile}): never data
 *   files, sources, tests, `package.json` or dotfiles (404).
 *
 * Every error is JSON `{ error: { code, message: { ru, en }, issues } }` (400 with every
 * issue for invalid input, 404 for what does not exist, 503 with `Retry-After` while the
 * database cannot be reached, 500 telling nothing of the internals); every answer carries
 * {@link securityHeaders} (with `Referrer-Policy: no-referrer`), and every `/api/` answer
 * `Cache-Control: no-store` unless its route sets its own ({@link apiCacheControl}). Rate
 * limits are counted in `storage.limits` per client address (`request.ip`; set `trustProxy`
 * behind a reverse proxy), shared by every process over one database. Call `listen` on the
 * result, or
 * use {@link startServer}, which listens on 127.0.0.1 by default.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import { createServer } from '@eduset/server';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * const server = createServer({ storage, staticRoot: 'examples' });
 * const answer = await server.inject({ method: 'GET', url: '/api/health' });
 * answer.json(); // { status: 'ok', engine: 'pglite' }
 * ```
 */
export function createServer(options: ServerOptions): FastifyInstance {
  const { storage } = options;
  const server = Fastify({
    logger: options.logger ?? false,
    // One access line per request of our own (registerRequestLog), without personal data.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestIdOf,
    ...(options.trustProxy !== undefined
      ? {
          trustProxy: trustProxyOption(options.trustProxy),
        }
      : {}),
    bodyLimit: bodyLimitBytes,
    // Ids are at most 128 characters, more once percent-encoded; the schema says the rest.
    routerOptions: { maxParamLength: 1024 },
    // A malformed URL or an over-long path parameter is answered in the same bilingual
    // shape as every other error (Fastify's own text otherwise).
    frameworkErrors: (error, _request, reply) => {
      const { status, body } = errorResponse(error);
      void reply.raw.writeHead(status, {
        ...securityHeaders,
        'content-type': 'application/json; charset=utf-8',
      });
      reply.raw.end(JSON.stringify(body));
    },
  });
  const now = options.now ?? (() => instant(new Date()));
  const timeouts = { ...defaultSessionTimeouts, ...options.session };

  if (options.logger !== undefined && options.logger !== false) registerRequestLog(server);

  // A callback hook, not an async one: no promise per response (every booking is one).
  server.addHook('onSend', (request, reply, payload, done) => {
    reply.headers(securityHeaders);
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', apiCacheControl);
    }
    reply.header('x-request-id', request.id);
    done(null, payload);
  });

  server.setErrorHandler((error, request, reply) => {
    const { status, body, headers } = securityErrorResponse(error) ?? errorResponse(error);
    if (status === 503) request.log.warn({ err: error }, 'database unavailable');
    else if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (headers !== undefined) void reply.headers(headers);
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  });

  server.setNotFoundHandler((request, reply) => {
    const { status, body } = notFoundResponse(request.method, request.url);
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  });

  // Before every route: who may call each (deny by default), then the CORS hook and the
  // rate-limit plugin, which apply to routes added later.
  // The CSRF check first: a forged request is refused before its session is looked up.
  registerCsrfCheck(server);
  registerAccess(
    server,
    options.actorSource ??
      sessionActorSource(storage.identity, { idleTimeoutMs: timeouts.idleTimeoutMs, now }),
  );
  // Reads of personal data and every write of the API go into the audit log, in batches.
  registerAudit(server, { audit: storage.audit, now });
  registerContracts(server, serverVersion);
  // With a read replica (DATABASE_READ_URL): each write's answer carries the position its
  // writer's next reads must have seen.
  registerReadYourWrites(server, storage.financingReads);
  const limited = registerSecurity(server, {
    ...(options.corsOrigins !== undefined ? { corsOrigins: options.corsOrigins } : {}),
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
    limits: storage.limits,
    now,
  });

  // Registered as a plugin, after the OpenAPI plugin, so these routes are described too.
  void server.register(async (root) => {
    const api = withContracts(root);

    // Liveness: the process answers; the database is not asked (a probe restarting the
    // process when the database is down would not help).
    api.get(
      '/api/health',
      { config: { access: { public: true } }, schema: { response: { 200: healthSchema } } },
      async () => ({ status: 'ok' as const, engine: storage.engine }),
    );

    // Readiness: the database answers (503 with Retry-After when it does not).
    api.get(
      '/api/ready',
      { config: { access: { public: true } }, schema: { response: { 200: readySchema } } },
      async () => {
        await storage.listNetworks();
        return { status: 'ready' as const, engine: storage.engine };
      },
    );

    api.get(
      '/api/networks',
      { config: { access: { public: true } }, schema: { response: { 200: networkListSchema } } },
      async () => ({ networks: await storage.listNetworks() }),
    );

    api.get(
      '/api/network',
      {
        config: { access: { public: true } },
        schema: { querystring: networkQuerySchema, response: { 200: networkSchema } },
      },
      async (request): Promise<Network> => {
        const query = request.query;
        const id = query.network ?? defaultNetworkId(await storage.listNetworks());
        const network = await storage.loadNetwork(id);
        const filter = networkFilterOf(query);
        return filter === undefined ? network : filterNetwork(network, filter);
      },
    );
  });

  const storedNetworks = recentNetworks(storage);
  const consent = options.consent ?? defaultConsent;
  const emailConfirmation =
    options.bookingEmailConfirmation === true
      ? {}
      : options.bookingEmailConfirmation === false
        ? undefined
        : options.bookingEmailConfirmation;
  void server.register(
    bookingRoutes({
      storage,
      now,
      networkIdOf: async (requested) => requested ?? defaultNetworkId(await storedNetworks()),
      limited,
      uidDomain: options.uidDomain ?? 'eduset',
      consentVersion: consent.version,
      ...(emailConfirmation !== undefined ? { emailConfirmation } : {}),
    }),
  );
  void server.register(
    mailRoutes({
      storage,
      now,
      networkIdOf: async (requested) => requested ?? defaultNetworkId(await storedNetworks()),
      limited,
    }),
  );
  void server.register(
    manageRoutes({
      storage,
      now,
      networkIdOf: async (requested) => requested ?? defaultNetworkId(await storedNetworks()),
      limited,
    }),
  );
  void server.register(
    surveyRoutes({
      storage,
      networkIdOf: async (requested) => requested ?? defaultNetworkId(await storedNetworks()),
      limited,
    }),
  );
  void server.register(staffRoutes({ storage, now }));
  void server.register(availabilityRoutes({ storage, now }));
  void server.register(agendaRoutes({ storage, now, uidDomain: options.uidDomain ?? 'eduset' }));
  void server.register(consentRoutes(consent));
  void server.register(peopleRoutes({ storage, now, limited }));
  void server.register(
    authRoutes({
      auth: authService({
        identity: storage.identity,
        limits: storage.limits,
        now,
        absoluteTimeoutMs: timeouts.absoluteTimeoutMs,
        throttle: options.loginThrottle ?? defaultLoginThrottle,
      }),
      identity: storage.identity,
      now,
      limited,
      ...(options.oidc !== undefined ? { oidc: oidcClient(options.oidc) } : {}),
    }),
  );
  // Indicator values: imported into the storage by staff; the dashboard reads them there.
  const indicatorNetworkId = options.indicatorNetworkId ?? 'udomlya';
  const indicatorDataDir = demoIndicatorDataDir(options.staticRoot);
  void server.register(
    indicatorRoutes({ dataDir: indicatorDataDir, storage, valuesDataSet: indicatorNetworkId }),
  );
  void server.register(
    indicatorValueRoutes({
      storage,
      now,
      networkId: indicatorNetworkId,
      ...(indicatorDataDir === undefined ? {} : { dataDir: indicatorDataDir }),
    }),
  );

  // Data entry by the reporting organizations, completeness and approval (issue 16 §2).
  void server.register(
    dataEntryRoutes({
      storage,
      now,
      networkId: indicatorNetworkId,
      ...(indicatorDataDir === undefined ? {} : { dataDir: indicatorDataDir }),
    }),
  );

  void server.register(
    schoolRoutes({
      storage,
      now,
      ...(options.staticRoot
        ? { dataFile: resolve(options.staticRoot, 'data', 'tutaev-schools.json') }
        : {}),
    }),
  );

  // Support programmes of flagged schools (issue 16 §4).
  void server.register(supportRoutes({ storage, now }));

  // Every financing route's records lie in this network (staff grants are checked against it).
  const financingNetworkId = options.financingNetworkId ?? 'michurinsk';
  void server.register(
    financingRoutes({
      financing: storage.financing,
      reads: storage.financingReads,
      limits: storage.limits,
      now,
      limited,
      networkId: financingNetworkId,
      places: storage.programmeReviews,
    }),
  );
  // The provider's desk: applications, attendance, termination and the monthly acts.
  void server.register(providerDeskRoutes({ storage, now, networkId: financingNetworkId }));
  // The provider's programmes and the operator's programme review (issue 15).
  void server.register(programmeRoutes({ storage, now, networkId: financingNetworkId }));

  // The payer's monthly settlement and the coordinator's coverage report; each contract's
  // completeness comes from the attendance its provider entered (100 % where none was).
  void server.register(
    settlementRoutes({
      settlement: storage.settlement,
      now,
      networkId: financingNetworkId,
      completenessOf: (month) => storage.providerDesk.completeness(month),
      // Accepted contracts whose start date has come are billed: in force before the month.
      activateDue: (today, providers) => storage.providerDesk.activateDue(today, providers),
    }),
  );
  // The operator's desk: the certificate registry, normative-cost parameters, direction limits.
  void server.register(operatorRoutes({ storage, now, networkId: financingNetworkId }));

  // The inventory of shared rooms and staff (issue 17 §1): the coordinator's routes and the
  // public summary, for the financing network's municipality.
  void server.register(inventoryRoutes({ storage, networkId: financingNetworkId }));

  // The family's cabinet and the applications for a certificate (public, with the family's
  // token), and the operator's decisions on the applications.
  void server.register(
    familyRoutes({
      storage,
      now,
      limited,
      consentVersion: consent.version,
      networkId: financingNetworkId,
    }),
  );

  if (options.courses !== undefined) {
    void server.register(
      courseRoutes({
        ...options.courses,
        store: storage.courseNetworks,
        inventory: storage.inventory,
        links: storage.courseLinks,
        now,
        limited,
      }),
    );
  }

  // The pages and the widget bundles are public; their routes are marked so in their scope.
  const staticRoot = options.staticRoot;
  const widgetsRoot = options.widgetsRoot;
  const hasPages = staticRoot !== undefined && existsSync(staticRoot);
  if (hasPages || (widgetsRoot !== undefined && existsSync(widgetsRoot))) {
    void server.register(async (files) => {
      markRoutesPublic(files);
      if (hasPages) {
        await files.register(fastifyStatic, {
          root: resolve(staticRoot),
          prefix: '/',
          allowedPath: isServablePage,
          dotfiles: 'ignore',
        });
      }
      if (widgetsRoot !== undefined && existsSync(widgetsRoot)) {
        await files.register(fastifyStatic, {
          root: resolve(widgetsRoot),
          prefix: '/widgets/',
          decorateReply: !hasPages,
          allowedPath: isServableWidgetFile,
          dotfiles: 'ignore',
          // The build writes `.br` and `.gz` beside each bundle: sent as the browser accepts.
          preCompressed: true,
          setHeaders: (reply, path) => {
            // A chunk named by its content's hash never changes: cached for a year; the
            // bundles and the loader keep their names and are asked again (ETag) each time.
            if (isHashedWidgetChunk(path)) {
              void reply.header('cache-control', 'public, max-age=31536000, immutable');
            }
          },
        });
      }
    });
  }
  return server;
}

/**
 * Where {@link startServer} listens: 127.0.0.1 by default; port `0` picks a free one.
 *
 * @example
 * ```ts
 * import type { ListenOptions } from '@eduset/server';
 * const listen: ListenOptions = { port: 8080 };
 * ```
 */
export interface ListenOptions {
  readonly port?: number;
  readonly host?: string;
}

/**
 * A server that is listening.
 *
 * @example
 * ```ts
 * import type { RunningServer } from '@eduset/server';
 * declare const running: RunningServer;
 * console.log(running.url); // 'http://127.0.0.1:8080/'
 * await running.close();
 * ```
 */
export interface RunningServer {
  /** The Fastify instance. */
  readonly server: FastifyInstance;
  /** The base address, e.g. `http://127.0.0.1:8080/`. */
  readonly url: string;
  /** The port actually used (useful with port 0). */
  readonly port: number;
  /** Stops accepting connections and waits for the open ones. Does not close the storage. */
  close(): Promise<void>;
}

/**
 * Creates the server with {@link createServer} and listens, on 127.0.0.1 unless told
 * otherwise.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import { startServer } from '@eduset/server';
 * const storage = await openStorage();
 * const running = await startServer({ storage, staticRoot: 'examples' }, { port: 8080 });
 * console.log(running.url);
 * ```
 */
export async function startServer(
  options: ServerOptions,
  listen: ListenOptions = {},
): Promise<RunningServer> {
  const server = createServer(options);
  const host = listen.host ?? '127.0.0.1';
  await server.listen({ port: listen.port ?? 8080, host });
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (listen.port ?? 0);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `http://${shownHost}:${port}/`,
    port,
    close: () => server.close(),
  };
}
