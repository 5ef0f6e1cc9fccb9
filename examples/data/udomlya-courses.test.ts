import { describe, expect, it } from 'vitest';
import {
  createCourseNetwork,
  datedSessions,
  enrolStudents,
  solveCourseNetwork,
  validateTimetable,
} from '@eduset/core/courses';
import data from './udomlya-courses.json' with { type: 'json' };

describe('udomlya-courses.json: a Udomlya-like network of profile courses', () => {
  const network = createCourseNetwork(data);
  const { enrolment, unassigned, undersized } = enrolStudents(network);

  it('has the profiles the seed names, 4 resource centres, the town schools and the college, 200 students', () => {
    expect(network.profiles.map((p) => p.name.ru)).toEqual([
      'Информационно-технологический',
      'Художественно-эстетический',
      'Химико-биологический',
      'Социально-гуманитарный',
      'Социально-экономический',
      'Педагогический класс',
      'Медицинский класс',
      'Основы журналистики',
      'Основы кулинарии',
    ]);
    expect(network.resourceCentres).toHaveLength(4);
    expect(network.organizations.some((o) => o.kind === 'college')).toBe(true);
    expect(network.students).toHaveLength(200);
  });

  it('enrols every choice within group capacity', () => {
    expect(unassigned).toEqual([]);
    expect(undersized).toEqual([]);
    for (const group of network.groups)
      expect(enrolment.groups[group.id]?.length ?? 0).toBeLessThanOrEqual(15);
  });

  it('is timetabled with zero hard violations on a small budget, and the validator agrees with the solver', () => {
    const { timetable, solver } = solveCourseNetwork(network, enrolment, {
      seed: 2025,
      iterations: 20_000,
    });
    const report = validateTimetable(network, enrolment, timetable);
    expect(report.violations.filter((v) => v.hard)).toEqual([]);
    expect(solver.feasible).toBe(true);
    expect(report.penalty).toBe(solver.soft);
    const lectures = network.groups.reduce(
      (n, g) => n + (network.courses.find((c) => c.id === g.courseId)?.lecturesPerWeek ?? 0),
      0,
    );
    expect(timetable.sessions).toHaveLength(lectures);
    // No classes on the New Year holidays or in the autumn school holidays.
    const dates = new Set<string>(datedSessions(network, timetable).map((s) => s.date));
    expect(dates.has('2026-01-05')).toBe(false);
    expect(dates.has('2025-10-27')).toBe(false);
    expect(dates.has('2025-09-08')).toBe(true);
    // Equipment: chemistry never in the IT room, Python never in the chemistry room; every
    // session is in a room with the equipment its course needs.
    const courseOf = (groupId: string) =>
      network.courses.find((c) => c.id === network.groups.find((g) => g.id === groupId)?.courseId);
    const roomOf = (roomId: string) => network.rooms.find((r) => r.id === roomId);
    for (const session of timetable.sessions) {
      const course = courseOf(session.groupId);
      const room = roomOf(session.roomId);
      for (const need of course?.equipment ?? []) expect(room?.equipment).toContain(need);
      if (course?.id === 'chemistry') expect(session.roomId).not.toBe('sch1-201');
      if (course?.id === 'python') expect(session.roomId).not.toBe('sch1-305');
    }
    expect(
      timetable.sessions
        .filter((s) => courseOf(s.groupId)?.id === 'chemistry')
        .map((s) => s.roomId)
        .sort(),
    ).toEqual(['s4-chem', 's4-chem', 'sch1-305', 'sch1-305']);
  });
});
