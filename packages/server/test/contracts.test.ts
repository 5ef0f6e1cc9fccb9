// The contracts declared on the routes: the OpenAPI document and its page, bad input that
// used to give a 500 (NUL bytes, years 0000 and 9999, __proto__, 30 February), and the 503
// answer while the database cannot be reached.
import { readFileSync } from 'node:fs';
import { createNetwork, createNetworkSchedule, instant } from '@eduset/core';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentSecurityPolicy, createServer, type ApiErrorBody } from '../src/index.js';

const cyrillic = /[а-яё]/i;

function expectBilingualError(body: unknown): ApiErrorBody {
  const error = body as ApiErrorBody;
  expect(error.error.message.ru).toMatch(cyrillic);
  expect(error.error.message.en).not.toMatch(cyrillic);
  for (const issue of error.error.issues) {
    expect(Array.isArray(issue.path)).toBe(true);
    expect(issue.message.ru.length).toBeGreaterThan(0);
    expect(issue.message.en.length).toBeGreaterThan(0);
  }
  return error;
}

let storage: Storage;
let server: FastifyInstance;
let slotBody: Record<string, unknown>;

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
  await storage.saveNetwork(createNetwork(read('examples/data/udomlya.json')));
  await storage.saveSchedule(createNetworkSchedule(read('examples/data/udomlya-schedule.json')));
  server = createServer({
    storage,
    staticRoot: 'examples',
    now: () => instant('2027-02-01T06:00:00Z'),
    rateLimit: false,
  });
  const schedule = (await server.inject({ method: 'GET', url: '/api/schedule' })).json<{
    availabilities: { specialistId: string; siteId: string; serviceId: string }[];
  }>();
  const first = schedule.availabilities[0];
  if (first === undefined) throw new Error('the demo schedule has no availability');
  slotBody = {
    specialistId: first.specialistId,
    siteId: first.siteId,
    serviceId: first.serviceId,
    start: '2027-02-02T08:00:00.000Z',
    end: '2027-02-02T08:30:00.000Z',
    childAge: 4,
    contact: { name: 'Анна', phone: '+79123456789' },
    personalDataConsent: true,
  };
});

afterAll(async () => {
  await server.close();
  await storage.close();
});

describe('the API describes itself', () => {
  test('GET /api/openapi.json is generated from the declared schemas of every API route', async () => {
    const answer = await server.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(answer.statusCode).toBe(200);
    const document = answer.json<{
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; parameters?: unknown[] }>>;
    }>();
    expect(document.openapi).toMatch(/^3\./);
    for (const path of ['/api/network', '/api/slots', '/api/bookings', '/api/programmes']) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    const booking = JSON.stringify(document.paths['/api/bookings']?.['post']?.requestBody);
    expect(booking).toContain('personalDataConsent');
    expect(booking).toContain('"additionalProperties":false');
    const apiRoutes = server.routeAccess.filter(
      (route) => route.url.startsWith('/api/') && !route.url.startsWith('/api/docs'),
    );
    for (const route of apiRoutes) {
      if (route.method === 'HEAD' || route.url === '/api/openapi.json') continue;
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(Object.keys(document.paths), route.url).toContain(path);
    }
  });

  test('the page /api/docs loads only its own scripts, under the strict CSP', async () => {
    const page = await server.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(page.body).not.toMatch(/<script>(?!\s*<\/script>)|<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
    expect(page.body).not.toMatch(/<style|\sstyle="/);
    const init = await server.inject({
      method: 'GET',
      url: '/api/docs/static/swagger-initializer.js',
    });
    expect(init.statusCode).toBe(200);
  });
});

describe('bad input is a bilingual 400, never a 500', () => {
  const cases: [string, () => InjectOptions][] = [
    ['a NUL network id', () => ({ method: 'GET', url: '/api/network?network=%00' })],
    [
      'a NUL service id',
      () => ({ method: 'GET', url: '/api/slots?serviceId=%00&from=2027-02-01&to=2027-02-02' }),
    ],
    [
      'slots in year 0000',
      () => ({ method: 'GET', url: '/api/slots?serviceId=x&from=0000-01-01&to=0000-01-02' }),
    ],
    [
      'slots in year 9999',
      () => ({ method: 'GET', url: '/api/slots?serviceId=x&from=9999-12-01&to=9999-12-31' }),
    ],
    [
      'a NUL cancel id',
      () => ({ method: 'POST', url: '/api/bookings/%00/cancel', payload: { token: 'x' } }),
    ],
    [
      'a certificate check in year 0000',
      () => ({ method: 'GET', url: '/api/certificates/123456/balance?birthDate=0000-01-01' }),
    ],
    [
      'a NUL certificate number',
      () => ({ method: 'GET', url: '/api/certificates/%00/balance?birthDate=2016-01-01' }),
    ],
    [
      'a NUL in the contact name',
      () => ({
        method: 'POST',
        url: '/api/bookings',
        payload: { ...slotBody, contact: { name: 'А\u0000', phone: '+79123456789' } },
      }),
    ],
    [
      'a booking on 30 February',
      () => ({
        method: 'POST',
        url: '/api/bookings',
        payload: {
          ...slotBody,
          start: '2027-02-30T08:00:00.000Z',
          end: '2027-02-30T08:30:00.000Z',
        },
      }),
    ],
    [
      'a booking in year 9999',
      () => ({
        method: 'POST',
        url: '/api/bookings',
        payload: {
          ...slotBody,
          start: '9999-12-31T23:00:00.000Z',
          end: '9999-12-31T23:30:00.000Z',
        },
      }),
    ],
    [
      'a booking in year 0000',
      () => ({
        method: 'POST',
        url: '/api/bookings',
        payload: {
          ...slotBody,
          start: '0000-01-01T08:00:00.000Z',
          end: '0000-01-01T08:30:00.000Z',
        },
      }),
    ],
    [
      'a NUL booking id in the iCalendar link',
      () => ({ method: 'GET', url: '/api/bookings/%00.ics?token=%00' }),
    ],
  ];
  test.each(cases)('%s', async (_name, request) => {
    const answer = await server.inject(request());
    expect(answer.statusCode).toBe(400);
    const body = expectBilingualError(answer.json());
    expect(body.error.issues.length).toBeGreaterThan(0);
    expect(body.error.issues.every((issue) => issue.path.length > 0)).toBe(true);
  });

  test('GET /api/schools?district=__proto__ is a 404, not a prototype lookup', async () => {
    for (const district of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const answer = await server.inject({
        method: 'GET',
        url: `/api/schools?district=${district}`,
      });
      expect(answer.statusCode).toBe(404);
      expectBilingualError(answer.json());
    }
  });
});

test('while the database is down the API answers 503 with Retry-After; health still answers', async () => {
  const own = await openStorage({ dataDir: 'memory://' });
  const app = createServer({ storage: own, rateLimit: false });
  expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
  await own.close();
  for (const url of ['/api/ready', '/api/networks', '/api/network', '/api/schedule']) {
    const answer = await app.inject({ method: 'GET', url });
    expect(answer.statusCode, url).toBe(503);
    expect(answer.headers['retry-after']).toMatch(/^\d+$/);
    expect(expectBilingualError(answer.json()).error.code).toBe('database_unavailable');
  }
  const health = await app.inject({ method: 'GET', url: '/api/health' });
  expect(health.statusCode).toBe(200);
  await app.close();
});
