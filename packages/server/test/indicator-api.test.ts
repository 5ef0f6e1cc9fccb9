import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { indicatorReportSchema } from '@eduset/core/indicators';
import { errorResponse, indicatorRoutes } from '../src/index.js';

const dataDir = fileURLToPath(new URL('../../../examples/data/indicators/', import.meta.url));

function server(dir: string | undefined) {
  const app = Fastify();
  app.setErrorHandler((error, _request, reply) => {
    const { status, body } = errorResponse(error);
    return reply.code(status).send(body);
  });
  void app.register(indicatorRoutes(dir === undefined ? {} : { dataDir: dir }));
  return app;
}

describe('GET /api/indicators', () => {
  const app = server(dataDir);

  it('answers the demo municipality at the municipal level for the asked periods', async () => {
    const answer = await app.inject({
      method: 'GET',
      url: '/api/indicators?level=municipality&period=2018-2019,2019-2020&period=2020-2021',
    });
    expect(answer.statusCode).toBe(200);
    const report = indicatorReportSchema.parse(answer.json());
    expect(report.periods).toEqual(['2018-2019', '2019-2020', '2020-2021']);
    // (Consultations held and parents satisfied come from the storage's rows, not these
    // files: see feedback-figures.test.ts.)
    const points = report.results.filter(
      (r) => r.indicator === 'udomlya-consultation-points' && r.orgUnit === 'udomlya',
    );
    expect(points.map((r) => (r.status === 'value' ? r.value : r.reason))).toEqual(['6', '8', '8']);
    expect(points[1]?.explanation?.text.ru).toBe('Число консультационных пунктов (в. 1): 8 = 8');
    expect(report.orgUnits.map((unit) => unit.id)).toEqual(['udomlya']);
  });

  it('narrows to org units and indicators, without explanations', async () => {
    const answer = await app.inject({
      method: 'GET',
      url: '/api/indicators?orgUnit=ds-teremok&indicator=udomlya-consultation-points&explain=false&period=2018-2019,2019-2020,2020-2021',
    });
    const report = indicatorReportSchema.parse(answer.json());
    expect(report.indicators.map((i) => i.id)).toEqual(['udomlya-consultation-points']);
    expect(
      report.results.every((r) => r.explanation === undefined && r.orgUnit === 'ds-teremok'),
    ).toBe(true);
    expect(report.results.map((r) => r.period)).toEqual(['2018-2019', '2019-2020', '2020-2021']);
  });

  it('reports a bad query with every issue in Russian and English', async () => {
    const answer = await app.inject({
      method: 'GET',
      url: '/api/indicators?level=planet&period=лето&extra=1',
    });
    expect(answer.statusCode).toBe(400);
    const body = answer.json<{
      error: { issues: { path: (string | number)[]; message: { ru: string; en: string } }[] };
    }>();
    expect(body.error.issues.map((issue) => issue.path[0])).toEqual(
      expect.arrayContaining(['level', 'period']),
    );
    expect(
      body.error.issues.every(
        (issue) => issue.message.ru.length > 0 && issue.message.en.length > 0,
      ),
    ).toBe(true);
    expect(
      (await app.inject({ method: 'GET', url: '/api/indicators?orgUnit=atlantis' })).statusCode,
    ).toBe(404);
  });

  it('answers 404 when no data is configured', async () => {
    const answer = await server(undefined).inject({ method: 'GET', url: '/api/indicators' });
    expect(answer.statusCode).toBe(404);
    expect(answer.json<{ error: { code: string } }>().error.code).toBe('no_indicator_data');
  });
});
