import { describe, expect, it } from 'vitest';
import data from '../../../../examples/data/udomlya-courses.json' with { type: 'json' };
import { ValidationError } from '../common/index.js';
import { withInventoryFreeHours } from '../inventory/course-rooms.js';
import { enrolStudents } from './enrolment.js';
import { createCourseNetwork } from './model.js';
import { checkLectureMove } from './plan.js';
import { solveCourseNetwork, validateTimetable, type Session } from './timetable.js';

const network = createCourseNetwork(data);
const { enrolment } = enrolStudents(network);
const base = solveCourseNetwork(network, enrolment, { seed: 3, iterations: 6_000 }).timetable;

describe('pins', () => {
  it('keeps pinned lectures where the coordinator put them and solves the rest', () => {
    // Two lectures moved by hand to other places of the same group's rooms, then pinned.
    const [first, second] = base.sessions;
    if (first === undefined || second === undefined) throw new Error('no sessions');
    const periods = network.weekGrid.periods.length;
    const pins: Session[] = [
      { ...first, period: (first.period + 1) % periods },
      { ...second, day: network.weekGrid.days.find((d) => d !== second.day) ?? second.day },
    ];
    const solved = solveCourseNetwork(network, enrolment, { seed: 4, iterations: 6_000, pins });
    for (const pin of pins) expect(solved.timetable.sessions).toContainEqual(pin);
    const again = solveCourseNetwork(network, enrolment, { seed: 4, iterations: 6_000, pins });
    expect(again.timetable).toEqual(solved.timetable);
    expect(validateTimetable(network, enrolment, solved.timetable).hard).toBe(solved.solver.hard);
  });

  it('refuses a pin that does not fit the network', () => {
    expect(() =>
      solveCourseNetwork(network, enrolment, {
        seed: 1,
        iterations: 10,
        pins: [{ groupId: 'no-such-group', day: 1, period: 0, roomId: 'x' }],
      }),
    ).toThrow(ValidationError);
  });
});

describe('checkLectureMove', () => {
  it('shows the violations a hand move would add before it is saved', () => {
    const [first, second] = base.sessions;
    if (first === undefined || second === undefined) throw new Error('no sessions');
    // Moving a lecture onto another group's place in the same room: a room clash at least
    // (when the rooms are at the same centre), or the room is elsewhere.
    const check = checkLectureMove(network, enrolment, base, {
      groupId: first.groupId,
      from: { day: first.day, period: first.period },
      to: { day: second.day, period: second.period, roomId: second.roomId },
    });
    expect(check).toBeDefined();
    expect(check?.after.hard).toBeGreaterThan(check?.before.hard ?? 0);
    expect(check?.added.some((v) => v.hard)).toBe(true);
    expect(check?.timetable.sessions).toContainEqual({
      groupId: first.groupId,
      day: second.day,
      period: second.period,
      roomId: second.roomId,
    });
    // Moving it where it already is adds nothing.
    const still = checkLectureMove(network, enrolment, base, {
      groupId: first.groupId,
      from: { day: first.day, period: first.period },
      to: { day: first.day, period: first.period, roomId: first.roomId },
    });
    expect(still?.added).toEqual([]);
    expect(
      checkLectureMove(network, enrolment, base, {
        groupId: 'nope',
        from: { day: 1, period: 0 },
        to: { day: 1, period: 0, roomId: 'x' },
      }),
    ).toBeUndefined();
  });
});

describe('rooms not free for the network', () => {
  it('the solver never uses a room when it is unavailable, and the validator reports it', () => {
    // Every room of the network is unavailable on the first day of the grid.
    const firstDay = network.weekGrid.days[0] ?? 1;
    const busyDay = network.weekGrid.periods.map((_, period) => ({ day: firstDay, period }));
    const closed = createCourseNetwork({
      ...data,
      rooms: network.rooms.map((room) => ({ ...room, unavailable: busyDay })),
    });
    const solved = solveCourseNetwork(closed, enrolment, { seed: 2, iterations: 6_000 });
    expect(solved.timetable.sessions.some((s) => s.day === firstDay)).toBe(false);
    const report = validateTimetable(closed, enrolment, solved.timetable);
    expect(report.violations.filter((v) => v.kind === 'room-unavailable')).toEqual([]);
    // The earlier timetable used that day: each such session is a hard violation now.
    const onFirstDay = base.sessions.filter((s) => s.day === firstDay).length;
    expect(onFirstDay).toBeGreaterThan(0);
    const old = validateTimetable(closed, enrolment, base);
    expect(old.violations.filter((v) => v.kind === 'room-unavailable')).toHaveLength(onFirstDay);
    expect(old.hard).toBeGreaterThanOrEqual(onFirstDay);
  });

  it("the inventory's free hours make the rest of the week unavailable", () => {
    const room = network.rooms[0];
    if (room === undefined) throw new Error('no room');
    const [p0, p1] = network.weekGrid.periods;
    const day = network.weekGrid.days[1] ?? 2;
    const merged = withInventoryFreeHours(network, [
      {
        room: { ...room, unavailable: [] },
        // Free exactly the first two periods of one day.
        free: [
          { day, period: 0 },
          { day, period: 1 },
        ],
        unknownEquipment: [],
      },
    ]);
    const unavailable = merged.rooms.find((r) => r.id === room.id)?.unavailable ?? [];
    const total = network.weekGrid.days.length * network.weekGrid.periods.length;
    expect(unavailable).toHaveLength(total - 2);
    expect(unavailable).not.toContainEqual({ day, period: 0 });
    expect(p0 !== undefined && p1 !== undefined).toBe(true);
    // Other rooms unchanged.
    expect(merged.rooms.slice(1)).toEqual(network.rooms.slice(1));
  });
});
