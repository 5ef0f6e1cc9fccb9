import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enrolStudents, groupCapacity } from './enrolment.js';
import { createCourseNetwork } from './model.js';

const centre = (id: string, host: string) => ({
  id,
  kind: 'resource-centre' as const,
  name: id,
  hostOrganizationId: host,
  activeYears: ['2025-2026'],
  serviceIds: [],
  ages: { from: 15, to: 18 },
});

const networkArbitrary = fc
  .record({
    groups: fc.array(
      fc.record({
        course: fc.integer({ min: 0, max: 2 }),
        centre: fc.integer({ min: 0, max: 1 }),
        maxSize: fc.integer({ min: 1, max: 6 }),
      }),
      {
        maxLength: 6,
      },
    ),
    students: fc.array(
      fc.record({
        school: fc.integer({ min: 0, max: 1 }),
        plan: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }),
      }),
      {
        maxLength: 25,
      },
    ),
    travel: fc.integer({ min: 0, max: 40 }),
  })
  .map((raw) =>
    createCourseNetwork({
      schoolYear: '2025-2026',
      term: { from: '2025-09-01', to: '2026-05-25' },
      weekGrid: { days: [1], periods: [{ start: '14:30', end: '15:15' }] },
      organizations: [
        { id: 'school-0', name: 'СОШ 0', kind: 'school', level: 'secondary' },
        { id: 'school-1', name: 'СОШ 1', kind: 'school', level: 'secondary' },
      ],
      resourceCentres: [centre('rc-0', 'school-0'), centre('rc-1', 'school-1')],
      profiles: [{ id: 'p', name: { ru: 'П', en: 'P' } }],
      courses: [0, 1, 2].map((k) => ({
        id: `c${k}`,
        profileId: 'p',
        name: `Курс ${k}`,
        hours: 34,
        lecturesPerWeek: 1,
        maxGroupSize: 5,
      })),
      teachers: [{ id: 't', name: 'Т' }],
      rooms: [],
      groups: raw.groups.map((g, k) => ({
        id: `g${k}`,
        courseId: `c${g.course}`,
        resourceCentreId: `rc-${g.centre}`,
        teacherId: 't',
        maxSize: g.maxSize,
      })),
      students: raw.students.map((s, k) => ({
        id: `s${String(k).padStart(2, '0')}`,
        name: `У ${k}`,
        homeSchoolId: `school-${s.school}`,
        grade: 10,
        studyPlan: s.plan.map((c) => `c${c}`),
      })),
      travel: [{ from: 'school-0', to: 'school-1', minutes: raw.travel }],
    }),
  );

describe('enrolStudents laws', () => {
  it('respects capacities and study plans; every choice is either enrolled once or reported', () => {
    fc.assert(
      fc.property(networkArbitrary, (network) => {
        const { enrolment, unassigned } = enrolStudents(network);
        for (const group of network.groups) {
          const members = enrolment.groups[group.id] ?? [];
          expect(members.length).toBeLessThanOrEqual(groupCapacity(network, group));
          for (const id of members) {
            expect(network.students.find((s) => s.id === id)?.studyPlan).toContain(group.courseId);
          }
        }
        for (const student of network.students) {
          for (const courseId of student.studyPlan) {
            const groups = network.groups.filter(
              (g) => g.courseId === courseId && (enrolment.groups[g.id] ?? []).includes(student.id),
            );
            const reported = unassigned.filter(
              (u) => u.studentId === student.id && u.courseId === courseId,
            );
            expect(groups.length + reported.length).toBe(1);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('does not change its input and gives the same enrolment every time', () => {
    fc.assert(
      fc.property(networkArbitrary, (network) => {
        const copy = structuredClone(network);
        const first = enrolStudents(network);
        expect(network).toEqual(copy);
        expect(enrolStudents(network)).toEqual(first);
      }),
      { numRuns: 30 },
    );
  });
});
