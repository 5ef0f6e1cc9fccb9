import { randomUUID } from 'node:crypto';
import { instant, type Booking, type Instant } from '@eduset/core';
import type { NewBooking } from './booking-store.js';
import { bookingColumns, bookingOfRow, type BookingRow } from './bookings.js';
import type { Database, SqlRow, SqlSession } from './database.js';

/**
 * What a message to a parent is about: the booking was stored (`confirmation`), it is
 * tomorrow (`reminder`), the service changed or cancelled it (`change`), it was held and the
 * parent is asked how it went (`survey`), or a booking request waits for her e-mail
 * confirmation (`confirm-request`).
 *
 * @example
 * ```ts
 * import { mailKinds } from '@eduset/adapters/storage';
 * mailKinds.includes('reminder'); // true
 * ```
 */
export const mailKinds = [
  'confirmation',
  'reminder',
  'change',
  'survey',
  'confirm-request',
  'data-entry-reminder',
  'support-overdue',
] as const;

/**
 * The kinds of message to staff (migration 0036): a reminder to an organization late with
 * its report (`data-entry-reminder`), overdue support-programme measures to the person
 * responsible (`support-overdue`). They concern no booking: their text waits in the payload.
 *
 * @example
 * ```ts
 * import { staffMailKinds } from '@eduset/adapters/storage';
 * staffMailKinds.includes('support-overdue'); // true
 * ```
 */
export const staffMailKinds = ['data-entry-reminder', 'support-overdue'] as const;

/**
 * A kind of message to staff (see {@link staffMailKinds}).
 *
 * @example
 * ```ts
 * import type { StaffMailKind } from '@eduset/adapters/storage';
 * const kind: StaffMailKind = 'data-entry-reminder';
 * ```
 */
export type StaffMailKind = (typeof staffMailKinds)[number];

/**
 * Whether a kind is one of the messages to staff.
 *
 * @example
 * ```ts
 * import { isStaffMailKind } from '@eduset/adapters/storage';
 * isStaffMailKind('reminder'); // false
 * ```
 */
export function isStaffMailKind(kind: string): kind is StaffMailKind {
  return (staffMailKinds as readonly string[]).includes(kind);
}

/**
 * What a message to staff says, written when it is asked for: its recipients, the subject,
 * the paragraphs (Russian first, then English) and the page where they act (a path under the
 * server's public address, which the sender prefixes). Emptied once the message is finished.
 *
 * @example
 * ```ts
 * import type { StaffMailPayload } from '@eduset/adapters/storage';
 * const payload: StaffMailPayload = {
 *   to: ['school-udomlya1@example.org'],
 *   subject: 'Напоминание об отчёте / Report reminder',
 *   paragraphs: ['Просим сдать отчёт.', 'Please file the report.'],
 *   path: 'udomlya/data-entry.html',
 * };
 * ```
 */
export interface StaffMailPayload {
  readonly to: readonly string[];
  readonly subject: string;
  readonly paragraphs: readonly string[];
  readonly path: string;
}

/**
 * A kind of message to a parent (see {@link mailKinds}).
 *
 * @example
 * ```ts
 * import type { MailKind } from '@eduset/adapters/storage';
 * const kind: MailKind = 'confirmation';
 * ```
 */
export type MailKind = (typeof mailKinds)[number];

/**
 * A message to put into the outbox. It names what it is about, never an address or a text:
 * those are read from the booking (or the request) when it is sent. `dedupeKey` is unique in
 * the outbox: a message with a key already there is not added again.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { NewMail } from '@eduset/adapters/storage';
 * const reminder: NewMail = {
 *   kind: 'reminder', dedupeKey: 'reminder:b-1:2026-05-12T06:00:00.000Z', networkId: 'udomlya',
 *   bookingId: 'b-1', consultationStart: instant('2026-05-12T06:00:00Z'),
 *   dueAt: instant('2026-05-11T15:00:00Z'),
 * };
 * ```
 */
export interface NewMail {
  readonly kind: MailKind;
  readonly dedupeKey: string;
  /** The network (a booking message), or the network or district a message to staff concerns. */
  readonly networkId: string;
  /** The booking it is about (every booking kind but `confirm-request`). */
  readonly bookingId?: string;
  /** The booking request it is about (`confirm-request`). */
  readonly requestId?: string;
  /** `change`: the booking's sequence it tells of. */
  readonly bookingSequence?: number;
  /** `change`: the time the parent knew before the change. */
  readonly previous?: { readonly start: Instant; readonly end: Instant };
  /** `reminder`: the start of the consultation it reminds of. */
  readonly consultationStart?: Instant;
  /** When it may be sent. */
  readonly dueAt: Instant;
  /** A message to staff: what it says (absent once it is finished). */
  readonly payload?: StaffMailPayload;
}

/**
 * What became of a message: waiting (`pending`), `sent`, `skipped` (nothing to send any
 * more: no address, the booking cancelled, the time passed) or `failed` (refused for good, or
 * too many attempts).
 *
 * @example
 * ```ts
 * import type { MailState } from '@eduset/adapters/storage';
 * const state: MailState = 'sent';
 * ```
 */
export type MailState = 'pending' | 'sent' | 'skipped' | 'failed';

/**
 * A message of the outbox as stored (no address, no text).
 *
 * @example
 * ```ts
 * import type { MailRecord } from '@eduset/adapters/storage';
 * declare const record: MailRecord;
 * `${record.kind} ${record.state} after ${record.attempts} attempt(s)`;
 * ```
 */
export interface MailRecord extends NewMail {
  readonly id: string;
  readonly state: MailState;
  readonly attempts: number;
  /** Why it was skipped, or the last error (an SMTP code or an error's name). */
  readonly outcome: string | null;
  /** The `Message-ID` it was sent with. */
  readonly messageId: string | null;
  readonly createdAt: Instant;
  /** When it was sent, skipped or given up. */
  readonly finishedAt: Instant | null;
}

/**
 * A booking request waiting for the parent's e-mail confirmation (with e-mail confirmation
 * on): the booking as asked, kept until it is confirmed or expires.
 *
 * @example
 * ```ts
 * import type { BookingRequestRecord } from '@eduset/adapters/storage';
 * declare const pending: BookingRequestRecord;
 * `${pending.request.contact.email ?? ''} until ${pending.expiresAt}`;
 * ```
 */
export interface BookingRequestRecord {
  readonly id: string;
  readonly networkId: string;
  readonly request: NewBooking;
  readonly createdAt: Instant;
  readonly expiresAt: Instant;
}

/**
 * A message claimed for sending, with what it is about read at the same time: the booking
 * (absent when it was deleted) or the request (absent once confirmed or expired).
 *
 * @example
 * ```ts
 * import type { ClaimedMail } from '@eduset/adapters/storage';
 * declare const claimed: ClaimedMail;
 * claimed.booking?.contact.email;
 * ```
 */
export interface ClaimedMail extends MailRecord {
  /** The claim it was taken under; finishing it needs the same claim. */
  readonly claim: string;
  /** Until when the claim holds; after that another process may take the message. */
  readonly leaseUntil: Instant;
  readonly booking?: Booking;
  readonly request?: BookingRequestRecord;
}

/**
 * How a claimed message ended: sent (with its `Message-ID`), skipped (why), to be tried
 * again at `retryAt` (why it failed this time), or failed for good.
 *
 * @example
 * ```ts
 * import type { MailOutcome } from '@eduset/adapters/storage';
 * const sent: MailOutcome = { state: 'sent', messageId: '<b-1.confirmation@eduset>' };
 * ```
 */
export type MailOutcome =
  | { readonly state: 'sent'; readonly messageId: string }
  | { readonly state: 'skipped'; readonly reason: string }
  | { readonly state: 'retry'; readonly error: string; readonly retryAt: Instant }
  | { readonly state: 'failed'; readonly error: string };

/**
 * A booking the mail sweep looks at: it has an e-mail and changed since the sweep last saw it
 * (`mailedSequence`: the booking's sequence then, `null` when never).
 *
 * @example
 * ```ts
 * import type { SweptBooking } from '@eduset/adapters/storage';
 * declare const swept: SweptBooking;
 * swept.mailedSequence === null; // a new booking
 * ```
 */
export interface SweptBooking {
  readonly networkId: string;
  readonly booking: Booking;
  readonly mailedSequence: number | null;
}

/**
 * Where a request for e-mail confirmation stands when the parent follows her link:
 * `taken` — it is hers to confirm now (held until `holdUntil`); `confirmed` — already made
 * into the booking `bookingId`; `busy` — another click is confirming it at this moment;
 * `gone` — unknown, expired or abandoned.
 *
 * @example
 * ```ts
 * import type { RequestConfirmation } from '@eduset/adapters/storage';
 * declare const answer: RequestConfirmation;
 * if (answer.state === 'taken') answer.request.request.contact;
 * ```
 */
export type RequestConfirmation =
  | { readonly state: 'taken'; readonly request: BookingRequestRecord }
  | { readonly state: 'confirmed'; readonly bookingId: string }
  | { readonly state: 'busy' }
  | { readonly state: 'gone' };

/**
 * The durable outbox of messages to parents and the booking requests waiting for an e-mail
 * confirmation (migration 0015). Every method is safe with several processes over one
 * PostgreSQL: sweeps and claims take rows with `FOR UPDATE SKIP LOCKED`, a message is
 * enqueued once per `dedupeKey`, and it is finished only under the claim it was taken with.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters/storage';
 * const { mail } = await openStorage({ dataDir: 'memory://' });
 * const due = await mail.claim({ now: instant(new Date()), limit: 50, leaseMs: 300_000 });
 * for (const message of due) {
 *   await mail.finish(message, { state: 'skipped', reason: 'example' }, instant(new Date()));
 * }
 * ```
 */
export interface MailStore {
  /**
   * Takes up to `limit` bookings with an e-mail that changed since the sweep last saw them
   * (oldest change first; rows another process is sweeping are skipped), asks `plan` which
   * messages they call for, enqueues those (a known `dedupeKey` is left as it is) and marks
   * the bookings seen — in one transaction. Returns how many bookings were seen.
   */
  sweepBookings(
    limit: number,
    plan: (bookings: readonly SweptBooking[]) => readonly NewMail[],
    now: Instant,
  ): Promise<number>;
  /** Enqueues messages; returns how many were new (a known `dedupeKey` is skipped). */
  enqueue(messages: readonly NewMail[], now: Instant): Promise<number>;
  /**
   * Enqueues messages and returns the `dedupeKey`s that were new: a key already in the
   * outbox (sent before, or enqueued at the same moment by another request) is not.
   */
  enqueueKeys(messages: readonly NewMail[], now: Instant): Promise<string[]>;
  /**
   * Claims up to `limit` due messages (`dueAt` ≤ `now`, pending, not under a live claim),
   * earliest first, for `leaseMs`: until then no other process takes them.
   */
  claim(options: {
    readonly now: Instant;
    readonly limit: number;
    readonly leaseMs: number;
  }): Promise<ClaimedMail[]>;
  /**
   * Records how a claimed message ended. Returns `false` when the claim was no longer held
   * (its lease passed and another process took the message): nothing is changed then.
   */
  finish(message: ClaimedMail, outcome: MailOutcome, now: Instant): Promise<boolean>;
  /** Gives claimed messages back unsent (a sender stopping); returns how many. */
  release(messages: readonly ClaimedMail[]): Promise<number>;
  /** Messages about a booking or a request (or all), in the order they were enqueued. */
  list(filter?: {
    readonly bookingId?: string;
    readonly requestId?: string;
    readonly kind?: MailKind;
  }): Promise<MailRecord[]>;
  /** How many messages are in each state. */
  counts(): Promise<Readonly<Record<MailState, number>>>;
  /**
   * Stores a booking request waiting for the parent's e-mail confirmation, with its message
   * (`confirm-request`, due at once), in one transaction.
   */
  storeRequest(
    networkId: string,
    request: NewBooking & { readonly contact: { readonly email: string } },
    now: Instant,
    expiresAt: Instant,
  ): Promise<BookingRequestRecord>;
  /**
   * Takes a request for confirmation (see {@link RequestConfirmation}); a taken request is
   * held for `holdMs`, then {@link confirmRequest} or {@link abandonRequest} ends it.
   */
  takeRequest(
    networkId: string,
    requestId: string,
    now: Instant,
    holdMs: number,
  ): Promise<RequestConfirmation>;
  /** Records the booking made from a request; its contact is no longer kept there. */
  confirmRequest(requestId: string, bookingId: string): Promise<void>;
  /** Deletes a request that can no longer be confirmed (its slot was taken meanwhile). */
  abandonRequest(requestId: string): Promise<void>;
  /**
   * Deletes expired requests, and finished messages older than `keepFinishedBefore` (they
   * hold no personal data, only what was sent when). Returns what was deleted.
   */
  purge(
    now: Instant,
    keepFinishedBefore: Instant,
  ): Promise<{ readonly requests: number; readonly messages: number }>;
}

interface MailRow extends SqlRow {
  id: string | number;
  dedupe_key: string;
  kind: MailKind;
  network_id: string | null;
  scope_id?: string | null;
  booking_id: string | null;
  request_id: string | null;
  booking_sequence: number | null;
  previous_start: unknown;
  previous_end: unknown;
  consultation_start: unknown;
  due_at: unknown;
  state: MailState;
  attempts: number;
  outcome: string | null;
  message_id: string | null;
  created_at: unknown;
  finished_at: unknown;
  claim: string | null;
  lease_until: unknown;
  payload?: unknown;
}

interface RequestRow extends SqlRow {
  id: string;
  network_id: string;
  request: unknown;
  created_at: unknown;
  expires_at: unknown;
}

const mailColumns = `id, dedupe_key, kind, network_id, booking_id, request_id, booking_sequence,
  previous_start, previous_end, consultation_start, due_at, state, attempts, outcome,
  message_id, created_at, finished_at, claim, lease_until, payload, scope_id`;

/** A `timestamptz` as the drivers return it (a `Date`), or text, as an instant. */
function toInstant(value: unknown): Instant {
  if (value instanceof Date || typeof value === 'string') return instant(value);
  throw new TypeError(`Ожидалась дата / Expected a timestamp, got ${typeof value}`);
}

function optionalInstant(value: unknown): Instant | undefined {
  return value === null || value === undefined ? undefined : toInstant(value);
}

/** A `jsonb` value as the drivers return it (parsed), or text. */
function fromJson(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

function recordOfRow(row: MailRow): MailRecord {
  const previousStart = optionalInstant(row.previous_start);
  const previousEnd = optionalInstant(row.previous_end);
  const consultationStart = optionalInstant(row.consultation_start);
  const payload =
    row.payload === null || row.payload === undefined ? undefined : fromJson(row.payload);
  return {
    id: String(row.id),
    kind: row.kind,
    dedupeKey: row.dedupe_key,
    networkId: row.network_id ?? row.scope_id ?? '',
    ...(row.booking_id === null ? {} : { bookingId: row.booking_id }),
    ...(row.request_id === null ? {} : { requestId: row.request_id }),
    ...(row.booking_sequence === null ? {} : { bookingSequence: Number(row.booking_sequence) }),
    ...(previousStart !== undefined && previousEnd !== undefined
      ? { previous: { start: previousStart, end: previousEnd } }
      : {}),
    ...(consultationStart === undefined ? {} : { consultationStart }),
    dueAt: toInstant(row.due_at),
    state: row.state,
    attempts: Number(row.attempts),
    outcome: row.outcome,
    messageId: row.message_id,
    createdAt: toInstant(row.created_at),
    finishedAt: optionalInstant(row.finished_at) ?? null,
    ...(payload === undefined ? {} : { payload: payload as StaffMailPayload }),
  };
}

function requestOfRow(row: RequestRow): BookingRequestRecord {
  return {
    id: row.id,
    networkId: row.network_id,
    request: fromJson(row.request) as NewBooking,
    createdAt: toInstant(row.created_at),
    expiresAt: toInstant(row.expires_at),
  };
}

/** The messages as the JSON array that {@link insertMailSql} reads. */
function mailJson(messages: readonly NewMail[], now: Instant): string {
  return JSON.stringify(
    messages.map((message) => ({
      dedupe_key: message.dedupeKey,
      kind: message.kind,
      network_id: message.networkId,
      booking_id: message.bookingId ?? null,
      request_id: message.requestId ?? null,
      booking_sequence: message.bookingSequence ?? null,
      previous_start: message.previous?.start ?? null,
      previous_end: message.previous?.end ?? null,
      consultation_start: message.consultationStart ?? null,
      due_at: message.dueAt,
      created_at: now,
      payload: message.payload ?? null,
    })),
  );
}

/** Inserts the messages of the JSON array `$1`; a known `dedupe_key` is left as it is. */
const insertMailSql = `INSERT INTO mail_outbox (dedupe_key, kind, network_id, booking_id,
    request_id, booking_sequence, previous_start, previous_end, consultation_start, due_at,
    created_at, payload, scope_id)
  SELECT dedupe_key, kind,
    CASE WHEN kind IN ('data-entry-reminder', 'support-overdue') THEN NULL ELSE network_id END,
    booking_id, request_id, booking_sequence, previous_start, previous_end, consultation_start,
    due_at, created_at, payload,
    CASE WHEN kind IN ('data-entry-reminder', 'support-overdue') THEN network_id END
  FROM jsonb_to_recordset($1::jsonb) AS m(dedupe_key text, kind text, network_id text,
    booking_id text, request_id text, booking_sequence integer, previous_start timestamptz,
    previous_end timestamptz, consultation_start timestamptz, due_at timestamptz,
    created_at timestamptz, payload jsonb)
  ON CONFLICT (dedupe_key) DO NOTHING
  RETURNING dedupe_key`;

async function insertMail(
  session: SqlSession,
  messages: readonly NewMail[],
  now: Instant,
): Promise<number> {
  return (await insertMailKeys(session, messages, now)).length;
}

async function insertMailKeys(
  session: SqlSession,
  messages: readonly NewMail[],
  now: Instant,
): Promise<string[]> {
  if (messages.length === 0) return [];
  const rows = await session.query<{ dedupe_key: string }>(insertMailSql, [
    mailJson(messages, now),
  ]);
  return rows.map((row) => row.dedupe_key);
}

function later(at: Instant, ms: number): Instant {
  return instant(new Date(Date.parse(at) + ms));
}

/**
 * The outbox and the booking requests of one database (see {@link MailStore}).
 *
 * @example
 * ```ts
 * import { openStorage } from '@eduset/adapters/storage';
 * const storage = await openStorage({ dataDir: 'memory://' });
 * await storage.mail.counts(); // { pending: 0, sent: 0, skipped: 0, failed: 0 }
 * ```
 */
export function mailStore(database: Database): MailStore {
  return {
    sweepBookings(limit, plan, now) {
      return database.transaction(async (session) => {
        const rows = await session.query<
          BookingRow & { network_id: string; mail_sequence: number | null }
        >(
          `SELECT network_id, mail_sequence, ${bookingColumns} FROM bookings
           WHERE contact_email IS NOT NULL AND mail_sequence IS DISTINCT FROM sequence
           ORDER BY updated_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [limit],
        );
        if (rows.length === 0) return 0;
        const swept = rows.map((row): SweptBooking => ({
          networkId: row.network_id,
          booking: bookingOfRow(row),
          mailedSequence: row.mail_sequence === null ? null : Number(row.mail_sequence),
        }));
        await insertMail(session, plan(swept), now);
        await session.query(
          `UPDATE bookings b SET mail_sequence = s.sequence
           FROM jsonb_to_recordset($1::jsonb) AS s(id text, sequence integer)
           WHERE b.id = s.id`,
          [
            JSON.stringify(
              swept.map(({ booking }) => ({ id: booking.id, sequence: booking.sequence })),
            ),
          ],
        );
        return swept.length;
      });
    },

    enqueue(messages, now) {
      return insertMail(database, messages, now);
    },

    enqueueKeys(messages, now) {
      return insertMailKeys(database, messages, now);
    },

    async claim({ now, limit, leaseMs }) {
      const claim = randomUUID();
      const leaseUntil = later(now, leaseMs);
      const rows = await database.query<MailRow>(
        `WITH picked AS (
           SELECT id FROM mail_outbox
           WHERE state = 'pending' AND due_at <= $1::timestamptz
             AND (lease_until IS NULL OR lease_until <= $1::timestamptz)
           ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
         UPDATE mail_outbox o SET claim = $3, lease_until = $4::timestamptz,
           attempts = o.attempts + 1
         FROM picked WHERE o.id = picked.id
         RETURNING o.*`,
        [now, limit, claim, leaseUntil],
      );
      if (rows.length === 0) return [];
      const records = rows
        .map(recordOfRow)
        .sort((a, b) =>
          a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : Number(a.id) - Number(b.id),
        );
      const bookingIds = [...new Set(records.flatMap((record) => record.bookingId ?? []))];
      const requestIds = [...new Set(records.flatMap((record) => record.requestId ?? []))];
      const bookings = new Map<string, Booking>();
      if (bookingIds.length > 0) {
        const bookingRows = await database.query<BookingRow>(
          `SELECT ${bookingColumns} FROM bookings
           WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
          [JSON.stringify(bookingIds)],
        );
        for (const row of bookingRows) bookings.set(row.id, bookingOfRow(row));
      }
      const requests = new Map<string, BookingRequestRecord>();
      if (requestIds.length > 0) {
        const requestRows = await database.query<RequestRow>(
          `SELECT id, network_id, request, created_at, expires_at FROM booking_requests
           WHERE booking_id IS NULL AND id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
          [JSON.stringify(requestIds)],
        );
        for (const row of requestRows) requests.set(row.id, requestOfRow(row));
      }
      return records.map((record): ClaimedMail => {
        const booking = record.bookingId === undefined ? undefined : bookings.get(record.bookingId);
        const request = record.requestId === undefined ? undefined : requests.get(record.requestId);
        return {
          ...record,
          claim,
          leaseUntil,
          ...(booking === undefined ? {} : { booking }),
          ...(request === undefined ? {} : { request }),
        };
      });
    },

    async finish(message, outcome, now) {
      const [state, text, messageId, dueAt] =
        outcome.state === 'sent'
          ? (['sent', null, outcome.messageId, null] as const)
          : outcome.state === 'skipped'
            ? (['skipped', outcome.reason, null, null] as const)
            : outcome.state === 'retry'
              ? (['pending', outcome.error, null, outcome.retryAt] as const)
              : (['failed', outcome.error, null, null] as const);
      const rows = await database.query(
        `UPDATE mail_outbox SET state = $3, outcome = left($4, 200), message_id = $5,
           due_at = coalesce($6::timestamptz, due_at),
           finished_at = CASE WHEN $3 = 'pending' THEN NULL ELSE $7::timestamptz END,
           payload = CASE WHEN $3 = 'pending' THEN payload ELSE NULL END,
           claim = NULL, lease_until = NULL
         WHERE id = $1 AND claim = $2 AND state = 'pending'
         RETURNING id`,
        [message.id, message.claim, state, text, messageId, dueAt, now],
      );
      return rows.length === 1;
    },

    async release(messages) {
      if (messages.length === 0) return 0;
      const rows = await database.query(
        `UPDATE mail_outbox o SET claim = NULL, lease_until = NULL,
           attempts = greatest(o.attempts - 1, 0)
         FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, claim text)
         WHERE o.id = r.id AND o.claim = r.claim AND o.state = 'pending'
         RETURNING o.id`,
        [
          JSON.stringify(
            messages.map((message) => ({ id: Number(message.id), claim: message.claim })),
          ),
        ],
      );
      return rows.length;
    },

    async list(filter = {}) {
      const rows = await database.query<MailRow>(
        `SELECT ${mailColumns} FROM mail_outbox
         WHERE ($1::text IS NULL OR booking_id = $1) AND ($2::text IS NULL OR request_id = $2)
           AND ($3::text IS NULL OR kind = $3)
         ORDER BY id`,
        [filter.bookingId ?? null, filter.requestId ?? null, filter.kind ?? null],
      );
      return rows.map(recordOfRow);
    },

    async counts() {
      const rows = await database.query<{ state: MailState; count: string | number }>(
        'SELECT state, count(*) AS count FROM mail_outbox GROUP BY state',
      );
      const counts: Record<MailState, number> = { pending: 0, sent: 0, skipped: 0, failed: 0 };
      for (const row of rows) counts[row.state] = Number(row.count);
      return counts;
    },

    storeRequest(networkId, request, now, expiresAt) {
      const id = randomUUID();
      return database.transaction(async (session) => {
        const [row] = await session.query<RequestRow>(
          `INSERT INTO booking_requests (id, network_id, request, contact_email, created_at,
             expires_at)
           VALUES ($1, $2, $3::jsonb, $4, $5::timestamptz, $6::timestamptz)
           RETURNING id, network_id, request, created_at, expires_at`,
          [id, networkId, JSON.stringify(request), request.contact.email, now, expiresAt],
        );
        if (row === undefined) throw new Error('the booking request was not stored');
        await insertMail(
          session,
          [
            {
              kind: 'confirm-request',
              dedupeKey: `confirm-request:${id}`,
              networkId,
              requestId: id,
              dueAt: now,
            },
          ],
          now,
        );
        return requestOfRow(row);
      });
    },

    async takeRequest(networkId, requestId, now, holdMs) {
      const [taken] = await database.query<RequestRow>(
        `UPDATE booking_requests SET confirming_until = $4::timestamptz
         WHERE network_id = $1 AND id = $2 AND booking_id IS NULL AND expires_at > $3::timestamptz
           AND (confirming_until IS NULL OR confirming_until <= $3::timestamptz)
         RETURNING id, network_id, request, created_at, expires_at`,
        [networkId, requestId, now, later(now, holdMs)],
      );
      if (taken !== undefined) return { state: 'taken', request: requestOfRow(taken) };
      const [row] = await database.query<{ booking_id: string | null; expires_at: unknown }>(
        `SELECT booking_id, expires_at FROM booking_requests WHERE network_id = $1 AND id = $2`,
        [networkId, requestId],
      );
      if (row === undefined) return { state: 'gone' };
      if (row.booking_id !== null) return { state: 'confirmed', bookingId: row.booking_id };
      if (toInstant(row.expires_at) <= now) return { state: 'gone' };
      return { state: 'busy' };
    },

    async confirmRequest(requestId, bookingId) {
      await database.query(
        `UPDATE booking_requests SET booking_id = $2, confirming_until = NULL,
           request = request - 'contact', contact_email = ''
         WHERE id = $1`,
        [requestId, bookingId],
      );
    },

    async abandonRequest(requestId) {
      await database.query('DELETE FROM booking_requests WHERE id = $1', [requestId]);
    },

    purge(now, keepFinishedBefore) {
      return database.transaction(async (session) => {
        const requests = await session.query(
          'DELETE FROM booking_requests WHERE expires_at <= $1::timestamptz RETURNING id',
          [now],
        );
        const messages = await session.query(
          `DELETE FROM mail_outbox WHERE state <> 'pending' AND finished_at < $1::timestamptz
           RETURNING id`,
          [keepFinishedBefore],
        );
        return { requests: requests.length, messages: messages.length };
      });
    },
  };
}
