/**
 * Exports: the one CSV writer every CSV of eduset goes through (formulae neutralised), and
 * the monthly payment register as CSV and XLSX (core's `paymentReport`, and the payer's
 * settlement register with adjustments and a contracts' sheet).
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
export { excelCsv, type CsvCell } from './csv.js';
export {
  paymentRegisterCsv,
  paymentRegisterXlsx,
  type PaymentRegisterReport,
} from './payment-register.js';
export {
  financingReportCsv,
  settlementRegisterCsv,
  settlementRegisterXlsx,
  type SettlementRegister,
} from './settlement-register.js';
