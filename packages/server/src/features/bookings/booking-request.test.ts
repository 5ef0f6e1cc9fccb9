import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, ValidationError } from '@eduset/core';
import { bookingRequestSchema, parseBookingRequest } from './routes.js';

/** What an answer is: the request as validated, or the issues reported. */
function outcome(validate: (body: unknown) => unknown, body: unknown): unknown {
  try {
    return { request: validate(body) };
  } catch (error) {
    if (error instanceof ValidationError) return { issues: error.issues };
    throw error;
  }
}

const bySchema = (body: unknown) => outcome((value) => parse(bookingRequestSchema, value), body);
const byRoute = (body: unknown) => outcome(parseBookingRequest, body);

const valid = {
  specialistId: 'bench-psy-001',
  siteId: 'kp-teremok',
  serviceId: 'psychologist-consultation',
  start: '2026-05-12T06:00:00.000Z',
  end: '2026-05-12T06:30:00.000Z',
  childAge: 4,
  contact: { name: 'Родитель 7', phone: '+7 900 007-07-00' },
  personalDataConsent: true,
};

/** Values a field may be replaced with: valid, almost valid, and wrong. */
const oddValues: Record<string, readonly unknown[]> = {
  network: [undefined, 'udomlya', ' udomlya', '', 'n'.repeat(129), 5, null],
  specialistId: ['psy-2', 'Вася', ' psy', 'psy ', '', 'a'.repeat(128), 'a'.repeat(129), 1],
  siteId: ['kp-malysh', '\tkp', undefined],
  serviceId: ['speech', [], undefined],
  start: [
    '2026-05-12T06:00:00Z',
    '2026-05-12T09:00:00.000+03:00',
    '2026-02-30T06:00:00.000Z',
    '2026-05-12T06:30:00.000Z',
    'tomorrow',
    undefined,
  ],
  end: ['2026-05-12T06:30:00Z', '2026-05-12T05:00:00.000Z', 1_800_000],
  seats: [undefined, 0, 1, 2, 50, 51, 1.5, -1, Number.NaN, '1', null],
  childAge: [0, 25, 26, -1, 3.5, '4', undefined, -0, Number.POSITIVE_INFINITY],
  contact: [
    { name: 'Анна', phone: '8 912 345-67-89' },
    { name: 'Анна', phone: '+79123456789' },
    { name: ' Анна', phone: '+79123456789' },
    { name: '', phone: '+79123456789' },
    { name: 'Анна' },
    { name: 'Анна', phone: '' },
    { name: 'Анна', phone: '   ', email: 'anna@example.org' },
    { name: 'Анна', email: 'anna@example.org' },
    { name: 'Анна', phone: '+79123456789', email: ' anna@example.org ' },
    { name: 'Анна', phone: '+79123456789', email: 'not an address' },
    { name: 'Анна', phone: '+79123456789', note: 'extra' },
    { name: 'Анна', phone: '5-45-67' },
    { name: 'А'.repeat(200), phone: '+79123456789' },
    { name: 'А'.repeat(201), phone: '+79123456789' },
    { name: 7, phone: '+79123456789' },
    [],
    null,
    'Анна',
  ],
  personalDataConsent: [false, 'true', undefined, 1],
  extra: [undefined, 'unknown field'],
};

/** A valid body with up to three fields replaced (an `undefined` one left out or kept). */
const variant = fc.subarray(Object.keys(oddValues), { maxLength: 3 }).chain((keys) =>
  fc
    .tuple(...keys.map((key) => fc.tuple(fc.constantFrom(...(oddValues[key] ?? [])), fc.boolean())))
    .map((values) => {
      const replaced = new Map(keys.map((key, index) => [key, values[index]]));
      const body: Record<string, unknown> = {};
      for (const key of new Set([...Object.keys(valid), ...keys])) {
        const [value, leaveOut] = replaced.get(key) ?? [
          (valid as Record<string, unknown>)[key],
          false,
        ];
        if (!(value === undefined && leaveOut)) body[key] = value;
      }
      return body;
    }),
);

describe('the booking request as the route validates it', () => {
  it('is what bookingRequestSchema gives: the same request or the same issues', () => {
    expect(byRoute(valid)).toStrictEqual(bySchema(valid));
    fc.assert(
      fc.property(variant, (body) => {
        const fast = byRoute(body);
        expect(fast).toStrictEqual(bySchema(body));
        expect(JSON.stringify(fast)).toBe(JSON.stringify(bySchema(body)));
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects what is not an object as the schema does', () => {
    for (const body of [undefined, null, 'text', 7, [], [valid]]) {
      expect(byRoute(body)).toStrictEqual(bySchema(body));
    }
  });
});
