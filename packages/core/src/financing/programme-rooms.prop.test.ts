// Rooms for programme groups: the overlap and free-hours laws against plain restatements
// (minute by minute, day by day), and the judge's messages on worked examples.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { InventoryRoom } from '../inventory/index.js';
import { dayNumber } from './calendar.js';
import { programmeSchema, type Programme } from './programme.js';
import {
  assertRoomsFit,
  fitsFreeHours,
  judgeProgrammeRooms,
  meetingsOverlap,
  roomBookingsOf,
  roomSuggestionQuerySchema,
  suggestRooms,
  type RoomMeeting,
} from './programme-rooms.js';

const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const isoOf = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
const base = dayNumber('2026-09-01');

const meetingArb: fc.Arbitrary<RoomMeeting> = fc
  .record({
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }),
    from: fc.integer({ min: 8 * 4, max: 20 * 4 }),
    length: fc.integer({ min: 1, max: 12 }),
    start: fc.integer({ min: 0, max: 60 }),
    days: fc.integer({ min: 0, max: 60 }),
  })
  .map((m) => ({
    weekdays: m.weekdays,
    from: clock(m.from * 15),
    to: clock((m.from + m.length) * 15),
    start: isoOf(base + m.start),
    end: isoOf(base + m.start + m.days),
  }));

/**
 * Plain restatement: the groups share a quarter-hour of the clock, a weekday of their weekly
 * pattern, and a civil day of their date ranges (each found by enumeration). The rule is about
 * weekly patterns: two groups sharing Tuesdays and a date range clash even when the shared
 * range is a few days holding no Tuesday (conservative: a room is booked for the pattern).
 */
function overlapByEnumeration(a: RoomMeeting, b: RoomMeeting): boolean {
  const minute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  let sharedMinute = false;
  for (let m = 0; m < 24 * 60; m += 15) {
    if (minute(a.from) <= m && m < minute(a.to) && minute(b.from) <= m && m < minute(b.to)) {
      sharedMinute = true;
    }
  }
  const sharedWeekday = [1, 2, 3, 4, 5, 6, 7].some(
    (day) => a.weekdays.includes(day) && b.weekdays.includes(day),
  );
  let sharedDay = false;
  for (let day = dayNumber(a.start); day <= dayNumber(a.end); day += 1) {
    if (dayNumber(b.start) <= day && day <= dayNumber(b.end)) sharedDay = true;
  }
  return sharedMinute && sharedWeekday && sharedDay;
}

describe('meetingsOverlap', () => {
  test('is symmetric and agrees with the minute-by-minute restatement', () => {
    fc.assert(
      fc.property(meetingArb, meetingArb, (a, b) => {
        expect(meetingsOverlap(a, b)).toBe(meetingsOverlap(b, a));
        expect(meetingsOverlap(a, b)).toBe(overlapByEnumeration(a, b));
      }),
      { numRuns: 500 },
    );
  });

  test('a meeting overlaps itself; one ending when the other starts does not', () => {
    fc.assert(
      fc.property(meetingArb, (a) => {
        expect(meetingsOverlap(a, a)).toBe(true);
        expect(meetingsOverlap(a, { ...a, from: a.to, to: '23:59' })).toBe(a.to === '23:59');
      }),
    );
  });
});

const freeArb = fc.array(
  fc
    .record({
      weekday: fc.integer({ min: 1, max: 7 }),
      from: fc.integer({ min: 8 * 4, max: 20 * 4 }),
      length: fc.integer({ min: 1, max: 16 }),
    })
    .map((r) => ({
      weekday: r.weekday,
      from: clock(r.from * 15),
      to: clock((r.from + r.length) * 15),
    })),
  { maxLength: 6 },
);

describe('fitsFreeHours', () => {
  test('a lesson fits exactly when each of its quarter-hours lies in some free range that day', () => {
    fc.assert(
      fc.property(freeArb, meetingArb, (free, meeting) => {
        const minute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
        const expected = meeting.weekdays.every((weekday) => {
          for (let m = minute(meeting.from); m < minute(meeting.to); m += 15) {
            const covered = free.some(
              (range) =>
                range.weekday === weekday && minute(range.from) <= m && m + 15 <= minute(range.to),
            );
            if (!covered) return false;
          }
          return true;
        });
        expect(fitsFreeHours(free, meeting.weekdays, meeting.from, meeting.to)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

const room = (over: Partial<InventoryRoom> = {}): InventoryRoom => ({
  id: 'cdt-02',
  organizationId: 'cdt',
  name: 'Кабинет информатики № 2',
  address: 'г. Мичуринск, ул. Красная, 6',
  area: 39,
  capacity: 14,
  activities: ['educational'],
  equipment: ['компьютеры'],
  access: 'none',
  freeHours: [
    { weekday: 1, from: '14:00', to: '18:00' },
    { weekday: 2, from: '14:00', to: '18:00' },
  ],
  ...over,
});

const programme = (groups: object[], id = 'cdt-robot', providerId = 'cdt'): Programme =>
  programmeSchema.parse({
    id,
    name: id === 'cdt-robot' ? 'Робототехника' : 'Шахматы',
    providerId,
    fundingKind: 'funded',
    direction: 'technical',
    ageFrom: 7,
    ageTo: 12,
    hours: 72,
    groupSize: { min: 5, max: 14 },
    modules: [{ id: `${id}-m1`, name: 'Модуль', hours: 72, groups }],
  });

const group = (over: object = {}) => ({
  id: 'g1',
  name: 'Группа 1',
  start: '2026-09-01',
  end: '2027-05-31',
  capacity: 12,
  weekdays: [2],
  time: { from: '15:00', to: '16:30' },
  roomId: 'cdt-02',
  ...over,
});

describe('judgeProgrammeRooms', () => {
  test('a group that fits has no problem; without a room nothing is judged', () => {
    expect(judgeProgrammeRooms(programme([group()]), [room()], [])).toEqual([]);
    expect(judgeProgrammeRooms(programme([group({ roomId: undefined })]), [], [])).toEqual([]);
  });

  test('each misfit names the room and the group in Russian and English', () => {
    const problems = judgeProgrammeRooms(
      programme([group({ capacity: 20, weekdays: [2, 3] })]),
      [room({ activities: ['sport'] })],
      [],
    );
    expect(problems.map((problem) => problem.code)).toEqual([
      'room-too-small',
      'room-not-licensed',
      'room-not-free',
    ]);
    for (const problem of problems) {
      expect(problem.message.ru).toContain('«Кабинет информатики № 2»');
      expect(problem.message.ru).toContain('«Группа 1»');
      expect(problem.message.en).toContain('"Группа 1"');
      expect(problem.message.ru).not.toContain('cdt-02');
      expect(problem.path).toEqual(['modules', 0, 'groups', 0, 'roomId']);
    }
    expect(problems[2]?.message.ru).toContain('ср 15:00–16:30');
    expect(() => assertRoomsFit(problems)).toThrow(/вмещает 14/);
    const unknown = judgeProgrammeRooms(programme([group()]), [], []);
    expect(unknown.map((problem) => problem.code)).toEqual(['room-unknown']);
  });

  test('another organization\u2019s group in the room at an overlapping time is a 409 without its name', () => {
    const other = roomBookingsOf(
      programme(
        [group({ id: 'x1', name: 'Шахматы-1', time: { from: '16:00', to: '17:00' } })],
        'dk-chess',
        'dk',
      ),
    );
    const problems = judgeProgrammeRooms(programme([group()]), [room()], other);
    expect(problems.map((problem) => problem.code)).toEqual(['room-taken']);
    expect(problems[0]?.message.ru).toContain('группа другой организации');
    expect(problems[0]?.message.ru).not.toContain('Шахматы');
    expect(() => assertRoomsFit(problems)).toThrow(
      expect.objectContaining({ _tag: 'ConflictError', reason: 'room-taken' }),
    );
    // Back to back is fine; its own bookings never count against a programme.
    const later = roomBookingsOf(
      programme([group({ id: 'x1', time: { from: '16:30', to: '17:30' } })], 'dk-chess', 'dk'),
    );
    expect(judgeProgrammeRooms(programme([group()]), [room()], later)).toEqual([]);
    const self = roomBookingsOf(programme([group()]));
    expect(judgeProgrammeRooms(programme([group()]), [room()], self)).toEqual([]);
  });

  test('two groups of one programme in one room at once clash, naming the other group', () => {
    const problems = judgeProgrammeRooms(
      programme([group(), group({ id: 'g2', name: 'Группа 2' })]),
      [room()],
      [],
    );
    expect(problems.map((problem) => problem.code)).toEqual(['room-taken', 'room-taken']);
    expect(problems[0]?.message.ru).toContain('«Группа 2»');
  });
});

describe('suggestRooms', () => {
  test('offers only rooms that fit and are not taken, own organization first, fewest empty seats next', () => {
    const rooms = [
      room({ id: 'big', name: 'Большой зал', capacity: 40, organizationId: 'dk' }),
      room({ id: 'own', name: 'Свой кабинет', capacity: 30 }),
      room({ id: 'snug', name: 'Тесный', capacity: 12, organizationId: 'dk' }),
      room({ id: 'small', name: 'Мал', capacity: 5 }),
      room({ id: 'sport', name: 'Спортзал', activities: ['sport'] }),
      room({ id: 'taken', name: 'Занятый', capacity: 12, organizationId: 'dk' }),
    ];
    const booked = roomBookingsOf(
      programme([group({ id: 'x', roomId: 'taken' })], 'dk-chess', 'dk'),
    );
    const names = suggestRooms(
      rooms,
      [{ id: 'cdt', name: 'ЦДТ', kind: 'additional-education' }],
      booked,
      {
        weekdays: [2],
        from: '15:00',
        to: '16:30',
        places: 12,
        organizationId: 'cdt',
      },
    ).map((suggestion) => suggestion.name);
    expect(names).toEqual(['Свой кабинет', 'Тесный', 'Большой зал']);
  });

  test('every suggestion passes the judge', () => {
    fc.assert(
      fc.property(freeArb, meetingArb, fc.integer({ min: 1, max: 30 }), (free, meeting, places) => {
        const rooms = [room({ freeHours: free, capacity: 20 })];
        const suggested = suggestRooms(rooms, [], [], {
          ...roomSuggestionQuerySchema.parse({ ...meeting, places }),
        });
        const judged = judgeProgrammeRooms(
          programme([
            group({ ...meeting, time: { from: meeting.from, to: meeting.to }, capacity: places }),
          ]),
          rooms,
          [],
        );
        expect(suggested.length === 1).toBe(judged.length === 0);
      }),
      { numRuns: 300 },
    );
  });
});
