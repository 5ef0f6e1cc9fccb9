import type { ExamResult, RegionalRank, SchoolProfile } from './profile.js';
import { createRandom, randomNormal } from './random.js';

/**
 * Options of {@link generateRegion}.
 *
 * @example
 * ```ts
 * import type { SyntheticRegionOptions } from '@eduset/core/schools';
 * const options: SyntheticRegionOptions = { seed: 1, schools: 40_000 };
 * ```
 */
export interface SyntheticRegionOptions {
  readonly seed: number;
  /** Number of schools: 19 for one district, 40 000 for the whole country. */
  readonly schools: number;
  /** Schools per district (default 19). */
  readonly districtSize?: number;
  /** The last year of results; three years end with it (default 2016). */
  readonly year?: number;
}

const clamp = (x: number, lo = 0, hi = 1): number => Math.min(hi, Math.max(lo, x));
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Generates a seeded synthetic region of realistic school profiles for tests, examples and
 * benchmarks: districts of about 19 schools, each with a town centre and rural schools;
 * passports driven by a latent wellbeing (rural, small and remote schools poorer); exam
 * results driven by wellbeing plus a school effect and noise; regional ranks per level and
 * year over the whole region. The same seed always gives the same region. The figures are
 * plausible, not real.
 *
 * @example
 * ```ts
 * import { generateRegion } from '@eduset/core/schools';
 * const district = generateRegion({ seed: 7, schools: 19 });
 * district[0]?.passport.locality; // 'urban'
 * ```
 */
export function generateRegion(options: SyntheticRegionOptions): SchoolProfile[] {
  const random = createRandom(options.seed);
  const districtSize = options.districtSize ?? 19;
  const lastYear = options.year ?? 2016;
  const years = [lastYear - 2, lastYear - 1, lastYear];
  const schools: SchoolProfile[] = [];
  const quality: number[][] = [];
  for (let i = 0; i < options.schools; i += 1) {
    const district = Math.floor(i / districtSize);
    const position = i % districtSize;
    // The first third of a district's schools are in its town.
    const urban = position < Math.max(1, Math.round(districtSize / 3));
    const distance = urban ? round3(random() * 3) : round3(5 + random() * 55);
    const enrolment = urban
      ? Math.round(350 + random() * 700)
      : Math.round(Math.max(12, 60 + randomNormal(random) * 70 + (60 - distance) * 2));
    const level = urban || enrolment > 140 || random() < 0.4 ? 'secondary' : 'basic';
    const wellbeing =
      randomNormal(random) * 0.8 + (urban ? 0.6 : -0.3) - distance / 80 + enrolment / 1500;
    const w = (scale: number) => wellbeing * scale + randomNormal(random) * scale * 0.5;
    const passport = {
      higherEducationShare: round3(clamp(0.22 + w(0.08))),
      singleParentShare: round3(clamp(0.22 - w(0.05))),
      lowIncomeShare: round3(clamp(0.18 - w(0.08))),
      preventionRegisterShare: round3(clamp(0.025 - w(0.012))),
      nonNativeShare: round3(clamp(Math.abs(randomNormal(random)) * 0.05 - w(0.01))),
      disabilityShare: round3(clamp(0.04 - w(0.012))),
      enrolment,
      locality: urban ? ('urban' as const) : ('rural' as const),
      distanceToCentreKm: distance,
      transport:
        urban || distance < 25
          ? ('regular' as const)
          : random() < 0.5
            ? ('irregular' as const)
            : ('none' as const),
    };
    const effect = randomNormal(random) * 3;
    const examinees = Math.max(2, Math.round(enrolment / (level === 'secondary' ? 11 : 9)));
    const results: ExamResult[] = [];
    const yearly: number[] = [];
    for (const year of years) {
      const base = 60 + 6 * wellbeing + effect;
      const noise = () => (randomNormal(random) * 10) / Math.sqrt(examinees);
      const russian = clamp(round3(base + 6 + noise()), 0, 100);
      const mathematics = clamp(round3(base - 8 + noise()), 0, 100);
      yearly.push((russian + mathematics) / 2);
      results.push(
        {
          year,
          subject: 'russian',
          meanScore: russian,
          shareBelowMinimum: round3(clamp(0.04 - (russian - 60) / 400)),
          examinees,
        },
        {
          year,
          subject: 'mathematics',
          meanScore: mathematics,
          shareBelowMinimum: round3(clamp(0.1 - (mathematics - 50) / 300)),
          examinees,
        },
      );
    }
    quality.push(yearly);
    schools.push({
      id: `d${district + 1}-s${position + 1}`,
      name: `${urban ? 'Городская' : 'Сельская'} ${level === 'secondary' ? 'СШ' : 'ОШ'} № ${position + 1} района ${district + 1}`,
      level,
      passport,
      results,
      regionalRanks: [],
      staffing: {
        teachers: Math.max(6, Math.round(enrolment / 11)),
        vacancies: Math.max(0, Math.round(randomNormal(random) - wellbeing)),
        qualifiedShare: round3(clamp(0.65 + w(0.1))),
      },
      equipment: { standardShare: round3(clamp(0.75 + w(0.1))), internet: random() < 0.95 },
    });
  }
  // Regional ranks: per level and year, by mean score (1 = best).
  for (const level of ['secondary', 'basic'] as const) {
    const members = schools.map((s, i) => (s.level === level ? i : -1)).filter((i) => i >= 0);
    years.forEach((year, y) => {
      const ordered = [...members].sort(
        (a, b) => (quality[b]?.[y] ?? 0) - (quality[a]?.[y] ?? 0) || a - b,
      );
      ordered.forEach((index, place) => {
        const ranks = schools[index]?.regionalRanks as RegionalRank[] | undefined;
        ranks?.push({ year, rank: place + 1, outOf: members.length });
      });
    });
  }
  return schools;
}

/**
 * The features of school profiles for clustering, in a stated order: the six passport
 * shares, enrolment, distance to the centre, and the mean score of `year` (0 when absent).
 * Standardize them (`standardizeColumns`) before k-means or Ward.
 *
 * @example
 * ```ts
 * import { generateRegion, schoolFeatures } from '@eduset/core/schools';
 * schoolFeatures(generateRegion({ seed: 1, schools: 19 }), 2016)[0]?.length; // 9
 * ```
 */
export function schoolFeatures(schools: readonly SchoolProfile[], year: number): number[][] {
  return schools.map((school) => {
    const p = school.passport;
    const results = school.results.filter((r) => r.year === year);
    const score =
      results.length > 0 ? results.reduce((s, r) => s + r.meanScore, 0) / results.length : 0;
    return [
      p.higherEducationShare,
      p.singleParentShare,
      p.lowIncomeShare,
      p.preventionRegisterShare,
      p.nonNativeShare,
      p.disabilityShare,
      p.enrolment,
      p.distanceToCentreKm,
      score,
    ];
  });
}
