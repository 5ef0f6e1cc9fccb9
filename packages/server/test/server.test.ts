import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filterNetwork, parseSchoolYear, type Network } from '@eduset/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ApiErrorBody } from '../src/index.js';
import { contentSecurityPolicy, createServer } from '../src/index.js';
import { openStorage, type Storage } from '@eduset/adapters';
import { otherNetwork, smallNetwork } from '../../adapters/test/fixtures/network.js';

const expectedPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/** What a network looks like after travelling as JSON. */
const asJson = (network: Network): unknown => JSON.parse(JSON.stringify(network));

const cyrillic = /[а-яё]/i;

function expectBilingual(text: { ru: string; en: string }): void {
  expect(text.ru).toMatch(cyrillic);
  expect(text.en).not.toMatch(cyrillic);
  expect(text.en.length).toBeGreaterThan(0);
}

/** A storage that fails or is empty, for the paths a real one rarely takes. */
const notUsed = (): Promise<never> => Promise.reject(new Error('not used'));

function fakeStorage(overrides: Partial<Storage>): Storage {
  return {
    engine: 'pglite',
    financing: new Proxy({} as Storage['financing'], { get: () => notUsed }),
    financingReads: new Proxy({} as Storage['financingReads'], {
      get: (_target, key) => (key === 'replicated' ? false : notUsed),
    }),
    programmeReviews: new Proxy({} as Storage['programmeReviews'], { get: () => notUsed }),
    schools: new Proxy({} as Storage['schools'], { get: () => notUsed }),
    indicatorValues: {
      replace: notUsed,
      values: () => Promise.resolve([]),
      has: () => Promise.resolve(false),
      imports: () => Promise.resolve([]),
    },
    settlement: new Proxy({} as Storage['settlement'], { get: () => notUsed }),
    certificateRegistry: new Proxy({} as Storage['certificateRegistry'], { get: () => notUsed }),
    financingParameters: new Proxy({} as Storage['financingParameters'], { get: () => notUsed }),
    inventory: new Proxy({} as Storage['inventory'], { get: () => notUsed }),
    roomBookings: new Proxy({} as Storage['roomBookings'], { get: () => notUsed }),
    dataEntry: new Proxy({} as Storage['dataEntry'], { get: () => notUsed }),
    courseNetworks: new Proxy({} as Storage['courseNetworks'], { get: () => notUsed }),
    supportProgrammes: new Proxy({} as Storage['supportProgrammes'], { get: () => notUsed }),
    limits: new Proxy({} as Storage['limits'], { get: () => notUsed }),
    audit: { append: () => Promise.resolve(), list: notUsed },
    courseLinks: new Proxy({} as Storage['courseLinks'], { get: () => notUsed }),
    identity: new Proxy({} as Storage['identity'], { get: () => notUsed }),
    links: new Proxy({} as Storage['links'], { get: () => notUsed }),
    consultations: new Proxy({} as Storage['consultations'], { get: () => notUsed }),
    feedback: new Proxy({} as Storage['feedback'], { get: () => notUsed }),
    mail: new Proxy({} as Storage['mail'], { get: () => notUsed }),
    providerDesk: new Proxy({} as Storage['providerDesk'], { get: () => notUsed }),
    family: new Proxy({} as Storage['family'], { get: () => notUsed }),
    saveNetwork: () => Promise.resolve(),
    loadNetwork: () => Promise.reject(new Error('not used')),
    listNetworks: () => Promise.resolve([]),
    close: () => Promise.resolve(),
    saveSchedule: notUsed,
    loadSchedule: notUsed,
    knownSchedule: notUsed,
    loadScheduleRevision: notUsed,
    publishSchedule: notUsed,
    createBooking: notUsed,
    cancelBooking: notUsed,
    moveBooking: notUsed,
    cancelBookingBySite: notUsed,
    getBooking: notUsed,
    getBookingWithToken: notUsed,
    listBookings: notUsed,
    busyIntervals: notUsed,
    bookingContext: notUsed,
    erasePersonalData: notUsed,
    getBookingWithCalendarToken: notUsed,
    issueCalendarToken: notUsed,
    findPersonBookings: notUsed,
    erasePersonBookings: notUsed,
    compactAfterErasure: notUsed,
    ...overrides,
  };
}

let storage: Storage;
let server: FastifyInstance;
const dir = mkdtempSync(join(tmpdir(), 'eduset-server-'));
const staticRoot = join(dir, 'examples');
const widgetsRoot = join(dir, 'widgets-dist');

beforeAll(async () => {
  mkdirSync(join(staticRoot, 'test-town'), { recursive: true });
  mkdirSync(join(staticRoot, 'node_modules'), { recursive: true });
  mkdirSync(widgetsRoot, { recursive: true });
  writeFileSync(join(staticRoot, 'test-town', 'index.html'), '<!doctype html><title>Тест</title>');
  writeFileSync(join(staticRoot, 'node_modules', 'secret.js'), 'export {};');
  writeFileSync(join(widgetsRoot, 'eduset-widgets.js'), 'export const widgets = 1;');
  writeFileSync(
    join(widgetsRoot, 'eduset-widgets.js.br'),
    brotliCompressSync('export const widgets = 1;'),
  );
  writeFileSync(join(widgetsRoot, 'eduset-widgets.js.gz'), gzipSync('export const widgets = 1;'));
  mkdirSync(join(widgetsRoot, 'lazy'), { recursive: true });
  writeFileSync(join(widgetsRoot, 'lazy', 'schedule.define-BHBBApDt.js'), 'export {};');
  mkdirSync(join(widgetsRoot, 'lazy-staff'), { recursive: true });
  writeFileSync(join(widgetsRoot, 'lazy-staff', 'inventory.define-Q1w2E3r4.js'), 'export {};');
  writeFileSync(join(widgetsRoot, 'lazy', 'survey.define-vSGLnOQU.js'), 'export {};');
  writeFileSync(
    join(widgetsRoot, 'lazy', 'survey.define-vSGLnOQU.js.br'),
    brotliCompressSync('export {};'),
  );
  storage = await openStorage({ dataDir: 'memory://' });
  await storage.saveNetwork(smallNetwork());
  server = createServer({ storage, staticRoot, widgetsRoot });
  await server.ready();
});

afterAll(async () => {
  await server?.close();
  await storage?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/network', () => {
  test('answers with the only network, whole', async () => {
    const answer = await server.inject({ method: 'GET', url: '/api/network' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.json()).toStrictEqual(asJson(smallNetwork()));
  });

  test('filters by school year with core filterNetwork', async () => {
    const answer = await server.inject({ method: 'GET', url: '/api/network?schoolYear=2013-2014' });
    expect(answer.statusCode).toBe(200);
    const body = answer.json<Network>();
    expect(body).toStrictEqual(
      asJson(filterNetwork(smallNetwork(), { schoolYear: parseSchoolYear('2013-2014') })),
    );
    expect(body.sites.map((site) => site.id)).toEqual(['kp-teremok']);
  });

  test('filters by site kinds, repeated or comma-separated, together with the year', async () => {
    const expected = asJson(
      filterNetwork(smallNetwork(), {
        schoolYear: parseSchoolYear('2020-2021'),
        siteKinds: ['lekoteka', 'early-help'],
      }),
    );
    const repeated = await server.inject({
      method: 'GET',
      url: '/api/network?schoolYear=2020-2021&siteKind=lekoteka&siteKind=early-help',
    });
    const commas = await server.inject({
      method: 'GET',
      url: '/api/network?schoolYear=2020-2021&siteKind=lekoteka,early-help',
    });
    expect(repeated.statusCode).toBe(200);
    expect(repeated.json()).toStrictEqual(expected);
    expect(commas.json()).toStrictEqual(expected);
    expect(repeated.json<Network>().sites.map((site) => site.id)).toEqual(['lek-school-2']);
  });

  test('400 lists every invalid parameter in Russian and English', async () => {
    const answer = await server.inject({
      method: 'GET',
      url: '/api/network?schoolYear=2019-2021&siteKind=lekoteka,unknown',
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.headers['content-security-policy']).toBe(expectedPolicy);
    const { error } = answer.json<ApiErrorBody>();
    expect(error.code).toBe('validation_error');
    expectBilingual(error.message);
    expect(error.issues.map((issue) => issue.path)).toEqual([['schoolYear'], ['siteKind', 1]]);
    for (const issue of error.issues) expectBilingual(issue.message);
    expect(error.issues[0]?.message.ru).toContain('2019-2020');
    expect(error.issues[1]?.message.en).toContain('lekoteka');
  });

  test('400 for siteKind=unknown alone, and for an unknown parameter', async () => {
    const kind = await server.inject({ method: 'GET', url: '/api/network?siteKind=unknown' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json<ApiErrorBody>().error.issues).toHaveLength(1);
    const typo = await server.inject({ method: 'GET', url: '/api/network?siteKinds=lekoteka' });
    expect(typo.statusCode).toBe(400);
    expect(typo.json<ApiErrorBody>().error.issues[0]?.message.en).toContain('siteKinds');
  });

  test('with several networks: asks to choose, serves the one named, 404 for an unknown one', async () => {
    await storage.saveNetwork(otherNetwork());
    const ambiguous = await server.inject({ method: 'GET', url: '/api/network' });
    expect(ambiguous.statusCode).toBe(400);
    const issue = ambiguous.json<ApiErrorBody>().error.issues[0];
    expect(issue?.path).toEqual(['network']);
    expect(issue?.message.en).toContain('other-town, test-town');

    const named = await server.inject({ method: 'GET', url: '/api/network?network=other-town' });
    expect(named.statusCode).toBe(200);
    expect(named.json()).toStrictEqual(asJson(otherNetwork()));

    const unknown = await server.inject({ method: 'GET', url: '/api/network?network=nowhere' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-security-policy']).toBe(expectedPolicy);
    const { error } = unknown.json<ApiErrorBody>();
    expect(error).toStrictEqual({
      code: 'not_found',
      message: { ru: 'Не найдено: сеть «nowhere»', en: 'Not found: network "nowhere"' },
      issues: [],
    });

    const list = await server.inject({ method: 'GET', url: '/api/networks' });
    expect(list.json()).toStrictEqual({
      networks: [
        { id: 'other-town', name: 'Другая сеть', municipality: 'Другой округ' },
        {
          id: 'test-town',
          name: 'Служба помощи родителям (тест)',
          municipality: 'Тестовый городской округ',
        },
      ],
    });
  });
});

describe('the rest of the server', () => {
  test('health answers with the engine and the security headers', async () => {
    const answer = await server.inject({ method: 'GET', url: '/api/health' });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toStrictEqual({ status: 'ok', engine: 'pglite' });
    expect(contentSecurityPolicy).toBe(expectedPolicy);
    expect(answer.headers['content-security-policy']).toBe(expectedPolicy);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  test('serves the example pages at / and the widgets at /widgets/, with the policy', async () => {
    const page = await server.inject({ method: 'GET', url: '/test-town/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<title>Тест</title>');
    expect(page.headers['content-security-policy']).toBe(expectedPolicy);
    expect(page.headers['x-content-type-options']).toBe('nosniff');

    const bundle = await server.inject({ method: 'GET', url: '/widgets/eduset-widgets.js' });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
    expect(bundle.headers['content-security-policy']).toBe(expectedPolicy);

    const hidden = await server.inject({ method: 'GET', url: '/node_modules/secret.js' });
    expect(hidden.statusCode).toBe(404);
  });

  test('the widgets go compressed as the browser accepts; hashed chunks are cached for good', async () => {
    const brotli = await server.inject({
      method: 'GET',
      url: '/widgets/eduset-widgets.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(brotli.statusCode, brotli.body).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe('export const widgets = 1;');
    const gzip = await server.inject({
      method: 'GET',
      url: '/widgets/eduset-widgets.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await server.inject({ method: 'GET', url: '/widgets/eduset-widgets.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('export const widgets = 1;');
    // The bundle keeps its name across releases: asked again each time (its ETag answers 304).
    expect(plain.headers['cache-control']).not.toContain('immutable');
    const chunk = await server.inject({
      method: 'GET',
      url: '/widgets/lazy/schedule.define-BHBBApDt.js',
    });
    expect(chunk.statusCode).toBe(200);
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The staff loader's chunks too.
    const staffChunk = await server.inject({
      method: 'GET',
      url: '/widgets/lazy-staff/inventory.define-Q1w2E3r4.js',
    });
    expect(staffChunk.statusCode).toBe(200);
    expect(staffChunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const compressed = await server.inject({
      method: 'GET',
      url: '/widgets/lazy/survey.define-vSGLnOQU.js',
      headers: { 'accept-encoding': 'br' },
    });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The compressed copies themselves are not addresses of their own.
    expect(
      (await server.inject({ method: 'GET', url: '/widgets/eduset-widgets.js.br' })).statusCode,
    ).toBe(404);
  });

  test('an unknown address is a JSON 404 with the policy', async () => {
    const answer = await server.inject({ method: 'GET', url: '/api/nothing?x=1' });
    expect(answer.statusCode).toBe(404);
    expect(answer.headers['content-security-policy']).toBe(expectedPolicy);
    const { error } = answer.json<ApiErrorBody>();
    expect(error.code).toBe('route_not_found');
    expect(error.message.en).toBe('No such address: GET /api/nothing');
    expectBilingual(error.message);
  });

  test('a failure inside is a 500 that leaks nothing', async () => {
    const failing = createServer({
      storage: fakeStorage({
        listNetworks: () =>
          Promise.reject(new Error('connect ECONNREFUSED postgres://admin:secret@db:5432')),
      }),
    });
    try {
      const answer = await failing.inject({ method: 'GET', url: '/api/network' });
      expect(answer.statusCode).toBe(500);
      expect(answer.body).not.toContain('secret');
      expect(answer.body).not.toContain('ECONNREFUSED');
      const { error } = answer.json<ApiErrorBody>();
      expect(error.code).toBe('internal_error');
      expectBilingual(error.message);
      expect(answer.headers['content-security-policy']).toBe(expectedPolicy);
    } finally {
      await failing.close();
    }
  });

  test('an empty storage answers 404 for the default network', async () => {
    const empty = createServer({ storage: fakeStorage({}) });
    try {
      const answer = await empty.inject({ method: 'GET', url: '/api/network' });
      expect(answer.statusCode).toBe(404);
      expect(answer.json<ApiErrorBody>().error.code).toBe('no_network');
    } finally {
      await empty.close();
    }
  });
});
