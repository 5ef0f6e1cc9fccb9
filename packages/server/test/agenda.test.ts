// The staff agenda over the Udomlya demo, with real accounts and real sign-ins per role: who
// sees which consultations (with contacts and the parent's note only where the role may), who
// marks them attended, who reads and writes the private consultation note, the day as
// iCalendar, and the audit log of every such read and write.
import { readFileSync } from 'node:fs';
import {
  createNetwork,
  createNetworkSchedule,
  instant,
  type AgendaResponse,
  type Grant,
  type Instant,
  type SlotsResponse,
} from '@eduset/core';
import { openStorage, type AuditEntry, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { bookingBody } from './helpers.js';
import { createServer, hashPassword, type ApiErrorBody } from '../src/index.js';

const root = new URL('../../../examples/data/', import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, root), 'utf8'));

// Tuesday 2026-09-08, 12:00 in Moscow.
const now = (): Instant => instant('2026-09-08T09:00:00Z');

/** The demo's consultations: who, where, what, when (Moscow = UTC+3). */
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

const accounts: Record<string, { displayName: string; grant: Grant }> = {
  lebedeva: {
    displayName: 'Лебедева А. С.',
    grant: { role: 'specialist', networkId: 'udomlya', specialistId: 'speech-lebedeva' },
  },
  fedorova: {
    displayName: 'Федорова И. П.',
    grant: { role: 'specialist', networkId: 'udomlya', specialistId: 'psy-fedorova' },
  },
  korablik: {
    displayName: 'Заведующая «Кораблика»',
    grant: { role: 'organization-admin', networkId: 'udomlya', organizationId: 'ds-korablik' },
  },
  coordinator: {
    displayName: 'Координатор службы',
    grant: { role: 'coordinator', networkId: 'udomlya' },
  },
  auditor: { displayName: 'Аудитор', grant: { role: 'auditor', networkId: 'udomlya' } },
  payer: { displayName: 'Плательщик', grant: { role: 'payer', networkId: 'udomlya' } },
};
type Who = keyof typeof accounts | 'anonymous';
const sessions = {} as Record<Who, Record<string, string>>;

let storage: Storage;
let server: FastifyInstance;

const nameOf = (id: string): string | undefined =>
  (Object.keys(ids) as Planned[]).find((key) => ids[key] === id) ?? id;

async function call(who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return server.inject({
    method,
    url,
    headers: sessions[who],
    ...(payload === undefined ? {} : { payload }),
  });
}

async function agendaOf(who: Who, query = 'from=2026-09-07&to=2026-09-13') {
  const answer = await call(who, 'GET', `/api/staff/agenda?${query}`);
  expect(answer.statusCode, answer.body).toBe(200);
  expect(answer.headers['cache-control']).toBe('no-store');
  return answer.json<AgendaResponse>();
}

/** The audit entries of an action, once the batches holding those `wanted` were written. */
async function auditOf(
  action: string,
  wanted: (entries: AuditEntry[]) => boolean,
): Promise<AuditEntry[]> {
  return vi.waitFor(
    async () => {
      const { entries } = await storage.audit.list({ action });
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
        childAge: 3 + n,
        contact: {
          name: `Родитель ${n}`,
          phone: `+7912000000${n}`,
          email: `parent${n}@example.org`,
        },
        personalDataConsent: true,
      },
      instant('2026-09-01T09:00:00Z'),
    );
    ids[key as Planned] = booking.id;
  }
  await storage.consultations.setParentNote(
    'udomlya',
    ids.lebedevaKorablik,
    'Сын стесняется, лучше начать с игры',
  );
  server = createServer({
    storage,
    now,
    rateLimit: false,
    uidDomain: 'eduset.udomlya.ru',
    loginThrottle: {
      perAccount: { max: 1000, windowMs: 60_000 },
      perAddress: { max: 1000, windowMs: 60_000 },
    },
  });
  await server.ready();
  const password = 'повестка дня 2026';
  const passwordHash = await hashPassword(password);
  sessions.anonymous = {};
  for (const [login, { displayName, grant }] of Object.entries(accounts)) {
    await storage.identity.createAccount(
      { login, displayName, passwordHash, grants: [grant] },
      instant(new Date()),
    );
    const signedIn = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login, password },
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0] ?? '';
    const { csrfToken } = signedIn.json<{ csrfToken: string }>();
    sessions[login as Who] = { cookie, 'x-csrf-token': csrfToken };
  }
});

afterAll(async () => {
  await server?.close();
  await storage?.close();
});

describe('the specialist’s agenda', () => {
  test('her day and week: her own consultations at both kindergartens, with contacts and the parent’s note', async () => {
    const day = await agendaOf('lebedeva', '');
    expect(day).toMatchObject({
      networkId: 'udomlya',
      from: '2026-09-08',
      to: '2026-09-08',
      today: '2026-09-08',
      now: '2026-09-08T09:00:00.000Z',
      timeZone: 'Europe/Moscow',
    });
    expect(day.consultations.map((c) => nameOf(c.id))).toEqual([
      'lebedevaBuratino',
      'lebedevaKorablik',
    ]);
    const week = await agendaOf('lebedeva');
    expect(week.consultations.map((c) => nameOf(c.id))).toEqual([
      'lebedevaBuratino',
      'lebedevaKorablik',
    ]);
    const [buratino, korablik] = week.consultations;
    expect(korablik).toMatchObject({
      siteName: expect.stringContaining('Кораблик'),
      specialistName: 'Лебедева А. С.',
      serviceName: { ru: expect.any(String), en: expect.any(String) },
      statusName: { ru: 'подтверждена', en: 'confirmed' },
      childAge: 5,
      contact: { name: 'Родитель 2', phone: '+79120000002', email: 'parent2@example.org' },
      parentNote: 'Сын стесняется, лучше начать с игры',
      canChange: true,
      noteAccess: true,
      hasNote: false,
    });
    expect(buratino?.parentNote).toBeUndefined();
    // What she may narrow it to: her two sites, herself.
    expect(week.sites.map((s) => s.id).sort()).toEqual(['kp-buratino', 'kp-korablik']);
    expect(week.specialists).toEqual([{ id: 'speech-lebedeva', name: 'Лебедева А. С.' }]);
    const onlyKorablik = await agendaOf(
      'lebedeva',
      'from=2026-09-07&to=2026-09-13&siteId=kp-korablik',
    );
    expect(onlyKorablik.consultations.map((c) => nameOf(c.id))).toEqual(['lebedevaKorablik']);
  });

  test('another specialist, a site that is not hers or does not exist: the same 403', async () => {
    const bodies = [];
    for (const query of ['specialistId=psy-fedorova', 'siteId=kp-teremok', 'siteId=no-such-site']) {
      const answer = await call('lebedeva', 'GET', `/api/staff/agenda?${query}`);
      expect(answer.statusCode, query).toBe(403);
      bodies.push(answer.json<ApiErrorBody>().error);
    }
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
  });

  test('she marks a started consultation attended; not one still to come, not another’s', async () => {
    const marked = await call(
      'lebedeva',
      'POST',
      `/api/staff/bookings/${ids.lebedevaBuratino}/attendance`,
      {
        outcome: 'attended',
      },
    );
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toEqual({
      id: ids.lebedevaBuratino,
      status: 'attended',
      statusName: { ru: 'состоялась', en: 'attended' },
    });
    const stored = await storage.getBooking('udomlya', ids.lebedevaBuratino);
    expect(stored.status).toBe('attended');
    expect(stored.history.at(-1)).toMatchObject({ to: 'attended', by: 'site' });
    // Again: the state is final.
    const again = await call(
      'lebedeva',
      'POST',
      `/api/staff/bookings/${ids.lebedevaBuratino}/attendance`,
      {
        outcome: 'no-show',
      },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json<ApiErrorBody>().error.code).toBe('illegal-transition');
    // Still to come (14:00 in Moscow).
    const early = await call(
      'lebedeva',
      'POST',
      `/api/staff/bookings/${ids.lebedevaKorablik}/attendance`,
      {
        outcome: 'attended',
      },
    );
    expect(early.statusCode).toBe(409);
    expect(early.json<ApiErrorBody>().error).toMatchObject({
      code: 'not-started',
      message: { ru: expect.stringContaining('до её начала'), en: expect.any(String) },
    });
    // Another specialist's consultation, and one that does not exist: the same 403.
    const other = await call(
      'lebedeva',
      'POST',
      `/api/staff/bookings/${ids.fedorovaKorablik}/attendance`,
      {
        outcome: 'no-show',
      },
    );
    const unknown = await call(
      'lebedeva',
      'POST',
      '/api/staff/bookings/no-such-booking/attendance',
      {
        outcome: 'no-show',
      },
    );
    expect([other.statusCode, unknown.statusCode]).toEqual([403, 403]);
    expect(other.body).toBe(unknown.body);
    expect((await storage.getBooking('udomlya', ids.fedorovaKorablik)).status).toBe('confirmed');
    // Bad input is a bilingual 400.
    const bad = await call(
      'lebedeva',
      'POST',
      `/api/staff/bookings/${ids.lebedevaKorablik}/attendance`,
      {
        outcome: 'cancelled-by-site',
      },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiErrorBody>().error.issues[0]?.path).toEqual(['outcome']);
  });

  test('she writes a private note; she and the coordinator read it; the kindergarten head does not', async () => {
    const url = `/api/staff/bookings/${ids.lebedevaBuratino}/note`;
    const empty = await call('lebedeva', 'GET', url);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toEqual({ note: null });
    const written = await call('lebedeva', 'PUT', url, {
      text: ' Звуки «р», «л»; повторить через месяц ',
    });
    expect(written.statusCode, written.body).toBe(200);
    expect(written.json()).toEqual({
      note: {
        bookingId: ids.lebedevaBuratino,
        text: 'Звуки «р», «л»; повторить через месяц',
        authorName: 'Лебедева А. С.',
        updatedAt: '2026-09-08T09:00:00.000Z',
      },
    });
    for (const who of ['lebedeva', 'coordinator'] as const) {
      const read = await call(who, 'GET', url);
      expect(read.statusCode).toBe(200);
      expect(read.json<{ note: { text: string } }>().note.text).toBe(
        'Звуки «р», «л»; повторить через месяц',
      );
    }
    // The kindergarten's head sees the consultation (not at her sites: Буратино) — never a note.
    for (const who of ['korablik', 'auditor', 'payer', 'fedorova'] as const) {
      expect((await call(who, 'GET', url)).statusCode, who).toBe(403);
      expect((await call(who, 'PUT', url, { text: 'x' })).statusCode, who).toBe(403);
    }
    const week = await agendaOf('lebedeva');
    expect(week.consultations.find((c) => c.id === ids.lebedevaBuratino)).toMatchObject({
      status: 'attended',
      hasNote: true,
    });
    // The agenda tells that a note exists; its text is read only through the note route.
    expect(JSON.stringify(week)).not.toContain('повторить через месяц');
    const tooLong = await call('lebedeva', 'PUT', url, { text: 'я'.repeat(4001) });
    expect(tooLong.statusCode).toBe(400);
    const nul = await call('lebedeva', 'PUT', url, { text: 'a\u0000' });
    expect(nul.statusCode).toBe(400);
  });

  test('her day as iCalendar: her consultations, no contact and no note', async () => {
    const answer = await call('lebedeva', 'GET', '/api/staff/agenda.ics?date=2026-09-08');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe(
      'attachment; filename="agenda-2026-09-08.ics"',
    );
    expect(answer.headers['cache-control']).toBe('no-store');
    const text = answer.body;
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(text).toContain(`UID:${ids.lebedevaBuratino}@eduset.udomlya.ru`);
    expect(text).toContain(`UID:${ids.lebedevaKorablik}@eduset.udomlya.ru`);
    expect(text).toContain('Консультация:');
    for (const secret of ['Родитель', '+7912', 'example.org', 'стесняется', 'повторить']) {
      expect(text).not.toContain(secret);
    }
    const other = await call(
      'lebedeva',
      'GET',
      '/api/staff/agenda.ics?date=2026-09-08&siteId=kp-teremok',
    );
    expect(other.statusCode).toBe(403);
    const coordinatorDay = await call(
      'coordinator',
      'GET',
      '/api/staff/agenda.ics?date=2026-09-07',
    );
    expect(coordinatorDay.body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });
});

describe('the coordinator and the kindergarten head', () => {
  test('the coordinator sees the network’s week with contacts; the head sees her sites only, without notes', async () => {
    const week = await agendaOf('coordinator');
    expect(week.consultations.map((c) => nameOf(c.id)).sort()).toEqual(Object.keys(plan).sort());
    for (const consultation of week.consultations) {
      expect(consultation.contact?.phone).toMatch(/^\+7912/);
      expect(consultation).toMatchObject({ canChange: true, noteAccess: true });
    }
    expect(week.sites.length).toBe((readJson('udomlya.json') as { sites: unknown[] }).sites.length);
    const head = await agendaOf('korablik');
    expect(head.consultations.map((c) => nameOf(c.id))).toEqual([
      'fedorovaKorablik',
      'lebedevaKorablik',
    ]);
    for (const consultation of head.consultations) {
      expect(consultation.contact).toBeDefined();
      expect(consultation).toMatchObject({ canChange: true, noteAccess: false, hasNote: false });
    }
    expect(head.sites.map((s) => s.id).sort()).toEqual(['cipr-korablik', 'kp-korablik']);
    expect(head.specialists.map((s) => s.id).sort()).toEqual(['psy-fedorova', 'speech-lebedeva']);
  });

  test('the auditor and the payer see no agenda, and anonymous requests are asked to sign in', async () => {
    for (const who of ['auditor', 'payer'] as const) {
      expect((await call(who, 'GET', '/api/staff/agenda')).statusCode).toBe(403);
      expect((await call(who, 'GET', '/api/staff/agenda.ics')).statusCode).toBe(403);
    }
    expect((await call('anonymous', 'GET', '/api/staff/agenda')).statusCode).toBe(401);
    expect(
      (await call('anonymous', 'GET', `/api/staff/bookings/${ids.lebedevaKorablik}/note`))
        .statusCode,
    ).toBe(401);
  });

  test('bad periods are bilingual 400s, never 500s', async () => {
    for (const query of [
      'from=2026-09-08&to=2026-09-07',
      'from=2026-09-01&to=2026-10-15',
      'to=2026-09-07',
      'from=2026-02-30',
      'span=week',
    ]) {
      const answer = await call('coordinator', 'GET', `/api/staff/agenda?${query}`);
      expect(answer.statusCode, query).toBe(400);
      expect(answer.json<ApiErrorBody>().error.message.ru).toBeTruthy();
    }
  });

  test('every read of contacts and notes, and every write, is in the audit log without personal data', async () => {
    const contactReads = await auditOf(
      'booking.contact.read',
      (entries) => new Set(entries.map((entry) => entry.actorLabel)).size >= 3,
    );
    expect(new Set(contactReads.map((entry) => entry.actorLabel))).toEqual(
      new Set(['Лебедева А. С.', 'Координатор службы', 'Заведующая «Кораблика»']),
    );
    const noteReads = await auditOf('consultation.note.read', (entries) => entries.length >= 3);
    expect(
      noteReads
        .filter((e) => e.outcome === 200)
        .map((e) => e.actorLabel)
        .sort(),
    ).toEqual(['Координатор службы', 'Лебедева А. С.', 'Лебедева А. С.']);
    for (const entry of noteReads) {
      expect(entry.recordIds).toEqual([ids.lebedevaBuratino]);
      expect(entry.siteId).toBe('kp-buratino');
    }
    const noteWrites = await auditOf('consultation.note.write', (entries) =>
      entries.some((e) => e.outcome === 200),
    );
    expect(noteWrites.find((e) => e.outcome === 200)).toMatchObject({
      actorLabel: 'Лебедева А. С.',
      recordIds: [ids.lebedevaBuratino],
      organizationId: 'ds-buratino',
    });
    const marks = await auditOf('POST /api/staff/bookings/:id/attendance', (entries) =>
      entries.some((e) => e.outcome === 200),
    );
    expect(marks.find((e) => e.outcome === 200)?.recordIds).toEqual([ids.lebedevaBuratino]);
    const everything = JSON.stringify((await storage.audit.list({})).entries);
    for (const secret of ['+7912', 'example.org', 'Родитель', 'стесняется', 'повторить']) {
      expect(everything).not.toContain(secret);
    }
  });
});

describe('the parent’s note from the public booking', () => {
  test('is stored with the booking, shown to the specialist, and in no public answer', async () => {
    const slots = await server.inject({
      method: 'GET',
      url: '/api/slots?serviceId=speech-therapist-consultation&specialistId=speech-lebedeva&from=2026-09-09&to=2026-09-30',
    });
    expect(slots.statusCode, slots.body).toBe(200);
    const [slot] = slots.json<SlotsResponse>().slots;
    if (slot === undefined) throw new Error('no free slot in the demo');
    const note = 'Ребёнку 4 года, говорит мало';
    const refused = await server.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: { ...bookingBody(slot), note: `${note}\u0000` },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ApiErrorBody>().error.issues.map((i) => i.path.join('.'))).toEqual([
      'note',
    ]);
    const created = await server.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: { ...bookingBody(slot), note: `  ${note}  ` },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { booking, calendarUrl } = created.json<{
      booking: { id: string; note?: string };
      calendarUrl: string;
    }>();
    expect(booking.note).toBe(note);
    expect((await storage.getBooking('udomlya', booking.id)).note).toBe(note);
    const date = new Date(Date.parse(slot.start) + 3 * 3600_000).toISOString().slice(0, 10);
    const agenda = await agendaOf('lebedeva', `from=${date}`);
    expect(agenda.consultations.find((c) => c.id === booking.id)?.parentNote).toBe(note);
    // The public answers about it: its calendar file and the site's feed carry no note.
    const ics = await server.inject({ method: 'GET', url: calendarUrl });
    expect(ics.statusCode).toBe(200);
    expect(ics.body).not.toContain('говорит мало');
    const feed = await server.inject({
      method: 'GET',
      url: `/api/schedule.ics?site=${slot.siteId}`,
    });
    expect(feed.body).not.toContain('говорит мало');
    const tooLong = await server.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: { ...bookingBody(slot), note: 'я'.repeat(501) },
    });
    expect(tooLong.statusCode).toBe(400);
  });
});
