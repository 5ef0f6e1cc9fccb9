export * from './booking-cancelled.js';
export * from './booking-created.js';
export * from './error.js';
export * from './filter-change.js';
export * from './load.js';
export * from './slot-select.js';
export * from './survey-answered.js';
