// The family's cabinet and the certificate applications over the real server (PGlite, the
// Michurinsk demo seeded as `npm start` does, a fixed clock): the pair opens a session, the
// token (a header, never an address) reads the certificate and the contracts with their
// months and reasons — the pro-rata price the card promised, not the full price — a request
// is withdrawn before acceptance and refused after, a contract is ended from next month; a
// family applies for a certificate, the operator confirms or refuses it, the family signs in
// with the new certificate and activates it; every write and read is in the audit log.
import {
  certificateApplicationCreatedSchema,
  certificateApplicationDecisionSchema,
  certificateApplicationListSchema,
  certificateApplicationViewSchema,
  familyChangeSchema,
  familyContractListSchema,
  familyCertificateSchema,
  familySessionSchema,
  instant,
  Money,
  previewEnrolmentText,
  programmeListSchema,
  type Instant,
} from '@eduset/core';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedFinancingIfEmpty } from '../src/cli-financing.js';
import { createServer, hashPassword, type ApiErrorBody } from '../src/index.js';

const demoFile = new URL('../../../examples/data/michurinsk-financing.json', import.meta.url)
  .pathname;
// Monday 5 October 2026, 10:00 in Moscow: the groups started on 1 September.
const clock: Instant = instant('2026-10-05T07:00:00Z');
const cyrillic = /[а-яё]/i;
const password = 'оператор кабинета 2026';

let storage: Storage;
let server: FastifyInstance;
const staff: Record<string, Record<string, string>> = {};

function bilingual(body: unknown): ApiErrorBody {
  const error = body as ApiErrorBody;
  expect(error.error.message.ru).toMatch(cyrillic);
  expect(error.error.message.en).not.toMatch(cyrillic);
  return error;
}

async function signIn(login: string, grants: unknown[]): Promise<Record<string, string>> {
  await storage.identity.createAccount(
    {
      login,
      displayName: `Сотрудник ${login}`,
      passwordHash: await hashPassword(password),
      grants: grants as never,
    },
    clock,
  );
  const answer = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password },
  });
  expect(answer.statusCode, answer.body).toBe(200);
  const cookie = String(answer.headers['set-cookie']).split(';')[0] ?? '';
  return { cookie, 'x-csrf-token': answer.json<{ csrfToken: string }>().csrfToken };
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

async function open(number: string, birthDate: string): Promise<string> {
  const answer = await server.inject({
    method: 'POST',
    url: '/api/family/session',
    payload: { certificateNumber: number, birthDate },
  });
  expect(answer.statusCode, answer.body).toBe(201);
  return familySessionSchema.parse(answer.json()).token;
}

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  await seedFinancingIfEmpty(storage, demoFile, clock, () => undefined);
  server = createServer({ storage, now: () => clock, rateLimit: false });
  await server.ready();
  staff.operator = await signIn('family-operator', [{ role: 'operator', networkId: 'michurinsk' }]);
  staff.elsewhere = await signIn('other-operator', [{ role: 'operator', networkId: 'udomlya' }]);
  staff.payer = await signIn('family-payer', [{ role: 'payer', networkId: 'michurinsk' }]);
});
afterAll(async () => {
  await server?.close();
  await storage?.close();
});

describe('the cabinet session', () => {
  test('one answer for any wrong pair; the right one opens a session; nothing without it', async () => {
    const wrong = await Promise.all(
      [
        { certificateNumber: '6800000001', birthDate: '2016-04-13' },
        { certificateNumber: '6800009999', birthDate: '2016-04-12' },
      ].map((payload) => server.inject({ method: 'POST', url: '/api/family/session', payload })),
    );
    expect(wrong.map((answer) => answer.statusCode)).toEqual([404, 404]);
    expect(wrong[0]?.json()).toEqual(wrong[1]?.json());
    bilingual(wrong[0]?.json());

    const answer = await server.inject({
      method: 'POST',
      url: '/api/family/session',
      payload: { certificateNumber: '6800000001', birthDate: '2016-04-12' },
    });
    expect(answer.statusCode).toBe(201);
    expect(answer.headers['cache-control']).toBe('no-store');
    const session = familySessionSchema.parse(answer.json());
    expect(session.expiresAt).toBe('2026-10-05T07:30:00.000Z');
    expect(session.certificate).toMatchObject({ number: '6800000001', status: 'active', age: 10 });
    expect(session.certificate.balance.available).toBe('15000.00');

    for (const headers of [{}, bearer('A'.repeat(43)), { authorization: session.token }]) {
      for (const url of ['/api/family/certificate', '/api/family/contracts']) {
        const refused = await server.inject({ url, headers });
        expect(refused.statusCode).toBe(404);
        expect(bilingual(refused.json()).error.code).toBe('family-session-ended');
        expect(refused.body).not.toMatch(/available|6800000001|2016-04-12/);
      }
    }
    const certificate = await server.inject({
      url: '/api/family/certificate',
      headers: bearer(session.token),
    });
    expect(familyCertificateSchema.parse(certificate.json()).number).toBe('6800000001');

    const ended = await server.inject({
      method: 'DELETE',
      url: '/api/family/session',
      headers: bearer(session.token),
    });
    expect(ended.statusCode).toBe(204);
    expect(
      (await server.inject({ url: '/api/family/certificate', headers: bearer(session.token) }))
        .statusCode,
    ).toBe(404);
  });

  test('the attempt limit per certificate is the balance check’s, shared, the right pair too', async () => {
    const number = '6800000003';
    for (let i = 0; i < 4; i += 1) {
      const answer = await server.inject({
        method: 'POST',
        url: '/api/family/session',
        payload: { certificateNumber: number, birthDate: `2010-01-0${String(i + 1)}` },
      });
      expect(answer.statusCode).toBe(404);
    }
    // The fifth wrong date through the balance route: the same counter.
    expect(
      (await server.inject(`/api/certificates/${number}/balance?birthDate=2010-02-01`)).statusCode,
    ).toBe(404);
    const locked = await server.inject({
      method: 'POST',
      url: '/api/family/session',
      payload: { certificateNumber: number, birthDate: '2010-01-25' },
    });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(bilingual(locked.json()).error.code).toBe('too-many-checks');
  });

  test('a municipal site embedding the cabinet may send the token: CORS allows Authorization', async () => {
    const embedded = createServer({
      storage,
      now: () => clock,
      rateLimit: false,
      corsOrigins: ['https://michurinsk-obr.ru'],
    });
    await embedded.ready();
    const preflight = await embedded.inject({
      method: 'OPTIONS',
      url: '/api/family/contracts',
      headers: {
        origin: 'https://michurinsk-obr.ru',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.headers['access-control-allow-origin']).toBe('https://michurinsk-obr.ru');
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('authorization');
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('DELETE');
    await embedded.close();
  });

  test('bad input is a bilingual 400, never a 500', async () => {
    for (const payload of [
      {},
      { certificateNumber: '68', birthDate: '2016-04-12' },
      { certificateNumber: '6800000001', birthDate: '2016-02-30' },
      { certificateNumber: '6800000001', birthDate: '2016-04-12', extra: 1 },
    ]) {
      const answer = await server.inject({ method: 'POST', url: '/api/family/session', payload });
      expect(answer.statusCode).toBe(400);
      bilingual(answer.json());
    }
  });
});

describe('the contracts in the cabinet', () => {
  test('the pro-rata price promised on the card is the price in the cabinet, with its reason', async () => {
    const token = await open('6800000001', '2016-04-12');
    const registry = programmeListSchema.parse(
      (await server.inject('/api/programmes?kind=funded&age=10&limit=5000')).json(),
    );
    const programme = registry.programmes[0];
    if (programme === undefined) throw new Error('no funded programme for a 10-year-old');
    const card = previewEnrolmentText({ programme, today: '2026-10-05', available: '15000.00' });
    expect(card?.proRata).toBe(true);
    const enrolled = await server.inject({
      method: 'POST',
      url: '/api/enrolments',
      payload: {
        certificateNumber: '6800000001',
        birthDate: '2016-04-12',
        programmeId: programme.id,
      },
    });
    expect(enrolled.statusCode, enrolled.body).toBe(201);

    const list = familyContractListSchema.parse(
      (await server.inject({ url: '/api/family/contracts', headers: bearer(token) })).json(),
    );
    expect(list.today).toBe('2026-10-05');
    const [contract] = list.contracts;
    expect(contract).toMatchObject({
      status: 'requested',
      programmeName: programme.name,
      canWithdraw: true,
      canEnd: false,
    });
    // Amounts travel as decimal text, exactly what the navigator's preview computed.
    expect(contract?.all).toBe(card?.all.toString());
    expect(contract?.certificate).toBe(card?.certificate.toString());
    expect(contract?.family).toBe(card?.family.toString());
    expect(contract?.reasons[0]?.ru).toMatch(
      /^Программа уже идёт: занятия группы с 1 сентября 2026/,
    );
    expect(contract?.months[0]?.month).toBe('2026-10');
    expect(
      Money.sum(contract?.months.map((month) => Money.of(month.certificate)) ?? []).toString(),
    ).toBe(contract?.certificate);

    // Withdrawn before the provider accepts it: the reserve returns at once.
    const withdrawn = await server.inject({
      method: 'POST',
      url: `/api/family/contracts/${contract?.id}/withdraw`,
      headers: bearer(token),
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const change = familyChangeSchema.parse(withdrawn.json());
    expect(change.contract).toMatchObject({
      status: 'refused',
      closedBy: 'family',
      canWithdraw: false,
    });
    expect(change.contract.reasons.at(-1)?.ru).toBe(
      'Вы отозвали заявку 5 октября 2026; резерв сертификата снят.',
    );
    expect(change.certificate.balance.available).toBe('15000.00');
    const again = await server.inject({
      method: 'POST',
      url: `/api/family/contracts/${contract?.id}/withdraw`,
      headers: bearer(token),
    });
    expect(again.statusCode).toBe(409);
    expect(bilingual(again.json()).error.code).toBe('not-withdrawable');
  });

  test('refused after acceptance with a typed reason; an active contract ends from next month', async () => {
    const token = await open('6800000002', '2012-10-03');
    const registry = programmeListSchema.parse(
      (await server.inject('/api/programmes?kind=funded&age=13&limit=5000')).json(),
    );
    const programme = registry.programmes[0];
    if (programme === undefined) throw new Error('no funded programme for a 13-year-old');
    const enrolled = await server.inject({
      method: 'POST',
      url: '/api/enrolments',
      payload: {
        certificateNumber: '6800000002',
        birthDate: '2012-10-03',
        programmeId: programme.id,
      },
    });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    const { contract } = enrolled.json<{ contract: { id: string } }>();
    // Someone else's token cannot touch it.
    const other = await open('6800000001', '2016-04-12');
    const foreign = await server.inject({
      method: 'POST',
      url: `/api/family/contracts/${contract.id}/withdraw`,
      headers: bearer(other),
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain(contract.id);

    await storage.financing.transitionContract(contract.id, 'accepted', '2026-10-05');
    const late = await server.inject({
      method: 'POST',
      url: `/api/family/contracts/${contract.id}/withdraw`,
      headers: bearer(token),
    });
    expect(late.statusCode).toBe(409);
    expect(bilingual(late.json()).error.code).toBe('already-accepted');
    expect(late.json<ApiErrorBody>().error.message.ru).toMatch(/уже приняла заявку/);

    await storage.financing.transitionContract(contract.id, 'active', '2026-10-05');
    const ended = await server.inject({
      method: 'POST',
      url: `/api/family/contracts/${contract.id}/end`,
      headers: bearer(token),
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const change = familyChangeSchema.parse(ended.json());
    expect(change.contract).toMatchObject({
      status: 'closed',
      closedBy: 'family',
      end: '2026-10-31',
    });
    expect(change.contract.months.map((month) => month.month)).toEqual(['2026-10']);
    expect(change.contract.reasons.at(-1)?.ru).toMatch(
      /^Договор расторгнут семьёй: последний месяц — октябрь 2026, он оплачивается полностью/,
    );
    expect(change.certificate.balance.reserved).toBe(change.contract.certificate);

    // Billing of the month shows what was paid from the certificate.
    await storage.financing.billMonth('2026-10', 'advance');
    const list = familyContractListSchema.parse(
      (await server.inject({ url: '/api/family/contracts', headers: bearer(token) })).json(),
    );
    const month = list.contracts.find((c) => c.id === contract.id)?.months[0];
    expect(Money.of(month?.paid ?? '0').isZero()).toBe(false);
    expect(month?.settled).toBe(false);
  });
});

describe('applying for a certificate', () => {
  const form = {
    childName: 'Новикова Алиса Игоревна',
    birthDate: '2017-03-08',
    address: 'г. Мичуринск, ул. Лаврова, д. 5, кв. 12',
    email: 'novikova.family@example.ru',
    consentVersion: '2026-12-01',
    personalDataConsent: true,
  };

  async function apply(body: object) {
    return server.inject({ method: 'POST', url: '/api/certificate-applications', payload: body });
  }

  test('refuses bad input, an old consent text and a child outside 5–17, in both languages', async () => {
    const bad = await apply({ ...form, email: 'нет', personalDataConsent: false });
    expect(bad.statusCode).toBe(400);
    expect(
      bilingual(bad.json())
        .error.issues.map((issue) => issue.path[0])
        .sort(),
    ).toEqual(['email', 'personalDataConsent']);
    const old = await apply({ ...form, consentVersion: '2020-01-01' });
    expect(old.statusCode).toBe(409);
    expect(bilingual(old.json()).error.code).toBe('consent-changed');
    const young = await apply({ ...form, birthDate: '2023-01-01' });
    expect(young.statusCode).toBe(409);
    expect(bilingual(young.json()).error.code).toBe('age-out-of-range');
  });

  test('applied, confirmed by the operator, signed in with the new certificate and activated', async () => {
    const created = await apply(form);
    expect(created.statusCode, created.body).toBe(201);
    const { application, code } = certificateApplicationCreatedSchema.parse(created.json());
    expect(application.id).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(application.status).toBe('submitted');
    // The family's view names no one.
    const view = await server.inject({
      url: `/api/certificate-applications/${application.id}`,
      headers: bearer(code),
    });
    expect(view.statusCode).toBe(200);
    expect(view.body).not.toMatch(/Новикова|2017-03-08|Лаврова|novikova/);
    for (const headers of [{}, bearer('x'.repeat(22))]) {
      const refused = await server.inject({
        url: `/api/certificate-applications/${application.id}`,
        headers,
      });
      expect(refused.statusCode).toBe(404);
    }

    // Who may see and decide it.
    const url = '/api/operator/certificate-applications?status=submitted';
    expect((await server.inject({ url })).statusCode).toBe(401);
    expect((await server.inject({ url, headers: staff.payer })).statusCode).toBe(403);
    // An operator of another network sees none and finds none (the same answer as missing).
    const elsewhere = await server.inject({ url, headers: staff.elsewhere });
    expect(certificateApplicationListSchema.parse(elsewhere.json()).applications).toEqual([]);
    const outside = await server.inject({
      method: 'POST',
      url: `/api/operator/certificate-applications/${application.id}/confirm`,
      headers: staff.elsewhere,
      payload: {},
    });
    expect(outside.statusCode).toBe(404);
    expect(bilingual(outside.json()).error.code).toBe('not_found');
    const list = certificateApplicationListSchema.parse(
      (await server.inject({ url, headers: staff.operator })).json(),
    );
    expect(list.applications.map((a) => [a.id, a.email])).toContainEqual([
      application.id,
      form.email,
    ]);

    const confirmed = await server.inject({
      method: 'POST',
      url: `/api/operator/certificate-applications/${application.id}/confirm`,
      headers: staff.operator,
      payload: {},
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const decision = certificateApplicationDecisionSchema.parse(confirmed.json());
    expect(decision.application).toMatchObject({
      status: 'confirmed',
      decidedBy: 'Сотрудник family-operator',
    });
    expect(decision.certificate).toMatchObject({
      kind: 'record',
      status: 'issued',
      period: '2026-2027',
    });
    // 15 000 ₽ × 331 days left of 365 (5 October to 31 August), rounded down to the kopeck.
    expect(decision.certificate?.nominal.toString()).toBe('13602.73');
    const twice = await server.inject({
      method: 'POST',
      url: `/api/operator/certificate-applications/${application.id}/confirm`,
      headers: staff.operator,
      payload: {},
    });
    expect(twice.statusCode).toBe(409);
    expect(bilingual(twice.json()).error.code).toBe('application-decided');

    const status = certificateApplicationViewSchema.parse(
      (
        await server.inject({
          url: `/api/certificate-applications/${application.id}`,
          headers: bearer(code),
        })
      ).json(),
    );
    expect(status).toMatchObject({
      status: 'confirmed',
      certificateNumber: decision.certificate?.number,
    });

    const token = await open(status.certificateNumber ?? '', form.birthDate);
    const activated = await server.inject({
      method: 'POST',
      url: '/api/family/certificate/activate',
      headers: bearer(token),
    });
    expect(activated.statusCode, activated.body).toBe(200);
    expect(familyCertificateSchema.parse(activated.json())).toMatchObject({
      status: 'active',
      kind: 'record',
      activatedOn: '2026-10-05',
    });
    const again = await server.inject({
      method: 'POST',
      url: '/api/family/certificate/activate',
      headers: bearer(token),
    });
    expect(bilingual(again.json()).error.code).toBe('not-activatable');
  });

  test('refused with a reason the family reads; withdrawn and erased; the audit log has it all', async () => {
    const first = certificateApplicationCreatedSchema.parse((await apply(form)).json());
    const refused = await server.inject({
      method: 'POST',
      url: `/api/operator/certificate-applications/${first.application.id}/refuse`,
      headers: staff.operator,
      payload: { reason: 'Адрес вне Мичуринска: приложите справку о регистрации' },
    });
    expect(refused.statusCode, refused.body).toBe(200);
    const seen = certificateApplicationViewSchema.parse(
      (
        await server.inject({
          url: `/api/certificate-applications/${first.application.id}`,
          headers: bearer(first.code),
        })
      ).json(),
    );
    expect(seen).toMatchObject({
      status: 'refused',
      refusalReason: 'Адрес вне Мичуринска: приложите справку о регистрации',
    });
    const erased = await server.inject({
      method: 'POST',
      url: `/api/operator/certificate-applications/${first.application.id}/erase`,
      headers: staff.operator,
      payload: {},
    });
    expect(erased.statusCode).toBe(200);
    expect(erased.body).not.toMatch(/Новикова|novikova|Лаврова/);

    const second = certificateApplicationCreatedSchema.parse((await apply(form)).json());
    const withdrawn = await server.inject({
      method: 'POST',
      url: `/api/certificate-applications/${second.application.id}/withdraw`,
      headers: bearer(second.code),
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(certificateApplicationViewSchema.parse(withdrawn.json()).status).toBe('withdrawn');
    const stored = await storage.family.readApplication(second.application.id);
    expect(stored.email).toBeUndefined();

    await server.close();
    server = createServer({ storage, now: () => clock, rateLimit: false });
    await server.ready();
    const { entries } = await storage.audit.list({}, { limit: 200 });
    const actions = entries.map((entry) => entry.action);
    for (const action of [
      'POST /api/family/session',
      'DELETE /api/family/session',
      'certificate.holder.read',
      'POST /api/family/contracts/:id/withdraw',
      'POST /api/family/contracts/:id/end',
      'POST /api/family/certificate/activate',
      'POST /api/certificate-applications',
      'POST /api/certificate-applications/:id/withdraw',
      'financing.certificate-application.read',
      'financing.certificate-application.write',
    ]) {
      expect(actions, action).toContain(action);
    }
    // Ids only: no name, e-mail, birth date or token in the log.
    expect(JSON.stringify(entries)).not.toMatch(/Новикова|novikova|2017-03-08|Bearer/);
    const read = entries.find((entry) => entry.action === 'financing.certificate-application.read');
    expect(read?.actorLabel).toBe('Сотрудник family-operator');
    expect(read?.recordIds.length).toBeGreaterThan(0);
  });
});
