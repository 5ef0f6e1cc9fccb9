// The operator's desk over HTTP (the Michurinsk demo, real sign-in, real storage): the
// certificate registry with audited reads of holders, issue, status changes, record ↔ funded,
// a move into this year, versioned parameters and direction limits, and who may do what.
import {
  certificateCardSchema,
  certificateRegistryPageSchema,
  certificateStepAnswerSchema,
  directionLimitsAnswerSchema,
  directionLimitsVersionSchema,
  instant,
  operatorPeriodsSchema,
  parametersAnswerSchema,
  parametersVersionSchema,
  type Grant,
  type Instant,
} from '@eduset/core';
import { openStorage, type AuditEntry, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { seedFinancingIfEmpty } from '../src/cli-financing.js';
import { seedOperatorIfEmpty } from '../src/cli-operator.js';
import { createServer, hashPassword, type ApiErrorBody } from '../src/index.js';

const demoFile = new URL('../../../examples/data/michurinsk-financing.json', import.meta.url)
  .pathname;
// 5 October 2027, 12:00 in Moscow: the demo data moves to the 2027–2028 school year.
const clock: Instant = instant('2027-10-05T09:00:00Z');
const password = 'пароль оператора 2027';

let storage: Storage;
let server: FastifyInstance;
const headers: Record<string, Record<string, string>> = {};

async function signIn(login: string, displayName: string, grants: Grant[]): Promise<void> {
  await storage.identity.createAccount(
    { login, displayName, passwordHash: await hashPassword(password), grants },
    clock,
  );
  const answer = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password },
  });
  expect(answer.statusCode, answer.body).toBe(200);
  const cookie = String(answer.headers['set-cookie']).split(';')[0] ?? '';
  headers[login] = { cookie, 'x-csrf-token': answer.json<{ csrfToken: string }>().csrfToken };
}

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  await seedFinancingIfEmpty(storage, demoFile, clock, () => undefined);
  await seedOperatorIfEmpty(storage, demoFile, clock, () => undefined);
  server = createServer({ storage, now: () => clock, rateLimit: false });
  await server.ready();
  await signIn('umic', 'МБУ «УМИЦ»', [{ role: 'operator', networkId: 'michurinsk' }]);
  await signIn('payer', 'МАОУ СОШ № 5', [{ role: 'payer', networkId: 'michurinsk' }]);
  await signIn('provider', 'ЦДТ', [
    { role: 'provider', networkId: 'michurinsk', organizationId: 'cdt' },
  ]);
  await signIn('elsewhere', 'Оператор другой сети', [{ role: 'operator', networkId: 'udomlya' }]);
});
afterAll(async () => {
  await server?.close();
  await storage?.close();
});

const as = (
  who: string | undefined,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
) =>
  server.inject({
    method,
    url,
    headers: who === undefined ? {} : (headers[who] ?? {}),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

async function auditAfter(wanted: (entries: readonly AuditEntry[]) => boolean) {
  return vi.waitFor(
    async () => {
      const { entries } = await storage.audit.list({}, { limit: 1000 });
      if (!wanted(entries)) throw new Error('not yet');
      return entries;
    },
    { timeout: 5000, interval: 50 },
  );
}

describe("the operator's registry", () => {
  test('lists the registry with the children’s names for the operator, audited; nobody else sees it', async () => {
    const answer = await as('umic', 'GET', '/api/operator/certificates');
    expect(answer.statusCode, answer.body).toBe(200);
    const page = certificateRegistryPageSchema.parse(answer.json());
    expect(page.today).toBe('2027-10-05');
    expect(page.total).toBe(7);
    expect(page.groups.map((g) => g.period.id)).toEqual(['2026-2027', '2027-2028']);
    const smirnova = page.certificates.find((row) => row.childName === 'Смирнова Анна Сергеевна');
    expect(smirnova).toMatchObject({
      kind: 'funded',
      status: 'active',
      age: 12,
      period: '2027-2028',
    });
    expect(smirnova?.balance.available.toString()).toBe('15000.00');
    const demo = page.certificates.find((row) => row.number === '6800000001');
    expect(demo?.childName).toBeUndefined();
    const byName = certificateRegistryPageSchema.parse(
      (await as('umic', 'GET', '/api/operator/certificates?q=попова')).json(),
    );
    expect(byName.certificates.map((row) => row.childName)).toEqual(['Попова Мария Андреевна']);
    const filtered = certificateRegistryPageSchema.parse(
      (
        await as('umic', 'GET', '/api/operator/certificates?status=issued&kind=record&limit=10')
      ).json(),
    );
    expect(filtered.certificates.map((row) => row.childName)).toEqual(['Кузнецов Илья Петрович']);
    const entries = await auditAfter((list) =>
      list.some(
        (entry) =>
          entry.action === 'certificate.holder.read' &&
          entry.recordIds.includes(smirnova?.id ?? '?'),
      ),
    );
    const read = entries.find((entry) => entry.action === 'certificate.holder.read');
    expect(read).toMatchObject({ actorLabel: 'МБУ «УМИЦ»', networkId: 'michurinsk', outcome: 200 });
    expect(JSON.stringify(entries)).not.toContain('Смирнова');

    expect((await as(undefined, 'GET', '/api/operator/certificates')).statusCode).toBe(401);
    for (const who of ['payer', 'provider', 'elsewhere']) {
      expect((await as(who, 'GET', '/api/operator/certificates')).statusCode, who).toBe(403);
    }
    const bad = await as('umic', 'GET', '/api/operator/certificates?status=lost&limit=9999');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiErrorBody>().error.issues.map((issue) => issue.path[0])).toEqual([
      'status',
      'limit',
    ]);
  });

  test('issues a certificate, then activate, suspend, resume; a refused step answers 409 with its rule', async () => {
    const issued = await as('umic', 'POST', '/api/operator/certificates', {
      groupId: 'michurinsk-5-18',
      childName: 'Орлов Максим Юрьевич',
      birthDate: '2016-06-01',
      parentName: 'Орлова Наталья Сергеевна',
      phone: '+7 912 000-22-01',
      email: '',
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const { certificate } = certificateStepAnswerSchema.parse(issued.json());
    // Issued on 5 October: 332 of the period's 366 days of 15 000 ₽.
    expect(certificate).toMatchObject({ kind: 'record', status: 'issued', age: 11 });
    expect(certificate.balance.nominal.toString()).toBe('13606.55');
    const again = await as('umic', 'POST', '/api/operator/certificates', {
      groupId: 'michurinsk-5-18',
      childName: 'орлов  максим юрьевич',
      birthDate: '2016-06-01',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<ApiErrorBody>().error).toMatchObject({ code: 'child-has-certificate' });
    expect(again.json<ApiErrorBody>().error.message.ru).toContain(certificate.number);
    const invalid = await as('umic', 'POST', '/api/operator/certificates', {
      groupId: 'michurinsk-5-18',
      childName: '',
      birthDate: '2016-02-30',
      phone: 'звоните',
    });
    expect(invalid.statusCode).toBe(400);
    const paths = invalid.json<ApiErrorBody>().error.issues.map((issue) => issue.path[0]);
    expect(paths).toEqual(expect.arrayContaining(['childName', 'birthDate', 'phone']));

    const path = `/api/operator/certificates/${certificate.id}`;
    const statuses: string[] = [];
    for (const action of ['activate', 'suspend', 'resume']) {
      const answer = await as('umic', 'POST', `${path}/${action}`, {});
      expect(answer.statusCode, answer.body).toBe(200);
      statuses.push(certificateStepAnswerSchema.parse(answer.json()).certificate.status);
    }
    expect(statuses).toEqual(['active', 'suspended', 'active']);
    const refused = await as('umic', 'POST', `${path}/resume`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ApiErrorBody>().error.code).toBe('invalid-transition');
    expect((await as('payer', 'POST', `${path}/suspend`, {})).statusCode).toBe(403);
    expect(
      (await as('umic', 'POST', '/api/operator/certificates/nope/suspend', {})).statusCode,
    ).toBe(404);
    await auditAfter((list) =>
      list.some(
        (entry) =>
          entry.action === 'POST /api/operator/certificates/:id/suspend' &&
          entry.recordIds.includes(certificate.id) &&
          entry.outcome === 200,
      ),
    );
  });

  test('record → funded and back; the card shows the holder (audited), movements and contracts', async () => {
    const page = certificateRegistryPageSchema.parse(
      (await as('umic', 'GET', '/api/operator/certificates?q=Попова')).json(),
    );
    const id = page.certificates[0]?.id ?? '';
    const url = `/api/operator/certificates/${id}`;
    const funded = await as('umic', 'POST', `${url}/convert`, { to: 'funded' });
    expect(funded.statusCode, funded.body).toBe(200);
    expect(certificateStepAnswerSchema.parse(funded.json()).certificate.kind).toBe('funded');
    const before = operatorPeriodsSchema.parse(
      (await as('umic', 'GET', '/api/operator/periods')).json(),
    );
    const group = before.groups.find((g) => g.id === 'michurinsk-5-18');
    const back = await as('umic', 'POST', `${url}/convert`, { to: 'record' });
    expect(certificateStepAnswerSchema.parse(back.json()).certificate.kind).toBe('record');
    const after = operatorPeriodsSchema.parse(
      (await as('umic', 'GET', '/api/operator/periods')).json(),
    );
    expect(after.groups.find((g) => g.id === 'michurinsk-5-18')?.fundedCount).toBe(
      (group?.fundedCount ?? 0) - 1,
    );
    const card = await as('umic', 'GET', url);
    expect(card.statusCode, card.body).toBe(200);
    const parsed = certificateCardSchema.parse(card.json());
    expect(parsed.holder).toMatchObject({
      childName: 'Попова Мария Андреевна',
      parentName: 'Попов Андрей Николаевич',
    });
    expect(parsed.movements.map((m) => m.kind)).toEqual(['issue']);
    await auditAfter((list) =>
      list.some(
        (entry) =>
          entry.action === 'certificate.holder.read' &&
          entry.recordIds.length === 1 &&
          entry.recordIds[0] === id,
      ),
    );
    expect((await as('payer', 'GET', url)).statusCode).toBe(403);
    expect((await as('umic', 'GET', '/api/operator/certificates/nope')).statusCode).toBe(404);
  });

  test('moves last year’s certificate into this year: the old balance lapses, the new nominal is issued, once', async () => {
    const page = certificateRegistryPageSchema.parse(
      (await as('umic', 'GET', '/api/operator/certificates?q=волков')).json(),
    );
    const row = page.certificates[0];
    expect(row).toMatchObject({ period: '2026-2027', kind: 'funded' });
    const url = `/api/operator/certificates/${row?.id ?? ''}/move`;
    const moved = certificateStepAnswerSchema.parse(
      (await as('umic', 'POST', url, { groupId: 'michurinsk-5-18' })).json(),
    );
    expect(moved.lapsed?.toString()).toBe('15000.00');
    expect(moved.issued?.toString()).toBe('13606.55');
    expect(moved.posted).toBe(2);
    expect(moved.certificate).toMatchObject({ period: '2027-2028', kind: 'funded' });
    const repeat = certificateStepAnswerSchema.parse(
      (await as('umic', 'POST', url, { groupId: 'michurinsk-5-18' })).json(),
    );
    expect(repeat.posted).toBe(0);
    const backwards = await as('umic', 'POST', url, { groupId: 'michurinsk-5-18-2026-2027' });
    expect(backwards.statusCode).toBe(409);
    expect(backwards.json<ApiErrorBody>().error.code).toBe('period-not-later');
  });
});

describe('normative-cost parameters and direction limits', () => {
  test('versions: the seeded one, a new one with who and when, a stale change refused, the payer reads', async () => {
    const first = parametersAnswerSchema.parse(
      (await as('umic', 'GET', '/api/operator/parameters/2027-2028')).json(),
    );
    expect(first.period).toEqual({ id: '2027-2028', start: '2027-09-01', end: '2028-08-31' });
    expect(first.versions.map((v) => v.version)).toEqual([1]);
    const coefficients = first.versions[0]?.definition.coefficients;
    const saved = await as('umic', 'PUT', '/api/operator/parameters/2027-2028', {
      basedOn: 1,
      coefficients: { ...coefficients, urban: { ...coefficients?.urban, zp: 32000 } },
      note: 'Средняя зарплата учителя за 2027 год',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(parametersVersionSchema.parse(saved.json())).toMatchObject({
      version: 2,
      changedBy: { name: 'МБУ «УМИЦ»' },
      changedAt: clock,
      note: 'Средняя зарплата учителя за 2027 год',
    });
    const stale = await as('umic', 'PUT', '/api/operator/parameters/2027-2028', {
      basedOn: 1,
      coefficients,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ApiErrorBody>().error.code).toBe('version-moved');
    const read = parametersAnswerSchema.parse(
      (await as('payer', 'GET', '/api/operator/parameters/2027-2028')).json(),
    );
    expect(read.versions.map((v) => [v.version, v.definition.coefficients.urban.zp])).toEqual([
      [1, 30000],
      [2, 32000],
    ]);
    expect(
      (await as('payer', 'PUT', '/api/operator/parameters/2027-2028', { basedOn: 2, coefficients }))
        .statusCode,
    ).toBe(403);
    expect((await as('provider', 'GET', '/api/operator/parameters/2027-2028')).statusCode).toBe(
      403,
    );
    expect((await as('umic', 'GET', '/api/operator/parameters/1999')).statusCode).toBe(404);
    const bad = await as('umic', 'PUT', '/api/operator/parameters/2027-2028', {
      basedOn: 2,
      coefficients: { ...coefficients, urban: { ...coefficients?.urban, zp: 0 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiErrorBody>().error.issues[0]?.path).toEqual(['coefficients', 'urban', 'zp']);
    await auditAfter((list) =>
      list.some((entry) => entry.recordIds.includes('parameters:2027-2028:2')),
    );
  });

  test('direction limits per period: a version, the counts, a limit below the enrolments refused', async () => {
    const empty = directionLimitsAnswerSchema.parse(
      (await as('umic', 'GET', '/api/operator/direction-limits/2027-2028')).json(),
    );
    expect(empty.versions).toEqual([]);
    expect(empty.counts).toHaveLength(6);
    const saved = await as('umic', 'PUT', '/api/operator/direction-limits/2027-2028', {
      basedOn: 0,
      limits: { technical: 120, artistic: 80 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(directionLimitsVersionSchema.parse(saved.json()).version).toBe(1);
    const now = directionLimitsAnswerSchema.parse(
      (await as('umic', 'GET', '/api/operator/direction-limits/2027-2028')).json(),
    );
    expect(now.counts.find((c) => c.direction === 'technical')).toEqual({
      direction: 'technical',
      max: 120,
      enrolments: 0,
    });
    const negative = await as('umic', 'PUT', '/api/operator/direction-limits/2027-2028', {
      basedOn: 1,
      limits: { technical: -1 },
    });
    expect(negative.statusCode).toBe(400);
  });
});
