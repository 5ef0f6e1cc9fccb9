// The programme desks over HTTP (issue 15): a provider signs in, creates a programme, submits
// it; the operator returns it with remarks; the provider fixes and resubmits; the operator
// approves; only then do families find it in the navigator and enrol. Real server, real
// sign-ins, PGlite seeded with the Michurinsk demo registry.
import { openStorage, type Storage } from '@eduset/adapters';
import {
  enrolmentResponseSchema,
  instant,
  programmeListSchema,
  programmeReviewDetailSchema,
  programmeReviewListSchema,
  providerProgrammeListSchema,
  type Grant,
  type Instant,
  type ProgrammeDraftInput,
} from '@eduset/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedFinancingIfEmpty } from '../src/cli-financing.js';
import { createServer, hashPassword, type ApiErrorBody } from '../src/index.js';

const demoFile = new URL('../../../examples/data/michurinsk-financing.json', import.meta.url)
  .pathname;
// 20 August 2026: the demo year 2026–2027 is coming; enrolment opens.
let clock: Instant = instant('2026-08-20T09:00:00Z');
const password = 'программы на проверке 2026';

let storage: Storage;
let server: FastifyInstance;

interface Session {
  readonly headers: Readonly<Record<string, string>>;
}
const sessions: Record<string, Session> = {};

async function signIn(login: string, displayName: string, grants: Grant[]): Promise<Session> {
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
  const { csrfToken } = answer.json() as { csrfToken: string };
  return { headers: { cookie, 'x-csrf-token': csrfToken } };
}

function call(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  return server.inject({
    method,
    url,
    headers: sessions[who]?.headers ?? {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

const robotics: ProgrammeDraftInput = {
  name: 'Инженерная робототехника',
  description: 'Собираем и программируем роботов на конструкторах',
  fundingKind: 'funded',
  direction: 'technical',
  ageFrom: 8,
  ageTo: 13,
  hours: 72,
  hoursPerWeek: 2,
  groupSize: { min: 4, max: 10 },
  modules: [
    {
      name: 'Первый год',
      hours: 72,
      price: '9000',
      groups: [
        {
          name: 'Группа вторника',
          start: '2026-09-01',
          end: '2027-05-31',
          capacity: 10,
          weekdays: [2],
          time: { from: '16:00', to: '17:30' },
        },
      ],
    },
  ],
};

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  await seedFinancingIfEmpty(storage, demoFile, clock, () => undefined);
  server = createServer({
    storage,
    now: () => clock,
    rateLimit: false,
    loginThrottle: {
      perAccount: { max: 100, windowMs: 60_000 },
      perAddress: { max: 100, windowMs: 60_000 },
    },
  });
  await server.ready();
  sessions.cdt = await signIn('cdt-methodist', 'Петрова И. В. (ЦДТ)', [
    { role: 'provider', networkId: 'michurinsk', organizationId: 'cdt' },
  ]);
  sessions.dialog = await signIn('dialog-head', 'Соколова М. А. (Диалог)', [
    { role: 'provider', networkId: 'michurinsk', organizationId: 'dialog' },
  ]);
  sessions.operator = await signIn('umic', 'Оператор УМИЦ', [
    { role: 'operator', networkId: 'michurinsk' },
  ]);
  sessions.payer = await signIn('payer-5', 'Плательщик', [
    { role: 'payer', networkId: 'michurinsk' },
  ]);
});
afterAll(async () => {
  await server?.close();
  await storage?.close();
});

const navigatorFinds = async (words: string) =>
  programmeListSchema.parse(
    (await server.inject(`/api/programmes?q=${encodeURIComponent(words)}`)).json(),
  );

describe('programme desks', () => {
  let id = '';
  let revision = 0;

  test('a provider sees its own programmes only: the demo registry counts as approved', async () => {
    const answer = await call('cdt', 'GET', '/api/provider/programmes');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    const list = providerProgrammeListSchema.parse(answer.json());
    expect(list.providers.map((provider) => provider.id)).toEqual(['cdt']);
    expect(list.programmes).toHaveLength(39);
    expect(list.programmes.every((item) => item.providerId === 'cdt')).toBe(true);
    expect(list.programmes.every((item) => item.state === 'approved' && item.published)).toBe(true);
    const names = list.programmes.map((item) => item.name);
    expect([...names].sort((a, b) => a.localeCompare(b, 'ru'))).toEqual(names);
  });

  test('a new programme: a draft families cannot find or enrol in', async () => {
    const created = await call('cdt', 'POST', '/api/provider/programmes', { programme: robotics });
    expect(created.statusCode, created.body).toBe(201);
    const detail = programmeReviewDetailSchema.parse(created.json());
    id = detail.review.programmeId;
    revision = detail.review.revision;
    expect(id).toMatch(/^cdt-[0-9a-f]{8}$/);
    expect(detail.review).toMatchObject({ state: 'draft', revision: 1, providerId: 'cdt' });
    expect(detail.review.published).toBeUndefined();
    expect(detail.provider.name).toBe('МБОУ ДО «Центр детского творчества»');
    expect(detail.review.draft.district).toBe('Центр');
    expect(detail.review.draft.modules[0]?.groups[0]?.time).toEqual({ from: '16:00', to: '17:30' });

    expect((await navigatorFinds('Инженерная робототехника')).total).toBe(0);
    const enrol = await server.inject({
      method: 'POST',
      url: '/api/enrolments',
      payload: { certificateNumber: '6800000001', birthDate: '2016-04-12', programmeId: id },
    });
    expect(enrol.statusCode).toBe(404);
    expect((enrol.json() as ApiErrorBody).error.message.ru).toContain('ещё не одобрил');

    // Another provider, and the payer, get nothing: 404 like an id that does not exist.
    const other = await call('dialog', 'GET', `/api/provider/programmes/${id}`);
    const none = await call('dialog', 'GET', '/api/provider/programmes/cdt-nothing');
    expect([other.statusCode, none.statusCode]).toEqual([404, 404]);
    expect(other.json()).toEqual(none.json());
    expect(
      (
        await call('dialog', 'PUT', `/api/provider/programmes/${id}`, {
          revision,
          programme: robotics,
        })
      ).statusCode,
    ).toBe(404);
    expect((await call('payer', 'GET', `/api/provider/programmes/${id}`)).statusCode).toBe(403);
    // A provider names only its own organization.
    expect(
      (
        await call('cdt', 'POST', '/api/provider/programmes', {
          providerId: 'dialog',
          programme: robotics,
        })
      ).statusCode,
    ).toBe(403);
  });

  test('bad input answers 400 with every problem in Russian and English', async () => {
    const answer = await call('cdt', 'PUT', `/api/provider/programmes/${id}`, {
      revision,
      programme: {
        ...robotics,
        ageFrom: 14,
        modules: [
          {
            ...robotics.modules[0],
            groups: [{ ...robotics.modules[0]?.groups[0], capacity: 0, end: '2026-08-01' }],
          },
        ],
      },
    });
    expect(answer.statusCode).toBe(400);
    const issues = (answer.json() as ApiErrorBody).error.issues;
    expect(issues.map((issue) => issue.path.join('.'))).toContain(
      'programme.modules.0.groups.0.capacity',
    );
    for (const issue of issues) {
      expect(issue.message.ru).not.toBe('');
      expect(issue.message.en).not.toBe('');
    }
    const ages = await call('cdt', 'PUT', `/api/provider/programmes/${id}`, {
      revision,
      programme: { ...robotics, ageFrom: 14 },
    });
    expect(ages.statusCode).toBe(400);
    expect((ages.json() as ApiErrorBody).error.issues[0]?.message.ru).toBe(
      'Возраст «до» меньше возраста «от»',
    );
  });

  test('submitted → returned with remarks → edited → resubmitted → approved; then families find it', async () => {
    let answer = await call('cdt', 'POST', `/api/provider/programmes/${id}/submit`, { revision });
    expect(answer.statusCode, answer.body).toBe(200);
    revision = programmeReviewDetailSchema.parse(answer.json()).review.revision;

    // The provider cannot edit while the operator reviews; the provider cannot decide.
    answer = await call('cdt', 'PUT', `/api/provider/programmes/${id}`, {
      revision,
      programme: robotics,
    });
    expect(answer.statusCode).toBe(409);
    expect((answer.json() as ApiErrorBody).error.code).toBe('under-review');
    expect(
      (await call('cdt', 'POST', `/api/operator/programme-reviews/${id}/approve`, { revision }))
        .statusCode,
    ).toBe(403);

    const queue = programmeReviewListSchema.parse(
      (await call('operator', 'GET', '/api/operator/programme-reviews')).json(),
    );
    expect(queue.reviews.map((item) => [item.programmeId, item.providerName, item.state])).toEqual([
      [id, 'МБОУ ДО «Центр детского творчества»', 'submitted'],
    ]);
    const seen = programmeReviewDetailSchema.parse(
      (await call('operator', 'GET', `/api/operator/programme-reviews/${id}`)).json(),
    );
    expect(seen.review.draft.certification).toBe('pending');

    answer = await call('operator', 'POST', `/api/operator/programme-reviews/${id}/return`, {
      revision,
      remarks: '   ',
    });
    expect(answer.statusCode).toBe(400);
    clock = instant('2026-08-20T09:10:00Z');
    answer = await call('operator', 'POST', `/api/operator/programme-reviews/${id}/return`, {
      revision,
      remarks: 'Укажите второй день занятий: 2 часа в неделю — это два занятия',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    revision = programmeReviewDetailSchema.parse(answer.json()).review.revision;

    const mine = providerProgrammeListSchema.parse(
      (await call('cdt', 'GET', '/api/provider/programmes')).json(),
    );
    expect(mine.programmes.find((item) => item.programmeId === id)).toMatchObject({
      state: 'returned',
      remarks: 'Укажите второй день занятий: 2 часа в неделю — это два занятия',
      published: false,
    });

    // A stale revision is refused; the current one goes through.
    answer = await call('cdt', 'PUT', `/api/provider/programmes/${id}`, {
      revision: revision - 1,
      programme: robotics,
    });
    expect([answer.statusCode, (answer.json() as ApiErrorBody).error.code]).toEqual([
      409,
      'revision-moved',
    ]);
    const current = programmeReviewDetailSchema.parse(
      (await call('cdt', 'GET', `/api/provider/programmes/${id}`)).json(),
    );
    const groupId = current.review.draft.modules[0]?.groups[0]?.id;
    const moduleId = current.review.draft.modules[0]?.id;
    answer = await call('cdt', 'PUT', `/api/provider/programmes/${id}`, {
      revision,
      programme: {
        ...robotics,
        modules: [
          {
            ...robotics.modules[0],
            id: moduleId,
            groups: [{ ...robotics.modules[0]?.groups[0], id: groupId, weekdays: [2, 4] }],
          },
        ],
      },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    revision = programmeReviewDetailSchema.parse(answer.json()).review.revision;
    answer = await call('cdt', 'POST', `/api/provider/programmes/${id}/submit`, { revision });
    revision = programmeReviewDetailSchema.parse(answer.json()).review.revision;
    expect((await navigatorFinds('Инженерная робототехника')).total).toBe(0);

    clock = instant('2026-08-20T09:20:00Z');
    answer = await call('operator', 'POST', `/api/operator/programme-reviews/${id}/approve`, {
      revision,
      normativeCosts: { [String(moduleId)]: '8000' },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const approved = programmeReviewDetailSchema.parse(answer.json());
    expect(approved.review.state).toBe('approved');
    expect(approved.review.published?.certification).toBe('certified');
    expect(
      approved.review.history.map((event) => [event.action, event.by.name, event.at.slice(11, 16)]),
    ).toEqual([
      ['create', 'Петрова И. В. (ЦДТ)', '09:00'],
      ['submit', 'Петрова И. В. (ЦДТ)', '09:00'],
      ['return', 'Оператор УМИЦ', '09:10'],
      ['edit', 'Петрова И. В. (ЦДТ)', '09:10'],
      ['submit', 'Петрова И. В. (ЦДТ)', '09:10'],
      ['approve', 'Оператор УМИЦ', '09:20'],
    ]);

    const found = await navigatorFinds('Инженерная робототехника');
    expect(found.total).toBe(1);
    expect(found.placesLeft).toEqual({ [String(groupId)]: 10 });
    expect(found.districts).toContain('Центр');
    const enrol = await server.inject({
      method: 'POST',
      url: '/api/enrolments',
      payload: { certificateNumber: '6800000001', birthDate: '2016-04-12', programmeId: id },
    });
    expect(enrol.statusCode, enrol.body).toBe(201);
    const contract = enrolmentResponseSchema.parse(enrol.json()).contract;
    // Price 9 000, normative 8 000: the family pays the part above the normative cost.
    expect(contract.family.toString()).not.toBe('0.00');
    expect((await navigatorFinds('Инженерная робототехника')).placesLeft).toEqual({
      [String(groupId)]: 9,
    });
  });

  test('an edit of an approved programme waits for review; the approved version stays in the navigator', async () => {
    const current = programmeReviewDetailSchema.parse(
      (await call('cdt', 'GET', `/api/provider/programmes/${id}`)).json(),
    );
    const module = current.review.draft.modules[0];
    const group = module?.groups[0];
    // One child is enrolled: the group cannot go below 1 place, nor disappear.
    const fewer = await call('cdt', 'PUT', `/api/provider/programmes/${id}`, {
      revision: current.review.revision,
      programme: {
        ...robotics,
        name: 'Робототехника: конструируем',
        modules: [{ ...robotics.modules[0], id: module?.id, groups: [] }],
      },
    });
    expect([fewer.statusCode, (fewer.json() as ApiErrorBody).error.code]).toEqual([
      409,
      'group-in-use',
    ]);
    expect(current.taken).toEqual({ [String(group?.id)]: 1 });
    const edited = await call('cdt', 'PUT', `/api/provider/programmes/${id}`, {
      revision: current.review.revision,
      programme: {
        ...robotics,
        name: 'Робототехника: конструируем',
        modules: [
          {
            ...robotics.modules[0],
            id: module?.id,
            groups: [{ ...robotics.modules[0]?.groups[0], id: group?.id, capacity: 1 }],
          },
        ],
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const detail = programmeReviewDetailSchema.parse(edited.json());
    expect(detail.review.state).toBe('draft');
    expect(detail.changes.map((change) => change.what.ru)).toEqual(
      expect.arrayContaining(['Название', `Группа «Группа вторника» (Первый год)`]),
    );
    expect((await navigatorFinds('Инженерная робототехника')).total).toBe(1);
    expect((await navigatorFinds('конструируем')).total).toBe(0);
  });

  test('every write is in the audit log with the programme and its provider', async () => {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const page = await storage.audit.list({ action: 'financing.programme.review' });
    expect(
      page.entries.map((entry) => [entry.outcome, entry.organizationId, entry.actorLabel]),
    ).toEqual([
      [200, 'cdt', 'Оператор УМИЦ'],
      [200, 'cdt', 'Оператор УМИЦ'],
    ]);
    // A write refused before its handler (blank remarks) is recorded under its route.
    const refused = await storage.audit.list({
      action: 'POST /api/operator/programme-reviews/:id/return',
    });
    expect(refused.entries.map((entry) => [entry.outcome, entry.actorLabel])).toEqual([
      [400, 'Оператор УМИЦ'],
    ]);
    expect(
      page.entries.some((entry) =>
        entry.recordIds.some((record) => record.startsWith(`programme:${id}@`)),
      ),
    ).toBe(true);
    const written = await storage.audit.list({ action: 'financing.programme.write' });
    expect(written.entries.filter((entry) => entry.outcome === 409).length).toBeGreaterThanOrEqual(
      2,
    );
  });
});
