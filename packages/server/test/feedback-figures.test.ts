// The figures of the Udomlya parent help service from stored rows (issue 14 §4): the demo's
// past years (examples/data/udomlya-consultations.csv) are seeded into an empty storage once,
// in a few seconds, and the dashboard's API computes from those rows exactly the seed's
// figures — consultations held 343, 601, 447 and parents satisfied 87 %, 92 %, 94 % — on
// PGlite and on a PostgreSQL server.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createNetwork, createNetworkSchedule } from '@eduset/core';
import { indicatorReportSchema, type IndicatorResult } from '@eduset/core/indicators';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, seedConsultationHistoryIfEmpty } from '../src/index.js';
import { usePostgresServer } from '../../adapters/test/postgres-server.js';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
const history = `${examples}data/udomlya-consultations.csv`;
const years = ['2018-2019', '2019-2020', '2020-2021'];

async function seedDemo(storage: Storage): Promise<{ imported: number; ms: number }> {
  const read = async (name: string): Promise<unknown> =>
    JSON.parse(await readFile(`${examples}data/${name}`, 'utf8'));
  await storage.saveNetwork(createNetwork(await read('udomlya.json')));
  await storage.saveSchedule(createNetworkSchedule(await read('udomlya-schedule.json')));
  const started = performance.now();
  const imported = await seedConsultationHistoryIfEmpty(storage, history, () => undefined);
  return { imported, ms: performance.now() - started };
}

function values(results: readonly IndicatorResult[], indicator: string, orgUnit = 'udomlya') {
  return years.map((period) => {
    const result = results.find(
      (r) => r.indicator === indicator && r.orgUnit === orgUnit && r.period === period,
    );
    return result?.status === 'value' ? result : undefined;
  });
}

function figuresContract(engine: 'pglite' | 'postgres', open: () => Promise<Storage>): void {
  describe(`the seed practice's figures from stored rows (${engine})`, () => {
    let storage: Storage;
    let server: FastifyInstance;
    let seeded: { imported: number; ms: number };

    beforeAll(async () => {
      storage = await open();
      seeded = await seedDemo(storage);
      server = createServer({ storage, staticRoot: examples, rateLimit: false });
      await server.ready();
    }, 120_000);

    afterAll(async () => {
      await server?.close();
      await storage?.close();
    });

    test('the history is seeded fast, once per empty storage', async () => {
      expect(seeded.imported).toBe(1585);
      expect(seeded.ms).toBeLessThan(5_000);
      expect(await seedConsultationHistoryIfEmpty(storage, history, () => undefined)).toBe(0);
      // Nothing of the history holds a contact.
      const stored = await storage.listBookings('udomlya', {
        to: '2021-07-01T00:00:00.000Z' as never,
      });
      expect(stored).toHaveLength(1585);
      expect(stored.every((booking) => booking.contactErased && booking.contact.name === '')).toBe(
        true,
      );
    });

    test('the dashboard API gives 343, 601, 447 and 87 %, 92 %, 94 % from the rows', async () => {
      const answer = await server.inject({
        method: 'GET',
        url:
          '/api/indicators?orgUnit=udomlya,tver-region&period=2018-2019,2019-2020,2020-2021' +
          '&indicator=udomlya-parents-consulted,udomlya-parents-satisfied-share,consultations-held,parents-satisfied-share',
      });
      expect(answer.statusCode, answer.body).toBe(200);
      const report = indicatorReportSchema.parse(answer.json());
      const consulted = values(report.results, 'udomlya-parents-consulted');
      expect(consulted.map((r) => r?.value)).toEqual(['343', '601', '447']);
      expect(consulted.every((r) => r?.partial === false)).toBe(true);
      const satisfied = values(report.results, 'udomlya-parents-satisfied-share');
      expect(satisfied.map((r) => r?.value)).toEqual(['87', '92', '94']);
      // The share is re-derived from the summed answers of every site.
      expect(satisfied.map((r) => `${r?.numerator}/${r?.denominator}`)).toEqual([
        '261/300',
        '460/500',
        '376/400',
      ]);
      // The explanation shows the sums by kind of site: (КП + РП) / (КП + РП) × 100.
      const text = satisfied[1]?.explanation?.text.ru ?? '';
      const parts = /\((\d+) \+ (\d+)\) \/ \((\d+) \+ (\d+)\) × 100 = 92$/.exec(text);
      expect(parts, text).not.toBeNull();
      const [, a, b, c, d] = (parts ?? []).map(Number);
      expect([(a ?? 0) + (b ?? 0), (c ?? 0) + (d ?? 0)]).toEqual([460, 500]);
      // The region is re-derived from the same sums.
      expect(
        values(report.results, 'udomlya-parents-satisfied-share', 'tver-region').map(
          (r) => r?.value,
        ),
      ).toEqual(['87', '92', '94']);
      // The history holds consultation points and early-help services only.
      expect(values(report.results, 'consultations-held').map((r) => r?.value)).toEqual([
        '343',
        '601',
        '447',
      ]);
      expect(values(report.results, 'parents-satisfied-share').map((r) => r?.value)).toEqual([
        '87',
        '92',
        '94',
      ]);
    });

    test('by site, by kind and by service the counts sum to the total; the share is no mean of site shares', async () => {
      const bySite = indicatorReportSchema.parse(
        (
          await server.inject(
            '/api/indicators?level=site&period=2019-2020&indicator=consultations-held,parents-satisfied-share&explain=false',
          )
        ).json(),
      );
      const held = bySite.results.filter(
        (r) => r.indicator === 'consultations-held' && r.status === 'value',
      );
      expect(held.length).toBe(10);
      expect(held.reduce((sum, r) => sum + (r.status === 'value' ? Number(r.value) : 0), 0)).toBe(
        601,
      );
      const shares = bySite.results.filter(
        (r) => r.indicator === 'parents-satisfied-share' && r.status === 'value',
      );
      const sums = shares.reduce<[number, number]>(
        ([satisfied, answered], r) =>
          r.status === 'value'
            ? [satisfied + Number(r.numerator), answered + Number(r.denominator)]
            : [satisfied, answered],
        [0, 0],
      );
      expect(sums).toEqual([460, 500]);

      const byKind = indicatorReportSchema.parse(
        (
          await server.inject(
            '/api/indicators?orgUnit=udomlya&period=2019-2020&explain=false&indicator=' +
              ['consultation-point', 'early-help', 'lekoteka', 'play-support-centre', 'pmpk']
                .map((kind) => `consultations-held-${kind}`)
                .join(','),
          )
        ).json(),
      );
      const kinds = Object.fromEntries(
        byKind.results.map((r) => [r.indicator, r.status === 'value' ? r.value : r.reason]),
      );
      expect(Number(kinds['consultations-held-consultation-point'])).toBeGreaterThan(400);
      expect(
        Number(kinds['consultations-held-consultation-point']) +
          Number(kinds['consultations-held-early-help']),
      ).toBe(601);
      expect(kinds['consultations-held-lekoteka']).toBe('0');

      const byService = indicatorReportSchema.parse(
        (
          await server.inject('/api/indicators?orgUnit=udomlya&period=2019-2020&explain=false')
        ).json(),
      );
      const services = byService.results.filter(
        (r) => r.indicator.startsWith('consultations-held-service-') && r.status === 'value',
      );
      expect(services.length).toBeGreaterThanOrEqual(5);
      expect(
        services.reduce((sum, r) => sum + (r.status === 'value' ? Number(r.value) : 0), 0),
      ).toBe(601);
      const names = byService.indicators.map((indicator) => indicator.name.ru);
      expect(names).toContain('Консультаций проведено: Консультация учителя-логопеда');
    });
  });
}

figuresContract('pglite', () => openStorage({ dataDir: 'memory://' }));

const postgres = usePostgresServer();
figuresContract('postgres', async () =>
  openStorage({ databaseUrl: postgres.createDatabase('feedback_figures') }),
);
