// The provider's desk over the Michurinsk demo, with real accounts and real sign-ins: families
// apply through the public API; the provider «ЦДТ» sees its own applications only (with the
// child's age, never the birth date), accepts one before the group starts (in force on the
// start date), declines one with a reason, enters attendance, sees the month's acts (as JSON
// and CSV with formula cells neutralised) agree with the payer's settlement to the kopeck, and
// terminates a contract; another provider reaches none of it; every read and write is audited.
import {
  certificateSchema,
  completenessPercent,
  deskAttendanceAnswerSchema,
  deskContractAnswerSchema,
  deskContractsAnswerSchema,
  instant,
  ledgerEntry,
  providerActsAnswerSchema,
  providerApplicationsAnswerSchema,
  settleMonth,
  type Grant,
  type Instant,
} from '@eduset/core';
import { openStorage, type AuditEntry, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { seedFinancingIfEmpty } from '../src/cli-financing.js';
import { createServer, hashPassword, type ApiErrorBody } from '../src/index.js';

const demoFile = new URL('../../../examples/data/michurinsk-financing.json', import.meta.url)
  .pathname;

/** The server's clock, moved by the tests (Moscow is UTC+3). */
let clock: Instant = instant('2026-08-26T09:00:00Z');
const setDay = (day: string): void => {
  clock = instant(`${day}T09:00:00Z`);
};

const accounts: Record<string, { displayName: string; grant: Grant }> = {
  cdt: {
    displayName: 'ЦДТ, методист',
    grant: { role: 'provider', networkId: 'michurinsk', organizationId: 'cdt' },
  },
  ckit: {
    displayName: 'ЦКИТ, методист',
    grant: { role: 'provider', networkId: 'michurinsk', organizationId: 'ckit' },
  },
  payer: { displayName: 'Плательщик', grant: { role: 'payer', networkId: 'michurinsk' } },
  operator: { displayName: 'Оператор', grant: { role: 'operator', networkId: 'michurinsk' } },
};
type Who = keyof typeof accounts | 'anonymous';
const sessions = {} as Record<Who, Record<string, string>>;
const password = 'рабочее место поставщика 2026';

/** Extra certificates of the demo group: number, birth date (age on 1 September 2026). */
const children = {
  e1: ['6800000101', '2015-05-01'], // 11
  e2: ['6800000102', '2016-02-01'], // 10
  e3: ['6800000103', '2014-06-01'], // 12
  e4: ['6800000104', '2015-03-01'], // 11
} as const;
type Child = keyof typeof children;
const applied = {} as Record<'a1' | 'a2' | 'a3' | 'a4', string>;

let storage: Storage;
let server: FastifyInstance;

async function signIn(who: Exclude<Who, 'anonymous'>): Promise<void> {
  const answer = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: who, password },
  });
  expect(answer.statusCode, answer.body).toBe(200);
  const cookie = String(answer.headers['set-cookie']).split(';')[0] ?? '';
  const { csrfToken } = answer.json<{ csrfToken: string }>();
  sessions[who] = { cookie, 'x-csrf-token': csrfToken };
}

/** Moves the clock (sessions idle out when days pass: everyone signs in again). */
async function onDay(day: string): Promise<void> {
  setDay(day);
  for (const who of Object.keys(accounts)) await signIn(who);
}

async function call(who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return server.inject({
    method,
    url,
    headers: sessions[who],
    ...(payload === undefined ? {} : { payload }),
  });
}

async function apply(child: Child, programmeId: string, groupId?: string): Promise<string> {
  const [certificateNumber, birthDate] = children[child];
  const answer = await server.inject({
    method: 'POST',
    url: '/api/enrolments',
    payload: {
      certificateNumber,
      birthDate,
      programmeId,
      ...(groupId === undefined ? {} : { moduleId: `${programmeId}-m1`, groupId }),
    },
  });
  expect(answer.statusCode, answer.body).toBe(201);
  return answer.json<{ contract: { id: string } }>().contract.id;
}

async function auditOf(
  action: string,
  wanted: (entries: AuditEntry[]) => boolean,
): Promise<AuditEntry[]> {
  return vi.waitFor(
    async () => {
      const { entries } = await storage.audit.list({ action }, { limit: 1000 });
      if (!wanted(entries)) throw new Error('not yet');
      return entries;
    },
    { timeout: 5000, interval: 50 },
  );
}

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  // Seeded for the school year 2026–2027 (the demo's own), then the clock goes back to August.
  await seedFinancingIfEmpty(storage, demoFile, instant('2026-09-10T09:00:00Z'), () => undefined);
  await storage.financing.saveCertificates(
    Object.entries(children).map(([id, [number, birthDate]]) =>
      certificateSchema.parse({
        id,
        number,
        birthDate,
        groupId: 'michurinsk-5-18',
        kind: 'funded',
        status: 'active',
        issuedOn: '2026-08-01',
        activatedOn: '2026-08-01',
      }),
    ),
  );
  await storage.financing.postEntries(
    Object.keys(children).map((id) =>
      ledgerEntry({
        id: `issue:${id}:2026-2027`,
        certificateId: id,
        period: '2026-2027',
        kind: 'issue',
        amount: '15000',
      }),
    ),
  );
  // A programme name a spreadsheet would run as a formula, for the CSV.
  const registry = await storage.financing.listProgrammes();
  await storage.financing.saveRegistry({
    ...registry,
    programmes: registry.programmes.map((programme) =>
      programme.id === 'mich-357'
        ? { ...programme, name: '=HYPERLINK("http://x","y")' }
        : programme,
    ),
  });
  server = createServer({
    storage,
    now: () => clock,
    rateLimit: false,
    loginThrottle: {
      perAccount: { max: 1000, windowMs: 60_000 },
      perAddress: { max: 1000, windowMs: 60_000 },
    },
  });
  await server.ready();
  const passwordHash = await hashPassword(password);
  for (const [login, { displayName, grant }] of Object.entries(accounts)) {
    await storage.identity.createAccount(
      { login, displayName, passwordHash, grants: [grant] },
      instant(new Date()),
    );
  }
  sessions.anonymous = {};
  await onDay('2026-08-26');
  applied.a1 = await apply('e1', 'mich-379');
  applied.a2 = await apply('e2', 'mich-353');
  applied.a3 = await apply('e3', 'mich-357', 'mich-357-g2');
  applied.a4 = await apply('e4', 'mich-370');
});

afterAll(async () => {
  await server?.close();
  await storage?.close();
});

describe('the provider’s desk', () => {
  test('a provider sees its own applications, with the child’s age and never the birth date', async () => {
    const answer = await call('cdt', 'GET', '/api/provider/applications');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    const { applications } = providerApplicationsAnswerSchema.parse(answer.json());
    // Oldest request first; requests of one day in the order of their ids.
    expect(applications.map((application) => application.id)).toEqual(
      [applied.a1, applied.a2, applied.a3].sort(),
    );
    const first = applications.find((application) => application.id === applied.a1);
    expect(first).toMatchObject({
      status: 'requested',
      providerName: 'МБОУ ДО «Центр детского творчества»',
      programmeName: 'Основы финансовой грамотности (3)',
      groupName: 'Группа 1',
      certificateNumber: '6800000101',
      childAge: 11,
      requestedOn: '2026-08-26',
      start: '2026-09-01',
    });
    expect(first?.placesLeft).toBe((first?.capacity ?? 0) - 1);
    for (const [, birthDate] of Object.values(children))
      expect(answer.body).not.toContain(birthDate);

    const ckit = providerApplicationsAnswerSchema.parse(
      (await call('ckit', 'GET', '/api/provider/applications')).json(),
    );
    expect(ckit.applications.map((application) => application.id)).toEqual([applied.a4]);
    expect((await call('anonymous', 'GET', '/api/provider/applications')).statusCode).toBe(401);
    expect((await call('payer', 'GET', '/api/provider/applications')).statusCode).toBe(403);
    expect((await call('operator', 'GET', '/api/provider/applications')).statusCode).toBe(403);

    const reads = await auditOf('financing.contract.read', (entries) =>
      entries.some((entry) => entry.recordIds.includes(applied.a4)),
    );
    const cdtRead = reads.find((entry) => entry.recordIds.includes(applied.a1));
    expect(cdtRead).toMatchObject({ actorLabel: 'ЦДТ, методист', networkId: 'michurinsk' });
    expect(cdtRead?.recordIds).not.toContain(applied.a4);
  });

  test('another provider’s application answers 403, the same as one that does not exist', async () => {
    const theirs = await call(
      'ckit',
      'POST',
      `/api/provider/applications/${applied.a1}/accept`,
      {},
    );
    const missing = await call('ckit', 'POST', '/api/provider/applications/no-such/accept', {});
    expect([theirs.statusCode, missing.statusCode]).toEqual([403, 403]);
    expect(theirs.json()).toEqual(missing.json());
    const decline = await call('ckit', 'POST', `/api/provider/applications/${applied.a1}/decline`, {
      reason: 'no-places',
    });
    expect(decline.statusCode).toBe(403);
    const attendance = await call(
      'ckit',
      'GET',
      `/api/provider/contracts/${applied.a1}/attendance/2026-09`,
    );
    expect(attendance.statusCode).toBe(403);
    expect(
      (await call('payer', 'POST', `/api/provider/applications/${applied.a1}/accept`, {}))
        .statusCode,
    ).toBe(403);
  });

  test('accept before the start: accepted, in force on the start date; decline with a reason', async () => {
    const accepted = await call(
      'cdt',
      'POST',
      `/api/provider/applications/${applied.a1}/accept`,
      {},
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(deskContractAnswerSchema.parse(accepted.json()).contract.status).toBe('accepted');

    const noReason = await call('cdt', 'POST', `/api/provider/applications/${applied.a2}/decline`, {
      reason: 'other',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ApiErrorBody>().error.issues.map((issue) => issue.path)).toEqual([
      ['note'],
    ]);
    const declined = await call('cdt', 'POST', `/api/provider/applications/${applied.a2}/decline`, {
      reason: 'group-not-formed',
      note: 'Набралось 3 ребёнка из 7',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const { contract } = deskContractAnswerSchema.parse(declined.json());
    expect(contract.status).toBe('refused');
    expect(contract.decision).toEqual({
      kind: 'declined',
      reason: 'group-not-formed',
      note: 'Набралось 3 ребёнка из 7',
      on: '2026-08-26',
    });
    // The reserve went back to the family's certificate.
    const balance = await storage.financing.balance('e2', '2026-2027');
    expect(balance.available.toString()).toBe('15000.00');
    const again = await call('cdt', 'POST', `/api/provider/applications/${applied.a2}/accept`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json<ApiErrorBody>().error.code).toBe('invalid-transition');

    const writes = await auditOf('financing.contract.write', (entries) =>
      entries.some((entry) => entry.recordIds.includes(applied.a2)),
    );
    expect(writes.find((entry) => entry.recordIds.includes(applied.a2))).toMatchObject({
      organizationId: 'cdt',
      networkId: 'michurinsk',
      outcome: 200,
    });
  });

  test('on the start date the accepted contract is in force; a late acceptance is in force at once', async () => {
    await onDay('2026-09-01');
    const list = await call('cdt', 'GET', '/api/provider/contracts');
    expect(list.statusCode, list.body).toBe(200);
    const answer = deskContractsAnswerSchema.parse(list.json());
    expect(answer.month).toBe('2026-09');
    expect(answer.contracts.map((entry) => [entry.contract.id, entry.contract.status])).toEqual([
      [applied.a1, 'active'],
    ]);
    const accepted = await call(
      'cdt',
      'POST',
      `/api/provider/applications/${applied.a3}/accept`,
      {},
    );
    expect(deskContractAnswerSchema.parse(accepted.json()).contract.status).toBe('active');
    await auditOf('financing.contract.write', (entries) =>
      entries.some(
        (entry) =>
          entry.recordIds.includes(applied.a1) &&
          entry.outcome === 200 &&
          entry.organizationId === undefined,
      ),
    );
  });

  test('attendance gives the completeness; a month not begun and bad figures are refused', async () => {
    await onDay('2026-09-30');
    const url = `/api/provider/contracts/${applied.a3}/attendance/2026-09`;
    const before = deskAttendanceAnswerSchema.parse((await call('cdt', 'GET', url)).json());
    // Tuesdays and Thursdays of September 2026.
    expect(before).toMatchObject({ entered: false, suggestedPlanned: 9, completeness: 100 });
    const tooMany = await call('cdt', 'PUT', url, { unit: 'sessions', planned: 9, attended: 10 });
    expect(tooMany.statusCode).toBe(400);
    const future = await call(
      'cdt',
      'PUT',
      `/api/provider/contracts/${applied.a3}/attendance/2026-10`,
      { unit: 'sessions', planned: 9, attended: 7 },
    );
    expect(future.statusCode).toBe(400);
    expect(future.json<ApiErrorBody>().error.message.ru).toBe('Месяц 2026-10 ещё не начался');
    const saved = await call('cdt', 'PUT', url, { unit: 'sessions', planned: 9, attended: 7 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(deskAttendanceAnswerSchema.parse(saved.json())).toMatchObject({
      entered: true,
      attendance: { unit: 'sessions', planned: 9, attended: 7 },
      completeness: 77.78,
      settled: false,
    });
    expect(
      (await call('ckit', 'PUT', url, { unit: 'sessions', planned: 9, attended: 9 })).statusCode,
    ).toBe(403);
    // What the payer's month workflow feeds to billing.
    expect(await storage.providerDesk.completeness('2026-09')).toEqual({ [applied.a3]: 77.78 });
    const list = deskContractsAnswerSchema.parse(
      (await call('cdt', 'GET', '/api/provider/contracts?month=2026-09')).json(),
    );
    expect(
      list.contracts.find((entry) => entry.contract.id === applied.a3)?.attendance,
    ).toMatchObject({
      completeness: 77.78,
    });
  });

  test('the month’s acts agree with the payer’s settlement to the kopeck; the CSV neutralises formulas', async () => {
    const acts = await call('cdt', 'GET', '/api/provider/acts?month=2026-09');
    expect(acts.statusCode, acts.body).toBe(200);
    const answer = providerActsAnswerSchema.parse(acts.json());
    expect(answer.providers.map((provider) => provider.providerId)).toEqual(['cdt']);
    const cdt = answer.providers[0];
    const act3 = cdt?.acts.find((act) => act.contractId === applied.a3);
    const act1 = cdt?.acts.find((act) => act.contractId === applied.a1);
    expect(act1?.completeness).toBe(100);
    expect(act3?.completeness).toBe(completenessPercent(9, 7));
    expect(act3?.settled.toString()).toBe(
      act3 === undefined ? '' : settleMonth(act3.scheduled, 77.78).settled.toString(),
    );
    expect(cdt?.totals.total.toString()).toBe(
      act1?.total.add(act3?.total ?? act1.total).toString(),
    );
    const ckit = providerActsAnswerSchema.parse(
      (await call('ckit', 'GET', '/api/provider/acts?month=2026-09')).json(),
    );
    expect(ckit.providers).toEqual([]);
    expect((await call('cdt', 'GET', '/api/provider/acts?month=2026-13')).statusCode).toBe(400);

    const csv = await call('cdt', 'GET', '/api/provider/acts.csv?month=2026-09');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="acts-2026-09.csv"');
    expect(csv.body.startsWith('\ufeffМесяц;Поставщик;Договор;Сертификат')).toBe(true);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv.body).toContain(`;${act3?.settled.toString().replace('.', ',') ?? ''};`);
    const english = await call('cdt', 'GET', '/api/provider/acts.csv?month=2026-09&lang=en');
    expect(english.body.startsWith('\ufeffMonth;Provider;Contract;Certificate')).toBe(true);

    // The payer's month: the advance, then the settlement with the desk's completeness.
    await storage.financing.billMonth('2026-09', 'advance');
    await storage.financing.billMonth('2026-09', 'settlement', {
      completeness: await storage.providerDesk.completeness('2026-09'),
    });
    const paid = (await storage.financing.ledgerEntries()).filter(
      (entry) => entry.contractId === applied.a3 && entry.month === '2026-09',
    );
    const debited = paid
      .filter((entry) => entry.kind === 'debit')
      .reduce((sum, entry) => sum + Number(entry.amount.toString()) * 100, 0);
    const refunded = paid
      .filter((entry) => entry.kind === 'refund')
      .reduce((sum, entry) => sum + Number(entry.amount.toString()) * 100, 0);
    expect(Math.round(debited - refunded)).toBe(Math.round(Number(act3?.settled.toString()) * 100));
    const after = providerActsAnswerSchema.parse(
      (await call('cdt', 'GET', '/api/provider/acts?month=2026-09')).json(),
    );
    expect(after.providers[0]?.acts.every((act) => act.settledByPayer)).toBe(true);
    const locked = await call(
      'cdt',
      'PUT',
      `/api/provider/contracts/${applied.a3}/attendance/2026-09`,
      { unit: 'sessions', planned: 9, attended: 9 },
    );
    expect(locked.statusCode).toBe(409);
    expect(locked.json<ApiErrorBody>().error.code).toBe('month-settled');
  });

  test('termination by the provider: closed at the month’s end, the reason kept', async () => {
    await onDay('2026-10-10');
    const url = `/api/provider/contracts/${applied.a1}/terminate`;
    const past = await call('cdt', 'POST', url, { on: '2026-09-20', reason: 'moved-away' });
    expect(past.statusCode).toBe(400);
    expect(
      (await call('ckit', 'POST', url, { on: '2026-10-12', reason: 'moved-away' })).statusCode,
    ).toBe(403);
    const done = await call('cdt', 'POST', url, { on: '2026-10-12', reason: 'moved-away' });
    expect(done.statusCode, done.body).toBe(200);
    const { contract } = deskContractAnswerSchema.parse(done.json());
    expect(contract).toMatchObject({
      status: 'closed',
      closedBy: 'provider',
      end: '2026-10-31',
      paidInFull: '2026-10',
      decision: { kind: 'terminated', reason: 'moved-away', on: '2026-10-12' },
    });
    const twice = await call('cdt', 'POST', url, { on: '2026-10-12', reason: 'moved-away' });
    expect(twice.statusCode).toBe(400);
    // The audit log holds ids and places, never a birth date.
    const { entries } = await storage.audit.list({}, { limit: 1000 });
    const everything = JSON.stringify(entries);
    for (const [, birthDate] of Object.values(children))
      expect(everything).not.toContain(birthDate);
  });
});
