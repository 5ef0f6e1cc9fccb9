import {
  instant,
  instantsAt,
  isActiveBooking,
  localDateTime,
  type Booking,
  type Instant,
} from '@eduset/core';
import type { NewMail, SweptBooking } from '@eduset/adapters';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

/**
 * How old a cause may be and still get its message: a confirmation or a change message is
 * not sent about a booking stored or changed more than a day ago (a server that was down
 * for longer, or a database that had bookings before the outbox existed, does not send stale
 * news), a survey not about a consultation held more than two weeks ago.
 *
 * @example
 * ```ts
 * import { mailFreshness } from '@eduset/server';
 * mailFreshness.confirmationMs; // 86 400 000 (a day)
 * ```
 */
export const mailFreshness = {
  confirmationMs: dayMs,
  changeMs: dayMs,
  surveyMs: 14 * dayMs,
} as const;

/**
 * What the sweep needs to know besides the bookings: the time now, the local time of day of
 * reminders (`HH:mm`, the day before the consultation) and each site's time zone.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import type { MailPlanContext } from '@eduset/server';
 * const context: MailPlanContext = {
 *   now: instant('2026-05-11T06:00:00Z'),
 *   reminderTime: '18:00',
 *   timeZoneOf: () => 'Europe/Moscow',
 * };
 * ```
 */
export interface MailPlanContext {
  readonly now: Instant;
  /** The reminder's local time of day, `HH:mm` (e.g. `18:00`), the day before. */
  readonly reminderTime: string;
  /** The IANA zone of a site of a network. */
  readonly timeZoneOf: (networkId: string, siteId: string) => string;
}

/** The civil date one day before `date` (`YYYY-MM-DD`). */
function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - dayMs).toISOString().slice(0, 10);
}

/**
 * When the reminder of a consultation starting at `start` is due: the day before, at
 * `reminderTime` on the clock of `timeZone` (the site's zone). When that local time does not
 * exist that day (the clocks jumped forward over it), the first moment after the jump; when
 * it happens twice (they went back), the first time.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { reminderDueAt } from '@eduset/server';
 * reminderDueAt(instant('2026-05-12T06:30:00Z'), '18:00', 'Europe/Moscow');
 * // '2026-05-11T15:00:00.000Z' — 18:00 in Moscow on 11 May
 * ```
 */
export function reminderDueAt(start: Instant, reminderTime: string, timeZone: string): Instant {
  const date = dayBefore(localDateTime(start, timeZone).date);
  const [due] = instantsAt(date, reminderTime, timeZone);
  if (due !== undefined) return due;
  // A local time skipped by a jump forward: the minute after the jump, found by stepping on.
  const [hours = 0, minutes = 0] = reminderTime.split(':').map(Number);
  for (let step = 1; step <= 180; step += 1) {
    const total = hours * 60 + minutes + step;
    const time = `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
    const [after] = instantsAt(date, time, timeZone);
    if (after !== undefined) return after;
  }
  return instant(new Date(Date.parse(start) - dayMs));
}

/**
 * The time (start and end) a booking had just after its first `entries` history entries:
 * its time now, walked back through the reschedules after them.
 *
 * @example
 * ```ts
 * import { bookingTimeAfter, type Booking } from '@eduset/server';
 * declare const booking: Booking;
 * bookingTimeAfter(booking, 1); // the time it was booked for
 * ```
 */
export function bookingTimeAfter(
  booking: Pick<Booking, 'start' | 'end' | 'history'>,
  entries: number,
): { readonly start: Instant; readonly end: Instant } {
  let time = { start: booking.start, end: booking.end };
  for (let index = booking.history.length - 1; index >= Math.max(entries, 0); index -= 1) {
    const previous = booking.history[index]?.previous;
    if (previous !== undefined) time = { start: previous.start, end: previous.end };
  }
  return time;
}

/** When the booking got the time it has now: its last reschedule, or when it was made. */
function heldSince(booking: Booking): Instant {
  for (let index = booking.history.length - 1; index >= 0; index -= 1) {
    const entry = booking.history[index];
    if (entry?.previous !== undefined) return entry.at;
  }
  return booking.createdAt;
}

/** Whether a cause at `at` is recent enough for its message at `now`. */
function fresh(at: Instant, now: Instant, ms: number): boolean {
  return Date.parse(now) - Date.parse(at) <= ms;
}

/**
 * The messages a booking's changes call for, since the sweep last saw it
 * (`mailedSequence`; `null` when never):
 * - `confirmation` (due now) for a booking seen for the first time, still active and not
 *   over, stored within a day;
 * - `change` (due now, key `change:<id>:<sequence>`) when the service (`by: 'site'`) moved or
 *   cancelled it since — unless the booking is new and still active (its confirmation tells
 *   the time it has now) — with the time the parent knew before;
 * - `survey` (due now) when it was marked as held since, within two weeks;
 * - `reminder` (key `reminder:<id>:<start>`) of a confirmed consultation still to come, due
 *   the day before at the reminder time, unless the booking got its time after that moment
 *   (a booking made the evening before gets its confirmation only).
 *
 * A booking without an e-mail, or whose contact was erased, calls for nothing. The keys make
 * a message unique in the outbox, so a booking seen again never gets a message twice.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { planBookingMail } from '@eduset/server';
 * import type { SweptBooking } from '@eduset/adapters';
 * declare const swept: SweptBooking;
 * planBookingMail(swept, {
 *   now: instant('2026-05-11T06:00:00Z'), reminderTime: '18:00', timeZoneOf: () => 'Europe/Moscow',
 * }).map((message) => message.kind); // e.g. ['confirmation', 'reminder']
 * ```
 */
export function planBookingMail(swept: SweptBooking, context: MailPlanContext): NewMail[] {
  const { networkId, booking, mailedSequence } = swept;
  if (booking.contactErased || booking.contact.email === undefined) return [];
  const { now } = context;
  const isNew = mailedSequence === null;
  // For a booking whose contact is kept, `sequence` counts its history entries.
  const seen = isNew ? 0 : Math.min(Math.max(mailedSequence, 0), booking.history.length);
  const entries = booking.history.slice(seen);
  const about = { networkId, bookingId: booking.id };
  const messages: NewMail[] = [];

  const active = isActiveBooking(booking);
  if (
    isNew &&
    active &&
    booking.end > now &&
    fresh(booking.createdAt, now, mailFreshness.confirmationMs)
  ) {
    messages.push({
      ...about,
      kind: 'confirmation',
      dedupeKey: `confirmation:${booking.id}`,
      dueAt: now,
    });
  }

  const bySite = entries.filter(
    (entry) =>
      entry.by === 'site' && (entry.previous !== undefined || entry.to === 'cancelled-by-site'),
  );
  const lastBySite = bySite[bySite.length - 1];
  if (
    lastBySite !== undefined &&
    !(isNew && active) &&
    fresh(lastBySite.at, now, mailFreshness.changeMs)
  ) {
    messages.push({
      ...about,
      kind: 'change',
      dedupeKey: `change:${booking.id}:${booking.sequence}`,
      bookingSequence: booking.sequence,
      previous: bookingTimeAfter(booking, seen),
      dueAt: now,
    });
  }

  const attended = entries.find((entry) => entry.to === 'attended');
  if (attended !== undefined && fresh(attended.at, now, mailFreshness.surveyMs)) {
    messages.push({ ...about, kind: 'survey', dedupeKey: `survey:${booking.id}`, dueAt: now });
  }

  if (booking.status === 'confirmed' && booking.start > now) {
    const dueAt = reminderDueAt(
      booking.start,
      context.reminderTime,
      context.timeZoneOf(networkId, booking.siteId),
    );
    if (dueAt > heldSince(booking)) {
      messages.push({
        ...about,
        kind: 'reminder',
        dedupeKey: `reminder:${booking.id}:${booking.start}`,
        consultationStart: booking.start,
        dueAt,
      });
    }
  }
  return messages;
}
