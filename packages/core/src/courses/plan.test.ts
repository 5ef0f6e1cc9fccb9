import { describe, expect, it } from 'vitest';
import data from '../../../../examples/data/udomlya-courses.json' with { type: 'json' };
import { ValidationError } from '../common/index.js';
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
