/**
 * Schools: profiles and social passports, the social wellbeing index, identification of
 * low-results and adverse-condition schools with explanations, clustering (k-means++, Ward,
 * exact 1-D grouping) and support programmes.
 *
 * @example
 * ```ts
 * import { identifySchools, defaultWellbeingIndex, defaultIdentification } from '@eduset/core/schools';
 * import type { SchoolProfile } from '@eduset/core/schools';
 * declare const schools: SchoolProfile[];
 * identifySchools(schools, { index: defaultWellbeingIndex, identification: defaultIdentification, year: 2016 });
 * ```
 *
 * @module schools
 */
export * from './categories.js';
export * from './identification.js';
export * from './profile.js';
export * from './random.js';
export * from './statistics.js';
export * from './value-added.js';
export * from './wellbeing-index.js';
export * from './kmeans.js';
export * from './matrix.js';
export * from './optimal-grouping.js';
export * from './silhouette.js';
export * from './ward.js';
export * from './support.js';
export * from './synthetic.js';
export * from './map-data.js';
export * from './api.js';
export * from './support-api.js';
export * from './support-report.js';
