// The opening-day reads on a PostgreSQL streaming replica, through the API (issue 15 §4): a
// primary and a hot standby on loopback (pg_basebackup -R); the server's storage opened with
// DATABASE_READ_URL. The standby's replay is paused to make it visibly behind: the navigator
// answers from the replica (without what was just written on the primary), an application goes
// to the primary, and the family that just applied reads its own write (cookie
// eduset_read_after) — from the primary while the replica lags, from the replica once it
// has replayed that far.
import {
  certificateBalanceSchema,
  enrolmentResponseSchema,
  instant,
  programmeListSchema,
  type Instant,
} from '@eduset/core';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedFinancingIfEmpty } from '../src/cli-financing.js';
import { createServer, readAfterCookieName, readAfterHeaderName } from '../src/index.js';
import {
  startPostgresServer,
  startStandby,
  type PostgresServer,
} from '../../adapters/test/postgres-server.js';

const demoFile = new URL('../../../examples/data/michurinsk-financing.json', import.meta.url)
  .pathname;
const clock: Instant = instant('2027-10-05T09:00:00Z');

let primary: PostgresServer | undefined;
let standby: PostgresServer | undefined;
let storage: Storage;
let server: FastifyInstance;
let onPrimary: pg.Client;
let onReplica: pg.Client;

async function waitForReplay(): Promise<void> {
  const { rows } = await onPrimary.query<{ lsn: string }>(
    'SELECT pg_current_wal_insert_lsn()::text AS lsn',
  );
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const replayed = await onReplica.query<{ ok: boolean }>(
      'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok',
      [rows[0]?.lsn ?? '0/0'],
    );
    if (replayed.rows[0]?.ok === true) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('the standby did not catch up in 15 s');
}

beforeAll(async () => {
  primary = await startPostgresServer();
  const url = primary.createDatabase('surge');
  standby = await startStandby(primary);
  storage = await openStorage({ databaseUrl: url, readDatabaseUrl: standby.databaseUrl('surge') });
  await seedFinancingIfEmpty(storage, demoFile, clock, () => undefined);
  server = createServer({ storage, now: () => clock, rateLimit: false });
  await server.ready();
  onPrimary = new pg.Client({ connectionString: url });
  onReplica = new pg.Client({ connectionString: standby.databaseUrl('surge') });
  onReplica.on('error', () => undefined);
  await onPrimary.connect();
  await onReplica.connect();
  await waitForReplay();
}, 180_000);

afterAll(async () => {
  await onReplica?.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
  await onReplica?.end();
  await onPrimary?.end();
  await server?.close();
  await storage?.close();
  standby?.stop();
  primary?.stop();
});

/** The eduset_read_after cookie of an answer, as a `Cookie` header. */
function readAfterCookie(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie === undefined ? [] : [setCookie];
  const cookie = list.find((line) => line.startsWith(`${readAfterCookieName}=`));
  if (cookie === undefined) throw new Error('no read-after cookie');
  expect(cookie).toMatch(/; Path=\/api; Max-Age=120; HttpOnly; SameSite=Lax/);
  return cookie.split(';')[0] ?? '';
}

describe('the navigator on a read replica, with read-your-writes for the family', () => {
  test('the navigator answers from the replica; the application goes to the primary; the family reads its own write', async () => {
    const before = programmeListSchema.parse(
      (await server.inject('/api/programmes?limit=5000')).json(),
    );
    expect(before.total).toBe(383);
    const funded = before.programmes.find(
      (p) => p.fundingKind === 'funded' && p.ageFrom <= 11 && p.ageTo >= 11,
    );
    if (!funded) throw new Error('no funded programme for age 11');

    await onReplica.query('SELECT pg_wal_replay_pause()');
    // A programme published now on the primary (the operator's write) …
    const registry = await storage.financing.listProgrammes();
    const fundedProgramme = registry.programmes.find((p) => p.id === funded.id);
    if (!fundedProgramme) throw new Error('the funded programme is not in the registry');
    await storage.financing.saveRegistry({
      providers: registry.providers,
      programmes: [
        { ...fundedProgramme, id: 'surge-new', name: 'Новая программа в день открытия' },
      ],
    });
    // … is not in the navigator yet: the navigator is served by the paused replica.
    const navigator = programmeListSchema.parse(
      (await server.inject('/api/programmes?limit=5000')).json(),
    );
    expect(navigator.total).toBe(383);
    expect(navigator.programmes.some((p) => p.id === 'surge-new')).toBe(false);
    const { rows: published } = await onPrimary.query(
      "SELECT 1 FROM financing_programmes WHERE id = 'surge-new'",
    );
    expect(published).toHaveLength(1);

    // The family of demo certificate 1 applies: the write goes to the primary.
    const applied = await server.inject({
      method: 'POST',
      url: '/api/enrolments',
      payload: {
        certificateNumber: '6800000001',
        birthDate: '2016-04-12',
        programmeId: funded.id,
      },
    });
    expect(applied.statusCode).toBe(201);
    const { contract } = enrolmentResponseSchema.parse(applied.json());
    const { rows: stored } = await onPrimary.query(
      'SELECT status FROM financing_contracts WHERE id = $1',
      [contract.id],
    );
    expect(stored).toEqual([{ status: 'requested' }]);
    const cookie = readAfterCookie(applied.headers['set-cookie']);
    expect(applied.headers[readAfterHeaderName]).toBe(cookie.split('=')[1]);

    const balance = (headers: Record<string, string> = {}) =>
      server.inject({
        url: '/api/certificates/6800000001/balance?birthDate=2016-04-12',
        headers,
      });
    // Anyone else still sees the replica's balance, from before the application.
    const stale = certificateBalanceSchema.parse((await balance()).json());
    expect(stale.reserved).toBe('0.00');
    // The family that applied sees its reserve (the primary answers while the replica lags),
    // and the programme published before its application.
    const own = certificateBalanceSchema.parse((await balance({ cookie })).json());
    expect(own.reserved).toBe(contract.certificate);
    expect(own.reserved).not.toBe('0.00');
    const ownNavigator = programmeListSchema.parse(
      (await server.inject({ url: '/api/programmes?limit=5000', headers: { cookie } })).json(),
    );
    expect(ownNavigator.programmes.some((p) => p.id === 'surge-new')).toBe(true);
    // The header does what the cookie does (a page on another site sends no cookie).
    const byHeader = certificateBalanceSchema.parse(
      (await balance({ [readAfterHeaderName]: cookie.split('=')[1] ?? '' })).json(),
    );
    expect(byHeader.reserved).toBe(contract.certificate);
    // Reads write nothing, so they carry no position.
    expect((await balance()).headers['set-cookie']).toBeUndefined();

    // The replica replays up to now, then stops again; another family applies meanwhile.
    await onReplica.query('SELECT pg_wal_replay_resume()');
    await waitForReplay();
    await onReplica.query('SELECT pg_wal_replay_pause()');
    const other = await server.inject({
      method: 'POST',
      url: '/api/enrolments',
      payload: { certificateNumber: '6800000002', birthDate: '2012-10-03', programmeId: funded.id },
    });
    expect(other.statusCode).toBe(201);
    // The first family's position is replayed: its reads are the replica's again — which
    // shows its own reserve, but not the other family's newer one.
    expect(certificateBalanceSchema.parse((await balance({ cookie })).json()).reserved).toEqual(
      own.reserved,
    );
    const otherSeenByFirst = certificateBalanceSchema.parse(
      (
        await server.inject({
          url: '/api/certificates/6800000002/balance?birthDate=2012-10-03',
          headers: { cookie },
        })
      ).json(),
    );
    expect(otherSeenByFirst.reserved).toBe('0.00');
    const otherCookie = readAfterCookie(other.headers['set-cookie']);
    const otherOwn = certificateBalanceSchema.parse(
      (
        await server.inject({
          url: '/api/certificates/6800000002/balance?birthDate=2012-10-03',
          headers: { cookie: otherCookie },
        })
      ).json(),
    );
    expect(otherOwn.reserved).not.toBe('0.00');
    await onReplica.query('SELECT pg_wal_replay_resume()');
  });
});
