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
// The wire contracts live in core beside their domains (one schema per wire); they are
// re-exported here for code that used to import them from the server.
export {
  bookingRequestSchema,
  indicatorsQuerySchema,
  networkFilterOf,
  networkQuerySchema,
  programmesQuerySchema,
  slotsQuerySchema,
  type BookingCreatedResponse,
  type BookingRequest,
  type IndicatorsQuery,
  type NetworkQuery,
  type ProgrammesQuery,
  type SlotsQuery,
  type TimetableViewResponse,
} from '@eduset/core';
export { bookingRoutes, type BookingRoutesOptions } from './features/bookings/routes.js';
export { manageRoutes, type ManageRoutesOptions } from './features/manage/routes.js';
export {
  manageService,
  type BookingPlace,
  type ManageService,
  type ManageServiceOptions,
} from './features/manage/service.js';
export { surveyRoutes, type SurveyRoutesOptions } from './features/surveys/routes.js';
export { readConsultationHistory, seedConsultationHistoryIfEmpty } from './cli-consultations.js';
export {
  composeBookingMail,
  composeRequestMail,
  messageIdOf,
  type BookingMailKind,
  type BookingMailOptions,
  type MailContext,
} from './features/mail/compose.js';
export { composeStaffMail } from './features/mail/staff.js';
export {
  bookingTimeAfter,
  mailFreshness,
  planBookingMail,
  reminderDueAt,
  type MailPlanContext,
} from './features/mail/plan.js';
export {
  holdForEmailConfirmation,
  mailRoutes,
  requireEmailForConfirmation,
  type EmailConfirmationOptions,
  type MailRoutesOptions,
} from './features/mail/routes.js';
export {
  MailSendError,
  mailFolderTransport,
  smtpSocketTimeoutMs,
  smtpTransport,
  type MailTransport,
  type OutgoingMail,
  type SmtpSettings,
} from './features/mail/transport.js';
export {
  createMailWorker,
  type MailPass,
  type MailWorker,
  type MailWorkerOptions,
} from './features/mail/worker.js';
export {
  demoIndicatorDataDir,
  indicatorRoutes,
  type IndicatorRoutesOptions,
} from './features/indicators/routes.js';
export {
  indicatorValueRoutes,
  type IndicatorValueRoutesOptions,
} from './features/indicators/values-routes.js';
export {
  certificateAttemptLimit,
  financingRoutes,
  type FinancingRoutesOptions,
} from './features/financing/routes.js';
export { inventoryRoutes, type InventoryRoutesOptions } from './features/inventory/routes.js';
export { dataEntryRoutes, type DataEntryRoutesOptions } from './features/data-entry/routes.js';
export { operatorRoutes, type OperatorRoutesOptions } from './features/operator/routes.js';
export {
  operatorErrorAsHttp,
  operatorToday,
  versionAuthorOf,
} from './features/operator/service.js';
export {
  HttpError,
  errorResponse,
  isDatabaseUnavailable,
  notFoundResponse,
  type ApiErrorBody,
  type ApiErrorResponse,
} from './errors.js';
export {
  apiDocsPaths,
  contractSerializerCompiler,
  contractValidatorCompiler,
  registerContracts,
  withContracts,
  type ZodScope,
} from './plugins/contracts.js';
export {
  apiCacheControl,
  contentSecurityPolicy,
  createServer,
  securityHeaders,
  serverVersion,
  startServer,
  type ListenOptions,
  type RunningServer,
  type ServerOptions,
} from './app.js';
export { redactedQuery, registerRequestLog, requestIdOf } from './plugins/request-log.js';
export {
  bodyLimitBytes,
  databaseRateLimitStore,
  defaultRateLimit,
  registerSecurity,
  securityErrorResponse,
  type RateLimitedRouteConfig,
  type RateLimitOptions,
  type SecurityOptions,
} from './plugins/security.js';
export { courseRoutes, type CourseRoutesOptions } from './features/courses/routes.js';
export {
  CoursePlanService,
  seedCourseNetwork,
  type PublishedCourses,
} from './features/courses/plan-service.js';
export * from './features/schools/routes.js';
export {
  isHashedWidgetChunk,
  isServablePage,
  isServableWidgetFile,
} from './plugins/static-files.js';
export * from './features/support/routes.js';
export {
  consentChanged,
  consentRoutes,
  defaultConsent,
  type ConsentResponse,
  type ConsentText,
} from './features/consent/routes.js';
export { peopleRoutes, type PeopleRoutesOptions } from './features/people/routes.js';
export { familyRoutes, type FamilyRoutesOptions } from './features/family/routes.js';
export {
  bearerTokenOf,
  checkCertificatePair,
  civilDateIn,
  familyCertificateOf,
  familyContractOf,
  familyErrorAsHttp,
  familySessionLifetimeMs,
  newApplicationCode,
  newApplicationReference,
} from './features/family/service.js';
export {
  erasePerson,
  exportPerson,
  parsePersonRequest,
  personContactOf,
  personRequestSchema,
  type PersonErasure,
  type PersonExport,
  type PersonExportEntry,
  type PersonRequest,
} from './features/people/service.js';
export {
  forbidden,
  markRoutesPublic,
  registerAccess,
  unauthenticated,
  type ActorSource,
  type RouteAccess,
  type RouteAccessEntry,
} from './plugins/access.js';
export { registerAudit, type AuditNote, type AuditOptions } from './plugins/audit.js';
export {
  auditQuerySchema,
  staffBookingsQuerySchema,
  staffRoutes,
  type AuditQuery,
  type StaffBookingsQuery,
} from './features/staff/routes.js';
export {
  auditActionName,
  auditExportLimit,
  staffService,
  type AccessPolicy,
  type NamedPlace,
  type StaffAuditFilter,
  type StaffBookingsAnswer,
  type StaffBookingsFilter,
  type StaffBookingView,
  type StaffGrantView,
  type StaffMe,
  type StaffService,
  type StaffServiceOptions,
} from './features/staff/service.js';
export { agendaRoutes } from './features/agenda/routes.js';
export {
  agendaService,
  type AgendaCalendar,
  type AgendaRecordPlace,
  type AgendaService,
  type AgendaServiceOptions,
} from './features/agenda/service.js';
export * from './plugins/session.js';
export * from './plugins/read-your-writes.js';
export * from './features/auth/service.js';
export * from './features/auth/oidc.js';
export * from './features/auth/routes.js';
export { availabilityRoutes } from './features/availability/routes.js';
export {
  availabilityService,
  type AvailabilityService,
  type AvailabilityServiceOptions,
} from './features/availability/service.js';
export { providerDeskRoutes } from './features/provider-desk/routes.js';
export {
  providerDeskService,
  type ContractPlace,
  type ProviderDeskOptions,
  type ProviderDeskService,
} from './features/provider-desk/service.js';
export { programmeRoutes } from './features/programmes/routes.js';
export {
  programmeService,
  type ProgrammeAction,
  type ProgrammeService,
  type ProgrammeServiceOptions,
} from './features/programmes/service.js';
export { settlementRoutes } from './features/settlement/routes.js';
export {
  settlementService,
  type CompletenessSource,
  type ContractActivation,
  type SettlementService,
  type SettlementServiceOptions,
} from './features/settlement/service.js';
