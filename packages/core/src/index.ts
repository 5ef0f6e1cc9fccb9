/**
 * `@eduset/core`: pure calculations for municipal education networks. Each domain is also
 * its own subpath (`@eduset/core/common`, `@eduset/core/network`).
 *
 * @example
 * ```ts
 * import { createNetwork, parseSchoolYear, countSitesByKind } from '@eduset/core';
 * declare const json: unknown;
 * countSitesByKind(createNetwork(json), parseSchoolYear('2020-2021'));
 * ```
 *
 * @module core
 */
export * from './common/index.js';
export * from './network/index.js';
export * from './schedule/index.js';
export * from './schools/index.js';
export * from './indicators/index.js';
export * from './financing/index.js';
export * from './courses/index.js';
export * from './inventory/index.js';
export * from './access/index.js';
