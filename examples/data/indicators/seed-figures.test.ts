// The figures of the seed documents, reproduced by the built-in catalog from the raw records
// of this folder (see ../README.md for what each record is and where it comes from).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadIndicatorFiles, type LoadedIndicatorFiles } from '@eduset/adapters';
import {
  checkValidationRules,
  computeIndicators,
  indicatorCatalog,
  indicatorCatalogInput,
  IndicatorSession,
  type IndicatorResult,
} from '@eduset/core/indicators';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
let loaded: LoadedIndicatorFiles;
let session: IndicatorSession;

beforeAll(async () => {
  loaded = await loadIndicatorFiles({
    orgUnits: here('org-units.json'),
    values: [here('data-values.csv')],
  });
  session = new IndicatorSession(loaded.dataset, { indicators: indicatorCatalog });
});

function value(indicator: string, orgUnit: string, period: string): string {
  const definition = indicatorCatalog.find((d) => d.id === indicator);
  if (definition === undefined) throw new Error(indicator);
  const result: IndicatorResult = session.compute(definition, orgUnit, period);
  return result.status === 'value' ? result.value : `no value: ${result.reason}`;
}

const series = (indicator: string, orgUnit: string, periods: string[]): string[] =>
  periods.map((period) => value(indicator, orgUnit, period));

describe('seed figures from raw records', () => {
  it('reads every row of the raw data file', () => {
    const [file] = loaded.imports;
    expect(file?.result.rejected).toEqual([]);
    expect(file?.result.values.length).toBe(file?.result.rows);
  });

  it('Udomlya: organizations involved 3 (2012-13) … 9 (2019-20, 2020-21); consultation points 2 → 8; 43 % in 2020-21', () => {
    const years = [
      '2012-2013',
      '2013-2014',
      '2014-2015',
      '2015-2016',
      '2016-2017',
      '2017-2018',
      '2018-2019',
      '2019-2020',
      '2020-2021',
    ];
    expect(series('udomlya-organizations-involved', 'udomlya', years)).toEqual([
      '3',
      '4',
      '4',
      '4',
      '4',
      '6',
      '8',
      '9',
      '9',
    ]);
    expect(series('udomlya-consultation-points', 'udomlya', years)).toEqual([
      '2',
      '2',
      '2',
      '3',
      '2',
      '3',
      '6',
      '8',
      '8',
    ]);
    expect(value('udomlya-organizations-involved-share', 'udomlya', '2020-2021')).toBe('43');
  });

  // Parents consulted (343, 601, 447) and satisfied (87 %, 92 %, 94 %) are computed from the
  // bookings and survey answers eduset stores, not from these files:
  // packages/server/test/feedback-figures.test.ts loads ../udomlya-consultations.csv into a
  // storage and asks the dashboard's API.
  it('holds no typed-in figure of consultations or satisfaction', () => {
    const typed = loaded.dataset.values.filter((v) =>
      ['parents-consulted', 'parents-surveyed', 'parents-satisfied', 'consultations-held'].includes(
        v.dataElement,
      ),
    );
    expect(typed).toEqual([]);
  });

  it('Udomlya profile courses: 35 resource-centre-years, 3–6 a year; 815 certificates; 15–24 % of senior students', () => {
    const years = [
      '2011-2012',
      '2012-2013',
      '2013-2014',
      '2014-2015',
      '2015-2016',
      '2016-2017',
      '2017-2018',
      '2018-2019',
    ];
    const centres = series('udomlya-resource-centres', 'udomlya', years).map(Number);
    expect(centres.reduce((a, b) => a + b, 0)).toBe(35);
    expect(Math.min(...centres)).toBe(3);
    expect(Math.max(...centres)).toBe(6);
    const certificates = series('udomlya-course-certificates', 'udomlya', years).map(Number);
    expect(certificates.reduce((a, b) => a + b, 0)).toBe(815);
    const shares = series('udomlya-senior-students-in-network-share', 'udomlya', years).map(Number);
    expect(Math.min(...shares)).toBe(15);
    expect(Math.max(...shares)).toBe(24);
  });

  it('Michurinsk: 11 677 certificates by 01.09.2020; programmes 278 + 74 + 31; funded coverage 504 (5 %) and 709 (7 %)', () => {
    expect(value('michurinsk-certificates', 'michurinsk', '2020-09-01')).toBe('11677');
    expect(value('michurinsk-programmes', 'michurinsk', '2020-09-01')).toBe('383');
    expect(
      ['budget', 'paid', 'funded'].map((kind) =>
        value(`michurinsk-programmes-${kind}`, 'michurinsk', '2020-09-01'),
      ),
    ).toEqual(['278', '74', '31']);
    expect(
      series('michurinsk-funded-coverage-children', 'michurinsk', ['2018-09-01', '2020-09-01']),
    ).toEqual(['504', '709']);
    expect(
      series('michurinsk-funded-coverage-share', 'michurinsk', ['2018-09-01', '2020-09-01']),
    ).toEqual(['5', '7']);
  });

  it('Michurinsk inventory: 29 organizations, 253 rooms, 21 871 m², 68 staff', () => {
    expect(
      ['organizations', 'rooms', 'area', 'staff'].map((id) =>
        value(`michurinsk-inventory-${id}`, 'michurinsk', '2020-09-01'),
      ),
    ).toEqual(['29', '253', '21871', '68']);
  });

  it('the raw records pass the validation rules (senior students in the network within the seniors)', () => {
    const violations = checkValidationRules(
      [
        {
          id: 'network-not-above-seniors',
          name: { ru: 'В сети не больше старшеклассников', en: 'Network not above seniors' },
          left: '#{senior-students-in-network}',
          operator: '<=',
          right: '#{senior-students}',
        },
      ],
      loaded.dataset,
      {
        periods: [
          '2011-2012',
          '2012-2013',
          '2013-2014',
          '2014-2015',
          '2015-2016',
          '2016-2017',
          '2017-2018',
          '2018-2019',
          '2019-2020',
          '2020-2021',
        ],
      },
    );
    expect(violations).toEqual([]);
  });

  it('another region loading the catalog as a JSON file gets the same numbers', async () => {
    const file = await readFile(here('catalog.json'), 'utf8');
    expect(JSON.parse(file)).toEqual(JSON.parse(JSON.stringify(indicatorCatalogInput)));
    const fromFile = await loadIndicatorFiles({
      orgUnits: here('org-units.json'),
      values: [here('data-values.csv')],
      definitions: here('catalog.json'),
    });
    const query = {
      level: 'municipality' as const,
      periods: ['2018-2019', '2019-2020', '2020-2021', '2020-09-01'],
    };
    const strip = (results: IndicatorResult[]) =>
      results.map((r) =>
        r.status === 'value'
          ? `${r.indicator} ${r.orgUnit} ${r.period} ${r.value}`
          : `${r.indicator} ${r.orgUnit} ${r.period} ${r.reason}`,
      );
    expect(
      strip(computeIndicators(fromFile.definitions, fromFile.dataset, query, { explain: false })),
    ).toEqual(
      strip(computeIndicators(indicatorCatalog, loaded.dataset, query, { explain: false })),
    );
  });
});
