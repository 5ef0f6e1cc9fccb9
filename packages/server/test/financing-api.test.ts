import {
  certificateBalanceSchema,
  Money,
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
    expect(answer.balance.reserved).toBe(answer.contract.certificate);
    expect(
      Money.of(answer.balance.available).add(Money.of(answer.balance.reserved)).toString(),
    ).toBe('15000.00');
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

  test('one answer for every wrong pair, then 429 per certificate even for the right pair', async () => {
    const check = (number: string, birthDate: string) =>
      server.inject(`/api/certificates/${number}/balance?birthDate=${birthDate}`);
    const right = await check('6800000002', '2012-10-03');
    expect(right.statusCode).toBe(200);
    expect(right.headers['cache-control']).toBe('no-store');
    expect(right.headers['referrer-policy']).toBe('no-referrer');
    const unknown = await check('6811111111', '2012-10-03');
    const wrongDates: unknown[] = [];
    // Right checks do not use up the limit; five wrong ones do.
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const wrong = await check('6800000002', `2012-10-1${attempt}`);
      expect(wrong.statusCode).toBe(404);
      expect(wrong.headers['cache-control']).toBe('no-store');
      wrongDates.push(wrong.json());
      if (attempt === 2) expect((await check('6800000002', '2012-10-03')).statusCode).toBe(200);
    }
    expect(
      wrongDates.every((body) => JSON.stringify(body) === JSON.stringify(unknown.json())),
    ).toBe(true);
    const blocked = await check('6800000002', '2012-10-03');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(3500);
    const text = (blocked.json() as ApiErrorBody).error.message;
    expect(text.ru).toMatch(/Слишком много попыток/);
    expect(text.en).toMatch(/Too many tries/);
    // Enrolment with the same certificate is refused the same way, before anything else.
    const list = programmeListSchema.parse(
      (await server.inject('/api/programmes?kind=funded&age=15&limit=5')).json(),
    );
    const programmeId = list.programmes[0]?.id ?? '';
    const enrol = await server.inject({
      method: 'POST',
      url: '/api/enrolments',
      payload: { certificateNumber: '6800000002', birthDate: '2012-10-03', programmeId },
    });
    expect(enrol.statusCode).toBe(429);
    // A number that does not exist is limited the same way: the limit tells nothing.
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await check('6811111112', '2012-10-03')).statusCode).toBe(404);
    }
    expect((await check('6811111112', '2012-10-03')).statusCode).toBe(429);
    // The other certificates are not affected; a malformed number is a 400.
    expect((await check('6800000003', '2010-01-25')).statusCode).toBe(200);
    expect((await check('68-0000', '2010-01-25')).statusCode).toBe(400);
  });

  test('a wrong programme, module or group answers the same whatever the pair', async () => {
    const list = programmeListSchema.parse(
      (await server.inject('/api/programmes?kind=funded&age=17&limit=5')).json(),
    );
    const programmeId = list.programmes[0]?.id ?? '';
    const enrol = (payload: Record<string, string>) =>
      server.inject({ method: 'POST', url: '/api/enrolments', payload });
    const rightPair = { certificateNumber: '6800000003', birthDate: '2010-01-25' };
    const wrongPair = { certificateNumber: '6800000003', birthDate: '2010-01-26' };
    const unknownPair = { certificateNumber: '6822222222', birthDate: '2010-01-25' };
    const bads: Record<string, string>[] = [
      { programmeId: 'no-such-programme' },
      { programmeId, moduleId: 'no-such-module' },
      { programmeId, groupId: 'no-such-group' },
    ];
    for (const bad of bads) {
      const answers = await Promise.all(
        [rightPair, wrongPair, unknownPair].map((pair) => enrol({ ...pair, ...bad })),
      );
      expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404]);
      expect(answers[1]?.json()).toEqual(answers[0]?.json());
      expect(answers[2]?.json()).toEqual(answers[0]?.json());
    }
    // A wrong pair with a real programme answers like the balance check.
    const wrong = await enrol({ ...wrongPair, programmeId });
    const balance = await server.inject(
      '/api/certificates/6800000003/balance?birthDate=2010-01-27',
    );
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json()).toEqual(balance.json());
    expect(wrong.headers['cache-control']).toBe('no-store');
  });
});
