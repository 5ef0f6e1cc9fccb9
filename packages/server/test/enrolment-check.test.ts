// An application's certificate check in one statement (financing_check_certificate, migration
// 0026) keeps the attempt limit of the balance check: wrong pairs sent with applications use
// it up, a right pair does not, and over the limit even the right pair answers 429.
import { enrolmentResponseSchema, instant, programmeListSchema, type Instant } from '@eduset/core';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seedFinancingIfEmpty } from '../src/cli-financing.js';
import { createServer, type ApiErrorBody } from '../src/index.js';

const demoFile = new URL('../../../examples/data/michurinsk-financing.json', import.meta.url)
  .pathname;
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

test('applications count wrong pairs under the certificate’s attempt limit, right ones not', async () => {
  const list = programmeListSchema.parse(
    (await server.inject('/api/programmes?kind=funded&age=11&limit=50')).json(),
  );
  const [first, second] = list.programmes;
  if (!first || !second) throw new Error('two funded programmes for age 11 are needed');
  const apply = (birthDate: string, programmeId: string) =>
    server.inject({
      method: 'POST',
      url: '/api/enrolments',
      payload: { certificateNumber: '6800000001', birthDate, programmeId },
    });
  // Four wrong pairs, then a right one: accepted, and it takes its own hit back.
  for (let attempt = 1; attempt <= 4; attempt += 1) {
    expect((await apply(`2016-04-1${String(attempt + 2)}`, first.id)).statusCode).toBe(404);
  }
  const accepted = await apply('2016-04-12', first.id);
  expect(accepted.statusCode).toBe(201);
  expect(enrolmentResponseSchema.parse(accepted.json()).contract.programmeId).toBe(first.id);
  expect((await storage.limits.peek('certificate:6800000001', clock)).hits).toBe(4);
  // The fifth wrong pair reaches the limit; after it the right pair is refused too.
  expect((await apply('2016-04-19', first.id)).statusCode).toBe(404);
  const blocked = await apply('2016-04-12', second.id);
  expect(blocked.statusCode).toBe(429);
  expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(3500);
  expect((blocked.json() as ApiErrorBody).error.code).toBe('too-many-checks');
  const balance = await server.inject('/api/certificates/6800000001/balance?birthDate=2016-04-12');
  expect(balance.statusCode).toBe(429);
});
