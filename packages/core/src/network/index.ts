/**
 * The network model: organizations, the municipal sites they host, specialists and
 * services, and the queries municipal reports ask of them.
 *
 * @example
 * ```ts
 * import { createNetwork, networkYearTable } from '@eduset/core/network';
 * declare const json: unknown;
 * const table = networkYearTable(createNetwork(json));
 * ```
 *
 * @module network
 */
export * from './ids.js';
export * from './network.js';
export * from './organization.js';
export * from './site.js';
export * from './specialist.js';
export * from './api.js';
