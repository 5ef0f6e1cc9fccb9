import { z } from '../common/zod.js';
import {
  isoDateSchema,
  parse,
  schoolYearSchema,
  schoolYearStartYear,
  ValidationError,
  type SchoolYear,
  type ValidationIssue,
} from '../common/index.js';
import type { CourseNetwork } from './model.js';
import type { Enrolment } from './enrolment.js';

/**
 * Schema of a final assessment result (итоговая аттестация) of one student in one course
 * group: the date, the hours attended, whether it was passed and, optionally, a mark 2–5.
 *
 * @example
 * ```ts
 * import { assessmentResultSchema } from '@eduset/core/courses';
 * assessmentResultSchema.parse({
 *   studentId: 'st-001', groupId: 'python-1', assessedOn: '2026-05-20',
 *   attendedHours: 60, passed: true, mark: 5,
 * });
 * ```
 */
export const assessmentResultSchema = z.object({
  studentId: z.string().min(1),
  groupId: z.string().min(1),
  assessedOn: isoDateSchema,
  attendedHours: z.number().int().min(0),
  passed: z.boolean(),
  mark: z.number().int().min(2).max(5).optional(),
});

/**
 * An assessment result. @example `const result: AssessmentResult = assessmentResultSchema.parse(json);`
 */
export type AssessmentResult = z.infer<typeof assessmentResultSchema>;

/**
 * An assessment result as outside data gives it (dates as plain strings).
 * @example `const input: AssessmentResultInput = { studentId: 's1', groupId: 'g1', assessedOn: '2026-05-20', attendedHours: 60, passed: true };`
 */
export type AssessmentResultInput = z.input<typeof assessmentResultSchema>;

/**
 * Schema of a course completion certificate (сертификат о прослушивании профильного курса):
 * its number (`2025/0001`, school year start and a sequence), the verification code, who,
 * which course, how many hours, the mark and the date of issue.
 *
 * @example
 * ```ts
 * import { completionCertificateSchema } from '@eduset/core/courses';
 * declare const json: unknown;
 * completionCertificateSchema.parse(json);
 * ```
 */
export const completionCertificateSchema = z.object({
  number: z.string().regex(/^\d{4}\/\d{4,}$/),
  verificationCode: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/),
  schoolYear: schoolYearSchema,
  studentId: z.string(),
  studentName: z.string(),
  homeSchoolId: z.string(),
  courseId: z.string(),
  courseName: z.string(),
  profileId: z.string(),
  groupId: z.string(),
  resourceCentreId: z.string(),
  hours: z.number().int().min(0),
  mark: z.number().int().min(2).max(5).optional(),
  issuedOn: isoDateSchema,
});

/**
 * A completion certificate. @example `const certificate: CompletionCertificate = completionCertificateSchema.parse(json);`
 */
export type CompletionCertificate = z.infer<typeof completionCertificateSchema>;

/**
 * Options of {@link issueCertificates}: the date of issue, the share of the course's hours a
 * student must have attended (default 0.75), the first sequence number (default 1) and the
 * municipality's key mixed into verification codes.
 *
 * @example
 * ```ts
 * import type { CertificateOptions } from '@eduset/core/courses';
 * const options: CertificateOptions = { issuedOn: '2026-05-29', key: 'udomlya-uo' };
 * ```
 */
export interface CertificateOptions {
  readonly issuedOn: string;
  readonly key: string;
  readonly minAttendance?: number;
  readonly firstNumber?: number;
}

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base 32

/** FNV-1a over UTF-16 code units, 32 bits, from a given offset basis. */
function fnv1a(text: string, basis: number): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * The verification code of a certificate: 8 Crockford base-32 characters (`XXXX-XXXX`)
 * derived deterministically from the number, the student, the course, the year, the date
 * of issue and the municipality's key. It is a check code against typing errors and casual
 * alteration, looked up against the register of issued certificates — not a cryptographic
 * signature.
 *
 * @example
 * ```ts
 * import { certificateVerificationCode } from '@eduset/core/courses';
 * certificateVerificationCode(
 *   { number: '2025/0001', studentId: 'st-001', courseId: 'python', schoolYear: '2025-2026', issuedOn: '2026-05-29' },
 *   'udomlya-uo',
 * ); // e.g. '7K3M-Q9ZD', the same every time
 * ```
 */
export function certificateVerificationCode(
  certificate: {
    readonly number: string;
    readonly studentId: string;
    readonly courseId: string;
    readonly schoolYear: string;
    readonly issuedOn: string;
  },
  key: string,
): string {
  const text = [
    key,
    certificate.number,
    certificate.studentId,
    certificate.courseId,
    certificate.schoolYear,
    certificate.issuedOn,
  ].join('\u001f');
  const high = fnv1a(text, 0x811c9dc5);
  const low = fnv1a(text, high ^ 0x9e3779b9);
  let code = '';
  // 40 bits: 20 from each half.
  for (const part of [high >>> 12, low >>> 12]) {
    for (let shift = 15; shift >= 0; shift -= 5) code += alphabet[(part >>> shift) & 31] ?? '0';
  }
  return `${code.slice(0, 4)}-${code.slice(4, 8)}`;
}

/**
 * Whether a certificate's verification code matches its contents under the key.
 *
 * @example
 * ```ts
 * import { verifyCertificate } from '@eduset/core/courses';
 * declare const certificate: import('@eduset/core/courses').CompletionCertificate;
 * verifyCertificate(certificate, 'udomlya-uo'); // true for an untouched certificate
 * ```
 */
export function verifyCertificate(certificate: CompletionCertificate, key: string): boolean {
  return certificateVerificationCode(certificate, key) === certificate.verificationCode;
}

/**
 * Issues completion certificates for the passed assessments of a school year: a student gets
 * one for a course group they are enrolled in, passed, and attended at least `minAttendance`
 * of the course's hours. Numbers run `YYYY/0001…` (the year the school year starts) in the
 * order of course, then student id, so issuing again gives the same numbers and codes.
 * Results that refer to unknown students or groups, or to a group the student is not in,
 * throw a `ValidationError` listing each.
 *
 * @example
 * ```ts
 * import { issueCertificates } from '@eduset/core/courses';
 * declare const network: import('@eduset/core/courses').CourseNetwork;
 * declare const enrolment: import('@eduset/core/courses').Enrolment;
 * declare const results: import('@eduset/core/courses').AssessmentResult[];
 * const certificates = issueCertificates(network, enrolment, results, { issuedOn: '2026-05-29', key: 'udomlya-uo' });
 * ```
 */
export function issueCertificates(
  network: CourseNetwork,
  enrolment: Enrolment,
  resultsInput: readonly AssessmentResultInput[],
  options: CertificateOptions,
): CompletionCertificate[] {
  const results = parse(z.array(assessmentResultSchema), resultsInput);
  const issuedOn = parse(isoDateSchema, options.issuedOn);
  const minAttendance = options.minAttendance ?? 0.75;
  const groups = new Map(network.groups.map((g) => [g.id, g]));
  const courses = new Map(network.courses.map((c) => [c.id, c]));
  const students = new Map(network.students.map((s) => [s.id, s]));
  const issues: ValidationIssue[] = [];
  results.forEach((result, index) => {
    if (!students.has(result.studentId)) {
      issues.push({
        path: [index, 'studentId'],
        code: 'not_found',
        message: {
          ru: `Нет учащегося «${result.studentId}»`,
          en: `No student "${result.studentId}"`,
        },
      });
    }
    if (!groups.has(result.groupId)) {
      issues.push({
        path: [index, 'groupId'],
        code: 'not_found',
        message: { ru: `Нет группы «${result.groupId}»`, en: `No group "${result.groupId}"` },
      });
    } else if (!(enrolment.groups[result.groupId] ?? []).includes(result.studentId)) {
      issues.push({
        path: [index],
        code: 'not_enrolled',
        message: {
          ru: `Учащийся «${result.studentId}» не записан в группу «${result.groupId}»`,
          en: `Student "${result.studentId}" is not in group "${result.groupId}"`,
        },
      });
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
  const eligible = results.filter((result) => {
    const course = courses.get(groups.get(result.groupId)?.courseId ?? '');
    return (
      result.passed && course !== undefined && result.attendedHours >= minAttendance * course.hours
    );
  });
  const key = (r: AssessmentResult): string =>
    `${groups.get(r.groupId)?.courseId ?? ''}\u0000${r.studentId}`;
  const unique = new Map<string, AssessmentResult>();
  for (const result of eligible) if (!unique.has(key(result))) unique.set(key(result), result);
  const ordered = [...unique.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r);
  const year = schoolYearStartYear(network.schoolYear as SchoolYear);
  const first = options.firstNumber ?? 1;
  return ordered.map((result, index) => {
    const group = groups.get(result.groupId);
    const course = courses.get(group?.courseId ?? '');
    const student = students.get(result.studentId);
    const base = {
      number: `${year}/${String(first + index).padStart(4, '0')}`,
      schoolYear: network.schoolYear,
      studentId: result.studentId,
      studentName: student?.name ?? '',
      homeSchoolId: student?.homeSchoolId ?? '',
      courseId: course?.id ?? '',
      courseName: course?.name ?? '',
      profileId: course?.profileId ?? '',
      groupId: result.groupId,
      resourceCentreId: group?.resourceCentreId ?? '',
      hours: course?.hours ?? 0,
      ...(result.mark === undefined ? {} : { mark: result.mark }),
      issuedOn,
    };
    return { ...base, verificationCode: certificateVerificationCode(base, options.key) };
  });
}
