/**
 * The family's side of personalized financing: the cabinet (what enrolling costs today and
 * why, each contract's months and reasons, withdrawing a request, ending a contract from
 * next month, activating the certificate) and the application for a certificate with the
 * operator's decision, with their wire contracts.
 *
 * @example
 * ```ts
 * import { withdrawEnrolment, type Contract } from '@eduset/core/financing';
 * declare const requested: Contract;
 * withdrawEnrolment(requested, '2026-10-06').contract.status; // 'refused'
 * ```
 *
 * @module financing/family
 */
export * from './api.js';
export * from './application-api.js';
export * from './application-status.js';
export * from './application.js';
export * from './explain.js';
export * from './preview.js';
export * from './reasons.js';
export * from './requests.js';
export * from './refusals.js';
export * from './withdraw.js';
export * from './words.js';
