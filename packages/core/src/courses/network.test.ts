import { describe, expect, it } from 'vitest';
import { timetableCalendarEvents, timetableView } from './views.js';
import { ValidationError } from '../common/index.js';
import { enrolStudents } from './enrolment.js';
import { createCourseNetwork, type CourseNetworkInput } from './model.js';
import { evaluateProblemAssignment } from './solver.js';
import {
  datedSessions,
  networkToProblem,
  solveCourseNetwork,
  validateTimetable,
  type Timetable,
} from './timetable.js';

/** Two schools, two resource centres 20 minutes apart, three courses, five students. */
function smallNetwork(): CourseNetworkInput {
  const site = (id: string, host: string) => ({
    id,
    kind: 'resource-centre' as const,
    name: id,
    hostOrganizationId: host,
    activeYears: ['2025-2026'],
    serviceIds: [],
    ages: { from: 15, to: 18 },
  });
  return {
    schoolYear: '2025-2026',
    term: { from: '2025-11-03', to: '2025-11-09' },
    calendar: {
      version: 'test',
      holidays: [{ date: '2025-11-04', label: { ru: 'День народного единства', en: 'Unity Day' } }],
    },
    weekGrid: {
      days: [1, 2],
      periods: [
        { start: '14:30', end: '15:15' },
        { start: '15:25', end: '16:10' },
        { start: '16:20', end: '17:05' },
      ],
    },
    organizations: [
      { id: 'school-1', name: 'СОШ №1', kind: 'school', level: 'secondary' },
      { id: 'school-2', name: 'СОШ №2', kind: 'school', level: 'secondary' },
    ],
    resourceCentres: [site('rc-1', 'school-1'), site('rc-2', 'school-2')],
    profiles: [{ id: 'it', name: { ru: 'ИТ', en: 'IT' } }],
    courses: [
      {
        id: 'python',
        profileId: 'it',
        name: 'Python',
        hours: 68,
        lecturesPerWeek: 2,
        minWorkingDays: 2,
        maxGroupSize: 3,
      },
      { id: 'web', profileId: 'it', name: 'Веб', hours: 34, lecturesPerWeek: 1, maxGroupSize: 5 },
    ],
    teachers: [
      { id: 't-a', name: 'Иванова А. П.', unavailable: [{ day: 1, period: 2 }] },
      { id: 't-b', name: 'Петров Б. В.' },
    ],
    rooms: [
      { id: 'r1', resourceCentreId: 'rc-1', name: '101', capacity: 3 },
      { id: 'r2', resourceCentreId: 'rc-2', name: '201', capacity: 2 },
    ],
    groups: [
      { id: 'python-1', courseId: 'python', resourceCentreId: 'rc-1', teacherId: 't-a' },
      { id: 'python-2', courseId: 'python', resourceCentreId: 'rc-2', teacherId: 't-a' },
      { id: 'web-1', courseId: 'web', resourceCentreId: 'rc-2', teacherId: 't-b' },
    ],
    students: [
      { id: 's1', name: 'Анна', homeSchoolId: 'school-1', grade: 10, studyPlan: ['python', 'web'] },
      { id: 's2', name: 'Борис', homeSchoolId: 'school-1', grade: 10, studyPlan: ['python'] },
      { id: 's3', name: 'Вера', homeSchoolId: 'school-2', grade: 11, studyPlan: ['python', 'web'] },
      { id: 's4', name: 'Глеб', homeSchoolId: 'school-2', grade: 11, studyPlan: ['web'] },
      { id: 's5', name: 'Дина', homeSchoolId: 'school-1', grade: 11, studyPlan: ['python'] },
    ],
    homeSchoolBusy: [{ schoolId: 'school-2', grades: [11], day: 2, from: '08:30', to: '15:00' }],
    travel: [{ from: 'school-1', to: 'school-2', minutes: 20 }],
  };
}

describe('createCourseNetwork', () => {
  it('lists every broken reference with its path, in Russian and English', () => {
    const input = smallNetwork();
    const broken = {
      ...input,
      resourceCentres: [
        { ...input.resourceCentres[0], kind: 'lekoteka' },
        input.resourceCentres[1],
      ],
      groups: [
        ...input.groups,
        { id: 'x', courseId: 'nope', resourceCentreId: 'rc-9', teacherId: 't-a' },
      ],
    };
    try {
      createCourseNetwork(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const paths = (error as ValidationError).issues.map((i) => i.path.join('.'));
      expect(paths).toEqual(
        expect.arrayContaining([
          'resourceCentres.0.kind',
          'groups.3.courseId',
          'groups.3.resourceCentreId',
        ]),
      );
      expect((error as ValidationError).issues[0]?.message.ru).toBeTruthy();
    }
  });
});

describe('enrolStudents', () => {
  const network = createCourseNetwork(smallNetwork());
  it('puts each student in the nearest group with room, and reports who found none', () => {
    const { enrolment, unassigned } = enrolStudents(network);
    expect(enrolment.groups).toEqual({
      'python-1': ['s1', 's2', 's5'],
      'python-2': ['s3'],
      'web-1': ['s1', 's3', 's4'],
    });
    expect(unassigned).toEqual([]);
    const tight = createCourseNetwork({
      ...smallNetwork(),
      groups: smallNetwork().groups.slice(0, 1).concat(smallNetwork().groups.slice(2)),
    });
    const result = enrolStudents(tight);
    expect(result.unassigned).toHaveLength(1);
    expect(result.unassigned[0]).toMatchObject({
      studentId: 's5',
      courseId: 'python',
      reason: 'full',
    });
  });
});

describe('validateTimetable', () => {
  const network = createCourseNetwork(smallNetwork());
  const { enrolment } = enrolStudents(network);

  it('reports each hard violation with who and when', () => {
    const timetable: Timetable = {
      sessions: [
        { groupId: 'python-1', day: 1, period: 0, roomId: 'r1' },
        { groupId: 'python-1', day: 1, period: 2, roomId: 'r1' }, // teacher unavailable
        { groupId: 'python-2', day: 1, period: 0, roomId: 'r2' }, // teacher clash with python-1
        { groupId: 'python-2', day: 2, period: 0, roomId: 'r2' }, // s3 (grade 11, school-2) busy until 15:00
        { groupId: 'web-1', day: 1, period: 1, roomId: 'r2' }, // s1 travels rc-1 → rc-2 in 10 minutes
      ],
    };
    const report = validateTimetable(network, enrolment, timetable);
    const kinds = report.violations
      .filter((v) => v.hard)
      .map((v) => v.kind)
      .sort();
    // s1 goes rc-1 → rc-2 → rc-1 on Monday with 10-minute breaks: two trips too short.
    expect(kinds).toEqual([
      'home-school-busy',
      'teacher-clash',
      'teacher-unavailable',
      'travel',
      'travel',
    ]);
    const travel = report.violations.find((v) => v.kind === 'travel');
    expect(travel).toMatchObject({ studentId: 's1', day: 1, period: 1, groupId: 'web-1' });
    expect(travel?.message.ru).toBe(
      'Анна: 10 мин на дорогу вместо 20 (Python, группа 1 → Веб, группа 1): понедельник, 15:25–16:10',
    );
    expect(travel?.message.en).toBe(
      'Анна: 10 min to travel instead of 20 (Python, group 1 → Веб, group 1): Monday, 15:25–16:10',
    );
    expect(report.hard).toBe(5);
  });

  it('reports unplaced lectures, room clashes, rooms elsewhere and soft penalties', () => {
    const timetable: Timetable = {
      sessions: [
        { groupId: 'python-1', day: 1, period: 0, roomId: 'r1' },
        { groupId: 'python-2', day: 1, period: 1, roomId: 'r1' }, // room of another centre
        { groupId: 'web-1', day: 1, period: 1, roomId: 'r1' }, // room clash
      ],
    };
    const report = validateTimetable(network, enrolment, timetable);
    const count = (kind: string) => report.violations.filter((v) => v.kind === kind).length;
    expect(count('unplaced')).toBe(2); // one lecture of each python group
    expect(count('room-clash')).toBe(1);
    expect(count('room-elsewhere')).toBe(2);
    expect(count('course-spread')).toBe(2); // python-1, python-2: 1 day of 2
    expect(report.penalty).toBe(
      report.violations.filter((v) => !v.hard).reduce((n, v) => n + v.cost, 0),
    );
  });
});

describe('validateTimetable: sessions that do not fit the network', () => {
  const network = createCourseNetwork(smallNetwork());
  const { enrolment } = enrolStudents(network);
  const good: Timetable['sessions'] = [
    { groupId: 'python-1', day: 1, period: 0, roomId: 'r1' },
    { groupId: 'python-1', day: 2, period: 1, roomId: 'r1' },
    { groupId: 'python-2', day: 1, period: 1, roomId: 'r2' },
    { groupId: 'python-2', day: 2, period: 2, roomId: 'r2' },
    { groupId: 'web-1', day: 1, period: 2, roomId: 'r2' },
  ];
  const hardKinds = (sessions: Timetable['sessions']) =>
    validateTimetable(network, enrolment, { sessions })
      .violations.filter((v) => v.hard)
      .map((v) => v.kind);

  it('a good week has no hard violation', () => {
    expect(hardKinds(good)).toEqual([]);
  });

  it('a session on a day outside the grid (Wednesday of a Monday–Tuesday grid)', () => {
    const sessions = [...good.slice(0, 4), { groupId: 'web-1', day: 3, period: 2, roomId: 'r2' }];
    const report = validateTimetable(network, enrolment, { sessions });
    expect(report.violations.filter((v) => v.hard).map((v) => v.kind)).toEqual(['day-off-grid']);
    expect(report.hard).toBe(1);
    const violation = report.violations.find((v) => v.kind === 'day-off-grid');
    expect(violation).toMatchObject({ groupId: 'web-1', day: 3 });
    expect(violation?.message.ru).toBe(
      'Веб, группа 1: занятие в среда — в этот день занятий в сети нет',
    );
    expect(violation?.message.en).toBe(
      'Веб, group 1: a session on Wednesday, a day the network has no classes',
    );
  });

  it('a session of an unknown group', () => {
    const sessions = [...good, { groupId: 'chess-1', day: 1, period: 0, roomId: 'r1' }];
    const report = validateTimetable(network, enrolment, { sessions });
    // Not a room clash with python-1 either: the session is not checked any further.
    expect(report.violations.filter((v) => v.hard).map((v) => v.kind)).toEqual(['unknown-group']);
    expect(report.violations[0]?.message.ru).toContain('«chess-1», которой нет в сети');
    expect(report.violations[0]?.message.en).toContain(
      '"chess-1", which the network does not have',
    );
  });

  it('more sessions than the lectures a week of the course', () => {
    const sessions: Timetable['sessions'] = [
      { groupId: 'python-1', day: 1, period: 0, roomId: 'r1' },
      { groupId: 'python-1', day: 2, period: 0, roomId: 'r1' },
      { groupId: 'python-2', day: 1, period: 1, roomId: 'r2' },
      { groupId: 'python-2', day: 2, period: 1, roomId: 'r2' },
      { groupId: 'web-1', day: 1, period: 2, roomId: 'r2' },
      { groupId: 'web-1', day: 2, period: 2, roomId: 'r2' }, // one too many
    ];
    const report = validateTimetable(network, enrolment, { sessions });
    expect(report.violations.filter((v) => v.hard).map((v) => v.kind)).toEqual(['extra-session']);
    expect(report.violations.find((v) => v.hard)?.message).toEqual({
      ru: 'Веб, группа 1: занятий в неделю 2, а по курсу 1 — одно лишнее',
      en: 'Веб, group 1: 2 sessions a week, but the course has 1 — one too many',
    });
  });

  it('a session at period 9 of a 3-period grid: the period does not exist, no travel computed from it', () => {
    // Anna (s1) has python-1 on Monday at period 0 (rc-1) and web-1 "at period 9" (rc-2).
    const sessions = [...good.slice(0, 4), { groupId: 'web-1', day: 1, period: 9, roomId: 'r2' }];
    const report = validateTimetable(network, enrolment, { sessions });
    expect(report.violations.filter((v) => v.hard).map((v) => v.kind)).toEqual(['period-off-grid']);
    expect(report.hard).toBe(1);
    expect(report.violations.some((v) => v.kind === 'travel')).toBe(false);
    expect(report.violations.some((v) => /-\d+ (мин|min)/.test(v.message.en + v.message.ru))).toBe(
      false,
    );
    expect(report.violations.find((v) => v.hard)?.message).toEqual({
      ru: 'Веб, группа 1: занятие в период №10 (понедельник), а в сетке дня 3 пер. — такого периода нет',
      en: "Веб, group 1: a session in period 10 (Monday), but the day's grid has 3 periods — there is no such period",
    });
  });
});

describe('uneven breaks: travel is judged by the clock', () => {
  // Breaks of 5 and 30 minutes: the 20-minute trip fits the long break only.
  const uneven = (): CourseNetworkInput => ({
    ...smallNetwork(),
    weekGrid: {
      days: [1, 2],
      periods: [
        { start: '14:30', end: '15:15' },
        { start: '15:20', end: '16:05' },
        { start: '16:35', end: '17:20' },
      ],
    },
  });
  const network = createCourseNetwork(uneven());
  const { enrolment } = enrolStudents(network);
  // Anna (s1): python-1 at rc-1, then web-1 at rc-2 after the 30-minute break.
  const timetable: Timetable = {
    sessions: [
      { groupId: 'python-1', day: 1, period: 1, roomId: 'r1' },
      { groupId: 'python-1', day: 2, period: 1, roomId: 'r1' },
      { groupId: 'python-2', day: 1, period: 0, roomId: 'r2' },
      { groupId: 'python-2', day: 2, period: 2, roomId: 'r2' },
      { groupId: 'web-1', day: 1, period: 2, roomId: 'r2' },
    ],
  };
  const mapped = networkToProblem(network, enrolment);
  const lectures = (sessions: Timetable['sessions']) => {
    const ppd = network.weekGrid.periods.length;
    const byGroup = new Map<number, { period: number; room: number }[]>();
    for (const s of sessions) {
      const c = mapped.groupIds.indexOf(s.groupId);
      const list = byGroup.get(c) ?? [];
      list.push({
        period: network.weekGrid.days.indexOf(s.day) * ppd + s.period,
        room: mapped.roomIds.indexOf(s.roomId),
      });
      byGroup.set(c, list);
    }
    return mapped.problem.courses.flatMap((course, c) =>
      Array.from({ length: course.lectures }, (_, k) => ({
        course: c,
        ...(byGroup.get(c)?.[k] ?? { period: -1, room: -1 }),
      })),
    );
  };

  it('a trip that fits the long break is accepted by both the validator and the solver', () => {
    expect(validateTimetable(network, enrolment, timetable).hard).toBe(0);
    expect(evaluateProblemAssignment(mapped.problem, lectures(timetable.sessions)).hard).toBe(0);
  });

  it('a trip in the short break is refused by both', () => {
    const short: Timetable['sessions'] = [
      { groupId: 'python-1', day: 1, period: 0, roomId: 'r1' },
      { groupId: 'python-1', day: 2, period: 0, roomId: 'r1' },
      { groupId: 'python-2', day: 2, period: 1, roomId: 'r2' },
      { groupId: 'python-2', day: 2, period: 2, roomId: 'r2' },
      { groupId: 'web-1', day: 1, period: 1, roomId: 'r2' }, // 5-minute break for the trip
    ];
    const report = validateTimetable(network, enrolment, { sessions: short });
    expect(report.violations.filter((v) => v.hard).map((v) => v.kind)).toEqual(['travel']);
    expect(report.violations.find((v) => v.kind === 'travel')?.message.en).toContain(
      '5 min to travel instead of 20',
    );
    expect(evaluateProblemAssignment(mapped.problem, lectures(short)).hard).toBe(1);
  });

  it('the solver finds a feasible week and reports it as the validator does', () => {
    const { timetable: solved, solver } = solveCourseNetwork(network, enrolment, {
      seed: 3,
      iterations: 5_000,
    });
    const report = validateTimetable(network, enrolment, solved);
    expect([solver.hard, solver.feasible]).toEqual([report.hard, true]);
    expect(report.hard).toBe(0);
  });
});

describe('room equipment', () => {
  const equipped = (): CourseNetworkInput => {
    const base = smallNetwork();
    return {
      ...base,
      equipment: [{ id: 'computers', name: { ru: 'компьютеры', en: 'computers' } }],
      courses: base.courses.map((c) => (c.id === 'web' ? { ...c, equipment: ['computers'] } : c)),
      rooms: [
        ...base.rooms,
        {
          id: 'r3',
          resourceCentreId: 'rc-2',
          name: 'Компьютерный класс',
          capacity: 5,
          equipment: ['computers'],
        },
      ],
    };
  };
  const network = createCourseNetwork(equipped());
  const { enrolment } = enrolStudents(network);

  it('a course that needs computers in a room without them is a hard violation', () => {
    const timetable: Timetable = {
      sessions: [
        { groupId: 'python-1', day: 1, period: 0, roomId: 'r1' },
        { groupId: 'python-1', day: 2, period: 1, roomId: 'r1' },
        { groupId: 'python-2', day: 1, period: 1, roomId: 'r2' },
        { groupId: 'python-2', day: 2, period: 2, roomId: 'r2' },
        { groupId: 'web-1', day: 1, period: 2, roomId: 'r2' },
      ],
    };
    const report = validateTimetable(network, enrolment, timetable);
    expect(report.violations.filter((v) => v.hard).map((v) => v.kind)).toEqual(['room-equipment']);
    expect(report.violations.find((v) => v.hard)?.message).toEqual({
      ru: 'Веб, группа 1: в помещении «201» нет нужного оборудования (компьютеры): понедельник, 16:20–17:05',
      en: 'Веб, group 1: room "201" lacks the equipment the course needs (computers): Monday, 16:20–17:05',
    });
    const fixed = {
      sessions: timetable.sessions.map((s) => (s.groupId === 'web-1' ? { ...s, roomId: 'r3' } : s)),
    };
    expect(validateTimetable(network, enrolment, fixed).hard).toBe(0);
  });

  it('the solver offers a course only the rooms with its equipment', () => {
    const { problem, groupIds, roomIds } = networkToProblem(network, enrolment);
    const web = problem.courses[groupIds.indexOf('web-1')];
    expect(web?.rooms?.map((r) => roomIds[r])).toEqual(['r3']);
    const { timetable } = solveCourseNetwork(network, enrolment, { seed: 1, iterations: 3_000 });
    expect(timetable.sessions.filter((s) => s.groupId === 'web-1').map((s) => s.roomId)).toEqual([
      'r3',
    ]);
    expect(validateTimetable(network, enrolment, timetable).hard).toBe(0);
  });

  it('rejects equipment the network does not list', () => {
    const input = equipped();
    expect(() =>
      createCourseNetwork({
        ...input,
        rooms: input.rooms.map((r) => ({ ...r, equipment: ['projector'] })),
      }),
    ).toThrow(ValidationError);
  });
});

describe('solveCourseNetwork', () => {
  const network = createCourseNetwork(smallNetwork());
  const { enrolment } = enrolStudents(network);
  it('timetables the small network with no hard violation; the validator agrees with the solver', () => {
    const { timetable, solver } = solveCourseNetwork(network, enrolment, {
      seed: 5,
      iterations: 5_000,
    });
    const report = validateTimetable(network, enrolment, timetable);
    expect(report.violations.filter((v) => v.hard)).toEqual([]);
    expect(solver.hard).toBe(0);
    expect(report.penalty).toBe(solver.soft);
    const { problem } = networkToProblem(network, enrolment);
    expect(problem.travel.length).toBeGreaterThan(0);
  });

  it('lays the week over the term, skipping holidays', () => {
    const { timetable } = solveCourseNetwork(network, enrolment, { seed: 5, iterations: 5_000 });
    const dated = datedSessions(network, timetable);
    const dates = new Set(dated.map((s) => s.date));
    expect([...dates].sort()).toEqual(['2025-11-03']); // Tuesday 4 November is a holiday
    expect(dated.every((s) => s.day === 1)).toBe(true);
  });
});

describe('timetable views and calendar events', () => {
  const network = createCourseNetwork(smallNetwork());
  const { enrolment } = enrolStudents(network);
  const timetable: Timetable = {
    sessions: [
      { groupId: 'python-1', day: 1, period: 0, roomId: 'r1' },
      { groupId: 'python-1', day: 2, period: 2, roomId: 'r1' },
      { groupId: 'web-1', day: 1, period: 2, roomId: 'r2' },
      { groupId: 'python-2', day: 1, period: 1, roomId: 'r2' },
      { groupId: 'python-2', day: 2, period: 1, roomId: 'r2' },
    ],
  };

  it("shows a student's week with the trips between places", () => {
    const view = timetableView(network, enrolment, timetable, 'student', 's1');
    expect(view?.entries.map((e) => [e.day, e.start, e.groupId, e.travel?.minutes])).toEqual([
      [1, '14:30', 'python-1', undefined],
      [1, '16:20', 'web-1', 20],
      [2, '16:20', 'python-1', undefined],
    ]);
    expect(view?.entries[1]?.travel).toEqual({ fromName: 'СОШ №1', minutes: 20 });
    expect(timetableView(network, enrolment, timetable, 'student', 'nobody')).toBeUndefined();
  });

  it('shows a centre, a teacher and a school', () => {
    expect(timetableView(network, enrolment, timetable, 'centre', 'rc-2')?.entries).toHaveLength(3);
    expect(timetableView(network, enrolment, timetable, 'teacher', 't-a')?.entries).toHaveLength(4);
    const school = timetableView(network, enrolment, timetable, 'school', 'school-2');
    expect(school?.entries.map((e) => [e.groupId, e.students])).toEqual([
      ['python-2', 1],
      ['web-1', 2],
      ['python-2', 1],
    ]);
  });

  it('gives weekly events with stable UIDs and the holiday as an exception', () => {
    const long = createCourseNetwork({
      ...smallNetwork(),
      term: { from: '2025-10-27', to: '2025-11-16' },
    });
    const view = timetableView(long, enrolment, timetable, 'student', 's1');
    if (view === undefined) throw new Error('no view');
    const options = { uidDomain: 'eduset.test', lastModified: '2025-08-29T09:00:00Z' };
    const events = timetableCalendarEvents(long, timetable, view, options);
    expect(events).toHaveLength(3);
    expect(timetableCalendarEvents(long, timetable, view, options)).toEqual(events);
    const tuesday = events.find((e) => e.recurrence?.weekdays[0] === 2);
    expect(tuesday?.uid).toBe('2025-2026.python-1.2-2.student-s1@eduset.test');
    expect(tuesday?.start).toBe('2025-10-28T13:20:00.000Z'); // 16:20 Moscow
    expect(tuesday?.recurrence?.exceptions).toEqual(['2025-11-04T13:20:00.000Z']); // Unity Day
    expect(tuesday?.recurrence?.until).toBe('2025-11-11T14:05:00.000Z');
  });
});
