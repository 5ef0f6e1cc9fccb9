import { describe, expect, it } from 'vitest';
import { timetableCalendarEvents, timetableView } from './views.js';
import { ValidationError } from '../common/index.js';
import { enrolStudents } from './enrolment.js';
import { createCourseNetwork, type CourseNetworkInput } from './model.js';
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
      'Анна: 10 мин на дорогу вместо 20 (python-1 → web-1): понедельник, 15:25–16:10',
    );
    expect(travel?.message.en).toBe(
      'Анна: 10 min to travel instead of 20 (python-1 → web-1): Monday, 15:25–16:10',
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
