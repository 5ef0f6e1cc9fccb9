// The payer's desk and the coordinator's reports over HTTP: real sign-ins, the Michurinsk demo
// seeded as `npm start` does (with the payer's demo contracts), a fixed clock.
import {
  financingReportSchema,
  instant,
  settlementCorrectionAnswerSchema,
  settlementMonthListSchema,
  settlementPreviewSchema,
  settlementStepAnswerSchema,
  type Grant,
  type Instant,
} from '@eduset/core';
import { openStorage, type AuditEntry, type Storage } from '@eduset/adapters';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedFinancingIfEmpty } from '../src/cli-financing.js';
import { seedSettlementDemoIfEmpty } from '../src/cli-settlement.js';
import { createServer, hashPassword, type ApiErrorBody } from '../src/index.js';

const demoFile = new URL('../../../examples/data/michurinsk-financing.json', import.meta.url)
  .pathname;
const clock: Instant = instant('2026-12-07T09:00:00Z');
const password = 'плательщик проверяет 2026';

const accounts: Readonly<Record<string, Grant>> = {
  payer: { role: 'payer', networkId: 'michurinsk' },
  payer2: { role: 'payer', networkId: 'michurinsk' },
  cdt: { role: 'provider', networkId: 'michurinsk', organizationId: 'cdt' },
  centre: { role: 'coordinator', networkId: 'michurinsk' },
  operator: { role: 'operator', networkId: 'michurinsk' },
  udomlyaPayer: { role: 'payer', networkId: 'udomlya' },
  auditor: { role: 'auditor', networkId: 'michurinsk' },
};

let storage: Storage;
let server: FastifyInstance;
const sessions = new Map<string, Record<string, string>>();

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  await seedFinancingIfEmpty(storage, demoFile, clock, () => undefined);
  await seedSettlementDemoIfEmpty(storage, clock, () => undefined);
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
  for (const [login, grant] of Object.entries(accounts)) {
    await storage.identity.createAccount(
      { login, displayName: `Сотрудник ${login}`, passwordHash, grants: [grant] },
      clock,
    );
    const signedIn = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login, password },
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0] ?? '';
    const { csrfToken } = signedIn.json() as { csrfToken: string };
    sessions.set(login, { cookie, 'x-csrf-token': csrfToken });
  }
});
afterAll(async () => {
  await server?.close();
  await storage?.close();
});

function call(who: string | undefined, method: 'GET' | 'POST', url: string, payload?: object) {
  return server.inject({
    method,
    url,
    headers: who === undefined ? {} : (sessions.get(who) ?? {}),
    ...(method === 'POST' ? { payload: payload ?? {} } : {}),
  });
}

async function auditAfter(wanted: (entries: AuditEntry[]) => boolean): Promise<AuditEntry[]> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const page = await storage.audit.list({ networkId: 'michurinsk' }, { limit: 1000 });
    if (wanted(page.entries)) return page.entries;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the audit entries did not come');
}

describe("the payer's desk over HTTP", () => {
  test('who may call: 401 anonymous, 403 outside the role or the network, 400 for a bad month', async () => {
    expect((await call(undefined, 'GET', '/api/payer/months')).statusCode).toBe(401);
    expect((await call('operator', 'GET', '/api/payer/months')).statusCode).toBe(403);
    expect((await call('centre', 'POST', '/api/payer/months/2026-10/approve')).statusCode).toBe(
      403,
    );
    const elsewhere = await call('udomlyaPayer', 'GET', '/api/payer/months');
    expect(elsewhere.statusCode).toBe(403);
    expect((elsewhere.json() as ApiErrorBody).error.message.ru).toContain('Недостаточно прав');
    const bad = await call('payer', 'GET', '/api/payer/months/2026-13/preview');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as ApiErrorBody).error.issues[0]?.message.ru).toContain('ГГГГ-ММ');
    expect((await call('cdt', 'POST', '/api/payer/months/2026-10/pay')).statusCode).toBe(403);
  });

  test('the months: September settled by the demo payer, the rest of the year open', async () => {
    const answer = await call('payer', 'GET', '/api/payer/months');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    const list = settlementMonthListSchema.parse(answer.json());
    expect(list.current).toBe('2026-12');
    expect(list.months.map((m) => m.month)).toEqual([
      '2027-05',
      '2027-04',
      '2027-03',
      '2027-02',
      '2027-01',
      '2026-12',
      '2026-11',
      '2026-10',
      '2026-09',
    ]);
    const september = list.months.at(-1);
    expect(september?.status).toBe('closed');
    expect(september?.closed?.by).toBe('Уполномоченная организация Мичуринска (демо)');
    expect(september?.totals?.payer.isZero()).toBe(false);
    expect(list.months.find((m) => m.month === '2026-10')?.contracts).toBeGreaterThan(15);
  });

  test('the preview explains every amount, with certificate numbers and never a contact; the read is logged', async () => {
    const answer = await call('payer', 'GET', '/api/payer/months/2026-10/preview');
    expect(answer.statusCode).toBe(200);
    const preview = settlementPreviewSchema.parse(answer.json());
    expect(preview.month.status).toBe('open');
    expect(preview.providers.length).toBeGreaterThan(3);
    expect(preview.contracts.length).toBe(preview.totals.contracts);
    for (const line of preview.contracts) {
      expect(line.certificateNumber).toMatch(/^68\d{8}$/);
      expect(line.steps.at(-1)?.amount?.toString()).toBe(line.payer.toString());
    }
    const late = preview.contracts.find((line) => line.steps.some((s) => s.kind === 'pro-rata'));
    expect(late?.steps.find((s) => s.kind === 'pro-rata')?.text.ru).toContain('ребёнок зачислен с');
    expect(answer.body).not.toMatch(/phone|e-?mail|@|birthDate/i);
    await auditAfter((entries) =>
      entries.some(
        (entry) =>
          entry.action === 'financing.billing.read' &&
          entry.recordIds.includes('settlement:2026-10') &&
          entry.actorLabel === 'Сотрудник payer',
      ),
    );
  });

  test('a provider sees its own line and contracts only, and cannot approve', async () => {
    const months = settlementMonthListSchema.parse(
      (await call('cdt', 'GET', '/api/payer/months')).json(),
    );
    const full = settlementMonthListSchema.parse(
      (await call('payer', 'GET', '/api/payer/months')).json(),
    );
    const own = months.months.find((m) => m.month === '2026-09')?.totals?.payer;
    const all = full.months.find((m) => m.month === '2026-09')?.totals?.payer;
    expect(own !== undefined && all !== undefined && own.compare(all) < 0).toBe(true);
    const preview = settlementPreviewSchema.parse(
      (await call('cdt', 'GET', '/api/payer/months/2026-10/preview')).json(),
    );
    expect(new Set(preview.providers.map((line) => line.providerId))).toEqual(new Set(['cdt']));
    expect(preview.contracts.every((line) => line.providerId === 'cdt')).toBe(true);
    expect(
      (await call('cdt', 'GET', '/api/payer/months/2026-10/preview?provider=dialog')).statusCode,
    ).toBe(403);
    expect((await call('cdt', 'POST', '/api/payer/months/2026-10/approve')).statusCode).toBe(403);
  });

  test('October: approve, the register (CSV, XLSX), two payers paying at once pay once, close; a closed month is refused', async () => {
    expect((await call('payer', 'GET', '/api/payer/months/2026-10/register.csv')).statusCode).toBe(
      409,
    );
    const approved = await call('payer', 'POST', '/api/payer/months/2026-10/approve');
    expect(approved.statusCode, approved.body).toBe(200);
    const step = settlementStepAnswerSchema.parse(approved.json());
    expect(step).toMatchObject({ changed: true, month: { status: 'approved', version: 1 } });
    expect(step.month.approved?.by).toBe('Сотрудник payer');

    const csv = await call('payer', 'GET', '/api/payer/months/2026-10/register.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="register-2026-10.csv"');
    expect(csv.body.startsWith('\ufeffМесяц;Статус;Код поставщика;Поставщик')).toBe(true);
    expect(csv.body).toContain('октябрь 2026;утверждён');
    const total = step.month.totals?.payer.toString().replace('.', ',') ?? '';
    expect(csv.body).toContain(`;Итого;${String(step.month.totals?.contracts)};`);
    expect(csv.body).toContain(total);
    const xlsx = await call('payer', 'GET', '/api/payer/months/2026-10/register.xlsx?lang=en');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Register 2026-10',
      'Contracts',
    ]);

    const payments = await Promise.all([
      call('payer', 'POST', '/api/payer/months/2026-10/pay'),
      call('payer2', 'POST', '/api/payer/months/2026-10/pay'),
      call('payer', 'POST', '/api/payer/months/2026-10/pay'),
    ]);
    const answers = payments.map((reply) => settlementStepAnswerSchema.parse(reply.json()));
    expect(answers.filter((answer) => answer.changed)).toHaveLength(1);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.month))).size).toBe(1);
    const report = await storage.financing.paymentReport('2026-10');
    expect(report.totals.payer.toString()).toBe(step.month.totals?.payer.toString());

    const closed = await call('payer2', 'POST', '/api/payer/months/2026-10/close');
    expect(settlementStepAnswerSchema.parse(closed.json()).month.status).toBe('closed');
    for (const again of ['approve', 'pay']) {
      const refused = await call('payer', 'POST', `/api/payer/months/2026-10/${again}`);
      expect(refused.statusCode).toBe(409);
      const body = refused.json() as ApiErrorBody;
      expect(body.error.code).toBe('month-closed');
      expect(body.error.message.ru).toContain('Месяц закрыт');
      expect(body.error.message.en).toContain('The month is closed');
    }
    const future = await call('payer', 'POST', '/api/payer/months/2027-02/approve');
    expect((future.json() as ApiErrorBody).error.code).toBe('month-not-started');

    const entries = await auditAfter(
      (list) =>
        list.filter(
          (entry) => entry.action === 'POST /api/payer/months/:month/pay' && entry.outcome === 200,
        ).length >= 3,
    );
    // The three payments answered 200 (a refused one was logged too, without a month).
    const pays = entries.filter(
      (entry) => entry.action === 'POST /api/payer/months/:month/pay' && entry.outcome === 200,
    );
    expect(pays).toHaveLength(3);
    expect(pays.every((entry) => entry.recordIds.includes('settlement:2026-10'))).toBe(true);
    expect(new Set(pays.map((entry) => entry.actorLabel))).toEqual(
      new Set(['Сотрудник payer', 'Сотрудник payer2']),
    );
  });

  test('a correction of a closed month is paid in the next open month', async () => {
    const september = settlementPreviewSchema.parse(
      (await call('payer', 'GET', '/api/payer/months/2026-09/preview')).json(),
    );
    const line = september.contracts.find((candidate) => !candidate.paidInFull);
    expect(line).toBeDefined();
    const made = await call('payer', 'POST', '/api/payer/months/2026-09/corrections', {
      contractId: line?.contractId,
      completeness: 75,
      reason: 'Поставщик исправил табель',
    });
    expect(made.statusCode, made.body).toBe(201);
    const answer = settlementCorrectionAnswerSchema.parse(made.json());
    // October is closed: November takes it.
    expect(answer.adjustment).toMatchObject({ month: '2026-09', targetMonth: '2026-11' });
    expect(answer.adjustment.amount.isNegative()).toBe(true);
    const november = settlementPreviewSchema.parse(
      (await call('payer', 'GET', '/api/payer/months/2026-11/preview')).json(),
    );
    expect(november.adjustmentsIn.map((a) => a.id)).toEqual([answer.adjustment.id]);
    expect(november.totals.adjustment.toString()).toBe(answer.adjustment.amount.toString());
    const again = await call('payer', 'POST', '/api/payer/months/2026-09/corrections', {
      contractId: line?.contractId,
      completeness: 75,
      reason: 'Повтор',
    });
    expect(again.statusCode).toBe(409);
    expect((again.json() as ApiErrorBody).error.code).toBe('nothing-to-correct');
    const open = await call('payer', 'POST', '/api/payer/months/2026-12/corrections', {
      contractId: line?.contractId,
      completeness: 75,
      reason: 'Рано',
    });
    expect((open.json() as ApiErrorBody).error.code).toBe('month-not-settled');
    const unknown = await call('payer', 'POST', '/api/payer/months/2026-09/corrections', {
      contractId: 'no-such-contract',
      completeness: 75,
      reason: 'Нет такого',
    });
    expect(unknown.statusCode).toBe(404);
    const invalid = await call('payer', 'POST', '/api/payer/months/2026-09/corrections', {
      contractId: line?.contractId,
      completeness: 120,
      reason: '',
    });
    expect(invalid.statusCode).toBe(400);
  });
});

describe("the coordinator's coverage report", () => {
  test('coverage and uptake by direction and provider, as JSON and CSV; the payer reads it too', async () => {
    const answer = await call('centre', 'GET', '/api/reports/coverage');
    expect(answer.statusCode, answer.body).toBe(200);
    const report = financingReportSchema.parse(answer.json());
    expect(report.period).toBe('2026-2027');
    expect(report.on).toBe('2026-12-07');
    expect(report.coverage.certificatesIssued).toBe(27);
    expect(report.total.contracts).toBeGreaterThan(15);
    expect(report.byProvider.length).toBeGreaterThan(3);
    expect(report.byDirection.map((row) => row.name.ru)).toContain('естественнонаучная');
    const technical = financingReportSchema.parse(
      (await call('payer', 'GET', '/api/reports/coverage?direction=technical')).json(),
    );
    expect(technical.byDirection.map((row) => row.key)).toEqual(['technical']);
    const csv = await call('centre', 'GET', '/api/reports/coverage.csv?provider=cdt');
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith('\ufeffПериод;На дату;Раздел;Название')).toBe(true);
    expect(csv.body).toContain('Поставщик;МБОУ ДО «Центр детского творчества»');
    expect((await call('cdt', 'GET', '/api/reports/coverage')).statusCode).toBe(403);
    expect((await call(undefined, 'GET', '/api/reports/coverage')).statusCode).toBe(401);
    expect((await call('centre', 'GET', '/api/reports/coverage?period=1999')).statusCode).toBe(404);
    expect((await call('centre', 'GET', '/api/reports/coverage?direction=magic')).statusCode).toBe(
      400,
    );
  });
});
