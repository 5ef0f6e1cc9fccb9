/**
 * Exports of financing data: the monthly payment register as CSV and XLSX.
 *
 * @example
 * ```ts
 * import { paymentRegisterCsv, type PaymentRegisterReport } from '@eduset/adapters';
 * declare const report: PaymentRegisterReport;
 * paymentRegisterCsv(report, []);
 * ```
 *
 * @module export
 */
export {
  paymentRegisterCsv,
  paymentRegisterXlsx,
  type PaymentRegisterReport,
} from './payment-register.js';
