// What the audit log must do, run against PGlite and a PostgreSQL server alike.
import { instant, ValidationError } from '@eduset/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  auditStore,
  isAuditAppendOnlyError,
  type AuditStore,
  type NewAuditEntry,
} from '../src/storage/audit.js';
import type { Database } from '../src/storage/database.js';

/** What an audit contract run needs: a migrated database, and how to close it. */
export interface AuditTestBed {
  readonly database: Database;
  close(): Promise<void>;
}

const read = (n: number, overrides: Partial<NewAuditEntry> = {}): NewAuditEntry => ({
  at: instant(new Date(Date.UTC(2026, 8, 7, 9, n))),
  actorAccountId: 'acc-lebedeva',
  actorLabel: 'Лебедева О. Н.',
  clientAddress: '10.0.0.7',
  action: 'booking.contact.read',
  networkId: 'udomlya',
  organizationId: 'ds-korablik',
  siteId: 'kp-korablik',
  recordIds: [`b-${n}`, `b-${n + 100}`],
  requestId: `req-${n}`,
  outcome: 200,
  ...overrides,
});

/** Runs the audit contract on the database `open` gives (migrated to the current version). */
export function auditContract(engine: string, open: () => Promise<AuditTestBed>): void {
  describe(`the audit log (${engine})`, () => {
    let bed: AuditTestBed;
    let audit: AuditStore;
    beforeAll(async () => {
      bed = await open();
      audit = auditStore(bed.database);
      await audit.append([
        read(1),
        read(2, { actorAccountId: 'acc-coordinator', actorLabel: 'Координатор', recordIds: [] }),
        read(3, {
          action: 'POST /api/bookings',
          actorAccountId: null,
          actorLabel: 'аноним / anonymous',
          outcome: 201,
        }),
        read(4, { networkId: 'other-town', organizationId: undefined, siteId: undefined }),
        read(5, {
          networkId: undefined,
          organizationId: undefined,
          siteId: undefined,
          clientAddress: undefined,
          requestId: undefined,
          action: 'POST (no route)',
          outcome: 404,
        }),
      ]);
    });
    afterAll(async () => {
      await bed?.close();
    });

    test('entries come back as appended, newest first, with every field', async () => {
      const { entries, next } = await audit.list();
      expect(next).toBeUndefined();
      expect(entries.map((entry) => entry.requestId ?? entry.action)).toEqual([
        'POST (no route)',
        'req-4',
        'req-3',
        'req-2',
        'req-1',
      ]);
      const oldest = entries.at(-1);
      expect(oldest).toStrictEqual({ id: expect.stringMatching(/^\d+$/), ...read(1) });
      expect(entries[0]).toStrictEqual({
        id: expect.any(String),
        at: read(5).at,
        actorAccountId: 'acc-lebedeva',
        actorLabel: 'Лебедева О. Н.',
        action: 'POST (no route)',
        recordIds: ['b-5', 'b-105'],
        outcome: 404,
      });
      expect(entries[2]?.actorAccountId).toBeNull();
      expect(entries[3]?.recordIds).toEqual([]);
    });

    test('filters: time range, actor, action, network (with the entries of no network)', async () => {
      const ids = async (filter: Parameters<AuditStore['list']>[0]) =>
        (await audit.list(filter)).entries.map((entry) => entry.requestId ?? 'none');
      expect(await ids({ from: read(2).at, to: read(4).at })).toEqual(['req-3', 'req-2']);
      expect(await ids({ actorAccountId: 'acc-coordinator' })).toEqual(['req-2']);
      expect(await ids({ action: 'POST /api/bookings' })).toEqual(['req-3']);
      expect(await ids({ networkId: 'udomlya' })).toEqual(['none', 'req-3', 'req-2', 'req-1']);
      expect(await ids({ networkId: 'other-town' })).toEqual(['none', 'req-4']);
    });

    test('pages follow one another without gaps or repeats; a bad cursor or limit is a 400', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await audit.list(
          {},
          { limit: 2, ...(cursor === undefined ? {} : { cursor }) },
        );
        expect(page.entries.length).toBeLessThanOrEqual(2);
        seen.push(...page.entries.map((entry) => entry.id));
        cursor = page.next;
      } while (cursor !== undefined);
      const all = (await audit.list()).entries.map((entry) => entry.id);
      expect(seen).toEqual(all);
      await expect(audit.list({}, { cursor: 'not a cursor!' })).rejects.toBeInstanceOf(
        ValidationError,
      );
      await expect(
        audit.list({}, { cursor: Buffer.from('x|y').toString('base64url') }),
      ).rejects.toBeInstanceOf(ValidationError);
      await expect(audit.list({}, { limit: 0 })).rejects.toBeInstanceOf(ValidationError);
      await expect(audit.list({}, { limit: 1.5 })).rejects.toBeInstanceOf(ValidationError);
    });

    test('append of nothing does nothing; a batch is stored whole', async () => {
      await audit.append([]);
      const batch = Array.from({ length: 250 }, (_, i) =>
        read(i, {
          at: instant('2026-10-01T00:00:00Z'),
          requestId: `batch-${i}`,
          networkId: 'batch-town',
        }),
      );
      await audit.append(batch);
      const { entries } = await audit.list(
        { from: instant('2026-10-01T00:00:00Z') },
        { limit: 1000 },
      );
      expect(entries).toHaveLength(250);
      // Same time: the later-appended entry (higher id) comes first.
      expect(entries[0]?.requestId).toBe('batch-249');
      expect(entries.at(-1)?.requestId).toBe('batch-0');
    });

    test('the log is append-only: UPDATE, DELETE and TRUNCATE are refused, in Russian and English', async () => {
      const before = (await audit.list({}, { limit: 1000 })).entries;
      const attempts = [
        "UPDATE audit_log SET actor_label = 'someone else'",
        'DELETE FROM audit_log',
        `DELETE FROM audit_log WHERE id = ${before[0]?.id ?? '1'}`,
        'TRUNCATE audit_log',
      ];
      for (const sql of attempts) {
        const failure: unknown = await bed.database.query(sql).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(isAuditAppendOnlyError(failure), sql).toBe(true);
        expect(String((failure as Error).message)).toMatch(/только пополняется.*append-only/);
      }
      // Inside a transaction too: the whole transaction is rolled back.
      await expect(
        bed.database.transaction(async (session) => {
          await session.query('UPDATE audit_log SET outcome = 200 WHERE outcome = 404');
        }),
      ).rejects.toMatchObject({ code: 'EDAUD' });
      expect((await audit.list({}, { limit: 1000 })).entries).toStrictEqual(before);
    });

    test('the rights to change the log are revoked from PUBLIC', async () => {
      const rows = await bed.database.query<{ privilege_type: string }>(
        `SELECT privilege_type FROM information_schema.role_table_grants
         WHERE table_name = 'audit_log' AND grantee = 'PUBLIC'`,
      );
      expect(rows.map((row) => row.privilege_type)).not.toEqual(expect.arrayContaining(['UPDATE']));
      const triggers = await bed.database.query<{ tgname: string }>(
        `SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal ORDER BY tgname`,
      );
      expect(triggers.map((row) => row.tgname)).toEqual([
        'audit_log_no_change',
        'audit_log_no_truncate',
      ]);
    });
  });
}
