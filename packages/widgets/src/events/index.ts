export * from './error.js';
export * from './filter-change.js';
export * from './load.js';
