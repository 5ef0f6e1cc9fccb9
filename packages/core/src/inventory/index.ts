/**
 * The inventory of a network's shared resources (инвентаризация ресурсов): rooms that
 * organizations of education, culture and sport offer to the network, with their area,
 * capacity, licensed kinds of activity, equipment, accessibility and free hours, and staff
 * willing to teach in the network; the search and the public summary (counts and m²).
 *
 * @example
 * ```ts
 * import { createInventory, inventorySummary, searchRooms } from '@eduset/core/inventory';
 * declare const json: unknown;
 * const inventory = createInventory(json);
 * searchRooms(inventory.rooms, { equipment: ['проектор'], minCapacity: 20 });
 * inventorySummary(inventory).area; // m²
 * ```
 *
 * @module inventory
 */
export * from './model.js';
export * from './search.js';
export * from './summary.js';
export * from './api.js';
export * from './course-rooms.js';
