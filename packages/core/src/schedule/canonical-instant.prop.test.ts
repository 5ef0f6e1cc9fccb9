import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantSchema, isCanonicalInstant } from './instant.js';

/** What the schema says: accepted, and output unchanged. */
function schemaKeepsAsIs(text: string): boolean {
  const result = instantSchema.safeParse(text);
  return result.success && result.data === text;
}

describe('the fast check of canonical instants', () => {
  it('agrees with instantSchema on every text of an instant', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00.000Z'),
          max: new Date('2200-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const text = date.toISOString();
          expect(isCanonicalInstant(text)).toBe(true);
          expect(schemaKeepsAsIs(text)).toBe(true);
        },
      ),
    );
  });

  it('refuses days that do not exist and years outside 1900–2200', () => {
    for (const text of [
      '2027-02-30T08:00:00.000Z',
      '2027-02-30T08:00:00Z',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '1899-12-31T23:59:59Z',
      '2201-01-01T00:00:00Z',
    ]) {
      expect(instantSchema.safeParse(text).success).toBe(false);
    }
    expect(instantSchema.safeParse('2200-12-31T23:59:59Z').success).toBe(true);
  });

  it('agrees with instantSchema on near-misses and arbitrary text', () => {
    const field = (max: number, width = 2) =>
      fc.integer({ min: 0, max }).map((n) => String(n).padStart(width, '0'));
    const nearMiss = fc
      .tuple(field(9999, 4), field(13), field(32), field(24), field(60), field(60), field(999, 3))
      .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
    fc.assert(
      fc.property(fc.oneof(nearMiss, fc.string()), (text) => {
        expect(isCanonicalInstant(text)).toBe(schemaKeepsAsIs(text));
      }),
      { numRuns: 2000 },
    );
    for (const text of [
      '2026-02-29T00:00:00.000Z',
      '2024-02-29T00:00:00.000Z',
      '2026-04-31T00:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-01-01T00:00:00Z',
      '2027-02-30T08:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
    ]) {
      expect(isCanonicalInstant(text)).toBe(schemaKeepsAsIs(text));
    }
  });
});
