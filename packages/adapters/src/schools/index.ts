/**
 * Schools in the outside world: import of social passports and exam results (CSV/XLSX, row
 * errors), export of the identification table in the Tutaev shape (the schools API is in @eduset/server).
 *
 * @example
 * ```ts
 * import { importSchoolProfiles } from '@eduset/adapters';
 * declare const passports: Uint8Array;
 * const { profiles } = await importSchoolProfiles({ passports });
 * ```
 *
 * @module schools
 */
export * from './export.js';
export * from './import.js';
export * from './district.js';
export * from './stored.js';
export * from './parallel-kmeans.js';
export * from './support-report.js';
