import { randomInt, randomUUID } from 'node:crypto';
import {
  ConflictError,
  instant,
  NotFoundError,
  parse,
  parseBooking,
  schoolYearOfInstant,
  serviceIdSchema,
  siteIdSchema,
  specialistIdSchema,
  surveyAnswerSchema,
  ValidationError,
  type Booking,
  type ConsultationTally,
  type Instant,
  type SchoolYear,
  type SurveyAnswer,
  type SurveyTally,
  type ValidationIssue,
} from '@eduset/core';
import type { Database, SqlRow, SqlSession } from './database.js';
import { hashLinkToken, linkTokens } from './link-tokens.js';

/**
 * What the survey page may know of a booking: when, where and what, its status, and whether
 * its survey is answered — never the parent's contact.
 *
 * @example
 * ```ts
 * import type { SurveyBooking } from '@eduset/adapters';
 * declare const booking: SurveyBooking;
 * booking.status === 'attended' && !booking.answered; // the survey is open
 * ```
 */
export interface SurveyBooking extends Pick<
  Booking,
  'id' | 'specialistId' | 'siteId' | 'serviceId' | 'start' | 'end' | 'status'
> {
  /** The one answer of this consultation is stored. */
  readonly answered: boolean;
}

/**
 * A consultation of the past to import (a service's history, the demo's years): a finished
 * booking — attended, a no-show or cancelled — and, for an attended one, the parent's answer
 * to the survey, if any.
 *
 * @example
 * ```ts
 * import type { PastConsultation } from '@eduset/adapters';
 * declare const booking: import('@eduset/core').Booking;
 * const past: PastConsultation = { booking, answer: { satisfied: true, score: 5 } };
 * ```
 */
export interface PastConsultation {
  readonly booking: Booking;
  readonly answer?: SurveyAnswer;
}

/**
 * The parents' survey after a consultation and the figures counted from stored rows
 * (migration 0018). Answers are kept apart from bookings: a receipt per answered booking (one
 * answer per consultation, kept by the database) and the answer itself with only its
 * network, site, service and school year — no contact, no booking id.
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters';
 * const { feedback } = await openStorage({ dataDir: 'memory://' });
 * await feedback.surveyTallies('udomlya'); // []
 * ```
 */
export interface FeedbackStore {
  /**
   * What the survey page shows of a booking ({@link SurveyBooking}).
   *
   * @throws NotFoundError when the network holds no booking with this id.
   */
  surveyBooking(networkId: string, bookingId: string): Promise<SurveyBooking>;
  /**
   * Stores the parent's answer to the survey of an attended consultation, once: a receipt
   * for the booking and the answer with the booking's site, service and school year (of its
   * start's civil date in `timeZone`). Returns that school year.
   *
   * @throws ValidationError when the answer is not one (core's `surveyAnswerSchema`).
   * @throws NotFoundError when the network holds no booking with this id.
   * @throws ConflictError `not-attended` unless the booking is attended; `already-answered`
   * when its answer is stored (also when two answers arrive at once: one wins).
   */
  answerSurvey(
    networkId: string,
    bookingId: string,
    answer: SurveyAnswer,
    options: { readonly timeZone: string },
  ): Promise<{ readonly schoolYear: SchoolYear }>;
  /**
   * Attended consultations per site, service and month (of the civil date in `timeZone`),
   * ordered by site, service and month.
   */
  consultationTallies(networkId: string, timeZone: string): Promise<ConsultationTally[]>;
  /** Survey answers and those «satisfied» per site, service and school year, in that order. */
  surveyTallies(networkId: string): Promise<SurveyTally[]>;
  /**
   * Imports finished consultations of the past with their survey answers in one transaction
   * (a few thousand rows in a few statements): their sessions (holding no seats, as no
   * finished booking does; a slot already stored is joined), the bookings, the receipts and
   * the answers (in a random order, so the order of the rows pairs nothing). Returns how
   * many bookings were imported. With `onlyIntoEmpty`, imports nothing (0) when the network
   * already holds a booking — the demo seeds its years once.
   *
   * @throws ValidationError when a booking is not finished (requested or confirmed), an
   * answer is given for a booking that is not attended, or an id repeats or is stored.
   * @throws NotFoundError when the network is not stored.
   */
  importPastConsultations(
    networkId: string,
    consultations: readonly PastConsultation[],
    options: { readonly timeZone: string; readonly onlyIntoEmpty?: boolean },
  ): Promise<number>;
}

/** The SQLSTATE the storage turns into «not found»: the network (or booking) is not there. */
const FOREIGN_KEY_VIOLATION = '23503';

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** A `timestamptz` as the drivers return it (a `Date`), or text, as an instant. */
function toInstant(value: unknown): Instant {
  if (value instanceof Date || typeof value === 'string') return instant(value);
  throw new TypeError(`Ожидалась дата / Expected a timestamp, got ${typeof value}`);
}

/** The key of the transaction-level lock that makes one import into an empty network at a time. */
const IMPORT_LOCK_KEY = 7_262_011_318;

interface SurveyBookingRow extends SqlRow {
  id: string;
  specialist_id: string;
  site_id: string;
  service_id: string;
  starts_at: unknown;
  ends_at: unknown;
  status: Booking['status'];
  answered: boolean;
}

/** A Fisher–Yates shuffle with the system's random numbers. */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = randomInt(index + 1);
    const item = copy[index] as T;
    copy[index] = copy[other] as T;
    copy[other] = item;
  }
  return copy;
}

const finishedStatuses: ReadonlySet<Booking['status']> = new Set([
  'attended',
  'no-show',
  'cancelled-by-parent',
  'cancelled-by-site',
]);

/** Validates an import: bookings, finished; answers, of attended bookings only; ids once. */
function validImport(consultations: readonly PastConsultation[]): {
  readonly booking: Booking;
  readonly answer: SurveyAnswer | undefined;
}[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const valid = consultations.map((item, index) => {
    const booking = parseBooking(item.booking);
    const answer = item.answer === undefined ? undefined : parse(surveyAnswerSchema, item.answer);
    if (!finishedStatuses.has(booking.status)) {
      issues.push({
        path: [index, 'booking', 'status'],
        code: 'not_finished',
        message: {
          ru: `Запись «${booking.id}» не завершена: импортируются только прошедшие консультации (состоялась, неявка, отменена)`,
          en: `Booking "${booking.id}" is not finished: only past consultations are imported (attended, no-show, cancelled)`,
        },
      });
    }
    if (answer !== undefined && booking.status !== 'attended') {
      issues.push({
        path: [index, 'answer'],
        code: 'not_attended',
        message: {
          ru: `Ответ на опрос у записи «${booking.id}», консультация которой не состоялась`,
          en: `A survey answer for booking "${booking.id}", whose consultation did not take place`,
        },
      });
    }
    if (seen.has(booking.id)) {
      issues.push({
        path: [index, 'booking', 'id'],
        code: 'duplicate_id',
        message: {
          ru: `Запись «${booking.id}» повторяется`,
          en: `Booking "${booking.id}" is repeated`,
        },
      });
    }
    seen.add(booking.id);
    return { booking, answer };
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return valid;
}

const slotKey = (booking: Booking): string =>
  [booking.specialistId, booking.siteId, booking.serviceId, booking.start, booking.end].join(
    '\u0000',
  );

async function importRows(
  session: SqlSession,
  networkId: string,
  consultations: readonly { booking: Booking; answer: SurveyAnswer | undefined }[],
  timeZone: string,
  manageHashes: ReadonlyMap<string, string>,
): Promise<void> {
  // One session per slot, with room for all the seats booked in it. A finished booking holds
  // no seats (only requested and confirmed ones do), so no past session blocks any time.
  const slots = new Map<string, { booking: Booking; capacity: number }>();
  for (const { booking } of consultations) {
    const key = slotKey(booking);
    const slot = slots.get(key);
    if (slot === undefined) slots.set(key, { booking, capacity: booking.seats });
    else slot.capacity += booking.seats;
  }
  const sessionRows = await session.query<{
    id: string | number;
    specialist_id: string;
    site_id: string;
    service_id: string;
    starts_at: unknown;
    ends_at: unknown;
  }>(
    `INSERT INTO booking_sessions
       (network_id, specialist_id, site_id, service_id, starts_at, ends_at, capacity, seats_taken)
     SELECT $1, s.specialist, s.site, s.service, s.start, s."end", s.capacity, 0
     FROM jsonb_to_recordset($2::jsonb) AS s(specialist text, site text, service text,
       start timestamptz, "end" timestamptz, capacity integer)
     ON CONFLICT ON CONSTRAINT booking_sessions_slot DO UPDATE
       SET capacity = GREATEST(booking_sessions.capacity, excluded.capacity)
     RETURNING id, specialist_id, site_id, service_id, starts_at, ends_at`,
    [
      networkId,
      JSON.stringify(
        [...slots.values()].map((slot) => ({
          specialist: slot.booking.specialistId,
          site: slot.booking.siteId,
          service: slot.booking.serviceId,
          start: slot.booking.start,
          end: slot.booking.end,
          capacity: slot.capacity,
        })),
      ),
    ],
  );
  const sessionOfSlot = new Map(
    sessionRows.map((row) => [
      [
        row.specialist_id,
        row.site_id,
        row.service_id,
        toInstant(row.starts_at),
        toInstant(row.ends_at),
      ].join('\u0000'),
      String(row.id),
    ]),
  );
  const bookings = consultations.map(({ booking }) => ({
    id: booking.id,
    session: sessionOfSlot.get(slotKey(booking)),
    specialist: booking.specialistId,
    site: booking.siteId,
    service: booking.serviceId,
    start: booking.start,
    end: booking.end,
    seats: booking.seats,
    status: booking.status,
    childAge: booking.childAge,
    name: booking.contact.name,
    phone: booking.contact.phone ?? null,
    email: booking.contact.email ?? null,
    erased: booking.contactErased,
    sequence: booking.sequence,
    history: booking.history,
    manage: manageHashes.get(booking.id),
    createdAt: booking.createdAt,
    updatedAt: booking.updatedAt,
  }));
  await session.query(
    `INSERT INTO bookings (id, network_id, session_id, specialist_id, site_id, service_id,
       starts_at, ends_at, seats, status, child_age, contact_name, contact_phone, contact_email,
       contact_erased, personal_data_consent, sequence, history, cancel_token_hash, created_at,
       updated_at)
     SELECT b.id, $1, b.session, b.specialist, b.site, b.service, b.start, b."end", b.seats,
       b.status, b."childAge", b.name, b.phone, b.email, b.erased, true, b.sequence, b.history,
       b.manage, b."createdAt", b."updatedAt"
     FROM jsonb_to_recordset($2::jsonb) AS b(id text, session bigint, specialist text,
       site text, service text, start timestamptz, "end" timestamptz, seats integer,
       status text, "childAge" integer, name text, phone text, email text, erased boolean,
       sequence integer, history jsonb, manage text, "createdAt" timestamptz,
       "updatedAt" timestamptz)`,
    [networkId, JSON.stringify(bookings)],
  );
  const answered = consultations.filter(
    (item): item is { booking: Booking; answer: SurveyAnswer } => item.answer !== undefined,
  );
  if (answered.length === 0) return;
  await session.query(
    `INSERT INTO survey_receipts (booking_id)
     SELECT value FROM jsonb_array_elements_text($1::jsonb)`,
    [JSON.stringify(answered.map(({ booking }) => booking.id))],
  );
  // The answers in another order than the receipts: their order pairs nothing.
  await session.query(
    `INSERT INTO survey_answers
       (id, network_id, site_id, service_id, school_year, satisfied, score, comment)
     SELECT a.id, $1, a.site, a.service, a.year, a.satisfied, a.score, a.comment
     FROM jsonb_to_recordset($2::jsonb) AS a(id uuid, site text, service text, year text,
       satisfied boolean, score smallint, comment text)`,
    [
      networkId,
      JSON.stringify(
        shuffled(answered).map(({ booking, answer }) => ({
          id: randomUUID(),
          site: booking.siteId,
          service: booking.serviceId,
          year: schoolYearOfInstant(booking.start, timeZone),
          satisfied: answer.satisfied,
          score: answer.score,
          comment: answer.comment ?? null,
        })),
      ),
    ],
  );
}

/**
 * The feedback half of the storage over one database (migration 0018).
 *
 * @example
 * ```ts
 * import { openPglite } from './database.js';
 * import { feedbackStore } from './feedback.js';
 * const store = feedbackStore(await openPglite('memory://'));
 * ```
 */
export function feedbackStore(database: Database): FeedbackStore {
  const links = linkTokens(database);
  return {
    async surveyBooking(networkId, bookingId) {
      const [row] = await database.query<SurveyBookingRow>(
        `SELECT b.id, b.specialist_id, b.site_id, b.service_id, b.starts_at, b.ends_at, b.status,
           EXISTS (SELECT 1 FROM survey_receipts r WHERE r.booking_id = b.id) AS answered
         FROM bookings b WHERE b.network_id = $1 AND b.id = $2`,
        [networkId, bookingId],
      );
      if (row === undefined) throw new NotFoundError('booking', bookingId);
      return {
        id: row.id,
        specialistId: specialistIdSchema.parse(row.specialist_id),
        siteId: siteIdSchema.parse(row.site_id),
        serviceId: serviceIdSchema.parse(row.service_id),
        start: toInstant(row.starts_at),
        end: toInstant(row.ends_at),
        status: row.status,
        answered: row.answered,
      };
    },

    async answerSurvey(networkId, bookingId, input, { timeZone }) {
      const answer = parse(surveyAnswerSchema, input);
      try {
        return await database.transaction(async (session) => {
          const [row] = await session.query<SurveyBookingRow>(
            `SELECT id, site_id, service_id, starts_at, status FROM bookings
             WHERE network_id = $1 AND id = $2`,
            [networkId, bookingId],
          );
          if (row === undefined) throw new NotFoundError('booking', bookingId);
          if (row.status !== 'attended') {
            throw new ConflictError('not-attended', {
              ru: 'Опрос открывается после консультации, а эта консультация не состоялась',
              en: 'The survey opens after the consultation, and this one has not taken place',
            });
          }
          // The database keeps one answer per consultation: a second one inserts nothing.
          const receipt = await session.query(
            `INSERT INTO survey_receipts (booking_id) VALUES ($1)
             ON CONFLICT (booking_id) DO NOTHING RETURNING booking_id`,
            [bookingId],
          );
          if (receipt.length === 0) {
            throw new ConflictError('already-answered', {
              ru: 'На этот опрос уже ответили: по одной консультации принимается один ответ',
              en: 'This survey is already answered: one answer is taken per consultation',
            });
          }
          const schoolYear = schoolYearOfInstant(toInstant(row.starts_at), timeZone);
          await session.query(
            `INSERT INTO survey_answers
               (id, network_id, site_id, service_id, school_year, satisfied, score, comment)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [
              randomUUID(),
              networkId,
              row.site_id,
              row.service_id,
              schoolYear,
              answer.satisfied,
              answer.score,
              answer.comment ?? null,
            ],
          );
          return { schoolYear };
        });
      } catch (error) {
        // The booking went away (its network deleted) while the answer was written.
        if (sqlState(error) === FOREIGN_KEY_VIOLATION)
          throw new NotFoundError('booking', bookingId);
        throw error;
      }
    },

    async consultationTallies(networkId, timeZone) {
      const rows = await database.query<{
        site_id: string;
        service_id: string;
        month: string;
        attended: number | string;
      }>(
        `SELECT site_id, service_id, to_char(starts_at AT TIME ZONE $2, 'YYYY-MM') AS month,
           count(*) AS attended
         FROM bookings WHERE network_id = $1 AND status = 'attended'
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        [networkId, timeZone],
      );
      return rows.map((row) => ({
        siteId: row.site_id,
        serviceId: row.service_id,
        month: row.month,
        attended: Number(row.attended),
      }));
    },

    async surveyTallies(networkId) {
      const rows = await database.query<{
        site_id: string;
        service_id: string;
        school_year: string;
        answered: number | string;
        satisfied: number | string;
      }>(
        `SELECT site_id, service_id, school_year, count(*) AS answered,
           count(*) FILTER (WHERE satisfied) AS satisfied
         FROM survey_answers WHERE network_id = $1
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        [networkId],
      );
      return rows.map((row) => ({
        siteId: row.site_id,
        serviceId: row.service_id,
        schoolYear: row.school_year,
        answered: Number(row.answered),
        satisfied: Number(row.satisfied),
      }));
    },

    async importPastConsultations(networkId, consultations, options) {
      const valid = validImport(consultations);
      // Check the zone before anything is written (schoolYearOfInstant throws on a bad one).
      schoolYearOfInstant(instant('2020-01-01T00:00:00Z'), options.timeZone);
      // Before the transaction: the links' secret is read with a query of its own (on PGlite,
      // one connection, it would wait for this transaction forever).
      const manageHashes = new Map<string, string>();
      for (const { booking } of valid) {
        manageHashes.set(booking.id, hashLinkToken(await links.token('manage', booking.id)));
      }
      try {
        return await database.transaction(async (session) => {
          await session.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);
          if (options.onlyIntoEmpty === true) {
            const [any] = await session.query(
              'SELECT 1 AS found FROM bookings WHERE network_id = $1 LIMIT 1',
              [networkId],
            );
            if (any !== undefined) return 0;
          }
          if (valid.length === 0) return 0;
          const stored = await session.query<{ id: string }>(
            `SELECT id FROM bookings WHERE id IN (SELECT value FROM jsonb_array_elements_text($1::jsonb))`,
            [JSON.stringify(valid.map(({ booking }) => booking.id))],
          );
          if (stored.length > 0) {
            throw new ValidationError(
              stored.map(({ id }) => ({
                path: [valid.findIndex(({ booking }) => booking.id === id), 'booking', 'id'],
                code: 'duplicate_id',
                message: {
                  ru: `Запись «${id}» уже хранится`,
                  en: `Booking "${id}" is already stored`,
                },
              })),
            );
          }
          await importRows(session, networkId, valid, options.timeZone, manageHashes);
          return valid.length;
        });
      } catch (error) {
        const state = sqlState(error);
        if (state === FOREIGN_KEY_VIOLATION) throw new NotFoundError('network', networkId);
        throw error;
      }
    },
  };
}
