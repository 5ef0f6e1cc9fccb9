// Every route × anonymous and one actor per role: the answer agrees with core's policy.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  anonymousActor,
  canAnywhere,
  createNetwork,
  createNetworkSchedule,
  instant,
  roles,
  type Actor,
  type Grant,
  type Role,
} from '@eduset/core';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, hashPassword, type RouteAccessEntry } from '../src/index.js';

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

/** Who asks: nobody, or one signed-in account per role (its session cookie and CSRF token). */
interface Asker {
  readonly name: string;
  readonly actor: Actor;
  readonly headers: Readonly<Record<string, string>>;
}

const password = 'матрица доступа 2026';
/** A real booking (Lebedeva at «Кораблик»), so staff routes on one booking reach their handler. */
let bookingId = 'b-0000';

/** A URL that reaches the route's handler: parameters filled with valid-looking values. */
function urlOf(route: RouteAccessEntry): string {
  const id = route.url.startsWith('/api/staff/bookings/') ? bookingId : 'b-0000';
  return route.url
    .replace(/:id\b/g, id)
    .replace(/:number\b/g, '1234567890')
    .replace(/:[A-Za-z]+/g, 'x')
    .replace(/\*$/, 'index.html');
}

let askers: Asker[] = [];
let storage: Storage;
let server: FastifyInstance;

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  await storage.saveNetwork(createNetwork(readJson('udomlya.json')));
  await storage.saveSchedule(createNetworkSchedule(readJson('udomlya-schedule.json')));
  const { booking } = await storage.createBooking(
    'udomlya',
    {
      specialistId: 'speech-lebedeva',
      siteId: 'kp-korablik',
      serviceId: 'speech-therapist-consultation',
      start: instant('2026-09-08T11:00:00Z'),
      end: instant('2026-09-08T11:45:00Z'),
      seats: 1,
      capacity: 1,
      childAge: 4,
      contact: { name: 'Родитель', phone: '+79120000001' },
      personalDataConsent: true,
    },
    instant('2026-09-01T09:00:00Z'),
  );
  bookingId = booking.id;
  server = createServer({
    storage,
    staticRoot: fileURLToPath(root),
    rateLimit: false,
    // Sign-ins of nine roles from one address: no throttling in this test.
    loginThrottle: {
      perAccount: { max: 1000, windowMs: 60_000 },
      perAddress: { max: 1000, windowMs: 60_000 },
    },
  });
  await server.ready();
  // Real accounts, real sign-ins: the session cookie decides who asks (no test back door).
  const passwordHash = await hashPassword(password);
  askers = [{ name: 'anonymous', actor: anonymousActor, headers: {} }];
  for (const role of roles) {
    const login = `matrix-${role}`;
    const account = await storage.identity.createAccount(
      { login, displayName: `Сотрудник (${role})`, passwordHash, grants: [typicalGrants[role]] },
      instant(new Date()),
    );
    const signedIn = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login, password },
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0] ?? '';
    const { csrfToken } = signedIn.json() as { csrfToken: string };
    askers.push({
      name: role,
      actor: {
        kind: 'staff',
        accountId: account.id,
        displayName: account.displayName,
        grants: [typicalGrants[role]],
      },
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
  }
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

  test('the availability editor’s routes are in the matrix, each needing schedule.write', () => {
    const editor = server.routeAccess
      .filter((route) => route.url.startsWith('/api/staff/availability') && route.method !== 'HEAD')
      .map((route) => [`${route.method} ${route.url}`, route.access]);
    expect(editor).toEqual([
      ['GET /api/staff/availability', { action: 'schedule.write' }],
      ['POST /api/staff/availability/preview', { action: 'schedule.write' }],
      ['PUT /api/staff/availability', { action: 'schedule.write' }],
    ]);
  });

  test('the family’s cabinet and the certificate applications: the family by its token, the operator only', async () => {
    // The family's routes are public: without the family's token (or an application's code)
    // they show nothing — 404 for everyone, 400 for a body that is not valid, signed in or
    // not. The operator's routes: 401 anonymous, 403 a role without the action; the operator
    // of the test grants (outside the financing network) sees an empty list (200) and finds
    // no application (404), 400 for a refusal without its reason.
    const family: Record<string, number> = {
      'POST /api/family/session': 400,
      'DELETE /api/family/session': 204,
      'GET /api/family/certificate': 404,
      'POST /api/family/certificate/activate': 404,
      'GET /api/family/contracts': 404,
      'POST /api/family/contracts/:id/withdraw': 404,
      'POST /api/family/contracts/:id/end': 404,
      'POST /api/certificate-applications': 400,
      'GET /api/certificate-applications/:id': 404,
      'POST /api/certificate-applications/:id/withdraw': 404,
    };
    const operator: Record<string, number> = {
      'GET /api/operator/certificate-applications': 200,
      'POST /api/operator/certificate-applications/:id/confirm': 404,
      'POST /api/operator/certificate-applications/:id/refuse': 400,
      'POST /api/operator/certificate-applications/:id/erase': 404,
    };
    const listed = server.routeAccess
      .filter(
        (route) =>
          (route.url.startsWith('/api/family/') ||
            route.url.startsWith('/api/certificate-applications') ||
            route.url.startsWith('/api/operator/certificate-applications')) &&
          route.method !== 'HEAD',
      )
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    expect(listed).toEqual([...Object.keys(family), ...Object.keys(operator)].sort());
    const expected: Record<string, Record<string, number>> = {};
    const answers: Record<string, Record<string, number>> = {};
    for (const [route, status] of Object.entries({ ...family, ...operator })) {
      const [method, url] = route.split(' ') as [string, string];
      expected[route] = {};
      answers[route] = {};
      for (const { name, headers } of askers) {
        (expected[route] as Record<string, number>)[name] =
          route in family
            ? status
            : name === 'anonymous'
              ? 401
              : name === 'operator'
                ? status
                : 403;
        const answer = await server.inject({
          method: method as 'GET',
          url: url.replace(':id', 'K7M2-Q9PX-3TWA'),
          headers,
          ...(method === 'POST' ? { payload: {} } : {}),
        });
        (answers[route] as Record<string, number>)[name] = answer.statusCode;
      }
    }
    expect(answers).toEqual(expected);
  });

  // Before the whole matrix, which signs everyone out at its end.
  test('the staff agenda routes: each role gets what its job needs, and nothing more', async () => {
    // 200 from the handler, 400 for a request without its body (the role may call the route),
    // 401 anonymous, 403 a role that may not. Notes: the specialist and the coordinator only.
    const expected: Record<string, Record<string, number>> = {
      'GET /api/staff/agenda': {
        anonymous: 401,
        coordinator: 200,
        'organization-admin': 200,
        specialist: 200,
        auditor: 403,
        payer: 403,
        teacher: 403,
      },
      'GET /api/staff/agenda.ics': {
        anonymous: 401,
        coordinator: 200,
        'organization-admin': 200,
        specialist: 200,
        auditor: 403,
        payer: 403,
        provider: 403,
      },
      'POST /api/staff/bookings/:id/attendance': {
        anonymous: 401,
        coordinator: 400,
        'organization-admin': 400,
        specialist: 400,
        auditor: 403,
        operator: 403,
      },
      'GET /api/staff/bookings/:id/note': {
        anonymous: 401,
        coordinator: 200,
        'organization-admin': 403,
        specialist: 200,
        auditor: 403,
        'school-staff': 403,
      },
      'PUT /api/staff/bookings/:id/note': {
        anonymous: 401,
        coordinator: 400,
        'organization-admin': 403,
        specialist: 400,
        auditor: 403,
        payer: 403,
      },
    };
    const answers: Record<string, Record<string, number>> = {};
    for (const [route, byRole] of Object.entries(expected)) {
      const [method, url] = route.split(' ') as [string, string];
      expect(
        server.routeAccess.some((r) => r.method === method && r.url === url),
        route,
      ).toBe(true);
      answers[route] = {};
      for (const name of Object.keys(byRole)) {
        const asker = askers.find((candidate) => candidate.name === name);
        if (asker === undefined) throw new Error(`no asker ${name}`);
        const answer = await server.inject({
          method: method as 'GET',
          url: url.replace(':id', bookingId),
          headers: asker.headers,
          ...(method === 'GET' ? {} : { payload: {} }),
        });
        (answers[route] as Record<string, number>)[name] = answer.statusCode;
      }
    }
    expect(answers).toEqual(expected);
  });

  test('each answer agrees with the policy, for anonymous and every role', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    const staffStatuses = new Set<number>();
    // Signing out ends the askers' sessions: that route goes last.
    const isSignOut = (route: RouteAccessEntry) => route.url === '/api/auth/logout';
    const ordered = [
      ...server.routeAccess.filter((route) => !isSignOut(route)),
      ...server.routeAccess.filter(isSignOut),
    ];
    for (const route of ordered) {
      const access = route.access;
      if (access === undefined) continue;
      for (const { name, actor, headers } of askers) {
        const answer = await server.inject({
          method: route.method as 'GET',
          url: urlOf(route),
          headers,
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
    expect(checked).toBe(server.routeAccess.length * askers.length);
    expect(mismatches).toEqual([]);
    // The staff routes answered all three ways: 401, 403 and from their handlers.
    expect([...staffStatuses].sort()).toEqual(expect.arrayContaining([200, 401, 403]));
  });
});

describe('the manage link and the staff changes of a booking (issue 14), role by role', () => {
  // The matrix above ends with signing out: each role signs in again.
  let askers: Asker[] = [];
  beforeAll(async () => {
    askers = [{ name: 'anonymous', actor: anonymousActor, headers: {} }];
    for (const role of roles) {
      const signedIn = await server.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: `matrix-${role}`, password },
      });
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      const cookie = String(signedIn.headers['set-cookie']).split(';')[0] ?? '';
      const { csrfToken } = signedIn.json() as { csrfToken: string };
      askers.push({
        name: role,
        actor: anonymousActor,
        headers: { cookie, 'x-csrf-token': csrfToken },
      });
    }
  });

  /** A booking of speech-lebedeva at kp-korablik (ds-korablik), made directly in storage. */
  async function lebedevaBooking(hour: number) {
    const start = instant(new Date(Date.UTC(2030, 0, 8, hour)));
    return storage.createBooking(
      'udomlya',
      {
        specialistId: 'speech-lebedeva',
        siteId: 'kp-korablik',
        serviceId: 'speech-therapist-consultation',
        start,
        end: instant(new Date(Date.parse(start) + 45 * 60_000)),
        seats: 1,
        capacity: 1,
        childAge: 4,
        contact: { name: 'Матрица', phone: '+79120000000' },
        personalDataConsent: true,
      },
      instant(new Date()),
    );
  }

  /** Who may change a consultation of speech-lebedeva at kp-korablik on the site's side. */
  const changesIt = new Set<string>(['coordinator', 'organization-admin', 'specialist']);

  test('staff cancel and move: 401 anonymous, the handler for the three roles in scope, 403 for the rest', async () => {
    const answers: Record<string, [number, number]> = {};
    let hour = 0;
    for (const { name, headers } of askers) {
      const { booking } = await lebedevaBooking(hour);
      hour += 1;
      const move = await server.inject({
        method: 'POST',
        url: `/api/staff/bookings/${booking.id}/move`,
        headers,
        // Not an offered time: the handler answers 409 to whoever may move it.
        payload: {
          start: '2030-01-08T23:00:00Z',
          end: '2030-01-08T23:45:00Z',
          reason: 'Проверка прав',
        },
      });
      const cancel = await server.inject({
        method: 'POST',
        url: `/api/staff/bookings/${booking.id}/cancel`,
        headers,
        payload: { reason: 'Проверка прав' },
      });
      answers[name] = [move.statusCode, cancel.statusCode];
    }
    const expected = Object.fromEntries(
      askers.map(({ name }) => [
        name,
        name === 'anonymous' ? [401, 401] : changesIt.has(name) ? [409, 200] : [403, 403],
      ]),
    );
    expect(answers).toEqual(expected);
  });

  test("the parent's view and move are public: the token decides, never the role", async () => {
    const { booking, cancelToken } = await lebedevaBooking(20);
    for (const { name, headers } of askers) {
      const view = await server.inject({
        method: 'POST',
        url: `/api/bookings/${booking.id}/view`,
        headers,
        payload: { token: cancelToken },
      });
      const wrong = await server.inject({
        method: 'POST',
        url: `/api/bookings/${booking.id}/move`,
        headers,
        payload: { token: 'AAAAAAAAAAAAAAAAAAAAAA', start: booking.start, end: booking.end },
      });
      expect([view.statusCode, wrong.statusCode], name).toEqual([200, 404]);
    }
  });
});
