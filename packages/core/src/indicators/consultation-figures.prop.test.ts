// The laws of the figures of a parent help service computed from stored rows: the share of
// satisfied parents is the ratio of the sums (never a mean of site shares), adding a
// satisfied answer never lowers it, and splitting by site (or by kind, or by service) and
// summing the counts gives the total.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  catalogDataElements,
  computeIndicators,
  consultationDataValues,
  createDataset,
  indicatorCatalog,
  networkOrgUnits,
  parseIndicatorDefinition,
  serviceConsultationIndicators,
  type ConsultationTally,
  type IndicatorResult,
  type SurveyTally,
} from './index.js';

const kinds = ['consultation-point', 'early-help', 'lekoteka', 'play-support-centre', 'pmpk'];
const services = ['speech', 'psychologist', 'play'];
const YEAR = '2019-2020';
const months = ['2019-09', '2019-12', '2020-03', '2020-06'];

interface World {
  readonly network: ReturnType<typeof networkOf>;
  readonly consultations: ConsultationTally[];
  readonly surveys: SurveyTally[];
}

function networkOf(siteKinds: readonly string[]) {
  return {
    id: 'town',
    municipality: 'Город',
    organizations: [0, 1, 2].map((index) => ({ id: `org-${index}`, name: `ОУ ${index}` })),
    sites: siteKinds.map((kind, index) => ({
      id: `site-${index}`,
      kind,
      name: `Площадка ${index}`,
      hostOrganizationId: `org-${index % 3}`,
    })),
  };
}

const worldArbitrary: fc.Arbitrary<World> = fc
  .array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 7 })
  .chain((siteKinds) => {
    const network = networkOf(siteKinds);
    const siteIds = network.sites.map((site) => site.id);
    const consultation = fc.record({
      siteId: fc.constantFrom(...siteIds),
      serviceId: fc.constantFrom(...services),
      month: fc.constantFrom(...months),
      attended: fc.nat({ max: 40 }),
    });
    const survey = fc
      .record({
        siteId: fc.constantFrom(...siteIds),
        serviceId: fc.constantFrom(...services),
        answered: fc.nat({ max: 30 }),
        share: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ siteId, serviceId, answered, share }): SurveyTally => ({
        siteId,
        serviceId,
        schoolYear: YEAR,
        answered,
        satisfied: Math.round(answered * share),
      }));
    return fc.record({
      network: fc.constant(network),
      consultations: fc.array(consultation, { maxLength: 25 }),
      surveys: fc.array(survey, { maxLength: 25 }),
    });
  });

function compute(world: World, indicatorIds: readonly string[], level?: 'site' | 'organization') {
  const generated = serviceConsultationIndicators(
    services.map((id) => ({ id, name: `Услуга ${id}` })),
  ).map((input) => parseIndicatorDefinition(input));
  const definitions = [...indicatorCatalog, ...generated].filter((d) =>
    indicatorIds.includes(d.id),
  );
  const dataset = createDataset({
    dataElements: catalogDataElements,
    orgUnits: networkOrgUnits(world.network),
    values: consultationDataValues(world.network, world.consultations, world.surveys),
  });
  return computeIndicators(
    definitions,
    dataset,
    { periods: [YEAR], ...(level === undefined ? { orgUnits: ['town'] } : { level }) },
    { explain: false },
  );
}

function valueOf(results: readonly IndicatorResult[], indicator: string, orgUnit = 'town') {
  const result = results.find((r) => r.indicator === indicator && r.orgUnit === orgUnit);
  return result?.status === 'value' ? result : undefined;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** 100 × a / b rounded half-up to a whole number, in integers. */
function percentHalfUp(a: number, b: number): string {
  return String(Math.floor((200 * a + b) / (2 * b)));
}

describe('figures of a parent help service from stored rows (properties)', () => {
  it('the share of satisfied parents is the ratio of the sums, never a mean of site shares', () => {
    fc.assert(
      fc.property(worldArbitrary, (world) => {
        const answered = sum(world.surveys.map((s) => s.answered));
        const satisfied = sum(world.surveys.map((s) => s.satisfied));
        const results = compute(world, ['parents-satisfied-share']);
        const share = valueOf(results, 'parents-satisfied-share');
        if (answered === 0) {
          expect(share).toBeUndefined();
          return;
        }
        expect(share?.numerator).toBe(String(satisfied));
        expect(share?.denominator).toBe(String(answered));
        expect(share?.value).toBe(percentHalfUp(satisfied, answered));
        expect(share?.partial).toBe(false);

        // The Udomlya definition: consultation points and early-help services only.
        const counted = world.surveys.filter((s) => {
          const kind = world.network.sites.find((site) => site.id === s.siteId)?.kind;
          return kind === 'consultation-point' || kind === 'early-help';
        });
        const udomlya = valueOf(
          compute(world, ['udomlya-parents-satisfied-share']),
          'udomlya-parents-satisfied-share',
        );
        const a = sum(counted.map((s) => s.satisfied));
        const b = sum(counted.map((s) => s.answered));
        if (b === 0) expect(udomlya).toBeUndefined();
        else {
          expect(udomlya?.value).toBe(percentHalfUp(a, b));
          // Whole at the network: every kind it has got its zero.
          const networkKinds = new Set(world.network.sites.map((site) => site.kind));
          const bothKinds =
            networkKinds.has('consultation-point') && networkKinds.has('early-help');
          if (bothKinds) expect(udomlya?.partial).toBe(false);
        }
      }),
    );
  });

  it('adding a satisfied answer never lowers the share, at the site, its organization or the network', () => {
    fc.assert(
      fc.property(
        worldArbitrary,
        fc.nat(),
        fc.constantFrom(...services),
        (world, pick, serviceId) => {
          const site = world.network.sites[pick % world.network.sites.length];
          if (site === undefined) return;
          const more: World = {
            ...world,
            surveys: [
              ...world.surveys,
              { siteId: site.id, serviceId, schoolYear: YEAR, answered: 1, satisfied: 1 },
            ],
          };
          const units = ['town', site.hostOrganizationId, site.id];
          const levels = [undefined, 'organization', 'site'] as const;
          units.forEach((unit, index) => {
            const level = levels[index];
            const before = valueOf(
              compute(world, ['parents-satisfied-share'], level),
              'parents-satisfied-share',
              unit,
            );
            const after = valueOf(
              compute(more, ['parents-satisfied-share'], level),
              'parents-satisfied-share',
              unit,
            );
            expect(after).toBeDefined();
            if (before === undefined || after === undefined) return;
            // a/b ≤ (a+1)/(b+1) when a ≤ b: compare the exact fractions, then the shown values.
            const [a, b] = [BigInt(before.numerator), BigInt(before.denominator)];
            const [c, d] = [BigInt(after.numerator), BigInt(after.denominator)];
            expect(c * b >= a * d).toBe(true);
            expect(Number(after.value)).toBeGreaterThanOrEqual(Number(before.value));
          });
        },
      ),
    );
  });

  it('splitting by site, by kind or by service and summing the counts gives the total', () => {
    fc.assert(
      fc.property(worldArbitrary, (world) => {
        const total = sum(world.consultations.map((c) => c.attended));
        const atNetwork = valueOf(compute(world, ['consultations-held']), 'consultations-held');
        if (total === 0) {
          expect(atNetwork).toBeUndefined();
          return;
        }
        expect(atNetwork?.value).toBe(String(total));
        const bySite = compute(world, ['consultations-held'], 'site').filter(
          (r) => r.status === 'value',
        );
        expect(sum(bySite.map((r) => (r.status === 'value' ? Number(r.value) : 0)))).toBe(total);
        for (const result of bySite) {
          const own = world.consultations.filter((c) => c.siteId === result.orgUnit);
          expect(result.status === 'value' && result.value).toBe(
            String(sum(own.map((c) => c.attended))),
          );
        }
        const kindIds = kinds.map((kind) => `consultations-held-${kind}`);
        const byKind = compute(world, kindIds).filter((r) => r.status === 'value');
        expect(sum(byKind.map((r) => (r.status === 'value' ? Number(r.value) : 0)))).toBe(total);
        const serviceIds = services.map((id) => `consultations-held-service-${id}`);
        const byService = compute(world, serviceIds).filter((r) => r.status === 'value');
        expect(sum(byService.map((r) => (r.status === 'value' ? Number(r.value) : 0)))).toBe(total);
      }),
    );
  });

  it('does not depend on the order of the stored rows', () => {
    fc.assert(
      fc.property(
        worldArbitrary.chain((world) =>
          fc.tuple(
            fc.constant(world),
            fc.shuffledSubarray(world.consultations, { minLength: world.consultations.length }),
            fc.shuffledSubarray(world.surveys, { minLength: world.surveys.length }),
          ),
        ),
        ([world, consultations, surveys]) => {
          expect(consultationDataValues(world.network, consultations, surveys)).toEqual(
            consultationDataValues(world.network, world.consultations, world.surveys),
          );
        },
      ),
    );
  });
});

describe('consultationDataValues', () => {
  it('writes each kind of the network a zero at the network for every period with data', () => {
    const values = consultationDataValues(
      {
        id: 'town',
        sites: [
          { id: 'kp', kind: 'consultation-point' },
          { id: 'rp', kind: 'early-help' },
        ],
      },
      [{ siteId: 'kp', serviceId: 'speech', month: '2019-10', attended: 3 }],
      [],
    );
    expect(values).toEqual(
      expect.arrayContaining([
        {
          dataElement: 'consultations-held',
          orgUnit: 'kp',
          period: '2019-10',
          disaggregation: 'consultation-point',
          value: '3',
        },
        {
          dataElement: 'consultations-held-by-service',
          orgUnit: 'kp',
          period: '2019-10',
          disaggregation: 'speech',
          value: '3',
        },
        {
          dataElement: 'consultations-held',
          orgUnit: 'town',
          period: '2019-10',
          disaggregation: 'early-help',
          value: '0',
        },
      ]),
    );
    expect(values).toHaveLength(4);
  });

  it('counts a site the network no longer lists at the network, without a kind', () => {
    const values = consultationDataValues(
      { id: 'town', sites: [] },
      [{ siteId: 'gone', serviceId: 'speech', month: '2019-10', attended: 2 }],
      [{ siteId: 'gone', serviceId: 'speech', schoolYear: '2019-2020', answered: 2, satisfied: 1 }],
    );
    expect(
      values.map((v) => `${v.dataElement} ${v.orgUnit} ${v.disaggregation ?? '-'} ${v.value}`),
    ).toEqual([
      'consultations-held town - 2',
      'consultations-held-by-service town - 2',
      'parents-satisfied town - 1',
      'parents-surveyed town - 2',
    ]);
  });
});
