import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../common/index.js';
import { parseBooking, parseNewBooking } from './index.js';
import { newBookingAsIs } from './new-booking.js';

const usual = {
  id: '6f1c2a5e-8d3b-4c1e-9a7f-2b4d6e8f0a1c',
  specialistId: 'psy-ivanova',
  siteId: 'kp-teremok',
  serviceId: 'speech',
  start: '2026-05-12T06:00:00.000Z',
  end: '2026-05-12T06:45:00.000Z',
  seats: 1,
  status: 'requested',
  childAge: 4,
  contact: { name: 'Анна Смирнова', phone: '+79123456789' },
  personalDataConsent: true,
  createdAt: '2026-05-11T06:00:00.000Z',
  updatedAt: '2026-05-11T06:00:00.000Z',
};

/** Mostly the usual value, else one of several others, valid or not. */
function mostly<T>(value: T, ...others: T[]): fc.Arbitrary<T> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(value) },
    { weight: 1, arbitrary: fc.constantFrom(value, ...others) },
  );
}

/** Each field either as usual or as one of several other values, valid or not. */
const inputArbitrary = fc
  .record(
    {
      id: mostly(usual.id, ' b-1', 'b-1 ', '', 'x'.repeat(129), 'b\u0000', 'b-1'),
      specialistId: mostly(usual.specialistId, '-psy', 'psy ivanova', 'p'.repeat(129)),
      siteId: mostly(usual.siteId, 'kp.teremok:1', ''),
      start: mostly(
        usual.start,
        '2026-05-12T06:00:00Z',
        '2026-05-12T07:00:00.000Z',
        '2027-02-30T06:00:00.000Z',
        '1800-05-12T06:00:00.000Z',
      ),
      seats: mostly<unknown>(1, 2, 0, 1.5, undefined, Number.MAX_SAFE_INTEGER + 2, '1'),
      status: mostly('requested', 'confirmed', 'unknown', undefined),
      childAge: mostly(0, 4, 25, 26, -1, 4.5),
      name: mostly('Анна', ' Анна', 'Анна ', '', 'я'.repeat(200), 'я'.repeat(201), 'A\u0000'),
      phone: mostly('+79123456789', '8 912 345-67-89', '+4930123456', '12', '', ' ', undefined),
      email: mostly(
        'anna@example.org',
        'Anna@Example.org',
        ' anna@example.org',
        'not-an-email',
        '',
        undefined,
      ),
      consent: mostly<unknown>(true, false, 'true'),
      updatedAt: mostly(usual.updatedAt, '2026-05-11T05:59:59.999Z'),
      extra: mostly(
        {},
        { sequence: 0 },
        { history: [] },
        { contactErased: false },
        { note: 'x' },
        { seats: undefined },
      ),
    },
    { requiredKeys: ['id'] },
  )
  .map((drawn) => {
    const contact: Record<string, unknown> = { name: drawn.name ?? usual.contact.name };
    if (drawn.phone !== undefined || !('phone' in drawn)) {
      contact['phone'] = 'phone' in drawn ? drawn.phone : usual.contact.phone;
    }
    if (drawn.email !== undefined) contact['email'] = drawn.email;
    const input: Record<string, unknown> = {
      ...usual,
      ...(drawn.id !== undefined ? { id: drawn.id } : {}),
      ...(drawn.specialistId !== undefined ? { specialistId: drawn.specialistId } : {}),
      ...(drawn.siteId !== undefined ? { siteId: drawn.siteId } : {}),
      ...(drawn.start !== undefined ? { start: drawn.start } : {}),
      ...('seats' in drawn ? { seats: drawn.seats } : {}),
      ...('status' in drawn ? { status: drawn.status } : {}),
      ...(drawn.childAge !== undefined ? { childAge: drawn.childAge } : {}),
      ...(drawn.consent !== undefined ? { personalDataConsent: drawn.consent } : {}),
      ...(drawn.updatedAt !== undefined ? { updatedAt: drawn.updatedAt } : {}),
      ...drawn.extra,
      contact,
    };
    return input;
  });

/** What parsing gives: the booking, or the issues of the `ValidationError`. */
function outcome(parse: () => unknown): unknown {
  try {
    return { booking: parse() };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { issues: error.issues };
  }
}

describe('parseNewBooking', () => {
  it('gives what parseBooking gives, booking or issues, for any input', () => {
    let fast = 0;
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const asIs = newBookingAsIs(input);
        if (asIs !== undefined) {
          fast += 1;
          expect(asIs).toStrictEqual(parseBooking(input));
        }
        expect(outcome(() => parseNewBooking(input))).toStrictEqual(
          outcome(() => parseBooking(input)),
        );
      }),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(20);
  });

  it('takes the usual new booking as it is', () => {
    expect(newBookingAsIs(usual)).toStrictEqual(parseBooking(usual));
    expect(newBookingAsIs({ ...usual, contact: { name: 'Анна', email: 'a@example.org' } })).toEqual(
      expect.objectContaining({ contact: { name: 'Анна', email: 'a@example.org' } }),
    );
  });

  it('does not change its input', () => {
    const input = structuredClone(usual);
    parseNewBooking(input);
    expect(input).toStrictEqual(usual);
  });
});
