import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, ValidationError } from '../common/index.js';
import { bookingSchema, parseBooking } from './index.js';

/** What the schema alone answers: the booking, or the issues it reports. */
function bySchema(input: unknown): unknown {
  try {
    return { booking: parse(bookingSchema, input) };
  } catch (error) {
    if (error instanceof ValidationError) return { issues: error.issues };
    throw error;
  }
}

function byParseBooking(input: unknown): unknown {
  try {
    return { booking: parseBooking(input) };
  } catch (error) {
    if (error instanceof ValidationError) return { issues: error.issues };
    throw error;
  }
}

const valid = {
  id: '0b5f7b8e-2f7c-4a53-9d1e-3c2a1f0e9d8c',
  specialistId: 'psy-ivanova',
  siteId: 'kp-teremok',
  serviceId: 'consultation',
  start: '2026-05-12T06:00:00.000Z',
  end: '2026-05-12T06:45:00.000Z',
  seats: 1,
  status: 'requested',
  childAge: 4,
  contact: { name: 'Анна', phone: '+79123456789' },
  personalDataConsent: true,
  createdAt: '2026-05-11T09:10:00.000Z',
  updatedAt: '2026-05-11T09:10:00.000Z',
};

/** Values a field may be replaced with: valid, almost valid, and wrong. */
const oddValues: Record<string, readonly unknown[]> = {
  id: ['b-1', ' b-1', 'b-1 ', '', 'x'.repeat(128), 'x'.repeat(129), 7, null],
  specialistId: ['psy-2', 'псих', ' psy', '-psy', 'a'.repeat(129), 1],
  siteId: ['kp-malysh', 'kp teremok', ''],
  serviceId: ['speech', 'speech!', undefined],
  start: [
    '2026-05-12T06:00:00Z',
    '2026-05-12T06:00:00.000+03:00',
    '2026-02-30T06:00:00.000Z',
    '2026-05-12T06:50:00.000Z',
    '2026-05-12T06:45:00.000Z',
    'tomorrow',
  ],
  end: ['2026-05-12T06:45:00Z', '2026-05-12T05:00:00.000Z', '2026-05-12T07:00:00.000Z', 0],
  seats: [undefined, 0, 2, 1.5, -1, Number.NaN, 2 ** 60, '1'],
  status: [undefined, 'confirmed', 'cancelled-by-parent', 'lost', 1],
  childAge: [0, 25, 26, -1, 3.5, '4', undefined, -0],
  contact: [
    { name: 'Анна', phone: '8 912 345-67-89' },
    { name: ' Анна', phone: '+79123456789' },
    { name: '', phone: '+79123456789' },
    { name: 'Анна' },
    { name: 'Анна', email: 'anna@example.org' },
    { name: 'Анна', phone: '+79123456789', email: 'anna@example.org' },
    { name: 'Анна', phone: '+79123456789', note: 'extra' },
    { name: 'Анна', phone: '   ' },
    { name: 'Анна', phone: '5-45-67' },
    { name: 'А'.repeat(201), phone: '+79123456789' },
    [],
    null,
  ],
  contactErased: [undefined, false, true],
  personalDataConsent: [false, 'true', undefined],
  createdAt: ['2026-05-11T09:10:00Z', '2026-05-12T09:10:00.000Z'],
  updatedAt: ['2026-05-11T09:11:00.000Z', '2026-05-11T09:00:00.000Z', undefined],
  sequence: [undefined, 0, 1, -1, 0.5],
  history: [
    undefined,
    [],
    [{ from: 'requested', to: 'confirmed', at: '2026-05-11T09:10:00.000Z', by: 'system' }],
    'none',
  ],
  extra: [undefined, 'unknown field'],
};

/** A valid booking with up to three fields replaced (an `undefined` one left out or kept). */
const variant = fc.subarray(Object.keys(oddValues), { maxLength: 3 }).chain((keys) =>
  fc
    .tuple(...keys.map((key) => fc.tuple(fc.constantFrom(...(oddValues[key] ?? [])), fc.boolean())))
    .map((values) => {
      const replaced = new Map(keys.map((key, index) => [key, values[index]]));
      const input: Record<string, unknown> = {};
      for (const key of new Set([...Object.keys(valid), ...keys])) {
        const [value, leaveOut] = replaced.get(key) ?? [
          (valid as Record<string, unknown>)[key],
          false,
        ];
        if (!(value === undefined && leaveOut)) input[key] = value;
      }
      return input;
    }),
);

describe('parseBooking on input already in canonical form', () => {
  it('gives what bookingSchema gives: the same booking or the same issues', () => {
    expect(byParseBooking(valid)).toStrictEqual(bySchema(valid));
    fc.assert(
      fc.property(variant, (input) => {
        const fast = byParseBooking(input);
        expect(fast).toStrictEqual(bySchema(input));
        expect(JSON.stringify(fast)).toBe(JSON.stringify(bySchema(input)));
      }),
      { numRuns: 2000 },
    );
  });

  it('returns a new booking, sharing nothing with the input', () => {
    const input = { ...valid, contact: { ...valid.contact }, history: [] };
    const booking = parseBooking(input);
    expect(booking.contact).not.toBe(input.contact);
    expect(booking.history).not.toBe(input.history);
  });
});
