import { hasNoNulCharacter } from '../common/wire.js';
import { z } from '../common/zod-mini.js';
import { normalizePhone, parseBooking, type Booking } from './booking.js';
import { isCanonicalInstant } from './instant.js';

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const emailSchema = z.email();

/** The fields a new booking is made of; anything else is left to the schema. */
const bookingKeys: ReadonlySet<string> = new Set([
  'id',
  'specialistId',
  'siteId',
  'serviceId',
  'start',
  'end',
  'seats',
  'status',
  'childAge',
  'contact',
  'personalDataConsent',
  'createdAt',
  'updatedAt',
]);
const contactKeys: ReadonlySet<string> = new Set(['name', 'phone', 'email']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Record<string, unknown>, keys: ReadonlySet<string>): boolean {
  for (const key in value) {
    if (!keys.has(key) || value[key] === undefined) return false;
  }
  return true;
}

/** A text the schema takes as it is: trimmed, `min`–`max` characters, no NUL character. */
function isPlainText(value: unknown, min: number, max: number): value is string {
  return (
    typeof value === 'string' &&
    value.length >= min &&
    value.length <= max &&
    value === value.trim() &&
    hasNoNulCharacter(value)
  );
}

function isWhole(value: unknown, min: number, max: number): value is number {
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
}

/**
 * The booking `bookingSchema` makes of `input` when `input` is a new booking already in its
 * usual form (status `requested`, instants canonical, ids and texts as the schema leaves them,
 * the phone normalized), without the schema; `undefined` for anything else.
 *
 * @internal
 */
export function newBookingAsIs(input: unknown): Booking | undefined {
  if (!isRecord(input) || !onlyKeys(input, bookingKeys)) return undefined;
  const { id, specialistId, siteId, serviceId, start, end, seats, status, childAge } = input;
  const { contact, personalDataConsent, createdAt, updatedAt } = input;
  if (!isPlainText(id, 1, 128)) return undefined;
  for (const place of [specialistId, siteId, serviceId]) {
    if (typeof place !== 'string' || !idPattern.test(place)) return undefined;
  }
  if (!isCanonicalInstant(start) || !isCanonicalInstant(end) || !(start < end)) return undefined;
  if (!isCanonicalInstant(createdAt) || !isCanonicalInstant(updatedAt)) return undefined;
  if (updatedAt < createdAt) return undefined;
  if (seats !== undefined && !isWhole(seats, 1, Number.MAX_SAFE_INTEGER)) return undefined;
  if (status !== undefined && status !== 'requested') return undefined;
  if (!isWhole(childAge, 0, 25) || personalDataConsent !== true) return undefined;
  if (!isRecord(contact) || !onlyKeys(contact, contactKeys)) return undefined;
  const { name, phone, email } = contact;
  if (!isPlainText(name, 1, 200)) return undefined;
  if (phone === undefined && email === undefined) return undefined;
  if (phone !== undefined && (typeof phone !== 'string' || normalizePhone(phone) !== phone)) {
    return undefined;
  }
  if (
    email !== undefined &&
    (!isPlainText(email, 1, Infinity) || !emailSchema.safeParse(email).success)
  ) {
    return undefined;
  }
  return {
    id,
    specialistId,
    siteId,
    serviceId,
    start,
    end,
    seats: (seats as number | undefined) ?? 1,
    status: 'requested',
    childAge,
    contact: {
      name,
      ...(phone !== undefined ? { phone: phone as string } : {}),
      ...(email !== undefined ? { email } : {}),
    },
    contactErased: false,
    personalDataConsent: true,
    createdAt,
    updatedAt,
    sequence: 0,
    history: [],
  } as Booking;
}

/**
 * {@link parseBooking} for a booking just requested: the same booking, or the same
 * `ValidationError`, for any input; the usual input (a new booking in the form the booking
 * request's schema already gave it) is checked without running the whole schema again — a
 * measured cost of storing every booking.
 *
 * @throws ValidationError when the data is not a valid booking.
 * @example
 * ```ts
 * import { parseNewBooking } from '@eduset/core/schedule';
 * const booking = parseNewBooking({
 *   id: 'b-1', specialistId: 'psy-ivanova', siteId: 'kp-teremok', serviceId: 'consultation',
 *   start: '2026-05-12T06:00:00.000Z', end: '2026-05-12T06:45:00.000Z', childAge: 4,
 *   contact: { name: 'Анна', phone: '+79123456789' }, personalDataConsent: true,
 *   createdAt: '2026-05-11T09:10:00.000Z', updatedAt: '2026-05-11T09:10:00.000Z',
 * });
 * booking.status; // 'requested'
 * ```
 */
export function parseNewBooking(input: unknown): Booking {
  return newBookingAsIs(input) ?? parseBooking(input);
}
