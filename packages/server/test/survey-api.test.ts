// The parents' survey after a consultation through the public routes (issue 14 §4), and the
// done-when flow with real storage on PGlite and PostgreSQL: a parent books, the consultation
// is marked attended (here by SQL, as the staff route will), the parent answers the survey
// from the link's token, and the dashboard's satisfaction figure moves.
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  createNetwork,
  createNetworkSchedule,
  instant,
  markAttended,
  parseBooking,
  type Booking,
  type Instant,
  type Slot,
} from '@eduset/core';
import { indicatorReportSchema } from '@eduset/core/indicators';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, type BookingCreatedResponse } from '../src/index.js';
import { openPglite } from '../../adapters/src/storage/database.js';
import { pastBooking } from '../../adapters/test/feedback-contract.js';
import { usePostgresServer } from '../../adapters/test/postgres-server.js';
import { bookingBody } from './helpers.js';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
const zone = { timeZone: 'Europe/Moscow' };
const contact = {
  name: 'Опросова Анна Игоревна',
  phone: '+7 915 123-45-67',
  email: 'anna.survey@example.ru',
};

async function seedUdomlya(storage: Storage): Promise<void> {
  const read = async (name: string): Promise<unknown> =>
    JSON.parse(await readFile(`${examples}data/${name}`, 'utf8'));
  await storage.saveNetwork(createNetwork(await read('udomlya.json')));
  await storage.saveSchedule(createNetworkSchedule(await read('udomlya-schedule.json')));
}

/** A past consultation of the Udomlya network (psy-smirnova at kp-teremok). */
function udomlyaPast(id: string, start: string, status: Booking['status'] = 'attended'): Booking {
  return pastBooking(id, start, status, {
    specialistId: 'psy-smirnova',
    siteId: 'kp-teremok',
    serviceId: 'psychologist-consultation',
  });
}

describe('the survey routes', () => {
  let storage: Storage;
  let server: FastifyInstance;
  let upcoming: BookingCreatedResponse;

  beforeAll(async () => {
    storage = await openStorage({ dataDir: 'memory://' });
    await seedUdomlya(storage);
    await storage.feedback.importPastConsultations(
      'udomlya',
      [
        { booking: udomlyaPast('sv-attended', '2020-10-06T07:00:00Z') },
        { booking: udomlyaPast('sv-missed', '2020-10-06T09:00:00Z', 'no-show') },
      ],
      zone,
    );
    const now = instant('2026-10-05T06:00:00Z');
    server = createServer({ storage, staticRoot: examples, rateLimit: false, now: () => now });
    await server.ready();
    const { slots } = (
      await server.inject(
        '/api/slots?serviceId=psychologist-consultation&from=2026-10-07&to=2026-10-20',
      )
    ).json<{ slots: Slot[] }>();
    const [slot] = slots;
    if (slot === undefined) throw new Error('no slot to book');
    const made = await server.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: bookingBody(slot, contact),
    });
    expect(made.statusCode, made.body).toBe(201);
    upcoming = made.json<BookingCreatedResponse>();
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await storage?.close();
  });

  const view = (id: string, token: string) =>
    server.inject({ method: 'POST', url: `/api/surveys/${id}/view`, payload: { token } });
  const answer = (id: string, payload: object) =>
    server.inject({ method: 'POST', url: `/api/surveys/${id}`, payload });

  test('the survey link opens the page: when, where and what — and no one', async () => {
    const token = await storage.links.token('survey', 'sv-attended');
    const opened = await view('sv-attended', token);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toEqual({
      bookingId: 'sv-attended',
      start: '2020-10-06T07:00:00.000Z',
      end: '2020-10-06T07:45:00.000Z',
      timeZone: 'Europe/Moscow',
      site: {
        id: 'kp-teremok',
        name: 'Консультационный пункт МБДОУ детский сад «Теремок»',
        address: 'Тверская область, г. Удомля, ул. Попова, д. 20',
      },
      service: {
        id: 'psychologist-consultation',
        name: { ru: 'Консультация педагога-психолога', en: 'Psychologist consultation' },
      },
      state: 'open',
    });
    expect(opened.headers['cache-control']).toBe('no-store');

    // A live booking: its survey opens only once it is attended, and shows no contact.
    const live = await storage.links.token('survey', upcoming.booking.id);
    const notYet = await view(upcoming.booking.id, live);
    expect(notYet.json()).toMatchObject({ state: 'not-attended' });
    for (const secret of [contact.name, contact.email, '9151234567', 'Смирнова']) {
      expect(notYet.body).not.toContain(secret);
    }
    expect(
      (await view('sv-missed', await storage.links.token('survey', 'sv-missed'))).json(),
    ).toMatchObject({
      state: 'not-attended',
    });
  });

  test('a wrong token answers exactly as an unknown booking: 404', async () => {
    const unknown = await view('no-such-booking', 'A'.repeat(22));
    expect(unknown.statusCode).toBe(404);
    const wrong = await view('sv-attended', 'A'.repeat(22));
    expect(wrong.statusCode).toBe(404);
    const normalize = (body: string, id: string) => body.replaceAll(id, '<id>');
    expect(normalize(wrong.body, 'sv-attended')).toBe(normalize(unknown.body, 'no-such-booking'));
    // The manage link's token opens the booking's page, not its survey (nor the other way).
    const manage = await view(upcoming.booking.id, upcoming.cancelToken);
    expect(manage.statusCode).toBe(404);
    const survey = await storage.links.token('survey', upcoming.booking.id);
    const cancel = await server.inject({
      method: 'POST',
      url: `/api/bookings/${upcoming.booking.id}/cancel`,
      payload: { token: survey },
    });
    expect(cancel.statusCode).toBe(404);
    expect(
      (await answer('sv-attended', { token: 'A'.repeat(22), satisfied: true, score: 5 }))
        .statusCode,
    ).toBe(404);
  });

  test('a bad answer is refused with every issue in Russian and English', async () => {
    const token = await storage.links.token('survey', 'sv-attended');
    const bad = await answer('sv-attended', {
      token,
      satisfied: 'да',
      score: 7,
      comment: 'я'.repeat(1001),
      phone: '+7 900 000-00-00',
    });
    expect(bad.statusCode).toBe(400);
    const { error } = bad.json<{
      error: { issues: { path: (string | number)[]; message: { ru: string; en: string } }[] };
    }>();
    const paths = error.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['satisfied', 'score', 'comment']));
    for (const issue of error.issues) {
      expect(issue.message.ru).toMatch(/[а-я]/i);
      expect(issue.message.en).toMatch(/[a-z]/i);
    }
    expect((await answer('sv-attended', {})).statusCode).toBe(400);
  });

  test('an attended consultation is answered once; a second answer is 409; a missed one cannot be answered', async () => {
    const token = await storage.links.token('survey', 'sv-attended');
    const first = await answer('sv-attended', {
      token,
      satisfied: true,
      score: 5,
      comment: 'Спасибо, очень помогли!',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ state: 'answered', schoolYear: '2020-2021' });
    expect((await view('sv-attended', token)).json()).toMatchObject({ state: 'answered' });

    const second = await answer('sv-attended', { token, satisfied: false, score: 1 });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ error: { code: 'already-answered' } });

    const missed = await answer('sv-missed', {
      token: await storage.links.token('survey', 'sv-missed'),
      satisfied: true,
      score: 4,
    });
    expect(missed.statusCode).toBe(409);
    expect(missed.json()).toMatchObject({ error: { code: 'not-attended' } });
    const live = await answer(upcoming.booking.id, {
      token: await storage.links.token('survey', upcoming.booking.id),
      satisfied: true,
      score: 4,
    });
    expect(live.json()).toMatchObject({ error: { code: 'not-attended' } });

    expect(await storage.feedback.surveyTallies('udomlya')).toEqual([
      {
        siteId: 'kp-teremok',
        serviceId: 'psychologist-consultation',
        schoolYear: '2020-2021',
        answered: 1,
        satisfied: 1,
      },
    ]);
  });

  test('each answer is in the audit log with its booking — never the token or the answer', async () => {
    await new Promise((done) => setTimeout(done, 300)); // the audit buffer writes every 100 ms
    const { entries } = await storage.audit.list({}, { limit: 200 });
    const surveys = entries.filter((entry) => entry.action === 'POST /api/surveys/:bookingId');
    expect(surveys.length).toBeGreaterThanOrEqual(3);
    expect(surveys.some((entry) => entry.recordIds.includes('sv-attended'))).toBe(true);
    const token = await storage.links.token('survey', 'sv-attended');
    expect(JSON.stringify(entries)).not.toContain(token);
    expect(JSON.stringify(entries)).not.toContain('очень помогли');
  });
});

/** Marks a booking attended in the database itself, through core's rule (as staff will). */
function attendedBooking(booking: Booking, at: Instant) {
  const attended = markAttended(parseBooking(booking), at, { by: 'site' });
  return {
    sql: `UPDATE bookings SET status = $2, sequence = $3, history = $4::jsonb, updated_at = $5
          WHERE id = $1`,
    params: [
      attended.id,
      attended.status,
      attended.sequence,
      JSON.stringify(attended.history),
      attended.updatedAt,
    ],
    // The consultation took place: its seats are no longer held (only active bookings hold).
    seats: `UPDATE booking_sessions SET seats_taken = seats_taken - ${attended.seats}
            WHERE id = (SELECT session_id FROM bookings WHERE id = '${attended.id}')`,
  };
}

interface FlowBed {
  /** Opens the storage (again: PGlite's directory is opened by one holder at a time). */
  open(): Promise<Storage>;
  /** Runs statements on the database, the storage being closed (PGlite) or not. */
  sql(statements: readonly { sql: string; params?: readonly unknown[] }[]): Promise<void>;
  /** Whether the storage must be closed while `sql` runs. */
  readonly exclusive: boolean;
  cleanup(): void;
}

function doneWhen(engine: 'pglite' | 'postgres', bed: () => FlowBed): void {
  test(`${engine}: a parent books, the consultation is marked attended, the survey is answered, the satisfaction figure moves`, async () => {
    const flow = bed();
    let clock = instant('2026-10-05T06:00:00Z');
    const now = () => clock;
    let storage = await flow.open();
    let server = createServer({ storage, staticRoot: examples, rateLimit: false, now });
    try {
      await seedUdomlya(storage);
      // 1. A parent books a consultation at a consultation point.
      const { slots } = (
        await server.inject(
          '/api/slots?serviceId=psychologist-consultation&siteId=kp-teremok&from=2026-10-07&to=2026-10-20',
        )
      ).json<{ slots: Slot[] }>();
      const [slot] = slots;
      if (slot === undefined) throw new Error('no slot to book');
      const booked = await server.inject({
        method: 'POST',
        url: '/api/bookings',
        payload: bookingBody(slot, contact),
      });
      expect(booked.statusCode, booked.body).toBe(201);
      const { booking } = booked.json<BookingCreatedResponse>();
      // Earlier that school year: two consultations, one parent satisfied — 50 %.
      await storage.feedback.importPastConsultations(
        'udomlya',
        [
          {
            booking: udomlyaPast('fw-1', '2026-09-15T07:00:00Z'),
            answer: { satisfied: true, score: 5 },
          },
          {
            booking: udomlyaPast('fw-2', '2026-09-16T07:00:00Z'),
            answer: { satisfied: false, score: 2 },
          },
        ],
        zone,
      );
      const figures = async () => {
        const report = indicatorReportSchema.parse(
          (
            await server.inject(
              '/api/indicators?orgUnit=udomlya&period=2026-2027&explain=false' +
                '&indicator=udomlya-parents-satisfied-share,consultations-held',
            )
          ).json(),
        );
        return Object.fromEntries(
          report.results.map((r) => [r.indicator, r.status === 'value' ? r.value : r.reason]),
        );
      };
      expect(await figures()).toEqual({
        'udomlya-parents-satisfied-share': '50',
        'consultations-held': '2',
      });

      // 2. The consultation takes place; the specialist marks it attended.
      clock = instant(new Date(Date.parse(booking.end) + 10 * 60_000));
      const mark = attendedBooking(booking, clock);
      if (flow.exclusive) {
        await server.close();
        await storage.close();
      }
      await flow.sql([{ sql: mark.sql, params: mark.params }, { sql: mark.seats }]);
      if (flow.exclusive) {
        storage = await flow.open();
        server = createServer({ storage, staticRoot: examples, rateLimit: false, now });
      }
      expect(await figures()).toEqual({
        'udomlya-parents-satisfied-share': '50',
        'consultations-held': '3',
      });

      // 3. The parent opens the survey link from the e-mail and answers.
      const token = await storage.links.token('survey', booking.id);
      const opened = await server.inject({
        method: 'POST',
        url: `/api/surveys/${booking.id}/view`,
        payload: { token },
      });
      expect(opened.json()).toMatchObject({ state: 'open', site: { id: 'kp-teremok' } });
      const answered = await server.inject({
        method: 'POST',
        url: `/api/surveys/${booking.id}`,
        payload: { token, satisfied: true, score: 5, comment: 'Всё понятно объяснили' },
      });
      expect(answered.statusCode, answered.body).toBe(201);
      expect(answered.json()).toEqual({ state: 'answered', schoolYear: '2026-2027' });

      // 4. The dashboard's satisfaction figure moves: 2 of 3 satisfied.
      expect(await figures()).toEqual({
        'udomlya-parents-satisfied-share': '67',
        'consultations-held': '3',
      });
    } finally {
      await server.close();
      await storage.close();
      flow.cleanup();
    }
  }, 180_000);
}

describe('done when: book, attend, answer, the figure moves', () => {
  doneWhen('pglite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eduset-survey-'));
    return {
      exclusive: true,
      open: () => openStorage({ dataDir: dir }),
      async sql(statements) {
        const database = await openPglite(dir);
        try {
          await database.transaction(async (session) => {
            for (const { sql, params } of statements) {
              await session.query(sql, (params ?? []) as (string | number)[]);
            }
          });
        } finally {
          await database.close();
        }
      },
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  });

  const postgres = usePostgresServer();
  doneWhen('postgres', () => {
    const url = postgres.createDatabase(`survey_flow`);
    return {
      exclusive: false,
      open: () => openStorage({ databaseUrl: url }),
      async sql(statements) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query('BEGIN');
          for (const { sql, params } of statements) await client.query(sql, [...(params ?? [])]);
          await client.query('COMMIT');
        } finally {
          await client.end();
        }
      },
      cleanup: () => undefined,
    };
  });
});
