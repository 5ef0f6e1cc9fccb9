// Worked case 4 of operations.md: no anonymous route returns anyone's name, phone, e-mail,
// birth date or certificate balance — except to the one person who proves it is theirs (the
// token in their link, the certificate number with the child's birth date).
//
// With the Udomlya network and schedule, the Michurinsk financing demo and the profile-course
// demo loaded and a few bookings made, every route the server lists (`server.routeAccess`) is
// requested anonymously with plausible parameters taken from the data; no answer body may
// contain any of the personal strings collected from that data and from the bookings, except
// the requests marked as presenting the right token or the right pair.
import { readFile } from 'node:fs/promises';
import {
  createNetwork,
  createNetworkSchedule,
  instant,
  type BookingContact,
  type Slot,
} from '@eduset/core';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedFinancingIfEmpty } from '../src/cli-financing.js';
import { createServer, seedCourseNetwork, type BookingCreatedResponse } from '../src/index.js';
import courses from '../../../examples/data/udomlya-courses.json' with { type: 'json' };
import financing from '../../../examples/data/michurinsk-financing.json' with { type: 'json' };
import { bookingBody } from './helpers.js';

const examples = new URL('../../../examples/', import.meta.url).pathname;

const contacts: BookingContact[] = [
  { name: 'Скан Ольга Петровна', phone: '+7 915 700-11-22', email: 'olga.scan@example.ru' },
  { name: 'Скан Игорь Васильевич', phone: '+7 915 700-33-44' },
  { name: 'Скан Мария Андреевна', email: 'maria.scan@example.ru' },
];

/** Every personal string the answers must not carry. */
function personalStrings(): string[] {
  const strings = new Set<string>();
  for (const contact of contacts) {
    strings.add(contact.name);
    if (contact.phone !== undefined) {
      strings.add(contact.phone);
      strings.add(contact.phone.replace(/\D/g, ''));
    }
    if (contact.email !== undefined) strings.add(contact.email);
  }
  for (const student of courses.students) strings.add(student.name);
  for (const teacher of courses.teachers) strings.add(teacher.name);
  for (const { certificate } of financing.certificates) strings.add(certificate.birthDate);
  return [...strings];
}

/** A certificate balance in an answer: its amounts are named so. */
const balanceFields = /"(?:available|reserved|spent|nominal)"\s*:/;

interface Probe {
  readonly request: InjectOptions & { readonly method: 'GET' | 'HEAD' | 'POST'; url: string };
  /** This request presents the right token or pair: it may see that one person's data. */
  readonly own?: boolean;
}

let storage: Storage;
let server: FastifyInstance;
const made: BookingCreatedResponse[] = [];
let courseToken = '';
/** The survey link's token of each booking made (what the e-mail after it would carry). */
const surveyTokens = new Map<string, string>();
const wrongToken = 'Zz'.repeat(21) + 'Z';

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  const network = createNetwork(
    JSON.parse(await readFile(`${examples}data/udomlya.json`, 'utf8')) as unknown,
  );
  await storage.saveNetwork(network);
  await storage.saveSchedule(
    createNetworkSchedule(
      JSON.parse(await readFile(`${examples}data/udomlya-schedule.json`, 'utf8')) as unknown,
    ),
  );
  await seedFinancingIfEmpty(
    storage,
    `${examples}data/michurinsk-financing.json`,
    instant(new Date()),
    () => undefined,
  );
  await seedCourseNetwork(storage.courseNetworks, 'udomlya', courses, {
    seed: 2025,
    iterations: 5_000,
    at: instant('2025-08-29T09:00:00Z'),
  });
  server = createServer({
    storage,
    staticRoot: examples,
    rateLimit: false,
    courses: { networkId: 'udomlya' },
  });
  await server.ready();

  // A few bookings, each with its own contact.
  const from = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const slots = (
    await server.inject(`/api/slots?serviceId=psychologist-consultation&from=${from}&to=${to}`)
  ).json<Slot[] | { slots: Slot[] }>();
  const list = Array.isArray(slots) ? slots : slots.slots;
  for (const [index, contact] of contacts.entries()) {
    const slot = list[index * 3];
    if (slot === undefined) throw new Error('not enough slots to book');
    const answer = await server.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: bookingBody(slot, contact),
    });
    expect(answer.statusCode, answer.body).toBe(201);
    made.push(answer.json<BookingCreatedResponse>());
  }
  for (const answer of made) {
    surveyTokens.set(answer.booking.id, await storage.links.token('survey', answer.booking.id));
  }
  const { token } = await storage.courseLinks.issue({
    networkId: 'udomlya',
    studentId: 'st-001',
    issuedBy: 'acc-deputy-school-1',
    now: instant(new Date()),
    validForMs: 86_400_000,
  });
  courseToken = token;
}, 120_000);

afterAll(async () => {
  await server?.close();
  await storage?.close();
});

/** Plausible requests for one route of the registry (a fallback for routes not named here). */
function probesFor(method: string, url: string): Probe[] {
  const get = (path: string, own = false): Probe => ({
    request: { method: method === 'HEAD' ? 'HEAD' : 'GET', url: path },
    own,
  });
  const post = (path: string, payload: unknown): Probe => ({
    request: { method: 'POST', url: path, payload: payload as Record<string, unknown> },
  });
  const [first] = made;
  const bookingIds = made.map((answer) => answer.booking.id);
  const certificates = financing.certificates.map(({ certificate }) => certificate);
  const studentIds = courses.students.slice(0, 5).map((s) => s.id);
  const slot = first?.booking;
  switch (`${method} ${url}`) {
    case 'GET /api/network':
    case 'HEAD /api/network':
      return [get(url), get(`${url}?network=udomlya`)];
    case 'GET /api/slots':
    case 'HEAD /api/slots':
      return [
        get(
          `${url}?serviceId=psychologist-consultation&from=${slot?.start.slice(0, 10)}&to=${slot?.start.slice(0, 10)}`,
        ),
      ];
    case 'POST /api/bookings':
      return [
        post(url, {}),
        // The same slot again: the refusal must not tell who holds it.
        post(url, {
          specialistId: slot?.specialistId,
          siteId: slot?.siteId,
          serviceId: slot?.serviceId,
          start: slot?.start,
          end: slot?.end,
          childAge: 4,
          contact: { name: 'Другой человек', phone: '+7 900 000-00-00' },
          personalDataConsent: true,
        }),
      ];
    case 'GET /api/bookings/:id.ics':
    case 'HEAD /api/bookings/:id.ics':
      return [
        ...bookingIds.map((id) => get(`/api/bookings/${id}.ics?token=wrong-token`)),
        ...bookingIds.map((id) => get(`/api/bookings/${id}.ics`)),
        // The calendar link opens the booking's .ics, which names no one.
        ...made.map((answer) => get(answer.calendarUrl)),
      ];
    case 'POST /api/bookings/:id/cancel':
      return bookingIds.map((id) => post(`/api/bookings/${id}/cancel`, { token: 'wrong-token' }));
    // The survey: a wrong token, the manage token, and the right one (the page names no one).
    case 'POST /api/surveys/:bookingId/view':
      return bookingIds.flatMap((id) => [
        post(`/api/surveys/${id}/view`, { token: wrongToken }),
        post(`/api/surveys/${id}/view`, { token: first?.cancelToken }),
        post(`/api/surveys/${id}/view`, { token: surveyTokens.get(id) }),
      ]);
    case 'POST /api/surveys/:bookingId':
      return bookingIds.flatMap((id) => [
        post(`/api/surveys/${id}`, { token: wrongToken, satisfied: true, score: 5 }),
        post(`/api/surveys/${id}`, { token: surveyTokens.get(id), satisfied: true, score: 5 }),
      ]);
    case 'GET /api/schedule.ics':
    case 'HEAD /api/schedule.ics':
      return [slot?.siteId ?? 'kp-teremok', 'lekoteka-dyuymovochka'].map((site) =>
        get(`${url}?site=${site}`),
      );
    case 'GET /api/indicators':
    case 'HEAD /api/indicators':
      return [get(url), get(`${url}?level=municipality&explain=true`)];
    case 'GET /api/programmes':
    case 'HEAD /api/programmes':
      return [get(`${url}?limit=5000`)];
    case 'GET /api/certificates/:number/balance':
    case 'HEAD /api/certificates/:number/balance': {
      const [right] = certificates;
      return [
        ...certificates.map((c) =>
          get(`/api/certificates/${c.number}/balance?birthDate=1999-01-01`),
        ),
        ...certificates.map((c) => get(`/api/certificates/${c.number}/balance`)),
        get(`/api/certificates/${right?.number}/balance?birthDate=${right?.birthDate}`, true),
      ];
    }
    case 'POST /api/enrolments':
      return certificates.map((c) =>
        post(url, { certificateNumber: c.number, birthDate: '1999-01-01', programmeId: 'x' }),
      );
    // The family's cabinet: wrong pairs, then the right one (its owner); without the token
    // the session gives, or with a wrong one, the cabinet shows nothing.
    case 'POST /api/family/session': {
      const [right] = certificates;
      return [
        ...certificates.map((c) =>
          post(url, { certificateNumber: c.number, birthDate: '1999-01-01' }),
        ),
        {
          request: {
            method: 'POST',
            url,
            payload: { certificateNumber: right?.number, birthDate: right?.birthDate },
          },
          own: true,
        },
      ];
    }
    case 'GET /api/family/certificate':
    case 'HEAD /api/family/certificate':
    case 'GET /api/family/contracts':
    case 'HEAD /api/family/contracts':
      return [
        get(url),
        { request: { method: 'GET', url, headers: { authorization: `Bearer ${wrongToken}` } } },
      ];
    case 'GET /api/courses/timetable':
    case 'HEAD /api/courses/timetable':
      return [
        ...studentIds.map((id) => get(`${url}?view=student&id=${id}`)),
        ...courses.teachers.map((t) => get(`${url}?view=teacher&id=${t.id}`)),
        ...courses.resourceCentres.map((c) => get(`${url}?view=centre&id=${c.id}`)),
        ...['school-1', 'school-2', 'college'].map((id) => get(`${url}?view=school&id=${id}`)),
      ];
    case 'GET /api/courses/feeds/:view/:id.ics':
    case 'HEAD /api/courses/feeds/:view/:id.ics':
      return [
        ...studentIds.map((id) => get(`/api/courses/feeds/student/${id}.ics`)),
        ...courses.teachers.map((t) => get(`/api/courses/feeds/teacher/${t.id}.ics`)),
        ...courses.resourceCentres.map((c) => get(`/api/courses/feeds/centre/${c.id}.ics`)),
        get('/api/courses/feeds/school/school-1.ics'),
      ];
    case 'POST /api/courses/links':
      return studentIds.map((studentId) => post(url, { studentId }));
    case 'GET /api/courses/timetable/by-link':
    case 'HEAD /api/courses/timetable/by-link':
      return [get(`${url}?token=${wrongToken}`), get(`${url}?token=${courseToken}`, true)];
    case 'GET /api/courses/feeds/by-link/:token.ics':
    case 'HEAD /api/courses/feeds/by-link/:token.ics':
      return [
        get(`/api/courses/feeds/by-link/${wrongToken}.ics`),
        get(`/api/courses/feeds/by-link/${courseToken}.ics`, true),
      ];
    default:
      break;
  }
  if (url === '/*' || url === '/') {
    return [
      '/',
      '/courses/',
      '/udomlya/',
      '/michurinsk/',
      '/data/udomlya-courses.json',
      '/data/michurinsk-financing.json',
      '/data/udomlya-schedule.json',
    ].map((path) => get(path));
  }
  // Any other route: its pattern with plausible ids in place of the parameters.
  const path = url
    .replace(/:id\b/g, bookingIds[0] ?? 'x')
    .replace(/:token\b/g, wrongToken)
    .replace(/:number\b/g, certificates[0]?.number ?? '6800000001')
    .replace(/:[A-Za-z]+/g, 'x')
    .replace(/\*/g, '');
  return method === 'POST' ? [post(path, {})] : [get(path)];
}

describe('the anonymous surface (worked case 4)', () => {
  test('no anonymous answer carries anyone’s personal data, except to its owner', async () => {
    const secrets = personalStrings();
    expect(secrets.length).toBeGreaterThan(100);
    const routes = server.routeAccess.filter((route) =>
      ['GET', 'HEAD', 'POST'].includes(route.method),
    );
    expect(routes.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    const owned: string[] = [];
    let requests = 0;
    for (const route of routes) {
      for (const probe of probesFor(route.method, route.url)) {
        const answer = await server.inject(probe.request);
        requests += 1;
        expect(answer.statusCode, `${probe.request.method} ${probe.request.url}`).toBeLessThan(500);
        const body = answer.body;
        const found = secrets.filter((secret) => body.includes(secret));
        // The API's description names the balance's fields (its schema), holding no values.
        const describesApi =
          probe.request.url === '/api/openapi.json' || probe.request.url === '/api/docs/json';
        if (!describesApi && balanceFields.test(body)) found.push('a certificate balance');
        const where = `${probe.request.method} ${probe.request.url} → ${answer.statusCode}: ${found.join(', ')}`;
        if (probe.own === true) {
          if (answer.statusCode === 200 && found.length > 0) owned.push(where);
        } else if (found.length > 0) {
          leaks.push(where);
        }
        // Every API answer is no-store, but the public texts that opt into caching: the
        // consent wording, the API's own documentation page and its files, and the print
        // stylesheet of the support programme report (no data in it).
        const cacheable =
          probe.request.url === '/api/consent' ||
          probe.request.url.startsWith('/api/docs') ||
          probe.request.url === '/api/staff/support/report.css';
        if (probe.request.url.startsWith('/api/') && !cacheable) {
          expect(answer.headers['cache-control'], probe.request.url).toBe('no-store');
        }
        expect(answer.headers['referrer-policy']).toBe('no-referrer');
      }
    }
    expect(leaks).toEqual([]);
    expect(requests).toBeGreaterThan(100);
    // The owners do get their own data (so the scan would see a leak if there were one).
    expect(owned.some((line) => line.includes('/by-link'))).toBe(true);
    expect(owned.some((line) => line.includes('balance'))).toBe(true);
    // (A booking's own calendar file names the consultation, not the parent: nothing to see.)
  }, 240_000);
});
