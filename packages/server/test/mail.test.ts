// The parent's journey by e-mail, on PGlite and on a real PostgreSQL server: the real server
// (createServer) takes bookings, the mail worker sweeps and sends through nodemailer to a
// real SMTP server started here (smtp-server), and what arrives is read with mailparser and
// ical.js. The clock is the test's, so the reminder's "day before at 19:30" is exact.
//
// The service's changes (a cancellation or a move by staff, a consultation marked as held)
// are written here as core's transitions stored in the booking's row — what the staff
// console's storage does — so this test needs nothing of it.
import { readFileSync } from 'node:fs';
import {
  cancelBooking,
  createNetwork,
  createNetworkSchedule,
  instant,
  markAttended,
  rescheduleBooking,
  type Booking,
  type BookingCreatedResponse,
  type Instant,
  type NetworkInput,
  type Slot,
} from '@eduset/core';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { afterEach, describe, expect, test } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../adapters/src/storage/database.js';
import {
  bookingColumns,
  bookingOfRow,
  type BookingRow,
} from '../../adapters/src/storage/bookings.js';
import { usePostgresServer } from '../../adapters/test/postgres-server.js';
import {
  createMailWorker,
  createServer,
  messageIdOf,
  smtpTransport,
  type MailTransport,
  type MailWorker,
} from '../src/index.js';
import { bookingBody } from './helpers.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

const postgres = usePostgresServer();
const examples = new URL('../../../examples/data/', import.meta.url);
const udomlya = JSON.parse(readFileSync(new URL('udomlya.json', examples), 'utf8')) as NetworkInput;
const udomlyaSchedule = JSON.parse(
  readFileSync(new URL('udomlya-schedule.json', examples), 'utf8'),
) as unknown;
/** The demo network with a phone at the consultation point «Теремок» (the demo has none). */
const network = createNetwork({
  ...udomlya,
  sites: udomlya.sites.map((site) =>
    site.id === 'kp-teremok' ? { ...site, phone: '+7 (48255) 5-55-55' } : site,
  ),
});

const publicUrl = 'https://eduset.udomlya.example/';
const uidDomain = 'eduset.udomlya.example';
/** Monday 7 September 2026, 10:00 in Udomlya (UTC+3). */
const monday = instant('2026-09-07T07:00:00.000Z');

interface Bed {
  readonly database: Database;
  readonly storage: Storage;
  readonly server: FastifyInstance;
  readonly sink: SmtpSink;
  readonly worker: MailWorker;
  readonly transport: MailTransport;
  /** The test's clock, read by the server and the worker. */
  clock: Instant;
}

const open: Readonly<Record<'pglite' | 'postgres', () => Promise<Database>>> = {
  pglite: () => openPglite('memory://'),
  postgres: () => openPostgres(postgres.createDatabase('mail')),
};

let beds: Bed[] = [];

afterEach(async () => {
  for (const bed of beds) {
    await bed.worker.stop();
    await bed.transport.close();
    await bed.server.close();
    await bed.sink.close();
    await bed.storage.close();
  }
  beds = [];
});

async function bed(
  engine: 'pglite' | 'postgres',
  options: { readonly emailConfirmation?: boolean } = {},
): Promise<Bed> {
  const database = await open[engine]();
  const storage = await openStorage({ database });
  await storage.saveNetwork(network);
  await storage.saveSchedule(createNetworkSchedule(udomlyaSchedule));
  const sink = await startSmtpSink();
  const state = { clock: monday };
  const now = () => state.clock;
  const server = createServer({
    storage,
    now,
    rateLimit: false,
    uidDomain,
    ...(options.emailConfirmation === true ? { bookingEmailConfirmation: true } : {}),
  });
  await server.ready();
  const transport = smtpTransport({ url: sink.url });
  const worker = createMailWorker({
    storage,
    transport,
    now,
    publicUrl,
    from: 'Служба помощи родителям <noreply@udomlya.example>',
    uidDomain,
    reminderTime: '19:30',
  });
  const made: Bed = {
    database,
    storage,
    server,
    sink,
    worker,
    transport,
    get clock() {
      return state.clock;
    },
    set clock(value: Instant) {
      state.clock = value;
    },
  };
  beds.push(made);
  return made;
}

/** Free psychologist slots of Смирнова Е. В. at «Теремок» on a day. */
async function slotsOn(server: FastifyInstance, day: string): Promise<Slot[]> {
  const answer = await server.inject({
    method: 'GET',
    url: `/api/slots?serviceId=psychologist-consultation&siteId=kp-teremok&specialistId=psy-smirnova&from=${day}&to=${day}`,
  });
  expect(answer.statusCode, answer.body).toBe(200);
  return (answer.json() as { slots: Slot[] }).slots;
}

async function book(
  server: FastifyInstance,
  slot: Slot,
  contact: object = { name: 'Анна Смирнова', email: 'anna@example.org' },
): Promise<BookingCreatedResponse> {
  const answer = await server.inject({
    method: 'POST',
    url: '/api/bookings',
    payload: bookingBody(slot, contact),
  });
  expect(answer.statusCode, answer.body).toBe(201);
  return answer.json() as BookingCreatedResponse;
}

/** The first slot on Wednesday 9 September (09:00–09:45 in Udomlya). */
async function wednesdaySlot(server: FastifyInstance, index = 0): Promise<Slot> {
  const slot = (await slotsOn(server, '2026-09-09'))[index];
  if (slot === undefined) throw new Error('no slot on Wednesday');
  return slot;
}

/** Stores a change made by the service's staff, as the staff console's storage does. */
async function changeAsSite(
  database: Database,
  bookingId: string,
  change: (booking: Booking) => Booking,
): Promise<Booking> {
  const [row] = await database.query<BookingRow>(
    `SELECT ${bookingColumns} FROM bookings WHERE id = $1`,
    [bookingId],
  );
  if (row === undefined) throw new Error(`no booking ${bookingId}`);
  const changed = change(bookingOfRow(row));
  await database.query(
    `UPDATE bookings SET status = $2, sequence = $3, history = $4::jsonb, updated_at = $5,
       starts_at = $6, ends_at = $7 WHERE id = $1`,
    [
      changed.id,
      changed.status,
      changed.sequence,
      JSON.stringify(changed.history),
      changed.updatedAt,
      changed.start,
      changed.end,
    ],
  );
  return changed;
}

function recipientOf(mail: ParsedMail): string | undefined {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return to?.text;
}

function textOf(mail: ParsedMail): string {
  return mail.text ?? '';
}

/** The booking id and token of the first link to `page` in a message. */
function linkOf(mail: ParsedMail, page: string): { id: string; token: string } {
  const match = new RegExp(
    `${publicUrl.replace(/[.]/g, '\\.')}${page}/#booking=([^&\\s]+)&token=([A-Za-z0-9_-]+)`,
  ).exec(textOf(mail));
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new Error(`no ${page} link in:\n${textOf(mail)}`);
  }
  return { id: decodeURIComponent(match[1]), token: match[2] };
}

/** The VEVENT of the message's `.ics`, read with ical.js. */
function eventOf(mail: ParsedMail): ICAL.Event {
  const attachment = mail.attachments.find((entry) => entry.filename === 'consultation.ics');
  if (attachment === undefined) throw new Error('no .ics attached');
  expect(attachment.contentType).toBe('text/calendar');
  const calendar = new ICAL.Component(ICAL.parse(attachment.content.toString('utf8')));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (zone === null || vevent === null) throw new Error('VTIMEZONE or VEVENT missing');
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return new ICAL.Event(vevent);
}

const plus = (at: Instant, ms: number): Instant => instant(new Date(Date.parse(at) + ms));
const minute = 60_000;
const hour = 60 * minute;

describe.each(['pglite', 'postgres'] as const)('messages to parents (%s)', (engine) => {
  test('the confirmation arrives at once: local time, place, phone, role, what to bring, a manage link that works, the .ics', async () => {
    const { server, worker, sink } = await bed(engine);
    const created = await book(server, await wednesdaySlot(server));
    // A booking without an e-mail gets no message.
    await book(server, await wednesdaySlot(server, 1), { name: 'Борис', phone: '+79123456789' });
    const pass = await worker.pass();
    expect(pass).toMatchObject({ swept: 1, sent: 1, failed: 0 });
    const [mail, ...others] = await sink.waitFor(1);
    expect(others).toEqual([]);
    if (mail === undefined) throw new Error('no message');
    expect(mail.to).toMatchObject({ text: 'anna@example.org' });
    expect(mail.from?.text).toContain('noreply@udomlya.example');
    expect(mail.subject).toBe(
      'Вы записаны на консультацию: 9 сентября, 09:00 / Your consultation is booked: 9 September, 09:00',
    );
    expect(mail.messageId).toBe(
      messageIdOf(`confirmation:${created.booking.id}`, 'udomlya.example'),
    );
    const text = textOf(mail);
    for (const expected of [
      'Здравствуйте, Анна Смирнова!',
      'Услуга: Консультация педагога-психолога',
      'Когда: среда, 9 сентября 2026 г., 09:00–09:45 (Москва, GMT+3)',
      'Где: Консультационный пункт МБДОУ детский сад «Теремок»',
      'Адрес: Тверская область, г. Удомля, ул. Попова, д. 20',
      'Телефон: +7 (48255) 5-55-55',
      'Специалист: педагог-психолог — Смирнова Е. В.',
      'Что взять с собой: Свидетельство о рождении ребёнка',
      'Hello, Анна Смирнова!',
      'When: Wednesday, 9 September 2026, 09:00–09:45 (Moscow Time, GMT+3)',
      'Specialist: psychologist — Смирнова Е. В.',
      "What to bring: The child's birth certificate",
    ]) {
      expect(text).toContain(expected);
    }
    // Russian first, then English; the HTML part says the same.
    expect(text.indexOf('Здравствуйте')).toBeLessThan(text.indexOf('Hello'));
    expect(mail.html).toContain('<div lang="ru">');
    expect(mail.html).toContain('педагог-психолог — Смирнова Е. В.');

    // The manage link: the booking's id and its manage token, which the token routes accept.
    const link = linkOf(mail, 'manage');
    expect(link).toEqual({ id: created.booking.id, token: created.cancelToken });
    const calendar = await server.inject({
      method: 'POST',
      url: `/api/bookings/${link.id}/calendar`,
      payload: { token: link.token },
    });
    expect(calendar.statusCode, calendar.body).toBe(200);
    const ics = await server.inject({
      method: 'GET',
      url: (calendar.json() as { calendarUrl: string }).calendarUrl,
    });
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain(`UID:${created.booking.id}@${uidDomain}`);

    // The attached .ics: the same event, at 09:00 in Moscow.
    const event = eventOf(mail);
    expect(event.uid).toBe(`${created.booking.id}@${uidDomain}`);
    expect(event.startDate.zone?.tzid).toBe('Europe/Moscow');
    expect(event.startDate.toString()).toBe('2026-09-09T09:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe(created.booking.start);
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.location).toContain('ул. Попова, д. 20');

    // Nothing more, however often the worker passes.
    expect(await worker.pass()).toMatchObject({ swept: 0, sent: 0 });
    expect(sink.messages).toHaveLength(1);
  });

  test('the reminder arrives once, the day before at the configured time (19:30 in the site’s zone)', async () => {
    const b = await bed(engine);
    const created = await book(b.server, await wednesdaySlot(b.server));
    await b.worker.pass();
    await b.sink.waitFor(1);
    // Tuesday 19:29 in Udomlya: not yet.
    b.clock = instant('2026-09-08T16:29:00.000Z');
    expect((await b.worker.pass()).sent).toBe(0);
    b.clock = instant('2026-09-08T16:30:00.000Z');
    expect((await b.worker.pass()).sent).toBe(1);
    const reminder = (await b.sink.waitFor(2))[1];
    if (reminder === undefined) throw new Error('no reminder');
    expect(reminder.subject).toBe(
      'Напоминание: консультация завтра, 9 сентября, 09:00 / Reminder: your consultation is tomorrow, 9 September, 09:00',
    );
    expect(textOf(reminder)).toContain('Когда: среда, 9 сентября 2026 г., 09:00–09:45');
    expect(linkOf(reminder, 'manage').token).toBe(created.cancelToken);
    expect(eventOf(reminder).startDate.toString()).toBe('2026-09-09T09:00:00');
    // Once only.
    b.clock = instant('2026-09-08T18:00:00.000Z');
    expect((await b.worker.pass()).sent).toBe(0);
    b.clock = instant('2026-09-09T05:00:00.000Z');
    expect((await b.worker.pass()).sent).toBe(0);
    expect(b.sink.messages).toHaveLength(2);
  });

  test('a cancellation by staff sends one message (with the .ics cancelled); the parent’s own sends none', async () => {
    const b = await bed(engine);
    const first = await book(b.server, await wednesdaySlot(b.server));
    const second = await book(b.server, await wednesdaySlot(b.server, 1), {
      name: 'Вера',
      email: 'vera@example.org',
    });
    await b.worker.pass();
    await b.sink.waitFor(2);
    b.clock = plus(monday, hour);
    await changeAsSite(b.database, first.booking.id, (booking) =>
      cancelBooking(booking, 'site', b.clock, 'Специалист заболела'),
    );
    const parent = await b.server.inject({
      method: 'POST',
      url: `/api/bookings/${second.booking.id}/cancel`,
      payload: { token: second.cancelToken },
    });
    expect(parent.statusCode).toBe(200);
    expect(await b.worker.pass()).toMatchObject({ swept: 2, sent: 1 });
    const mail = (await b.sink.waitFor(3))[2];
    if (mail === undefined) throw new Error('no message');
    expect(mail.to).toMatchObject({ text: 'anna@example.org' });
    expect(mail.subject).toBe(
      'Консультация отменена: 9 сентября, 09:00 / Your consultation is cancelled: 9 September, 09:00',
    );
    expect(textOf(mail)).toContain('Причина: Специалист заболела');
    expect(textOf(mail)).toContain('Reason: Специалист заболела');
    const event = eventOf(mail);
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.sequence).toBe(2);
    // Later passes, and the evening before, send nothing: no reminder of a cancelled booking.
    b.clock = instant('2026-09-08T17:00:00.000Z');
    expect(await b.worker.pass()).toMatchObject({ sent: 0 });
    expect(b.sink.messages).toHaveLength(3);
    const records = await b.storage.mail.list({ bookingId: first.booking.id });
    expect(records.map((record) => [record.kind, record.state, record.outcome])).toEqual([
      ['confirmation', 'sent', null],
      ['reminder', 'skipped', 'not-active'],
      ['change', 'sent', null],
    ]);
  });

  test('a move by staff tells the new and the old time; the reminder is of the new time', async () => {
    const b = await bed(engine);
    const created = await book(b.server, await wednesdaySlot(b.server));
    await b.worker.pass();
    await b.sink.waitFor(1);
    b.clock = plus(monday, hour);
    // Moved to Wednesday 16 September, 10:00–10:45 in Udomlya.
    await changeAsSite(b.database, created.booking.id, (booking) =>
      rescheduleBooking(
        booking,
        instant('2026-09-16T07:00:00.000Z'),
        instant('2026-09-16T07:45:00.000Z'),
        b.clock,
        { by: 'site' },
      ),
    );
    expect((await b.worker.pass()).sent).toBe(1);
    const moved = (await b.sink.waitFor(2))[1];
    if (moved === undefined) throw new Error('no message');
    expect(moved.subject).toBe(
      'Консультация перенесена: 16 сентября, 10:00 / Your consultation was moved: 16 September, 10:00',
    );
    expect(textOf(moved)).toContain(
      'Когда: среда, 16 сентября 2026 г., 10:00–10:45 (Москва, GMT+3)',
    );
    expect(textOf(moved)).toContain(
      'Было: среда, 9 сентября 2026 г., 09:00–09:45 (Москва, GMT+3).',
    );
    expect(eventOf(moved).startDate.toString()).toBe('2026-09-16T10:00:00');
    // The evening before the old time: nothing; before the new one: the reminder.
    b.clock = instant('2026-09-08T16:30:00.000Z');
    expect((await b.worker.pass()).sent).toBe(0);
    b.clock = instant('2026-09-15T16:30:00.000Z');
    expect((await b.worker.pass()).sent).toBe(1);
    const reminder = (await b.sink.waitFor(3))[2];
    expect(reminder?.subject).toContain('16 сентября, 10:00');
  });

  test('a consultation marked as held brings one survey invitation with its survey link', async () => {
    const b = await bed(engine);
    const created = await book(b.server, await wednesdaySlot(b.server));
    await b.worker.pass();
    b.clock = instant('2026-09-09T06:50:00.000Z');
    await changeAsSite(b.database, created.booking.id, (booking) => markAttended(booking, b.clock));
    const pass = await b.worker.pass();
    // The reminder of the evening before was never sent (the clock jumped past it): skipped.
    expect(pass).toMatchObject({ sent: 1, skipped: 1 });
    const survey = (await b.sink.waitFor(2))[1];
    if (survey === undefined) throw new Error('no survey');
    expect(survey.subject).toBe('Как прошла консультация? / How was your consultation?');
    expect(survey.attachments).toEqual([]);
    const link = linkOf(survey, 'survey');
    expect(link).toEqual({
      id: created.booking.id,
      token: await b.storage.links.token('survey', created.booking.id),
    });
    expect(await b.storage.links.matches('survey', link.id, link.token)).toBe(true);
    b.clock = plus(b.clock, hour);
    expect((await b.worker.pass()).sent).toBe(0);
    expect(b.sink.messages).toHaveLength(2);
  });

  test('an erased contact gets nothing, even a message already enqueued', async () => {
    const b = await bed(engine);
    const created = await book(b.server, await wednesdaySlot(b.server));
    // Enqueued by a sweep, then the parent asks to be forgotten before it is sent.
    await b.storage.mail.sweepBookings(
      10,
      () => [
        {
          kind: 'confirmation',
          dedupeKey: `confirmation:${created.booking.id}`,
          networkId: 'udomlya',
          bookingId: created.booking.id,
          dueAt: b.clock,
        },
      ],
      b.clock,
    );
    await b.storage.erasePersonBookings('udomlya', { email: 'anna@example.org' }, b.clock);
    expect(await b.worker.pass()).toMatchObject({ sent: 0, skipped: 1 });
    expect(b.sink.messages).toEqual([]);
    const [record] = await b.storage.mail.list({ bookingId: created.booking.id });
    expect(record).toMatchObject({ state: 'skipped', outcome: 'no-address' });
  });

  test('an SMTP server that refuses for now is tried again later; a final refusal is not', async () => {
    const b = await bed(engine);
    await book(b.server, await wednesdaySlot(b.server));
    b.sink.refuseNext(1, 451);
    expect(await b.worker.pass()).toMatchObject({ sent: 0, retried: 1 });
    // Not before a minute has passed.
    b.clock = plus(monday, 30_000);
    expect((await b.worker.pass()).sent).toBe(0);
    b.clock = plus(monday, minute);
    expect((await b.worker.pass()).sent).toBe(1);
    expect(b.sink.messages).toHaveLength(1);

    await book(b.server, await wednesdaySlot(b.server, 1), {
      name: 'Вера',
      email: 'vera@example.org',
    });
    b.sink.refuseNext(1, 550);
    expect(await b.worker.pass()).toMatchObject({ sent: 0, failed: 1 });
    b.clock = plus(monday, 2 * hour);
    expect((await b.worker.pass()).sent).toBe(0);
    expect(await b.storage.mail.counts()).toMatchObject({ failed: 1, sent: 1 });
  });

  test('with e-mail confirmation on, the slot is taken only from the link in the e-mail', async () => {
    const b = await bed(engine, { emailConfirmation: true });
    const slot = await wednesdaySlot(b.server);
    // The link needs an e-mail.
    const noEmail = await b.server.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: bookingBody(slot, { name: 'Борис', phone: '+79123456789' }),
    });
    expect(noEmail.statusCode).toBe(400);
    expect(noEmail.json()).toMatchObject({ error: { issues: [{ path: ['contact', 'email'] }] } });

    const asked = await b.server.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: bookingBody(slot, { name: 'Анна Смирнова', email: 'anna@example.org' }),
    });
    expect(asked.statusCode, asked.body).toBe(202);
    const pending = asked.json() as {
      requestId: string;
      expiresAt: string;
      message: { ru: string };
    };
    expect(pending.expiresAt).toBe(plus(monday, 2 * hour));
    expect(pending.message.ru).toContain('Запись ещё не создана');
    // Another parent asks for the same slot meanwhile: still free.
    expect((await slotsOn(b.server, '2026-09-09'))[0]?.start).toBe(slot.start);
    const rival = await b.server.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: bookingBody(slot, { name: 'Вера', email: 'vera@example.org' }),
    });
    expect(rival.statusCode).toBe(202);

    expect((await b.worker.pass()).sent).toBe(2);
    const mails = await b.sink.waitFor(2);
    const mine = mails.find((mail) => recipientOf(mail) === 'anna@example.org');
    if (mine === undefined) throw new Error('no confirmation request');
    expect(mine.subject).toBe(
      'Подтвердите запись на консультацию: 9 сентября, 09:00 / Confirm your booking: 9 September, 09:00',
    );
    expect(textOf(mine)).toContain('Ссылка действует до: понедельник, 7 сентября 2026 г., 12:00');
    expect(mine.attachments).toEqual([]);
    const link = linkOf(mine, 'confirm');
    expect(link.id).toBe(pending.requestId);

    const wrong = await b.server.inject({
      method: 'POST',
      url: '/api/bookings/confirm',
      payload: { booking: link.id, token: 'A'.repeat(22) },
    });
    expect(wrong.statusCode).toBe(404);
    const confirmed = await b.server.inject({
      method: 'POST',
      url: '/api/bookings/confirm',
      payload: { booking: link.id, token: link.token },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const made = confirmed.json() as BookingCreatedResponse;
    expect(made.booking).toMatchObject({ status: 'confirmed', start: slot.start });
    expect(made.cancelToken).toBe(await b.storage.links.token('manage', made.booking.id));
    // A second click answers the same booking.
    const again = await b.server.inject({
      method: 'POST',
      url: '/api/bookings/confirm',
      payload: { booking: link.id, token: link.token },
    });
    expect(again.statusCode).toBe(200);
    expect((again.json() as BookingCreatedResponse).booking.id).toBe(made.booking.id);
    // The rival's link now finds the slot taken.
    const theirs = mails.find((mail) => mail !== mine);
    if (theirs === undefined) throw new Error('no second request');
    const rivalLink = linkOf(theirs, 'confirm');
    const late = await b.server.inject({
      method: 'POST',
      url: '/api/bookings/confirm',
      payload: { booking: rivalLink.id, token: rivalLink.token },
    });
    expect(late.statusCode).toBe(409);
    expect((await slotsOn(b.server, '2026-09-09'))[0]?.start).not.toBe(slot.start);

    // The booking made from the link gets its confirmation like any other.
    expect((await b.worker.pass()).sent).toBe(1);
    const confirmation = (await b.sink.waitFor(3))[2];
    expect(confirmation?.subject).toContain('Вы записаны на консультацию');
    expect(linkOf(confirmation as ParsedMail, 'manage').id).toBe(made.booking.id);

    // A request not confirmed within two hours expires, and is purged.
    const another = await wednesdaySlot(b.server, 1);
    const expiring = await b.server.inject({
      method: 'POST',
      url: '/api/bookings',
      payload: bookingBody(another, { name: 'Анна Смирнова', email: 'anna@example.org' }),
    });
    const expiringId = (expiring.json() as { requestId: string }).requestId;
    b.clock = plus(b.clock, 2 * hour);
    // Purged before its message went: the message goes with it.
    expect(await b.worker.pass()).toMatchObject({ sent: 0 });
    expect(await b.storage.mail.list({ requestId: expiringId })).toEqual([]);
    const expired = await b.server.inject({
      method: 'POST',
      url: '/api/bookings/confirm',
      payload: {
        booking: expiringId,
        token: await b.storage.links.token('confirm', expiringId),
      },
    });
    expect(expired.statusCode).toBe(404);
  });
});
