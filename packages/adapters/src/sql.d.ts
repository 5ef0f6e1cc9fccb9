// SQL migrations are imported as text (`import sql from '../../migrations/0001_x.sql?raw'`):
// vitest does this natively and rollup.config.mjs has a small plugin for it, so the built
// package carries its migrations inside the bundle and needs no file lookups at run time.
declare module '*.sql?raw' {
  const sql: string;
  export default sql;
}
