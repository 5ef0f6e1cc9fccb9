import { createHash, randomFillSync, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  cancelBooking,
  confirmBooking,
  isActiveBooking,
  ConflictError,
  createNetworkSchedule,
  eraseContact,
  instant,
  NotFoundError,
  parseBooking,
  ValidationError,
  type Booking,
  type NetworkSchedule,
  type BusyInterval,
  type Instant,
} from '@eduset/core';
import { batched } from './batch.js';
import { linkTokens } from './link-tokens.js';
import type {
  BookingContext,
  BookingStore,
  BusyRange,
  CalendarBooking,
  PersonBooking,
  PersonContact,
} from './booking-store.js';
import type { Database, SqlParam, SqlRow, SqlSession } from './database.js';

/** SQLSTATE codes the booking storage turns into eduset errors. */
const UNIQUE_VIOLATION = '23505';
const DEADLOCK = '40P01';
const SERIALIZATION_FAILURE = '40001';
const FOREIGN_KEY_VIOLATION = '23503';
const EXCLUSION_VIOLATION = '23P01';
const NO_DATA_FOUND = 'P0002';
/** Raised by `eduset_take_booking` (migration 0004): a group session is full. */
const NO_SEATS = 'EDNOS';
/** Raised by `eduset_take_booking`: an individual consultation is already taken. */
const SPECIALIST_BUSY = 'EDBSY';
/** Failures that a second attempt of the same booking can get past. */
const transientStates = new Set([UNIQUE_VIOLATION, DEADLOCK, SERIALIZATION_FAILURE, NO_DATA_FOUND]);

/** The SQLSTATE of a driver error (both `pg` and PGlite put it in `code`), if any. */
function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function noSeats(): ConflictError {
  return new ConflictError('no-seats', {
    ru: 'Мест нет: все места на это время уже заняты',
    en: 'No seats left: every place at this time is taken',
  });
}

function overlap(): ConflictError {
  return new ConflictError('overlap', {
    ru: 'Специалист в это время уже занят (на этой или другой площадке); выберите другое время',
    en: 'The specialist is already busy at this time (at this or another site); choose another time',
  });
}

/** SHA-256 of a cancel token, hex; only this is stored. */
/**
 * Cryptographically random bytes for cancel tokens, drawn from a pool filled 4 KB at a time:
 * asking the system's generator for 16 bytes on every booking was a measured cost of the
 * booking server. Every token takes bytes no other token took.
 */
const tokenPool = Buffer.alloc(4096);
let tokenPoolUsed = tokenPool.length;

/** A new 128-bit cancel token, base64url (22 characters). */
function newCancelToken(): string {
  if (tokenPoolUsed + 16 > tokenPool.length) {
    randomFillSync(tokenPool);
    tokenPoolUsed = 0;
  }
  const token = tokenPool.toString('base64url', tokenPoolUsed, tokenPoolUsed + 16);
  tokenPoolUsed += 16;
  return token;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares a presented token with a stored hash in constant time. */
function tokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** A `timestamptz` as the drivers return it (a `Date`), or text, as an instant. */
function toInstant(value: unknown): Instant {
  if (value instanceof Date || typeof value === 'string') return instant(value);
  throw new TypeError(`Ожидалась дата / Expected a timestamp, got ${typeof value}`);
}

/** A `jsonb` value as the drivers return it (parsed), or text. */
function fromJson(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

/** A row of `bookings` as {@link bookingColumns} reads it. */
export interface BookingRow extends SqlRow {
  id: string;
  specialist_id: string;
  site_id: string;
  service_id: string;
  starts_at: unknown;
  ends_at: unknown;
  seats: number;
  status: string;
  child_age: number;
  contact_name: string;
  contact_phone: string | null;
  contact_email: string | null;
  contact_erased: boolean;
  personal_data_consent: boolean;
  sequence: number;
  history: unknown;
  created_at: unknown;
  updated_at: unknown;
}

interface LockedBookingRow extends BookingRow {
  session_id: string | number;
  cancel_token_hash: string;
}

interface ConsentRow extends BookingRow {
  session_id: string | number;
  consent_version: string | null;
  consent_at: unknown;
}

/**
 * SQL condition on a booking held with a person's phone `$2` or e-mail `$3` (either may be
 * null; the e-mail without regard to case).
 */
const personCondition = `network_id = $1 AND NOT contact_erased
  AND (($2::text IS NOT NULL AND contact_phone = $2::text)
    OR ($3::text IS NOT NULL AND lower(contact_email) = lower($3::text)))`;

function personParams(networkId: string, person: PersonContact): SqlParam[] {
  return [networkId, person.phone ?? null, person.email ?? null];
}

/** The columns of `bookings` that {@link bookingOfRow} needs. */
export const bookingColumns = `id, specialist_id, site_id, service_id, starts_at, ends_at, seats, status,
  child_age, contact_name, contact_phone, contact_email, contact_erased, personal_data_consent,
  sequence, history, created_at, updated_at`;

/** A stored row back as a booking, validated by core (a row that fails is not returned). */
export function bookingOfRow(row: BookingRow): Booking {
  return parseBooking({
    id: row.id,
    specialistId: row.specialist_id,
    siteId: row.site_id,
    serviceId: row.service_id,
    start: toInstant(row.starts_at),
    end: toInstant(row.ends_at),
    seats: Number(row.seats),
    status: row.status,
    childAge: Number(row.child_age),
    contact: {
      name: row.contact_name,
      ...(row.contact_phone === null ? {} : { phone: row.contact_phone }),
      ...(row.contact_email === null ? {} : { email: row.contact_email }),
    },
    contactErased: row.contact_erased,
    personalDataConsent: row.personal_data_consent,
    createdAt: toInstant(row.created_at),
    updatedAt: toInstant(row.updated_at),
    sequence: Number(row.sequence),
    history: fromJson(row.history),
  });
}

/** Writes the mutable part of a booking (status, contact, sequence, history, update time). */
async function updateBookingRow(session: SqlSession, booking: Booking): Promise<void> {
  await session.query(
    `UPDATE bookings SET status = $2, contact_name = $3, contact_phone = $4, contact_email = $5,
       contact_erased = $6, sequence = $7, history = $8::jsonb, updated_at = $9::timestamptz
     WHERE id = $1`,
    [
      booking.id,
      booking.status,
      booking.contact.name,
      booking.contact.phone ?? null,
      booking.contact.email ?? null,
      booking.contactErased,
      booking.sequence,
      JSON.stringify(booking.history),
      booking.updatedAt,
    ],
  );
}

function assertCapacity(seats: number, capacity: number): void {
  if (Number.isInteger(capacity) && capacity >= 1 && Number.isInteger(seats) && seats >= 1) return;
  throw new ValidationError([
    {
      path: ['capacity'],
      code: 'custom',
      message: {
        ru: 'Число мест сеанса и число занимаемых мест — целые числа не меньше 1',
        en: 'The session capacity and the seats taken must be whole numbers of at least 1',
      },
    },
  ]);
}

const emptyRange: BusyRange = { from: undefined, to: undefined };

/** A booking as `eduset_take_booking(s)` takes it (migrations 0004 and 0005). */
interface BookingItem {
  readonly networkId: string;
  readonly specialistId: string;
  readonly siteId: string;
  readonly serviceId: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly capacity: number;
  readonly id: string;
  readonly seats: number;
  readonly status: string;
  readonly childAge: number;
  readonly contactName: string;
  readonly contactPhone: string | null;
  readonly contactEmail: string | null;
  readonly personalDataConsent: boolean;
  readonly sequence: number;
  readonly history: Booking['history'];
  readonly cancelTokenHash: string;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  readonly calendarTokenHash: string;
  readonly consentVersion: string | null;
  readonly consentAt: Instant | null;
  /**
   * Another booking of the same specialist at an overlapping time is being taken by this
   * process: one of the two is likely refused, and this one may have to wait for the other
   * to commit. It is taken alone, not in a batch (whose set-based attempt a refusal would
   * undo, and whose other bookings would wait with it).
   */
  careful: boolean;
}

interface CachedSchedule {
  readonly revision: string;
  readonly savedAt: string;
  readonly schedule: NetworkSchedule;
}

interface ScheduleRevisionRow extends SqlRow {
  revision: string | number;
  saved_at: string;
  /** The document, unless the caller's cached revision `$2` and save time `$3` are current. */
  document: string | null;
}

/**
 * The columns of a schedules row for a caller holding revision `$2` saved at `$3`: the
 * document only when those are not current.
 */
const scheduleRevisionSql = `revision, saved_at::text AS saved_at,
  CASE WHEN revision::text = $2 AND saved_at::text = $3 THEN NULL ELSE document::text END AS document`;

/**
 * SQL writing a `timestamptz` column as an Instant's text, `2026-05-12T06:00:00.000Z`, so
 * the busy time read for every booking needs no conversion in JavaScript.
 */
function canonicalInstantSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * The schedule (see {@link scheduleRevisionSql}) and, per range of the JSON array `$4`, the
 * busy sessions in it as a JSON array of {@link BusyTuple}s, in range order: one statement
 * for the requests that arrived together. `specialist` is the condition on the session's
 * specialist.
 */
function contextsSqlWhere(specialist: string): string {
  return `SELECT ${scheduleRevisionSql},
    (SELECT coalesce(json_agg(
        (SELECT coalesce(json_agg(json_build_array(b.specialist_id, b.site_id,
             b.service_id, ${canonicalInstantSql('b.starts_at')},
             ${canonicalInstantSql('b.ends_at')}, b.seats_taken)
           ORDER BY b.starts_at, b.specialist_id, b.site_id, b.service_id), '[]')
         FROM booking_sessions b
         WHERE b.network_id = $1 AND b.seats_taken > 0
           AND b.during && tstzrange((q.range ->> 'from')::timestamptz,
             (q.range ->> 'to')::timestamptz, '[)')
           AND ${specialist})
        ORDER BY q.position), '[]')::text
     FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS q(range, position)) AS busy
  FROM schedules WHERE network_id = $1`;
}

/** {@link contextsSqlWhere} for ranges with or without a specialist. */
const contextsSql = contextsSqlWhere(
  `(q.range ->> 'specialistId' IS NULL OR b.specialist_id = q.range ->> 'specialistId')`,
);

/**
 * {@link contextsSqlWhere} for ranges that each name a specialist (every booking check): a
 * plain equality, so the specialist is a condition of the exclusion constraint's index scan
 * (with the `OR` of {@link contextsSql} it could only filter the rows of the whole network).
 */
const contextsOfSpecialistsSql = contextsSqlWhere(`b.specialist_id = q.range ->> 'specialistId'`);

/**
 * A busy session as `bookingContext` reads it: specialist, site, service, start, end, seats.
 * Start and end are already instants in canonical form ({@link canonicalInstantSql}), so
 * they are typed as such without parsing them again — every booking reads a day or a week
 * of them.
 */
type BusyTuple = [string, string, string, Instant, Instant, number];

/**
 * The booking half of the storage over one database: schedules as validated JSON documents,
 * bookings in sessions whose seats are taken atomically, and the exclusion constraint that
 * keeps a specialist in one place at a time (migration 0002).
 *
 * @example
 * ```ts
 * import { openPglite } from './database.js';
 * import { bookingStore } from './bookings.js';
 * const store = bookingStore(await openPglite('memory://'));
 * ```
 */
export function bookingStore(database: Database): BookingStore {
  const links = linkTokens(database);
  // Every booking reads the schedule; validating the whole document each time cost more
  // than the booking itself, and reading it each time cost a large transfer. Keep the last
  // validated document per network with its revision and save time (migration 0004), and
  // read the document again only when another save changed them (possibly another process).
  const validatedSchedules = new Map<string, CachedSchedule>();

  /**
   * The schedule of a row read by {@link scheduleRevisionSql} for the `cached` entry: that
   * entry's when the row says it is current.
   */
  function scheduleOfRow(
    networkId: string,
    row: ScheduleRevisionRow,
    cached: CachedSchedule | undefined,
  ): NetworkSchedule {
    if (row.document === null && cached !== undefined) return cached.schedule;
    if (row.document === null) throw new Error('schedule document missing');
    const schedule = createNetworkSchedule(JSON.parse(row.document));
    validatedSchedules.set(networkId, {
      revision: String(row.revision),
      savedAt: row.saved_at,
      schedule,
    });
    return schedule;
  }

  /** `[revision, savedAt]` of a cached schedule, or values no row has. */
  function versionOf(cached: CachedSchedule | undefined): [string, string] {
    return cached === undefined ? ['0', ''] : [cached.revision, cached.savedAt];
  }

  // How many bookings go together. PGlite runs one statement at a time, so the more the
  // better; a PostgreSQL server runs the pool's statements side by side, and a batch that
  // waits on another's row (the same group session, or the exclusion check of an
  // overlapping slot) holds up all of its bookings: small batches measured best there
  // (bench/booking-load.bench.ts: 8 against 64 more than doubled the bookings a second).
  const batchSize = database.engine === 'pglite' ? 64 : 8;
  // The batch's new sessions are taken together, the rest one by one (migration 0005): on
  // PGlite too, where it measured faster than one by one (bench/booking-load.bench.ts).
  const takeManySql = 'SELECT eduset_take_bookings_together($1::jsonb) AS outcomes';

  /** Takes one booking alone: its SQLSTATE when refused, `undefined` when stored. */
  async function takeAlone(item: BookingItem): Promise<string | undefined> {
    try {
      await database.query(
        `SELECT eduset_take_booking($1, $2, $3, $4, $5::timestamptz, $6::timestamptz, $7, $8,
           $9, $10, $11, $12, $13, $14, $15, $16, $17::jsonb, $18, $19::timestamptz,
           $20::timestamptz, $21, $22, $23::timestamptz) AS session_id`,
        [
          item.networkId,
          item.specialistId,
          item.siteId,
          item.serviceId,
          item.start,
          item.end,
          item.capacity,
          item.id,
          item.seats,
          item.status,
          item.childAge,
          item.contactName,
          item.contactPhone,
          item.contactEmail,
          item.personalDataConsent,
          item.sequence,
          JSON.stringify(item.history),
          item.cancelTokenHash,
          item.createdAt,
          item.updatedAt,
          item.calendarTokenHash,
          item.consentVersion,
          item.consentAt,
        ],
        { prepared: 'eduset_take_booking_11' },
      );
      return undefined;
    } catch (error) {
      const state = sqlState(error);
      if (state === undefined) throw error;
      return state;
    }
  }

  /**
   * Takes a booking alone again, at most five times, while its refusal `state` is one that a
   * second attempt can get past (see `transientStates`); the last state.
   */
  async function againWhileTransient(
    item: BookingItem,
    state: string | undefined,
  ): Promise<string | undefined> {
    let last = state;
    for (let retry = 0; last !== undefined && transientStates.has(last) && retry < 5; retry += 1) {
      last = await takeAlone(item);
    }
    return last;
  }

  /** The bookings this process is taking now, per network and specialist. */
  const inFlight = new Map<string, BookingItem[]>();

  /**
   * Registers a booking being taken, marking it `careful` when it overlaps another one of
   * the same specialist in flight; returns what unregisters it.
   */
  function enterInFlight(item: BookingItem): () => void {
    const key = `${item.networkId}\u0000${item.specialistId}`;
    const list = inFlight.get(key) ?? [];
    item.careful = list.some((other) => other.start < item.end && item.start < other.end);
    list.push(item);
    inFlight.set(key, list);
    return () => {
      list.splice(list.indexOf(item), 1);
      if (list.length === 0) inFlight.delete(key);
    };
  }

  /** Takes the bookings that arrived together in one statement (migrations 0004, 0005). */
  const takeTogether = batched<BookingItem, string | undefined>(async (items) => {
    if (items.length === 1 && items[0] !== undefined) return [await takeAlone(items[0])];
    const [row] = await database.query<{ outcomes: (string | null)[] }>(
      takeManySql,
      [JSON.stringify(items)],
      { prepared: 'eduset_take_bookings_together_11' },
    );
    return (row?.outcomes ?? []).map((outcome) => outcome ?? undefined);
  }, batchSize);

  /**
   * Reads the schedule once and the busy time of each range, for requests of one network
   * that arrived together: one statement for all.
   */
  async function readContexts(
    networkId: string,
    ranges: readonly BusyRange[],
  ): Promise<(BookingContext | NotFoundError)[]> {
    const cached = validatedSchedules.get(networkId);
    const oneSpecialistEach = ranges.every((range) => range.specialistId !== undefined);
    const [row] = await database.query<ScheduleRevisionRow & { busy: string }>(
      oneSpecialistEach ? contextsOfSpecialistsSql : contextsSql,
      [networkId, ...versionOf(cached), JSON.stringify(ranges)],
      { prepared: oneSpecialistEach ? 'eduset_contexts_of_specialists' : 'eduset_contexts' },
    );
    if (row === undefined) return ranges.map(() => new NotFoundError('schedule', networkId));
    const schedule = scheduleOfRow(networkId, row, cached);
    return (JSON.parse(row.busy) as BusyTuple[][]).map((tuples) => ({
      schedule,
      busy: tuples.map(([specialistId, siteId, serviceId, start, end, seats]): BusyInterval => ({
        specialistId,
        siteId,
        serviceId,
        start,
        end,
        seats,
      })),
    }));
  }

  const readContext = batched<
    { readonly networkId: string; readonly range: BusyRange },
    BookingContext | NotFoundError
  >(async (items) => {
    const byNetwork = new Map<string, number[]>();
    items.forEach((item, index) => {
      byNetwork.set(item.networkId, [...(byNetwork.get(item.networkId) ?? []), index]);
    });
    const results: (BookingContext | NotFoundError)[] = [];
    await Promise.all(
      [...byNetwork].map(async ([networkId, positions]) => {
        const ranges = positions.map((position) => items[position]?.range ?? emptyRange);
        const contexts = await readContexts(networkId, ranges);
        positions.forEach((position, index) => {
          const context = contexts[index];
          if (context !== undefined) results[position] = context;
        });
      }),
    );
    return results;
  }, batchSize);

  return {
    async saveSchedule(schedule) {
      const valid = createNetworkSchedule(schedule);
      try {
        await database.query(
          `INSERT INTO schedules (network_id, document, saved_at) VALUES ($1, $2::jsonb, now())
           ON CONFLICT (network_id) DO UPDATE SET document = excluded.document,
             saved_at = excluded.saved_at, revision = schedules.revision + 1`,
          [valid.networkId, JSON.stringify(valid)],
        );
      } catch (error) {
        if (sqlState(error) === FOREIGN_KEY_VIOLATION) {
          throw new NotFoundError('network', valid.networkId);
        }
        throw error;
      }
    },

    async loadSchedule(networkId) {
      const cached = validatedSchedules.get(networkId);
      const [row] = await database.query<ScheduleRevisionRow>(
        `SELECT ${scheduleRevisionSql} FROM schedules WHERE network_id = $1`,
        [networkId, ...versionOf(cached)],
      );
      if (row === undefined) throw new NotFoundError('schedule', networkId);
      return scheduleOfRow(networkId, row, cached);
    },

    async bookingContext(networkId, range) {
      const context = await readContext({ networkId, range });
      if (context instanceof Error) throw context;
      return context;
    },

    async createBooking(networkId, request, now) {
      assertCapacity(request.seats, request.capacity);
      const requested = parseBooking({
        id: randomUUID(),
        specialistId: request.specialistId,
        siteId: request.siteId,
        serviceId: request.serviceId,
        start: request.start,
        end: request.end,
        seats: request.seats,
        status: 'requested',
        childAge: request.childAge,
        contact: request.contact,
        personalDataConsent: request.personalDataConsent,
        createdAt: now,
        updatedAt: now,
      });
      const booking = confirmBooking(requested, now, { by: 'system' });
      // The manage link's token is derived from the booking's id (migration 0013): any process
      // can put it into a later e-mail, and a retried request answers it again.
      const cancelToken = await links.token('manage', booking.id);
      const calendarToken = newCancelToken();
      const item: BookingItem = {
        networkId,
        specialistId: booking.specialistId,
        siteId: booking.siteId,
        serviceId: booking.serviceId,
        start: booking.start,
        end: booking.end,
        capacity: request.capacity,
        id: booking.id,
        seats: booking.seats,
        status: booking.status,
        childAge: booking.childAge,
        contactName: booking.contact.name,
        contactPhone: booking.contact.phone ?? null,
        contactEmail: booking.contact.email ?? null,
        personalDataConsent: booking.personalDataConsent,
        sequence: booking.sequence,
        history: booking.history,
        cancelTokenHash: hashToken(cancelToken),
        createdAt: booking.createdAt,
        updatedAt: booking.updatedAt,
        calendarTokenHash: hashToken(calendarToken),
        consentVersion: request.consentVersion ?? null,
        consentAt: request.consentVersion === undefined ? null : now,
        careful: false,
      };
      const release = enterInFlight(item);
      let state: string | undefined;
      try {
        // First with the bookings arriving together (one statement for all), then — after a
        // failure that a second attempt can get past — alone. Concurrent first bookings of one
        // slot race to create its session (unique violation, or the session read back not
        // found), and PostgreSQL may resolve two inserts waiting on each other's exclusion
        // check as a deadlock (40P01); the constraint then answers for real.
        // On a server, a careful one goes alone: it may wait for the booking it overlaps to
        // commit, and in a batch all the others would wait with it. (PGlite runs one
        // transaction at a time: nothing to wait for, and the batch takes it one by one.)
        state =
          item.careful && database.engine === 'postgres'
            ? await takeAlone(item)
            : await takeTogether(item);
        state = await againWhileTransient(item, state);
        // A group session being created by two transactions at once: the one that loses the
        // race may be refused by the exclusion constraint (the other's session of the same
        // slot overlaps it) before the slot's UNIQUE lets it wait and join — a refusal seen
        // as a spurious 409 `overlap` under load. Once more, alone: the other session is
        // committed by now, so it is joined (or full), or the overlap is real.
        if (state === EXCLUSION_VIOLATION && item.capacity > 1) {
          state = await againWhileTransient(item, await takeAlone(item));
        }
      } finally {
        release();
      }
      if (state === NO_SEATS) throw noSeats();
      if (state === SPECIALIST_BUSY || state === EXCLUSION_VIOLATION) throw overlap();
      if (state === FOREIGN_KEY_VIOLATION) throw new NotFoundError('network', networkId);
      if (state !== undefined) {
        throw Object.assign(new Error(`booking refused by the database (${state})`), {
          code: state,
        });
      }
      return { booking, cancelToken, calendarToken };
    },

    cancelBooking(networkId, bookingId, token, now) {
      return database.transaction(async (session) => {
        const [row] = await session.query<LockedBookingRow>(
          `SELECT ${bookingColumns}, session_id, cancel_token_hash FROM bookings
           WHERE network_id = $1 AND id = $2 FOR UPDATE`,
          [networkId, bookingId],
        );
        // A wrong token looks exactly like an unknown booking.
        if (row === undefined || !tokenMatches(token, row.cancel_token_hash)) {
          throw new NotFoundError('booking', bookingId);
        }
        const cancelled = cancelBooking(bookingOfRow(row), 'parent', now);
        await updateBookingRow(session, cancelled);
        await session.query(
          'UPDATE booking_sessions SET seats_taken = seats_taken - $2 WHERE id = $1',
          [String(row.session_id), cancelled.seats],
        );
        return cancelled;
      });
    },

    async getBooking(networkId, bookingId) {
      const [row] = await database.query<BookingRow>(
        `SELECT ${bookingColumns} FROM bookings WHERE network_id = $1 AND id = $2`,
        [networkId, bookingId],
      );
      if (row === undefined) throw new NotFoundError('booking', bookingId);
      return bookingOfRow(row);
    },

    async getBookingWithToken(networkId, bookingId, token) {
      const [row] = await database.query<LockedBookingRow>(
        `SELECT ${bookingColumns}, session_id, cancel_token_hash FROM bookings
         WHERE network_id = $1 AND id = $2`,
        [networkId, bookingId],
      );
      if (row === undefined || !tokenMatches(token, row.cancel_token_hash)) {
        throw new NotFoundError('booking', bookingId);
      }
      return bookingOfRow(row);
    },

    async getBookingWithCalendarToken(
      networkId,
      bookingId,
      calendarToken,
    ): Promise<CalendarBooking> {
      const [row] = await database.query<BookingRow & { calendar_token_hash: string | null }>(
        `SELECT ${bookingColumns}, calendar_token_hash FROM bookings
         WHERE network_id = $1 AND id = $2`,
        [networkId, bookingId],
      );
      // Unknown, without a calendar token (made before migration 0011) or a wrong one: alike.
      const stored = row?.calendar_token_hash ?? null;
      if (row === undefined || stored === null || !tokenMatches(calendarToken, stored)) {
        throw new NotFoundError('booking', bookingId);
      }
      const booking = bookingOfRow(row);
      // Only what a calendar needs leaves the storage: never the contact.
      return {
        id: booking.id,
        specialistId: booking.specialistId,
        siteId: booking.siteId,
        serviceId: booking.serviceId,
        start: booking.start,
        end: booking.end,
        status: booking.status,
        sequence: booking.sequence,
        createdAt: booking.createdAt,
        updatedAt: booking.updatedAt,
      };
    },

    issueCalendarToken(networkId, bookingId, cancelToken) {
      return database.transaction(async (session) => {
        const [row] = await session.query<{ cancel_token_hash: string }>(
          `SELECT cancel_token_hash FROM bookings WHERE network_id = $1 AND id = $2 FOR UPDATE`,
          [networkId, bookingId],
        );
        if (row === undefined || !tokenMatches(cancelToken, row.cancel_token_hash)) {
          throw new NotFoundError('booking', bookingId);
        }
        const calendarToken = newCancelToken();
        await session.query(
          'UPDATE bookings SET calendar_token_hash = $3 WHERE network_id = $1 AND id = $2',
          [networkId, bookingId, hashToken(calendarToken)],
        );
        return calendarToken;
      });
    },

    async findPersonBookings(networkId, person) {
      if (person.phone === undefined && person.email === undefined) return [];
      const rows = await database.query<ConsentRow>(
        `SELECT ${bookingColumns}, session_id, consent_version, consent_at FROM bookings
         WHERE ${personCondition}
         ORDER BY created_at, starts_at, id`,
        personParams(networkId, person),
      );
      return rows.map((row): PersonBooking => ({
        booking: bookingOfRow(row),
        consent: {
          version: row.consent_version,
          at: row.consent_at === null ? null : toInstant(row.consent_at),
        },
      }));
    },

    erasePersonBookings(networkId, person, now) {
      if (person.phone === undefined && person.email === undefined) return Promise.resolve(0);
      return database.transaction(async (session) => {
        const rows = await session.query<ConsentRow>(
          `SELECT ${bookingColumns}, session_id, consent_version, consent_at FROM bookings
           WHERE ${personCondition}
           ORDER BY id FOR UPDATE`,
          personParams(networkId, person),
        );
        for (const row of rows) {
          let booking = bookingOfRow(row);
          // Another process's clock may be slightly ahead: never date the change before the last one.
          const at = now < booking.updatedAt ? booking.updatedAt : now;
          if (isActiveBooking(booking) && at < booking.end) {
            // Her consent is withdrawn: a consultation still to come is cancelled, seats freed.
            booking = cancelBooking(booking, 'parent', at);
            await session.query(
              'UPDATE booking_sessions SET seats_taken = seats_taken - $2 WHERE id = $1',
              [String(row.session_id), booking.seats],
            );
          }
          await updateBookingRow(session, eraseContact(booking, at));
        }
        // Her booking requests still waiting for an e-mail confirmation go too (migration 0015).
        await session.query(
          `DELETE FROM booking_requests WHERE network_id = $1
             AND (($2::text IS NOT NULL AND request -> 'contact' ->> 'phone' = $2::text)
               OR ($3::text IS NOT NULL AND lower(contact_email) = lower($3::text)))`,
          personParams(networkId, person),
        );
        return rows.length;
      });
    },

    async compactAfterErasure() {
      // A rewrite of the table (new heap, TOAST and index files; the old files are truncated
      // and unlinked): no dead row version or free space keeps an erased contact. Outside any
      // transaction, as VACUUM must be. ANALYZE keeps no contact values (migration 0011).
      // Booking requests waiting for an e-mail confirmation (migration 0015) hold contacts too.
      await database.exec('VACUUM (FULL, ANALYZE) bookings, booking_requests');
    },

    async listBookings(networkId, query = {}) {
      const rows = await database.query<BookingRow>(
        `SELECT ${bookingColumns} FROM bookings
         WHERE network_id = $1
           AND ($2::timestamptz IS NULL OR ends_at > $2::timestamptz)
           AND ($3::timestamptz IS NULL OR starts_at < $3::timestamptz)
           AND ($4::text IS NULL OR specialist_id = $4)
           AND ($5::text IS NULL OR site_id = $5)
         ORDER BY starts_at, id`,
        [
          networkId,
          query.from ?? null,
          query.to ?? null,
          query.specialistId ?? null,
          query.siteId ?? null,
        ],
      );
      return rows.map(bookingOfRow);
    },

    async busyIntervals(networkId, range) {
      const rows = await database.query<{
        specialist_id: string;
        site_id: string;
        service_id: string;
        starts_at: unknown;
        ends_at: unknown;
        seats_taken: number;
      }>(
        `SELECT specialist_id, site_id, service_id, starts_at, ends_at, seats_taken
         FROM booking_sessions
         WHERE network_id = $1 AND seats_taken > 0
           AND during && tstzrange($2::timestamptz, $3::timestamptz, '[)')
           AND ($4::text IS NULL OR specialist_id = $4)
         ORDER BY starts_at, specialist_id, site_id, service_id`,
        [networkId, range.from ?? null, range.to ?? null, range.specialistId ?? null],
      );
      return rows.map((row): BusyInterval => ({
        specialistId: row.specialist_id,
        siteId: row.site_id,
        serviceId: row.service_id,
        start: toInstant(row.starts_at),
        end: toInstant(row.ends_at),
        seats: Number(row.seats_taken),
      }));
    },

    erasePersonalData(before, now) {
      return database.transaction(async (session) => {
        const rows = await session.query<BookingRow>(
          `SELECT ${bookingColumns} FROM bookings
           WHERE ends_at < $1::timestamptz AND NOT contact_erased
           ORDER BY id FOR UPDATE`,
          [before],
        );
        for (const row of rows) {
          const booking = bookingOfRow(row);
          // Another process's clock may be slightly ahead: never date the change before the last one.
          const at = now < booking.updatedAt ? booking.updatedAt : now;
          await updateBookingRow(session, eraseContact(booking, at));
        }
        return rows.length;
      });
    },
  };
}
