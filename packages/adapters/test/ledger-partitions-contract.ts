// The financing ledger partitioned by period (migration 0026), on PGlite and a PostgreSQL
// server alike: rows of 0003 migrated into their periods' partitions, a partition made on
// demand (certificate group or first movement, concurrently from several stores), a movement
// id unique across periods, and a settlement that reads only its period's partition.
import {
  activateCertificate,
  certificateGroupSchema,
  ConflictError,
  issueCertificate,
  ledgerEntry,
  type Certificate,
  type LedgerEntry,
} from '@eduset/core';
import { describe, expect, test } from 'vitest';
import type { Database } from '../src/storage/database.js';
import { financingStore, settlementLedgerSql } from '../src/storage/financing.js';
import { migrate, migrations } from '../src/storage/migrations.js';
import { testRegistry } from './financing-contract.js';

/** A fresh database (nothing migrated) and, for concurrency, more connections to it. */
export interface PartitionTestBed {
  /** An empty database, not migrated. */
  open(): Promise<Database>;
  /** Another connection (pool) to the database `open` made last: another server process. */
  another(): Promise<Database>;
}

function certificate(i: number): Certificate {
  const issued = issueCertificate(
    { id: `c${String(i)}`, number: String(6800000000 + i), birthDate: '2008-03-15', groupId: 'g' },
    '2015-01-10',
  );
  return { ...activateCertificate(issued, '2015-01-11'), kind: 'funded' };
}

function group(period: string) {
  const year = period.slice(0, 4);
  return certificateGroupSchema.parse({
    id: 'g',
    name: 'Дети 5–18 лет',
    period: { id: period, start: `${year}-01-01`, end: `${year}-12-31` },
    nominal: '24000',
    fundedPlaces: 1000,
  });
}

const issue = (i: number, period: string): LedgerEntry =>
  ledgerEntry({
    id: `issue:c${String(i)}:${period}`,
    certificateId: `c${String(i)}`,
    period,
    kind: 'issue',
    amount: '24000',
  });

/** Certificates c0…c(count-1) in group `g` of period 2010 (whose partition it makes). */
async function saveCertificates(database: Database, count: number): Promise<void> {
  const store = financingStore(database);
  await store.saveCertificateGroup(group('2010'));
  await store.saveCertificates(Array.from({ length: count }, (_, i) => certificate(i)));
}

/** Which table each ledger row lies in, by id. */
async function placement(database: Database): Promise<Map<string, string>> {
  const rows = await database.query<{ id: string; partition: string }>(
    'SELECT id, tableoid::regclass::text AS partition FROM financing_ledger',
  );
  return new Map(rows.map((row) => [row.id, row.partition]));
}

async function partitions(database: Database): Promise<string[]> {
  const rows = await database.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'financing_ledger'::regclass ORDER BY c.relname`,
  );
  return rows.map((row) => row.name);
}

export function ledgerPartitionsContract(engine: string, bed: PartitionTestBed): void {
  describe(`the financing ledger partitioned by period (${engine})`, () => {
    test('rows posted before 0026 move into their periods’ partitions, in posting order', async () => {
      const database = await bed.open();
      try {
        await migrate(
          database,
          migrations.filter((migration) => migration.version < 26),
        );
        // The rows as 0003's store wrote them (today's store needs 0026).
        await database.exec(`
          INSERT INTO certificate_groups (id, document, period, funded_places)
            VALUES ('g', '${JSON.stringify(group('2016'))}'::jsonb, '2016', 1000);
          INSERT INTO certificates (id, number, birth_date, group_id, kind, status, document)
            SELECT id, number, birth_date, 'g', 'funded', 'active', document FROM jsonb_to_recordset('${JSON.stringify(
              [certificate(1), certificate(2)].map((c) => ({
                id: c.id,
                number: c.number,
                birth_date: c.birthDate,
                document: c,
              })),
            )}'::jsonb) AS r(id text, number text, birth_date date, document jsonb);
          INSERT INTO financing_ledger (id, certificate_id, period, kind, amount) VALUES
            ('issue:c1:2015', 'c1', '2015', 'issue', 24000),
            ('issue:c2:2016', 'c2', '2016', 'issue', 24000),
            ('issue:c1:2016', 'c1', '2016', 'issue', 24000);
          INSERT INTO certificate_balances (certificate_id, period, issued, available) VALUES
            ('c1', '2015', 24000, 24000), ('c2', '2016', 24000, 24000), ('c1', '2016', 24000, 24000);
        `);
        // 0026 and every migration after it.
        expect(await migrate(database)).toEqual(
          migrations.filter((migration) => migration.version >= 26).map((m) => m.version),
        );
        expect(await partitions(database)).toEqual([
          'financing_ledger_2015',
          'financing_ledger_2016',
          'financing_ledger_default',
        ]);
        expect(Object.fromEntries(await placement(database))).toEqual({
          'issue:c1:2015': 'financing_ledger_2015',
          'issue:c2:2016': 'financing_ledger_2016',
          'issue:c1:2016': 'financing_ledger_2016',
        });
        // The posting order survives, and new movements come after it.
        const after = financingStore(database);
        await after.postEntries([issue(2, '2015')]);
        expect((await after.ledgerEntries()).map((entry) => entry.id)).toEqual([
          'issue:c1:2015',
          'issue:c2:2016',
          'issue:c1:2016',
          'issue:c2:2015',
        ]);
        expect((await after.balance('c1', '2016')).available.toString()).toBe('24000.00');
      } finally {
        await database.close();
      }
    });

    test('a period gets its partition with its certificate group or its first movement', async () => {
      const database = await bed.open();
      try {
        await migrate(database);
        const store = financingStore(database);
        await store.saveCertificateGroup(group('2026-2027'));
        expect(await partitions(database)).toEqual([
          'financing_ledger_2026_2027',
          'financing_ledger_default',
        ]);
        await store.saveCertificates([certificate(1)]);
        await store.postEntries([issue(1, '2026-2027'), issue(1, '2031')]);
        expect(Object.fromEntries(await placement(database))).toEqual({
          'issue:c1:2026-2027': 'financing_ledger_2026_2027',
          'issue:c1:2031': 'financing_ledger_2031',
        });
        // A period whose readable name is taken gets a hash suffix.
        await store.postEntries([issue(1, '2026_2027')]);
        const names = await partitions(database);
        expect(names.filter((name) => name.startsWith('financing_ledger_2026_2027_'))).toHaveLength(
          1,
        );
      } finally {
        await database.close();
      }
    });

    test('a movement id is posted once in all periods: another period is refused', async () => {
      const database = await bed.open();
      try {
        await migrate(database);
        const store = financingStore(database);
        await store.saveCertificateGroup(group('2017'));
        await store.saveCertificates([certificate(1)]);
        expect(await store.postEntries([issue(1, '2017')])).toBe(1);
        expect(await store.postEntries([issue(1, '2017')])).toBe(0); // the same again: nothing new
        const elsewhere = { ...issue(1, '2017'), period: '2018' };
        await expect(store.postEntries([elsewhere])).rejects.toBeInstanceOf(ConflictError);
        // Even a row written past the store: its registration names another period.
        await expect(
          database.query(
            `INSERT INTO financing_ledger (id, certificate_id, period, kind, amount)
             VALUES ('issue:c1:2017', 'c1', '2018', 'issue', 1)`,
          ),
        ).rejects.toThrow(/financing_ledger_registered|foreign key/);
        expect((await store.ledgerEntries()).map((entry) => [entry.id, entry.period])).toEqual([
          ['issue:c1:2017', '2017'],
        ]);
        expect((await store.balance('c1', '2018')).issued.isZero()).toBe(true);
      } finally {
        await database.close();
      }
    });

    test('rows that reached the DEFAULT partition move out when their period’s partition is made', async () => {
      const database = await bed.open();
      try {
        await migrate(database);
        await saveCertificates(database, 2);
        // Written past the store (no partition made first): the row lands in DEFAULT.
        await database.exec(`
          INSERT INTO financing_ledger_ids (id, period, certificate_id) VALUES ('x:2040', '2040', 'c1');
          INSERT INTO financing_ledger (id, certificate_id, period, kind, amount)
            VALUES ('x:2040', 'c1', '2040', 'issue', 5);
        `);
        expect((await placement(database)).get('x:2040')).toBe('financing_ledger_default');
        const [made] = await database.query<{ created: boolean }>(
          "SELECT financing_ledger_partition('2040') AS created",
        );
        expect(made?.created).toBe(true);
        expect((await placement(database)).get('x:2040')).toBe('financing_ledger_2040');
        const [again] = await database.query<{ created: boolean }>(
          "SELECT financing_ledger_partition('2040') AS created",
        );
        expect(again?.created).toBe(false);
      } finally {
        await database.close();
      }
    });

    test('several processes posting the first movements of a new period make one partition', async () => {
      const database = await bed.open();
      const others: Database[] = [];
      try {
        await migrate(database);
        await saveCertificates(database, 40);
        for (let i = 0; i < 3; i += 1) others.push(await bed.another());
        const stores = [database, ...others].map((db) => financingStore(db));
        const posted = await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            stores[i % stores.length]?.postEntries([issue(i, '2050'), issue(i, '2051')]),
          ),
        );
        expect(posted).toEqual(Array.from({ length: 40 }, () => 2));
        expect(await partitions(database)).toEqual([
          'financing_ledger_2010',
          'financing_ledger_2050',
          'financing_ledger_2051',
          'financing_ledger_default',
        ]);
        const where = await placement(database);
        expect(where.size).toBe(80);
        for (const [id, partition] of where) {
          expect(partition).toBe(`financing_ledger_${id.slice(-4)}`);
        }
        const [registered] = await database.query<{ count: string }>(
          'SELECT count(*)::text AS count FROM financing_ledger_ids',
        );
        expect(registered?.count).toBe('80');
      } finally {
        for (const other of others) await other.close();
        await database.close();
      }
    });

    test('an enrolment in one statement: a record certificate converts once under 30 applications at once', async () => {
      const database = await bed.open();
      const others: Database[] = [];
      try {
        await migrate(database);
        const store = financingStore(database);
        await store.saveRegistry(testRegistry());
        await store.saveCertificateGroup({ ...group('2017'), fundedPlaces: 2 });
        const record = { ...certificate(1), kind: 'record' as const };
        await store.saveCertificates([record, certificate(2)]);
        await store.postEntries([issue(1, '2017'), issue(2, '2017')]);
        for (let i = 0; i < 3; i += 1) others.push(await bed.another());
        const stores = [store, ...others.map((db) => financingStore(db))];
        const results = await Promise.allSettled(
          Array.from({ length: 30 }, (_, i) => {
            const id = `p${String(i).padStart(2, '0')}`;
            return stores[i % stores.length]?.requestEnrolment({
              contractId: `record-${id}`,
              certificateId: 'c1',
              programmeId: id,
              moduleId: `${id}-m1`,
              groupId: `${id}-g1`,
              requestedOn: '2017-08-25',
            });
          }),
        );
        // 24 000 ₽ covers three contracts of 8 000 ₽; the conversion took one funded place.
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
        const [counted] = await database.query<{ funded_count: number; kind: string }>(
          `SELECT g.funded_count, c.kind FROM certificate_groups g
           JOIN certificates c ON c.group_id = g.id WHERE c.id = 'c1'`,
        );
        expect([Number(counted?.funded_count), counted?.kind]).toEqual([2, 'funded']);
        // The other child still gets the last funded place's worth: nothing was counted twice.
        const balance = await store.balance('c1', '2017');
        expect([balance.available.toString(), balance.reserved.toString()]).toEqual([
          '0.00',
          '24000.00',
        ]);
        const where = await placement(database);
        expect([...where.values()].every((table) => table === 'financing_ledger_2017')).toBe(true);
      } finally {
        for (const other of others) await other.close();
        await database.close();
      }
    });

    test('financing_enrol takes weekly hours under the cap, refusing what exceeds it', async () => {
      const database = await bed.open();
      try {
        await migrate(database);
        // The hours counter of issue 15 §3 (migration 0021 on its branch), as it defines it.
        await database.exec(`
          CREATE TABLE IF NOT EXISTS certificate_hours (
            certificate_id text NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
            period text NOT NULL,
            cap_hundredths integer NOT NULL CHECK (cap_hundredths > 0),
            used_hundredths integer NOT NULL DEFAULT 0,
            PRIMARY KEY (certificate_id, period),
            CONSTRAINT certificate_hours_cap
              CHECK (used_hundredths >= 0 AND used_hundredths <= cap_hundredths)
          )`);
        const store = financingStore(database);
        await store.saveRegistry(testRegistry());
        await store.saveCertificateGroup(group('2017'));
        await store.saveCertificates([certificate(1)]);
        const enrol = (programme: string, hundredths: number) => {
          const contract = {
            id: `hours-${programme}`,
            certificate_id: 'c1',
            period: '2017',
            programme_id: programme,
            module_id: `${programme}-m1`,
            group_id: `${programme}-g1`,
            provider_id: 'cdt',
            direction: 'technical',
            status: 'requested',
            requested_on: '2017-08-25',
            document: {},
          };
          return database.query('SELECT financing_enrol($1::jsonb)', [
            JSON.stringify({ contract, entries: [], hours: { cap: 400, hundredths } }),
          ]);
        };
        await enrol('p01', 250);
        await expect(enrol('p02', 200)).rejects.toThrow(/hours-exhausted/);
        await enrol('p03', 150);
        const [row] = await database.query<{ used: number }>(
          "SELECT used_hundredths AS used FROM certificate_hours WHERE certificate_id = 'c1'",
        );
        expect(Number(row?.used)).toBe(400);
        const contracts = await database.query<{ id: string }>(
          'SELECT id FROM financing_contracts ORDER BY id',
        );
        // The refused request left nothing behind: no contract, no place taken.
        expect(contracts.map((contract) => contract.id)).toEqual(['hours-p01', 'hours-p03']);
        const [p02] = await database.query<{ taken: number }>(
          "SELECT taken FROM financing_groups WHERE id = 'p02-g1'",
        );
        expect(Number(p02?.taken)).toBe(0);
      } finally {
        await database.close();
      }
    });

    test('a settlement of this year reads only this year’s partition (EXPLAIN)', async () => {
      const database = await bed.open();
      try {
        await migrate(database);
        await saveCertificates(database, 20);
        const store = financingStore(database);
        // Years of history, and this year.
        for (const period of ['2014', '2015', '2016', '2017']) {
          await store.postEntries(Array.from({ length: 20 }, (_, i) => issue(i, period)));
        }
        await database.exec('ANALYZE financing_ledger');
        const plan = (
          await database.query<{ 'QUERY PLAN': string }>(
            `EXPLAIN (COSTS OFF) ${settlementLedgerSql}`,
            ['2017-09', '{"2017"}'],
          )
        )
          .map((row) => row['QUERY PLAN'])
          .join('\n');
        expect(plan).toMatch(/financing_ledger_2017/);
        for (const other of ['2010', '2014', '2015', '2016', 'default']) {
          expect(plan).not.toMatch(new RegExp(`financing_ledger_${other}`));
        }
        // The same question over every period reads them all.
        const wide = (
          await database.query<{ 'QUERY PLAN': string }>(
            `EXPLAIN (COSTS OFF) ${settlementLedgerSql}`,
            ['2017-09', '{"2014","2015","2016","2017"}'],
          )
        )
          .map((row) => row['QUERY PLAN'])
          .join('\n');
        expect(wide).toMatch(/financing_ledger_2014/);
      } finally {
        await database.close();
      }
    });
  });
}
