/**
 * Indicators: portable, versioned definitions; eduset's own formula language (lexer, parser
 * to a JSON syntax tree, evaluator on exact numbers — no `eval`, no `Function`, no property
 * access); data values with aggregation over org units and over time; computation that
 * re-derives ratios from summed parts at every level; no value with a reason instead of
 * NaN/0/Infinity; explanations; validation rules; the built-in catalog.
 *
 * @example
 * ```ts
 * import { parseFormula, printFormula } from '@eduset/core/indicators';
 * printFormula(parseFormula('#{parents-satisfied}/#{parents-surveyed}')); // '#{parents-satisfied} / #{parents-surveyed}'
 * ```
 *
 * @module indicators
 */
export * from './exact.js';
export * from './syntax.js';
export * from './formula-error.js';
export * from './lexer.js';
export * from './parser.js';
export * from './print.js';
export * from './evaluate.js';
export * from './vocabulary.js';
export * from './period.js';
export * from './dataset.js';
export * from './definition.js';
export * from './json-schema.js';
export * from './result.js';
export * from './compute.js';
export * from './linking.js';
export * from './validation-rules.js';
export * from './definition-tests.js';
export * from './catalog.js';
export * from './consultation-figures.js';
export * from './report-schema.js';
export * from './report.js';
export * from './table.js';
export * from './api.js';
export * from './values-api.js';
export * from './submission.js';
export * from './data-entry-api.js';
