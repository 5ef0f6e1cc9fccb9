// Every route × anonymous and one actor per role: the answer agrees with core's policy.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  anonymousActor,
  canAnywhere,
  createNetwork,
  createNetworkSchedule,
  instant,
  isoDate,
  ledgerEntry,
  Money,
  roles,
  type Actor,
  type Grant,
  type Role,
} from '@eduset/core';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createServer,
  hashPassword,
  seedCourseNetwork,
  type RouteAccessEntry,
} from '../src/index.js';

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

/** The payer's desk and the coverage report (listed together in their own test). */
const financingRoutePrefixes = ['/api/payer/', '/api/reports/'];
const isFinancingRoute = (route: { readonly url: string }): boolean =>
  financingRoutePrefixes.some((prefix) => route.url.startsWith(prefix));

/** Who asks: nobody, or one signed-in account per role (its session cookie and CSRF token). */
interface Asker {
  readonly name: string;
  readonly actor: Actor;
  readonly headers: Readonly<Record<string, string>>;
}

const password = 'матрица доступа 2026';
/** A real booking (Lebedeva at «Кораблик»), so staff routes on one booking reach their handler. */
let bookingId = 'b-0000';

/** A real application to «ЦДТ» (provider desk routes on one contract reach their handler). */
let contractId = 'k-0000';

/** A URL that reaches the route's handler: parameters filled with valid-looking values. */
function urlOf(route: RouteAccessEntry): string {
  const id = route.url.startsWith('/api/staff/bookings/')
    ? bookingId
    : route.url.startsWith('/api/provider/')
      ? contractId
      : 'b-0000';
  return route.url
    .replace(/:month\b/g, '2026-09')
    .replace(/:id\b/g, id)
    .replace(/:number\b/g, '1234567890')
    .replace(/:[A-Za-z]+/g, 'x')
    .replace(/\*$/, 'index.html');
}

/**
 * A small registry (provider «ЦДТ», one funded programme whose group runs from this year to
 * the next), a certificate with its nominal, and one application to it; returns its id.
 */
async function seedProviderApplication(into: Storage): Promise<string> {
  const year = new Date().getUTCFullYear();
  const period = { id: 'matrix', start: `${String(year)}-01-01`, end: `${String(year + 1)}-12-31` };
  await into.financing.saveRegistry({
    providers: [{ id: 'cdt', name: 'МБОУ ДО «Центр детского творчества»', kind: 'municipal' }],
    programmes: [
      {
        id: 'matrix-programme',
        name: 'Робототехника',
        providerId: 'cdt',
        fundingKind: 'funded',
        direction: 'technical',
        ageFrom: 5,
        ageTo: 17,
        hours: 144,
        groupSize: { min: 4, max: 12 },
        certification: 'certified',
        modules: [
          {
            id: 'matrix-m1',
            name: 'Основной модуль',
            hours: 144,
            price: Money.of('12000'),
            normativeCost: Money.of('12000'),
            groups: [
              {
                id: 'matrix-g1',
                name: 'Группа 1',
                start: isoDate(period.start),
                end: isoDate(period.end),
                capacity: 12,
                weekdays: [2, 4],
              },
            ],
          },
        ],
      },
    ],
  });
  await into.financing.saveCertificateGroup({
    id: 'matrix-group',
    name: 'Дети 5–18 лет',
    period: { id: period.id, start: isoDate(period.start), end: isoDate(period.end) },
    nominal: Money.of('15000'),
    fundedPlaces: 10,
    unit: 'money',
  });
  await into.financing.saveCertificates([
    {
      id: 'matrix-certificate',
      number: '6800009999',
      birthDate: isoDate(`${String(year - 10)}-03-15`),
      groupId: 'matrix-group',
      kind: 'funded',
      status: 'active',
      issuedOn: isoDate(period.start),
    },
  ]);
  await into.financing.postEntries([
    ledgerEntry({
      id: 'issue:matrix-certificate:matrix',
      certificateId: 'matrix-certificate',
      period: period.id,
      kind: 'issue',
      amount: '15000',
    }),
  ]);
  const contract = await into.financing.requestEnrolment({
    contractId: 'matrix-application',
    certificateId: 'matrix-certificate',
    programmeId: 'matrix-programme',
    moduleId: 'matrix-m1',
    groupId: 'matrix-g1',
    requestedOn: new Date().toISOString().slice(0, 10),
  });
  return contract.id;
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
  contractId = await seedProviderApplication(storage);
  // The course network of the demo, stored and published (its routes are in the matrix).
  await seedCourseNetwork(storage.courseNetworks, 'udomlya', readJson('udomlya-courses.json'), {
    seed: 1,
    iterations: 500,
    at: instant('2025-08-29T09:00:00Z'),
  });
  server = createServer({
    storage,
    staticRoot: fileURLToPath(root),
    rateLimit: false,
    courses: { networkId: 'udomlya' },
    // The typical grants name the Udomlya network: financing records lie there in this test.
    financingNetworkId: 'udomlya',
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

  test("the provider's desk routes: the provider reaches its own contracts, no other role", async () => {
    // 200 from the handler, 400 for a request without its body or month (the role may call
    // the route), 401 anonymous, 403 every other role — the payer and the operator included.
    const others = { coordinator: 403, payer: 403, operator: 403, auditor: 403, specialist: 403 };
    const expected: Record<string, Record<string, number>> = {
      'GET /api/provider/applications': { anonymous: 401, provider: 200, ...others },
      'POST /api/provider/applications/:id/accept': { anonymous: 401, provider: 200, ...others },
      'POST /api/provider/applications/:id/decline': { anonymous: 401, provider: 400, ...others },
      'GET /api/provider/contracts': { anonymous: 401, provider: 200, ...others },
      'GET /api/provider/contracts/:id/attendance/:month': {
        anonymous: 401,
        provider: 200,
        ...others,
      },
      'PUT /api/provider/contracts/:id/attendance/:month': {
        anonymous: 401,
        provider: 400,
        ...others,
      },
      'POST /api/provider/contracts/:id/terminate': { anonymous: 401, provider: 400, ...others },
      'GET /api/provider/acts': { anonymous: 401, provider: 400, ...others },
      'GET /api/provider/acts.csv': { anonymous: 401, provider: 400, ...others },
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
          url: url.replace(':id', contractId).replace(':month', '2026-09'),
          headers: asker.headers,
          ...(method === 'GET' ? {} : { payload: {} }),
        });
        (answers[route] as Record<string, number>)[name] = answer.statusCode;
      }
    }
    expect(answers).toEqual(expected);
  });

  test('the programme desks’ routes: the provider keeps programmes, the operator reviews them, nobody else', async () => {
    // 200 from the handler (an empty list: these test grants lie outside the financing
    // network), 404 for a programme that is not theirs, 400 for a request without its body;
    // 401 anonymous, 403 every other role.
    const writer = { provider: 'write' } as const;
    const reviewer = { operator: 'review' } as const;
    const routes: [string, 'write' | 'review', number][] = [
      ['GET /api/provider/programmes', 'write', 200],
      ['POST /api/provider/programmes', 'write', 400],
      ['GET /api/provider/programmes/:id', 'write', 404],
      ['PUT /api/provider/programmes/:id', 'write', 400],
      ['POST /api/provider/programmes/:id/submit', 'write', 400],
      ['POST /api/provider/programmes/:id/withdraw', 'write', 400],
      // Rooms for a group: 400 without the group's weekdays, time and places.
      ['GET /api/provider/programme-rooms', 'write', 400],
      ['GET /api/operator/programme-reviews', 'review', 200],
      ['GET /api/operator/programme-reviews/:id', 'review', 404],
      ['POST /api/operator/programme-reviews/:id/approve', 'review', 400],
      ['POST /api/operator/programme-reviews/:id/return', 'review', 400],
    ];
    const desk = server.routeAccess
      .filter(
        (route) =>
          (route.url.startsWith('/api/provider/programmes') ||
            route.url === '/api/provider/programme-rooms' ||
            route.url.startsWith('/api/operator/programme-reviews')) &&
          route.method !== 'HEAD',
      )
      .map((route) => `${route.method} ${route.url}`);
    expect(desk.sort()).toEqual(routes.map(([route]) => route).sort());
    const expected: Record<string, Record<string, number>> = {};
    const answers: Record<string, Record<string, number>> = {};
    for (const [route, side, handlerAnswer] of routes) {
      const [method, url] = route.split(' ') as [string, string];
      const byRole: Record<string, number> = {};
      const got: Record<string, number> = {};
      for (const asker of askers) {
        const holder = side === 'write' ? writer : reviewer;
        byRole[asker.name] =
          asker.name === 'anonymous' ? 401 : asker.name in holder ? handlerAnswer : 403;
        const answer = await server.inject({
          method: method as 'GET',
          url: url.replace(':id', 'cdt-nothing'),
          headers: asker.headers,
          ...(method === 'GET' ? {} : { payload: {} }),
        });
        got[asker.name] = answer.statusCode;
      }
      expected[route] = byRole;
      answers[route] = got;
    }
    expect(answers).toEqual(expected);
  });

  // Before the whole matrix, which signs everyone out at its end.
  test("the payer's desk and the coverage report: each role gets what its job needs", async () => {
    // 200/409 from the handler (the storage holds no financing data: approving October finds
    // nothing to settle, the register of a month never approved is refused), 401 anonymous,
    // 403 a role without the action. A provider reads its own invoices (its line only).
    const expected: Record<string, Record<string, number>> = {
      'GET /api/payer/months': {
        anonymous: 401,
        payer: 200,
        provider: 200,
        coordinator: 403,
        operator: 403,
        auditor: 403,
      },
      'GET /api/payer/months/:month/preview': {
        anonymous: 401,
        payer: 200,
        provider: 200,
        coordinator: 403,
        operator: 403,
      },
      'POST /api/payer/months/:month/approve': {
        anonymous: 401,
        payer: 409,
        provider: 403,
        coordinator: 403,
        operator: 403,
      },
      'POST /api/payer/months/:month/pay': { anonymous: 401, payer: 409, provider: 403 },
      'POST /api/payer/months/:month/close': { anonymous: 401, payer: 409, provider: 403 },
      'POST /api/payer/months/:month/corrections': {
        anonymous: 401,
        payer: 400,
        provider: 403,
        coordinator: 403,
      },
      'GET /api/payer/months/:month/register.csv': { anonymous: 401, payer: 409, provider: 409 },
      'GET /api/payer/months/:month/register.xlsx': { anonymous: 401, payer: 409, operator: 403 },
      'GET /api/reports/coverage': {
        anonymous: 401,
        coordinator: 200,
        payer: 200,
        provider: 403,
        operator: 403,
        'school-staff': 403,
      },
      'GET /api/reports/coverage.csv': { anonymous: 401, coordinator: 200, provider: 403 },
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
          url: url.replace(':month', '2026-10'),
          headers: asker.headers,
          ...(method === 'GET' ? {} : { payload: {} }),
        });
        (answers[route] as Record<string, number>)[name] = answer.statusCode;
      }
    }
    expect(answers).toEqual(expected);
    // Every route of the desk and the report is in the table above.
    const listed = server.routeAccess
      .filter((route) => isFinancingRoute(route) && route.method !== 'HEAD')
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    expect(listed).toEqual(Object.keys(expected).sort());
  });

  // Before the whole matrix, which signs everyone out at its end.
  test('the indicator values upload: the coordinator of the network, a school only its own units', async () => {
    // 200 a file of values stored; 400 no file (the role may call the route); 403 a role
    // without the action, or a school's staff naming another organization's unit; 401 anonymous.
    const file = 'dataElement,orgUnit,period,value\norganization-exists,ds-teremok,2030-2031,1\n';
    const expected: Record<string, { file: number; empty: number }> = {
      anonymous: { file: 401, empty: 401 },
      coordinator: { file: 200, empty: 400 },
      'school-staff': { file: 403, empty: 403 },
      'organization-admin': { file: 403, empty: 403 },
      specialist: { file: 403, empty: 403 },
      operator: { file: 403, empty: 403 },
      payer: { file: 403, empty: 403 },
      provider: { file: 403, empty: 403 },
      teacher: { file: 403, empty: 403 },
      auditor: { file: 403, empty: 403 },
    };
    expect(
      server.routeAccess
        .filter((route) => route.url === '/api/staff/indicators/values')
        .map((route) => [route.method, route.access]),
    ).toEqual([['POST', { action: 'indicators.values.write' }]]);
    const answers: Record<string, { file: number; empty: number }> = {};
    for (const { name, headers } of askers) {
      const withFile = await server.inject({
        method: 'POST',
        url: '/api/staff/indicators/values?file=values.csv',
        headers: { ...headers, 'content-type': 'text/csv' },
        payload: file,
      });
      const empty = await server.inject({
        method: 'POST',
        url: '/api/staff/indicators/values',
        headers,
        payload: {},
      });
      answers[name] = { file: withFile.statusCode, empty: empty.statusCode };
    }
    expect(answers).toEqual(expected);
  });

  // Before the whole matrix, which signs everyone out at its end.
  test("the operator's desk routes (issue 15): the operator does the registry, the payer reads parameters", async () => {
    // 200 from the handler; 400 an empty body, 404 an unknown certificate or period (the role
    // may call the route); 401 anonymous; 403 a role that may not.
    const nobody = { anonymous: 401, coordinator: 403, provider: 403, auditor: 403 };
    const registry = (operator: number) => ({ ...nobody, operator, payer: 403 });
    const parameters = (operator: number, payer: number) => ({ ...nobody, operator, payer });
    const expected: Record<string, Record<string, number>> = {
      'GET /api/operator/certificates': registry(200),
      'GET /api/operator/certificates/:id': registry(404),
      'POST /api/operator/certificates': registry(400),
      'POST /api/operator/certificates/:id/activate': registry(404),
      'POST /api/operator/certificates/:id/suspend': registry(404),
      'POST /api/operator/certificates/:id/resume': registry(404),
      'POST /api/operator/certificates/:id/close': registry(400),
      'POST /api/operator/certificates/:id/convert': registry(400),
      'POST /api/operator/certificates/:id/move': registry(400),
      'GET /api/operator/periods': parameters(200, 200),
      'GET /api/operator/parameters/:period': parameters(404, 404),
      'PUT /api/operator/parameters/:period': parameters(400, 403),
      'GET /api/operator/direction-limits/:period': parameters(404, 404),
      'PUT /api/operator/direction-limits/:period': parameters(400, 403),
    };
    const listed = server.routeAccess
      .filter(
        (route) =>
          route.url.startsWith('/api/operator/') &&
          !route.url.startsWith('/api/operator/programme-reviews') &&
          !route.url.startsWith('/api/operator/certificate-applications') &&
          route.method !== 'HEAD',
      )
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    expect(listed).toEqual(Object.keys(expected).sort());
    const answers: Record<string, Record<string, number>> = {};
    for (const [route, byRole] of Object.entries(expected)) {
      const [method, url] = route.split(' ') as [string, string];
      answers[route] = {};
      for (const name of Object.keys(byRole)) {
        const asker = askers.find((candidate) => candidate.name === name);
        if (asker === undefined) throw new Error(`no asker ${name}`);
        const answer = await server.inject({
          method: method as 'GET',
          url: url.replace(':id', 'no-such-certificate').replace(':period', '2026-2027'),
          headers: asker.headers,
          // Activate, suspend and resume take an empty body; the other writes need theirs.
          ...(method === 'GET'
            ? {}
            : { payload: /\/(activate|suspend|resume)$/.test(url) ? {} : { nothing: true } }),
        });
        (answers[route] as Record<string, number>)[name] = answer.statusCode;
      }
    }
    expect(answers).toEqual(expected);
  });

  test('the inventory of rooms and staff (issue 17 §1): the coordinator only; the summary is public', async () => {
    // 200 from the handler, 400 an empty import body; 401 anonymous; 403 a role without it.
    const coordinatorOnly = (status: number) =>
      Object.fromEntries(
        askers.map(({ name }) => [
          name,
          name === 'anonymous' ? 401 : name === 'coordinator' ? status : 403,
        ]),
      );
    const expected: Record<string, Record<string, number>> = {
      'GET /api/inventory/summary': Object.fromEntries(askers.map(({ name }) => [name, 200])),
      'GET /api/inventory/rooms': coordinatorOnly(200),
      'GET /api/inventory/staff': coordinatorOnly(200),
      'POST /api/inventory/import': coordinatorOnly(400),
    };
    const listed = server.routeAccess
      .filter((route) => route.url.startsWith('/api/inventory/') && route.method !== 'HEAD')
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    expect(listed).toEqual(Object.keys(expected).sort());
    const answers: Record<string, Record<string, number>> = {};
    for (const route of Object.keys(expected)) {
      const [method, url] = route.split(' ') as [string, string];
      answers[route] = {};
      for (const { name, headers } of askers) {
        const answer = await server.inject({
          method: method as 'GET',
          url,
          headers,
          ...(method === 'POST' ? { payload: {} } : {}),
        });
        (answers[route] as Record<string, number>)[name] = answer.statusCode;
      }
    }
    expect(answers).toEqual(expected);
  });

  test('data entry (issue 16 §2): schools and the coordinator enter, only the coordinator reviews', async () => {
    // 200 from the handler; 400 a body that is not one; 409 submitting an empty report;
    // 401 anonymous; 403 a role without the action.
    const q = '?dataSet=udomlya-courses&period=2025-2026&organization=school-1';
    const by = (coordinator: number, school: number) =>
      Object.fromEntries(
        askers.map(({ name }) => [
          name,
          name === 'anonymous'
            ? 401
            : name === 'coordinator'
              ? coordinator
              : name === 'school-staff'
                ? school
                : 403,
        ]),
      );
    const expected: Record<string, Record<string, number>> = {
      'GET /api/staff/data-entry': by(200, 200),
      'GET /api/staff/data-entry/submission': by(200, 200),
      'PUT /api/staff/data-entry/submission': by(400, 400),
      'POST /api/staff/data-entry/submission/submit': by(409, 409),
      'POST /api/staff/data-entry/submission/review': by(400, 403),
      'GET /api/staff/data-entry/submission/log': by(200, 200),
      'GET /api/staff/data-entry/completeness': by(200, 403),
      // An empty body is not a data set and period (the route is the coordinator's).
      'POST /api/staff/data-entry/reminders': by(400, 403),
    };
    const listed = server.routeAccess
      .filter((route) => route.url.startsWith('/api/staff/data-entry') && route.method !== 'HEAD')
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    expect(listed).toEqual(Object.keys(expected).sort());
    const answers: Record<string, Record<string, number>> = {};
    for (const route of Object.keys(expected)) {
      const [method, url] = route.split(' ') as [string, string];
      answers[route] = {};
      for (const { name, headers } of askers) {
        const answer = await server.inject({
          method: method as 'GET',
          url:
            url === '/api/staff/data-entry' || url.endsWith('/reminders')
              ? url
              : url.endsWith('/completeness')
                ? `${url}${q.replace('&organization=school-1', '')}`
                : `${url}${q}`,
          headers,
          ...(method === 'GET' ? {} : { payload: {} }),
        });
        (answers[route] as Record<string, number>)[name] = answer.statusCode;
      }
    }
    expect(answers).toEqual(expected);
  });

  test('the course network planning (issue 17 §2): the coordinator only', async () => {
    // 200 from the handler; 400 a body or id that is not valid; 401 anonymous; 403 others.
    const coordinatorOnly = (status: number) =>
      Object.fromEntries(
        askers.map(({ name }) => [
          name,
          name === 'anonymous' ? 401 : name === 'coordinator' ? status : 403,
        ]),
      );
    const expected: Record<string, Record<string, number>> = {
      'GET /api/courses/plan/network': coordinatorOnly(200),
      'PUT /api/courses/plan/network': coordinatorOnly(400),
      'POST /api/courses/plan/network/inventory': coordinatorOnly(400),
      'POST /api/courses/plan/network/tables/:table': coordinatorOnly(400),
      'GET /api/courses/plan/network/tables/:table.csv': coordinatorOnly(400),
      'GET /api/courses/plan/timetables': coordinatorOnly(200),
      'GET /api/courses/plan/timetables/:id': coordinatorOnly(404),
      'POST /api/courses/plan/timetables/:id/publish': coordinatorOnly(404),
      'POST /api/courses/plan/timetables/:id/move': coordinatorOnly(400),
      'GET /api/courses/plan/solve': coordinatorOnly(200),
      'POST /api/courses/plan/solve': coordinatorOnly(400),
      'POST /api/courses/plan/solve/stop': coordinatorOnly(200),
    };
    const listed = server.routeAccess
      .filter((route) => route.url.startsWith('/api/courses/plan/') && route.method !== 'HEAD')
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    expect(listed).toEqual(Object.keys(expected).sort());
    const answers: Record<string, Record<string, number>> = {};
    for (const route of Object.keys(expected)) {
      const [method, url] = route.split(' ') as [string, string];
      answers[route] = {};
      for (const { name, headers } of askers) {
        const answer = await server.inject({
          method: method as 'GET',
          url: url.replace(':id', '999999'),
          headers,
          ...(method === 'GET' ? {} : { payload: {} }),
        });
        (answers[route] as Record<string, number>)[name] = answer.statusCode;
      }
    }
    expect(answers).toEqual(expected);
  });

  test('support programmes (issue 16 §4): the coordinator keeps them, a school reports progress', async () => {
    // 200 from the handler (an empty list), 404 no programme 1, 400 an empty body (the role
    // may call the route); 401 anonymous; 403 a role without the action.
    const by = (coordinator: number, school: number) =>
      Object.fromEntries(
        askers.map(({ name }) => [
          name,
          name === 'anonymous'
            ? 401
            : name === 'coordinator'
              ? coordinator
              : name === 'school-staff'
                ? school
                : 403,
        ]),
      );
    const base = '/api/staff/support/programmes';
    const expected: Record<string, Record<string, number>> = {
      'GET /api/staff/support/flagged?district=udomlya': by(200, 403),
      'POST /api/staff/support/reminders': by(400, 403),
      [`GET ${base}?district=udomlya`]: by(200, 200),
      [`POST ${base}`]: by(400, 403),
      [`GET ${base}/1`]: by(404, 404),
      [`POST ${base}/1/measures`]: by(400, 403),
      [`PUT ${base}/1/measures/m1`]: by(400, 403),
      [`POST ${base}/1/measures/m1/status`]: by(403, 400),
      [`POST ${base}/1/measures/m1/review`]: by(400, 403),
      [`PUT ${base}/1/monitoring`]: by(403, 400),
      [`GET ${base}/1/report.html`]: by(404, 404),
      [`GET ${base}/1/report.xlsx`]: by(404, 404),
      'GET /api/staff/support/report.css': Object.fromEntries(
        askers.map(({ name }) => [name, 200]),
      ),
    };
    const listed = server.routeAccess
      .filter((route) => route.url.startsWith('/api/staff/support/') && route.method !== 'HEAD')
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    expect(listed).toEqual(
      Object.keys(expected)
        .map((route) =>
          route
            .replace(/\?.*$/, '')
            .replace('/programmes/1', '/programmes/:id')
            .replace('/measures/m1', '/measures/:measure'),
        )
        .sort(),
    );
    const answers: Record<string, Record<string, number>> = {};
    for (const route of Object.keys(expected)) {
      const [method, url] = route.split(' ') as [string, string];
      answers[route] = {};
      for (const { name, headers } of askers) {
        const answer = await server.inject({
          method: method as 'GET',
          url,
          headers,
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
