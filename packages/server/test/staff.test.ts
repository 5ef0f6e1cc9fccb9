// operations.md worked cases 1–3 over the Udomlya demo: who sees which bookings, with which
// contacts, and the audit log of those reads.
import { readFileSync } from 'node:fs';
import {
  createNetwork,
  createNetworkSchedule,
  instant,
  type Actor,
  type Grant,
  type Instant,
} from '@eduset/core';
import { openStorage, type AuditEntry, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  createServer,
  type ApiErrorBody,
  type StaffBookingsAnswer,
  type StaffMe,
} from '../src/index.js';

const root = new URL('../../../examples/data/', import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, root), 'utf8'));

// Monday 2026-09-07, 08:00 in Moscow.
const now = (): Instant => instant('2026-09-07T05:00:00Z');

const staff = (accountId: string, displayName: string, grants: readonly Grant[]): Actor => ({
  kind: 'staff',
  accountId,
  displayName,
  grants,
});

// Test code only: the actor of each request is whoever this variable holds. The sign-in
// branch replaces it with real sessions.
const lebedeva = staff('acc-lebedeva', 'Лебедева А. С.', [
  { role: 'specialist', networkId: 'udomlya', specialistId: 'speech-lebedeva' },
]);
const korablikHead = staff('acc-korablik', 'Заведующая «Кораблика»', [
  { role: 'organization-admin', networkId: 'udomlya', organizationId: 'ds-korablik' },
]);
const coordinator = staff('acc-coordinator', 'Координатор службы', [
  { role: 'coordinator', networkId: 'udomlya' },
]);
const auditor = staff('acc-auditor', 'Аудитор', [{ role: 'auditor', networkId: 'udomlya' }]);
const payer = staff('acc-payer', 'Плательщик', [{ role: 'payer', networkId: 'udomlya' }]);

let current: Actor = { kind: 'anonymous' };
let storage: Storage;
let server: FastifyInstance;

/** The bookings of the demo, by a short name: who, where, when (Moscow = UTC+3). */
const plan = {
  lebedevaBuratino: [
    'speech-lebedeva',
    'kp-buratino',
    'speech-therapist-consultation',
    '2026-09-08T06:00:00Z',
  ],
  lebedevaKorablik: [
    'speech-lebedeva',
    'kp-korablik',
    'speech-therapist-consultation',
    '2026-09-08T11:00:00Z',
  ],
  fedorovaKorablik: [
    'psy-fedorova',
    'kp-korablik',
    'psychologist-consultation',
    '2026-09-07T11:00:00Z',
  ],
  smirnovaTeremok: [
    'psy-smirnova',
    'kp-teremok',
    'psychologist-consultation',
    '2026-09-07T11:00:00Z',
  ],
  morozovaSchool: [
    'speech-morozova',
    'kp-school-1',
    'speech-therapist-consultation',
    '2026-09-09T06:00:00Z',
  ],
} as const;
type Planned = keyof typeof plan;
const ids = {} as Record<Planned, string>;
const phones = {} as Record<Planned, string>;

async function as(actor: Actor, url: string) {
  current = actor;
  return server.inject({ method: 'GET', url });
}

async function bookingsOf(actor: Actor, query = 'date=2026-09-07&span=week') {
  const answer = await as(actor, `/api/staff/bookings?${query}`);
  expect(answer.statusCode, answer.body).toBe(200);
  expect(answer.headers['cache-control']).toBe('no-store');
  return answer.json<StaffBookingsAnswer>();
}

const nameOf = (id: string): Planned | undefined =>
  (Object.keys(ids) as Planned[]).find((key) => ids[key] === id);

/** The audit entries the auditor reads, once the batch holding `wanted` was written. */
async function auditAfter(wanted: (entries: AuditEntry[]) => boolean): Promise<AuditEntry[]> {
  return vi.waitFor(
    async () => {
      const answer = await as(auditor, '/api/audit?limit=1000');
      expect(answer.statusCode, answer.body).toBe(200);
      const { entries } = answer.json<{ entries: AuditEntry[] }>();
      if (!wanted(entries)) throw new Error('not yet');
      return entries;
    },
    { timeout: 5000, interval: 50 },
  );
}

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  await storage.saveNetwork(createNetwork(readJson('udomlya.json')));
  await storage.saveSchedule(createNetworkSchedule(readJson('udomlya-schedule.json')));
  let n = 0;
  for (const [key, [specialistId, siteId, serviceId, start]] of Object.entries(plan)) {
    n += 1;
    const phone = `+7912000000${n}`;
    const { booking } = await storage.createBooking(
      'udomlya',
      {
        specialistId,
        siteId,
        serviceId,
        start: instant(start),
        end: instant(new Date(Date.parse(start) + 45 * 60_000)),
        seats: 1,
        capacity: 1,
        childAge: 4,
        contact: { name: `Родитель ${n}`, phone, email: `parent${n}@example.org` },
        personalDataConsent: true,
      },
      instant('2026-09-01T09:00:00Z'),
    );
    ids[key as Planned] = booking.id;
    phones[key as Planned] = phone;
  }
  server = createServer({
    storage,
    now,
    rateLimit: false,
    actorSource: { actorOf: async () => current },
  });
  await server.ready();
});

afterAll(async () => {
  await server?.close();
  await storage?.close();
});

describe('case 1: a specialist who receives at two kindergartens', () => {
  test('sees her own consultations at both, with contacts, and no other specialist’s', async () => {
    const answer = await bookingsOf(lebedeva);
    expect(answer).toMatchObject({
      networkId: 'udomlya',
      from: '2026-09-07',
      to: '2026-09-13',
      timeZone: 'Europe/Moscow',
    });
    expect(answer.bookings.map((booking) => nameOf(booking.id))).toEqual([
      'lebedevaBuratino',
      'lebedevaKorablik',
    ]);
    for (const booking of answer.bookings) {
      expect(booking.contact?.phone).toMatch(/^\+7912/);
      expect(booking.specialistName).toBe('Лебедева А. С.');
    }
    expect(new Set(answer.bookings.map((booking) => booking.organizationId))).toEqual(
      new Set(['ds-buratino', 'ds-korablik']),
    );
    // Her own site filter, a day, a status.
    const korablik = await bookingsOf(lebedeva, 'siteId=kp-korablik&date=2026-09-08');
    expect(korablik.bookings.map((booking) => nameOf(booking.id))).toEqual(['lebedevaKorablik']);
    const cancelled = await bookingsOf(
      lebedeva,
      'date=2026-09-07&span=week&status=cancelled-by-parent',
    );
    expect(cancelled.bookings).toEqual([]);
  });

  test('her own account: grants with role and place names, and the actions she may do', async () => {
    const answer = await as(lebedeva, '/api/staff/me');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    const me = answer.json<StaffMe>();
    expect(me.displayName).toBe('Лебедева А. С.');
    expect(me.grants).toEqual([
      {
        role: 'specialist',
        roleName: { ru: 'Специалист', en: 'Specialist' },
        network: { id: 'udomlya', name: expect.any(String) },
        specialist: { id: 'speech-lebedeva', name: 'Лебедева А. С.' },
      },
    ]);
    const allowed = me.actions.map((entry) => entry.action);
    expect(allowed).toContain('booking.contact.read');
    expect(allowed).not.toContain('audit.read');
  });
});

describe('case 2: an organization administrator and the coordinator', () => {
  test('the kindergarten administrator sees the bookings at its sites only', async () => {
    const answer = await bookingsOf(korablikHead);
    expect(answer.bookings.map((booking) => nameOf(booking.id)).sort()).toEqual([
      'fedorovaKorablik',
      'lebedevaKorablik',
    ]);
    expect(answer.bookings.every((booking) => booking.contact !== undefined)).toBe(true);
    // A specialist who also works elsewhere: only her bookings at this organization.
    const lebedevaHere = await bookingsOf(
      korablikHead,
      'specialistId=speech-lebedeva&date=2026-09-07&span=week',
    );
    expect(lebedevaHere.bookings.map((booking) => nameOf(booking.id))).toEqual([
      'lebedevaKorablik',
    ]);
  });

  test('the coordinator sees the whole network', async () => {
    const answer = await bookingsOf(coordinator);
    expect(answer.bookings.map((booking) => nameOf(booking.id)).sort()).toEqual(
      (Object.keys(plan) as Planned[]).sort(),
    );
  });

  test('the reads appear in the audit log for the auditor: who, when, which bookings', async () => {
    const byActor = (entries: AuditEntry[], account: string) =>
      entries.filter(
        (entry) => entry.actorAccountId === account && entry.action === 'booking.contact.read',
      );
    const entries = await auditAfter(
      (list) =>
        byActor(list, 'acc-coordinator').length > 0 && byActor(list, 'acc-korablik').length > 0,
    );
    const head = byActor(entries, 'acc-korablik');
    expect(head.map((entry) => [...entry.recordIds].sort())).toContainEqual(
      [ids.fedorovaKorablik, ids.lebedevaKorablik].sort(),
    );
    const [read] = byActor(entries, 'acc-coordinator');
    expect(read).toMatchObject({
      actorLabel: 'Координатор службы',
      at: now(),
      networkId: 'udomlya',
      clientAddress: '127.0.0.1',
      outcome: 200,
    });
    expect([...(read?.recordIds ?? [])].sort()).toEqual(Object.values(ids).sort());
    expect(byActor(entries, 'acc-lebedeva').length).toBeGreaterThan(0);
    // No parent's name, phone or e-mail in the log.
    const text = JSON.stringify(entries);
    for (const phone of Object.values(phones)) expect(text).not.toContain(phone);
    expect(text).not.toMatch(/Родитель|example\.org/);
  });

  test('reading the audit log is itself recorded; the CSV export has the same entries', async () => {
    const entries = await auditAfter((list) =>
      list.some((entry) => entry.action === 'audit.read' && entry.actorAccountId === 'acc-auditor'),
    );
    const answer = await as(auditor, '/api/audit.csv?action=booking.contact.read');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body.startsWith('\ufeff№ / No.;')).toBe(true);
    const lines = answer.body.trim().split('\r\n');
    expect(lines.length - 1).toBe(
      entries.filter((entry) => entry.action === 'booking.contact.read').length,
    );
    expect(answer.body).toContain(ids.lebedevaKorablik);
    // Paging: one entry at a time, with the cursor of the previous page.
    const first = (await as(auditor, '/api/audit?limit=1')).json<{
      entries: AuditEntry[];
      next: string;
    }>();
    expect(first.entries).toHaveLength(1);
    const second = await as(auditor, `/api/audit?limit=1&cursor=${first.next}`);
    expect(second.statusCode).toBe(200);
    expect(second.json<{ entries: AuditEntry[] }>().entries[0]?.id).not.toBe(first.entries[0]?.id);
  });

  test('every write of the API is recorded, refused ones included, without personal data', async () => {
    current = { kind: 'anonymous' };
    const answer = await server.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: { contact: { name: 'Секретный Родитель', phone: '+79990001122' } },
    });
    expect(answer.statusCode).toBe(400);
    const entries = await auditAfter((list) =>
      list.some((entry) => entry.action === 'POST /api/bookings'),
    );
    const write = entries.find((entry) => entry.action === 'POST /api/bookings');
    expect(write).toMatchObject({ actorAccountId: null, outcome: 400, recordIds: [] });
    expect(JSON.stringify(entries)).not.toMatch(/Секретный|79990001122/);
  });
});

describe('case 3: 401 for anonymous requests, 403 out of scope — never saying what exists', () => {
  test('anonymous → 401 on every staff route', async () => {
    for (const url of ['/api/staff/me', '/api/staff/bookings', '/api/audit', '/api/audit.csv']) {
      const answer = await as({ kind: 'anonymous' }, url);
      expect(answer.statusCode, url).toBe(401);
      expect(answer.json<ApiErrorBody>().error.code).toBe('unauthenticated');
    }
  });

  test('a specialist asking for another site’s bookings: 403, the same as for a site that does not exist', async () => {
    const other = await as(lebedeva, '/api/staff/bookings?siteId=kp-teremok');
    const missing = await as(lebedeva, '/api/staff/bookings?siteId=no-such-site');
    expect(other.statusCode).toBe(403);
    expect(missing.statusCode).toBe(403);
    expect(other.body).toBe(missing.body);
    const otherSpecialist = await as(lebedeva, '/api/staff/bookings?specialistId=psy-smirnova');
    const noSpecialist = await as(lebedeva, '/api/staff/bookings?specialistId=nobody');
    expect(otherSpecialist.statusCode).toBe(403);
    expect(otherSpecialist.body).toBe(noSpecialist.body);
    expect(otherSpecialist.body).toBe(other.body);
    const otherNetwork = await as(lebedeva, '/api/staff/bookings?network=tver');
    expect(otherNetwork.body).toBe(other.body);
    // An administrator asking for another organization's site, and the payer for any booking.
    expect((await as(korablikHead, '/api/staff/bookings?siteId=kp-teremok')).body).toBe(other.body);
    expect((await as(payer, '/api/staff/bookings')).statusCode).toBe(403);
    expect((await as(lebedeva, '/api/audit')).statusCode).toBe(403);
  });

  test('bad input is a bilingual 400, never a 500', async () => {
    for (const query of ['span=month', 'date=2026-13-01', 'status=lost', 'colour=red', 'siteId=']) {
      const answer = await as(lebedeva, `/api/staff/bookings?${query}`);
      expect(answer.statusCode, query).toBe(400);
      const { error } = answer.json<ApiErrorBody>();
      expect(error.issues.length, query).toBeGreaterThan(0);
      expect(error.issues[0]?.message.ru).toMatch(/[а-яё]/i);
    }
    for (const query of ['limit=0', 'limit=abc', 'from=yesterday', 'cursor=%21%21']) {
      const answer = await as(auditor, `/api/audit?${query}`);
      expect(answer.statusCode, query).toBe(400);
    }
  });
});
