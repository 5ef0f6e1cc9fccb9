import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../common/index.js';
import { parseSchoolYear, nextSchoolYear } from '../common/index.js';
import {
  issueCertificates,
  certificateVerificationCode,
  verifyCertificate,
} from './certificates.js';
import {
  activeResourceCentresByYear,
  certificatesIssuedByYear,
  seniorShareInNetwork,
} from './course-indicators.js';
import { createCourseNetwork, type CourseNetworkInput } from './model.js';
import type { Enrolment } from './enrolment.js';

const input: CourseNetworkInput = {
  schoolYear: '2025-2026',
  term: { from: '2025-09-08', to: '2026-05-23' },
  weekGrid: { days: [1], periods: [{ start: '14:30', end: '15:15' }] },
  organizations: [{ id: 'school-1', name: 'СОШ №1', kind: 'school', level: 'secondary' }],
  resourceCentres: [
    {
      id: 'rc-1',
      kind: 'resource-centre',
      name: 'РЦ',
      hostOrganizationId: 'school-1',
      activeYears: ['2025-2026'],
      serviceIds: [],
      ages: { from: 15, to: 18 },
    },
  ],
  profiles: [{ id: 'it', name: { ru: 'ИТ', en: 'IT' } }],
  courses: [
    {
      id: 'python',
      profileId: 'it',
      name: 'Python',
      hours: 68,
      lecturesPerWeek: 2,
      maxGroupSize: 15,
    },
    { id: 'web', profileId: 'it', name: 'Веб', hours: 34, lecturesPerWeek: 1, maxGroupSize: 15 },
  ],
  teachers: [{ id: 't', name: 'Иванова' }],
  rooms: [{ id: 'r', resourceCentreId: 'rc-1', name: '1', capacity: 20 }],
  groups: [
    { id: 'python-1', courseId: 'python', resourceCentreId: 'rc-1', teacherId: 't' },
    { id: 'web-1', courseId: 'web', resourceCentreId: 'rc-1', teacherId: 't' },
  ],
  students: [
    { id: 's2', name: 'Борис', homeSchoolId: 'school-1', grade: 10, studyPlan: ['python', 'web'] },
    { id: 's1', name: 'Анна', homeSchoolId: 'school-1', grade: 11, studyPlan: ['python'] },
    { id: 's3', name: 'Вера', homeSchoolId: 'school-1', grade: 11, studyPlan: ['web'] },
  ],
};
const network = createCourseNetwork(input);
const enrolment: Enrolment = { groups: { 'python-1': ['s1', 's2'], 'web-1': ['s2', 's3'] } };
const results = [
  {
    studentId: 's2',
    groupId: 'python-1',
    assessedOn: '2026-05-20',
    attendedHours: 60,
    passed: true,
    mark: 5,
  },
  {
    studentId: 's1',
    groupId: 'python-1',
    assessedOn: '2026-05-20',
    attendedHours: 51,
    passed: true,
    mark: 4,
  },
  { studentId: 's2', groupId: 'web-1', assessedOn: '2026-05-21', attendedHours: 20, passed: true }, // attended 20 of 34 < 75 %
  {
    studentId: 's3',
    groupId: 'web-1',
    assessedOn: '2026-05-21',
    attendedHours: 34,
    passed: false,
    mark: 2,
  },
];

describe('issueCertificates', () => {
  const certificates = issueCertificates(network, enrolment, results, {
    issuedOn: '2026-05-29',
    key: 'udomlya',
  });

  it('certifies passed assessments with enough attendance, numbered by course then student', () => {
    expect(certificates.map((c) => [c.number, c.studentId, c.courseId, c.mark])).toEqual([
      ['2025/0001', 's1', 'python', 4],
      ['2025/0002', 's2', 'python', 5],
    ]);
    expect(certificates[0]).toMatchObject({
      studentName: 'Анна',
      hours: 68,
      resourceCentreId: 'rc-1',
      issuedOn: '2026-05-29',
    });
  });

  it('derives verification codes deterministically, and a changed certificate no longer verifies', () => {
    const again = issueCertificates(network, enrolment, [...results].reverse(), {
      issuedOn: '2026-05-29',
      key: 'udomlya',
    });
    expect(again).toEqual(certificates);
    const first = certificates[0];
    if (first === undefined) throw new Error('no certificate');
    expect(first.verificationCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(verifyCertificate(first, 'udomlya')).toBe(true);
    expect(verifyCertificate({ ...first, studentId: 's3' }, 'udomlya')).toBe(false);
    expect(verifyCertificate(first, 'other-key')).toBe(false);
  });

  it('codes differ between certificates (no collisions over 2 000 numbers)', () => {
    const codes = new Set<string>();
    for (let n = 1; n <= 2000; n++) {
      codes.add(
        certificateVerificationCode(
          {
            number: `2025/${String(n).padStart(4, '0')}`,
            studentId: 's1',
            courseId: 'python',
            schoolYear: '2025-2026',
            issuedOn: '2026-05-29',
          },
          'k',
        ),
      );
    }
    expect(codes.size).toBe(2000);
  });

  it('rejects results for unknown students, groups, or students not in the group', () => {
    try {
      issueCertificates(
        network,
        enrolment,
        [
          { ...results[0]!, studentId: 's9' },
          { ...results[0]!, groupId: 'web-1', studentId: 's1' },
        ],
        { issuedOn: '2026-05-29', key: 'k' },
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.code)).toEqual([
        'not_found',
        'not_enrolled',
        'not_enrolled',
      ]);
    }
  });

  it('every issued certificate verifies, whatever the results', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            passed: fc.boolean(),
            hours: fc.integer({ min: 0, max: 68 }),
            who: fc.constantFrom('s1', 's2'),
          }),
          { maxLength: 6 },
        ),
        (raw) => {
          const list = raw.map((r) => ({
            studentId: r.who,
            groupId: 'python-1',
            assessedOn: '2026-05-20',
            attendedHours: r.hours,
            passed: r.passed,
          }));
          for (const certificate of issueCertificates(network, enrolment, list, {
            issuedOn: '2026-05-29',
            key: 'k',
          })) {
            expect(verifyCertificate(certificate, 'k')).toBe(true);
            expect(certificate.hours).toBe(68);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('indicators of the network', () => {
  it('share of senior students: distinct students in the network', () => {
    expect(seniorShareInNetwork(enrolment, 15)).toEqual({ count: 3, total: 15, percent: 20 });
    expect(seniorShareInNetwork(enrolment, 0).percent).toBe(0);
  });

  it('reproduces the seed: 35 resource-centre-years over eight years, 3 to 6 a year; 815 certificates', () => {
    // One history consistent with the passport (the per-year split is not in the source).
    const perYear = [3, 4, 4, 4, 5, 5, 4, 6];
    const years = perYear.map((_, k) => nextSchoolYear(parseSchoolYear('2011-2012'), k));
    const sites = Array.from({ length: 6 }, (_, centre) => ({
      kind: 'resource-centre' as const,
      activeYears: years.filter((_, k) => centre < (perYear[k] ?? 0)),
    }));
    const active = activeResourceCentresByYear([
      ...sites,
      { kind: 'lekoteka', activeYears: years },
    ]);
    expect(active.map((a) => a.count)).toEqual(perYear);
    expect(active.reduce((n, a) => n + a.count, 0)).toBe(35);
    const issued = [95, 100, 98, 102, 105, 104, 103, 108];
    const certificates = issued.flatMap((count, k) =>
      Array.from({ length: count }, () => ({ schoolYear: years[k]! })),
    );
    const byYear = certificatesIssuedByYear(certificates);
    expect(byYear.reduce((n, y) => n + y.count, 0)).toBe(815);
    expect(byYear[0]).toEqual({ year: '2011-2012', count: 95 });
  });
});
