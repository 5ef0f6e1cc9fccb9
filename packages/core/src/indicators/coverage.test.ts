import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  computeIndicator,
  computeIndicators,
  createDataset,
  indicatorResultSchema,
  type DataValue,
  type IndicatorResult,
  type OrgUnit,
} from './index.js';

// Reporting coverage (issue 16 §3): a share says how many of the units asked reported, and
// "did not report" is judged per organization asked, not per site below it.

const elements = [
  { id: 'consulted', name: { ru: 'Родители, получившие консультацию', en: 'Parents consulted' } },
  { id: 'parents', name: { ru: 'Родители', en: 'Parents' } },
];

const share = {
  id: 'consulted-share',
  version: 1,
  name: { ru: 'Доля родителей с консультацией', en: 'Share of parents consulted' },
  unit: 'percent',
  numerator: '#{consulted}',
  denominator: '#{parents}',
  levels: ['organization', 'municipality'],
  periodType: 'school-year',
  missingValueStrategy: 'never-skip',
} as const;

const value = (dataElement: string, orgUnit: string, v: string): DataValue => ({
  dataElement,
  orgUnit,
  period: '2024-2025',
  value: v,
});

describe('reporting coverage', () => {
  const dataset = createDataset({
    dataElements: elements,
    orgUnits: [
      { id: 'town', name: { ru: 'Город', en: 'Town' }, level: 'municipality' },
      {
        id: 'school-1',
        name: { ru: 'Школа № 1', en: 'School 1' },
        level: 'organization',
        parent: 'town',
      },
      // The annex of school 1: the school reports for it.
      {
        id: 'school-1-annex',
        name: { ru: 'Школа № 1, филиал', en: 'School 1, annex' },
        level: 'site',
        parent: 'school-1',
      },
      {
        id: 'school-2',
        name: { ru: 'Школа № 2', en: 'School 2' },
        level: 'organization',
        parent: 'town',
      },
      {
        id: 'school-3',
        name: { ru: 'Школа № 3', en: 'School 3' },
        level: 'organization',
        parent: 'town',
      },
      {
        id: 'school-3-main',
        name: { ru: 'Школа № 3, основное здание', en: 'School 3, main building' },
        level: 'site',
        parent: 'school-3',
      },
    ],
    values: [
      value('consulted', 'school-1', '40'),
      value('parents', 'school-1', '50'),
      // School 3 reports through its main building (a site): it reported.
      value('consulted', 'school-3-main', '5'),
      value('parents', 'school-3-main', '10'),
    ],
  });

  it('lists as not reporting the school that did not report — not the annex of a school that did', () => {
    const result = computeIndicator(share, dataset, 'town', '2024-2025');
    expect(indicatorResultSchema.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
    expect(result).toMatchObject({
      status: 'value',
      numerator: '45',
      denominator: '60',
      value: '75.0',
      coverage: { reported: 2, expected: 3 },
    });
    expect(result.explanation?.unitsNotReporting).toEqual(['school-2']);
    expect(result.explanation?.notReporting).toEqual([
      { id: 'school-2', name: { ru: 'Школа № 2', en: 'School 2' } },
    ]);
    expect(dataset.reportingUnitsOf('town')).toEqual(['school-1', 'school-2', 'school-3']);
  });

  it('names the inputs in people’s words', () => {
    const result = computeIndicator(share, dataset, 'town', '2024-2025');
    expect(result.explanation?.inputs.map((input) => input.name?.ru)).toEqual([
      'Родители, получившие консультацию',
      'Родители',
    ]);
  });

  it('names a disaggregation and an aggregate in words, and keeps the reference when nothing is known', () => {
    const named = createDataset({
      dataElements: [
        {
          id: 'held',
          name: { ru: 'Консультаций проведено', en: 'Consultations held' },
          disaggregations: {
            'consultation-point': { ru: 'консультационные пункты', en: 'consultation points' },
          },
        },
      ],
      orgUnits: [{ id: 'town', name: { ru: 'Город', en: 'Town' }, level: 'municipality' }],
      values: [
        {
          dataElement: 'held',
          orgUnit: 'town',
          period: '2024-2025',
          disaggregation: 'consultation-point',
          value: '7',
        },
      ],
    });
    const result = computeIndicator(
      {
        ...share,
        unit: 'number',
        numerator: '#{held.consultation-point} + sum(#{held}) + #{held.pmpk} + C{k}',
        denominator: '1',
        missingValueStrategy: 'never-skip',
      },
      named,
      'town',
      '2024-2025',
      { constants: { k: '0' } },
    );
    const names = new Map(
      result.explanation?.inputs.map((input) => [input.reference, input.name?.ru]),
    );
    expect(names.get('#{held.consultation-point}')).toBe(
      'Консультаций проведено: консультационные пункты',
    );
    expect(names.get('sum(#{held})')).toBe('сумма: Консультаций проведено');
    expect(names.get('#{held.pmpk}')).toBe('Консультаций проведено: pmpk');
    expect(names.has('C{k}')).toBe(true);
    expect(names.get('C{k}')).toBeUndefined();
  });

  it('gives the coverage of a school alone, and of a school that did not report', () => {
    expect(computeIndicator(share, dataset, 'school-1', '2024-2025')).toMatchObject({
      status: 'value',
      coverage: { reported: 1, expected: 1 },
    });
    expect(computeIndicator(share, dataset, 'school-2', '2024-2025')).toMatchObject({
      status: 'no-value',
      reason: 'missing-data',
      coverage: { reported: 0, expected: 1 },
    });
  });

  it('gives the same coverage without explanations (the safe-integer path)', () => {
    const [result] = computeIndicators(
      [share],
      dataset,
      { orgUnits: ['town'], periods: ['2024-2025'] },
      { explain: false },
    );
    expect(result).toMatchObject({ coverage: { reported: 2, expected: 3 } });
  });
});

/** A random network: organizations with 0–2 sites each, and which units have which values. */
const networkArbitrary = fc.array(
  fc.record({
    own: fc.option(fc.tuple(fc.nat({ max: 50 }), fc.nat({ max: 50 })), { nil: undefined }),
    sites: fc.array(
      fc.option(fc.tuple(fc.nat({ max: 50 }), fc.nat({ max: 50 })), { nil: undefined }),
      { maxLength: 2 },
    ),
    onlyNumerator: fc.boolean(),
  }),
  { minLength: 1, maxLength: 8 },
);

type Network = (typeof networkArbitrary extends fc.Arbitrary<infer T> ? T : never)[number][];

function build(network: Network, extraSilent: number) {
  const orgUnits: OrgUnit[] = [
    { id: 'town', name: { ru: 'Город', en: 'Town' }, level: 'municipality' },
  ];
  const values: DataValue[] = [];
  const reporting = new Set<string>();
  const add = (
    unit: string,
    pair: readonly [number, number] | undefined,
    onlyNumerator: boolean,
    org: string,
  ) => {
    if (pair === undefined) return;
    values.push(value('consulted', unit, String(pair[0])));
    if (!onlyNumerator) values.push(value('parents', unit, String(pair[0] + pair[1])));
    reporting.add(org);
  };
  network.forEach((org, o) => {
    const id = `org-${o}`;
    orgUnits.push({
      id,
      name: { ru: `Организация ${o}`, en: `Organization ${o}` },
      level: 'organization',
      parent: 'town',
    });
    add(id, org.own, org.onlyNumerator, id);
    org.sites.forEach((site, s) => {
      const siteId = `${id}-site-${s}`;
      orgUnits.push({
        id: siteId,
        name: { ru: `Площадка ${s}`, en: `Site ${s}` },
        level: 'site',
        parent: id,
      });
      add(siteId, site, org.onlyNumerator, id);
    });
  });
  for (let k = 0; k < extraSilent; k += 1) {
    orgUnits.push({
      id: `silent-${k}`,
      name: { ru: `Молчащая ${k}`, en: `Silent ${k}` },
      level: 'organization',
      parent: 'town',
    });
  }
  return { dataset: createDataset({ dataElements: elements, orgUnits, values }), reporting };
}

const strategies = fc.constantFrom(
  'skip-if-any-missing',
  'skip-if-all-missing',
  'never-skip' as const,
);

describe('reporting coverage (property)', () => {
  it('reported ≤ expected, reported = organizations with a value (own or a site’s), and the missing are listed', () => {
    fc.assert(
      fc.property(networkArbitrary, strategies, fc.boolean(), (network, strategy, explain) => {
        const { dataset, reporting } = build(network, 0);
        const definition = { ...share, missingValueStrategy: strategy };
        const [result] = computeIndicators(
          [definition],
          dataset,
          { orgUnits: ['town'], periods: ['2024-2025'] },
          { explain },
        );
        const coverage = (result as IndicatorResult).coverage;
        expect(coverage).toBeDefined();
        if (coverage === undefined) return;
        expect(coverage.reported).toBeLessThanOrEqual(coverage.expected);
        expect(coverage.expected).toBe(network.length);
        expect(coverage.reported).toBe(reporting.size);
        if (explain) {
          const missing = result?.explanation?.unitsNotReporting ?? [];
          expect(missing.length).toBe(coverage.expected - coverage.reported);
          for (const id of missing) expect(reporting.has(id)).toBe(false);
          expect(result?.explanation?.notReporting?.map((unit) => unit.name.ru)).toEqual(
            missing.map((id) => `Организация ${id.slice('org-'.length)}`),
          );
        }
      }),
    );
  });

  it('a unit with no value never changes the numerator or denominator silently: it shows in the coverage', () => {
    fc.assert(
      fc.property(
        networkArbitrary,
        fc.integer({ min: 1, max: 3 }),
        strategies,
        (network, silent, strategy) => {
          const definition = { ...share, missingValueStrategy: strategy };
          const without = computeIndicator(
            definition,
            build(network, 0).dataset,
            'town',
            '2024-2025',
          );
          const withSilent = computeIndicator(
            definition,
            build(network, silent).dataset,
            'town',
            '2024-2025',
          );
          // Same outcome, same numbers…
          expect(withSilent.status).toBe(without.status);
          if (without.status === 'value' && withSilent.status === 'value') {
            expect(withSilent.numerator).toBe(without.numerator);
            expect(withSilent.denominator).toBe(without.denominator);
            expect(withSilent.value).toBe(without.value);
          }
          // …but never silently: the coverage says that more units were asked than reported.
          expect(withSilent.coverage?.reported).toBe(without.coverage?.reported);
          expect(withSilent.coverage?.expected).toBe((without.coverage?.expected ?? 0) + silent);
          expect(withSilent.explanation?.unitsNotReporting).toEqual([
            ...(without.explanation?.unitsNotReporting ?? []),
            ...Array.from({ length: silent }, (_, k) => `silent-${k}`),
          ]);
        },
      ),
    );
  });
});
