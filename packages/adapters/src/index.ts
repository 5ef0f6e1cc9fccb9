/**
 * `@eduset/adapters`: everything of eduset that touches the outside world — storage in
 * PostgreSQL (embedded PGlite by default, a server with `DATABASE_URL`), the reference HTTP
 * server and, through the `eduset` command, the CLI.
 *
 * @example
 * ```ts
 * import { openStorage, startServer } from '@eduset/adapters';
 * const storage = await openStorage({ dataDir: '.data/pglite' });
 * const running = await startServer({ storage, staticRoot: 'examples' }, { port: 8080 });
 * console.log(running.url);
 * ```
 *
 * @module adapters
 */
export * from './storage/index.js';
export * from './server/index.js';
export * from './import/index.js';
export * from './ical/index.js';
export * from './schools/index.js';
export * from './indicators/index.js';
export * from './export/index.js';
export * from './courses/index.js';
