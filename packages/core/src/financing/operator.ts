// The operator's desk in core: the certificate registry's steps (issue, status changes,
// record ↔ funded conversion, moves between financing periods), the versioned normative-cost
// parameters and direction limits per period, and their wire contracts.
export * from './operator-registry.js';
export * from './operator-parameters.js';
export * from './operator-api.js';
