// The payer's monthly settlement (preview with explanations, approval, payment, closing,
// corrections as adjustments of the next open month) and the coordinator's coverage and
// uptake report. Exported from the financing module.
export * from './api.js';
export * from './corrections.js';
export * from './months.js';
export * from './preview.js';
export * from './reports.js';
