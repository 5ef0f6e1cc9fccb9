/**
 * `@eduset/server`: the eduset HTTP application (Fastify) — the public and staff APIs with
 * bilingual JSON errors, the example pages and the widgets bundle, under a strict
 * Content-Security-Policy — and the `eduset` command.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import { startServer } from '@eduset/server';
 * const running = await startServer({ storage: await openStorage() }, { port: 8080 });
 * ```
 *
 * @module server
 */
export {
  bookingRequestSchema,
  bookingRoutes,
  slotsQuerySchema,
  type BookingCreatedResponse,
  type BookingRequest,
  type BookingRoutesOptions,
  type SlotsQuery,
} from './features/bookings/routes.js';
export {
  demoIndicatorDataDir,
  indicatorRoutes,
  indicatorsQuerySchema,
  type IndicatorRoutesOptions,
  type IndicatorsQuery,
} from './features/indicators/routes.js';
export {
  financingRoutes,
  programmesQuerySchema,
  type FinancingRoutesOptions,
  type ProgrammesQuery,
} from './features/financing/routes.js';
export {
  errorResponse,
  notFoundResponse,
  type ApiErrorBody,
  type ApiErrorResponse,
} from './errors.js';
export {
  networkFilterOf,
  networkQuerySchema,
  type NetworkQuery,
} from './features/network/query.js';
export {
  contentSecurityPolicy,
  createServer,
  securityHeaders,
  startServer,
  type ListenOptions,
  type RunningServer,
  type ServerOptions,
} from './app.js';
export {
  bodyLimitBytes,
  defaultRateLimit,
  registerSecurity,
  securityErrorResponse,
  type RateLimitedRouteConfig,
  type RateLimitOptions,
  type SecurityOptions,
} from './plugins/security.js';
export {
  courseRoutes,
  type CourseRoutesOptions,
  type TimetableViewResponse,
} from './features/courses/routes.js';
export * from './features/schools/routes.js';
export {
  forbidden,
  markRoutesPublic,
  registerAccess,
  unauthenticated,
  type ActorSource,
  type RouteAccess,
  type RouteAccessEntry,
} from './plugins/access.js';
export * from './plugins/session.js';
export * from './features/auth/service.js';
export * from './features/auth/oidc.js';
export * from './features/auth/routes.js';
