// The inventory's search and summary: property tests against plain restatements.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ValidationError } from '../common/index.js';
import { weekGridSchema } from '../courses/model.js';
import {
  courseRoomsOfInventory,
  createInventory,
  equipmentKey,
  inventorySummary,
  minutesOf,
  roomFilterOfQuery,
  roomsQuerySchema,
  searchRooms,
  searchStaff,
  type InventoryRoom,
  type RoomFilter,
} from './index.js';

const time = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const words = ['проектор', 'Ноутбуки', 'интерактивная доска', 'станки', 'пианино', 'микроскопы'];
const organizations = ['cdt', 'school-5', 'dk'];

const rangeArb = fc
  .tuple(
    fc.integer({ min: 1, max: 7 }),
    fc.integer({ min: 0, max: 47 }),
    fc.integer({ min: 1, max: 12 }),
  )
  .map(([weekday, start, length]) => ({
    weekday,
    from: time(start * 30),
    to: time(Math.min(48, start + length) * 30),
  }));

const roomArb = (index: number) =>
  fc
    .record({
      organizationId: fc.constantFrom(...organizations),
      area: fc.integer({ min: 1, max: 50_000 }).map((cents) => cents / 100),
      capacity: fc.integer({ min: 1, max: 60 }),
      activities: fc.uniqueArray(
        fc.constantFrom('educational', 'extracurricular', 'upbringing', 'sport', 'cultural'),
        { minLength: 1 },
      ),
      equipment: fc.uniqueArray(fc.constantFrom(...words), { maxLength: 4 }),
      access: fc.constantFrom('step-free', 'none'),
      freeHours: fc.array(rangeArb, { maxLength: 6 }),
    })
    .map((room) => ({
      ...room,
      id: `r-${index}`,
      name: `Кабинет ${index}`,
      address: 'ул. Мира, 1',
    }));

const roomsArb = fc
  .integer({ min: 0, max: 25 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => roomArb(i))));

const filterArb: fc.Arbitrary<RoomFilter> = fc.record(
  {
    equipment: fc.uniqueArray(fc.constantFrom(...words.map((w) => ` ${w.toUpperCase()} `)), {
      maxLength: 2,
    }),
    minCapacity: fc.integer({ min: 1, max: 60 }),
    free: fc
      .tuple(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 47 }),
        fc.integer({ min: 1, max: 6 }),
      )
      .map(([weekday, start, length]) => ({
        weekday,
        from: time(start * 30),
        to: time(Math.min(48, start + length) * 30),
      })),
    organizationId: fc.constantFrom(...organizations),
    activity: fc.constantFrom('educational', 'sport', 'cultural'),
    stepFree: fc.boolean(),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<RoomFilter>;

/** The filter restated minute by minute: every minute of the range lies in some free range. */
function satisfies(room: InventoryRoom, filter: RoomFilter): boolean {
  const checks: boolean[] = [
    filter.organizationId === undefined || room.organizationId === filter.organizationId,
    filter.minCapacity === undefined || room.capacity >= filter.minCapacity,
    filter.activity === undefined || room.activities.includes(filter.activity),
    filter.stepFree !== true || room.access === 'step-free',
    (filter.equipment ?? []).every((wanted) =>
      room.equipment.some((has) => has.toLowerCase() === wanted.trim().toLowerCase()),
    ),
  ];
  if (filter.free !== undefined) {
    const { weekday } = filter.free;
    for (
      let minute = minutesOf(filter.free.from);
      minute < minutesOf(filter.free.to);
      minute += 1
    ) {
      const covered = room.freeHours.some(
        (range) =>
          range.weekday === weekday &&
          minutesOf(range.from) <= minute &&
          minute < minutesOf(range.to),
      );
      if (!covered) checks.push(false);
    }
  }
  return checks.every(Boolean);
}

describe('searchRooms', () => {
  test('returns exactly the rooms that satisfy every filter, in order', () => {
    fc.assert(
      fc.property(roomsArb, filterArb, (raw, filter) => {
        const { rooms } = createInventory({
          organizations: organizations.map((id) => ({ id, name: id, kind: 'school' })),
          rooms: raw,
          staff: [],
        });
        const found = searchRooms(rooms, filter);
        expect(found).toEqual(rooms.filter((room) => satisfies(room, filter)));
      }),
      { numRuns: 300 },
    );
  });

  test('more filters never find more rooms', () => {
    fc.assert(
      fc.property(roomsArb, filterArb, filterArb, (raw, a, b) => {
        const { rooms } = createInventory({
          organizations: organizations.map((id) => ({ id, name: id, kind: 'school' })),
          rooms: raw,
          staff: [],
        });
        const both = searchRooms(searchRooms(rooms, a), b);
        for (const room of both) expect(searchRooms(rooms, a)).toContain(room);
      }),
    );
  });

  test('adjacent free ranges join: 15:00–16:00 and 16:00–17:00 hold 15:30–16:30', () => {
    const room = createInventory({
      organizations: [{ id: 'cdt', name: 'ЦДТ', kind: 'additional-education' }],
      rooms: [
        {
          id: 'r',
          organizationId: 'cdt',
          name: 'Зал',
          address: 'ул. Мира, 1',
          area: 10,
          capacity: 5,
          activities: ['sport'],
          equipment: ['Маты'],
          access: 'none',
          freeHours: [
            { weekday: 1, from: '16:00', to: '17:00' },
            { weekday: 1, from: '15:00', to: '16:00' },
          ],
        },
      ],
      staff: [],
    }).rooms;
    expect(searchRooms(room, { free: { weekday: 1, from: '15:30', to: '16:30' } })).toHaveLength(1);
    expect(searchRooms(room, { free: { weekday: 2, from: '15:30', to: '16:30' } })).toHaveLength(0);
    expect(searchRooms(room, { equipment: ['маты'] })).toHaveLength(1);
  });

  test('the query of the route becomes the same filter', () => {
    const query = roomsQuerySchema.parse({
      equipment: 'проектор, ноутбуки',
      minCapacity: '20',
      weekday: '2',
      from: '15:00',
      to: '17:00',
      stepFree: 'true',
    });
    expect(roomFilterOfQuery(query)).toEqual({
      equipment: ['проектор', 'ноутбуки'],
      minCapacity: 20,
      free: { weekday: 2, from: '15:00', to: '17:00' },
      stepFree: true,
    });
    expect(roomsQuerySchema.safeParse({ weekday: '2' }).success).toBe(false);
    expect(roomsQuerySchema.safeParse({ weekday: '2', from: '17:00', to: '15:00' }).success).toBe(
      false,
    );
  });
});

describe('inventorySummary', () => {
  test('its m² equal the sum over rooms, and its kinds add up to the totals', () => {
    fc.assert(
      fc.property(
        roomsArb,
        fc.array(fc.constantFrom('school', 'culture', 'sport', 'preschool'), {
          minLength: 3,
          maxLength: 3,
        }),
        fc.integer({ min: 0, max: 10 }),
        (raw, kinds, staffCount) => {
          const inventory = createInventory({
            organizations: organizations.map((id, i) => ({ id, name: id, kind: kinds[i] })),
            rooms: raw,
            staff: Array.from({ length: staffCount }, (_, i) => ({
              id: `s-${i}`,
              name: `Педагог ${i}`,
              organizationId: organizations[i % 3],
              subjects: ['химия'],
              hoursPerWeek: 2,
              travelsTo: [],
            })),
          });
          const summary = inventorySummary(inventory);
          const cents = inventory.rooms.reduce((sum, room) => sum + Math.round(room.area * 100), 0);
          expect(summary.area).toBe(cents / 100);
          expect(summary.rooms).toBe(raw.length);
          expect(summary.staff).toBe(staffCount);
          expect(summary.organizations).toBe(3);
          const sum = (key: 'organizations' | 'rooms' | 'staff') =>
            summary.byOrganizationKind.reduce((total, row) => total + row[key], 0);
          expect(sum('organizations')).toBe(3);
          expect(sum('rooms')).toBe(raw.length);
          expect(sum('staff')).toBe(staffCount);
          const kindCents = summary.byOrganizationKind.reduce(
            (total, row) => total + Math.round(row.area * 100),
            0,
          );
          expect(kindCents).toBe(cents);
          for (const row of summary.byActivity) {
            const fit = inventory.rooms.filter((room) => room.activities.includes(row.activity));
            expect(row.rooms).toBe(fit.length);
            expect(Math.round(row.area * 100)).toBe(
              fit.reduce((total, room) => total + Math.round(room.area * 100), 0),
            );
          }
          expect(JSON.stringify(summary)).not.toContain('Педагог');
        },
      ),
    );
  });
});

describe('the inventory model', () => {
  test('a room of an unknown organization and a repeated id are refused', () => {
    const room = {
      id: 'r',
      organizationId: 'nowhere',
      name: 'Зал',
      address: 'ул. Мира, 1',
      area: 10.5,
      capacity: 5,
      activities: ['sport'],
      equipment: [],
      access: 'none',
      freeHours: [],
    };
    let message = '';
    try {
      createInventory({ organizations: [], rooms: [room, room], staff: [] });
    } catch (error) {
      message = (error as ValidationError).issues.map((issue) => issue.message.ru).join('; ');
    }
    expect(message).toContain('Нет организации «nowhere»');
    expect(message).toContain('Код «r» повторяется');
  });

  test('searchStaff finds a part of a subject and an organization they travel to', () => {
    const staff = [
      {
        id: 'a',
        name: 'А',
        organizationId: 'cdt',
        subjects: ['Химия'],
        hoursPerWeek: 2,
        travelsTo: ['school-5'],
      },
      {
        id: 'b',
        name: 'Б',
        organizationId: 'dk',
        subjects: ['хор'],
        hoursPerWeek: 2,
        travelsTo: [],
      },
    ];
    expect(
      searchStaff(staff, { subject: 'хим', organizationId: 'school-5' }).map((s) => s.id),
    ).toEqual(['a']);
    expect(searchStaff(staff, { organizationId: 'dk' }).map((s) => s.id)).toEqual(['b']);
    expect(equipmentKey(' Ёлка  ')).toBe('елка');
  });
});

describe('courseRoomsOfInventory', () => {
  const grid = weekGridSchema.parse({
    days: [1, 2, 3, 4, 5, 6],
    periods: [
      { start: '14:30', end: '15:15' },
      { start: '15:25', end: '16:10' },
      { start: '16:20', end: '17:05' },
      { start: '17:15', end: '18:00' },
    ],
  });
  test('a period is offered exactly when every minute of it is free; rooms of other organizations stay out', () => {
    fc.assert(
      fc.property(roomsArb, (raw) => {
        const inventory = createInventory({
          organizations: organizations.map((id) => ({ id, name: id, kind: 'school' })),
          rooms: raw,
          staff: [],
        });
        const offers = courseRoomsOfInventory(inventory, {
          resourceCentres: new Map([
            ['cdt', 'rc-cdt'],
            ['school-5', 'rc-school-5'],
          ]),
          equipment: [
            { id: 'projector', name: { ru: 'Проектор', en: 'projector' } },
            { id: 'laptops', name: { ru: 'ноутбуки', en: 'laptops' } },
          ],
          weekGrid: grid,
        });
        const offered = inventory.rooms.filter((room) => room.organizationId !== 'dk');
        expect(offers.map((offer) => offer.room.id)).toEqual(offered.map((room) => room.id));
        for (const [index, offer] of offers.entries()) {
          const room = offered[index] as InventoryRoom;
          const expected = grid.days.flatMap((day) =>
            grid.periods.flatMap((period, at) =>
              satisfies(room, { free: { weekday: day, from: period.start, to: period.end } })
                ? [{ day, period: at }]
                : [],
            ),
          );
          expect(offer.free).toEqual(expected);
          const known = room.equipment.filter((word) =>
            ['проектор', 'ноутбуки'].includes(word.toLowerCase()),
          );
          expect(offer.room.equipment.length).toBe(known.length);
          expect(offer.unknownEquipment.length).toBe(room.equipment.length - known.length);
        }
      }),
    );
  });
});
