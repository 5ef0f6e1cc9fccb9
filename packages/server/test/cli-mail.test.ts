// `eduset serve` and messages to parents: the settings are checked (a mistake is exit code 2
// with a bilingual message), and without an SMTP server the demo writes each message as an
// .eml file into its mail folder and says where at start-up.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Slot } from '@eduset/core';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, test } from 'vitest';
import { main, type CliContext } from '../src/cli.js';
import { parseMailSettings } from '../src/cli-mail.js';
import { bookingBody } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'eduset-cli-mail-'));
const examples = fileURLToPath(new URL('../../../examples/data/', import.meta.url));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(argv: readonly string[], env: Readonly<Record<string, string>> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const controller = new AbortController();
  let announce: (url: string) => void = () => undefined;
  const listening = new Promise<string>((resolve) => {
    announce = resolve;
  });
  const context: CliContext = {
    cwd: dir,
    env,
    signal: controller.signal,
    stdout: (line) => {
      stdout.push(line);
      const match = /server running: (\S+)/.exec(line);
      if (match?.[1] !== undefined) announce(match[1]);
    },
    stderr: (line) => stderr.push(line),
  };
  const exit = main(argv, context);
  return { exit, listening, stdout, stderr, stop: () => controller.abort() };
}

const demoArgs = (dataDir: string): string[] => [
  'serve',
  '--port',
  '0',
  '--data-dir',
  dataDir,
  '--seed',
  join(examples, 'udomlya.json'),
  '--schedule',
  join(examples, 'udomlya-schedule.json'),
  '--static',
  join(dir, 'no-pages'),
  '--rate-limit',
  '0',
];

async function firstSlot(base: URL): Promise<Slot> {
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const answer = await fetch(
    new URL(`/api/slots?serviceId=psychologist-consultation&from=${from}&to=${to}`, base),
  );
  const [slot] = ((await answer.json()) as { slots: Slot[] }).slots;
  if (slot === undefined) throw new Error('no slot in the demo schedule');
  return slot;
}

async function post(base: URL, slot: Slot): Promise<Response> {
  return fetch(new URL('/api/bookings', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(bookingBody(slot, { name: 'Анна', email: 'anna@example.org' })),
  });
}

async function files(folder: string, count: number): Promise<string[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const names = existsSync(folder)
      ? readdirSync(folder).filter((name) => name.endsWith('.eml'))
      : [];
    if (names.length >= count) return names.sort();
    if (Date.now() > deadline)
      throw new Error(`${names.length} of ${count} .eml files in ${folder}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

describe('eduset serve: messages to parents', () => {
  test.each([
    [{ REMINDER_TIME: '25:00' }, 'REMINDER_TIME'],
    [{ SMTP_URL: 'smtp://127.0.0.1:2525' }, 'MAIL_FROM'],
    [{ SMTP_URL: 'http://mail.example' }, 'SMTP_URL'],
    [{ SMTP_HOST: 'mail.example', SMTP_PORT: '0', MAIL_FROM: 'a@b.example' }, 'SMTP_PORT'],
    [{ BOOKING_EMAIL_CONFIRMATION: 'maybe' }, 'BOOKING_EMAIL_CONFIRMATION'],
    [{ PUBLIC_URL: 'eduset.example' }, 'PUBLIC_URL'],
    [{ MAIL_FROM: 'нет адреса' }, 'MAIL_FROM'],
  ])('a setting that cannot be used is a usage error: %j', async (env, name) => {
    const failed = run(['serve', '--port', '0', '--data-dir', 'memory://'], env);
    expect(await failed.exit).toBe(2);
    expect(failed.stderr.join('\n')).toContain(name);
  });

  test('flags win over the environment; the password is read from the environment only', () => {
    const settings = parseMailSettings(
      { 'smtp-host': 'smtp.udomlya.example', 'smtp-secure': 'on', 'reminder-time': '7:05' },
      dir,
      {
        SMTP_HOST: 'other.example',
        SMTP_USER: 'eduset',
        SMTP_PASSWORD: 'секрет',
        MAIL_FROM: 'Служба <noreply@udomlya.example>',
        REMINDER_TIME: '20:00',
      },
    );
    expect(settings).toMatchObject({
      smtp: { host: 'smtp.udomlya.example', secure: true, user: 'eduset', password: 'секрет' },
      reminderTime: '07:05',
      bookingEmailConfirmation: false,
      folder: join(dir, '.data', 'mail'),
    });
  });

  test('the demo without SMTP writes each message as an .eml file and says where', async () => {
    const served = run(demoArgs('memory://'), { REMINDER_TIME: '19:00' });
    const page = await served.listening;
    const folder = join(dir, '.data', 'mail');
    expect(served.stdout.join('\n')).toContain(`messages to parents are saved in ${folder}`);
    const base = new URL('/', page);
    expect((await post(base, await firstSlot(base))).status).toBe(201);
    const [name] = await files(folder, 1);
    const mail = await simpleParser(readFileSync(join(folder, name ?? '')));
    expect(mail.subject).toMatch(/^Вы записаны на консультацию: /);
    // Without PUBLIC_URL, links point to the address the server listens on.
    expect(mail.text).toContain(`${base.href}manage/#booking=`);
    expect(mail.attachments.map((attachment) => attachment.filename)).toEqual(['consultation.ics']);
    served.stop();
    expect(await served.exit).toBe(0);
  });

  test('BOOKING_EMAIL_CONFIRMATION=on: the booking waits for the link sent to the mail folder', async () => {
    const folder = join(dir, 'confirm-mail');
    const served = run(demoArgs('memory://'), {
      BOOKING_EMAIL_CONFIRMATION: 'on',
      MAIL_DIR: folder,
      PUBLIC_URL: 'https://eduset.udomlya.example',
    });
    const base = new URL('/', await served.listening);
    const answer = await post(base, await firstSlot(base));
    expect(answer.status).toBe(202);
    const [name] = await files(folder, 1);
    const mail = await simpleParser(readFileSync(join(folder, name ?? '')));
    expect(mail.subject).toMatch(/^Подтвердите запись на консультацию/);
    expect(mail.text).toContain('https://eduset.udomlya.example/confirm/#booking=');
    served.stop();
    expect(await served.exit).toBe(0);
  });
});
