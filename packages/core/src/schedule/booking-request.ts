import { hasNoNulCharacter } from '../common/wire.js';
import { z } from '../common/zod.js';
import type { BookingRequest } from './api.js';
import { normalizePhone } from './booking.js';
import { isCanonicalInstant } from './instant.js';

// The usual booking request (`POST /api/bookings`) checked without running its zod schema:
// a measured part of the server's time per booking (issue 13's benchmark). Anything unusual is
// left to the schema, which gives the same value or reports every problem.

const emailSchema = z.email();

/** The fields of a booking request (`bookingRequestSchema`'s, a strict object). */
const requestKeys: ReadonlySet<string> = new Set([
  'network',
  'specialistId',
  'siteId',
  'serviceId',
  'start',
  'end',
  'seats',
  'childAge',
  'contact',
  'personalDataConsent',
  'consentVersion',
  'note',
]);
const contactKeys: ReadonlySet<string> = new Set(['name', 'phone', 'email']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Record<string, unknown>, keys: ReadonlySet<string>): boolean {
  for (const key in value) {
    if (!Object.hasOwn(value, key) || !keys.has(key) || value[key] === undefined) return false;
  }
  return Object.getPrototypeOf(value) === Object.prototype;
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
 * What `bookingRequestSchema` makes of `input` when `input` is a booking request in its usual
 * form (known fields only, ids and texts already trimmed, instants canonical, a phone in any
 * form the schema normalizes, a valid e-mail, consent given), without the schema;
 * `undefined` for anything else, which the schema then parses or refuses. A property test
 * holds it to the schema.
 *
 * @example
 * ```ts
 * import { bookingRequestAsIs } from '@eduset/core/schedule';
 * bookingRequestAsIs({
 *   specialistId: 'psy-ivanova', siteId: 'kp-teremok', serviceId: 'consultation',
 *   start: '2026-05-12T06:00:00.000Z', end: '2026-05-12T06:45:00.000Z', childAge: 4,
 *   contact: { name: 'Анна', phone: '8 912 345-67-89' }, personalDataConsent: true,
 * })?.contact.phone; // '+79123456789'
 * bookingRequestAsIs({ specialistId: ' psy' }); // undefined: left to the schema
 * ```
 */
export function bookingRequestAsIs(input: unknown): BookingRequest | undefined {
  if (!isRecord(input) || !onlyKeys(input, requestKeys)) return undefined;
  const { network, specialistId, siteId, serviceId, start, end, seats, childAge } = input;
  const { contact, personalDataConsent, consentVersion, note } = input;
  if (network !== undefined && !isPlainText(network, 1, 128)) return undefined;
  if (!isPlainText(specialistId, 1, 128) || !isPlainText(siteId, 1, 128)) return undefined;
  if (!isPlainText(serviceId, 1, 128)) return undefined;
  if (!isCanonicalInstant(start) || !isCanonicalInstant(end)) return undefined;
  if (seats !== undefined && !isWhole(seats, 1, 4)) return undefined;
  if (!isWhole(childAge, 0, 25) || personalDataConsent !== true) return undefined;
  if (consentVersion !== undefined && !isPlainText(consentVersion, 1, 64)) return undefined;
  if (note !== undefined && !isPlainText(note, 1, 500)) return undefined;
  if (!isRecord(contact) || !onlyKeys(contact, contactKeys)) return undefined;
  const { name, phone, email } = contact;
  if (!isPlainText(name, 1, 200)) return undefined;
  if (phone === undefined && email === undefined) return undefined;
  let normalized: string | undefined;
  if (phone !== undefined) {
    if (typeof phone !== 'string' || phone.trim() === '') return undefined;
    normalized = normalizePhone(phone);
    if (normalized === undefined) return undefined;
  }
  if (
    email !== undefined &&
    (!isPlainText(email, 1, Infinity) || !emailSchema.safeParse(email).success)
  ) {
    return undefined;
  }
  return {
    ...(network !== undefined ? { network } : {}),
    specialistId,
    siteId,
    serviceId,
    start,
    end,
    seats: (seats as number | undefined) ?? 1,
    childAge,
    contact: {
      name,
      ...(normalized !== undefined ? { phone: normalized } : {}),
      ...(email !== undefined ? { email: email as string } : {}),
    },
    personalDataConsent: true,
    ...(consentVersion !== undefined ? { consentVersion } : {}),
    ...(note !== undefined ? { note } : {}),
  } as BookingRequest;
}

/** The Idempotency-Key as `bookingRequestHeadersSchema` takes it. */
const idempotencyKeyPattern = /^[\x21-\x7e]{1,100}$/;

/**
 * What `bookingRequestHeadersSchema` makes of request headers whose Idempotency-Key is
 * absent or valid: the headers themselves (the schema passes the others through); `undefined`
 * for anything else, which the schema then reports.
 *
 * @example
 * ```ts
 * import { bookingRequestHeadersAsIs } from '@eduset/core/schedule';
 * bookingRequestHeadersAsIs({ 'idempotency-key': 'k-1', host: 'x' }); // the same headers
 * bookingRequestHeadersAsIs({ 'idempotency-key': '' }); // undefined: left to the schema
 * ```
 */
export function bookingRequestHeadersAsIs(input: unknown): Record<string, unknown> | undefined {
  if (!isRecord(input)) return undefined;
  const key = input['idempotency-key'];
  if (key === undefined && !Object.hasOwn(input, 'idempotency-key')) return input;
  return typeof key === 'string' && idempotencyKeyPattern.test(key) ? input : undefined;
}
