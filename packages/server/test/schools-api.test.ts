import { schoolMapDataSchema } from '@eduset/core/schools';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { errorResponse, schoolRoutes } from '../src/index.js';

const dataFile = new URL('../../../examples/data/tutaev-schools.json', import.meta.url).pathname;

describe('the schools API', () => {
  it('serves the map data and the table; an unknown district is a bilingual 404', async () => {
    const server = Fastify();
    server.setErrorHandler((error, _request, reply) => {
      const { status, body } = errorResponse(error);
      return reply.code(status).send(body);
    });
    await server.register(schoolRoutes({ dataFile }));
    const answer = await server.inject({ method: 'GET', url: '/api/schools' });
    expect(answer.statusCode).toBe(200);
    const data = schoolMapDataSchema.parse(answer.json());
    expect(data.schools).toHaveLength(19);
    expect(data.clusterCount).toBe(4);
    const csv = await server.inject({
      method: 'GET',
      url: '/api/schools/identification.csv?onlyFlagged=true',
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('МОУ Ченцевская СШ;217;18;да');
    const missing = await server.inject({ method: 'GET', url: '/api/schools?district=nowhere' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message.ru).toContain('Район не найден');
    const invalid = await server.inject({ method: 'GET', url: '/api/schools?foo=1' });
    expect(invalid.statusCode).toBe(400);
    await server.close();
  });
});
