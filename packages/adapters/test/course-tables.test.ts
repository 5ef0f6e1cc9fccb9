import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { courseTableCsv, importCourseNetworkTable } from '@eduset/adapters';
import {
  courseNetworkTables,
  createCourseNetwork,
  mergeCourseNetworkTable,
  type CourseNetwork,
  type CourseNetworkTable,
  type GridTime,
} from '@eduset/core/courses';
import data from '../../../examples/data/udomlya-courses.json' with { type: 'json' };

const network = createCourseNetwork(data);

const sortTimes = (times: readonly GridTime[]): GridTime[] =>
  [...times].sort((a, b) => a.day - b.day || a.period - b.period);

/** The network with busy periods in the order a file lists them (by day, then period). */
function canonical(value: CourseNetwork): CourseNetwork {
  return {
    ...value,
    rooms: value.rooms.map((room) => ({ ...room, unavailable: sortTimes(room.unavailable) })),
    teachers: value.teachers.map((t) => ({ ...t, unavailable: sortTimes(t.unavailable) })),
  };
}

async function roundTrip(source: CourseNetwork, table: CourseNetworkTable) {
  const csv = courseTableCsv(source, table);
  const result = await importCourseNetworkTable(table, csv, { equipment: source.equipment });
  expect(result.rejected).toEqual([]);
  const merge = mergeCourseNetworkTable(source, table, result.accepted);
  expect(merge.rejected).toEqual([]);
  return merge.network;
}

// Text a person writes: no edge blanks; it may start like a spreadsheet formula (`=Lab`,
// `+7 …`, `-2+3`): the export neutralises it with a `'` and the import takes the mark off.
// Only text that itself starts with that mark before a formula character is left out.
const text = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 30 }),
    fc
      .tuple(fc.constantFrom('=', '+', '-', '@'), fc.string({ maxLength: 29 }))
      .map(([a, b]) => a + b),
  )
  .map((s) => s.trim())
  .filter((s) => s !== '' && !/^'[=+\-@\t\r]/.test(s));
const times = fc
  .uniqueArray(
    fc.record({
      day: fc.constantFrom(...network.weekGrid.days),
      period: fc.nat({ max: network.weekGrid.periods.length - 1 }),
    }),
    { selector: (t) => `${t.day}:${t.period}`, maxLength: 6 },
  )
  .map(sortTimes);

describe('course network tables as files (issue 17 §2)', () => {
  it.each(courseNetworkTables)(
    'the %s table exported as CSV imports to the same network',
    async (table) => {
      expect(await roundTrip(network, table)).toEqual({
        ...network,
        [table]: canonical(network)[table],
      });
    },
  );

  it('round trip: rooms and teachers with any names, seats, equipment and busy periods', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            name: text,
            capacity: fc.integer({ min: 1, max: 500 }),
            equipment: fc.subarray(network.equipment.map((kind) => kind.id)),
            unavailable: times,
          }),
          { minLength: network.rooms.length, maxLength: network.rooms.length },
        ),
        fc.array(fc.record({ name: text, unavailable: times }), {
          minLength: network.teachers.length,
          maxLength: network.teachers.length,
        }),
        async (rooms, teachers) => {
          const changed = createCourseNetwork({
            ...network,
            rooms: network.rooms.map((room, index) => ({ ...room, ...rooms[index] })),
            teachers: network.teachers.map((t, index) => ({ ...t, ...teachers[index] })),
          });
          expect(await roundTrip(changed, 'rooms')).toEqual(changed);
          expect(await roundTrip(changed, 'teachers')).toEqual(changed);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('every row is taken or refused with reasons in Russian and English', async () => {
    const csv = [
      'Код;Ресурсный центр;Название;Мест;Оборудование;Занято',
      'r-new;rc-school-1;Кабинет 1;20;компьютеры;пн 1',
      'r-bad-centre;nowhere;Кабинет 2;20;;',
      'r-bad-seats;rc-school-1;Кабинет 3;много;;',
      'r-bad-kit;rc-school-1;Кабинет 4;20;телескоп;',
      'r-bad-time;rc-school-1;Кабинет 5;20;;когда-нибудь',
    ].join('\n');
    const result = await importCourseNetworkTable('rooms', csv, { equipment: network.equipment });
    expect(result.accepted.length + result.rejected.length).toBe(result.rows);
    const merge = mergeCourseNetworkTable(network, 'rooms', result.accepted, 'merge');
    const refused = [...result.rejected, ...merge.rejected].sort((a, b) => a.row - b.row);
    expect(refused.map((row) => row.row)).toEqual([3, 4, 5, 6]);
    expect(merge.accepted).toEqual([2]);
    for (const row of refused) {
      for (const issue of row.issues) {
        expect(issue.message.ru).toMatch(/[а-яё]/i);
        expect(issue.message.en).toMatch(/[a-z]/i);
      }
    }
    expect(merge.network?.rooms.find((room) => room.id === 'r-new')).toMatchObject({
      equipment: ['computers'],
      unavailable: [{ day: 1, period: 0 }],
    });
    expect(merge.network?.rooms.length).toBe(network.rooms.length + 1);
  });

  it('replacing a table others refer to is a problem of the network, not of a row', async () => {
    const csv =
      'Код;Профиль;Название;Часов;Занятий в неделю;Макс. группа\npython;it;Python;68;2;15';
    const result = await importCourseNetworkTable('courses', csv);
    const merge = mergeCourseNetworkTable(network, 'courses', result.accepted, 'replace');
    expect(merge.network).toBeUndefined();
    expect(merge.networkIssues.length).toBeGreaterThan(0);
    expect(merge.accepted).toEqual([2]);
  });
});
