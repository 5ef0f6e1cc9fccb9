import { describe, expect, it } from 'vitest';
import { parse, ValidationError } from '../common/index.js';
import {
  bookingRequestSchema,
  cancelBookingBodySchema,
  networkQueryOnlySchema,
  slotsQuerySchema,
} from './api.js';

const valid = {
  specialistId: 'psy-ivanova',
  siteId: 'kp-teremok',
  serviceId: 'consultation',
  start: '2026-05-12T06:00:00Z',
  end: '2026-05-12T06:45:00Z',
  childAge: 4,
  contact: { name: ' Анна ', phone: '8 912 345-67-89' },
  personalDataConsent: true,
};

function issuesOf(run: () => unknown): readonly { path: readonly (string | number)[] }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  return [];
}

describe('the booking request contract', () => {
  it('normalizes a valid request (instants, phone, name, default seats)', () => {
    const request = parse(bookingRequestSchema, valid);
    expect(request.start).toBe('2026-05-12T06:00:00.000Z');
    expect(request.contact).toEqual({ name: 'Анна', phone: '+79123456789' });
    expect(request.seats).toBe(1);
  });

  it('does not mutate its input', () => {
    const input = structuredClone(valid);
    parse(bookingRequestSchema, input);
    expect(input).toEqual(valid);
  });

  it('refuses NUL characters, 30 February and years outside 1900–2200, each at its path', () => {
    const bad = {
      ...valid,
      siteId: 'kp\u0000',
      start: '2027-02-30T08:00:00.000Z',
      end: '9999-12-31T23:00:00Z',
      contact: { name: 'А\u0000', phone: '+79123456789' },
    };
    const paths = issuesOf(() => parse(bookingRequestSchema, bad)).map((issue) =>
      issue.path.join('.'),
    );
    expect(paths).toEqual(expect.arrayContaining(['siteId', 'start', 'end', 'contact.name']));
  });

  it('reports every problem at once, unknown fields included', () => {
    const issues = issuesOf(() =>
      parse(bookingRequestSchema, { ...valid, childAge: 40, personalDataConsent: false, x: 1 }),
    );
    expect(issues.length).toBeGreaterThanOrEqual(3);
  });
});

describe('the other request contracts', () => {
  it('refuse NUL ids and years 0000 / 9999', () => {
    expect(networkQueryOnlySchema.safeParse({ network: '\u0000' }).success).toBe(false);
    expect(cancelBookingBodySchema.safeParse({ token: 'a\u0000' }).success).toBe(false);
    for (const [from, to] of [
      ['0000-01-01', '0000-01-02'],
      ['9999-12-01', '9999-12-31'],
      ['2027-02-30', '2027-03-01'],
    ]) {
      expect(slotsQuerySchema.safeParse({ serviceId: 'x', from, to }).success).toBe(false);
    }
    expect(
      slotsQuerySchema.safeParse({ serviceId: 'x', from: '2027-02-01', to: '2027-02-28' }).success,
    ).toBe(true);
  });
});
