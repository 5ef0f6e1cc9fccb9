// Every route × anonymous and one actor per role: the answer agrees with core's policy.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  anonymousActor,
  canAnywhere,
  createNetwork,
  createNetworkSchedule,
  roles,
  type Actor,
  type Grant,
  type Role,
} from '@eduset/core';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, type RouteAccessEntry } from '../src/index.js';

const root = new URL('../../../examples/', import.meta.url);
const readJson = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`data/${name}`, root), 'utf8'));

/** A typical grant of each role in the Udomlya demo. */
const typicalGrants: Readonly<Record<Role, Grant>> = {
  coordinator: { role: 'coordinator', networkId: 'udomlya' },
  'organization-admin': {
    role: 'organization-admin',
    networkId: 'udomlya',
    organizationId: 'ds-korablik',
  },
  specialist: { role: 'specialist', networkId: 'udomlya', specialistId: 'speech-lebedeva' },
  operator: { role: 'operator', networkId: 'udomlya' },
  payer: { role: 'payer', networkId: 'udomlya' },
  provider: { role: 'provider', networkId: 'udomlya', organizationId: 'cdt' },
  'school-staff': { role: 'school-staff', networkId: 'udomlya', organizationId: 'school-1' },
  teacher: { role: 'teacher', networkId: 'udomlya', teacherId: 'teacher-1' },
  auditor: { role: 'auditor', networkId: 'udomlya' },
};

const actors: readonly (readonly [string, Actor])[] = [
  ['anonymous', anonymousActor],
  ...roles.map((role): readonly [string, Actor] => [
    role,
    {
      kind: 'staff',
      accountId: `acc-${role}`,
      displayName: `Сотрудник (${role})`,
      grants: [typicalGrants[role]],
    },
  ]),
];

/** A URL that reaches the route's handler: parameters filled with valid-looking values. */
function urlOf(route: RouteAccessEntry): string {
  return route.url
    .replace(/:id\b/g, 'b-0000')
    .replace(/:number\b/g, '1234567890')
    .replace(/:[A-Za-z]+/g, 'x')
    .replace(/\*$/, 'index.html');
}

// Test code only: the actor of each request is whoever this variable holds.
let current: Actor = anonymousActor;
let storage: Storage;
let server: FastifyInstance;

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  await storage.saveNetwork(createNetwork(readJson('udomlya.json')));
  await storage.saveSchedule(createNetworkSchedule(readJson('udomlya-schedule.json')));
  server = createServer({
    storage,
    staticRoot: fileURLToPath(root),
    rateLimit: false,
    actorSource: { actorOf: async () => current },
  });
  await server.ready();
});

afterAll(async () => {
  await server?.close();
  await storage?.close();
});

describe('the access matrix', () => {
  test('every route states who may call it', () => {
    expect(server.routeAccess.length).toBeGreaterThan(10);
    const undeclared = server.routeAccess
      .filter((route) => route.access === undefined)
      .map((route) => `${route.method} ${route.url}`);
    expect(undeclared).toEqual([]);
  });

  test('each answer agrees with the policy, for anonymous and every role', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    const staffStatuses = new Set<number>();
    for (const route of server.routeAccess) {
      const access = route.access;
      if (access === undefined) continue;
      for (const [name, actor] of actors) {
        current = actor;
        const answer = await server.inject({
          method: route.method as 'GET',
          url: urlOf(route),
          ...(route.method === 'POST' ? { payload: {} } : {}),
        });
        checked += 1;
        const status = answer.statusCode;
        const what = `${route.method} ${route.url} as ${name}: ${status}`;
        if (!('public' in access)) staffStatuses.add(status);
        if ('public' in access) {
          if (status === 401 || status === 403) mismatches.push(`${what} (public route)`);
        } else if (actor.kind === 'anonymous') {
          if (status !== 401) mismatches.push(`${what} (expected 401)`);
        } else if (!canAnywhere(actor, access.action)) {
          if (status !== 403) mismatches.push(`${what} (expected 403)`);
        } else if (status === 401 || status === 403 || status >= 500) {
          mismatches.push(`${what} (expected the handler's answer)`);
        }
      }
    }
    expect(checked).toBe(server.routeAccess.length * actors.length);
    expect(mismatches).toEqual([]);
    // The staff routes answered all three ways: 401, 403 and from their handlers.
    expect([...staffStatuses].sort()).toEqual(expect.arrayContaining([200, 401, 403]));
  });
});
