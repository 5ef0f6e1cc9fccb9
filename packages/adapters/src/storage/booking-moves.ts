import {
  cancelBooking,
  ConflictError,
  NotFoundError,
  rescheduleBooking,
  ValidationError,
  type Booking,
  type Instant,
} from '@eduset/core';
import type { BookingMove, BookingStore } from './booking-store.js';
import {
  bookingColumns,
  bookingOfRow,
  EXCLUSION_VIOLATION,
  guardFields,
  NO_DATA_FOUND,
  NO_SEATS,
  noSeats,
  overlap,
  ruleRefusals,
  SPECIALIST_BUSY,
  sqlState,
  tokenMatches,
  transientStates,
  updateBookingRow,
  type LockedBookingRow,
} from './bookings.js';
import type { Database, SqlSession } from './database.js';
import type { LinkTokens } from './link-tokens.js';

/** Raised by `eduset_move_booking` (migration 0016): the booking changed since it was read. */
const CHANGED = 'EDCHG';
/** Raised by `eduset_move_booking`: the booking is no longer active. */
const NOT_ACTIVE = 'EDNAC';

/**
 * Whether a token opens a booking's manage link: the token whose hash is stored with it (its
 * first answer's), or the one derived from its id (`links.token('manage', id)`, migration
 * 0013 — for bookings made before it, the stored one was drawn at random).
 */
export type ManageTokenMatches = (
  row: Pick<LockedBookingRow, 'id' | 'cancel_token_hash'>,
  token: string,
) => Promise<boolean>;

/**
 * The check of {@link ManageTokenMatches} over the instance's link tokens.
 *
 * @example
 * ```ts
 * import { openPglite } from './database.js';
 * import { linkTokens } from './link-tokens.js';
 * import { manageTokenMatcher } from './booking-moves.js';
 * const matches = manageTokenMatcher(linkTokens(await openPglite('memory://')));
 * ```
 */
export function manageTokenMatcher(links: LinkTokens): ManageTokenMatches {
  return async (row, token) =>
    tokenMatches(token, row.cancel_token_hash) || (await links.matches('manage', row.id, token));
}

function changedMeanwhile(): ConflictError {
  return new ConflictError('changed', {
    ru: 'Запись изменилась, пока вы её смотрели; откройте её снова',
    en: 'The booking changed while you were looking at it; open it again',
  });
}

function notActive(): ConflictError {
  return new ConflictError('illegal-transition', {
    ru: 'Запись уже отменена или прошла: перенести её нельзя',
    en: 'The booking is already cancelled or over: it cannot be moved',
  });
}

function sameTime(): ValidationError {
  return new ValidationError([
    {
      path: ['start'],
      code: 'custom',
      message: {
        ru: 'Запись уже на это время; выберите другое',
        en: 'The booking is already at this time; choose another one',
      },
    },
  ]);
}

/** A move the database refused, with its SQLSTATE: thrown out of the transaction to undo it. */
class MoveRefused extends Error {
  constructor(readonly state: string) {
    super(`move refused by the database (${state})`);
  }
}

/** Locks a booking's row in the transaction; `undefined` when the network holds no such id. */
async function lockedRow(
  session: SqlSession,
  networkId: string,
  bookingId: string,
): Promise<LockedBookingRow | undefined> {
  const [row] = await session.query<LockedBookingRow>(
    `SELECT ${bookingColumns}, session_id, cancel_token_hash FROM bookings
     WHERE network_id = $1 AND id = $2 FOR UPDATE`,
    [networkId, bookingId],
  );
  return row;
}

/**
 * The moves and the site's cancellations of bookings (see `BookingStore.moveBooking` and
 * `BookingStore.cancelBookingBySite`), over one database.
 *
 * @example
 * ```ts
 * import { openPglite } from './database.js';
 * import { linkTokens } from './link-tokens.js';
 * import { bookingMoves, manageTokenMatcher } from './booking-moves.js';
 * const database = await openPglite('memory://');
 * const { moveBooking } = bookingMoves(database, manageTokenMatcher(linkTokens(database)));
 * ```
 */
export function bookingMoves(
  database: Database,
  manageTokenMatches: ManageTokenMatches,
): Pick<BookingStore, 'moveBooking' | 'cancelBookingBySite'> {
  /** One attempt of a move, in one transaction: its SQLSTATE when refused, or the booking. */
  async function attempt(
    networkId: string,
    bookingId: string,
    move: BookingMove,
    now: Instant,
  ): Promise<Booking | { readonly state: string }> {
    try {
      return await transactionOfMove(networkId, bookingId, move, now);
    } catch (error) {
      if (error instanceof MoveRefused) return { state: error.state };
      throw error;
    }
  }

  function transactionOfMove(
    networkId: string,
    bookingId: string,
    move: BookingMove,
    now: Instant,
  ): Promise<Booking> {
    return database.transaction(async (session) => {
      const row = await lockedRow(session, networkId, bookingId);
      const opens =
        row !== undefined &&
        (move.mover.by === 'site' || (await manageTokenMatches(row, move.mover.token)));
      // For the parent, a wrong token looks exactly like an unknown booking.
      if (row === undefined || !opens) throw new NotFoundError('booking', bookingId);
      const booking = bookingOfRow(row);
      if (move.expectedSequence !== undefined && move.expectedSequence !== booking.sequence) {
        throw changedMeanwhile();
      }
      if (booking.start === move.start && booking.end === move.end) throw sameTime();
      // Another process's clock may be slightly behind: never date the change before the last one.
      const at = now < booking.updatedAt ? booking.updatedAt : now;
      const moved = rescheduleBooking(booking, move.start, move.end, at, {
        by: move.mover.by,
        ...(move.mover.by === 'site' && move.mover.reason !== undefined
          ? { reason: move.mover.reason }
          : {}),
      });
      try {
        const params = [
          networkId,
          bookingId,
          booking.sequence,
          moved.start,
          moved.end,
          move.capacity,
          moved.sequence,
          JSON.stringify(moved.history),
          moved.updatedAt,
        ];
        if (move.guard === undefined) {
          await session.query(
            `SELECT eduset_move_booking($1, $2, $3, $4::timestamptz, $5::timestamptz, $6, $7,
               $8::jsonb, $9::timestamptz) AS session_id`,
            params,
          );
        } else {
          // The new time's rules, under the locks a new booking of that time takes (0020).
          const guard = {
            row: {
              network_id: networkId,
              specialist_id: booking.specialistId,
              site_id: booking.siteId,
              service_id: booking.serviceId,
              starts_at: moved.start,
              ends_at: moved.end,
            },
            ...guardFields(move.guard),
          };
          await session.query(
            `SELECT eduset_move_booking_guarded($1, $2, $3, $4::timestamptz, $5::timestamptz, $6,
               $7, $8::jsonb, $9::timestamptz, $10::jsonb) AS session_id`,
            [...params, JSON.stringify(guard)],
          );
        }
      } catch (error) {
        const state = sqlState(error);
        // Thrown, so the transaction is rolled back; the caller decides on another attempt.
        throw state === undefined ? error : new MoveRefused(state);
      }
      return moved;
    });
  }

  return {
    async moveBooking(networkId, bookingId, move, now) {
      if (!(Number.isInteger(move.capacity) && move.capacity >= 1)) {
        throw new ValidationError([
          {
            path: ['capacity'],
            code: 'custom',
            message: {
              ru: 'Число мест сеанса — целое число не меньше 1',
              en: 'The session capacity is a whole number of at least 1',
            },
          },
        ]);
      }
      let outcome = await attempt(networkId, bookingId, move, now);
      // Concurrent moves (or bookings) into a fresh slot race to create its session, and
      // PostgreSQL may end two waiting on each other as a deadlock; a group session created by
      // another transaction at the same moment may look like an overlap. Once more, each time
      // from the start (a new transaction), while the refusal is one a second try can get past.
      for (let retry = 0; retry < 5 && 'state' in outcome; retry += 1) {
        const { state } = outcome;
        const again =
          transientStates.has(state) || (state === EXCLUSION_VIOLATION && move.capacity > 1);
        if (!again) break;
        outcome = await attempt(networkId, bookingId, move, now);
      }
      if (!('state' in outcome)) return outcome;
      const { state } = outcome;
      if (state === NO_SEATS) throw noSeats();
      if (state === SPECIALIST_BUSY || state === EXCLUSION_VIOLATION) throw overlap();
      if (state === CHANGED) throw changedMeanwhile();
      if (state === NOT_ACTIVE) throw notActive();
      if (state === NO_DATA_FOUND) throw new NotFoundError('booking', bookingId);
      const refusal = ruleRefusals[state];
      if (refusal !== undefined) throw refusal();
      throw Object.assign(new Error(`move refused by the database (${state})`), { code: state });
    },

    cancelBookingBySite(networkId, bookingId, now, reason) {
      return database.transaction(async (session) => {
        const row = await lockedRow(session, networkId, bookingId);
        if (row === undefined) throw new NotFoundError('booking', bookingId);
        const booking = bookingOfRow(row);
        const at = now < booking.updatedAt ? booking.updatedAt : now;
        const cancelled = cancelBooking(booking, 'site', at, reason);
        await updateBookingRow(session, cancelled);
        await session.query(
          'UPDATE booking_sessions SET seats_taken = seats_taken - $2 WHERE id = $1',
          [String(row.session_id), cancelled.seats],
        );
        return cancelled;
      });
    },
  };
}
