// What the feedback storage must do (migration 0018), run against PGlite and a PostgreSQL
// server alike: one answer per attended consultation (kept by the database, also under
// concurrent answers), answers stored with no contact and nothing that names the booking,
// the figures counted from the stored rows, and the import of past consultations.
import {
  ConflictError,
  countConsultations,
  instant,
  NotFoundError,
  parseBooking,
  schoolYearOfInstant,
  ValidationError,
  type Booking,
  type BookingStatus,
} from '@eduset/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BookingStore } from '../src/storage/booking-store.js';
import type { Database } from '../src/storage/database.js';
import type { FeedbackStore } from '../src/storage/feedback.js';
import { smallNetwork } from './fixtures/network.js';
import { rejection } from './rejection.js';

/** What a feedback contract run needs: the stores over one database holding `smallNetwork()`. */
export interface FeedbackTestBed {
  readonly bookings: BookingStore;
  readonly feedback: FeedbackStore;
  /** Another feedback store over the same database (another process), for concurrency. */
  readonly another: FeedbackStore;
  readonly database: Database;
  close(): Promise<void>;
}

const NETWORK = 'test-town';
const zone = { timeZone: 'Europe/Moscow' };

/** A finished consultation of the past, built through core's rules (valid history). */
export function pastBooking(
  id: string,
  start: string,
  status: BookingStatus = 'attended',
  overrides: { specialistId?: string; siteId?: string; serviceId?: string } = {},
): Booking {
  const startMs = Date.parse(start);
  const at = (ms: number) => instant(new Date(ms));
  const created = at(startMs - 3 * 86_400_000);
  const finished = status.startsWith('cancelled')
    ? at(startMs - 86_400_000)
    : at(startMs + 3_600_000);
  const by = status === 'cancelled-by-parent' ? 'parent' : 'site';
  return parseBooking({
    id,
    specialistId: 'psy-ivanova',
    siteId: 'kp-teremok',
    serviceId: 'speech',
    start: at(startMs),
    end: at(startMs + 45 * 60_000),
    status,
    childAge: 4,
    contact: { name: '' },
    contactErased: true,
    personalDataConsent: true,
    createdAt: created,
    updatedAt: at(startMs + 30 * 86_400_000),
    sequence: 3,
    history: [
      { from: 'requested', to: 'confirmed', at: created, by: 'system' },
      { from: 'confirmed', to: status, at: finished, by },
    ],
    ...overrides,
  });
}

/** The feedback storage contract; `open` is called once for the whole suite. */
export function feedbackContract(
  engine: 'pglite' | 'postgres',
  open: () => Promise<FeedbackTestBed>,
): void {
  describe(`feedback storage contract (${engine})`, () => {
    let bed: FeedbackTestBed;

    beforeAll(async () => {
      bed = await open();
      expect(smallNetwork().id).toBe(NETWORK);
    });

    afterAll(async () => {
      await bed?.close();
    });

    test('only an attended consultation is answered, once; the answer names no one', async () => {
      const { feedback, bookings, database } = bed;
      const imported = await feedback.importPastConsultations(
        NETWORK,
        [
          { booking: pastBooking('fb-attended', '2021-03-02T07:00:00Z') },
          { booking: pastBooking('fb-no-show', '2021-03-02T09:00:00Z', 'no-show') },
        ],
        zone,
      );
      expect(imported).toBe(2);
      const open = await feedback.surveyBooking(NETWORK, 'fb-attended');
      expect(open).toEqual({
        id: 'fb-attended',
        specialistId: 'psy-ivanova',
        siteId: 'kp-teremok',
        serviceId: 'speech',
        start: '2021-03-02T07:00:00.000Z',
        end: '2021-03-02T07:45:00.000Z',
        status: 'attended',
        answered: false,
      });
      expect(Object.keys(open)).not.toContain('contact');

      const answered = await feedback.answerSurvey(
        NETWORK,
        'fb-attended',
        { satisfied: true, score: 5, comment: '  Очень помогли  ' },
        zone,
      );
      expect(answered).toEqual({ schoolYear: '2020-2021' });
      expect((await feedback.surveyBooking(NETWORK, 'fb-attended')).answered).toBe(true);

      const again = await rejection(
        feedback.answerSurvey(NETWORK, 'fb-attended', { satisfied: false, score: 1 }, zone),
      );
      expect(again).toBeInstanceOf(ConflictError);
      expect(again).toMatchObject({ reason: 'already-answered' });

      const missed = await rejection(
        feedback.answerSurvey(NETWORK, 'fb-no-show', { satisfied: true, score: 3 }, zone),
      );
      expect(missed).toMatchObject({ _tag: 'ConflictError', reason: 'not-attended' });

      // A booking still to come (confirmed) is not answered either.
      const { booking: upcoming } = await bookings.createBooking(
        NETWORK,
        {
          specialistId: 'psy-ivanova',
          siteId: 'kp-teremok',
          serviceId: 'speech',
          start: instant('2026-05-12T06:00:00Z'),
          end: instant('2026-05-12T06:45:00Z'),
          seats: 1,
          capacity: 1,
          childAge: 4,
          contact: { name: 'Анна Отзывова', phone: '+7 912 000-11-22', email: 'anna@example.org' },
          personalDataConsent: true,
        },
        instant('2026-05-11T06:00:00Z'),
      );
      await expect(
        feedback.answerSurvey(NETWORK, upcoming.id, { satisfied: true, score: 5 }, zone),
      ).rejects.toMatchObject({ reason: 'not-attended' });
      expect((await feedback.surveyBooking(NETWORK, upcoming.id)).status).toBe('confirmed');

      await expect(feedback.surveyBooking(NETWORK, 'nowhere')).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(feedback.surveyBooking('other-network', 'fb-attended')).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(
        feedback.answerSurvey('other-network', 'fb-attended', { satisfied: true, score: 5 }, zone),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        feedback.answerSurvey(NETWORK, 'fb-attended', { satisfied: true, score: 9 }, zone),
      ).rejects.toBeInstanceOf(ValidationError);

      // The stored answer: network, site, service, school year and the answer — nothing else.
      const rows = await database.query('SELECT * FROM survey_answers');
      expect(rows).toHaveLength(1);
      const [row] = rows;
      expect(Object.keys(row ?? {}).sort()).toEqual([
        'comment',
        'id',
        'network_id',
        'satisfied',
        'school_year',
        'score',
        'service_id',
        'site_id',
      ]);
      expect(row).toMatchObject({
        network_id: NETWORK,
        site_id: 'kp-teremok',
        service_id: 'speech',
        school_year: '2020-2021',
        satisfied: true,
        score: 5,
        comment: 'Очень помогли',
      });
      expect(JSON.stringify(row)).not.toContain('fb-attended');
      expect(await database.query('SELECT booking_id FROM survey_receipts')).toEqual([
        { booking_id: 'fb-attended' },
      ]);
    });

    test('answers arriving at once from two processes: exactly one is stored', async () => {
      const { feedback, another, database } = bed;
      await feedback.importPastConsultations(
        NETWORK,
        [{ booking: pastBooking('fb-race', '2021-03-03T07:00:00Z') }],
        zone,
      );
      const outcomes = await Promise.allSettled(
        Array.from({ length: 12 }, (_, index) =>
          (index % 2 === 0 ? feedback : another).answerSurvey(
            NETWORK,
            'fb-race',
            { satisfied: index % 3 === 0, score: (index % 5) + 1 },
            zone,
          ),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          expect(outcome.reason).toMatchObject({ reason: 'already-answered' });
        }
      }
      const [count] = await database.query<{ n: number | string }>(
        `SELECT count(*) AS n FROM survey_answers WHERE school_year = '2020-2021'
           AND network_id = $1`,
        [NETWORK],
      );
      expect(Number(count?.n)).toBe(2); // fb-attended and fb-race
    });

    test('the figures are counted from the stored rows, by site, service, month and year', async () => {
      const { feedback, bookings } = bed;
      await feedback.importPastConsultations(
        NETWORK,
        [
          // 01:30 on 1 September in Moscow: month 2021-09, school year 2021-2022.
          {
            booking: pastBooking('fb-late', '2021-08-31T22:30:00Z'),
            answer: { satisfied: false, score: 2 },
          },
          {
            booking: pastBooking('fb-lek', '2021-09-15T07:00:00Z', 'attended', {
              siteId: 'lek-school-2',
              serviceId: 'play',
            }),
            answer: { satisfied: true, score: 4 },
          },
          { booking: pastBooking('fb-cancelled', '2021-09-16T07:00:00Z', 'cancelled-by-parent') },
        ],
        zone,
      );
      const tallies = await feedback.consultationTallies(NETWORK, 'Europe/Moscow');
      expect(tallies).toEqual([
        { siteId: 'kp-teremok', serviceId: 'speech', month: '2021-03', attended: 2 },
        { siteId: 'kp-teremok', serviceId: 'speech', month: '2021-09', attended: 1 },
        { siteId: 'lek-school-2', serviceId: 'play', month: '2021-09', attended: 1 },
      ]);
      // The same as core's count over the bookings read back.
      const stored = await bookings.listBookings(NETWORK);
      const counted = countConsultations(stored, smallNetwork().sites, {
        by: ['site', 'service', 'schoolYear'],
      });
      const byYear = (year: string) =>
        counted.rows
          .filter((row) => row.schoolYear === year)
          .reduce((sum, row) => sum + row.attended, 0);
      const talliedYear = (year: string) =>
        tallies
          .filter((t) => schoolYearOfInstant(instant(`${t.month}-15T12:00:00Z`)) === year)
          .reduce((sum, t) => sum + t.attended, 0);
      for (const year of ['2020-2021', '2021-2022']) expect(talliedYear(year)).toBe(byYear(year));

      expect(await feedback.surveyTallies(NETWORK)).toEqual([
        {
          siteId: 'kp-teremok',
          serviceId: 'speech',
          schoolYear: '2020-2021',
          answered: 2,
          satisfied: expect.any(Number),
        },
        {
          siteId: 'kp-teremok',
          serviceId: 'speech',
          schoolYear: '2021-2022',
          answered: 1,
          satisfied: 0,
        },
        {
          siteId: 'lek-school-2',
          serviceId: 'play',
          schoolYear: '2021-2022',
          answered: 1,
          satisfied: 1,
        },
      ]);
      expect(await feedback.surveyTallies('other-network')).toEqual([]);
    });

    test('an import is all or nothing, of finished consultations only, into an empty network on demand', async () => {
      const { feedback } = bed;
      const invalid = await rejection(
        feedback.importPastConsultations(
          NETWORK,
          [
            {
              booking: {
                ...pastBooking('fb-x1', '2021-04-01T07:00:00Z'),
                status: 'confirmed',
                history: [],
              },
            },
            {
              booking: pastBooking('fb-x2', '2021-04-01T09:00:00Z', 'no-show'),
              answer: { satisfied: true, score: 5 },
            },
            { booking: pastBooking('fb-x3', '2021-04-01T11:00:00Z') },
            { booking: pastBooking('fb-x3', '2021-04-01T13:00:00Z') },
          ],
          zone,
        ),
      );
      expect(invalid).toBeInstanceOf(ValidationError);
      expect((invalid as ValidationError).issues.map((issue) => issue.code)).toEqual([
        'not_finished',
        'not_attended',
        'duplicate_id',
      ]);
      // Already stored.
      await expect(
        feedback.importPastConsultations(
          NETWORK,
          [{ booking: pastBooking('fb-attended', '2021-04-02T07:00:00Z') }],
          zone,
        ),
      ).rejects.toBeInstanceOf(ValidationError);
      // Finished bookings hold no time: two of one specialist at once are both history, and
      // a slot already stored is joined, its session holding no seats.
      expect(
        await feedback.importPastConsultations(
          NETWORK,
          [
            { booking: pastBooking('fb-o1', '2021-04-05T07:00:00Z') },
            {
              booking: pastBooking('fb-o2', '2021-04-05T07:30:00Z', 'attended', {
                siteId: 'lek-school-2',
                serviceId: 'play',
              }),
            },
            { booking: pastBooking('fb-o3', '2021-03-02T07:00:00Z', 'no-show') },
          ],
          zone,
        ),
      ).toBe(3);
      const sessions = await bed.database.query<{ seats_taken: number; capacity: number }>(
        `SELECT s.seats_taken, s.capacity FROM booking_sessions s
         JOIN bookings b ON b.session_id = s.id WHERE b.id IN ('fb-attended', 'fb-o3')`,
      );
      expect(sessions).toEqual([
        { seats_taken: 0, capacity: 1 },
        { seats_taken: 0, capacity: 1 },
      ]);
      await expect(
        feedback.importPastConsultations(
          'nowhere',
          [{ booking: pastBooking('fb-z', '2021-04-07T07:00:00Z') }],
          zone,
        ),
      ).rejects.toBeInstanceOf(NotFoundError);
      // The network holds bookings: `onlyIntoEmpty` imports nothing.
      expect(
        await feedback.importPastConsultations(
          NETWORK,
          [{ booking: pastBooking('fb-y', '2021-04-06T07:00:00Z') }],
          { ...zone, onlyIntoEmpty: true },
        ),
      ).toBe(0);
      await expect(feedback.surveyBooking(NETWORK, 'fb-y')).rejects.toBeInstanceOf(NotFoundError);
    });

    test('erasing contacts keeps the receipts and the answers; the figures stay', async () => {
      const { bookings, feedback } = bed;
      const before = await feedback.surveyTallies(NETWORK);
      await bookings.erasePersonalData(
        instant('2030-01-01T00:00:00Z'),
        instant('2030-01-01T00:00:00Z'),
      );
      await bookings.compactAfterErasure();
      expect(await feedback.surveyTallies(NETWORK)).toEqual(before);
      expect((await feedback.surveyBooking(NETWORK, 'fb-attended')).answered).toBe(true);
    });
  });
}
