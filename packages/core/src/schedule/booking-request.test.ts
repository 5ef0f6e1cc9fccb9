import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookingRequestHeadersSchema, bookingRequestSchema } from './api.js';
import { bookingRequestAsIs, bookingRequestHeadersAsIs } from './booking-request.js';

/** A request as the booking widget (and the benchmark) sends it. */
const usual = {
  specialistId: 'psy-ivanova',
  siteId: 'kp-teremok',
  serviceId: 'speech',
  start: '2026-05-12T06:00:00.000Z',
  end: '2026-05-12T06:45:00.000Z',
  childAge: 4,
  contact: { name: 'Анна Смирнова', phone: '+7 912 345-67-89' },
  personalDataConsent: true,
};

/** Mostly the usual value, else one of several others, valid or not. */
function mostly<T>(value: T, ...others: T[]): fc.Arbitrary<T> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant(value) },
    { weight: 2, arbitrary: fc.constantFrom(value, ...others) },
  );
}

const absent = Symbol('absent');

/** Each field as usual, absent, or one of several other values, valid or not. */
const inputArbitrary = fc
  .record({
    network: mostly<unknown>(absent, 'udomlya', ' udomlya', '', 'n'.repeat(129), 'n\u0000', 5),
    specialistId: mostly<unknown>(usual.specialistId, absent, ' psy', 'p'.repeat(129), '', 7),
    siteId: mostly<unknown>(usual.siteId, 'kp.teremok:1', 'я'.repeat(128), 'kp\u0000'),
    serviceId: mostly<unknown>(usual.serviceId, 'speech ', null),
    start: mostly<unknown>(
      usual.start,
      '2026-05-12T06:00:00Z',
      '2026-05-12T06:00:00.000+03:00',
      '2027-02-30T06:00:00.000Z',
      '1800-05-12T06:00:00.000Z',
      '2026-05-12',
      absent,
    ),
    end: mostly<unknown>(usual.end, '2026-05-12T05:00:00.000Z', '2026-05-12T06:45:00Z', 0),
    seats: mostly<unknown>(absent, 1, 2, 4, 5, 0, 1.5, '1', null, Number.NaN),
    childAge: mostly<unknown>(4, 0, 25, 26, -1, 4.5, '4', absent),
    name: mostly<unknown>(
      'Анна',
      ' Анна',
      'Анна ',
      '',
      '  ',
      'я'.repeat(200),
      'я'.repeat(201),
      'A\u0000',
      3,
    ),
    phone: mostly<unknown>(
      usual.contact.phone,
      '+79123456789',
      '8 912 345-67-89',
      '9123456789',
      '+4930123456',
      '12',
      '',
      ' ',
      ' +7 912 345 67 89 ',
      79123456789,
      absent,
    ),
    email: mostly<unknown>(
      absent,
      'anna@example.org',
      'Anna@Example.org',
      ' anna@example.org',
      'not-an-email',
      '',
      '   ',
      'a\u0000@example.org',
    ),
    contactExtra: mostly<Record<string, unknown>>({}, { telegram: '@anna' }, { phone2: '1' }),
    consent: mostly<unknown>(true, false, 'true', absent),
    consentVersion: mostly<unknown>(absent, '2026-12-01', ' 2026-12-01', '', 'v'.repeat(65)),
    note: mostly<unknown>(
      absent,
      'Плохо говорит «р»',
      ' x ',
      '',
      '   ',
      'x'.repeat(501),
      'a\u0000',
    ),
    extra: mostly<Record<string, unknown>>(
      {},
      { status: 'confirmed' },
      { id: 'b-1' },
      { seats: undefined },
    ),
  })
  .map((drawn) => {
    const put = (target: Record<string, unknown>, key: string, value: unknown) => {
      if (value !== absent) target[key] = value;
    };
    const contact: Record<string, unknown> = {};
    put(contact, 'name', drawn.name);
    put(contact, 'phone', drawn.phone);
    put(contact, 'email', drawn.email);
    Object.assign(contact, drawn.contactExtra);
    const input: Record<string, unknown> = {};
    put(input, 'network', drawn.network);
    put(input, 'specialistId', drawn.specialistId);
    put(input, 'siteId', drawn.siteId);
    put(input, 'serviceId', drawn.serviceId);
    put(input, 'start', drawn.start);
    put(input, 'end', drawn.end);
    put(input, 'seats', drawn.seats);
    put(input, 'childAge', drawn.childAge);
    input['contact'] = contact;
    put(input, 'personalDataConsent', drawn.consent);
    put(input, 'consentVersion', drawn.consentVersion);
    put(input, 'note', drawn.note);
    return { ...input, ...drawn.extra };
  });

describe('bookingRequestAsIs', () => {
  it('gives what bookingRequestSchema gives whenever it gives anything', () => {
    let fast = 0;
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const asIs = bookingRequestAsIs(input);
        if (asIs === undefined) return;
        fast += 1;
        const parsed = bookingRequestSchema.safeParse(input);
        expect(parsed.success).toBe(true);
        expect(asIs).toStrictEqual(parsed.data);
      }),
      { numRuns: 4000 },
    );
    expect(fast).toBeGreaterThan(100);
  });

  it('takes the usual request, as the widget sends it, as it is', () => {
    const asIs = bookingRequestAsIs(usual);
    expect(asIs).toStrictEqual(bookingRequestSchema.parse(usual));
    expect(asIs?.contact.phone).toBe('+79123456789');
    expect(asIs?.seats).toBe(1);
    const withEverything = {
      ...usual,
      network: 'udomlya',
      seats: 2,
      contact: { name: 'Анна', phone: '8 912 345-67-89', email: 'anna@example.org' },
      consentVersion: '2026-12-01',
      note: 'Плохо говорит «р»',
    };
    expect(bookingRequestAsIs(withEverything)).toStrictEqual(
      bookingRequestSchema.parse(withEverything),
    );
  });

  it('does not change its input', () => {
    const input = structuredClone(usual);
    bookingRequestAsIs(input);
    expect(input).toStrictEqual(usual);
  });
});

describe('bookingRequestHeadersAsIs', () => {
  it('gives what bookingRequestHeadersSchema gives whenever it gives anything', () => {
    fc.assert(
      fc.property(
        fc.option(fc.oneof(fc.string(), fc.constantFrom('k-1', 'x'.repeat(100), 'x'.repeat(101))), {
          nil: undefined,
        }),
        fc.dictionary(fc.string(), fc.string()),
        (key, others) => {
          const headers: Record<string, unknown> = { ...others };
          if (key !== undefined) headers['idempotency-key'] = key;
          const asIs = bookingRequestHeadersAsIs(headers);
          const parsed = bookingRequestHeadersSchema.safeParse(headers);
          if (asIs === undefined) {
            expect(parsed.success).toBe(false);
            return;
          }
          expect(parsed.success).toBe(true);
          expect(asIs).toStrictEqual(parsed.data);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
