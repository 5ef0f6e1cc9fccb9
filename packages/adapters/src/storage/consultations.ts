import {
  ConflictError,
  instant,
  markAttended,
  markNoShow,
  maxConsultationNoteLength,
  NotFoundError,
  parentNoteSchema,
  parse,
  requestTextSchema,
  type AttendanceOutcome,
  type Booking,
  type Instant,
} from '@eduset/core';
import { bookingColumns, bookingOfRow, updateBookingRow, type BookingRow } from './bookings.js';
import type { Database, SqlRow } from './database.js';

/**
 * The staff member who writes a private consultation note: her account and the name the
 * note shows.
 *
 * @example
 * ```ts
 * import type { NoteAuthor } from '@eduset/adapters';
 * const author: NoteAuthor = { accountId: 'acc-lebedeva', name: 'Лебедева А. С.' };
 * ```
 */
export interface NoteAuthor {
  readonly accountId: string;
  readonly name: string;
}

/**
 * A specialist's private note on a consultation, as stored: the text, who wrote it last and
 * when it was first and last written.
 *
 * @example
 * ```ts
 * import type { StoredConsultationNote } from '@eduset/adapters';
 * declare const note: StoredConsultationNote;
 * `${note.authorName} (${note.updatedAt}): ${note.text}`;
 * ```
 */
export interface StoredConsultationNote {
  readonly bookingId: string;
  readonly text: string;
  readonly authorAccountId: string;
  readonly authorName: string;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

/**
 * What the staff agenda keeps about consultations (migration 0017): the outcome of a
 * consultation (attended or a no-show, marked by the site's staff), the parent's note for the
 * specialist, and the specialist's private notes. Who may read or write a note is the access
 * policy's question, asked by the server before it calls this store; the store holds each note
 * apart from the bookings, so no booking read (and no public route) carries it. Erasing a
 * booking's contact deletes its notes in the same statement (a database trigger).
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * const { consultations } = await openStorage({ dataDir: 'memory://' });
 * await consultations.readNote('udomlya', 'b-1'); // undefined: no note (or no booking)
 * ```
 */
export interface ConsultationStore {
  /**
   * Stores the parent's note with a booking just made (or removes it, with `undefined`).
   * Validated with core's `parentNoteSchema` (at most 500 characters, no NUL).
   *
   * @throws NotFoundError when the network holds no such booking, or its contact is erased.
   * @throws ValidationError when the note is too long or holds a NUL character.
   */
  setParentNote(networkId: string, bookingId: string, note: string | undefined): Promise<void>;
  /**
   * Marks a confirmed consultation as attended or as a no-show, by the site's staff (core's
   * `markAttended` / `markNoShow` with `by: 'site'`), under the booking's row lock. The
   * booking keeps its seats: the time was held either way.
   *
   * @throws NotFoundError when the network holds no such booking.
   * @throws ConflictError `illegal-transition` unless it is confirmed; `not-started` before
   * its start.
   */
  recordAttendance(
    networkId: string,
    bookingId: string,
    outcome: AttendanceOutcome,
    now: Instant,
  ): Promise<Booking>;
  /** The private note on a consultation, or `undefined` when none is written. */
  readNote(networkId: string, bookingId: string): Promise<StoredConsultationNote | undefined>;
  /** Which of these bookings have a private note (no text is read). */
  notedBookings(networkId: string, bookingIds: readonly string[]): Promise<ReadonlySet<string>>;
  /**
   * Writes the whole text of the private note on a consultation (trimmed; an empty text
   * deletes the note) and returns it (`undefined` once deleted).
   *
   * @throws NotFoundError when the network holds no such booking.
   * @throws ConflictError `contact-erased` when the booking's personal data were erased.
   * @throws ValidationError when the text is longer than 4000 characters or holds a NUL.
   */
  writeNote(
    networkId: string,
    bookingId: string,
    text: string,
    author: NoteAuthor,
    now: Instant,
  ): Promise<StoredConsultationNote | undefined>;
}

interface NoteRow extends SqlRow {
  booking_id: string;
  text: string;
  author_account_id: string;
  author_name: string;
  created_at: unknown;
  updated_at: unknown;
}

const noteColumns = 'booking_id, text, author_account_id, author_name, created_at, updated_at';

/** A `timestamptz` as the drivers return it (a `Date`), or text, as an instant. */
function toInstant(value: unknown): Instant {
  if (value instanceof Date || typeof value === 'string') return instant(value);
  throw new TypeError(`Ожидалась дата / Expected a timestamp, got ${typeof value}`);
}

function noteOfRow(row: NoteRow): StoredConsultationNote {
  return {
    bookingId: row.booking_id,
    text: row.text,
    authorAccountId: row.author_account_id,
    authorName: row.author_name,
    createdAt: toInstant(row.created_at),
    updatedAt: toInstant(row.updated_at),
  };
}

const noteTextSchema = requestTextSchema(maxConsultationNoteLength, 0);
const authorTextSchema = requestTextSchema(200);

function erasedConflict(): ConflictError {
  return new ConflictError('contact-erased', {
    ru: 'Сведения о родителе по этой записи удалены; заметку к ней написать нельзя',
    en: "The parent's data of this booking were erased; no note can be written on it",
  });
}

/**
 * The consultation half of the storage over one database (see {@link ConsultationStore}).
 *
 * @example
 * ```ts
 * import { openPglite } from './database.js';
 * import { consultationStore } from './consultations.js';
 * const consultations = consultationStore(await openPglite('memory://'));
 * ```
 */
export function consultationStore(database: Database): ConsultationStore {
  return {
    async setParentNote(networkId, bookingId, note) {
      const text = note === undefined ? null : parse(parentNoteSchema, note);
      const rows = await database.query<{ id: string }>(
        `UPDATE bookings SET parent_note = $3
         WHERE network_id = $1 AND id = $2 AND NOT contact_erased
         RETURNING id`,
        [networkId, bookingId, text],
      );
      if (rows.length === 0) throw new NotFoundError('booking', bookingId);
    },

    recordAttendance(networkId, bookingId, outcome, now) {
      return database.transaction(async (session) => {
        const [row] = await session.query<BookingRow>(
          `SELECT ${bookingColumns} FROM bookings WHERE network_id = $1 AND id = $2 FOR UPDATE`,
          [networkId, bookingId],
        );
        if (row === undefined) throw new NotFoundError('booking', bookingId);
        const booking = bookingOfRow(row);
        // Another process's clock may be slightly behind: never date the change before the last one.
        const at = now < booking.updatedAt ? booking.updatedAt : now;
        const marked =
          outcome === 'attended'
            ? markAttended(booking, at, { by: 'site' })
            : markNoShow(booking, at, { by: 'site' });
        await updateBookingRow(session, marked);
        return marked;
      });
    },

    async readNote(networkId, bookingId) {
      const [row] = await database.query<NoteRow>(
        `SELECT ${noteColumns} FROM consultation_notes WHERE network_id = $1 AND booking_id = $2`,
        [networkId, bookingId],
      );
      return row === undefined ? undefined : noteOfRow(row);
    },

    async notedBookings(networkId, bookingIds) {
      if (bookingIds.length === 0) return new Set<string>();
      const rows = await database.query<{ booking_id: string }>(
        `SELECT booking_id FROM consultation_notes
         WHERE network_id = $1
           AND booking_id IN (SELECT jsonb_array_elements_text($2::jsonb))`,
        [networkId, JSON.stringify(bookingIds)],
      );
      return new Set(rows.map((row) => row.booking_id));
    },

    async writeNote(networkId, bookingId, text, author, now) {
      const checked = parse(noteTextSchema, text);
      const accountId = parse(authorTextSchema, author.accountId);
      const name = parse(authorTextSchema, author.name);
      return database.transaction(async (session) => {
        // The booking's row lock: an erasure running at the same time waits, or has won.
        const [booking] = await session.query<{ contact_erased: boolean }>(
          `SELECT contact_erased FROM bookings WHERE network_id = $1 AND id = $2 FOR UPDATE`,
          [networkId, bookingId],
        );
        if (booking === undefined) throw new NotFoundError('booking', bookingId);
        if (booking.contact_erased) throw erasedConflict();
        if (checked === '') {
          await session.query('DELETE FROM consultation_notes WHERE booking_id = $1', [bookingId]);
          return undefined;
        }
        const [row] = await session.query<NoteRow>(
          `INSERT INTO consultation_notes
             (booking_id, network_id, text, author_account_id, author_name, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $6::timestamptz)
           ON CONFLICT (booking_id) DO UPDATE SET
             text = EXCLUDED.text,
             author_account_id = EXCLUDED.author_account_id,
             author_name = EXCLUDED.author_name,
             updated_at = greatest(consultation_notes.updated_at, EXCLUDED.updated_at)
           RETURNING ${noteColumns}`,
          [bookingId, networkId, checked, accountId, name, now],
        );
        if (row === undefined) throw new Error('the note was not stored');
        return noteOfRow(row);
      });
    },
  };
}
