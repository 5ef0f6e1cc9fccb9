// The availability editor's API over the Udomlya demo, with real sign-ins per role: who reads
// and changes whose hours, the booked consultations a change hits, publishing with a decision
// and against a revision, the audit log, and the slots changing at once.
import { readFileSync } from 'node:fs';
import {
  createNetwork,
  createNetworkSchedule,
  instant,
  type AvailabilityPreview,
  type AvailabilityPublished,
  type Grant,
  type Instant,
  type Slot,
  type StaffAvailability,
} from '@eduset/core';
import { openStorage, type AuditEntry, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createServer, hashPassword, type ApiErrorBody } from '../src/index.js';

const root = new URL('../../../examples/data/', import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, root), 'utf8'));

// Monday 2026-09-07, 08:00 in Moscow.
const now = (): Instant => instant('2026-09-07T05:00:00Z');
const password = 'часы приёма 2026';

const accounts: Record<string, Grant> = {
  lebedeva: { role: 'specialist', networkId: 'udomlya', specialistId: 'speech-lebedeva' },
  fedorova: { role: 'specialist', networkId: 'udomlya', specialistId: 'psy-fedorova' },
  korablik: { role: 'organization-admin', networkId: 'udomlya', organizationId: 'ds-korablik' },
  coordinator: { role: 'coordinator', networkId: 'udomlya' },
  auditor: { role: 'auditor', networkId: 'udomlya' },
  payer: { role: 'payer', networkId: 'udomlya' },
};
type Who = keyof typeof accounts | 'anonymous';
const sessions = new Map<Who, Record<string, string>>([['anonymous', {}]]);

let storage: Storage;
let server: FastifyInstance;
const bookings = { buratino: '', korablik: '' };

async function call(who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return server.inject({
    method,
    url,
    headers: sessions.get(who) ?? {},
    ...(payload === undefined ? {} : { payload }),
  });
}

async function read(who: Who, query = ''): Promise<StaffAvailability> {
  const answer = await call(who, 'GET', `/api/staff/availability${query}`);
  expect(answer.statusCode, answer.body).toBe(200);
  expect(answer.headers['cache-control']).toBe('no-store');
  return answer.json<StaffAvailability>();
}

/** A change of Лебедева's part: her part as read, with `edit` applied. */
function change(
  part: StaffAvailability,
  edit: {
    readonly availabilities?: readonly unknown[];
    readonly vacations?: readonly unknown[];
  } = {},
) {
  return {
    specialistId: 'speech-lebedeva',
    revision: part.revision,
    availabilities: edit.availabilities ?? part.availabilities,
    vacations: edit.vacations ?? part.vacations,
  };
}

/** Лебедева's hours with kp-buratino closed on Tuesday 8 September. */
function buratinoClosed(part: StaffAvailability) {
  return part.availabilities.map((entry) =>
    entry.siteId === 'kp-buratino'
      ? { ...entry, overrides: [{ date: '2026-09-08', kind: 'closed' as const, note: 'Курсы' }] }
      : entry,
  );
}

async function slots(query: string): Promise<Slot[]> {
  const answer = await call('anonymous', 'GET', `/api/slots?${query}`);
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json<{ slots: Slot[] }>().slots;
}

async function auditAfter(wanted: (entries: AuditEntry[]) => boolean): Promise<AuditEntry[]> {
  return vi.waitFor(
    async () => {
      const answer = await call('auditor', 'GET', '/api/audit?limit=1000');
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
  const book = async (siteId: string, start: string, phone: string) =>
    (
      await storage.createBooking(
        'udomlya',
        {
          specialistId: 'speech-lebedeva',
          siteId,
          serviceId: 'speech-therapist-consultation',
          start: instant(start),
          end: instant(new Date(Date.parse(start) + 45 * 60_000)),
          seats: 1,
          capacity: 1,
          childAge: 5,
          contact: { name: 'Ольга Петрова', phone, email: 'olga@example.org' },
          personalDataConsent: true,
        },
        instant('2026-09-01T09:00:00Z'),
      )
    ).booking.id;
  bookings.buratino = await book('kp-buratino', '2026-09-08T06:00:00Z', '+79120000001');
  bookings.korablik = await book('kp-korablik', '2026-09-08T11:00:00Z', '+79120000002');
  server = createServer({
    storage,
    now,
    rateLimit: false,
    loginThrottle: {
      perAccount: { max: 1000, windowMs: 60_000 },
      perAddress: { max: 1000, windowMs: 60_000 },
    },
  });
  await server.ready();
  const passwordHash = await hashPassword(password);
  for (const [name, grant] of Object.entries(accounts)) {
    await storage.identity.createAccount(
      { login: `hours-${name}`, displayName: name, passwordHash, grants: [grant] },
      now(),
    );
    const signedIn = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: `hours-${name}`, password },
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0] ?? '';
    const { csrfToken } = signedIn.json<{ csrfToken: string }>();
    sessions.set(name as Who, { cookie, 'x-csrf-token': csrfToken });
  }
});

afterAll(async () => {
  await server?.close();
  await storage?.close();
});

describe('reading one’s part of the schedule', () => {
  test('a specialist gets her own hours at both kindergartens, the revision, and no rules to edit', async () => {
    const part = await read('lebedeva');
    expect(part).toMatchObject({
      networkId: 'udomlya',
      revision: 1,
      specialistId: 'speech-lebedeva',
      specialists: [{ id: 'speech-lebedeva', name: 'Лебедева А. С.' }],
      officialCalendar: 'ru',
      mayEditRules: false,
    });
    expect(part.availabilities.map((entry) => entry.siteId).sort()).toEqual([
      'kp-buratino',
      'kp-korablik',
    ]);
    expect(part.editableSiteIds.sort()).toEqual(['kp-buratino', 'kp-korablik']);
    expect(part.sites.map((site) => site.name)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Буратино/),
        expect.stringMatching(/Кораблик/),
      ]),
    );
    expect(part.services.length).toBeGreaterThan(3);
  });

  test('nobody reads another’s hours outside her scope; anonymous 401, a payer 403', async () => {
    expect(
      (await call('lebedeva', 'GET', '/api/staff/availability?specialistId=psy-fedorova'))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('korablik', 'GET', '/api/staff/availability?specialistId=psy-smirnova'))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('lebedeva', 'GET', '/api/staff/availability?specialistId=nobody')).statusCode,
    ).toBe(403);
    expect((await call('anonymous', 'GET', '/api/staff/availability')).statusCode).toBe(401);
    expect((await call('payer', 'GET', '/api/staff/availability')).statusCode).toBe(403);
    const unknown = await call('lebedeva', 'GET', '/api/staff/availability?who=me');
    expect(unknown.statusCode).toBe(400);
  });

  test('the coordinator may choose anyone; a kindergarten head edits the hours at her sites only', async () => {
    const all = await read('coordinator');
    expect(all.specialistId).toBeNull();
    expect(all.specialists.length).toBeGreaterThan(5);
    expect(all.mayEditRules).toBe(true);
    const hers = await read('coordinator', '?specialistId=speech-lebedeva');
    expect(hers.availabilities).toHaveLength(2);
    const head = await read('korablik', '?specialistId=speech-lebedeva');
    expect(head.editableSiteIds).toEqual(['kp-korablik']);
    expect(head.sessionSiteIds).toEqual(['kp-korablik']);
    expect((await read('lebedeva')).sessionSiteIds).toEqual([]);
    expect(head.mayEditRules).toBe(false);
    expect(head.specialists.map((specialist) => specialist.id)).toEqual(
      expect.arrayContaining(['speech-lebedeva', 'psy-fedorova']),
    );
    expect(head.specialists.map((specialist) => specialist.id)).not.toContain('psy-smirnova');
  });
});

describe('previewing and publishing a change', () => {
  test('a one-day closure lists the booked consultation it hits, in the site’s zone, with the contact', async () => {
    const part = await read('lebedeva');
    const answer = await call('lebedeva', 'POST', '/api/staff/availability/preview', {
      ...change(part, { availabilities: buratinoClosed(part) }),
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const preview = answer.json<AvailabilityPreview>();
    expect(preview.revision).toBe(part.revision);
    expect(preview.hits).toEqual([
      expect.objectContaining({
        id: bookings.buratino,
        date: '2026-09-08',
        startTime: '09:00',
        endTime: '09:45',
        timeZone: 'Europe/Moscow',
        siteId: 'kp-buratino',
        serviceName: { ru: 'Консультация учителя-логопеда', en: 'Speech therapist consultation' },
        status: 'confirmed',
        contact: { name: 'Ольга Петрова', phone: '+79120000001', email: 'olga@example.org' },
      }),
    ]);
    const entries = await auditAfter((list) =>
      list.some(
        (entry) =>
          entry.action === 'booking.contact.read' && entry.recordIds.includes(bookings.buratino),
      ),
    );
    expect(
      entries.find((entry) => entry.action === 'booking.contact.read')?.actorAccountId,
    ).toBeDefined();
  });

  test('a kindergarten head may not change hours at another organization’s site nor a vacation', async () => {
    const part = await read('korablik', '?specialistId=speech-lebedeva');
    const elsewhere = await call('korablik', 'POST', '/api/staff/availability/preview', {
      ...change(part, { availabilities: buratinoClosed(part) }),
    });
    expect(elsewhere.statusCode).toBe(403);
    const vacation = await call('korablik', 'POST', '/api/staff/availability/preview', {
      ...change(part, {
        vacations: [{ specialistId: 'speech-lebedeva', from: '2026-10-01', to: '2026-10-10' }],
      }),
    });
    expect(vacation.statusCode).toBe(403);
    const own = await call('korablik', 'POST', '/api/staff/availability/preview', {
      ...change(part, {
        availabilities: part.availabilities.map((entry) =>
          entry.siteId === 'kp-korablik' ? { ...entry, validTo: '2026-12-31' } : entry,
        ),
      }),
    });
    expect(own.statusCode, own.body).toBe(200);
    // Someone else's entry in her part, a site she does not serve: refused as bad input.
    const foreign = await call('lebedeva', 'POST', '/api/staff/availability/preview', {
      ...change(part, {
        availabilities: [{ ...part.availabilities[0]!, siteId: 'kp-teremok' }],
      }),
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<ApiErrorBody>().error.message.ru).toBeDefined();
  });

  test('publishing asks for a decision, refuses unseen hits and a moved revision, then cancels by the site', async () => {
    const part = await read('lebedeva');
    const body = { ...change(part, { availabilities: buratinoClosed(part) }) };
    const noDecision = await call('lebedeva', 'PUT', '/api/staff/availability', {
      ...body,
      hits: [bookings.buratino],
    });
    expect(noDecision.statusCode).toBe(409);
    expect(noDecision.json<ApiErrorBody>().error.code).toBe('decision-needed');
    const unseen = await call('lebedeva', 'PUT', '/api/staff/availability', {
      ...body,
      decision: 'cancel',
    });
    expect(unseen.statusCode).toBe(409);
    expect(unseen.json<ApiErrorBody>().error.code).toBe('hits-changed');
    const stale = await call('lebedeva', 'PUT', '/api/staff/availability', {
      ...body,
      revision: part.revision - 1,
      decision: 'cancel',
      hits: [bookings.buratino],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ApiErrorBody>().error.code).toBe('revision-moved');
    expect(stale.json<ApiErrorBody>().error.message.ru).toMatch(/уже изменили/);

    const before = await slots(
      'serviceId=speech-therapist-consultation&from=2026-09-15&to=2026-09-15&siteId=kp-buratino',
    );
    expect(before.length).toBeGreaterThan(0);
    const published = await call('lebedeva', 'PUT', '/api/staff/availability', {
      ...body,
      decision: 'cancel',
      hits: [bookings.buratino],
      reason: 'Специалист на курсах',
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<AvailabilityPublished>()).toEqual({
      networkId: 'udomlya',
      revision: part.revision + 1,
      cancelled: [bookings.buratino],
      kept: [],
    });
    const cancelled = await storage.getBooking('udomlya', bookings.buratino);
    expect(cancelled.status).toBe('cancelled-by-site');
    expect(cancelled.history.at(-1)).toMatchObject({ by: 'site', reason: 'Специалист на курсах' });
    expect((await storage.getBooking('udomlya', bookings.korablik)).status).toBe('confirmed');
    // The slots changed at once: none at kp-buratino that Tuesday, the next Tuesday as before.
    expect(
      await slots(
        'serviceId=speech-therapist-consultation&from=2026-09-08&to=2026-09-08&siteId=kp-buratino',
      ),
    ).toEqual([]);
    expect(
      await slots(
        'serviceId=speech-therapist-consultation&from=2026-09-15&to=2026-09-15&siteId=kp-buratino',
      ),
    ).toEqual(before);
    expect((await read('lebedeva')).revision).toBe(part.revision + 1);
    const entries = await auditAfter((list) =>
      list.some((entry) => entry.action === 'PUT /api/staff/availability' && entry.outcome === 200),
    );
    const write = entries.find(
      (entry) => entry.action === 'PUT /api/staff/availability' && entry.outcome === 200,
    );
    expect(write?.recordIds).toEqual(['specialist:speech-lebedeva', bookings.buratino]);
    expect(write?.networkId).toBe('udomlya');
  });

  test('a vacation that hits a consultation can keep it as it is', async () => {
    const part = await read('lebedeva');
    const body = change(part, {
      vacations: [
        { specialistId: 'speech-lebedeva', from: '2026-09-08', to: '2026-09-11', note: 'Отпуск' },
      ],
    });
    const preview = await call('lebedeva', 'POST', '/api/staff/availability/preview', body);
    expect(preview.json<AvailabilityPreview>().hits.map((hit) => hit.id)).toEqual([
      bookings.korablik,
    ]);
    const published = await call('lebedeva', 'PUT', '/api/staff/availability', {
      ...body,
      decision: 'keep',
      hits: [bookings.korablik],
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<AvailabilityPublished>()).toMatchObject({
      kept: [bookings.korablik],
      cancelled: [],
    });
    expect((await storage.getBooking('udomlya', bookings.korablik)).status).toBe('confirmed');
    expect((await read('lebedeva')).vacations).toEqual([
      { specialistId: 'speech-lebedeva', from: '2026-09-08', to: '2026-09-11', note: 'Отпуск' },
    ]);
    // The public schedule shows the days, never the note.
    const pub = await call('anonymous', 'GET', '/api/schedule');
    expect(pub.json<{ vacations: unknown[] }>().vacations).toEqual([
      { specialistId: 'speech-lebedeva', from: '2026-09-08', to: '2026-09-11' },
    ]);
  });

  test('service rules are the coordinator’s; a site’s own session length its head’s', async () => {
    const part = await read('lebedeva');
    const rules = part.bookingRules.find(
      (entry) => entry.serviceId === 'speech-therapist-consultation',
    )!;
    const longer = { ...rules, duration: 60, step: 60 };
    const bySpecialist = await call('lebedeva', 'PUT', '/api/staff/availability', {
      ...change(part),
      bookingRules: [longer],
    });
    expect(bySpecialist.statusCode).toBe(403);

    const head = await read('korablik', '?specialistId=speech-lebedeva');
    const shortAtKorablik = { ...rules, siteSessions: [{ siteId: 'kp-korablik', duration: 30 }] };
    const byHead = await call('korablik', 'PUT', '/api/staff/availability', {
      ...change(head),
      bookingRules: [shortAtKorablik],
    });
    expect(byHead.statusCode, byHead.body).toBe(200);
    const atBuratino = await call('korablik', 'PUT', '/api/staff/availability', {
      ...change({ ...head, revision: head.revision + 1 }),
      bookingRules: [{ ...rules, siteSessions: [{ siteId: 'kp-buratino', duration: 30 }] }],
    });
    expect(atBuratino.statusCode).toBe(403);
    const korablikSlots = await slots(
      'serviceId=speech-therapist-consultation&from=2026-09-15&to=2026-09-15&siteId=kp-korablik',
    );
    expect(korablikSlots.length).toBeGreaterThan(0);
    for (const slot of korablikSlots) {
      expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(30 * 60_000);
    }

    const coordinatorView = await read('coordinator', '?specialistId=speech-lebedeva');
    const byCoordinator = await call('coordinator', 'PUT', '/api/staff/availability', {
      ...change(coordinatorView),
      bookingRules: [{ ...longer, siteSessions: [] }],
    });
    expect(byCoordinator.statusCode, byCoordinator.body).toBe(200);
    for (const slot of await slots(
      'serviceId=speech-therapist-consultation&from=2026-09-15&to=2026-09-15&siteId=kp-korablik',
    )) {
      expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(60 * 60_000);
    }
  });
});
