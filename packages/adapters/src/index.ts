/**
 * `@eduset/adapters`: the library of eduset that touches the outside world — storage in
 * PostgreSQL (embedded PGlite by default, a server with `DATABASE_URL`) with its SQL
 * migrations, CSV/XLSX/JSON import and export, iCalendar. It holds no web server: the HTTP
 * application and the `eduset` command are `@eduset/server`.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * import { importSites } from '@eduset/adapters/import';
 * const storage = await openStorage({ dataDir: '.data/pglite' });
 * console.log(await storage.listNetworks());
 * await storage.close();
 * void importSites;
 * ```
 *
 * @module adapters
 */
export * from './storage/index.js';
export * from './import/index.js';
export * from './ical/index.js';
export * from './schools/index.js';
export * from './indicators/index.js';
export * from './export/index.js';
export * from './courses/index.js';
