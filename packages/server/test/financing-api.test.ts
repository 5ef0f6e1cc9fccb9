import {
  certificateBalanceSchema,
  enrolmentResponseSchema,
  instant,
  programmeListSchema,
  type Instant,
} from '@eduset/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedFinancingIfEmpty } from '../src/cli-financing.js';
import type { ApiErrorBody } from '../src/index.js';
import { createServer } from '../src/index.js';
import { openStorage, type Storage } from '@eduset/adapters';

const demoFile = new URL('../../../examples/data/michurinsk-financing.json', import.meta.url)
  .pathname;
// A day in the school year after the one the demo data was generated for: seeding moves it.
const clock: Instant = instant('2027-10-05T09:00:00Z');

let storage: Storage;
let server: FastifyInstance;

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  await seedFinancingIfEmpty(storage, demoFile, clock, () => undefined);
  server = createServer({ storage, now: () => clock, rateLimit: false });
  await server.ready();
});
afterAll(async () => {
  await server?.close();
  await storage?.close();
});

describe('financing API', () => {
  test('GET /api/programmes lists and filters the seeded Michurinsk registry', async () => {
    const all = programmeListSchema.parse(
      (await server.inject('/api/programmes?limit=5000')).json(),
    );
    expect(all.total).toBe(383);
    const kinds = { budget: 0, paid: 0, funded: 0 };
    for (const programme of all.programmes) kinds[programme.fundingKind] += 1;
    expect(kinds).toEqual({ budget: 278, paid: 74, funded: 31 });
    expect(all.programmes[0]?.modules[0]?.groups[0]?.start).toBe('2027-09-01');
    const funded = programmeListSchema.parse(
      (await server.inject('/api/programmes?kind=funded&age=10&limit=5')).json(),
    );
    expect(funded.programmes.length).toBeLessThanOrEqual(5);
    expect(
      funded.programmes.every(
        (p) => p.fundingKind === 'funded' && p.ageFrom <= 10 && p.ageTo >= 10,
      ),
    ).toBe(true);
    const bad = await server.inject('/api/programmes?age=abc&weekday=9');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as ApiErrorBody).error.issues.map((i) => i.path[0])).toEqual([
      'weekday',
      'age',
    ]);
  });

  test('a balance needs the child’s birth date; a wrong one answers 404 like a wrong number', async () => {
    const ok = await server.inject('/api/certificates/6800000001/balance?birthDate=2016-04-12');
    expect(ok.statusCode).toBe(200);
    const balance = certificateBalanceSchema.parse(ok.json());
    expect([balance.available.toString(), balance.period]).toEqual(['15000.00', '2027-2028']);
    expect((await server.inject('/api/certificates/6800000001/balance')).statusCode).toBe(400);
    const wrong = await server.inject('/api/certificates/6800000001/balance?birthDate=2016-04-13');
    const unknown = await server.inject(
      '/api/certificates/6899999999/balance?birthDate=2016-04-12',
    );
    expect([wrong.statusCode, unknown.statusCode]).toEqual([404, 404]);
    expect(wrong.json()).toEqual(unknown.json());
  });

  test('POST /api/enrolments reserves the certificate part; limits answer 409 with their code', async () => {
    const list = programmeListSchema.parse(
      (await server.inject('/api/programmes?kind=funded&age=11&limit=50')).json(),
    );
    const programme = list.programmes[0];
    if (!programme) throw new Error('no funded programme for age 11');
    const body = {
      certificateNumber: '6800000001',
      birthDate: '2016-04-12',
      programmeId: programme.id,
    };
    // The demo-1 child is 11 in October 2027.
    const created = await server.inject({ method: 'POST', url: '/api/enrolments', payload: body });
    expect(created.statusCode).toBe(201);
    const answer = enrolmentResponseSchema.parse(created.json());
    expect(answer.contract.status).toBe('requested');
    expect(answer.contract.start).toBe('2027-10-05');
    expect(answer.balance.reserved.equals(answer.contract.certificate)).toBe(true);
    expect(answer.balance.available.add(answer.balance.reserved).toString()).toBe('15000.00');
    const again = await server.inject({ method: 'POST', url: '/api/enrolments', payload: body });
    expect(again.statusCode).toBe(409);
    expect((again.json() as ApiErrorBody).error.code).toBe('duplicate-module');
    expect((again.json() as ApiErrorBody).error.message.ru).toMatch(/модуль/);
    const invalid = await server.inject({
      method: 'POST',
      url: '/api/enrolments',
      payload: { ...body, certificateNumber: '12' },
    });
    expect(invalid.statusCode).toBe(400);
  });
});
