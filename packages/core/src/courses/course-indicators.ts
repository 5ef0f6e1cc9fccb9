import type { SchoolYear } from '../common/index.js';
import type { Site } from '../network/index.js';
import type { CompletionCertificate } from './certificates.js';
import type { Enrolment } from './enrolment.js';

/**
 * A share with its parts: `count` of `total`, and `percent` (0–100, one decimal, not
 * clamped; 0 when the total is 0).
 *
 * @example
 * ```ts
 * import type { NetworkShare } from '@eduset/core/courses';
 * const share: NetworkShare = { count: 200, total: 1000, percent: 20 };
 * ```
 */
export interface NetworkShare {
  readonly count: number;
  readonly total: number;
  readonly percent: number;
}

/**
 * The share of senior students who study in the network (доля старшеклассников,
 * занимающихся в муниципальной сети): distinct students enrolled in at least one group, of
 * all senior students of the municipality (a number the network itself does not know).
 *
 * @example
 * ```ts
 * import { seniorShareInNetwork } from '@eduset/core/courses';
 * seniorShareInNetwork({ groups: { a: ['s1', 's2'], b: ['s2'] } }, 10).percent; // 20
 * ```
 */
export function seniorShareInNetwork(enrolment: Enrolment, seniorStudents: number): NetworkShare {
  const students = new Set(Object.values(enrolment.groups).flat());
  const count = students.size;
  const percent = seniorStudents > 0 ? Math.round((count / seniorStudents) * 1000) / 10 : 0;
  return { count, total: seniorStudents, percent };
}

/**
 * The number of completion certificates issued in each school year, years in order.
 *
 * @example
 * ```ts
 * import { certificatesIssuedByYear } from '@eduset/core/courses';
 * declare const certificates: import('@eduset/core/courses').CompletionCertificate[];
 * certificatesIssuedByYear(certificates); // [{ year: '2025-2026', count: 120 }]
 * ```
 */
export function certificatesIssuedByYear(
  certificates: readonly Pick<CompletionCertificate, 'schoolYear'>[],
): { readonly year: SchoolYear; readonly count: number }[] {
  const counts = new Map<string, number>();
  for (const certificate of certificates)
    counts.set(certificate.schoolYear, (counts.get(certificate.schoolYear) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([year, count]) => ({ year: year as SchoolYear, count }));
}

/**
 * The number of resource centres active in each school year (sites of kind
 * `resource-centre` listing the year among their `activeYears`), years in order; the sum
 * over the years is the number of resource-centre-years (35 over eight years in Udomlya).
 *
 * @example
 * ```ts
 * import { activeResourceCentresByYear } from '@eduset/core/courses';
 * declare const sites: import('@eduset/core/network').Site[];
 * activeResourceCentresByYear(sites); // [{ year: '2011-2012', count: 3 }, …]
 * ```
 */
export function activeResourceCentresByYear(
  sites: readonly Pick<Site, 'kind' | 'activeYears'>[],
): { readonly year: SchoolYear; readonly count: number }[] {
  const counts = new Map<string, number>();
  for (const site of sites) {
    if (site.kind !== 'resource-centre') continue;
    for (const year of site.activeYears) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([year, count]) => ({ year: year as SchoolYear, count }));
}
