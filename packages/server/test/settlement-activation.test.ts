// The payer's month bills the contracts that began in it: a provider accepted an application
// before the group's start date (the contract waits, `accepted`), nobody opened the provider's
// desk since, and the start date has come — listing, previewing or approving the month brings
// the contract into force first (`storage.providerDesk.activateDue`), so it is billed, and the
// change is in the audit log. Real server over PGlite, the Michurinsk demo seeded as
// `npm start` does, a clock the test moves on.
import {
  instant,
  Money,
  settlementMonthListSchema,
  settlementPreviewSchema,
  settlementStepAnswerSchema,
  type Instant,
} from '@eduset/core';
import { openStorage, type AuditEntry, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedFinancingIfEmpty } from '../src/cli-financing.js';
import { seedSettlementDemoIfEmpty } from '../src/cli-settlement.js';
import { createServer, hashPassword } from '../src/index.js';

const demoFile = new URL('../../../examples/data/michurinsk-financing.json', import.meta.url)
  .pathname;
const password = 'плательщик видит новый договор';
// Tuesday 20 October 2026: the family applies and the provider accepts; the group of the
// contract starts on Monday 2 November.
let clock: Instant = instant('2026-10-20T09:00:00Z');
const contractId = 'k-starts-in-november';

let storage: Storage;
let server: FastifyInstance;
let headers: Record<string, string> = {};

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  await seedFinancingIfEmpty(storage, demoFile, clock, () => undefined);
  await seedSettlementDemoIfEmpty(storage, clock, () => undefined);
  server = createServer({ storage, now: () => clock, rateLimit: false });
  await server.ready();
  await storage.identity.createAccount(
    {
      login: 'payer',
      displayName: 'Плательщик',
      passwordHash: await hashPassword(password),
      grants: [{ role: 'payer', networkId: 'michurinsk' }],
    },
    clock,
  );
  // demo-1 (6800000001, born 2016-04-12) in ЦДТ's «Школа выживания (4)», from 2 November.
  await storage.financing.requestEnrolment({
    contractId,
    certificateId: 'demo-1',
    programmeId: 'mich-353',
    moduleId: 'mich-353-m1',
    groupId: 'mich-353-g1',
    requestedOn: '2026-10-20',
    start: '2026-11-02',
  });
  const accepted = await storage.providerDesk.accept(contractId, '2026-10-20');
  expect(accepted.status).toBe('accepted');
});
afterAll(async () => {
  await server?.close();
  await storage?.close();
});

async function signIn(): Promise<void> {
  const signedIn = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: 'payer', password },
  });
  expect(signedIn.statusCode, signedIn.body).toBe(200);
  const cookie = String(signedIn.headers['set-cookie']).split(';')[0] ?? '';
  const { csrfToken } = signedIn.json() as { csrfToken: string };
  headers = { cookie, 'x-csrf-token': csrfToken };
}

function call(method: 'GET' | 'POST', url: string) {
  return server.inject({ method, url, headers, ...(method === 'POST' ? { payload: {} } : {}) });
}

const statusOf = async (id: string) =>
  (await storage.providerDesk.findContract(id)).contract.status;

async function auditAfter(wanted: (entries: AuditEntry[]) => boolean): Promise<AuditEntry[]> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const page = await storage.audit.list({ networkId: 'michurinsk' }, { limit: 1000 });
    if (wanted(page.entries)) return page.entries;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the audit entries did not come');
}

describe('the settlement brings contracts that have begun into force', () => {
  test('before the start date: the contract waits, November bills without it', async () => {
    await signIn();
    expect((await call('GET', '/api/payer/months')).statusCode).toBe(200);
    const preview = settlementPreviewSchema.parse(
      (await call('GET', '/api/payer/months/2026-11/preview')).json(),
    );
    expect(preview.contracts.map((line) => line.contractId)).not.toContain(contractId);
    expect(await statusOf(contractId)).toBe('accepted');
  });

  test('the start date has come: the months list brings it into force, November bills it, approved and paid', async () => {
    // Monday 16 November 2026: nobody opened the provider's desk since 20 October.
    clock = instant('2026-11-16T09:00:00Z');
    await signIn();
    const list = settlementMonthListSchema.parse((await call('GET', '/api/payer/months')).json());
    expect(list.current).toBe('2026-11');
    expect(await statusOf(contractId)).toBe('active');
    await auditAfter((entries) =>
      entries.some(
        (entry) =>
          entry.action === 'financing.contract.write' && entry.recordIds.includes(contractId),
      ),
    );

    const preview = settlementPreviewSchema.parse(
      (await call('GET', '/api/payer/months/2026-11/preview')).json(),
    );
    const line = preview.contracts.find((entry) => entry.contractId === contractId);
    const { contract } = await storage.providerDesk.findContract(contractId);
    const november = contract.schedule.find((month) => month.month === '2026-11');
    expect(november).toBeDefined();
    expect(line).toMatchObject({
      certificateNumber: '6800000001',
      programmeName: 'Школа выживания (4)',
    });
    expect(line?.monthly.toString()).toBe(november?.certificate.toString());
    expect(line?.payer.toString()).toBe(november?.certificate.toString());

    const approved = await call('POST', '/api/payer/months/2026-11/approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(settlementStepAnswerSchema.parse(approved.json()).month.status).toBe('approved');
    const paid = await call('POST', '/api/payer/months/2026-11/pay');
    expect(paid.statusCode, paid.body).toBe(200);
    const debits = (await storage.financing.ledgerEntries()).filter(
      (entry) => entry.contractId === contractId && entry.kind === 'debit',
    );
    expect(debits.map((entry) => entry.id).sort()).toEqual(
      [`debit:advance:${contractId}:2026-11`, `debit:settlement:${contractId}:2026-11`].sort(),
    );
    const sum = debits.reduce((total, entry) => total.add(entry.amount), Money.zero());
    expect(sum.toString()).toBe(november?.certificate.toString());
  });

  test('approving a month brings a contract due into force even when nothing was listed before', async () => {
    // Another family accepted before the start, on 16 November for 1 December: approve it directly.
    await storage.financing.requestEnrolment({
      contractId: 'k-starts-in-december',
      certificateId: 'demo-3',
      programmeId: 'mich-368',
      moduleId: 'mich-368-m1',
      groupId: 'mich-368-g2',
      requestedOn: '2026-11-16',
      start: '2026-12-01',
    });
    expect((await storage.providerDesk.accept('k-starts-in-december', '2026-11-16')).status).toBe(
      'accepted',
    );
    clock = instant('2026-12-07T09:00:00Z');
    await signIn();
    const approved = await call('POST', '/api/payer/months/2026-12/approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await statusOf('k-starts-in-december')).toBe('active');
    const preview = settlementPreviewSchema.parse(
      (await call('GET', '/api/payer/months/2026-12/preview')).json(),
    );
    expect(preview.month.status).toBe('approved');
    expect(preview.contracts.map((line) => line.contractId)).toContain('k-starts-in-december');
  });
});
