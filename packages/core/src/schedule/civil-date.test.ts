import { tz } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, getISODay } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCivilDays, civilDaysBetween, isoWeekday } from './civil-date.js';

// The civil-date helpers once fell back on date-fns in the `UTC` context for anything but a
// real `YYYY-MM-DD`; they now use plain UTC `Date` arithmetic. Both must answer alike, also
// for the strange inputs (years past 9999, malformed dates, fractional or huge day counts).
const utc = tz('UTC');
const civil = (date: string): Date => utc(`${date}T00:00:00Z`);

function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : error;
  }
}

const oddDates = [
  '2026-03-23',
  '9999-12-31',
  '0000-01-01',
  '+010000-01-01',
  '-000001-12-31',
  '+275760-09-13',
  '2026-02-30',
  '2026-13-01',
  '2026-3-5',
  '',
  'не дата',
];
const someDate = fc.oneof(
  fc.constantFrom(...oddDates),
  fc
    .integer({ min: -9_000_000, max: 9_000_000 })
    .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10)),
  fc.string({ maxLength: 12 }),
);
const someDays = fc.oneof(
  fc.integer({ min: -4_000_000, max: 4_000_000 }),
  fc.constantFrom(0, 1.5, -0.5, Number.NaN, Infinity, -Infinity, 2 ** 53, 1e9),
);

describe('civil-date arithmetic answers as date-fns in UTC did', () => {
  it('isoWeekday', () => {
    fc.assert(
      fc.property(someDate, (date) => {
        expect(outcome(() => isoWeekday(date))).toEqual(
          outcome(() => getISODay(civil(date), { in: utc })),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('addCivilDays', () => {
    fc.assert(
      fc.property(someDate, someDays, (date, days) => {
        expect(outcome(() => addCivilDays(date, days))).toEqual(
          outcome(() => addDays(civil(date), days, { in: utc }).toISOString().slice(0, 10)),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('civilDaysBetween', () => {
    // The last day a Date can hold (+275760-09-13) is where date-fns stops being a fair
    // reference: it passes through the process's local time, which overflows there outside UTC
    // (TZ=America/New_York gives NaN). Plain UTC arithmetic counts it in every zone.
    expect(civilDaysBetween('+275760-09-13', '1970-01-01')).toBe(-100_000_000);
    expect(civilDaysBetween('1970-01-01', '+275760-09-13')).toBe(100_000_000);
    const last = '+275760-09-13';
    fc.assert(
      fc.property(someDate, someDate, (from, to) => {
        fc.pre(from !== last && to !== last);
        expect(outcome(() => civilDaysBetween(from, to))).toEqual(
          outcome(() => differenceInCalendarDays(civil(to), civil(from), { in: utc })),
        );
      }),
      { numRuns: 500 },
    );
  });
});
