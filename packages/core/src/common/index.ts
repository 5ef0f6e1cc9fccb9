/**
 * Common building blocks: school years, civil dates, exact money, labels in two languages,
 * typed errors and the one `parse` helper every public entry point uses.
 *
 * @example
 * ```ts
 * import { parseSchoolYear, Money } from '@eduset/core/common';
 * parseSchoolYear('2020-2021');
 * Money.of('100').allocate([1, 2]);
 * ```
 *
 * @module common
 */
export * from './csv.js';
export * from './errors.js';
export * from './iso-date.js';
export * from './labels.js';
export * from './money-text.js';
export * from './money.js';
export * from './parse.js';
export * from './school-year.js';
export * from './wire.js';
