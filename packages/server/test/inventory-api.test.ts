// The inventory of shared rooms and staff over HTTP (the Michurinsk demo files, real sign-in,
// real storage): the public summary gives the seed's totals, the coordinator searches rooms
// and reads staff (audited), an import with a rejected row saves nothing unless asked, and
// who may do what.
import { readFileSync } from 'node:fs';
import {
  instant,
  inventoryImportReportSchema,
  inventorySummarySchema,
  roomListSchema,
  staffListSchema,
  type Grant,
} from '@eduset/core';
import { openStorage, type AuditEntry, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { seedInventoryIfEmpty } from '../src/cli-inventory.js';
import { createServer, hashPassword } from '../src/index.js';

const dataDir = new URL('../../../examples/data/', import.meta.url).pathname;
const clock = instant('2026-10-05T09:00:00Z');
const password = 'пароль координатора 2026';

let storage: Storage;
let server: FastifyInstance;
const headers: Record<string, Record<string, string>> = {};

async function signIn(login: string, grants: Grant[]): Promise<void> {
  await storage.identity.createAccount(
    { login, displayName: login, passwordHash: await hashPassword(password), grants },
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
  const lines: string[] = [];
  await seedInventoryIfEmpty(storage, dataDir, 'michurinsk', (line) => lines.push(line));
  expect(lines.join('\n')).toContain('253');
  server = createServer({ storage, now: () => clock, rateLimit: false });
  await server.ready();
  await signIn('coordinator', [{ role: 'coordinator', networkId: 'michurinsk' }]);
  await signIn('provider', [{ role: 'provider', networkId: 'michurinsk', organizationId: 'cdt' }]);
  await signIn('elsewhere', [{ role: 'coordinator', networkId: 'udomlya' }]);
});
afterAll(async () => {
  await server?.close();
  await storage?.close();
});

const as = (who: string | undefined, method: 'GET' | 'POST', url: string, payload?: object) =>
  server.inject({
    method,
    url,
    headers: who === undefined ? {} : (headers[who] ?? {}),
    ...(payload === undefined ? {} : { payload }),
  });

const upload = (part: 'rooms' | 'staff', text: string, saveAccepted?: boolean) =>
  as('coordinator', 'POST', '/api/inventory/import', {
    part,
    fileName: `${part}.csv`,
    content: Buffer.from(text, 'utf8').toString('base64'),
    ...(saveAccepted === undefined ? {} : { saveAccepted }),
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

describe('the inventory (issue 17 §1)', () => {
  test('the public summary gives the seed: 29 organizations, 253 rooms, 21 871 m², 68 staff — no names', async () => {
    const answer = await as(undefined, 'GET', '/api/inventory/summary');
    expect(answer.statusCode).toBe(200);
    const summary = inventorySummarySchema.parse(answer.json());
    expect([summary.organizations, summary.rooms, summary.area, summary.staff]).toEqual([
      29, 253, 21871, 68,
    ]);
    expect(summary.byOrganizationKind.reduce((sum, row) => sum + row.area, 0)).toBe(21871);
    const staffFile = readFileSync(`${dataDir}michurinsk-inventory-staff.csv`, 'utf8');
    const someName = staffFile.split('\n')[1]?.split(';')[1] ?? '';
    expect(someName.length).toBeGreaterThan(3);
    expect(answer.body).not.toContain(someName);
  });

  test('the coordinator searches rooms: each filter narrows the list', async () => {
    const all = roomListSchema.parse(
      (await as('coordinator', 'GET', '/api/inventory/rooms')).json(),
    );
    expect(all.rooms).toHaveLength(253);
    expect(all.total).toBe(253);
    const query =
      '/api/inventory/rooms?equipment=' +
      encodeURIComponent('проектор') +
      '&minCapacity=20&weekday=2&from=16:00&to=18:00';
    const found = roomListSchema.parse((await as('coordinator', 'GET', query)).json());
    expect(found.rooms.length).toBeGreaterThan(0);
    expect(found.rooms.length).toBeLessThan(253);
    for (const room of found.rooms) {
      expect(room.equipment).toContain('проектор');
      expect(room.capacity).toBeGreaterThanOrEqual(20);
    }
    const bad = await as('coordinator', 'GET', '/api/inventory/rooms?weekday=2');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('день недели');
  });

  test('reading the staff list is audited, with the ids of the names shown', async () => {
    const answer = await as(
      'coordinator',
      'GET',
      `/api/inventory/staff?subject=${encodeURIComponent('хим')}`,
    );
    expect(answer.statusCode).toBe(200);
    const list = staffListSchema.parse(answer.json());
    expect(list.staff.length).toBeGreaterThan(0);
    expect(list.total).toBe(68);
    const entries = await auditAfter((all) => all.some((e) => e.action === 'inventory.read'));
    const read = entries.find((e) => e.action === 'inventory.read');
    expect(read?.recordIds).toEqual(list.staff.map((member) => member.id));
  });

  test('an import with a rejected row saves nothing unless asked; the rejected rows come back in ru and en', async () => {
    const csv = [
      'Код;ФИО;Код организации;Предметы;Часов в неделю',
      'n1;Новикова А. В.;cdt;шахматы;3',
      'n2;Никто;nowhere;шахматы;3',
    ].join('\n');
    const refused = inventoryImportReportSchema.parse((await upload('staff', csv)).json());
    expect(refused).toMatchObject({ saved: false, rows: 2, accepted: 1 });
    expect(refused.rejected[0]?.row).toBe(3);
    expect(refused.rejected[0]?.issues[0]?.ru).toContain('«nowhere»');
    expect(refused.rejected[0]?.issues[0]?.en).toContain('"nowhere"');
    let summary = inventorySummarySchema.parse(
      (await as(undefined, 'GET', '/api/inventory/summary')).json(),
    );
    expect(summary.staff).toBe(68);
    const saved = inventoryImportReportSchema.parse((await upload('staff', csv, true)).json());
    expect(saved).toMatchObject({ saved: true, accepted: 1 });
    summary = inventorySummarySchema.parse(
      (await as(undefined, 'GET', '/api/inventory/summary')).json(),
    );
    expect(summary.staff).toBe(1);
    expect(summary.rooms).toBe(253);
    await auditAfter((all) => all.some((e) => e.action.includes('/api/inventory/import')));
    // Put the demo staff back for the tests after this one.
    const back = await upload(
      'staff',
      readFileSync(`${dataDir}michurinsk-inventory-staff.csv`, 'utf8'),
    );
    expect(back.json<{ saved: boolean }>().saved).toBe(true);
  });

  test('a file that is not a table answers 400, not 500', async () => {
    const answer = await as('coordinator', 'POST', '/api/inventory/import', {
      part: 'rooms',
      fileName: 'rooms.xlsx',
      content: Buffer.from('PK\u0003\u0004 not really a workbook').toString('base64'),
    });
    expect(answer.statusCode).toBe(400);
  });

  test('who may: anonymous 401, a provider 403, a coordinator of another network 403', async () => {
    for (const url of ['/api/inventory/rooms', '/api/inventory/staff']) {
      expect((await as(undefined, 'GET', url)).statusCode).toBe(401);
      expect((await as('provider', 'GET', url)).statusCode).toBe(403);
      expect((await as('elsewhere', 'GET', url)).statusCode).toBe(403);
    }
    expect((await upload('rooms', 'x')).statusCode).not.toBe(403);
  });
});
