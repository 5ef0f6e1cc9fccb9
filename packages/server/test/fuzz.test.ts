// Schema fuzzing: for every API route, requests are generated from the schemas it declares
// (as the OpenAPI document states them) — valid values, boundary values and hostile ones
// (NUL, huge strings, __proto__, odd Unicode, wrong types, years 0000 and 9999, 30 February).
// Whatever arrives, the server never answers 500, every error is JSON in Russian and
// English, and nothing is half-written: the number of stored bookings grows only by the
// bookings the server accepted.
import { readFileSync } from 'node:fs';
import { createNetwork, createNetworkSchedule, instant, type Slot } from '@eduset/core';
import { openStorage, type Storage } from '@eduset/adapters';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, seedCourseNetwork } from '../src/index.js';
import { seedFinancingIfEmpty } from '../src/cli-financing.js';
import { bookingBody } from './helpers.js';

interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
}

interface Operation {
  readonly parameters?: readonly {
    readonly in: 'query' | 'path' | 'header';
    readonly name: string;
    readonly required?: boolean;
    readonly schema?: JsonSchema;
  }[];
  readonly requestBody?: { readonly content: Record<string, { readonly schema: JsonSchema }> };
}

const networkId = 'udomlya';
let storage: Storage;
let server: FastifyInstance;
let operations: { method: string; path: string; operation: Operation }[] = [];
/** Valid values met in the demo data (ids, instants of real slots, dates) to mix in. */
let known: string[] = [];
const slots: Slot[] = [];

const hostileStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '\uD800',
  '\uDFFF\uD800',
  '😀👨‍👩‍👧',
  'İı',
  '\u202Eevil',
  'ё'.repeat(300),
  'x'.repeat(5000),
  '../../etc/passwd',
  '%00',
  '0000-01-01',
  '9999-12-31',
  '2027-02-30',
  '2027-13-01',
  '0000-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '2027-02-30T08:00:00.000Z',
  '2027-02-01T24:00:00Z',
  '1899-12-31T23:59:59Z',
  '2201-01-01T00:00:00Z',
  '-1',
  '1e309',
  'NaN',
  'true',
  'null',
  '2019-2020',
  'лето',
];

const wrongTypes: unknown[] = [
  null,
  0,
  -1,
  1.5,
  Number.MAX_VALUE,
  true,
  false,
  [],
  {},
  [''],
  { a: 1 },
];

function typesOf(schema: JsonSchema): readonly string[] {
  if (schema.type === undefined) return [];
  return typeof schema.type === 'string' ? [schema.type] : schema.type;
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 64;
  const boundary = [schema.minLength ?? 0, max, max + 1].map((length) => 'a'.repeat(length));
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
    { weight: 1, arbitrary: fc.constantFrom(...boundary) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  );
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? -10;
  const max = schema.maximum ?? 100;
  return fc.oneof(
    fc.integer({ min: Math.max(-1e6, min - 1), max: Math.min(1e6, max + 1) }),
    fc.constantFrom(min, max, min - 1, max + 1, 0, -0, 2 ** 53, -(2 ** 53)),
    integer ? fc.constant(1.5) : fc.double({ noNaN: true, noDefaultInfinity: true }),
  );
}

/** Values for a JSON schema: mostly of its shape, sometimes of any other type. */
function arbitraryOf(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const wrong = fc.constantFrom(...wrongTypes, ...hostileStrings);
  if (schema === undefined || depth > 5) return fc.oneof(fc.constantFrom(...known), wrong);
  const alternatives = schema.anyOf ?? schema.oneOf;
  let shaped: fc.Arbitrary<unknown>;
  if (alternatives !== undefined && alternatives.length > 0) {
    shaped = fc.oneof(...alternatives.map((entry) => arbitraryOf(entry, depth + 1)));
  } else if (schema.allOf !== undefined && schema.allOf.length > 0) {
    shaped = arbitraryOf(schema.allOf[0], depth + 1);
  } else if (schema.enum !== undefined && schema.enum.length > 0) {
    shaped = fc.constantFrom(...schema.enum);
  } else if (schema.const !== undefined) {
    shaped = fc.constant(schema.const);
  } else {
    const types = typesOf(schema);
    if (types.includes('object') || schema.properties !== undefined) {
      const properties = schema.properties ?? {};
      const required = schema.required ?? [];
      const record = fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([key, value]) => [key, arbitraryOf(value, depth + 1)]),
        ),
        { requiredKeys: required.filter((key) => key in properties) },
      );
      shaped = fc.oneof(
        { weight: 5, arbitrary: record },
        {
          weight: 1,
          arbitrary: fc
            .tuple(record, fc.constantFrom('__proto__', 'constructor', 'extra'), wrong)
            .map(([value, key, extra]) => {
              const copy: Record<string, unknown> = { ...(value as object) };
              Object.defineProperty(copy, key, { value: extra, enumerable: true });
              return copy;
            }),
        },
      );
    } else if (types.includes('array')) {
      shaped = fc.array(arbitraryOf(schema.items, depth + 1), { maxLength: 4 });
    } else if (types.includes('integer')) {
      shaped = numberArbitrary(schema, true);
    } else if (types.includes('number')) {
      shaped = numberArbitrary(schema, false);
    } else if (types.includes('boolean')) {
      shaped = fc.boolean();
    } else if (types.includes('string')) {
      shaped = stringArbitrary(schema);
    } else {
      shaped = fc.oneof(fc.constantFrom(...known), wrong);
    }
  }
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: wrong });
}

/** A path segment as a client would encode it (lone surrogates become U+FFFD). */
function pathSegment(text: string): string {
  return encodeURIComponent(text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD'));
}

/** A value as it travels in a URL: text (a list becomes repeated parameters). */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A booking body for a real free slot, with at most one field replaced by a hostile value. */
function bookingArbitrary(): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      fc.constantFrom(...slots),
      fc.option(
        fc.tuple(
          fc.constantFrom(
            'start',
            'end',
            'specialistId',
            'siteId',
            'serviceId',
            'childAge',
            'seats',
            'network',
            'personalDataConsent',
          ),
          fc.oneof(fc.constantFrom(...hostileStrings), fc.constantFrom(...wrongTypes)),
        ),
      ),
      fc.oneof(
        fc.constant({ name: 'Анна', phone: '+7 912 345-67-89' }),
        fc.constant({ name: 'A\u0000', phone: '+79123456789' }),
        fc.constant({ name: 'Анна', email: 'anna@example.org' }),
        fc.record({
          name: fc.constantFrom(...hostileStrings),
          phone: fc.constantFrom(...hostileStrings),
        }),
      ),
    )
    .map(([slot, change, contact]) => {
      const body: Record<string, unknown> = bookingBody(slot, contact);
      if (change !== null) body[change[0]] = change[1];
      return body;
    });
}

function requestArbitrary(
  method: string,
  path: string,
  operation: Operation,
): fc.Arbitrary<InjectOptions> {
  const parameters = (operation.parameters ?? []).filter((entry) => entry.in !== 'header');
  const values = fc.record(
    Object.fromEntries(parameters.map((entry) => [entry.name, arbitraryOf(entry.schema)])),
    {
      requiredKeys: parameters
        .filter((entry) => entry.in === 'path' || entry.required === true)
        .map((entry) => entry.name),
    },
  );
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  const body: fc.Arbitrary<unknown> =
    bodySchema === undefined
      ? fc.constant(undefined)
      : path === '/api/bookings'
        ? fc.oneof(bookingArbitrary(), arbitraryOf(bodySchema))
        : arbitraryOf(bodySchema);
  return fc.tuple(values, body).map(([given, payload]) => {
    let url = path;
    const query = new URLSearchParams();
    for (const entry of parameters) {
      const value = (given as Record<string, unknown>)[entry.name];
      if (!(entry.name in given)) continue;
      if (entry.in === 'path') {
        url = url.replace(`{${entry.name}}`, pathSegment(asText(value) || 'x'));
      } else if (Array.isArray(value)) {
        for (const item of value) query.append(entry.name, asText(item));
      } else {
        query.append(entry.name, asText(value));
      }
    }
    const search = query.toString();
    const options: InjectOptions = {
      method: method.toUpperCase() as InjectOptions['method'],
      url: search === '' ? url : `${url}?${search}`,
    };
    if (payload !== undefined) {
      return {
        ...options,
        payload: JSON.stringify(payload),
        headers: { 'content-type': 'application/json' },
      };
    }
    return options;
  });
}

async function bookingCount(): Promise<number> {
  return (await storage.listBookings(networkId)).length;
}

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
  await storage.saveNetwork(createNetwork(read('examples/data/udomlya.json')));
  await storage.saveSchedule(createNetworkSchedule(read('examples/data/udomlya-schedule.json')));
  const now = instant('2027-02-01T06:00:00Z');
  await seedFinancingIfEmpty(storage, 'examples/data/michurinsk-financing.json', now, () => {});
  await seedCourseNetwork(
    storage.courseNetworks,
    'courses',
    read('examples/data/udomlya-courses.json'),
    { seed: 2025, iterations: 500, at: instant('2025-08-29T09:00:00Z') },
  );
  server = createServer({
    storage,
    staticRoot: 'examples',
    now: () => now,
    rateLimit: false,
    courses: {},
  });
  const document = (await server.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, Operation>>;
  }>();
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method, path, operation })),
  );
  const network = createNetwork(read('examples/data/udomlya.json'));
  const schedule = createNetworkSchedule(read('examples/data/udomlya-schedule.json'));
  for (const availability of schedule.availabilities.slice(0, 4)) {
    const answer = await server.inject({
      method: 'GET',
      url: `/api/slots?serviceId=${availability.serviceId}&specialistId=${availability.specialistId}&from=2027-02-01&to=2027-02-14`,
    });
    slots.push(...answer.json<{ slots: Slot[] }>().slots.slice(0, 20));
  }
  known = [
    networkId,
    ...network.sites.slice(0, 5).map((site) => site.id),
    ...network.specialists.slice(0, 5).map((specialist) => specialist.id),
    ...network.services.map((service) => service.id),
    ...slots.slice(0, 10).flatMap((slot) => [slot.start, slot.end]),
    '2027-02-01',
    '2027-02-07',
    '2016-04-12',
    '6800000001',
    'municipality',
    'student',
    'true',
    '4',
  ];
}, 120_000);

afterAll(async () => {
  await server.close();
  await storage.close();
});

describe('schema fuzzing of every route', () => {
  test('the OpenAPI document lists every API route the access registry knows', () => {
    const documented = new Set(
      operations.map((entry) => `${entry.method.toUpperCase()} ${entry.path}`),
    );
    const routes = server.routeAccess.filter(
      (route) =>
        route.url.startsWith('/api/') &&
        !route.url.startsWith('/api/docs') &&
        route.url !== '/api/openapi.json' &&
        route.method !== 'HEAD' &&
        route.method !== 'OPTIONS',
    );
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      expect(documented, `${route.method} ${route.url}`).toContain(
        `${route.method} ${route.url.replace(/:([A-Za-z]+)/g, '{$1}')}`,
      );
    }
    expect(slots.length).toBeGreaterThan(0);
  });

  test('never a 500, every error bilingual JSON, bookings only as accepted', async () => {
    const before = await bookingCount();
    let accepted = 0;
    const statuses = new Map<number, number>();
    // The booking route weighs more, so that some bookings are accepted however many routes
    // the document lists (each route added thins out the others' share of the runs).
    const arbitrary = fc.oneof(
      ...operations.map(({ method, path, operation }) => ({
        weight: path === '/api/bookings' && method === 'post' ? 8 : 1,
        arbitrary: requestArbitrary(method, path, operation),
      })),
    );
    await fc.assert(
      fc.asyncProperty(arbitrary, async (request) => {
        const answer = await server.inject(request);
        statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
        expect(answer.statusCode, `${request.method} ${request.url}`).toBeLessThan(500);
        if (answer.statusCode >= 400) {
          const body = answer.json<{ error: { message: { ru: unknown; en: unknown } } }>();
          expect(typeof body.error.message.ru).toBe('string');
          expect(typeof body.error.message.en).toBe('string');
        }
        if (request.url === '/api/bookings' && answer.statusCode === 201) accepted += 1;
      }),
      { numRuns: 1200, seed: 20270201 },
    );
    // The random runs rarely hit one exact offered slot with a fitting age: one booking made
    // as the widget makes it shows the happy path is reached and counted too.
    const schedule = createNetworkSchedule(
      JSON.parse(readFileSync('examples/data/udomlya-schedule.json', 'utf8')) as unknown,
    );
    const offered = slots.find((slot) => slot.start > '2027-02-03');
    if (offered === undefined) throw new Error('no slot to book');
    const ages = schedule.bookingRules.find((rules) => rules.serviceId === offered.serviceId)?.ages;
    const good = await server.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: {
        specialistId: offered.specialistId,
        siteId: offered.siteId,
        serviceId: offered.serviceId,
        start: offered.start,
        end: offered.end,
        seats: 1,
        childAge: ages?.from ?? 4,
        contact: { name: 'Проверка Фаззинга', phone: '+79990001122' },
        personalDataConsent: true,
      },
    });
    if (good.statusCode === 201) accepted += 1;
    expect(await bookingCount()).toBe(before + accepted);
    expect(accepted).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
