import { resolve } from 'node:path';
import type { Instant } from '@eduset/core';
import type { Storage } from '@eduset/adapters';
import { UsageError, say } from './cli-shared.js';
import { createMailWorker, type MailWorker } from './features/mail/worker.js';
import {
  mailFolderTransport,
  smtpTransport,
  type MailTransport,
  type SmtpSettings,
} from './features/mail/transport.js';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The `eduset serve` flags of messages to parents; each has its variable in the environment
 * (the flag wins). The SMTP password is read from `SMTP_PASSWORD` only, so it does not show
 * in the list of processes.
 *
 * @example
 * ```ts
 * import { mailFlags } from './cli-mail.js';
 * Object.keys(mailFlags).includes('smtp-url'); // true
 * ```
 */
export const mailFlags = {
  'smtp-url': { type: 'string' },
  'smtp-host': { type: 'string' },
  'smtp-port': { type: 'string' },
  'smtp-user': { type: 'string' },
  'smtp-secure': { type: 'string' },
  'mail-from': { type: 'string' },
  'mail-dir': { type: 'string' },
  'public-url': { type: 'string' },
  'reminder-time': { type: 'string' },
  'booking-email-confirmation': { type: 'string' },
} as const;

/**
 * The usage lines of {@link mailFlags}, Russian and English.
 *
 * @example
 * ```ts
 * import { mailUsage } from './cli-mail.js';
 * mailUsage.length > 0; // true
 * ```
 */
export const mailUsage = [
  '          --smtp-url          SMTP-сервер писем родителям (smtp://user@host:587, smtps://…:465) /',
  '                              the SMTP server of messages to parents; or --smtp-host, --smtp-port,',
  '                              --smtp-user, --smtp-secure on|off (пароль — только SMTP_PASSWORD /',
  '                              the password only from SMTP_PASSWORD)',
  '          --mail-from         отправитель писем / the sender, e.g. "Служба <noreply@udomlya.example>"',
  '          --mail-dir          без SMTP письма сохраняются сюда файлами .eml (.data/mail) /',
  '                              without SMTP, messages are saved here as .eml files (.data/mail)',
  '          --public-url        адрес сервера для ссылок в письмах / the server address for links in messages',
  '          --reminder-time     время напоминания накануне, ЧЧ:ММ по времени площадки (18:00) /',
  "                              the reminder's time the day before, HH:MM in the site's zone (18:00)",
  '          --booking-email-confirmation on|off  подтверждать запись по e-mail до того, как она займёт время /',
  '                              confirm bookings by e-mail before they hold the slot (off)',
];

/**
 * The environment variables of {@link mailFlags}, for the usage text.
 *
 * @example
 * ```ts
 * import { mailEnvUsage } from './cli-mail.js';
 * mailEnvUsage[0]?.includes('SMTP_URL'); // true
 * ```
 */
export const mailEnvUsage = [
  'SMTP_URL, SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_SECURE, MAIL_FROM, MAIL_DIR,',
  '  PUBLIC_URL, REMINDER_TIME, BOOKING_EMAIL_CONFIRMATION — письма родителям / messages to parents',
];

/**
 * The settings of messages to parents, as `eduset serve` reads them.
 *
 * @example
 * ```ts
 * import type { MailCliSettings } from './cli-mail.js';
 * const demo: MailCliSettings = {
 *   smtp: undefined, folder: '/srv/eduset/.data/mail', from: 'eduset <noreply@eduset.localhost>',
 *   publicUrl: undefined, reminderTime: '18:00', bookingEmailConfirmation: false,
 * };
 * ```
 */
export interface MailCliSettings {
  /** The SMTP server; `undefined`: messages go to {@link MailCliSettings.folder}. */
  readonly smtp: SmtpSettings | undefined;
  readonly folder: string;
  readonly from: string;
  /** The server's public address for links; the address it listens on when not given. */
  readonly publicUrl: string | undefined;
  readonly reminderTime: string;
  readonly bookingEmailConfirmation: boolean;
}

type MailValues = { readonly [K in keyof typeof mailFlags]?: string | undefined };

function setting(
  flag: string | undefined,
  flagName: string,
  env: Environment,
  envName: string,
): { readonly value: string; readonly source: string } | undefined {
  if (flag !== undefined) return { value: flag.trim(), source: `--${flagName}` };
  const fromEnv = env[envName];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    return { value: fromEnv.trim(), source: envName };
  }
  return undefined;
}

function parseSwitch(text: string, source: string): boolean {
  const value = text.toLowerCase();
  if (['on', 'true', '1', 'yes'].includes(value)) return true;
  if (['off', 'false', '0', 'no'].includes(value)) return false;
  throw new UsageError({
    ru: `${source}: ожидается on или off, получено «${text}»`,
    en: `${source}: expected on or off, got "${text}"`,
  });
}

function parseTime(text: string, source: string): string {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new UsageError({
      ru: `${source}: ожидается время ЧЧ:ММ от 00:00 до 23:59, например 18:00, получено «${text}»`,
      en: `${source}: expected a time HH:MM from 00:00 to 23:59, such as 18:00, got "${text}"`,
    });
  }
  return `${match[1].padStart(2, '0')}:${match[2]}`;
}

function parseUrl(text: string, source: string, schemes: readonly string[], example: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url === undefined || !schemes.includes(url.protocol)) {
    throw new UsageError({
      ru: `${source}: ожидается адрес вида ${example}, получено «${text}»`,
      en: `${source}: expected an address such as ${example}, got "${text}"`,
    });
  }
  return url;
}

function parsePort(text: string, source: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError({
      ru: `${source}: ожидается номер порта от 1 до 65535, получено «${text}»`,
      en: `${source}: expected a port number from 1 to 65535, got "${text}"`,
    });
  }
  return port;
}

/**
 * Reads the settings of messages to parents from the flags and the environment (flags win).
 * Without `--smtp-url`/`SMTP_URL` or `--smtp-host`/`SMTP_HOST` the messages are written as
 * `.eml` files into `--mail-dir`/`MAIL_DIR` (`.data/mail` under `cwd`). With an SMTP server
 * the sender (`MAIL_FROM`) must be given.
 *
 * @throws UsageError for a value that cannot be used (exit code 2).
 * @example
 * ```ts
 * import { parseMailSettings } from './cli-mail.js';
 * parseMailSettings({}, '/srv/eduset', { REMINDER_TIME: '19:00' }).reminderTime; // '19:00'
 * ```
 */
export function parseMailSettings(
  values: MailValues,
  cwd: string,
  env: Environment,
): MailCliSettings {
  const url = setting(values['smtp-url'], 'smtp-url', env, 'SMTP_URL');
  const host = setting(values['smtp-host'], 'smtp-host', env, 'SMTP_HOST');
  const port = setting(values['smtp-port'], 'smtp-port', env, 'SMTP_PORT');
  const user = setting(values['smtp-user'], 'smtp-user', env, 'SMTP_USER');
  const secure = setting(values['smtp-secure'], 'smtp-secure', env, 'SMTP_SECURE');
  const from = setting(values['mail-from'], 'mail-from', env, 'MAIL_FROM');
  const dir = setting(values['mail-dir'], 'mail-dir', env, 'MAIL_DIR');
  const publicUrl = setting(values['public-url'], 'public-url', env, 'PUBLIC_URL');
  const reminder = setting(values['reminder-time'], 'reminder-time', env, 'REMINDER_TIME');
  const confirmation = setting(
    values['booking-email-confirmation'],
    'booking-email-confirmation',
    env,
    'BOOKING_EMAIL_CONFIRMATION',
  );
  const password = env['SMTP_PASSWORD'];
  let smtp: SmtpSettings | undefined;
  if (url !== undefined) {
    parseUrl(url.value, url.source, ['smtp:', 'smtps:'], 'smtp://user@host:587');
    smtp = { url: url.value };
  } else if (host !== undefined) {
    smtp = {
      host: host.value,
      ...(port !== undefined ? { port: parsePort(port.value, port.source) } : {}),
      ...(user !== undefined ? { user: user.value } : {}),
      ...(password !== undefined && password !== '' ? { password } : {}),
      ...(secure !== undefined ? { secure: parseSwitch(secure.value, secure.source) } : {}),
    };
  }
  if (smtp !== undefined && from === undefined) {
    throw new UsageError({
      ru: 'Для отправки писем через SMTP укажите отправителя: --mail-from или MAIL_FROM (например «Служба помощи родителям <noreply@udomlya.example>»)',
      en: 'To send messages through SMTP give the sender: --mail-from or MAIL_FROM (e.g. "Parent help service <noreply@udomlya.example>")',
    });
  }
  if (from !== undefined && !/@[^\s@<>]+>?$/.test(from.value)) {
    throw new UsageError({
      ru: `${from.source}: ожидается адрес отправителя, например «Служба <noreply@udomlya.example>», получено «${from.value}»`,
      en: `${from.source}: expected a sender address such as "Service <noreply@udomlya.example>", got "${from.value}"`,
    });
  }
  return {
    smtp,
    folder: resolve(cwd, dir?.value ?? '.data/mail'),
    from: from?.value ?? 'eduset <noreply@eduset.localhost>',
    publicUrl:
      publicUrl === undefined
        ? undefined
        : parseUrl(
            publicUrl.value,
            publicUrl.source,
            ['http:', 'https:'],
            'https://eduset.udomlya.example/',
          ).href,
    reminderTime: reminder === undefined ? '18:00' : parseTime(reminder.value, reminder.source),
    bookingEmailConfirmation:
      confirmation === undefined ? false : parseSwitch(confirmation.value, confirmation.source),
  };
}

/**
 * Starts the mail worker of one `eduset serve` process (see `createMailWorker`): through the
 * SMTP server, or into the mail folder when none is configured. Prints where the messages go
 * when `announce` is set (the first process). Returns what stops it.
 *
 * @example
 * ```ts
 * import { instant } from '@eduset/core';
 * import { openStorage } from '@eduset/adapters';
 * import { parseMailSettings, startMailSending } from './cli-mail.js';
 * const stop = startMailSending({
 *   storage: await openStorage(),
 *   settings: parseMailSettings({}, process.cwd(), process.env),
 *   serverUrl: 'http://127.0.0.1:8080/',
 *   now: () => instant(new Date()),
 *   out: console.log,
 *   err: console.error,
 *   announce: true,
 * });
 * await stop();
 * ```
 */
export function startMailSending(options: {
  readonly storage: Storage;
  readonly settings: MailCliSettings;
  /** The address the server listens on: the links' base when no public address is given. */
  readonly serverUrl: string;
  readonly now: () => Instant;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly announce: boolean;
}): () => Promise<void> {
  const { settings, out, err } = options;
  const transport: MailTransport =
    settings.smtp === undefined
      ? mailFolderTransport(settings.folder)
      : smtpTransport(settings.smtp);
  const publicUrl = settings.publicUrl ?? options.serverUrl;
  if (options.announce) {
    if (settings.smtp === undefined) {
      say(out, {
        ru: `письма родителям сохраняются в ${settings.folder} файлами .eml (SMTP не настроен: SMTP_URL или SMTP_HOST)`,
        en: `messages to parents are saved in ${settings.folder} as .eml files (no SMTP server: SMTP_URL or SMTP_HOST)`,
      });
    } else {
      say(out, {
        ru: `письма родителям отправляются через ${transport.description}`,
        en: `messages to parents are sent through ${transport.description}`,
      });
    }
    if (settings.publicUrl === undefined) {
      say(out, {
        ru: `ссылки в письмах ведут на ${publicUrl}; адрес для родителей задаётся PUBLIC_URL`,
        en: `links in messages point to ${publicUrl}; set PUBLIC_URL to the address parents reach`,
      });
    }
  }
  let lastError = '';
  const worker: MailWorker = createMailWorker({
    storage: options.storage,
    transport,
    now: options.now,
    publicUrl,
    from: settings.from,
    reminderTime: settings.reminderTime,
    onError: (error) => {
      // One line per kind of failure in a row, never an address.
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if (text === lastError) return;
      lastError = text;
      err(`eduset: письма родителям: ошибка / messages to parents: error: ${text}`);
    },
  });
  worker.start();
  return async () => {
    await worker.stop();
    await transport.close();
  };
}
