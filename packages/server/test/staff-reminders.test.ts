// Reminders by e-mail to staff (issue 16 §2 and §4), through the real server, the mail worker
// and a real SMTP server started here (smtp-server; what arrives is read with mailparser):
// the coordinator reminds the organizations late with a report — one message per late
// organization to every e-mail of its staff accounts, the ones without an address named
// back — and the people responsible for overdue support measures — one message per person
// listing her measures by name, with the school. Asking twice on one day mails once, also
// when two requests ask at the same moment.
import { fileURLToPath } from 'node:url';
import { instant } from '@eduset/core';
import { reminderResultSchema, type ReminderResult } from '@eduset/core/indicators';
import { openStorage, type Storage } from '@eduset/adapters';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedSchoolsIfEmpty } from '../src/cli-schools.js';
import {
  createMailWorker,
  createServer,
  smtpTransport,
  type MailTransport,
  type MailWorker,
} from '../src/index.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';
import { signInStaff } from './helpers.js';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
const password = 'напоминания 2026';
const at = instant('2026-12-07T08:00:00.000Z');
const publicUrl = 'https://eduset.example/';

describe('reminders by e-mail to staff', () => {
  let storage: Storage;
  let server: FastifyInstance;
  let sink: SmtpSink;
  let transport: MailTransport;
  let worker: MailWorker;
  const who: Record<string, Record<string, string>> = {};

  async function account(
    login: string,
    grants: Parameters<Storage['identity']['createAccount']>[0]['grants'],
    email?: string,
  ): Promise<void> {
    who[login] = await signInStaff(server, storage, login, grants, {
      password,
      displayName: `Сотрудник ${login}`,
      ...(email === undefined ? {} : { email }),
    });
  }

  const call = (login: string, url: string, payload: object) =>
    server.inject({ method: 'POST', url, headers: who[login] ?? {}, payload });
  const remind = async (login: string, url: string, payload: object): Promise<ReminderResult> => {
    const answer = await call(login, url, payload);
    expect(answer.statusCode, answer.body).toBe(200);
    return reminderResultSchema.parse(answer.json());
  };
  const names = (list: ReminderResult['queued']) => list.map((entry) => entry.name.ru);

  beforeAll(async () => {
    storage = await openStorage({ dataDir: 'memory://' });
    await seedSchoolsIfEmpty(
      storage,
      `${examples}data/tutaev-schools.json`,
      'tutaev',
      at,
      () => {},
    );
    server = createServer({ storage, staticRoot: examples, rateLimit: false, now: () => at });
    await server.ready();
    sink = await startSmtpSink();
    transport = smtpTransport({ url: sink.url });
    worker = createMailWorker({
      storage,
      transport,
      now: () => at,
      publicUrl,
      from: 'Управление образования <noreply@eduset.example>',
    });
    await account('coordinator', [{ role: 'coordinator', networkId: 'udomlya' }]);
    await account('tutaev', [{ role: 'coordinator', networkId: 'tutaev' }]);
    await account(
      'school1',
      [{ role: 'school-staff', networkId: 'udomlya', organizationId: 'school-1' }],
      'school-udomlya1@example.org',
    );
    await account(
      'school1-head',
      [{ role: 'school-staff', networkId: 'udomlya', organizationId: 'school-1' }],
      'head-school1@example.org',
    );
    // School 2 has an account, but without an e-mail: it is named back, not dropped.
    await account('school2', [
      { role: 'school-staff', networkId: 'udomlya', organizationId: 'school-2' },
    ]);
    await account(
      'chebakovo',
      [{ role: 'school-staff', networkId: 'tutaev', organizationId: 'chebakovskaya' }],
      'school-tutaev-chebakovo@example.org',
    );
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await transport?.close();
    await server?.close();
    await sink?.close();
    await storage?.close();
  });

  test('late organizations: one message each to its staff, the rest named back, once a day', async () => {
    const body = { dataSet: 'udomlya-courses', period: '2025-2026' };
    expect((await call('school1', '/api/staff/data-entry/reminders', body)).statusCode).toBe(403);
    expect((await call('tutaev', '/api/staff/data-entry/reminders', body)).statusCode).toBe(403);

    const first = await remind('coordinator', '/api/staff/data-entry/reminders', body);
    expect(names(first.queued)).toEqual(['СОШ №1']);
    expect(names(first.noAddress)).toContain('СОШ №2');
    expect(first.noAddress).toHaveLength(6);
    expect(first.alreadySent).toEqual([]);

    await worker.pass();
    const [message] = await sink.waitFor(1);
    const to = (Array.isArray(message?.to) ? message.to : [message?.to]).flatMap(
      (address) => address?.value.map((entry) => entry.address) ?? [],
    );
    expect(to.sort()).toEqual(['head-school1@example.org', 'school-udomlya1@example.org']);
    expect(message?.subject).toContain('Напоминание: отчёт');
    const text = message?.text ?? '';
    expect(text).toContain('«СОШ №1» ещё не сдала отчёт');
    expect(text).toContain('2025-2026');
    expect(text).toContain(`${publicUrl}udomlya/data-entry.html`);
    expect(text.indexOf('Здравствуйте')).toBeLessThan(text.indexOf('Hello'));
    expect(text).not.toMatch(/school-1\b/);

    // Asked again on the same day (twice at once): nothing more is mailed.
    const [again, twice] = await Promise.all([
      remind('coordinator', '/api/staff/data-entry/reminders', body),
      remind('coordinator', '/api/staff/data-entry/reminders', body),
    ]);
    expect(again.queued).toEqual([]);
    expect(twice.queued).toEqual([]);
    expect(names(again.alreadySent)).toEqual(['СОШ №1']);
    await worker.pass();
    expect(sink.messages).toHaveLength(1);
    const [row] = await storage.mail.list({ kind: 'data-entry-reminder' });
    expect(row?.state).toBe('sent');
    expect(row?.payload).toBeUndefined();
  });

  test('overdue support measures: one message per person responsible, listing them by name', async () => {
    const created = await call('tutaev', '/api/staff/support/programmes', {
      district: 'tutaev',
      school: 'chebakovskaya',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: number }>().id;
    const add = async (title: string, deadline: string, responsible: string, email?: string) => {
      const answer = await call('tutaev', `/api/staff/support/programmes/${id}/measures`, {
        title,
        responsible,
        ...(email === undefined ? {} : { responsibleEmail: email }),
        deadline,
      });
      expect(answer.statusCode, answer.body).toBe(201);
    };
    await add(
      'Родительские собрания',
      '2026-11-30',
      'Завуч Смирнова О. П.',
      'smirnova@example.org',
    );
    await add(
      'Наставничество молодых учителей',
      '2026-10-31',
      'Завуч Смирнова О. П.',
      'Smirnova@example.org',
    );
    await add('Летняя школа', '2027-06-30', 'Завуч Смирнова О. П.', 'smirnova@example.org');
    await add('Консультации психолога', '2026-11-15', 'Психолог Петрова И. В.');

    expect(
      (await call('chebakovo', '/api/staff/support/reminders', { district: 'tutaev' })).statusCode,
    ).toBe(403);
    const before = sink.messages.length;
    const [a, b] = await Promise.all([
      remind('tutaev', '/api/staff/support/reminders', { district: 'tutaev' }),
      remind('tutaev', '/api/staff/support/reminders', { district: 'tutaev' }),
    ]);
    // Two requests at the same moment: the message is queued by one of them only.
    expect([...names(a.queued), ...names(b.queued)]).toEqual(['Завуч Смирнова О. П.']);
    expect([...names(a.alreadySent), ...names(b.alreadySent)]).toEqual(['Завуч Смирнова О. П.']);
    expect(names(a.noAddress)).toEqual(['Психолог Петрова И. В.']);
    expect(a.noAddress[0]?.items).toEqual(['Консультации психолога — МОУ Чебаковская СШ']);

    await worker.pass();
    const arrived = await sink.waitFor(before + 1);
    expect(arrived).toHaveLength(before + 1);
    const message = arrived.at(-1);
    const to = (Array.isArray(message?.to) ? message.to : [message?.to]).flatMap(
      (address) => address?.value.map((entry) => entry.address) ?? [],
    );
    expect(to).toEqual(['smirnova@example.org']);
    const text = message?.text ?? '';
    expect(text).toContain('Здравствуйте, Завуч Смирнова О. П.!');
    expect(text).toContain('«Родительские собрания» — МОУ Чебаковская СШ, срок 2026-11-30');
    expect(text).toContain('«Наставничество молодых учителей»');
    expect(text).not.toContain('Летняя школа');
    expect(text).toContain(`${publicUrl}school-map/support.html`);
    expect(text.indexOf('Здравствуйте')).toBeLessThan(text.indexOf('Hello, Завуч Смирнова О. П.!'));
  });
});
