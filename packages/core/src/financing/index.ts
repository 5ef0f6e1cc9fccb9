/**
 * Personalized financing (voucher certificates): certificates and their groups, the
 * programme registry, the normative cost, enrolment contracts with their amounts and
 * monthly schedules, limits, the ledger of every movement, monthly billing and the
 * payer's report, coverage, the programme navigator's filter and co-payment preview, and
 * the incentive rules of the Udomlya seeds.
 *
 * @example
 * ```ts
 * import { computeContractAmounts } from '@eduset/core/financing';
 * computeContractAmounts({
 *   start: '2017-09-01', end: '2017-12-31', groupStart: '2017-09-01', groupEnd: '2017-12-31',
 *   price: '10000', normativeCost: '8000', available: '5000',
 * }).family.toString(); // '5000.00'
 * ```
 *
 * @module financing
 */
export * from './amounts.js';
export * from './api.js';
export * from './billing.js';
export * from './certificate.js';
export * from './contract-amounts.js';
export * from './contract.js';
export * from './coverage.js';
export * from './family/index.js';
export * from './incentives.js';
export * from './ledger.js';
export * from './limits.js';
export * from './navigator.js';
export * from './normative-cost.js';
export * from './navigator-wire.js';
export {
  kopecksOf,
  moneyTextOfKopecks,
  previewCoPaymentText,
  previewEnrolmentText,
  proRataKopecks,
  splitKopecks,
  type EnrolmentPreviewOf,
  type EnrolmentPreviewText,
  type PreviewProgramme,
} from './preview-kopecks.js';
export * from './programme.js';
export * from './rules.js';
export {
  billingOptionsSchema,
  financingMonthSchema,
  financingPercentSchema,
  weeklyHoursSchema,
} from './validation.js';
export * from './provider-desk.js';
export * from './programme-review.js';
export * from './programme-review-api.js';
export * from './programme-rooms.js';
export * from './settlement/index.js';
export * from './operator.js';
