// Personal timetable links (migrations 0010, 0033) and taking back a counted attempt
// (`release`), on PGlite and on a real PostgreSQL: only the token's SHA-256 is stored, a new
// link revokes the earlier ones, an expired link does not resolve, and the school lists its
// students' working links again (tokens derived from the instance's secret).
import { createHash } from 'node:crypto';
import { instant } from '@eduset/core';
import { describe, expect, test } from 'vitest';
import { openPglite, openPostgres, type Database } from '../src/storage/database.js';
import { courseLinkStore } from '../src/storage/course-links.js';
import { attemptLimits } from '../src/storage/limits.js';
import { migrate } from '../src/storage/migrations.js';
import { usePostgresServer } from './postgres-server.js';

const postgres = usePostgresServer();

const engines: [string, () => Promise<Database>][] = [
  ['pglite', () => openPglite('memory://')],
  ['postgres', () => openPostgres(postgres.createDatabase('links'))],
];

describe.each(engines)('course links and released attempts (%s)', (_engine, open) => {
  test('a link is stored as a hash, resolves until replaced or expired', async () => {
    const database = await open();
    try {
      await migrate(database);
      const links = courseLinkStore(database);
      const now = instant('2025-09-01T09:00:00Z');
      const day = 86_400_000;
      const input = { networkId: 'udomlya', studentId: 'st-001', issuedBy: 'acc-1', now };
      const { token, link } = await links.issue({ ...input, validForMs: 30 * day });
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(link.expiresAt).toBe('2025-10-01T09:00:00.000Z');
      const rows = await database.query<{ token_sha256: string; student_id: string }>(
        'SELECT token_sha256, student_id FROM course_timetable_links',
      );
      expect(rows).toEqual([
        {
          token_sha256: createHash('sha256').update(token).digest('hex'),
          student_id: 'st-001',
        },
      ]);
      expect(JSON.stringify(rows)).not.toContain(token);
      expect((await links.resolve(token, now))?.issuedBy).toBe('acc-1');
      expect(await links.resolve(token, instant('2025-10-01T09:00:00Z'))).toBeUndefined();
      expect(await links.resolve('x'.repeat(43), now)).toBeUndefined();
      const second = await links.issue({ ...input, validForMs: 30 * day });
      expect(await links.resolve(token, now)).toBeUndefined();
      expect((await links.resolve(second.token, now))?.studentId).toBe('st-001');
      // The school lists its students' working links again: the token derived anew.
      expect(await links.list('udomlya', ['st-001', 'st-002'], now)).toEqual([
        { token: second.token, link: second.link },
      ]);
      // Derived from the instance's secret: another store over the database gives the same.
      const other = courseLinkStore(database);
      expect((await other.list('udomlya', ['st-001'], now))[0]?.token).toBe(second.token);
      expect(await links.list('udomlya', ['st-001'], instant('2025-10-02T09:00:00Z'))).toEqual([]);
      expect(await links.revokeStudent('udomlya', 'st-001', now)).toBe(1);
      expect(await links.resolve(second.token, now)).toBeUndefined();
      expect(await links.list('udomlya', ['st-001'], now)).toEqual([]);
    } finally {
      await database.close();
    }
  });

  test('release takes back one hit, never below zero', async () => {
    const database = await open();
    try {
      await migrate(database);
      const limits = attemptLimits(database);
      const now = instant('2026-12-06T10:00:00Z');
      await limits.hit('certificate:1', 60_000, now);
      await limits.hit('certificate:1', 60_000, now);
      await limits.release('certificate:1', now);
      expect((await limits.peek('certificate:1', now)).hits).toBe(1);
      await limits.release('certificate:1', now);
      await limits.release('certificate:1', now);
      expect((await limits.peek('certificate:1', now)).hits).toBe(0);
    } finally {
      await database.close();
    }
  });
});
