import { hash, randomFillSync, randomUUID, timingSafeEqual } from 'node:crypto';
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
  parseNewBooking,
  ValidationError,
  type Booking,
  type BookingGuard,
  type NetworkSchedule,
  type BusyInterval,
  type Instant,
} from '@eduset/core';
import { batched, laneKey, lanes } from './batch.js';
import { bookingMoves, manageTokenMatcher } from './booking-moves.js';
import { linkTokens } from './link-tokens.js';
import type {
  BookingContext,
  BookingStore,
  BusyRange,
  CalendarBooking,
  CreatedBooking,
  NewBooking,
  PersonBooking,
  PersonContact,
} from './booking-store.js';
import type { Database, SqlParam, SqlRow, SqlSession } from './database.js';

/** SQLSTATE codes the booking storage turns into eduset errors. */
export const UNIQUE_VIOLATION = '23505';
export const DEADLOCK = '40P01';
export const SERIALIZATION_FAILURE = '40001';
const FOREIGN_KEY_VIOLATION = '23503';
export const EXCLUSION_VIOLATION = '23P01';
export const NO_DATA_FOUND = 'P0002';
/** Raised by `eduset_take_booking` (migration 0004): a group session is full. */
export const NO_SEATS = 'EDNOS';
/** Raised by `eduset_take_booking`: an individual consultation is already taken. */
export const SPECIALIST_BUSY = 'EDBSY';
/** Raised by the take functions of migration 0014: the specialist's sessions of the day are all taken. */
const LIMIT_PER_DAY = 'EDLDY';
/** …of the week. */
const LIMIT_PER_WEEK = 'EDLWK';
/** …the buffers or the travel time to another session of the specialist do not fit. */
const TOO_CLOSE = 'EDGAP';
/** …the parent holds as many active bookings of the service as allowed. */
const CONTACT_LIMIT = 'EDCAP';
/** …the schedule's revision has moved on since the slot was checked. */
const SCHEDULE_CHANGED = 'EDREV';
/** …the idempotency key was used before. */
const KEY_USED = 'EDKEY';
/** Failures that a second attempt of the same booking can get past. */
export const transientStates = new Set([
  UNIQUE_VIOLATION,
  DEADLOCK,
  SERIALIZATION_FAILURE,
  NO_DATA_FOUND,
]);

/** The SQLSTATE of a driver error (both `pg` and PGlite put it in `code`), if any. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export function noSeats(): ConflictError {
  return new ConflictError('no-seats', {
    ru: 'Мест нет: все места на это время уже заняты',
    en: 'No seats left: every place at this time is taken',
  });
}

export function overlap(): ConflictError {
  return new ConflictError('overlap', {
    ru: 'Специалист в это время уже занят (на этой или другой площадке); выберите другое время',
    en: 'The specialist is already busy at this time (at this or another site); choose another time',
  });
}

/** Each refusal of the booking rules (migration 0014) as a conflict a person can read. */
export const ruleRefusals: Readonly<Record<string, () => ConflictError>> = {
  [LIMIT_PER_DAY]: () =>
    new ConflictError('limit-per-day', {
      ru: 'У специалиста в этот день больше нет свободных консультаций: запись на день заполнена; выберите другой день',
      en: 'The specialist has no more consultations that day: the day is fully booked; choose another day',
    }),
  [LIMIT_PER_WEEK]: () =>
    new ConflictError('limit-per-week', {
      ru: 'У специалиста на этой неделе больше нет свободных консультаций; выберите другую неделю',
      en: 'The specialist has no more consultations that week; choose another week',
    }),
  [TOO_CLOSE]: () =>
    new ConflictError('too-close', {
      ru: 'Это время слишком близко к другой консультации специалиста: нужен перерыв или время на дорогу между площадками; выберите другое время',
      en: 'This time is too close to another consultation of the specialist: a break or the travel time between sites is needed; choose another time',
    }),
  [CONTACT_LIMIT]: () =>
    new ConflictError('contact-limit', {
      ru: 'С этим телефоном или адресом почты уже записано столько консультаций этой услуги, сколько можно сразу; отмените ненужную запись или дождитесь прошедших',
      en: 'This phone or e-mail already holds as many bookings of this service as allowed at once; cancel one you do not need or wait until one has taken place',
    }),
  [SCHEDULE_CHANGED]: () =>
    new ConflictError('schedule-changed', {
      ru: 'Расписание только что изменилось; обновите список свободного времени и выберите время снова',
      en: 'The schedule has just changed; reload the free times and choose again',
    }),
};

/** A refusal of the take functions, by its SQLSTATE, as an eduset error (or the driver's). */
function refusal(state: string, networkId: string): Error {
  if (state === NO_SEATS) return noSeats();
  if (state === SPECIALIST_BUSY || state === EXCLUSION_VIOLATION) return overlap();
  if (state === FOREIGN_KEY_VIOLATION) return new NotFoundError('network', networkId);
  const rule = ruleRefusals[state];
  if (rule !== undefined) return rule();
  return Object.assign(new Error(`booking refused by the database (${state})`), { code: state });
}

function keyReused(): ConflictError {
  return new ConflictError('idempotency-key-reused', {
    ru: 'Этот ключ повтора (Idempotency-Key) уже использован для другой записи; для новой записи нужен новый ключ',
    en: 'This idempotency key (Idempotency-Key) was already used for another booking; a new booking needs a new key',
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
  // The one-shot hash: a third of the time of createHash().update().digest() for a short text.
  return hash('sha256', token, 'hex');
}

/** Compares a presented token with a stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
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
  parent_note: string | null;
}

export interface LockedBookingRow extends BookingRow {
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

/** The columns of `bookings` a {@link BookingRow} holds. */
export const bookingColumns = `id, specialist_id, site_id, service_id, starts_at, ends_at, seats,
  status, child_age, contact_name, contact_phone, contact_email, contact_erased,
  personal_data_consent, sequence, history, created_at, updated_at, parent_note`;

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
    ...(row.parent_note === null ? {} : { note: row.parent_note }),
    personalDataConsent: row.personal_data_consent,
    createdAt: toInstant(row.created_at),
    updatedAt: toInstant(row.updated_at),
    sequence: Number(row.sequence),
    history: fromJson(row.history),
  });
}

/**
 * Writes the mutable part of a booking (status, contact, sequence, history, update time).
 * The parent's note is written apart (`consultations.setParentNote`) and cleared by the
 * database when the contact is erased (migration 0017).
 */
export async function updateBookingRow(session: SqlSession, booking: Booking): Promise<void> {
  await session.query(
    `UPDATE bookings SET status = $2, contact_name = $3, contact_phone = $4, contact_email = $5,
       contact_erased = $6, sequence = $7, history = $8::jsonb, updated_at = $9::timestamptz,
       idempotency_key = CASE WHEN $6 THEN NULL ELSE idempotency_key END,
       request_fingerprint = CASE WHEN $6 THEN NULL ELSE request_fingerprint END
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

/** A bookings row as the take functions store it (`jsonb_populate_record`, migration 0014). */
interface BookingRowJson {
  readonly id: string;
  readonly network_id: string;
  readonly specialist_id: string;
  readonly site_id: string;
  readonly service_id: string;
  readonly starts_at: Instant;
  readonly ends_at: Instant;
  readonly seats: number;
  readonly status: string;
  readonly child_age: number;
  readonly contact_name: string;
  readonly contact_phone: string | null;
  readonly contact_email: string | null;
  readonly contact_erased: boolean;
  readonly personal_data_consent: boolean;
  readonly sequence: number;
  readonly history: Booking['history'];
  readonly cancel_token_hash: string;
  readonly created_at: Instant;
  readonly updated_at: Instant;
  readonly calendar_token_hash: string;
  readonly consent_version: string | null;
  readonly consent_at: Instant | null;
  readonly idempotency_key: string | null;
  readonly request_fingerprint: string | null;
}

/**
 * A booking as `eduset_take_booking_item` and `eduset_take_bookings_together` take it
 * (migration 0014): the row, the session's capacity, the schedule revision and the rules.
 */
interface BookingItem {
  readonly row: BookingRowJson;
  readonly capacity: number;
  readonly revision: number | null;
  readonly guarded: boolean;
  readonly dayFrom?: Instant;
  readonly dayTo?: Instant;
  readonly weekFrom?: Instant;
  readonly weekTo?: Instant;
  readonly perDay?: number;
  readonly perWeek?: number;
  readonly bufferBefore?: number;
  readonly bufferAfter?: number;
  /** The buffers and the longest travel time, in minutes: how far the rules look around. */
  readonly reach?: number;
  readonly travel?: BookingGuard['travel'];
  readonly perContact?: number;
  /**
   * Another booking of the same specialist at an overlapping time is being taken by this
   * process: one of the two is likely refused, and this one may have to wait for the other
   * to commit. It is taken alone, not in a batch (whose set-based attempt a refusal would
   * undo, and whose other bookings would wait with it).
   */
  careful: boolean;
}

/** The rules of a guard as the take functions read them. */
export function guardFields(
  guard: BookingGuard | undefined,
): Partial<BookingItem> & { guarded: boolean } {
  if (guard === undefined) return { guarded: false };
  let longestTravel = 0;
  for (const [to, from] of Object.values(guard.travel)) {
    longestTravel = Math.max(longestTravel, to, from);
  }
  return {
    guarded: true,
    dayFrom: guard.day.from,
    dayTo: guard.day.to,
    weekFrom: guard.week.from,
    weekTo: guard.week.to,
    ...(guard.perDay !== undefined ? { perDay: guard.perDay } : {}),
    ...(guard.perWeek !== undefined ? { perWeek: guard.perWeek } : {}),
    bufferBefore: guard.bufferBefore,
    bufferAfter: guard.bufferAfter,
    reach: guard.bufferBefore + guard.bufferAfter + longestTravel,
    travel: guard.travel,
    perContact: guard.perContact,
  };
}

/**
 * JSON with the keys of every object sorted (and `undefined` members left out, as JSON does),
 * so equal values give equal texts. Written out rather than with a `JSON.stringify` replacer,
 * which measured several times slower on every booking.
 */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member !== undefined && typeof member !== 'function') {
      members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
    }
  }
  return `{${members.join(',')}}`;
}

/** What the server adds to a request from the schedule and the headers: not the parent's. */
const notAsked: ReadonlySet<string> = new Set([
  'guard',
  'scheduleRevision',
  'idempotencyKey',
  'capacity',
]);

/**
 * The fingerprint of a booking request kept with its idempotency key: SHA-256 of what the
 * parent asked (every field but the key, the rules, the revision and the session's capacity,
 * which the server adds from the schedule), after core's normalization (a phone written two
 * ways is one request).
 */
function requestFingerprint(networkId: string, request: NewBooking, booking: Booking): string {
  const asked: Record<string, unknown> = { networkId, contact: booking.contact };
  for (const [key, value] of Object.entries(request)) {
    if (!notAsked.has(key) && key !== 'contact') asked[key] = value;
  }
  return hash('sha256', canonicalJson(asked), 'hex');
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
         WHERE eduset_network_key(b.network_id) = eduset_network_key($1)
           AND b.network_id = $1 AND b.seats_taken > 0
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
 * plain equality of the specialist's key, so the specialist is a condition of the exclusion
 * constraint's index scan (migration 0028; with the `OR` of {@link contextsSql} it could
 * only filter the rows of the whole network).
 */
const contextsOfSpecialistsSql = contextsSqlWhere(
  `eduset_specialist_key(b.network_id, b.specialist_id)
     = eduset_specialist_key($1, q.range ->> 'specialistId')
   AND b.specialist_id = q.range ->> 'specialistId'`,
);

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
  // The parent's manage token: the one stored with the booking, or the one derived from its id
  // (migration 0013) that any process may put into a later e-mail, also for older bookings.
  const manageTokenMatches = manageTokenMatcher(links);
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
  // better. On a PostgreSQL server the bookings go in lanes by specialist (see `takeTogether`).
  const batchSize = database.engine === 'pglite' ? 64 : 32;
  /**
   * Lanes of bookings on a PostgreSQL server, each running one statement at a time: two, so
   * that the database can work on one lane's batch while the next is gathered or the other's
   * answer is read (a server of two cores measured best with two).
   */
  const bookingLanes = 2;
  // The batch's new sessions are taken together, the rest one by one (migration 0005): on
  // PGlite too, where it measured faster than one by one (bench/booking-load.bench.ts).
  const takeManySql = 'SELECT eduset_take_bookings_together($1::jsonb) AS outcomes';

  /** Takes one booking alone: its SQLSTATE when refused, `undefined` when stored. */
  async function takeAlone(item: BookingItem): Promise<string | undefined> {
    try {
      await database.query(
        'SELECT eduset_take_booking_item($1::jsonb) AS session_id',
        [JSON.stringify(item)],
        { prepared: 'eduset_take_booking_item_14' },
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

  /**
   * The answer to a request whose idempotency key is already stored: the booking stored with
   * it when it was the same request (a new calendar token: the first one is only a hash),
   * else a refusal.
   */
  async function replay(
    networkId: string,
    key: string,
    fingerprint: string,
  ): Promise<CreatedBooking> {
    const [row] = await database.query<BookingRow & { request_fingerprint: string | null }>(
      `SELECT ${bookingColumns}, request_fingerprint FROM bookings
       WHERE network_id = $1 AND idempotency_key = $2`,
      [networkId, key],
    );
    if (row === undefined || row.request_fingerprint !== fingerprint) throw keyReused();
    const booking = bookingOfRow(row);
    const calendarToken = newCancelToken();
    await database.query(
      'UPDATE bookings SET calendar_token_hash = $3 WHERE network_id = $1 AND id = $2',
      [networkId, booking.id, hashToken(calendarToken)],
    );
    return {
      booking,
      cancelToken: await links.token('manage', booking.id),
      calendarToken,
      replayed: true,
    };
  }

  /** The bookings this process is taking now, per network and specialist. */
  const inFlight = new Map<string, BookingItem[]>();

  /**
   * Registers a booking being taken, marking it `careful` when it overlaps another one of
   * the same specialist in flight; returns what unregisters it.
   */
  function enterInFlight(item: BookingItem): () => void {
    const { row } = item;
    const key = `${row.network_id}\u0000${row.specialist_id}`;
    const list = inFlight.get(key) ?? [];
    item.careful = list.some(
      (other) => other.row.starts_at < row.ends_at && row.starts_at < other.row.ends_at,
    );
    list.push(item);
    inFlight.set(key, list);
    return () => {
      list.splice(list.indexOf(item), 1);
      if (list.length === 0) inFlight.delete(key);
    };
  }

  /** Takes bookings in one statement (migrations 0005, 0014); one alone as its own. */
  async function takeMany(items: readonly BookingItem[]): Promise<(string | undefined)[]> {
    if (items.length === 1 && items[0] !== undefined) return [await takeAlone(items[0])];
    const [row] = await database.query<{ outcomes: (string | null)[] }>(
      takeManySql,
      [JSON.stringify(items)],
      { prepared: 'eduset_take_bookings_together_14' },
    );
    return (row?.outcomes ?? []).map((outcome) => outcome ?? undefined);
  }

  /**
   * Takes the bookings that arrived together in one statement. On PGlite, those of one turn
   * of the event loop. On a PostgreSQL server, in lanes by specialist: a lane runs one
   * statement at a time, and the bookings that arrive meanwhile go together in its next one
   * (up to `batchSize`), so under load each statement carries many bookings and pays its
   * fixed work — the call, the locks, planning and starting the set-based statement — once
   * for all of them. A specialist's bookings are all in one lane, so a batch never waits for
   * another batch of this process on the specialist's locks (which held up every booking of
   * a batch when the batches of a turn ran side by side), and a booking that overlaps one in
   * flight is taken after it, seeing it.
   */
  const takeTogether =
    database.engine === 'pglite'
      ? batched<BookingItem, string | undefined>(takeMany, batchSize)
      : lanes<BookingItem, string | undefined>(takeMany, {
          lanes: bookingLanes,
          laneOf: (item) => laneKey(item.row.network_id, item.row.specialist_id),
          maxItems: batchSize,
        });

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

  /** The stored schedule, validated again only when its revision moved on. */
  async function loadSchedule(networkId: string): Promise<NetworkSchedule> {
    const cached = validatedSchedules.get(networkId);
    const [row] = await database.query<ScheduleRevisionRow>(
      `SELECT ${scheduleRevisionSql} FROM schedules WHERE network_id = $1`,
      [networkId, ...versionOf(cached)],
    );
    if (row === undefined) throw new NotFoundError('schedule', networkId);
    return scheduleOfRow(networkId, row, cached);
  }

  return {
    ...bookingMoves(database, manageTokenMatches),
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

    loadSchedule,

    async knownSchedule(networkId, options = {}) {
      let cached = validatedSchedules.get(networkId);
      if (cached === undefined || options.fresh === true) {
        await loadSchedule(networkId);
        cached = validatedSchedules.get(networkId);
        if (cached === undefined) throw new NotFoundError('schedule', networkId);
      }
      return { schedule: cached.schedule, revision: Number(cached.revision) };
    },

    async loadScheduleRevision(networkId) {
      const cached = validatedSchedules.get(networkId);
      const [row] = await database.query<ScheduleRevisionRow>(
        `SELECT ${scheduleRevisionSql} FROM schedules WHERE network_id = $1`,
        [networkId, ...versionOf(cached)],
      );
      if (row === undefined) throw new NotFoundError('schedule', networkId);
      return { schedule: scheduleOfRow(networkId, row, cached), revision: Number(row.revision) };
    },

    async publishSchedule(schedule, options) {
      const valid = createNetworkSchedule(schedule);
      try {
        return await database.transaction(async (session) => {
          // The network's row is locked first (a network without a schedule has no schedules
          // row to lock yet), so two publishes of one network take turns.
          const [network] = await session.query<{ id: string }>(
            'SELECT id FROM networks WHERE id = $1 FOR UPDATE',
            [valid.networkId],
          );
          if (network === undefined) throw new NotFoundError('network', valid.networkId);
          const [stored] = await session.query<{ revision: string | number }>(
            'SELECT revision FROM schedules WHERE network_id = $1',
            [valid.networkId],
          );
          const revision = stored === undefined ? 0 : Number(stored.revision);
          if (revision !== options.expectedRevision) {
            throw new ConflictError('revision-moved', {
              ru: `Расписание уже изменили (версия ${revision}, а изменение сделано к версии ${options.expectedRevision}); загрузите его заново`,
              en: `The schedule was changed meanwhile (revision ${revision}, the change was made to revision ${options.expectedRevision}); load it again`,
            });
          }
          if (options.check !== undefined) {
            const rows = await session.query<BookingRow>(
              `SELECT ${bookingColumns} FROM bookings
               WHERE network_id = $1 AND specialist_id IN (SELECT jsonb_array_elements_text($2::jsonb))
                 AND status IN ('requested', 'confirmed') AND starts_at > $3::timestamptz
               ORDER BY starts_at, id`,
              [valid.networkId, JSON.stringify(options.check.specialistIds), options.now],
            );
            options.check.verify(rows.map(bookingOfRow));
          }
          const [saved] = await session.query<{ revision: string | number }>(
            `INSERT INTO schedules (network_id, document, saved_at) VALUES ($1, $2::jsonb, now())
             ON CONFLICT (network_id) DO UPDATE SET document = excluded.document,
               saved_at = excluded.saved_at, revision = schedules.revision + 1
             RETURNING revision`,
            [valid.networkId, JSON.stringify(valid)],
          );
          const cancelled: Booking[] = [];
          for (const bookingId of options.cancel ?? []) {
            const [row] = await session.query<LockedBookingRow>(
              `SELECT ${bookingColumns}, session_id, cancel_token_hash FROM bookings
               WHERE network_id = $1 AND id = $2 FOR UPDATE`,
              [valid.networkId, bookingId],
            );
            if (row === undefined) continue;
            const booking = bookingOfRow(row);
            // Cancelled by the parent or held meanwhile: nothing to do.
            if (!isActiveBooking(booking)) continue;
            const done = cancelBooking(booking, 'site', options.now, options.reason);
            await updateBookingRow(session, done);
            await session.query(
              'UPDATE booking_sessions SET seats_taken = seats_taken - $2 WHERE id = $1',
              [String(row.session_id), done.seats],
            );
            cancelled.push(done);
          }
          return { revision: Number(saved?.revision ?? revision + 1), cancelled };
        });
      } catch (error) {
        if (sqlState(error) === FOREIGN_KEY_VIOLATION) {
          throw new NotFoundError('network', valid.networkId);
        }
        throw error;
      }
    },

    async bookingContext(networkId, range) {
      const context = await readContext({ networkId, range });
      if (context instanceof Error) throw context;
      return context;
    },

    async createBooking(networkId, request, now) {
      assertCapacity(request.seats, request.capacity);
      // The usual request (as the server's schema gave it) is taken without the whole schema.
      const requested = parseNewBooking({
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
      const idempotencyKey = request.idempotencyKey ?? null;
      const fingerprint =
        idempotencyKey === null ? null : requestFingerprint(networkId, request, booking);
      const item: BookingItem = {
        row: {
          id: booking.id,
          network_id: networkId,
          specialist_id: booking.specialistId,
          site_id: booking.siteId,
          service_id: booking.serviceId,
          starts_at: booking.start,
          ends_at: booking.end,
          seats: booking.seats,
          status: booking.status,
          child_age: booking.childAge,
          contact_name: booking.contact.name,
          contact_phone: booking.contact.phone ?? null,
          contact_email: booking.contact.email ?? null,
          contact_erased: false,
          personal_data_consent: booking.personalDataConsent,
          sequence: booking.sequence,
          history: booking.history,
          cancel_token_hash: hashToken(cancelToken),
          created_at: booking.createdAt,
          updated_at: booking.updatedAt,
          calendar_token_hash: hashToken(calendarToken),
          consent_version: request.consentVersion ?? null,
          consent_at: request.consentVersion === undefined ? null : now,
          idempotency_key: idempotencyKey,
          request_fingerprint: fingerprint,
        },
        capacity: request.capacity,
        revision: request.scheduleRevision ?? null,
        ...guardFields(request.guard),
        careful: false,
      };
      const release = enterInFlight(item);
      let state: string | undefined;
      try {
        // First with the bookings arriving together (one statement for all), then — after a
        // failure that a second attempt can get past — alone. Concurrent first bookings of one
        // slot (from two processes) race to create its session (unique violation, or the
        // session read back not found), and PostgreSQL may resolve two inserts waiting on each
        // other's exclusion check as a deadlock (40P01); the constraint then answers for real.
        // A careful one is taken one by one in its batch, which tells why it is refused.
        state = await takeTogether(item);
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
      if (state === undefined) return { booking, cancelToken, calendarToken, replayed: false };
      if (state === KEY_USED && idempotencyKey !== null && fingerprint !== null) {
        return replay(networkId, idempotencyKey, fingerprint);
      }
      throw refusal(state, networkId);
    },

    cancelBooking(networkId, bookingId, token, now) {
      return database.transaction(async (session) => {
        const [row] = await session.query<LockedBookingRow>(
          `SELECT ${bookingColumns}, session_id, cancel_token_hash FROM bookings
           WHERE network_id = $1 AND id = $2 FOR UPDATE`,
          [networkId, bookingId],
        );
        // A wrong token looks exactly like an unknown booking.
        if (row === undefined || !(await manageTokenMatches(row, token))) {
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
      if (row === undefined || !(await manageTokenMatches(row, token))) {
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
      // A rewrite of the tables (new heap, TOAST and index files; the old files are truncated
      // and unlinked): no dead row version or free space keeps an erased contact, parent's
      // note or private consultation note (deleted with the contact, migration 0017). Outside any
      // transaction, as VACUUM must be. ANALYZE keeps no contact values (migration 0011).
      // Booking requests waiting for an e-mail confirmation (migration 0015) hold contacts too.
      await database.exec('VACUUM (FULL, ANALYZE) bookings, consultation_notes, booking_requests');
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
         WHERE eduset_network_key(network_id) = eduset_network_key($1)
           AND network_id = $1 AND seats_taken > 0
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
