import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import pg from 'pg';

/**
 * A value passed as a query parameter (`$1`, `$2`, …). Both engines send strings, numbers,
 * booleans and `null` as they are.
 */
export type SqlParam = string | number | boolean | null;

/** A row as the driver returns it: column name → value. */
export type SqlRow = Record<string, unknown>;

/** How to run one statement (see {@link SqlSession.query}). */
export interface QueryOptions {
  /** The name of the prepared statement this SQL is, on a PostgreSQL server. */
  readonly prepared?: string;
}

/**
 * What both engines can do inside or outside a transaction: run one parameterized
 * statement, or a script of several statements without parameters.
 */
export interface SqlSession {
  /**
   * Runs one statement with `$n` parameters and returns its rows. `options.prepared` names
   * it as a prepared statement on a PostgreSQL server (parsed and planned once per
   * connection, not on every call; the name must always go with the same SQL); PGlite
   * ignores it.
   */
  query<Row extends SqlRow = SqlRow>(
    sql: string,
    params?: readonly SqlParam[],
    options?: QueryOptions,
  ): Promise<Row[]>;
  /** Runs a script of several statements (no parameters), e.g. a migration. */
  exec(sql: string): Promise<void>;
}

/**
 * The one small interface the storage uses over PGlite and a PostgreSQL server.
 * `transaction` commits when the callback resolves and rolls back when it throws.
 */
export interface Database extends SqlSession {
  /** Which engine this is. */
  readonly engine: 'pglite' | 'postgres';
  transaction<T>(callback: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

type PGliteSession = Pick<PGlite, 'query' | 'exec'>;

function pgliteSession(db: PGliteSession): SqlSession {
  return {
    async query<Row extends SqlRow = SqlRow>(sql: string, params: readonly SqlParam[] = []) {
      const result = await db.query<Row>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
}

/**
 * Opens PGlite (PostgreSQL compiled to WebAssembly, in this process) over a data directory
 * on disk, or in memory with `memory://`. The `btree_gist` extension is loaded, so the
 * bookings' exclusion constraint works as on a PostgreSQL server.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  // A path on disk (not `memory://` or another scheme) may not exist yet, parents included.
  if (!/^[a-z]+:\/\//.test(dataDir)) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, { extensions: { btree_gist } });
  const session = pgliteSession(db);
  return {
    engine: 'pglite',
    ...session,
    transaction: (callback) => db.transaction((tx) => callback(pgliteSession(tx))),
    close: () => db.close(),
  };
}

type PgQueryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** A statement as `pg` takes it: named when it is to be prepared. */
function pgQuery(sql: string, params: readonly SqlParam[], options: QueryOptions | undefined) {
  return options?.prepared === undefined
    ? { text: sql, values: [...params] }
    : { name: options.prepared, text: sql, values: [...params] };
}

function postgresSession(client: PgQueryable): SqlSession {
  return {
    async query<Row extends SqlRow = SqlRow>(
      sql: string,
      params: readonly SqlParam[] = [],
      options?: QueryOptions,
    ) {
      const result = await client.query<Row>(pgQuery(sql, params, options));
      return result.rows;
    },
    async exec(sql: string) {
      // Without parameters `pg` uses the simple query protocol, which runs several statements.
      await client.query(sql);
    },
  };
}

/**
 * The pool as a session: each statement on a connection of the pool. Not `pool.query`: it
 * closes the connection whenever a statement fails, and refusals are ordinary here (every
 * booking the database refuses — a taken slot, an overlap — is an error from the server),
 * so under load every refused booking cost a new PostgreSQL backend (measured: forking and
 * warming up backends was a large part of the server's time). A statement refused by the
 * server (an error with its SQLSTATE) leaves the connection as good as before; only other
 * failures (a broken connection) drop it.
 */
/** Clients that already carry the listener of {@link connected}. */
const guarded = new WeakSet<pg.PoolClient>();
const ignoreClientError = (): void => undefined;

/**
 * A client from the pool that cannot crash the process: when the server goes away while the
 * client is checked out, pg emits 'error' on it (the pool only listens while it is idle), and
 * an 'error' event without a listener is an uncaught exception. The query under way rejects
 * anyway, and the caller reports that (the server answers 503).
 */
async function connected(pool: pg.Pool): Promise<pg.PoolClient> {
  const client = await pool.connect();
  if (!guarded.has(client)) {
    client.on('error', ignoreClientError);
    guarded.add(client);
  }
  return client;
}

function poolSession(pool: pg.Pool): SqlSession {
  return {
    async query<Row extends SqlRow = SqlRow>(
      sql: string,
      params: readonly SqlParam[] = [],
      options?: QueryOptions,
    ) {
      const client = await connected(pool);
      try {
        const result = await client.query<Row>(pgQuery(sql, params, options));
        client.release();
        return result.rows;
      } catch (error) {
        const refusedByServer = error instanceof pg.DatabaseError;
        client.release(refusedByServer ? undefined : error instanceof Error ? error : true);
        throw error;
      }
    },
    async exec(sql: string) {
      await postgresSession(pool).exec(sql);
    },
  };
}

/**
 * Connects to a PostgreSQL server through a `pg` connection pool of 20 connections (the
 * booking load measured best with 20 over 10 and 30; two server processes still fit
 * PostgreSQL's default of 100 connections).
 */
export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 20 });
  // An idle connection dropped by the server is an event, not a crash; the pool replaces it
  // and the next query reports any lasting problem.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    engine: 'postgres',
    ...poolSession(pool),
    async transaction(callback) {
      const client = await connected(pool);
      try {
        await client.query('BEGIN');
        const result = await callback(postgresSession(client));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
          client.release();
        } catch (rollbackError) {
          // The connection is unusable; drop it from the pool instead of reusing it.
          client.release(rollbackError instanceof Error ? rollbackError : true);
        }
        throw error;
      }
    },
    close: () => pool.end(),
  };
}
