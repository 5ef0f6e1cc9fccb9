/**
 * The reference HTTP server: the network API with bilingual JSON errors, the example pages
 * and the widgets bundle, under a strict Content-Security-Policy.
 *
 * @example
 * ```ts
 * import { openStorage, startServer } from '@eduset/adapters';
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
} from './booking-routes.js';
export {
  demoIndicatorDataDir,
  indicatorRoutes,
  indicatorsQuerySchema,
  type IndicatorRoutesOptions,
  type IndicatorsQuery,
} from './indicator-routes.js';
export {
  financingRoutes,
  programmesQuerySchema,
  type FinancingRoutesOptions,
  type ProgrammesQuery,
} from './financing-routes.js';
export {
  errorResponse,
  notFoundResponse,
  type ApiErrorBody,
  type ApiErrorResponse,
} from './errors.js';
export { networkFilterOf, networkQuerySchema, type NetworkQuery } from './query.js';
export {
  contentSecurityPolicy,
  createServer,
  securityHeaders,
  startServer,
  type ListenOptions,
  type RunningServer,
  type ServerOptions,
} from './server.js';
export {
  bodyLimitBytes,
  defaultRateLimit,
  registerSecurity,
  securityErrorResponse,
  type RateLimitedRouteConfig,
  type RateLimitOptions,
  type SecurityOptions,
} from './security.js';
