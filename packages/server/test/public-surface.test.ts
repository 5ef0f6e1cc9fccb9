// The public surface (issue 13 §1, §5): the static roots serve pages and widget bundles only,
// every answer says `Referrer-Policy: no-referrer`, `/api/` answers are `no-store`, and the
// POST rate limit is counted by the database per real client address — shared by every
// server instance over one PostgreSQL.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instant } from '@eduset/core';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, isServablePage, isServableWidgetFile } from '../src/index.js';
import { startPostgresServer, type PostgresServer } from '../../adapters/test/postgres-server.js';

const examples = new URL('../../../examples/', import.meta.url).pathname;
const widgetsRoot = mkdtempSync(join(tmpdir(), 'eduset-widgets-'));
const clock = instant('2026-12-06T10:00:00Z');

let storage: Storage;
let server: FastifyInstance;

beforeAll(async () => {
  writeFileSync(join(widgetsRoot, 'eduset-widgets.js'), 'export const widgets = 1;');
  writeFileSync(join(widgetsRoot, 'eduset-widgets.js.map'), '{"version":3}');
  writeFileSync(join(widgetsRoot, 'index.d.ts'), 'export {};');
  writeFileSync(join(widgetsRoot, 'package.json'), '{}');
  writeFileSync(join(widgetsRoot, 'widget.test.js'), 'export {};');
  storage = await openStorage({ dataDir: 'memory://' });
  server = createServer({ storage, staticRoot: examples, widgetsRoot, rateLimit: false });
  await server.ready();
});
afterAll(async () => {
  await server?.close();
  await storage?.close();
  rmSync(widgetsRoot, { recursive: true, force: true });
});

describe('static roots: pages and widget bundles only', () => {
  test('data, sources, tests, package files and dotfiles are 404 with the usual body', async () => {
    for (const url of [
      '/data/michurinsk-financing.json',
      '/data/udomlya-courses.json',
      '/data/indicators/data-values.csv',
      '/data/README.md',
      '/e2e.ts',
      '/udomlya/booking.e2e.test.ts',
      '/courses/courses.e2e.test.ts',
      '/package.json',
      '/michurinsk/package.json',
      '/quickstart/quickstart.ts',
      '/udomlya/..%2Fdata%2Fudomlya.json',
      '/.git/config',
      '/widgets/index.d.ts',
      '/widgets/package.json',
      '/widgets/widget.test.js',
    ]) {
      const answer = await server.inject(url);
      expect([url, answer.statusCode]).toEqual([url, 404]);
      expect(answer.json().error.message.ru).toMatch(/Нет такого адреса/);
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  test('every example page and what it links to is served', async () => {
    const pages = [
      '/',
      ...readdirSync(examples, { withFileTypes: true })
        .filter(
          (entry) => entry.isDirectory() && existsSync(join(examples, entry.name, 'index.html')),
        )
        .map((entry) => `/${entry.name}/`),
    ];
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const answer = await server.inject(page);
      expect([page, answer.statusCode]).toEqual([page, 200]);
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
      expect(answer.headers['cache-control']).not.toBe('no-store');
      const html = readFileSync(join(examples, page, 'index.html'), 'utf8');
      // Local scripts and styles the page loads (the widget bundle is checked below).
      for (const [, ref] of html.matchAll(
        /(?:src|href)="((?:\.\.\/|\.\/)?[\w./-]+\.(?:js|css))"/g,
      )) {
        if (ref === undefined || ref.startsWith('/widgets/')) continue;
        const url = new URL(ref, `http://x${page}`).pathname;
        expect([url, (await server.inject(url)).statusCode]).toEqual([url, 200]);
      }
      // Pages read data from the API, never from data files.
      expect(html).not.toMatch(/data\/[\w-]+\.(?:json|csv)["']/);
    }
    const bundle = await server.inject('/widgets/eduset-widgets.js');
    expect(bundle.statusCode).toBe(200);
    expect((await server.inject('/widgets/eduset-widgets.js.map')).statusCode).toBe(200);
  });

  test('the allow-lists themselves', () => {
    expect(isServablePage('/courses/courses.js')).toBe(true);
    expect(isServablePage('/udomlya/style.css')).toBe(true);
    // The survey page of the e-mail's link (/survey/#booking=…&token=…) and its script.
    expect(isServablePage('/survey/')).toBe(true);
    expect(isServablePage('/survey/survey.js')).toBe(true);
    expect(isServablePage('/survey/survey.e2e.test.ts')).toBe(false);
    expect(isServablePage('/img/logo.svg')).toBe(true);
    expect(isServablePage('/a/b.config.js')).toBe(false);
    expect(isServablePage('/a/.env')).toBe(false);
    expect(isServablePage('/node_modules/x/index.html')).toBe(false);
    expect(isServablePage('/data/')).toBe(false);
    expect(isServableWidgetFile('/chunks/a.js')).toBe(true);
    expect(isServableWidgetFile('/index.d.ts.map')).toBe(false);
  });
});

describe('headers', () => {
  test('every /api/ answer is no-store and no answer sends a referrer', async () => {
    for (const url of ['/api/health', '/api/networks', '/api/nothing', '/api/programmes?age=x']) {
      const answer = await server.inject(url);
      expect([url, answer.headers['cache-control']]).toEqual([url, 'no-store']);
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
    }
  });
});

/** A limited POST (its body is refused, but the limit counts the request first). */
const post = (target: FastifyInstance, headers: Record<string, string>, remoteAddress: string) =>
  target.inject({
    method: 'POST',
    url: '/api/enrolments',
    payload: {},
    headers,
    remoteAddress,
  });

describe('POST rate limits counted by the database, per real client address', () => {
  test('behind a trusted proxy two clients get separate buckets', async () => {
    const local = await openStorage({ dataDir: 'memory://' });
    const proxied = createServer({
      storage: local,
      now: () => clock,
      rateLimit: { max: 2, timeWindowMs: 60_000 },
      trustProxy: true,
    });
    try {
      const statuses = async (ip: string) => {
        const answer = await post(proxied, { 'x-forwarded-for': ip }, '10.0.0.1');
        return answer.statusCode;
      };
      expect([await statuses('203.0.113.7'), await statuses('203.0.113.7')]).toEqual([400, 400]);
      const limited = await post(proxied, { 'x-forwarded-for': '203.0.113.7' }, '10.0.0.1');
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.json().error.message.ru).toMatch(/Слишком много запросов/);
      expect(await statuses('198.51.100.9')).toBe(400);
      // The counter is the database's.
      const count = await local.limits.peek('rate:POST /api/enrolments:203.0.113.7', clock);
      expect(count.hits).toBe(3);
    } finally {
      await proxied.close();
      await local.close();
    }
  });

  test('without trustProxy a forged X-Forwarded-For does not give a new bucket', async () => {
    const local = await openStorage({ dataDir: 'memory://' });
    const direct = createServer({
      storage: local,
      now: () => clock,
      rateLimit: { max: 2, timeWindowMs: 60_000 },
    });
    try {
      const codes: number[] = [];
      for (const forged of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) {
        codes.push((await post(direct, { 'x-forwarded-for': forged }, '192.0.2.5')).statusCode);
      }
      expect(codes).toEqual([400, 400, 429]);
    } finally {
      await direct.close();
      await local.close();
    }
  });
});

describe('on PostgreSQL: two server instances over one database', () => {
  let postgres: PostgresServer | undefined;
  afterAll(() => postgres?.stop());

  test('share one bucket per client address', async () => {
    postgres = await startPostgresServer();
    const url = postgres.createDatabase('public_surface');
    const storages = [
      await openStorage({ databaseUrl: url }),
      await openStorage({ databaseUrl: url }),
    ];
    const servers = storages.map((one) =>
      createServer({
        storage: one,
        now: () => clock,
        rateLimit: { max: 3, timeWindowMs: 60_000 },
      }),
    );
    try {
      const [a, b] = servers;
      if (a === undefined || b === undefined) throw new Error('two servers');
      const codes = [];
      for (const target of [a, b, a, b]) {
        codes.push((await post(target, {}, '203.0.113.50')).statusCode);
      }
      expect(codes).toEqual([400, 400, 400, 429]);
      expect((await post(b, {}, '203.0.113.51')).statusCode).toBe(400);
      // And the certificate attempt limit is shared too (each guess from its own address, so
      // only the per-certificate limit applies).
      const wrong = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 === 0 ? a : b).inject({
            url: `/api/certificates/6800000009/balance?birthDate=2012-01-0${i + 1}`,
            remoteAddress: `198.51.100.${i + 1}`,
          }),
        ),
      );
      const statuses = wrong.map((answer) => answer.statusCode).sort();
      expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429, 429]);
    } finally {
      await Promise.all(servers.map((one) => one.close()));
      await Promise.all(storages.map((one) => one.close()));
    }
  }, 120_000);
});
