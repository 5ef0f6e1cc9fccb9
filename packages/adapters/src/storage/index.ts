/**
 * Storage of eduset data in a real PostgreSQL: PGlite in this process by default, a
 * PostgreSQL server when `DATABASE_URL` is set; the same SQL migrations for both.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await storage.close();
 * ```
 *
 * @module storage
 */
export type {
  BookingContext,
  BookingMove,
  BookingMover,
  BookingQuery,
  BookingStore,
  BusyRange,
  CalendarBooking,
  ConsentRecord,
  CreatedBooking,
  NewBooking,
  PersonBooking,
  PersonContact,
  PublishedSchedule,
  PublishScheduleOptions,
  ScheduleRevision,
  ScheduleWithRevision,
} from './booking-store.js';
export type {
  ApplicationConfirmation,
  ConfirmedApplication,
  FamilyContractRecord,
  FamilyStore,
} from './family.js';
export type { FeedbackStore, PastConsultation, SurveyBooking } from './feedback.js';
export type {
  ApplicationInput,
  ApplicationOutcome,
  CertificateWithBalance,
  EnrolmentInput,
  FinancingStore,
} from './financing.js';
export type {
  ProgrammeReviewFilter,
  ProgrammeRoomOptions,
  ProgrammeReviewStore,
  StoredProgrammeReview,
} from './programme-reviews.js';
export type {
  FinancingReportRequest,
  ProviderView,
  SettlementRunOptions,
  SettlementStamp,
  SettlementStore,
} from './settlement.js';
export type {
  CertificateRegistryStore,
  IssueInput,
  RegistryQuery,
  RegistryStep,
} from './certificate-registry.js';
export type { InventoryReplacement, InventoryStore } from './inventory.js';
export type { RoomBookingStore, RoomWithOrganization } from './room-bookings.js';
export type {
  CourseNetworkHead,
  CourseNetworkStore,
  NewCourseDraft,
  StoredCourseNetwork,
} from './course-network.js';
export type {
  DirectionCount,
  DirectionLimitsInput,
  FinancingParametersStore,
  ParametersInput,
} from './financing-parameters.js';
export type {
  Account,
  AccountWithPassword,
  ActiveSession,
  IdentityStore,
  Invitation,
  IssuedToken,
  NewAccount,
  StoredSession,
} from './identity.js';
export type { AttemptCount, AttemptLimits } from './limits.js';
export {
  auditCsv,
  isAuditAppendOnlyError,
  type AuditEntry,
  type AuditFilter,
  type AuditPage,
  type AuditPageRequest,
  type AuditStore,
  type NewAuditEntry,
} from './audit.js';
export {
  isCourseLinkToken,
  type CourseLink,
  type CourseLinkStore,
  type ListedCourseLink,
  type NewCourseLink,
} from './course-links.js';
export { hashLinkToken, type LinkPurpose, type LinkTokens } from './link-tokens.js';
export type { ConsultationStore, NoteAuthor, StoredConsultationNote } from './consultations.js';
export {
  mailKinds,
  staffMailKinds,
  isStaffMailKind,
  type StaffMailKind,
  type StaffMailPayload,
  type BookingRequestRecord,
  type ClaimedMail,
  type MailKind,
  type MailOutcome,
  type MailRecord,
  type MailState,
  type MailStore,
  type NewMail,
  type RequestConfirmation,
  type SweptBooking,
} from './mail.js';
export { migrations, type Migration } from './migrations.js';
export {
  type IndicatorValueImportInput,
  type IndicatorValueImportRecord,
  type IndicatorValueStore,
} from './indicator-values.js';
export type {
  DataEntryLogEntry,
  DataEntryStepContext,
  DataEntryStepResult,
  DataEntryStore,
  StoredSubmission,
} from './data-entry.js';
export {
  type IdentificationRunInput,
  type IdentificationRunRecord,
  type SchoolProfileImportInput,
  type SchoolProfileImportRecord,
  type SchoolProfileStore,
  type StoredIdentificationRun,
  type StoredSchoolDistrict,
  type StoredSchoolYear,
} from './school-profiles.js';
export {
  type SupportChange,
  type SupportProgrammeInput,
  type SupportProgrammeStore,
  type SupportProgrammeSummary,
} from './support-programmes.js';
export {
  isWalPosition,
  type CertificateAttempt,
  type CertificateCheck,
  type FinancingReads,
  type ReadSource,
  type RoutedRead,
} from './read-replica.js';
export type { DeskQuery, DeskRecord, ProviderDeskStore } from './provider-desk.js';
export type { NetworkSummary } from './network-rows.js';
export { defaultDataDir, openStorage, type Storage, type StorageOptions } from './storage.js';
