// A running server whose PostgreSQL goes away: liveness still answers, readiness and every
// API route answer 503 with Retry-After and a bilingual body, never 500 — then the access
// log: one JSON line per request, with its id and route, and no personal data.
import { Writable } from 'node:stream';
import { openStorage, type Storage } from '@eduset/adapters';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createServer, type ApiErrorBody } from '../src/index.js';
import { startPostgresServer, type PostgresServer } from '../../adapters/test/postgres-server.js';

let postgres: PostgresServer;
let storage: Storage;

beforeAll(async () => {
  postgres = await startPostgresServer();
  storage = await openStorage({ databaseUrl: postgres.createDatabase('eduset_down') });
});

afterAll(async () => {
  await storage.close().catch(() => undefined);
  postgres.stop();
});

test('PostgreSQL stopped under a running server: 503 with Retry-After, health still 200', async () => {
  const server = createServer({ storage, rateLimit: false });
  expect((await server.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
  postgres.stop();
  const urls = [
    '/api/ready',
    '/api/networks',
    '/api/network',
    '/api/schedule',
    '/api/booking-options',
    '/api/programmes',
  ];
  for (const url of urls) {
    const answer = await server.inject({ method: 'GET', url });
    expect(answer.statusCode, url).toBe(503);
    expect(answer.headers['retry-after'], url).toMatch(/^\d+$/);
    const body = answer.json<ApiErrorBody>();
    expect(body.error.code).toBe('database_unavailable');
    expect(body.error.message.ru).toMatch(/[а-яё]/i);
    expect(body.error.message.en).toMatch(/database/i);
  }
  expect((await server.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  await server.close();
}, 60_000);

test('the access log: one JSON line per request, redacted, with the request id', async () => {
  const own = await openStorage({ dataDir: 'memory://' });
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const server = createServer({
    storage: own,
    rateLimit: false,
    logger: { level: 'info', stream },
  });
  await server.inject({
    method: 'GET',
    url: '/api/bookings/b-1.ics?token=s3cret&network=x',
    headers: { 'x-request-id': 'req-42' },
  });
  await server.inject({
    method: 'GET',
    url: '/api/certificates/6800000001/balance?birthDate=2016-04-12',
    headers: { 'x-request-id': 'bad id with spaces' },
  });
  await server.inject({
    method: 'POST',
    url: '/api/bookings',
    payload: { contact: { name: 'Анна', phone: '+79123456789' } },
  });
  await server.inject({
    method: 'GET',
    url: '/api/networks?who=anna@example.org&tel=%2B79123456789',
  });
  const entries = lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry['msg'] === 'request');
  expect(entries).toHaveLength(4);
  expect(entries[0]).toMatchObject({
    reqId: 'req-42',
    method: 'GET',
    route: '/api/bookings/:id.ics',
    query: 'token=*&network=x',
    status: 404,
  });
  expect(entries[1]?.['reqId']).toMatch(/^[0-9a-f-]{36}$/);
  expect(entries[1]?.['route']).toBe('/api/certificates/:number/balance');
  const all = lines.join('\n');
  for (const secret of [
    's3cret',
    '2016-04-12',
    '6800000001',
    'Анна',
    '79123456789',
    'anna@example',
  ]) {
    expect(all).not.toContain(secret);
  }
  await server.close();
  await own.close();
});
